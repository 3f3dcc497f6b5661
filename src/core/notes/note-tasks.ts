import type { Diagnostic } from "../diagnostics";
import { sortDiagnostics } from "../diagnostics";
import { buildGraph } from "../graph/build";
import type { PlanGraph } from "../graph/model";
import { stableOrder } from "../graph/critical";
import type { PlanDoc, PlanPhase, PlanTask } from "../reader/model";
import type { OutlineItem } from "../reader/outline";
import { outlineOf } from "../reader/read";
import { cleanText } from "../reader/tasks";

/**
 * The tasks of any note that is not an execution plan (a project note, a daily note): every
 * checkbox item is a task, identified by its Tasks-plugin `🆔` or, without one, by its line
 * (`L12`); it waits for the `⛔` IDs and `(depends on …)` IDs it names. Headings are the lanes.
 * A task waiting for an ID defined in another note shows that task as an external node.
 */
export interface NoteTask {
  id: string;
  /** True when the ID is the task's 🆔, false when it is its line. */
  named: boolean;
  /** Vault path of the note that holds it. */
  file: string;
  /** 1-based. */
  line: number;
  text: string;
  state: "open" | "done";
  /** IDs it waits for, as written. */
  dependsOn: string[];
  /** The heading above it, if any. */
  lane?: { heading: string; line: number };
  blockId?: string;
}

const OWN_ID = /🆔\uFE0F?[ \t]*([A-Za-z0-9_-]+)/u;
const BLOCKED_BY = /⛔\uFE0F?[ \t]*([A-Za-z0-9_-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*)/gu;
const DEPENDS_NOTE = /[(（][ \t]*depends?[ \t]+on[ \t]+([^()（）]*)[)）]/giu;

/** `L12`: the ID of a task without `🆔`. */
export function lineId(line: number): string {
  return `L${line}`;
}

function waitsFor(text: string): string[] {
  const ids: string[] = [];
  if (text.includes("⛔")) for (const m of text.matchAll(BLOCKED_BY)) ids.push(...m[1].split(","));
  if (/depends?[ \t]+on/i.test(text)) for (const m of text.matchAll(DEPENDS_NOTE)) ids.push(...m[1].split(/,|\band\b/));
  return [...new Set(ids.map((id) => id.trim()).filter(Boolean))];
}

/** Every checkbox item of a note (code, comments and frontmatter excluded), in document order. */
export function readNoteTasks(file: string, text: string): NoteTask[] {
  const tasks: NoteTask[] = [];
  let lane: NoteTask["lane"];
  const visit = (item: OutlineItem): void => {
    if (item.checked !== null && item.lines.length) {
      const raw = item.lines.join(" ");
      const own = raw.includes("🆔") ? OWN_ID.exec(raw)?.[1] : undefined;
      const clean = cleanText(raw);
      const task: NoteTask = { id: own ?? lineId(item.line), named: own !== undefined, file, line: item.line, text: clean.text, state: item.checked ? "done" : "open", dependsOn: waitsFor(raw) };
      if (lane) task.lane = lane;
      if (clean.blockId) task.blockId = clean.blockId;
      tasks.push(task);
    }
    item.children.forEach(visit);
  };
  for (const block of outlineOf(text).outline.blocks) {
    if (block.kind === "heading") lane = { heading: block.text, line: block.line };
    else if (block.kind === "item") visit(block);
  }
  return tasks;
}

/** IDs a note's tasks wait for that no task of the note carries. */
export function missingIds(tasks: readonly NoteTask[]): string[] {
  const own = new Set(tasks.map((t) => t.id));
  return [...new Set(tasks.flatMap((t) => t.dependsOn.filter((id) => !own.has(id))))];
}

function basename(path: string): string {
  return (path.split("/").pop() ?? path).replace(/\.md$/i, "");
}

/**
 * The plan model of a note's tasks: one phase (lane) per heading that holds tasks, in document
 * order and without order between them (a plain note says nothing about that), plus one lane per
 * other note holding a task it waits for (`external` maps IDs to those tasks).
 */
export function noteTaskDoc(file: string, tasks: readonly NoteTask[], external: ReadonlyMap<string, NoteTask> = new Map()): PlanDoc {
  const diagnostics: Diagnostic[] = [];
  const phases: PlanPhase[] = [];
  const phaseOf = new Map<string, string>();
  const lane = (key: string, make: () => Omit<PlanPhase, "id" | "groups" | "dependsOn" | "mvp">): string => {
    let id = phaseOf.get(key);
    if (!id) {
      id = `phase-${phases.length + 1}`;
      phaseOf.set(key, id);
      phases.push({ id, ...make(), mvp: false, groups: [], dependsOn: [] });
    }
    return id;
  };
  const planTask = (t: NoteTask, phase: string): PlanTask => {
    const p: PlanTask = { id: t.id, phase, state: t.state, parallel: false, labels: [], dependsOn: t.dependsOn, line: t.line, text: t.text };
    if (t.blockId) p.blockId = t.blockId;
    if (t.file !== file) p.file = t.file;
    return p;
  };
  // Tasks of other notes first, their lanes before the lanes that wait for them; with what they
  // wait for in turn, so that their state is the state they have in their own note.
  const out: PlanTask[] = [];
  const own = new Set(tasks.map((t) => t.id));
  const added = new Set<string>();
  const queue: { id: string; from: NoteTask; direct: boolean }[] = tasks.flatMap((t) => t.dependsOn.map((id) => ({ id, from: t, direct: true })));
  for (let q = 0; q < queue.length; q++) {
    const { id, from, direct } = queue[q];
    if (own.has(id) || added.has(id)) continue;
    const ext = external.get(id);
    if (!ext) {
      if (direct) diagnostics.push({ code: "unknown-dependency", severity: "warning", file, line: from.line, message: `${from.id} waits for ${id}, but no task here or in another note has 🆔 ${id}; fix the ID or remove it.` });
      continue;
    }
    added.add(id);
    // Its lane header opens this note at the first task waiting for it; the task node opens its own note.
    const title = `${basename(ext.file)} (another note)`;
    const phase = lane(`f${ext.file}`, () => ({ title, heading: title, kind: "other", line: from.line, implicit: false }));
    out.push(planTask(ext, phase));
    for (const next of ext.dependsOn) queue.push({ id: next, from, direct: false });
  }
  const seen = new Map<string, number>();
  for (const t of tasks) {
    const first = seen.get(t.id);
    if (first !== undefined) {
      diagnostics.push({ code: "duplicate-task-id", severity: "error", file, line: t.line, message: `🆔 ${t.id} is also the ID of the task on line ${first}; give each task its own ID.` });
    } else seen.set(t.id, t.line);
    const phase = t.lane
      ? lane(`h${t.lane.line}`, () => ({ title: t.lane!.heading, heading: t.lane!.heading, kind: "other", line: t.lane!.line, implicit: false }))
      : lane("top", () => ({ title: basename(file), heading: "", kind: "other", line: t.line, implicit: true }));
    out.push(planTask(t, phase));
  }
  return { file, form: "checkbox", phases, tasks: out, diagnostics: sortDiagnostics(diagnostics), frontmatter: {} };
}

/**
 * The graph of a note's tasks. Lanes have no order, so the critical path is the longest chain of
 * open tasks through their dependencies; the lanes it crosses are marked critical, in chain order.
 */
export function noteTaskGraph(doc: PlanDoc): PlanGraph {
  const graph = buildGraph(doc);
  const index = new Map(graph.tasks.map((t, i) => [t.id, i]));
  const deps = graph.tasks.map((t) => (t.status === "done" ? [] : t.dependsOn.flatMap((id) => (index.has(id) && graph.tasks[index.get(id)!].status !== "done" ? [index.get(id)!] : []))));
  // Longest chain in topological order (edges inside cycles are left out: a cycle is a diagnostic).
  const { order, acyclicDeps } = stableOrder(deps.length, deps);
  const length = new Array<number>(deps.length).fill(1);
  const previous = new Array<number>(deps.length).fill(-1);
  let end = -1;
  for (const i of order) {
    for (const d of acyclicDeps[i]) {
      if (length[d] + 1 > length[i]) {
        length[i] = length[d] + 1;
        previous[i] = d;
      }
    }
    if (graph.tasks[i].status !== "done" && (end < 0 || length[i] > length[end])) end = i;
  }
  const chain: string[] = [];
  for (let i = end; i >= 0; i = previous[i]) {
    const phase = graph.tasks[i].phase;
    if (chain[chain.length - 1] !== phase) chain.push(phase);
  }
  chain.reverse();
  const critical = new Set(chain);
  for (const p of graph.phases) p.critical = critical.has(p.id);
  return { ...graph, criticalPath: [...new Set(chain)] };
}
