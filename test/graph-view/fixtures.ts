import { prng } from "../../bench/synthetic";
import type { GraphEdge, GraphPhase, GraphTask, PlanGraph } from "../../src/core/graph/model";
import type { PhaseKind } from "../../src/core/reader/model";

/**
 * Hand-made plan graphs for the graph view tests (until `buildGraph` lands, and afterwards for
 * shapes no real plan has, like 1,000 tasks). `makeGraph` computes statuses, waves and a critical
 * path the simple way: enough for layout and rendering tests, not a reference for the model.
 */

export interface PhaseSpec {
  id: string;
  title: string;
  kind?: PhaseKind;
  heading?: string;
  priority?: number;
  mvp?: boolean;
  label?: string;
  line?: number;
  /** Phase ids this phase waits for. Default: the previous phase. */
  after?: string[];
}

export interface TaskSpec {
  id: string;
  phase: string;
  text: string;
  done?: boolean;
  parallel?: boolean;
  labels?: string[];
  dependsOn?: string[];
  line?: number;
}

export function makeGraph(file: string, phaseSpecs: PhaseSpec[], taskSpecs: TaskSpec[]): PlanGraph {
  const after = new Map<string, string[]>();
  phaseSpecs.forEach((p, i) => after.set(p.id, p.after ?? (i > 0 ? [phaseSpecs[i - 1].id] : [])));
  const tasksOf = new Map<string, TaskSpec[]>(phaseSpecs.map((p) => [p.id, []]));
  for (const t of taskSpecs) tasksOf.get(t.phase)?.push(t);

  // Waves: longest path over phase dependencies (specs are given in a topological order).
  const wave = new Map<string, number>();
  for (const p of phaseSpecs) wave.set(p.id, Math.max(-1, ...(after.get(p.id) ?? []).map((a) => wave.get(a) ?? 0)) + 1);

  const doneTask = new Map(taskSpecs.map((t) => [t.id, Boolean(t.done)]));
  const phaseDone = (id: string): boolean => (tasksOf.get(id) ?? []).every((t) => t.done);
  const upstreamPhases = (id: string, seen = new Set<string>()): Set<string> => {
    for (const a of after.get(id) ?? []) if (!seen.has(a)) upstreamPhases(a, seen.add(a));
    return seen;
  };

  const tasks: GraphTask[] = taskSpecs.map((t, i) => {
    const blockedBy = new Set<string>();
    for (const d of t.dependsOn ?? []) if (!doneTask.get(d)) blockedBy.add(d);
    // Through phase order: the open tasks of the phases it directly waits for (enough for display).
    for (const up of after.get(t.phase) ?? []) for (const u of tasksOf.get(up) ?? []) if (!u.done) blockedBy.add(u.id);
    const upstreamOpen = [...upstreamPhases(t.phase)].some((up) => !phaseDone(up));
    return {
      id: t.id,
      phase: t.phase,
      state: t.done ? "done" : "open",
      parallel: Boolean(t.parallel),
      labels: t.labels ?? [],
      dependsOn: t.dependsOn ?? [],
      line: t.line ?? 100 + i,
      text: t.text,
      status: t.done ? "done" : blockedBy.size === 0 && !upstreamOpen ? "ready" : "blocked",
      blockedBy: [...blockedBy],
      wave: wave.get(t.phase) ?? 0,
    };
  });

  // Critical path: heaviest chain of phases, weight = task count.
  const best = new Map<string, { weight: number; path: string[] }>();
  for (const p of phaseSpecs) {
    const w = tasksOf.get(p.id)?.length ?? 0;
    let prev: { weight: number; path: string[] } = { weight: 0, path: [] };
    for (const a of after.get(p.id) ?? []) {
      const b = best.get(a);
      if (b && b.weight > prev.weight) prev = b;
    }
    best.set(p.id, { weight: prev.weight + w, path: [...prev.path, p.id] });
  }
  let critical: string[] = [];
  let top = -1;
  for (const b of best.values()) if (b.weight > top) [top, critical] = [b.weight, b.path];
  const criticalSet = new Set(critical);

  const phases: GraphPhase[] = phaseSpecs.map((p, i) => {
    const list = tasksOf.get(p.id) ?? [];
    const done = list.filter((t) => t.done).length;
    const ready = [...upstreamPhases(p.id)].every(phaseDone);
    return {
      id: p.id,
      title: p.title,
      heading: p.heading ?? `Phase ${i + 1}: ${p.title}`,
      kind: p.kind ?? "milestone",
      line: p.line ?? 10 + i * 20,
      priority: p.priority,
      mvp: Boolean(p.mvp),
      label: p.label,
      done,
      total: list.length,
      status: list.length > 0 && done === list.length ? "done" : ready ? "ready" : "blocked",
      wave: wave.get(p.id) ?? 0,
      weight: list.length,
      critical: criticalSet.has(p.id),
    };
  });

  const edges: GraphEdge[] = [];
  for (const p of phaseSpecs) for (const a of after.get(p.id) ?? []) edges.push({ from: a, to: p.id, kind: "phase" });
  for (const t of taskSpecs) for (const d of t.dependsOn ?? []) edges.push({ from: d, to: t.id, kind: "task" });

  const waves: string[][] = [];
  for (const p of phaseSpecs) (waves[wave.get(p.id) ?? 0] ??= []).push(p.id);
  return { file, phases, tasks, edges, order: phaseSpecs.map((p) => p.id), waves, criticalPath: critical, diagnostics: [] };
}

/** A small plan: setup → foundation → two milestones side by side → polish. */
export function smallGraph(): PlanGraph {
  return makeGraph(
    "visions/001-demo/execute.md",
    [
      { id: "phase-1", title: "Setup (Shared Infrastructure)", kind: "setup", line: 12 },
      { id: "phase-2", title: "Foundational (Blocking Prerequisites)", kind: "foundational", line: 20 },
      { id: "phase-3", title: 'Milestone 1 - Shared "List" [Core] #1', label: "M1", priority: 1, mvp: true, line: 30, heading: 'Phase 3: Milestone 1 - Shared "List" [Core] #1 (Priority: P1) 🎯 MVP' },
      { id: "phase-4", title: "Milestone 2 - Import & Export: CSV", label: "M2", priority: 2, line: 45, after: ["phase-3"] },
      { id: "phase-5", title: "Milestone 3 - Reading Status", label: "M3", priority: 3, line: 60, after: ["phase-3"] },
      { id: "phase-6", title: "Polish & Cross-Cutting Concerns", kind: "polish", line: 75, after: ["phase-4", "phase-5"] },
    ],
    [
      { id: "T001", phase: "phase-1", text: "Create the project structure", done: true, parallel: true, line: 14 },
      { id: "T002", phase: "phase-1", text: "Set up TypeScript and the test runner", done: true, parallel: true, line: 15 },
      { id: "T003", phase: "phase-2", text: "Shared types in src/shared/types.ts", done: true, line: 22 },
      { id: "T004", phase: "phase-2", text: "Seed data for the pilot team", line: 23 },
      { id: "T005", phase: "phase-3", text: "Tables for teams, lists and items", labels: ["M1"], parallel: true, line: 33 },
      { id: "T006", phase: "phase-3", text: "Add, list and filter endpoints in src/api/lists.ts", labels: ["M1"], line: 34, dependsOn: ["T005"] },
      { id: "T007", phase: "phase-3", text: "Verify: a member pastes a URL and the item shows with title, author and note", labels: ["M1"], line: 35, dependsOn: ["T005", "T006"] },
      { id: "T008", phase: "phase-4", text: "CSV export", labels: ["M2"], parallel: true, line: 48 },
      { id: "T009", phase: "phase-4", text: "CSV import with a duplicate report", labels: ["M2"], line: 49, dependsOn: ["T008", "T007"] },
      { id: "T010", phase: "phase-5", text: "Status table", labels: ["M3"], line: 63 },
      { id: "T011", phase: "phase-6", text: "Check contrast and keyboard navigation", line: 78, dependsOn: ["T009", "T010"] },
    ],
  );
}

const WORDS = "deliver verify integrate shared list endpoint import export status table migration review agenda takeaway discussion calendar invite survey analytics filter duplicate metadata lookup cover author page component route test fixture seed schema".split(" ");

/**
 * A large plan: `phaseCount` phases in a chain with a few side branches, `taskCount` tasks spread
 * over them, each depending on up to three earlier tasks of its phase or the previous one; some
 * done, some titles very long.
 */
export function largeGraph(taskCount = 1000, phaseCount = 12, seed = 7): PlanGraph {
  const rand = prng(seed);
  const phases: PhaseSpec[] = [];
  for (let i = 0; i < phaseCount; i++) {
    const after = i === 0 ? [] : i % 4 === 3 && i > 1 ? [`phase-${i - 1}`, `phase-${i - 2}`] : [`phase-${i}`];
    phases.push({ id: `phase-${i + 1}`, title: `Milestone ${i + 1} - ${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}`, label: `M${i + 1}`, priority: 1 + (i % 3), mvp: i === 2, after, line: 10 + i * 200 });
  }
  const tasks: TaskSpec[] = [];
  const byPhase: string[][] = phases.map(() => []);
  for (let n = 0; n < taskCount; n++) {
    const pi = Math.min(phaseCount - 1, Math.floor((n * phaseCount) / taskCount));
    const id = `T${String(n + 1).padStart(4, "0")}`;
    const deps = new Set<string>();
    const pool = [...byPhase[pi], ...(pi > 0 ? byPhase[pi - 1].slice(-10) : [])];
    const k = Math.floor(rand() * 4);
    for (let j = 0; j < k && pool.length > 0; j++) deps.add(pool[Math.floor(rand() * pool.length)]);
    const wordCount = rand() < 0.1 ? 40 : 3 + Math.floor(rand() * 10);
    const text = Array.from({ length: wordCount }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ");
    tasks.push({ id, phase: `phase-${pi + 1}`, text, done: pi < 2 && rand() < 0.8, parallel: rand() < 0.3, labels: [`M${pi + 1}`], dependsOn: [...deps], line: 12 + n });
    byPhase[pi].push(id);
  }
  return makeGraph("visions/999-large/execute.md", phases, tasks);
}
