import { headingSubpath } from "../links";
import { layoutGraph, type LayoutNode } from "./layout";
import type { PlanGraph, TaskStatus } from "./model";

/**
 * The phase (or task) graph as a JSON Canvas 1.0 document (https://jsoncanvas.org/spec/1.0/), the
 * format of Obsidian's Canvas. Positions come from the same layout as the SVG; each phase is a file
 * node opening the execute note at its heading, so the canvas stays live as tasks are ticked.
 */

export type CanvasColor = string;

export interface CanvasNode {
  id: string;
  type: "text" | "file" | "link" | "group";
  x: number;
  y: number;
  width: number;
  height: number;
  color?: CanvasColor;
  text?: string;
  file?: string;
  subpath?: string;
  url?: string;
  label?: string;
}

export interface CanvasEdge {
  id: string;
  fromNode: string;
  fromSide?: "top" | "right" | "bottom" | "left";
  fromEnd?: "none" | "arrow";
  toNode: string;
  toSide?: "top" | "right" | "bottom" | "left";
  toEnd?: "none" | "arrow";
  color?: CanvasColor;
  label?: string;
}

export interface CanvasDocument {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

/** Canvas preset colours: 1 red, 2 orange, 3 yellow, 4 green, 5 cyan, 6 purple. */
export const CANVAS_STATUS_COLORS: Record<TaskStatus, CanvasColor> = { done: "4", ready: "5", blocked: "1" };
/** The critical path is orange, as in the SVG. */
export const CANVAS_CRITICAL_COLOR: CanvasColor = "2";

export interface CanvasOptions {
  /** Vault path of the plan note the file nodes open (the graph's `file` is often a display path). */
  notePath: string;
  /** Task nodes in phase lanes instead of phase nodes. */
  tasks?: boolean;
  hideDone?: boolean;
}

/** Node ids: unique, stable for the same plan (canvas ids are free strings; phase ids are `phase-N`). */
function nodeId(n: LayoutNode): string {
  return n.kind === "phase" ? n.id : `task-${n.id}`;
}

export function graphToCanvas(graph: PlanGraph, options: CanvasOptions): CanvasDocument {
  const layout = layoutGraph(graph, options.tasks ? "tasks" : "phases", { hideDone: options.hideDone });
  const tasks = new Map(graph.tasks.map((t) => [t.id, t]));
  // A lane of another note's tasks (a plain note's graph) opens that note, not a heading of this one.
  const laneFile = new Map<string, string>();
  for (const p of graph.phases) {
    const files = new Set(graph.tasks.filter((t) => t.phase === p.id).map((t) => t.file));
    const [only] = files;
    if (files.size === 1 && only !== undefined) laneFile.set(p.id, only);
  }
  const nodes: CanvasNode[] = [];
  const ids = new Map<string, string>();
  for (const n of layout.nodes) {
    const id = nodeId(n);
    ids.set(n.key, id);
    const box = { x: Math.round(n.x), y: Math.round(n.y), width: Math.round(n.width), height: Math.round(n.height), color: CANVAS_STATUS_COLORS[n.status] };
    const task = n.kind === "task" ? tasks.get(n.id) : undefined;
    const other = task ? task.file : laneFile.get(n.id);
    const file = other ?? options.notePath;
    const subpath = n.kind === "phase" && n.heading && !other ? `#${headingSubpath(n.heading)}` : task?.blockId ? `#^${task.blockId}` : undefined;
    if (subpath) nodes.push({ id, type: "file", file, subpath, ...box });
    else if (n.kind === "phase" || other) nodes.push({ id, type: "file", file, ...box });
    // A task without a block id cannot be a file node pointing at its line: its text instead.
    else nodes.push({ id, type: "text", text: `**${n.metaLead}** ${n.title}`, ...box });
  }
  const edges: CanvasEdge[] = [];
  for (const e of layout.edges) {
    const fromNode = ids.get(e.from);
    const toNode = ids.get(e.to);
    if (!fromNode || !toNode) continue;
    const edge: CanvasEdge = { id: `edge-${fromNode}-${toNode}`, fromNode, fromSide: "right", toNode, toSide: "left" };
    if (e.critical) edge.color = CANVAS_CRITICAL_COLOR;
    edges.push(edge);
  }
  nodes.push(legendNode(layout.height));
  return { nodes, edges };
}

/** A text node under the graph that says what the colours mean. */
function legendNode(graphHeight: number): CanvasNode {
  return {
    id: "legend",
    type: "text",
    x: 0,
    y: Math.round(graphHeight) + 24,
    width: 520,
    height: 60,
    text: "Green: done · cyan: ready · red: blocked · orange arrows: critical path",
  };
}

/** The document as Obsidian writes canvas files: tab-indented JSON. */
export function serializeCanvas(doc: CanvasDocument): string {
  return `${JSON.stringify(doc, null, "\t")}\n`;
}
