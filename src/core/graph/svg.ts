import type { TaskStatus } from "./model";
import { GRAPH_METRICS, measureText, type GraphLayout, type LayoutEdge, type LayoutLane, type LayoutNode, type Point } from "./layout";
import { xmlSafeText } from "../text/safe-chars";

/**
 * The SVG of a laid-out graph, described once as a small element tree (`SvgElementSpec`) and then
 * either serialised to a standalone file (`renderGraphSvg`) or built as live DOM by the Obsidian
 * view (with `createSvg`, see src/obsidian/graph-view/render-dom.ts). Both share class names:
 * the view styles them with Obsidian's CSS variables (styles.css), the standalone file carries
 * its own light and dark palette.
 */

export interface SvgElementSpec {
  tag: string;
  cls?: string[];
  attrs?: Record<string, string | number>;
  /** Text content (set with textContent / escaped). */
  text?: string;
  children?: SvgElementSpec[];
}

export interface SvgSceneOptions {
  /** Prefix for element ids (markers), unique per document. Default `intentk-graph`. */
  idPrefix?: string;
  /** Standalone file: xmlns, viewBox, size, inlined style and a background. Default true. */
  standalone?: boolean;
  /** Interactive view: focusable nodes (tabindex -1) with role and accessible names. Default false. */
  interactive?: boolean;
  /** Document title (standalone `<title>` and accessible name of the picture). */
  title?: string;
}

const STATUS_WORDS: Record<TaskStatus, string> = { done: "done", ready: "ready", blocked: "blocked" };

function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** `M x y L x y …` for a polyline. */
export function polylinePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${r1(p.x)} ${r1(p.y)}`).join(" ");
}

/** Accessible name of a node: title, status, progress and marks. */
export function nodeAccessibleName(n: LayoutNode): string {
  const parts: string[] = [];
  if (n.kind === "task") {
    parts.push(`${n.id}: ${n.title}`, STATUS_WORDS[n.status]);
    if (n.status === "blocked" && n.blockedBy.length > 0) {
      const shown = n.blockedBy.slice(0, 5).join(", ");
      parts.push(`waiting for ${shown}${n.blockedBy.length > 5 ? ` and ${n.blockedBy.length - 5} more` : ""}`);
    }
  } else {
    parts.push(`Phase ${n.title}`, STATUS_WORDS[n.status], `${n.done} of ${n.total} tasks done`);
    if (n.priority !== undefined) parts.push(`priority P${n.priority}`);
    if (n.mvp) parts.push("MVP");
    if (n.critical) parts.push("on the critical path");
  }
  return parts.join(", ");
}

function statusIcon(status: TaskStatus, x: number, y: number): SvgElementSpec {
  const s = GRAPH_METRICS.iconSize;
  const c = s / 2;
  let children: SvgElementSpec[];
  if (status === "done") {
    children = [
      { tag: "circle", cls: ["intentk-graph-icon-fill"], attrs: { cx: c, cy: c, r: c } },
      { tag: "path", cls: ["intentk-graph-icon-check"], attrs: { d: "M3.2 6.3 L5.3 8.4 L8.9 4.1" } },
    ];
  } else if (status === "ready") {
    children = [
      { tag: "circle", cls: ["intentk-graph-icon-ring"], attrs: { cx: c, cy: c, r: c - 0.75 } },
      { tag: "path", cls: ["intentk-graph-icon-mark"], attrs: { d: "M4.7 3.5 L8.8 6 L4.7 8.5 Z" } },
    ];
  } else {
    children = [
      { tag: "circle", cls: ["intentk-graph-icon-ring"], attrs: { cx: c, cy: c, r: c - 0.75 } },
      { tag: "path", cls: ["intentk-graph-icon-bar"], attrs: { d: "M3.2 6 L8.8 6" } },
    ];
  }
  return { tag: "g", cls: ["intentk-graph-status-icon"], attrs: { transform: `translate(${x} ${y})` }, children };
}

function mvpMark(x: number, y: number): SvgElementSpec {
  return {
    tag: "g",
    cls: ["intentk-graph-mvp"],
    attrs: { transform: `translate(${r1(x)} ${y})` },
    children: [
      { tag: "circle", cls: ["intentk-graph-mvp-ring"], attrs: { cx: 6, cy: 6, r: 5.25 } },
      { tag: "circle", cls: ["intentk-graph-mvp-dot"], attrs: { cx: 6, cy: 6, r: 2 } },
      { tag: "text", cls: ["intentk-graph-mvp-text"], attrs: { x: 15, y: 10 }, text: "MVP" },
    ],
  };
}

function tooltip(n: LayoutNode): string {
  const lines = [n.kind === "task" ? `${n.id} ${n.title}` : n.title];
  if (n.kind === "phase") {
    const marks = [n.priority !== undefined ? `P${n.priority}` : "", n.mvp ? "🎯 MVP" : "", n.critical ? "critical path" : ""].filter(Boolean);
    lines.push(`${STATUS_WORDS[n.status]} · ${n.done}/${n.total} tasks done${marks.length > 0 ? ` · ${marks.join(" · ")}` : ""}`);
  } else {
    lines.push(STATUS_WORDS[n.status] + (n.status === "blocked" && n.blockedBy.length > 0 ? ` · waiting for ${n.blockedBy.slice(0, 8).join(", ")}${n.blockedBy.length > 8 ? "…" : ""}` : ""));
  }
  return lines.join("\n");
}

function nodeSpec(n: LayoutNode, interactive: boolean): SvgElementSpec {
  const isPhase = n.kind === "phase";
  const m = isPhase ? GRAPH_METRICS.phase : GRAPH_METRICS.task;
  const cls = ["intentk-graph-node", isPhase ? "is-phase" : "is-task", `is-${n.status}`];
  if (n.critical) cls.push("is-critical");
  const attrs: Record<string, string | number> = {
    transform: `translate(${r1(n.x)} ${r1(n.y)})`,
    "data-node": n.key,
  };
  if (interactive) {
    // Roving tabindex: the view makes one node the graph's single tab stop (tabindex 0).
    attrs.tabindex = -1;
    attrs.role = "button";
    attrs["aria-label"] = nodeAccessibleName(n);
  }
  const radius = isPhase ? 8 : 6;
  const children: SvgElementSpec[] = [
    { tag: "title", text: tooltip(n) },
    { tag: "rect", cls: ["intentk-graph-focus-ring"], attrs: { x: -4, y: -4, width: n.width + 8, height: n.height + 8, rx: radius + 3 } },
    { tag: "rect", cls: ["intentk-graph-node-box"], attrs: { x: 0, y: 0, width: n.width, height: n.height, rx: radius } },
  ];
  if (n.critical) children.push({ tag: "rect", cls: ["intentk-graph-critical-bar"], attrs: { x: 10, y: -2, width: Math.max(0, n.width - 20), height: 4, rx: 2 } });
  children.push(statusIcon(n.status, m.padX, m.padY + 1.5));
  const metaChildren: SvgElementSpec[] = [{ tag: "tspan", cls: ["intentk-graph-node-lead"], text: n.metaLead }];
  if (n.metaRest) metaChildren.push({ tag: "tspan", text: n.metaRest.replace(/^\s+/, "\u00a0") });
  children.push({ tag: "text", cls: ["intentk-graph-node-meta"], attrs: { x: m.padX + GRAPH_METRICS.iconSize + 6, y: m.padY + 11 }, children: metaChildren });
  if (isPhase && n.mvp) children.push(mvpMark(n.width - m.padX - GRAPH_METRICS.mvpWidth + 4, m.padY));

  const titleTop = m.padY + m.metaLine + (isPhase ? 4 : 3);
  const ascent = isPhase ? 13 : 12;
  n.lines.forEach((line, i) => {
    children.push({ tag: "text", cls: ["intentk-graph-node-title"], attrs: { x: m.padX, y: titleTop + i * m.titleLine + ascent - 1 }, text: line });
  });

  if (isPhase) {
    const p = GRAPH_METRICS.phase;
    const rowY = titleTop + n.lines.length * p.titleLine + 6;
    const label = `${n.done}/${n.total}`;
    const labelWidth = measureText(label, p.progressLabel);
    const barWidth = Math.max(16, n.width - 2 * p.padX - labelWidth - 8);
    const fill = n.total > 0 ? (barWidth * n.done) / n.total : 0;
    const barY = rowY + (p.progressRow - p.barHeight) / 2 - 1;
    children.push(
      { tag: "rect", cls: ["intentk-graph-progress-track"], attrs: { x: p.padX, y: barY, width: r1(barWidth), height: p.barHeight, rx: p.barHeight / 2 } },
      { tag: "rect", cls: ["intentk-graph-progress-fill"], attrs: { x: p.padX, y: barY, width: r1(fill), height: p.barHeight, rx: p.barHeight / 2 } },
      { tag: "text", cls: ["intentk-graph-progress-label"], attrs: { x: n.width - p.padX, y: rowY + 10, "text-anchor": "end" }, text: label },
    );
  }
  return { tag: "g", cls, attrs, children };
}

function edgeSpec(e: LayoutEdge, prefix: string): SvgElementSpec {
  const cls = ["intentk-graph-edge", e.kind === "task" ? "is-task-edge" : "is-phase-edge"];
  if (e.critical) cls.push("is-critical");
  return {
    tag: "path",
    cls,
    attrs: { d: polylinePath(e.points), "marker-end": `url(#${prefix}-${e.critical ? "arrow-critical" : "arrow"})`, "data-from": e.from, "data-to": e.to },
  };
}

function laneSpec(lane: LayoutLane): SvgElementSpec {
  const cls = ["intentk-graph-lane", `is-${lane.status}`];
  if (lane.critical) cls.push("is-critical");
  return { tag: "rect", cls, attrs: { x: lane.x, y: lane.y, width: r1(lane.width), height: r1(lane.height), rx: 10, "data-phase": lane.phase } };
}

/** An arrowhead marker (shared with the timeline). */
export function markerSpec(id: string, critical: boolean): SvgElementSpec {
  return {
    tag: "marker",
    attrs: { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: critical ? 10 : 8, markerHeight: critical ? 10 : 8, markerUnits: "userSpaceOnUse", orient: "auto" },
    children: [{ tag: "path", cls: ["intentk-graph-arrowhead", ...(critical ? ["is-critical"] : [])], attrs: { d: "M0 0.5 L10 5 L0 9.5 Z" } }],
  };
}

/** Light palette with a dark variant, for the standalone file (the view uses styles.css instead). */
export const STANDALONE_SVG_STYLE = `
.intentk-graph { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.intentk-graph-background { fill: #ffffff; }
.intentk-graph-lane { fill: #f6f8fa; stroke: #d1d9e0; stroke-width: 1; }
.intentk-graph-lane.is-critical { stroke: #bc4c00; stroke-dasharray: 2 3; }
.intentk-graph-edge { fill: none; stroke: #8c959f; stroke-width: 1.5; stroke-linejoin: round; }
.intentk-graph-edge.is-task-edge { stroke-width: 1; opacity: 0.7; }
.intentk-graph-edge.is-critical { stroke: #bc4c00; stroke-width: 3; }
.intentk-graph-arrowhead { fill: #8c959f; }
.intentk-graph-arrowhead.is-critical { fill: #bc4c00; }
.intentk-graph-focus-ring { fill: none; stroke: none; }
.intentk-graph-node-box { fill: #ffffff; stroke: #8c959f; stroke-width: 1.5; }
.intentk-graph-node.is-done .intentk-graph-node-box { fill: #e9f6ec; stroke: #1a7f37; }
.intentk-graph-node.is-ready .intentk-graph-node-box { stroke: #0969da; stroke-width: 2; }
.intentk-graph-node.is-blocked .intentk-graph-node-box { fill: #f6f8fa; stroke: #6e7781; stroke-dasharray: 6 4; }
.intentk-graph-critical-bar { fill: #bc4c00; }
.intentk-graph-node-meta { font-size: 11px; fill: #59636e; }
.intentk-graph-node-lead { font-weight: 700; }
.intentk-graph-node-title { font-size: 12px; fill: #1f2328; }
.intentk-graph-node.is-phase .intentk-graph-node-title { font-size: 13px; font-weight: 700; }
.intentk-graph-node.is-blocked .intentk-graph-node-title { fill: #424a53; }
.intentk-graph-progress-track { fill: #d1d9e0; }
.intentk-graph-progress-fill { fill: #1a7f37; }
.intentk-graph-progress-label { font-size: 11px; fill: #59636e; }
.intentk-graph-icon-fill { fill: #1a7f37; }
.intentk-graph-icon-check { fill: none; stroke: #ffffff; stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round; }
.intentk-graph-icon-ring { fill: none; stroke: #0969da; stroke-width: 1.5; }
.intentk-graph-icon-mark { fill: #0969da; }
.intentk-graph-node.is-blocked .intentk-graph-icon-ring { stroke: #6e7781; }
.intentk-graph-icon-bar { stroke: #6e7781; stroke-width: 1.8; stroke-linecap: round; }
.intentk-graph-mvp-ring { fill: none; stroke: #cf222e; stroke-width: 1.5; }
.intentk-graph-mvp-dot { fill: #cf222e; }
.intentk-graph-mvp-text { font-size: 10px; font-weight: 700; fill: #cf222e; }
@media (prefers-color-scheme: dark) {
  .intentk-graph-background { fill: #0d1117; }
  .intentk-graph-lane { fill: #151b23; stroke: #3d444d; }
  .intentk-graph-lane.is-critical { stroke: #f0883e; }
  .intentk-graph-edge { stroke: #7d8590; }
  .intentk-graph-edge.is-critical { stroke: #f0883e; }
  .intentk-graph-arrowhead { fill: #7d8590; }
  .intentk-graph-arrowhead.is-critical { fill: #f0883e; }
  .intentk-graph-node-box { fill: #161b22; stroke: #7d8590; }
  .intentk-graph-node.is-done .intentk-graph-node-box { fill: #12261e; stroke: #3fb950; }
  .intentk-graph-node.is-ready .intentk-graph-node-box { stroke: #4493f8; }
  .intentk-graph-node.is-blocked .intentk-graph-node-box { fill: #151b23; stroke: #7d8590; }
  .intentk-graph-critical-bar { fill: #f0883e; }
  .intentk-graph-node-meta, .intentk-graph-progress-label { fill: #9198a1; }
  .intentk-graph-node-title { fill: #e6edf3; }
  .intentk-graph-node.is-blocked .intentk-graph-node-title { fill: #b7bdc8; }
  .intentk-graph-progress-track { fill: #3d444d; }
  .intentk-graph-progress-fill, .intentk-graph-icon-fill { fill: #3fb950; }
  .intentk-graph-icon-check { stroke: #0d1117; }
  .intentk-graph-icon-ring { stroke: #4493f8; }
  .intentk-graph-icon-mark { fill: #4493f8; }
  .intentk-graph-node.is-blocked .intentk-graph-icon-ring, .intentk-graph-icon-bar { stroke: #9198a1; }
  .intentk-graph-mvp-ring { stroke: #f85149; }
  .intentk-graph-mvp-dot { fill: #f85149; }
  .intentk-graph-mvp-text { fill: #f85149; }
}
`;

/**
 * The element tree of a laid-out graph. Standalone: `<svg>` with size, style and background.
 * View (`standalone: false`): `<svg>` filling its container, with a `g.intentk-graph-viewport` whose
 * `transform` the view sets for zoom and pan.
 */
export function buildGraphScene(layout: GraphLayout, options: SvgSceneOptions = {}): SvgElementSpec {
  const prefix = options.idPrefix ?? "intentk-graph";
  const standalone = options.standalone ?? true;
  const interactive = options.interactive ?? false;
  const content: SvgElementSpec[] = [
    { tag: "g", cls: ["intentk-graph-lanes"], children: layout.lanes.map(laneSpec) },
    { tag: "g", cls: ["intentk-graph-edges"], children: layout.edges.map((e) => edgeSpec(e, prefix)) },
    { tag: "g", cls: ["intentk-graph-nodes"], children: layout.nodes.map((n) => nodeSpec(n, interactive)) },
  ];
  const defs: SvgElementSpec = { tag: "defs", children: [markerSpec(`${prefix}-arrow`, false), markerSpec(`${prefix}-arrow-critical`, true)] };
  const title = options.title ?? "Plan graph";
  if (standalone) {
    return {
      tag: "svg",
      cls: ["intentk-graph", "intentk-graph-standalone", `is-${layout.mode}`],
      attrs: {
        xmlns: "http://www.w3.org/2000/svg",
        width: layout.width,
        height: layout.height,
        viewBox: `0 0 ${layout.width} ${layout.height}`,
        role: "img",
        "aria-label": title,
      },
      children: [
        { tag: "title", text: title },
        { tag: "style", text: STANDALONE_SVG_STYLE },
        defs,
        { tag: "rect", cls: ["intentk-graph-background"], attrs: { x: 0, y: 0, width: layout.width, height: layout.height } },
        ...content,
      ],
    };
  }
  return {
    tag: "svg",
    cls: ["intentk-graph", `is-${layout.mode}`],
    attrs: { width: "100%", height: "100%", role: "group", "aria-label": title },
    children: [defs, { tag: "g", cls: ["intentk-graph-viewport"], attrs: { transform: "translate(0 0) scale(1)" }, children: content }],
  };
}

/** Escaped for XML text and attributes; characters XML forbids become U+FFFD. */
function escapeXml(s: string): string {
  return xmlSafeText(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

/** Serialise an element tree (pretty enough to diff, compact enough for 1,000 tasks). */
export function serializeSvg(spec: SvgElementSpec, indent = ""): string {
  let attrs = "";
  if (spec.cls && spec.cls.length > 0) attrs += ` class="${escapeXml(spec.cls.join(" "))}"`;
  for (const [k, v] of Object.entries(spec.attrs ?? {})) attrs += ` ${k}="${escapeXml(String(v))}"`;
  const open = `${indent}<${spec.tag}${attrs}`;
  if (spec.text !== undefined) return `${open}>${escapeXml(spec.text)}</${spec.tag}>`;
  if (!spec.children || spec.children.length === 0) return `${open}/>`;
  // Mixed text content (tspans of one line) stays on one line: whitespace matters in <text>.
  if (spec.tag === "text") return `${open}>${spec.children.map((c) => serializeSvg(c, "")).join("")}</${spec.tag}>`;
  const inner = spec.children.map((c) => serializeSvg(c, `${indent}  `)).join("\n");
  return `${open}>\n${inner}\n${indent}</${spec.tag}>`;
}

/** A standalone SVG document (with inlined styles, readable in light and dark mode) of a layout. */
export function renderGraphSvg(layout: GraphLayout, options: SvgSceneOptions = {}): string {
  const scene = buildGraphScene(layout, { ...options, standalone: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(scene)}\n`;
}
