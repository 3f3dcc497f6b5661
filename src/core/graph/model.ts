import type { Diagnostic } from "../diagnostics";
import type { PhaseKind, PlanDoc, PlanTask } from "../reader/model";
import type { ScheduleJson } from "../schedule/model";

/**
 * The graph of an execution plan: phases and tasks with computed order, waves, critical path and
 * states. `toGraphJson` gives the stable JSON contract (`intentk graph --format json`).
 */
export type TaskStatus = "done" | "ready" | "blocked";

export interface GraphPhase {
  id: string;
  title: string;
  heading: string;
  kind: PhaseKind;
  line: number;
  priority?: number;
  mvp: boolean;
  label?: string;
  done: number;
  total: number;
  /** "done" when every task is done, "ready" when it can be worked on now, else "blocked". */
  status: TaskStatus;
  /** 0-based wave: phases of one wave can run at the same time. */
  wave: number;
  /** Duration used for the critical path: days from the milestone Timeline, else task count. */
  weight: number;
  critical: boolean;
}

export interface GraphTask extends PlanTask {
  status: TaskStatus;
  /** IDs of the not-done tasks (direct or through phase order) that keep it blocked. */
  blockedBy: string[];
  /** 0-based wave of the task within the whole plan. */
  wave: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** phase→phase order, task→task explicit dependency. */
  kind: "phase" | "task";
}

export interface PlanGraph {
  file: string;
  phases: GraphPhase[];
  tasks: GraphTask[];
  edges: GraphEdge[];
  /** Phase ids in topological order. */
  order: string[];
  waves: string[][];
  criticalPath: string[];
  diagnostics: Diagnostic[];
}

/** The stable JSON contract. */
export interface GraphJson {
  /** `implicit: true` only on the phase made of tasks written before any level-2 heading. */
  phases: { id: string; title: string; kind: PhaseKind; line: number; done: number; total: number; implicit?: true }[];
  /**
   * `dependsOnPhases` only when the task itself waits for whole phases (`depends on M1 completion`);
   * `file` only on a task of another note that a plain note's task waits for.
   */
  tasks: { id: string; phase: string; state: "open" | "done" | null; parallel: boolean; labels: string[]; dependsOn: string[]; line: number; dependsOnPhases?: string[]; file?: string }[];
  edges: GraphEdge[];
  criticalPath: string[];
  /** The schedule by the critical path method (`src/core/schedule/`), when one was computed. */
  schedule?: ScheduleJson[];
  diagnostics: Diagnostic[];
}

export type { PlanDoc };
