import type { Diagnostic } from "../diagnostics";

/**
 * What the tolerant reader finds in any execution plan (our generated execute.md, an AI agent's
 * execute.md, spec-kit's tasks.md): phases and tasks with their lines. This is the one model that
 * the index, progress, "next ready task", the graph and the CLI work from.
 */
export type PhaseKind = "setup" | "foundational" | "milestone" | "story" | "polish" | "other";

/** How the tasks of a document are written. */
export type TaskForm = "checkbox" | "bullet" | "heading" | "table" | "none";

export interface PlanPhase {
  /** Unique within the document, stable for its order: `phase-1`, `phase-2`… */
  id: string;
  /** The number the heading gives (`3`, `3.1`, `M1`), when it gives one. */
  number?: string;
  /** Heading text without the `Phase N:` prefix, priority and MVP mark. */
  title: string;
  /** Heading text exactly as written (the target of heading links); "" for the implicit phase. */
  heading: string;
  kind: PhaseKind;
  priority?: number;
  mvp: boolean;
  /** 1-based line of the heading (of the first task for the implicit phase). */
  line: number;
  /** True for the phase made of tasks that come before any level-2 heading. */
  implicit: boolean;
  /** Milestone or story label the phase is about (`M2`, `US1`), when known. */
  label?: string;
  /** Level-3 groups inside the phase ("Tests for User Story 1"). */
  groups: { title: string; line: number }[];
  /** Phase ids this phase waits for (explicit `Depends on` lines, else the conventional order). */
  dependsOn: string[];
}

export interface PlanTask {
  id: string;
  /** Id of the phase that holds it. */
  phase: string;
  /** null for a task written without a checkbox. */
  state: "open" | "done" | null;
  parallel: boolean;
  /** Story/milestone labels only: `US1`, `M2`, `M4a`. */
  labels: string[];
  /** IDs of tasks this one waits for, as written (may name unknown IDs; diagnostics say so). */
  dependsOn: string[];
  /**
   * Phase ids this one task waits for as a whole (`depends on M1 completion`, `T011–T013 after
   * US1`), besides the phases its own phase waits for. Absent when none.
   */
  dependsOnPhases?: string[];
  line: number;
  /** Description without ID, markers, dependency notes, Tasks-plugin fields and block id. */
  text: string;
  /** Level-3 group title inside its phase, if any. */
  group?: string;
  /** `^t012` block id at the end of the line, without `^`. */
  blockId?: string;
  /** Vault path of the note holding it when that is not the plan itself (a task of another note). */
  file?: string;
}

export interface PlanDoc {
  file: string;
  form: TaskForm;
  phases: PlanPhase[];
  tasks: PlanTask[];
  diagnostics: Diagnostic[];
  frontmatter: Record<string, unknown>;
  /** `# Execution Plan: NAME` / `# Tasks: NAME` → NAME, when present. */
  title?: string;
}
