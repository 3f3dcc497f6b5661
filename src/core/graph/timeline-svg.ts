import { buildSchedule } from "../schedule/cpm";
import type { Schedule, ScheduledPhase } from "../schedule/model";
import type { PlanTiming } from "../schedule/timing";
import type { PlanGraph } from "./model";
import { markerSpec, polylinePath, serializeSvg, type SvgElementSpec } from "./svg";
import { TIMELINE_METRICS, type TimelineLayout, type TimelineOptions, type TimelineRow, layoutTimeline, shortDate } from "./timeline-layout";

/**
 * The timeline of a schedule as an SVG element tree, serialised to a standalone file
 * (`renderTimelineSvg`, `intentk graph --format timeline-svg`) or built as live DOM by a view
 * (`buildTimelineScene` with `standalone: false`; rows carry `data-phase` for clicks). Critical
 * bars are marked, estimated bars dashed, stated (dated) bars solid; slack is a thin extension.
 */

export interface TimelineSceneOptions {
  idPrefix?: string;
  /** Standalone file: xmlns, size, inlined light/dark style, background. Default true. */
  standalone?: boolean;
  /** Focusable rows with role and accessible names. Default false. */
  interactive?: boolean;
  title?: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** What hovering a bar tells: dates, duration, slack, progress. */
export function timelineTooltip(p: ScheduledPhase): string {
  const dates = p.durationDays > 0 ? `${shortDate(p.start)} – ${shortDate(p.finish - 1)}` : shortDate(p.start);
  const duration = p.durationDays > 0 ? plural(p.durationDays, "day") + (p.estimated ? " (estimated from its tasks)" : "") : "takes no time";
  const slack = p.slackDays === 0 ? "no slack" : p.slackDays > 0 ? `${plural(p.slackDays, "day")} of slack` : `${plural(-p.slackDays, "day")} late`;
  const parts = [dates, duration, slack, `${p.done}/${p.total} tasks done`];
  if (p.critical) parts.push("critical path");
  return `${p.title}\n${parts.join(" · ")}`;
}

function rowSpec(r: TimelineRow, interactive: boolean): SvgElementSpec {
  const p = r.entry;
  const cls = ["intentk-timeline-row"];
  if (p.critical) cls.push("is-critical");
  if (p.estimated) cls.push("is-estimated");
  if (p.stated) cls.push("is-stated");
  if (p.total > 0 && p.done === p.total) cls.push("is-done");
  if (r.index % 2 === 1) cls.push("is-odd");
  const attrs: Record<string, string | number> = { "data-phase": r.phase };
  if (interactive) {
    attrs.tabindex = 0;
    attrs.role = "button";
    attrs["aria-label"] = timelineTooltip(p).replace("\n", ": ");
  }
  const M = TIMELINE_METRICS;
  const midY = r.bar.y + r.bar.height / 2;
  const children: SvgElementSpec[] = [
    { tag: "title", text: timelineTooltip(p) },
    { tag: "rect", cls: ["intentk-timeline-row-bg"], attrs: { ...r.row } },
    { tag: "text", cls: ["intentk-timeline-label"], attrs: { x: r.label.x, y: r.label.y + 12 }, text: r.label.text },
  ];
  if (r.slack.width > 0) children.push({ tag: "rect", cls: ["intentk-timeline-slack"], attrs: { ...r.slack, rx: 1 } });
  if (r.bar.width > 0) {
    children.push({ tag: "rect", cls: ["intentk-timeline-bar"], attrs: { ...r.bar, rx: 3 } });
    if (r.progressWidth > 0) children.push({ tag: "rect", cls: ["intentk-timeline-progress"], attrs: { ...r.bar, width: r.progressWidth, rx: 3 } });
    if (p.critical) children.push({ tag: "rect", cls: ["intentk-timeline-critical-mark"], attrs: { x: r.bar.x, y: r.bar.y + r.bar.height + 1, width: r.bar.width, height: 2 } });
  } else {
    const s = M.barHeight / 2;
    const x = r.bar.x;
    children.push({ tag: "path", cls: ["intentk-timeline-bar", "is-point"], attrs: { d: `M${x} ${midY - s} L${x + s} ${midY} L${x} ${midY + s} L${x - s} ${midY} Z` } });
  }
  return { tag: "g", cls, attrs, children };
}

/** The timeline's element tree (see `buildGraphScene` for the standalone/view difference). */
export function buildTimelineScene(layout: TimelineLayout, options: TimelineSceneOptions = {}): SvgElementSpec {
  const prefix = options.idPrefix ?? "intentk-timeline";
  const standalone = options.standalone ?? true;
  const title = options.title ?? "Plan timeline";
  const M = TIMELINE_METRICS;
  const bottom = layout.height - M.margin;
  const grid: SvgElementSpec[] = layout.ticks.flatMap((t) => {
    const line: SvgElementSpec = { tag: "line", cls: ["intentk-timeline-tick", ...(t.month ? ["is-month"] : [])], attrs: { x1: t.x, y1: layout.top - 6, x2: t.x, y2: bottom } };
    return t.labelled ? [line, { tag: "text", cls: ["intentk-timeline-tick-label"], attrs: { x: t.x + 3, y: layout.top - 10 }, text: t.label }] : [line];
  });
  const content: SvgElementSpec[] = [
    { tag: "g", cls: ["intentk-timeline-rows"], children: layout.rows.map((r) => rowSpec(r, options.interactive ?? false)) },
    { tag: "g", cls: ["intentk-timeline-grid"], children: grid },
    {
      tag: "g",
      cls: ["intentk-timeline-arrows"],
      children: layout.arrows.map((a) => ({
        tag: "path",
        cls: ["intentk-timeline-arrow", ...(a.critical ? ["is-critical"] : [])],
        attrs: { d: polylinePath(a.points), "marker-end": `url(#${prefix}-${a.critical ? "arrow-critical" : "arrow"})`, "data-from": a.from, "data-to": a.to },
      })),
    },
  ];
  if (layout.todayX !== undefined) {
    content.push({
      tag: "g",
      cls: ["intentk-timeline-today"],
      children: [
        { tag: "line", cls: ["intentk-timeline-today-line"], attrs: { x1: layout.todayX, y1: M.margin, x2: layout.todayX, y2: bottom } },
        { tag: "text", cls: ["intentk-timeline-today-label"], attrs: { x: layout.todayX + 3, y: M.margin + 10 }, text: "Today" },
      ],
    });
  }
  const defs: SvgElementSpec = { tag: "defs", children: [markerSpec(`${prefix}-arrow`, false), markerSpec(`${prefix}-arrow-critical`, true)] };
  if (!standalone) {
    return {
      tag: "svg",
      cls: ["intentk-graph", "intentk-timeline", "is-timeline"],
      attrs: { width: "100%", height: "100%", role: "group", "aria-label": title },
      children: [defs, { tag: "g", cls: ["intentk-graph-viewport"], attrs: { transform: "translate(0 0) scale(1)" }, children: content }],
    };
  }
  return {
    tag: "svg",
    cls: ["intentk-graph", "intentk-timeline", "intentk-graph-standalone", "is-timeline"],
    attrs: { xmlns: "http://www.w3.org/2000/svg", width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`, role: "img", "aria-label": title },
    children: [
      { tag: "title", text: title },
      { tag: "style", text: TIMELINE_SVG_STYLE },
      defs,
      { tag: "rect", cls: ["intentk-graph-background"], attrs: { x: 0, y: 0, width: layout.width, height: layout.height } },
      ...content,
    ],
  };
}

/**
 * Everything a view needs in one call: the schedule of a graph, its layout (each row's phase id and
 * rectangles, for clicks and hover) and the element tree to draw (`standalone: false` by default:
 * a `g.intentk-graph-viewport` to zoom and pan, focusable rows with `data-phase`).
 */
export function buildTimeline(
  graph: PlanGraph,
  options: { timing?: PlanTiming; today: Date; schedule?: Schedule; pxPerDay?: number } & TimelineSceneOptions,
): { schedule: Schedule; layout: TimelineLayout; scene: SvgElementSpec } {
  const schedule = options.schedule ?? buildSchedule(graph, options.timing ?? { timelines: new Map() }, { today: options.today });
  const layout = layoutTimeline(schedule, { today: options.today, pxPerDay: options.pxPerDay });
  const scene = buildTimelineScene(layout, { standalone: false, interactive: true, ...options });
  return { schedule, layout, scene };
}

/** A standalone SVG document of the schedule's timeline, readable in light and dark mode. */
export function renderTimelineSvg(schedule: Schedule, options: TimelineOptions & TimelineSceneOptions): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(buildTimelineScene(layoutTimeline(schedule, options), { ...options, standalone: true }))}\n`;
}

/** Light palette with a dark variant, for the standalone file (a view styles the same classes with its theme). */
export const TIMELINE_SVG_STYLE = `
.intentk-timeline { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.intentk-graph-background { fill: #ffffff; }
.intentk-timeline-row-bg { fill: transparent; }
.intentk-timeline-row.is-odd .intentk-timeline-row-bg { fill: #f6f8fa; }
.intentk-timeline-label { font-size: 12px; fill: #1f2328; }
.intentk-timeline-tick { stroke: #d1d9e0; stroke-width: 1; }
.intentk-timeline-tick.is-month { stroke: #8c959f; }
.intentk-timeline-tick-label { font-size: 11px; fill: #59636e; }
.intentk-timeline-bar { fill: #ddf4ff; stroke: #0969da; stroke-width: 1.5; }
.intentk-timeline-row.is-critical .intentk-timeline-bar { stroke: #bc4c00; stroke-width: 2.5; fill: #fff1e5; }
.intentk-timeline-row.is-estimated .intentk-timeline-bar { fill: #ffffff; stroke-dasharray: 5 3; }
.intentk-timeline-progress { fill: #1a7f37; opacity: 0.75; }
.intentk-timeline-critical-mark { fill: #bc4c00; }
.intentk-timeline-slack { fill: #8c959f; }
.intentk-timeline-arrow { fill: none; stroke: #8c959f; stroke-width: 1.25; }
.intentk-timeline-arrow.is-critical { stroke: #bc4c00; stroke-width: 2; }
.intentk-graph-arrowhead { fill: #8c959f; }
.intentk-graph-arrowhead.is-critical { fill: #bc4c00; }
.intentk-timeline-today-line { stroke: #cf222e; stroke-width: 1.5; stroke-dasharray: 4 3; }
.intentk-timeline-today-label { font-size: 11px; font-weight: 700; fill: #cf222e; }
@media (prefers-color-scheme: dark) {
  .intentk-graph-background { fill: #0d1117; }
  .intentk-timeline-row.is-odd .intentk-timeline-row-bg { fill: #151b23; }
  .intentk-timeline-label { fill: #e6edf3; }
  .intentk-timeline-tick { stroke: #3d444d; }
  .intentk-timeline-tick.is-month { stroke: #7d8590; }
  .intentk-timeline-tick-label { fill: #9198a1; }
  .intentk-timeline-bar { fill: #0c2d6b; stroke: #4493f8; }
  .intentk-timeline-row.is-critical .intentk-timeline-bar { stroke: #f0883e; fill: #3d1d00; }
  .intentk-timeline-row.is-estimated .intentk-timeline-bar { fill: #0d1117; }
  .intentk-timeline-progress { fill: #3fb950; }
  .intentk-timeline-critical-mark { fill: #f0883e; }
  .intentk-timeline-slack { fill: #7d8590; }
  .intentk-timeline-arrow { stroke: #7d8590; }
  .intentk-timeline-arrow.is-critical { stroke: #f0883e; }
  .intentk-graph-arrowhead { fill: #7d8590; }
  .intentk-graph-arrowhead.is-critical { fill: #f0883e; }
  .intentk-timeline-today-line { stroke: #f85149; }
  .intentk-timeline-today-label { fill: #f85149; }
}
`;
