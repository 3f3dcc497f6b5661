import { graphlib, layout as dagreLayout } from "@dagrejs/dagre";
import type { GraphPhase, GraphTask, PlanGraph, TaskStatus } from "./model";
import { displayText, measureText, wrapText, type TextFont } from "./layout-text";

/**
 * Layout of a plan graph: pure functions that return positioned boxes and edge polylines, shared by
 * the Obsidian view (DOM) and the standalone SVG export (string).
 *
 * - `layoutPhaseGraph`: one box per phase, ranked left to right by dagre.
 * - `layoutTaskGraph`: every task, without dagre so that it stays fast at thousands of tasks:
 *   phases are lanes (columns) in topological order; inside a lane, tasks form sub-columns by their
 *   dependency depth within the phase, ordered by ID; a sub-column holds at most `maxRows` tasks.
 */

export { displayText, measureText, wrapText } from "./layout-text";
export type { TextFont, WrappedText } from "./layout-text";

export interface Point {
  x: number;
  y: number;
}

/** A box with its top-left corner at (x, y). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type LayoutMode = "phases" | "tasks";

export interface LayoutNode extends Box {
  /** Unique within the layout: `p:<phase id>` or `t:<task id>`. */
  key: string;
  kind: "phase" | "task";
  /** Phase id or task id. */
  id: string;
  /** The phase the node belongs to (its own id for a phase). */
  phase: string;
  /** Full title, for hover text and accessible names. */
  title: string;
  /** Title wrapped to at most three lines, the last one cut with an ellipsis when needed. */
  lines: string[];
  truncated: boolean;
  /** Bold lead of the meta row: the task ID, or the phase's label/kind. */
  metaLead: string;
  /** Rest of the meta row: priority, labels, parallel mark. */
  metaRest: string;
  status: TaskStatus;
  critical: boolean;
  mvp: boolean;
  priority?: number;
  /** Progress (phases): done and total tasks. For a task, 1/1 when done, else 0/1. */
  done: number;
  total: number;
  /** 1-based line in the plan file, and the heading to open (phases). */
  line: number;
  /** The note to open when it is not the plan file (a task of another note). */
  file?: string;
  heading?: string;
  /** Tasks: the not-done tasks that keep it blocked. */
  blockedBy: string[];
}

export interface LayoutEdge {
  /** Node keys. */
  from: string;
  to: string;
  kind: "phase" | "task";
  critical: boolean;
  points: Point[];
}

/** A phase column of the task layout. */
export interface LayoutLane extends Box {
  phase: string;
  status: TaskStatus;
  critical: boolean;
}

export interface GraphLayout {
  mode: LayoutMode;
  file: string;
  width: number;
  height: number;
  /** In reading order (columns left to right, top to bottom): the keyboard Tab order. */
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  lanes: LayoutLane[];
}

/** Sizes shared by the layout and the renderers. */
export const GRAPH_METRICS = {
  maxLines: 3,
  margin: 24,
  iconSize: 12,
  phase: {
    minWidth: 176,
    maxWidth: 224,
    padX: 12,
    padY: 10,
    meta: { size: 11, bold: true } as TextFont,
    metaRest: { size: 11 } as TextFont,
    metaLine: 16,
    title: { size: 13, bold: true } as TextFont,
    titleLine: 17,
    progressLabel: { size: 11 } as TextFont,
    progressRow: 14,
    barHeight: 6,
  },
  task: {
    width: 224,
    padX: 10,
    padY: 8,
    meta: { size: 11, bold: true } as TextFont,
    metaRest: { size: 11 } as TextFont,
    metaLine: 15,
    title: { size: 12 } as TextFont,
    titleLine: 15,
  },
  /** Width of the MVP mark (target icon, gap and the word MVP) in the meta row. */
  mvpWidth: 48,
  dagre: { nodesep: 28, ranksep: 44, edgesep: 12 },
  lanes: { pad: 12, laneGap: 36, colGap: 40, rowGap: 10, headerGap: 18, maxRows: 24 },
} as const;

const KIND_NAMES: Record<string, string> = {
  setup: "Setup",
  foundational: "Foundation",
  milestone: "Milestone",
  story: "Story",
  polish: "Polish",
  other: "Phase",
};

export interface LayoutOptions {
  /** Leave out done phases (phase layout) or done tasks (task layout). */
  hideDone?: boolean;
  /** Task layout: only these phases (ids). */
  phases?: readonly string[];
  /** Task layout: most tasks in one sub-column. */
  maxRows?: number;
  /** Phase layout engine: dagre (default), or plain ranks (used automatically when dagre fails). */
  engine?: "dagre" | "ranks";
}

// ---------------------------------------------------------------------------------------------
// Node contents and sizes

function phaseMeta(p: GraphPhase): { lead: string; rest: string } {
  const lead = p.label ?? KIND_NAMES[p.kind] ?? "Phase";
  return { lead, rest: p.priority !== undefined ? ` · P${p.priority}` : "" };
}

function progressLabel(done: number, total: number): string {
  return `${done}/${total}`;
}

/** Height of a phase box with `lineCount` title lines. */
export function phaseBoxHeight(lineCount: number): number {
  const m = GRAPH_METRICS.phase;
  return m.padY + m.metaLine + 4 + lineCount * m.titleLine + 6 + m.progressRow + m.padY;
}

/** Height of a task box with `lineCount` title lines. */
export function taskBoxHeight(lineCount: number): number {
  const m = GRAPH_METRICS.task;
  return m.padY + m.metaLine + 3 + lineCount * m.titleLine + m.padY;
}

/** Width the meta row of a phase needs (icon, lead, rest, MVP mark). */
function phaseMetaWidth(p: GraphPhase): number {
  const m = GRAPH_METRICS.phase;
  const meta = phaseMeta(p);
  return GRAPH_METRICS.iconSize + 6 + measureText(meta.lead, m.meta) + measureText(meta.rest, m.metaRest) + (p.mvp ? 8 + GRAPH_METRICS.mvpWidth : 0);
}

function phaseNode(p: GraphPhase, width?: number): LayoutNode {
  const m = GRAPH_METRICS.phase;
  const title = displayText(p.title || p.heading) || p.id;
  let boxWidth = width ?? 0;
  if (width === undefined) {
    const oneLine = measureText(title, m.title);
    const progressWidth = 48 + measureText(progressLabel(p.done, p.total), m.progressLabel) + 8;
    const needed = Math.max(oneLine, phaseMetaWidth(p), progressWidth) + 2 * m.padX;
    boxWidth = Math.ceil(Math.min(m.maxWidth, Math.max(m.minWidth, needed)));
  }
  const wrapped = wrapText(title, boxWidth - 2 * m.padX, m.title, GRAPH_METRICS.maxLines);
  const meta = phaseMeta(p);
  return {
    key: `p:${p.id}`,
    kind: "phase",
    id: p.id,
    phase: p.id,
    title,
    lines: wrapped.lines,
    truncated: wrapped.truncated,
    metaLead: meta.lead,
    metaRest: meta.rest,
    status: p.status,
    critical: p.critical,
    mvp: p.mvp,
    priority: p.priority,
    done: p.done,
    total: p.total,
    line: p.line,
    heading: p.heading,
    blockedBy: [],
    x: 0,
    y: 0,
    width: boxWidth,
    height: phaseBoxHeight(wrapped.lines.length),
  };
}

function taskMetaRest(t: GraphTask): string {
  const parts = [...t.labels];
  if (t.parallel) parts.push("[P]");
  return parts.length > 0 ? `  ${parts.join(" · ")}` : "";
}

function taskNode(t: GraphTask, key: string): LayoutNode {
  const m = GRAPH_METRICS.task;
  const title = displayText(t.text) || t.id;
  const wrapped = wrapText(title, m.width - 2 * m.padX, m.title, GRAPH_METRICS.maxLines);
  const node: LayoutNode = {
    key,
    kind: "task",
    id: t.id,
    phase: t.phase,
    title,
    lines: wrapped.lines,
    truncated: wrapped.truncated,
    metaLead: t.id,
    metaRest: taskMetaRest(t),
    status: t.status,
    // The critical path is a chain of phases: the task layout marks it on lanes and lane headers.
    critical: false,
    mvp: false,
    done: t.status === "done" ? 1 : 0,
    total: 1,
    line: t.line,
    heading: undefined,
    blockedBy: t.blockedBy,
    x: 0,
    y: 0,
    width: m.width,
    height: taskBoxHeight(wrapped.lines.length),
  };
  if (t.file !== undefined) node.file = t.file;
  return node;
}

/** Phases in topological order; phases missing from `order` (a cycle) follow in document order. */
function orderedPhases(graph: PlanGraph): GraphPhase[] {
  const byId = new Map(graph.phases.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const out: GraphPhase[] = [];
  for (const id of graph.order) {
    const p = byId.get(id);
    if (p && !seen.has(id)) {
      seen.add(id);
      out.push(p);
    }
  }
  for (const p of graph.phases) {
    if (!seen.has(p.id)) {
      seen.add(p.id);
      out.push(p);
    }
  }
  return out;
}

function criticalPairs(graph: PlanGraph): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < graph.criticalPath.length; i++) pairs.add(`${graph.criticalPath[i - 1]}\u0000${graph.criticalPath[i]}`);
  return pairs;
}

function readingOrder(a: Box, b: Box): number {
  return a.x - b.x || a.y - b.y;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

// ---------------------------------------------------------------------------------------------
// Phase graph (dagre)

/** The phase graph, ranked left to right with dagre. */
export function layoutPhaseGraph(graph: PlanGraph, options: LayoutOptions = {}): GraphLayout {
  const phases = orderedPhases(graph).filter((p) => !(options.hideDone && p.status === "done"));
  const nodes = phases.map((p) => phaseNode(p));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const critical = criticalPairs(graph);
  const seenEdges = new Set<string>();
  const phaseEdges = graph.edges.filter((e) => {
    const id = `${e.from}\u0000${e.to}`;
    if (e.kind !== "phase" || e.from === e.to || !byId.has(e.from) || !byId.has(e.to) || seenEdges.has(id)) return false;
    seenEdges.add(id);
    return true;
  });
  const margin = GRAPH_METRICS.margin;
  if (nodes.length === 0) return { mode: "phases", file: graph.file, width: 2 * margin, height: 2 * margin, nodes: [], edges: [], lanes: [] };

  let edges: LayoutEdge[];
  try {
    edges = options.engine === "ranks" ? rankedPositions(nodes, byId, phaseEdges, critical) : dagrePositions(nodes, byId, phaseEdges, critical);
  } catch {
    // dagre needs structuredClone (missing on old mobile WebViews): fall back to plain ranks.
    edges = rankedPositions(nodes, byId, phaseEdges, critical);
  }
  let width = 0;
  let height = 0;
  for (const n of nodes) {
    width = Math.max(width, n.x + n.width + margin);
    height = Math.max(height, n.y + n.height + margin);
  }
  for (const e of edges) {
    for (const p of e.points) {
      width = Math.max(width, p.x + margin);
      height = Math.max(height, p.y + margin);
    }
  }
  nodes.sort(readingOrder);
  return { mode: "phases", file: graph.file, width: Math.ceil(width), height: Math.ceil(height), nodes, edges, lanes: [] };
}

type PhaseEdgeInput = { from: string; to: string };

/** Positions nodes (in place) with dagre, left to right; returns the edges with dagre's routes. */
function dagrePositions(nodes: LayoutNode[], byId: Map<string, LayoutNode>, phaseEdges: PhaseEdgeInput[], critical: Set<string>): LayoutEdge[] {
  const margin = GRAPH_METRICS.margin;
  const g = new graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: "LR", ...GRAPH_METRICS.dagre, marginx: margin, marginy: margin });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of phaseEdges) g.setEdge(e.from, e.to, { weight: critical.has(`${e.from}\u0000${e.to}`) ? 4 : 1 });
  dagreLayout(g);
  for (const n of nodes) {
    const pos = g.node(n.id) as { x: number; y: number };
    n.x = round(pos.x - n.width / 2);
    n.y = round(pos.y - n.height / 2);
  }
  return phaseEdges.map((e) => {
    const label = g.edge(e.from, e.to) as { points?: Point[] } | undefined;
    const from = byId.get(e.from) as LayoutNode;
    const to = byId.get(e.to) as LayoutNode;
    const points = label?.points?.map((p) => ({ x: round(p.x), y: round(p.y) })) ?? straightRoute(from, to);
    return { from: from.key, to: to.key, kind: "phase", critical: critical.has(`${e.from}\u0000${e.to}`), points };
  });
}

function straightRoute(from: Box, to: Box): Point[] {
  const sx = from.x + from.width;
  const sy = round(from.y + from.height / 2);
  const tx = to.x;
  const ty = round(to.y + to.height / 2);
  if (tx > sx) {
    const mx = round((sx + tx) / 2);
    return sy === ty ? [{ x: sx, y: sy }, { x: tx, y: ty }] : [{ x: sx, y: sy }, { x: mx, y: sy }, { x: mx, y: ty }, { x: tx, y: ty }];
  }
  const top = Math.min(from.y, to.y) - 14;
  return [{ x: sx, y: sy }, { x: sx + 10, y: sy }, { x: sx + 10, y: top }, { x: tx - 10, y: top }, { x: tx - 10, y: ty }, { x: tx, y: ty }];
}

/** Fallback without dagre: rank = longest path from a source (cycle-safe), one column per rank. */
function rankedPositions(nodes: LayoutNode[], byId: Map<string, LayoutNode>, phaseEdges: PhaseEdgeInput[], critical: Set<string>): LayoutEdge[] {
  const { nodesep, ranksep } = GRAPH_METRICS.dagre;
  const margin = GRAPH_METRICS.margin;
  const incoming = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  const out = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of phaseEdges) {
    incoming.set(e.to, (incoming.get(e.to) ?? 0) + 1);
    out.get(e.from)?.push(e.to);
  }
  const rank = new Map<string, number>();
  const queue = nodes.filter((n) => incoming.get(n.id) === 0).map((n) => n.id);
  for (const id of queue) rank.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const next of out.get(id) ?? []) {
      rank.set(next, Math.max(rank.get(next) ?? 0, (rank.get(id) ?? 0) + 1));
      const left = (incoming.get(next) ?? 1) - 1;
      incoming.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  let maxRank = rank.size > 0 ? Math.max(...rank.values()) : -1;
  for (const n of nodes) if (!rank.has(n.id)) rank.set(n.id, ++maxRank); // nodes on a cycle
  const byRank = new Map<number, LayoutNode[]>();
  for (const n of nodes) {
    const r = rank.get(n.id) as number;
    const list = byRank.get(r);
    if (list) list.push(n);
    else byRank.set(r, [n]);
  }
  const columns = [...byRank.keys()].sort((a, b) => a - b).map((r) => byRank.get(r) as LayoutNode[]);
  const heights = columns.map((c) => c.reduce((h, n) => h + n.height, 0) + Math.max(0, c.length - 1) * nodesep);
  const tallest = Math.max(0, ...heights);
  let x = margin;
  columns.forEach((column, i) => {
    const width = Math.max(...column.map((n) => n.width));
    let y = margin + (tallest - heights[i]) / 2;
    for (const n of column) {
      n.x = round(x + (width - n.width) / 2);
      n.y = round(y);
      y += n.height + nodesep;
    }
    x += width + ranksep;
  });
  return phaseEdges.map((e) => {
    const from = byId.get(e.from) as LayoutNode;
    const to = byId.get(e.to) as LayoutNode;
    return { from: from.key, to: to.key, kind: "phase", critical: critical.has(`${e.from}\u0000${e.to}`), points: straightRoute(from, to) };
  });
}

// ---------------------------------------------------------------------------------------------
// Task graph (lanes, no dagre)

function compareIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Dependency depth of each task within its own phase (longest chain of same-phase dependencies). */
function depthsInPhase(tasks: GraphTask[], byId: Map<string, GraphTask>): Map<GraphTask, number> {
  const depth = new Map<GraphTask, number>();
  const inPhase = new Set(tasks);
  const onStack = new Set<GraphTask>();
  // Iterative depth-first search, so that a long chain cannot overflow the call stack.
  for (const root of tasks) {
    if (depth.has(root)) continue;
    const stack: { task: GraphTask; next: number }[] = [{ task: root, next: 0 }];
    onStack.add(root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const deps = frame.task.dependsOn;
      if (frame.next < deps.length) {
        const dep = byId.get(deps[frame.next++]);
        if (dep && inPhase.has(dep) && !depth.has(dep) && !onStack.has(dep)) {
          onStack.add(dep);
          stack.push({ task: dep, next: 0 });
        }
        continue;
      }
      let d = 0;
      for (const id of deps) {
        const dep = byId.get(id);
        if (dep && inPhase.has(dep) && depth.has(dep)) d = Math.max(d, (depth.get(dep) as number) + 1);
      }
      depth.set(frame.task, d);
      onStack.delete(frame.task);
      stack.pop();
    }
  }
  return depth;
}

/**
 * Every task of the plan, in lanes per phase. Phases are columns in topological order; in a phase,
 * tasks stand in sub-columns by dependency depth within the phase (then ID), at most `maxRows` per
 * sub-column. Linear in the number of tasks and dependencies.
 */
export function layoutTaskGraph(graph: PlanGraph, options: LayoutOptions = {}): GraphLayout {
  const L = GRAPH_METRICS.lanes;
  const T = GRAPH_METRICS.task;
  const margin = GRAPH_METRICS.margin;
  const maxRows = Math.max(1, options.maxRows ?? L.maxRows);
  const only = options.phases && options.phases.length > 0 ? new Set(options.phases) : undefined;

  // First task of each ID wins; duplicates keep a unique key.
  const byId = new Map<string, GraphTask>();
  for (const t of graph.tasks) if (!byId.has(t.id)) byId.set(t.id, t);

  const visibleTasks = new Map<string, GraphTask[]>();
  for (const t of graph.tasks) {
    if (options.hideDone && t.status === "done") continue;
    const list = visibleTasks.get(t.phase);
    if (list) list.push(t);
    else visibleTasks.set(t.phase, [t]);
  }
  const phases = orderedPhases(graph).filter((p) => {
    if (only && !only.has(p.id)) return false;
    if (options.hideDone && (visibleTasks.get(p.id)?.length ?? 0) === 0 && (p.status === "done" || p.total > 0)) return false;
    return true;
  });

  const nodes: LayoutNode[] = [];
  const lanes: LayoutLane[] = [];
  const taskKeys = new Map<GraphTask, string>();
  const usedKeys = new Set<string>();
  const nodeOf = new Map<string, LayoutNode>();

  interface Column {
    tasks: LayoutNode[];
  }
  interface LaneDraft {
    phase: GraphPhase;
    columns: Column[];
    width: number;
  }
  const drafts: LaneDraft[] = [];
  for (const phase of phases) {
    const tasks = visibleTasks.get(phase.id) ?? [];
    const depth = depthsInPhase(tasks, byId);
    const sorted = [...tasks].sort((a, b) => (depth.get(a) as number) - (depth.get(b) as number) || compareIds(a.id, b.id));
    const columns: Column[] = [];
    let lastDepth = -1;
    for (const t of sorted) {
      const d = depth.get(t) as number;
      let key = `t:${t.id}`;
      for (let i = 2; usedKeys.has(key); i++) key = `t:${t.id}~${i}`;
      usedKeys.add(key);
      taskKeys.set(t, key);
      const node = taskNode(t, key);
      nodeOf.set(key, node);
      const column = columns[columns.length - 1];
      if (!column || d !== lastDepth || column.tasks.length >= maxRows) columns.push({ tasks: [node] });
      else column.tasks.push(node);
      lastDepth = d;
    }
    const columnsWidth = columns.length > 0 ? columns.length * T.width + (columns.length - 1) * L.colGap : T.width;
    drafts.push({ phase, columns, width: columnsWidth });
  }

  // Lane headers: the phase boxes, wrapped to the lane width; tasks start below the tallest header.
  const headers = drafts.map((d) => phaseNode(d.phase, Math.max(d.width, GRAPH_METRICS.phase.minWidth)));
  const headerHeight = headers.reduce((h, n) => Math.max(h, n.height), 0);
  const top = margin + L.pad;
  const tasksTop = top + headerHeight + L.headerGap;

  let x = margin;
  let contentBottom = tasksTop;
  drafts.forEach((draft, i) => {
    const header = headers[i];
    const laneInner = header.width;
    header.x = x + L.pad;
    header.y = top;
    nodes.push(header);
    nodeOf.set(header.key, header);
    // Centre the task columns when the header is wider than them.
    let colX = x + L.pad + (laneInner - draft.width) / 2;
    for (const column of draft.columns) {
      let y = tasksTop;
      for (const node of column.tasks) {
        node.x = round(colX);
        node.y = y;
        y += node.height + L.rowGap;
        nodes.push(node);
      }
      contentBottom = Math.max(contentBottom, y - L.rowGap);
      colX += T.width + L.colGap;
    }
    lanes.push({
      phase: draft.phase.id,
      status: draft.phase.status,
      critical: draft.phase.critical,
      x,
      y: margin,
      width: laneInner + 2 * L.pad,
      height: 0,
    });
    x += laneInner + 2 * L.pad + L.laneGap;
  });
  const laneHeight = contentBottom + L.pad - margin;
  for (const lane of lanes) lane.height = laneHeight;

  // Edges: explicit task dependencies between visible tasks.
  const edges: LayoutEdge[] = [];
  const channelY = margin / 2;
  for (const [task, key] of taskKeys) {
    const target = nodeOf.get(key) as LayoutNode;
    const seen = new Set<string>();
    for (const depId of task.dependsOn) {
      const dep = byId.get(depId);
      const depKey = dep ? taskKeys.get(dep) : undefined;
      if (!depKey || depKey === key || seen.has(depKey)) continue;
      seen.add(depKey);
      const source = nodeOf.get(depKey) as LayoutNode;
      const sx = source.x + source.width;
      const sy = round(source.y + source.height / 2);
      const tx = target.x;
      const ty = round(target.y + target.height / 2);
      let points: Point[];
      if (tx > sx + 8) {
        const mx = round(tx - Math.min(L.colGap / 2, (tx - sx) / 2));
        points = sy === ty ? [{ x: sx, y: sy }, { x: tx, y: ty }] : [{ x: sx, y: sy }, { x: mx, y: sy }, { x: mx, y: ty }, { x: tx, y: ty }];
      } else {
        // A dependency on a task to the right (a cycle or an out-of-order phase): go around, above the lanes.
        points = [
          { x: sx, y: sy },
          { x: sx + 10, y: sy },
          { x: sx + 10, y: channelY },
          { x: tx - 10, y: channelY },
          { x: tx - 10, y: ty },
          { x: tx, y: ty },
        ];
      }
      edges.push({ from: depKey, to: key, kind: "task", critical: false, points });
    }
  }

  const width = Math.ceil(Math.max(x - L.laneGap + margin, 2 * margin));
  const height = Math.ceil(margin + laneHeight + margin);
  return { mode: "tasks", file: graph.file, width, height, nodes, edges, lanes };
}

/** Layout for a view mode. */
export function layoutGraph(graph: PlanGraph, mode: LayoutMode, options: LayoutOptions = {}): GraphLayout {
  return mode === "tasks" ? layoutTaskGraph(graph, options) : layoutPhaseGraph(graph, options);
}

/** Pairs of node keys whose boxes overlap (touching edges do not count). For tests and checks. */
export function findOverlaps(nodes: readonly LayoutNode[]): [string, string][] {
  const sorted = [...nodes].sort((a, b) => a.x - b.x);
  const out: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].x < a.x + a.width; j++) {
      const b = sorted[j];
      if (b.y < a.y + a.height && a.y < b.y + b.height) out.push([a.key, b.key]);
    }
  }
  return out;
}
