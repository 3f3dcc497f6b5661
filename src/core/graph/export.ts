import type { PlanGraph } from "./model";
import { layoutGraph, type LayoutMode } from "./layout";
import { toMermaid } from "./mermaid";
import { toDot } from "./dot";
import { renderGraphSvg } from "./svg";
import { toGantt } from "./gantt";
import { renderTimelineSvg } from "./timeline-svg";
import { buildSchedule } from "../schedule/cpm";
import type { Schedule } from "../schedule/model";
import type { PlanTiming } from "../schedule/timing";

/**
 * Text exports of a plan graph, by format name, for the CLI (`intentk graph --format …`) and the
 * view's export actions. JSON (the stable contract) is `toGraphJson` in the graph model.
 */

export interface GraphExportOptions {
  /** Include tasks: the task layout (SVG), subgraphs/clusters per phase (Mermaid, DOT). */
  tasks?: boolean;
  hideDone?: boolean;
  /** Only these phases (ids). */
  phases?: readonly string[];
  /** Title of the SVG document. */
  title?: string;
  /** The plan's schedule (gantt, timeline SVG); else computed from `timing` and `today`. */
  schedule?: Schedule;
  timing?: PlanTiming;
  today?: Date;
}

export type GraphFormatter = (graph: PlanGraph, options?: GraphExportOptions) => string;

/** A standalone SVG of the phase graph (or, with `tasks`, of the task lanes). */
export function graphToSvg(graph: PlanGraph, options: GraphExportOptions = {}): string {
  const mode: LayoutMode = options.tasks ? "tasks" : "phases";
  const layout = layoutGraph(graph, mode, { hideDone: options.hideDone, phases: options.phases });
  return renderGraphSvg(layout, { title: options.title ?? graphTitle(graph) });
}

/** The schedule the options give, or the one computed from their timing (none: every duration estimated, from today). */
export function scheduleFor(graph: PlanGraph, options: GraphExportOptions = {}): Schedule {
  return options.schedule ?? buildSchedule(graph, options.timing ?? { timelines: new Map() }, { today: options.today ?? new Date() });
}

/** The schedule as a Mermaid gantt chart (the CLI's `--format gantt`, the plugin's copy command). */
export function graphToGantt(graph: PlanGraph, options: GraphExportOptions = {}): string {
  return toGantt(scheduleFor(graph, options), { title: options.title ?? graphTitle(graph) });
}

/** A standalone SVG of the schedule's timeline (the CLI's `--format timeline-svg`). */
export function graphToTimelineSvg(graph: PlanGraph, options: GraphExportOptions = {}): string {
  return renderTimelineSvg(scheduleFor(graph, options), { today: options.today ?? new Date(), title: options.title ?? graphTitle(graph) });
}

/** A readable title for a graph: the plan file name without folders and extension. */
export function graphTitle(graph: PlanGraph): string {
  const parts = graph.file.split("/");
  const name = (parts[parts.length - 1] ?? "").replace(/\.md$/i, "");
  const folder = parts.length > 1 ? parts[parts.length - 2] : "";
  return folder ? `${folder} — ${name}` : name || "Plan graph";
}

export const graphFormats: Record<string, GraphFormatter> = {
  mermaid: (graph, options = {}) => toMermaid(graph, options),
  svg: (graph, options = {}) => graphToSvg(graph, options),
  dot: (graph, options = {}) => toDot(graph, options),
  gantt: (graph, options = {}) => graphToGantt(graph, options),
  "timeline-svg": (graph, options = {}) => graphToTimelineSvg(graph, options),
};

/** File extension for each export format. */
export const graphFormatExtensions: Record<string, string> = { mermaid: "mmd", svg: "svg", dot: "dot", gantt: "mmd", "timeline-svg": "svg" };
