import type { Diagnostic } from "../diagnostics";
import { sortDiagnostics } from "../diagnostics";
import { cyclicComponents, spellCycle } from "../reader/cycles";
import type { PlanDoc } from "../reader/model";
import { schedulePhases } from "./critical";
import type { GraphEdge, GraphPhase, GraphTask, PlanGraph } from "./model";
import { computeStates } from "./state";

export interface BuildOptions {
  /**
   * Duration in days of milestone phases, by label (`M2` → 21), from the plan's Timeline fields.
   * Phases without one weigh their task count on the critical path.
   */
  phaseWeights?: Map<string, number>;
}

/**
 * The graph of a plan: phase order, waves and critical path; per-phase progress; and the state of
 * every task (done / ready / blocked, with what blocks it). Never throws on cycles: they become
 * diagnostics and the rest of the graph is still computed.
 */
export function buildGraph(doc: PlanDoc, opts: BuildOptions = {}): PlanGraph {
  const totals = new Map(doc.phases.map((p) => [p.id, { done: 0, total: 0 }]));
  for (const t of doc.tasks) {
    const c = totals.get(t.phase);
    if (!c) continue;
    c.total++;
    if (t.state === "done") c.done++;
  }
  const weightOf = (label: string | undefined, total: number): number => {
    const w = label !== undefined ? opts.phaseWeights?.get(label) : undefined;
    return w !== undefined && Number.isFinite(w) && w > 0 ? w : total;
  };
  const schedule = schedulePhases(doc.phases.map((p) => ({ id: p.id, dependsOn: p.dependsOn, weight: weightOf(p.label, totals.get(p.id)!.total) })));

  // Cycles the reader reports (phase-only, task-only) are not reported again here.
  const phaseCycles = new Set(schedule.cycles.flat());
  const byId = new Map<string, number[]>();
  doc.tasks.forEach((t, i) => {
    const list = byId.get(t.id);
    if (list) list.push(i);
    else byId.set(t.id, [i]);
  });
  const taskEdges = doc.tasks.map((t, i) => t.dependsOn.flatMap((id) => (byId.get(id) ?? []).filter((j) => j !== i)));
  const taskCycleMembers = new Set(cyclicComponents(doc.tasks.length, taskEdges).flat());
  const states = computeStates(doc.phases, doc.tasks, phaseCycles, taskCycleMembers);

  const critical = new Set(schedule.criticalPath);
  const withReadyTasks = new Set(doc.tasks.flatMap((t, i) => (states.status[i] === "ready" ? [t.phase] : [])));
  const phases: GraphPhase[] = doc.phases.map((p) => {
    const { done, total } = totals.get(p.id)!;
    const phase: GraphPhase = {
      id: p.id,
      title: p.title,
      heading: p.heading,
      kind: p.kind,
      line: p.line,
      mvp: p.mvp,
      done,
      total,
      status: total > 0 && done === total ? "done" : withReadyTasks.has(p.id) ? "ready" : "blocked",
      wave: schedule.wave.get(p.id) ?? 0,
      weight: weightOf(p.label, total),
      critical: critical.has(p.id),
    };
    if (p.priority !== undefined) phase.priority = p.priority;
    if (p.label !== undefined) phase.label = p.label;
    return phase;
  });

  // Built field by field (not spread): object spread of 10,000 tasks is measurably slow.
  const tasks: GraphTask[] = doc.tasks.map((t, i) => {
    const g: GraphTask = {
      id: t.id,
      phase: t.phase,
      state: t.state,
      parallel: t.parallel,
      labels: t.labels,
      dependsOn: t.dependsOn,
      line: t.line,
      text: t.text,
      status: states.status[i],
      blockedBy: states.blockedBy[i],
      wave: states.wave[i],
    };
    if (t.dependsOnPhases) g.dependsOnPhases = t.dependsOnPhases;
    if (t.group !== undefined) g.group = t.group;
    if (t.blockId !== undefined) g.blockId = t.blockId;
    if (t.file !== undefined) g.file = t.file;
    return g;
  });

  // Dependency lists hold each ID once, so edges are unique except between duplicated task IDs.
  const edges: GraphEdge[] = [];
  for (const p of doc.phases) for (const d of p.dependsOn) edges.push({ from: d, to: p.id, kind: "phase" });
  const seen = new Set<string>();
  for (const t of doc.tasks) {
    const duplicated = byId.get(t.id)!.length > 1;
    for (const d of t.dependsOn) {
      if (!byId.has(d) || d === t.id) continue;
      if (duplicated) {
        const key = `${d}\u0000${t.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      edges.push({ from: d, to: t.id, kind: "task" });
    }
  }

  const diagnostics: Diagnostic[] = [...doc.diagnostics];
  for (const c of states.mixedCycles) {
    diagnostics.push({
      code: "dependency-cycle",
      severity: "error",
      message: `A task dependency runs against the phase order: ${spellCycle(c.names)}; move the task or remove the dependency.`,
      file: doc.file,
      line: c.line,
    });
  }

  return {
    file: doc.file,
    phases,
    tasks,
    edges,
    order: schedule.order,
    waves: schedule.waves,
    criticalPath: schedule.criticalPath,
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/**
 * Up to `n` ready tasks, in the order work would naturally proceed: phases in topological order,
 * then document order within a phase.
 */
export function nextReadyTasks(graph: PlanGraph, n: number): GraphTask[] {
  const rank = new Map(graph.order.map((id, i) => [id, i]));
  return graph.tasks
    // A task of another note (shown in a plain note's graph) is worked on in its own note.
    .filter((t) => t.status === "ready" && t.file === undefined)
    .sort((a, b) => (rank.get(a.phase) ?? 0) - (rank.get(b.phase) ?? 0) || a.line - b.line)
    .slice(0, Math.max(0, n));
}
