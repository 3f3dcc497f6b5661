import type { Diagnostic } from "../diagnostics";
import { MAX_GRAPH_TASKS } from "../limits";
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

/**
 * Whether task-level output may be drawn for the tasks shown: above `MAX_GRAPH_TASKS` a task graph
 * is unreadable and slow to lay out, so it is drawn as its phases and a diagnostic says why.
 */
export function taskLevel(graph: PlanGraph, wanted: boolean, phases?: readonly string[]): { tasks: boolean; diagnostic?: Diagnostic } {
  if (!wanted) return { tasks: false };
  const count = phases ? graph.tasks.filter((t) => phases.includes(t.phase)).length : graph.tasks.length;
  if (count <= MAX_GRAPH_TASKS) return { tasks: true };
  return {
    tasks: false,
    diagnostic: {
      code: "graph-too-large",
      severity: "warning",
      message: `${count} tasks are more than a task graph can show (limit ${MAX_GRAPH_TASKS}); drawn as phases. Show one phase at a time to see its tasks.`,
      file: graph.file,
      line: 1,
    },
  };
}
