import type { Box } from "../../core/graph/layout";
import type { PlanGraph } from "../../core/graph/model";
import type { SvgElementSpec } from "../../core/graph/svg";
import { buildTimeline } from "../../core/graph/timeline-svg";
import { type TimelineLayout, shortDate } from "../../core/graph/timeline-layout";
import type { Schedule } from "../../core/schedule/model";
import type { PlanTiming } from "../../core/schedule/timing";

/** Something the view can focus, click and open: a node of the graph, a row of the timeline. */
export interface ViewTarget extends Box {
  /** `p:<phase id>` or `t:<task id>`, the value of its `data-node` attribute. */
  key: string;
  /** 1-based line to open, with the heading for a phase. */
  line: number;
  file?: string;
  heading?: string;
}

/** The timeline of a plan as the view draws it: the scene, and the rows as click and keyboard targets. */
export interface TimelineDrawing {
  schedule: Schedule;
  layout: TimelineLayout;
  scene: SvgElementSpec;
  targets: ViewTarget[];
  /** For screen readers, after a redraw. */
  summary: string;
}

/** A phase row's key: the same as its node in the phase graph, so focus survives a mode switch. */
export const phaseKey = (phase: string): string => `p:${phase}`;

/**
 * Rows and arrows of the timeline scene carry phase ids (`data-phase`, `data-from`/`data-to`); the
 * view finds nodes and their edges by `data-node` keys, so they are given those too.
 */
function markKeys(spec: SvgElementSpec): void {
  const attrs = spec.attrs;
  if (attrs) {
    if (typeof attrs["data-phase"] === "string") {
      attrs["data-node"] = phaseKey(attrs["data-phase"]);
      // Roving tabindex: the view makes one row the timeline's single tab stop.
      attrs.tabindex = -1;
    }
    if (typeof attrs["data-from"] === "string") attrs["data-from"] = phaseKey(attrs["data-from"]);
    if (typeof attrs["data-to"] === "string") attrs["data-to"] = phaseKey(attrs["data-to"]);
  }
  for (const child of spec.children ?? []) markKeys(child);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function timelineDrawing(graph: PlanGraph, timing: PlanTiming, today: Date, options: { idPrefix: string; title: string }): TimelineDrawing {
  const { schedule, layout, scene } = buildTimeline(graph, { timing, today, idPrefix: options.idPrefix, title: options.title });
  markKeys(scene);
  const headings = new Map(graph.phases.map((p) => [p.id, p.heading]));
  const targets = layout.rows.map((r): ViewTarget => ({ ...r.row, key: phaseKey(r.phase), line: r.entry.line, heading: headings.get(r.phase) }));
  const phases = schedule.phases;
  const estimated = phases.filter((p) => p.estimated).length;
  const critical = phases.filter((p) => p.critical).length;
  const span = phases.length ? `, ${shortDate(schedule.start)} to ${shortDate(schedule.finish - 1)}` : "";
  const summary = `Timeline of ${plural(phases.length, "phase")}${span}; ${critical} on the critical path${estimated ? `, ${estimated} estimated from their tasks` : ""}.`;
  return { schedule, layout, scene, targets, summary };
}
