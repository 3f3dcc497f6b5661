import type { GraphTask, PlanGraph } from "../core/graph/model";
import type { PlanDoc } from "../core/reader/model";

/**
 * How the index reads execution plans (execute.md, spec-kit tasks.md): the tolerant reader and the
 * graph model of the core, behind one small interface so the index can be tested without them.
 */
export interface PlanAnalyzer {
  read(file: string, text: string): PlanDoc;
  /** The graph model (waves, critical path, task states); absent until the core provides it. */
  graph?(doc: PlanDoc, phaseWeights?: Map<string, number>): PlanGraph;
  /** The first `n` tasks that are not done and whose dependencies are all done, in plan order. */
  nextReady?(graph: PlanGraph, n: number): GraphTask[];
}

export interface Progress {
  done: number;
  total: number;
}

/** Done and total checkbox tasks of a plan (tasks written without a checkbox do not count). */
export function progressOf(doc: PlanDoc): Progress {
  let done = 0;
  let total = 0;
  for (const t of doc.tasks) {
    if (t.state === null) continue;
    total++;
    if (t.state === "done") done++;
  }
  return { done, total };
}
