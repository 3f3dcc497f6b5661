import { buildGraph, nextReadyTasks } from "../core/graph/build";
import { readPlan } from "../core/reader/read";
import type { PlanAnalyzer } from "./plan-analysis";

/** The core's execution-plan reader and graph model, as the index uses them. */
export const defaultAnalyzer: PlanAnalyzer = {
  read: (file, text) => readPlan(file, text),
  graph: (doc, phaseWeights) => buildGraph(doc, { phaseWeights }),
  nextReady: (graph, n) => nextReadyTasks(graph, n),
};
