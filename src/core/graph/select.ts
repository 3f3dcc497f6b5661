import type { GraphPhase, PlanGraph } from "./model";

/** What a text export of the graph shows (Mermaid, DOT). */
export interface ExportOptions {
  /** Include tasks (inside their phases). Default false: phases only. */
  tasks?: boolean;
  /** Leave out done phases (or done tasks, with `tasks`). */
  hideDone?: boolean;
  /** Only these phases (ids). */
  phases?: readonly string[];
}

/** Phases in topological order (then document order for any the order misses). */
export function orderedPhases(graph: PlanGraph): GraphPhase[] {
  const byId = new Map(graph.phases.map((p) => [p.id, p]));
  const out: GraphPhase[] = [];
  const seen = new Set<string>();
  for (const id of [...graph.order, ...graph.phases.map((p) => p.id)]) {
    const p = byId.get(id);
    if (p && !seen.has(id)) {
      seen.add(id);
      out.push(p);
    }
  }
  return out;
}

/** The phases an export shows, in order. */
export function shownPhases(graph: PlanGraph, options: ExportOptions): GraphPhase[] {
  const only = options.phases && options.phases.length > 0 ? new Set(options.phases) : undefined;
  return orderedPhases(graph).filter((p) => (!only || only.has(p.id)) && !(options.hideDone && !options.tasks && p.status === "done"));
}

/** Whether the phase edge from → to lies on the critical path. */
export function criticalEdges(graph: PlanGraph): (from: string, to: string) => boolean {
  const edges = new Set<string>();
  for (let i = 1; i < graph.criticalPath.length; i++) edges.add(`${graph.criticalPath[i - 1]}\u0000${graph.criticalPath[i]}`);
  return (from, to) => edges.has(`${from}\u0000${to}`);
}
