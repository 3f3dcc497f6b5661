/**
 * Merging a regenerated execute note into the note the user has been working in.
 *
 * Lines are compared in "key space": a task line's key is its ID, any other line's key is its text.
 * node-diff3 decides the structure (which lines and tasks exist, and where) on those keys; each task
 * that survives is then merged field by field (checkbox from the user, description from whoever
 * changed it, dependency suffix from the new generation), so a checked task whose dependencies the
 * generator rewrote is not a conflict. Where both sides changed the same lines, the user's lines are
 * kept and the clash is reported; conflict markers are never written.
 */
import { diff3MergeRegions, diffIndices } from "node-diff3";
import { type MergeConflict, type MergeReport, emptyReport } from "./report";
import { type MetaParts, type TaskFields, type TaskLine, findTaskLines, formatTaskLine, noteTaskLines, splitMeta } from "./tasks";
import { type NoteParts, joinNote, mergeFrontmatter, splitNote } from "./text";
import { REMOVED_HEADING, isRemovedHeading } from "../reader/removed";

export interface MergeResult {
  text: string;
  report: MergeReport;
}

const TASK_KEY = "\u0000task:";
const idOfKey = (key: string): string | undefined => (key.startsWith(TASK_KEY) ? key.slice(TASK_KEY.length) : undefined);
const taskKey = (id: string): string => TASK_KEY + id;
/** A line that starts with NUL could pass for a key: its key is the line behind another prefix. */
const LINE_KEY = "\u0000line:";
const lineKey = (line: string): string => (line.startsWith("\u0000") ? LINE_KEY + line : line);
/** The text of a key that is not a task's. */
const textOfKey = (key: string): string => (key.startsWith(LINE_KEY) ? key.slice(LINE_KEY.length) : key);

interface Side {
  lines: string[];
  keys: string[];
  tasks: Map<string, TaskLine>;
}

/**
 * The user's note is read by the tolerant execution-plan reader; generated texts (base and new
 * generation) by the exact local matcher, which agrees with the reader on them and costs less.
 */
function sideOf(text: string, parts: NoteParts, users: boolean): Side {
  const lines = parts.body;
  const tasks = users ? noteTaskLines(text, lines, parts.frontmatter.length) : findTaskLines(lines);
  const keys = lines.map(lineKey);
  for (const [id, t] of tasks) keys[t.index] = taskKey(id);
  return { lines, keys, tasks };
}

const lineOf = (side: Side, key: string): string => {
  const id = idOfKey(key);
  const t = id === undefined ? undefined : side.tasks.get(id);
  return t ? side.lines[t.index] : textOfKey(key);
};

/** The indented lines right under a task's line (its sub-bullets and continuation). */
function childLines(side: Side, id: string): string[] {
  const t = side.tasks.get(id);
  if (!t) return [];
  const out: string[] = [];
  for (let i = t.index + 1; i < side.lines.length && /^[ \t]+\S/.test(side.lines[i]) && idOfKey(side.keys[i]) === undefined; i++) out.push(side.lines[i]);
  return out;
}

/** The user worked on a task: checked or unchecked it, or changed its description or markers. */
export function touched(base: TaskFields, ours: TaskFields): boolean {
  return (base.box === " ") !== (ours.box === " ") || base.text !== ours.text || base.markers.trim() !== ours.markers.trim();
}

const sameKeys = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((k, i) => k === y[i]);

interface Hunk {
  side: "a" | "b";
  s: number;
  e: number;
  content: string[];
}

/**
 * One side's changes to the base lines. A block of lines replaced by as many lines is taken line by
 * line (the plan link and the goal line under a renamed milestone are two changes, not one), so a
 * user's edit of one line does not hold back the plan's change of its neighbour.
 */
function hunksOf(o: string[], x: string[], side: "a" | "b"): Hunk[] {
  return diffIndices(o, x).flatMap((h) => {
    const s = h.buffer1[0];
    const n = h.buffer1[1];
    if (n > 1 && h.buffer2Content.length === n) return h.buffer2Content.map((line, i) => ({ side, s: s + i, e: s + i + 1, content: [line] }));
    return [{ side, s, e: s + n, content: h.buffer2Content }];
  });
}

/** Two changes of different sides clash when they touch the same base lines or insert at the same place. */
function clash(x: Hunk, y: Hunk): boolean {
  if (x.side === y.side) return false;
  const xl = x.e - x.s;
  const yl = y.e - y.s;
  if (xl === 0 && yl === 0) return x.s === y.s;
  if (xl === 0) return y.s < x.s && x.s < y.e;
  if (yl === 0) return x.s < y.s && y.s < x.e;
  return x.s < y.e && y.s < x.e;
}

/** Groups the hunks of both sides into clusters of clashing changes, in base order. */
function clusters(hunks: Hunk[]): Hunk[][] {
  const groups: Hunk[][] = [];
  for (const h of [...hunks].sort((x, y) => x.s - y.s || x.e - x.s - (y.e - y.s))) {
    const hit = groups.filter((g) => g.some((o) => clash(o, h)));
    if (hit.length === 0) groups.push([h]);
    else {
      const merged = [...hit.flat(), h];
      for (const g of hit) groups.splice(groups.indexOf(g), 1);
      groups.push(merged);
    }
  }
  const start = (g: Hunk[]): number => Math.min(...g.map((h) => h.s));
  const end = (g: Hunk[]): number => Math.max(...g.map((h) => h.e));
  return groups.sort((x, y) => start(x) - start(y) || end(x) - end(y));
}

/** One side's version of the base lines [from, to) given its hunks among `group`. */
function versionOf(o: string[], group: Hunk[], side: "a" | "b", from: number, to: number): string[] {
  const out: string[] = [];
  let p = from;
  for (const h of group.filter((g) => g.side === side).sort((x, y) => x.s - y.s)) {
    out.push(...o.slice(p, h.s), ...h.content);
    p = h.e;
  }
  out.push(...o.slice(p, to));
  return out;
}

const PHASE_HEADING = /^#{2,3} Phase \d+:/;

/**
 * Phase headings already written to the merged note: a generated one is never written a second
 * time (a base older than the note would otherwise add its phase again), while every copy the
 * user's note holds is kept.
 */
class PhaseHeadings {
  private readonly written = new Map<string, number>();
  private readonly inNote = new Map<string, number>();

  constructor(noteLines: readonly string[]) {
    for (const l of noteLines) if (PHASE_HEADING.test(l)) this.inNote.set(l, (this.inNote.get(l) ?? 0) + 1);
  }

  /** Whether `line` may be written; counts it when it is. */
  admit(line: string): boolean {
    if (!PHASE_HEADING.test(line)) return true;
    const n = this.written.get(line) ?? 0;
    if (n > 0 && n >= (this.inNote.get(line) ?? 0)) return false;
    this.written.set(line, n + 1);
    return true;
  }
}

class Merger {
  readonly out: string[] = [];
  readonly report: MergeReport = emptyReport("three-way");
  readonly conflicts: MergeConflict[] = [];
  readonly lineOfTask = new Map<string, number>();
  private readonly emitted = new Set<string>();
  private readonly headings: PhaseHeadings;

  constructor(
    private readonly base: Side,
    private readonly ours: Side,
    private readonly theirs: Side,
    private readonly removedKept: ReadonlySet<string>,
  ) {
    this.headings = new PhaseHeadings(ours.lines);
  }

  emit(keys: readonly string[]): void {
    for (const key of keys) {
      const id = idOfKey(key);
      if (id === undefined) {
        const line = textOfKey(key);
        if (this.headings.admit(line)) this.out.push(line);
      } else this.emitTask(id);
    }
  }

  /** Tasks written at or after `from` were moved by `delta` lines. */
  moveTasks(from: number, delta: number): void {
    for (const [id, at] of this.lineOfTask) if (at >= from) this.lineOfTask.set(id, at + delta);
  }

  private emitTask(id: string): void {
    if (this.emitted.has(id)) return;
    this.emitted.add(id);
    const line = this.resolveTask(id);
    if (line === undefined) return;
    this.lineOfTask.set(id, this.out.length);
    this.out.push(line);
  }

  private resolveTask(id: string): string | undefined {
    const o = this.base.tasks.get(id)?.fields;
    const a = this.ours.tasks.get(id)?.fields;
    const b = this.theirs.tasks.get(id)?.fields;
    if (o && !a) return undefined; // the user deleted this generated task
    if (!a) return b ? formatTaskLine(b) : undefined;
    if (b) return this.mergeFields(id, o, a, b, false);
    if (!o) return formatTaskLine(a); // the user's own task
    if (this.removedKept.has(id)) return this.mergeFields(id, o, a, o, true);
    return undefined; // its source left the plan and nobody touched it
  }

  private mergeFields(id: string, o: TaskFields | undefined, a: TaskFields, b: TaskFields, removed: boolean): string {
    const result: TaskFields = { ...a, removed };
    const clashes: string[] = [];
    const pick = (field: "text" | "markers", label: string): void => {
      const norm = (f: TaskFields): string => (field === "text" ? f[field] : f[field].trim());
      if (!o) return; // not in the base (a task that came back to the plan): the user's words
      const oursChanged = norm(a) !== norm(o);
      const theirsChanged = norm(b) !== norm(o);
      if (!oursChanged) result[field] = b[field];
      else if (theirsChanged && norm(a) !== norm(b)) clashes.push(`${label}: the plan now says "${norm(b)}"`);
    };
    pick("text", "description");
    pick("markers", "markers");
    // Trailing fields: dependencies and block id follow the plan unless the user changed them;
    // dates and priorities the user (or the Tasks plugin) added always stay.
    const [mo, ma, mb] = [o ? splitMeta(o.meta) : undefined, splitMeta(a.meta), splitMeta(b.meta)];
    const generated = (m: MetaParts): string => `${m.generated.trim()} ${m.block.trim()}`;
    if (!mo || generated(ma) === generated(mo)) {
      if (generated(ma) !== generated(mb)) result.meta = `${mb.generated}${ma.user}${mb.block}`;
    } else if (generated(mb) !== generated(mo) && generated(ma) !== generated(mb)) {
      clashes.push(`dependencies: the plan now says "${generated(mb).trim()}"`);
    }
    const line = formatTaskLine(result);
    if (clashes.length) {
      this.conflicts.push({
        line: this.out.length,
        taskId: id,
        base: o ? [formatTaskLine(o)] : [],
        ours: [formatTaskLine(a)],
        theirs: [formatTaskLine(b)],
        message: `${id}: you changed this task and so did the plan (${clashes.join("; ")}); your version was kept.`,
      });
    }
    return line;
  }

  /** An unstable region of diff3: merge the changes that do not overlap, keep the user's where they do. */
  weave(o: string[], a: string[], b: string[]): void {
    const groups = clusters([...hunksOf(o, a, "a"), ...hunksOf(o, b, "b")]);
    let p = 0;
    for (const g of groups) {
      const s = Math.min(...g.map((h) => h.s));
      const e = Math.max(...g.map((h) => h.e));
      this.emit(o.slice(p, s));
      if (g.length === 1) {
        this.emit(g[0].content);
        p = g[0].e;
        continue;
      }
      const oursVersion = versionOf(o, g, "a", s, e);
      const theirsVersion = versionOf(o, g, "b", s, e);
      p = e;
      if (e === s) {
        // Both sides added lines at the same place: keep both, the user's first.
        this.emit(oursVersion);
        this.emit(theirsVersion);
        continue;
      }
      const at = this.out.length;
      this.emit(oursVersion);
      // Tasks the plan added or moved here are never lost to a clash: they go after the user's
      // lines (a moved task is written once, where it is first met; one the user deleted stays deleted).
      const newTasks = theirsVersion.filter((k) => {
        const id = idOfKey(k);
        return id !== undefined && !oursVersion.includes(k) && !(this.base.tasks.has(id) && !this.ours.tasks.has(id));
      });
      this.emit(newTasks);
      const lost = theirsVersion.filter((k) => idOfKey(k) === undefined && !oursVersion.includes(k));
      const kept = oursVersion.filter((k) => idOfKey(k) === undefined && !theirsVersion.includes(k));
      if (!sameKeys(oursVersion, theirsVersion) && (lost.length > 0 || kept.length > 0)) {
        this.conflicts.push({
          line: at,
          base: o.slice(s, e).map((k) => lineOf(this.base, k)),
          ours: oursVersion.map((k) => lineOf(this.ours, k)),
          theirs: theirsVersion.map((k) => lineOf(this.theirs, k)),
          message: `you changed these lines and the plan changed them too; your version was kept${lost.length ? ` (the new generation's ${lost.length === 1 ? "line" : "lines"} not applied: ${lost.map((l) => `"${textOfKey(l)}"`).join(", ")})` : ""}.`,
        });
      }
    }
    this.emit(o.slice(p));
  }
}

const H2 = /^#{1,2} /;

/** End (exclusive) of the section that starts at line `i`: the next level-1 or level-2 heading. */
function sectionEnd(lines: readonly string[], i: number): number {
  let j = i + 1;
  while (j < lines.length && !H2.test(lines[j])) j++;
  return j;
}

interface RemovedMaterial {
  /** Lines of the user's note taken out of the line merge, to go to the section. */
  taken: Set<number>;
  /** Index of the note's "Removed from plan" heading, when it has one. */
  heading?: number;
  /**
   * The section's lines in the user's note (without its heading) and what joins it, in order; -1
   * for a blank line between lines that were not together (so a paragraph does not run into a list).
   */
  lines: number[];
}

/**
 * What leaves the plan but stays in the note goes to the "Removed from plan" section at the end
 * (never into a neighbouring phase or Polish): the tasks the user worked on with the lines under
 * them, the user's own lines from phases the plan dropped, and the section as it already was
 * (less any task that came back to the plan, which the merge puts back in its phase).
 */
function removedMaterial(B: Side, O: Side, T: Side, kept: readonly string[]): RemovedMaterial {
  const taken = new Set<number>();
  const existing: number[] = [];
  let heading: number | undefined;
  const start = O.lines.findIndex((l, i) => isRemovedHeading(l) && idOfKey(O.keys[i]) === undefined);
  if (start >= 0) {
    heading = start;
    taken.add(start);
    for (let j = start + 1; j < sectionEnd(O.lines, start); j++) {
      const id = idOfKey(O.keys[j]);
      if (id !== undefined && T.tasks.has(id)) continue;
      taken.add(j);
      existing.push(j);
    }
  }
  const joining: number[] = [];
  for (const id of kept) {
    const i = O.tasks.get(id)!.index;
    if (taken.has(i)) continue;
    joining.push(i);
    for (let j = i + 1; j < O.lines.length && /^[ \t]+\S/.test(O.lines[j]) && idOfKey(O.keys[j]) === undefined; j++) joining.push(j);
  }
  // Phases the plan dropped: their heading was generated (it is in the base), the new generation
  // has neither it nor any of its tasks. The user's lines there (not in the base's section) go.
  O.lines.forEach((line, i) => {
    if (!PHASE_HEADING.test(line) || taken.has(i) || T.lines.includes(line)) return;
    const bi = B.lines.indexOf(line);
    if (bi < 0) return;
    const bEnd = sectionEnd(B.lines, bi);
    if ([...B.tasks.entries()].some(([id, t]) => t.index > bi && t.index < bEnd && T.tasks.has(id))) return;
    const inBase = new Map<string, number>();
    for (const k of B.keys.slice(bi + 1, bEnd)) inBase.set(k, (inBase.get(k) ?? 0) + 1);
    for (let j = i + 1; j < sectionEnd(O.lines, i); j++) {
      const k = O.keys[j];
      const n = inBase.get(k) ?? 0;
      if (n > 0) inBase.set(k, n - 1);
      else if (idOfKey(k) === undefined || !B.tasks.has(idOfKey(k)!)) joining.push(j);
    }
  });
  const fresh = [...new Set(joining)].filter((j) => !taken.has(j)).sort((x, y) => x - y);
  for (const j of fresh) taken.add(j);
  const lines: number[] = [];
  for (const j of [...existing, ...fresh]) {
    const prev = lines[lines.length - 1];
    if (prev !== undefined && prev >= 0 && j !== prev + 1 && O.lines[prev].trim() !== "" && O.lines[j].trim() !== "") lines.push(-1);
    lines.push(j);
  }
  return { taken, heading, lines };
}

const REMOVED_INTRO = "Tasks and notes whose plan items are gone, kept because you worked on them. They do not count in progress.";

/** Appends the "Removed from plan" section to the merged lines. */
function appendRemoved(merger: Merger, O: Side, material: RemovedMaterial): void {
  const out = merger.out;
  const at = out.length;
  merger.emit(material.lines.map((j) => (j < 0 ? "" : O.keys[j])));
  const emitted = out.splice(at);
  let lead = 0;
  while (lead < emitted.length && emitted[lead].trim() === "") lead++;
  let end = emitted.length;
  while (end > lead && emitted[end - 1].trim() === "") end--;
  if (end === lead && material.heading === undefined) return;
  const finalNewline = out.length > 0 && out[out.length - 1] === "";
  while (out.length && out[out.length - 1].trim() === "") out.pop();
  const intro = material.heading === undefined ? [REMOVED_INTRO, ""] : [];
  out.push("", material.heading === undefined ? REMOVED_HEADING : O.lines[material.heading], "", ...intro);
  merger.moveTasks(at, out.length - (at + lead));
  out.push(...emitted.slice(lead, end));
  if (finalNewline) out.push("");
}

function finish(parts: { ours: NoteParts; theirs: NoteParts }, body: string[], report: MergeReport, lineOfTask: Map<string, number>): MergeResult {
  const frontmatter = mergeFrontmatter(parts.ours.frontmatter, parts.theirs.frontmatter);
  const offset = frontmatter.length + 1;
  for (const c of report.conflicts) c.line += offset;
  for (const list of [report.added, report.keptRemoved]) {
    for (const t of list) {
      const at = lineOfTask.get(t.id);
      if (at !== undefined) t.line = at + offset;
    }
  }
  report.conflicts.sort((x, y) => x.line - y.line);
  return { text: joinNote({ bom: parts.ours.bom, eol: parts.ours.eol, frontmatter, body }), report };
}

/**
 * Three-way merge of an execute note. `base` is the last generated text, `ours` the note as the
 * user left it, `theirs` the new generation. The result keeps the user's frontmatter properties,
 * line ends and byte-order mark.
 */
export function mergeThreeWay(base: string, ours: string, theirs: string): MergeResult {
  if (theirs === base) return { text: ours, report: emptyReport("three-way") };
  const parts = { base: splitNote(base), ours: splitNote(ours), theirs: splitNote(theirs) };
  const B = sideOf(base, parts.base, false);
  const O = sideOf(ours, parts.ours, true);
  const T = sideOf(theirs, parts.theirs, false);
  const removed = [...B.tasks.keys()].filter((id) => O.tasks.has(id) && !T.tasks.has(id));
  // Worked on: ticked, edited, or given lines of the user's own underneath (sub-bullets, notes).
  const removedKept = removed.filter((id) => touched(B.tasks.get(id)!.fields, O.tasks.get(id)!.fields) || !sameKeys(childLines(O, id), childLines(B, id)));
  const merger = new Merger(B, O, T, new Set(removedKept));
  const material = removedMaterial(B, O, T, removedKept);
  const oursKeys = O.keys.filter((_, i) => !material.taken.has(i));
  for (const region of diff3MergeRegions(oursKeys, B.keys, T.keys)) {
    if (region.stable) merger.emit(region.bufferContent);
    else if (sameKeys(region.aContent, region.bContent)) merger.emit(region.aContent);
    else merger.weave(region.oContent, region.aContent, region.bContent);
  }
  appendRemoved(merger, O, material);
  const report = merger.report;
  report.conflicts.push(...merger.conflicts);
  const text = (f: TaskFields): string => f.text;
  for (const [id, t] of T.tasks) if (!B.tasks.has(id) && !O.tasks.has(id)) report.added.push({ id, text: text(t.fields) });
  for (const id of removedKept) report.keptRemoved.push({ id, text: text(O.tasks.get(id)!.fields) });
  for (const id of removed) if (!removedKept.includes(id)) report.dropped.push({ id, text: text(B.tasks.get(id)!.fields) });
  return finish(parts, merger.out, report, merger.lineOfTask);
}

/** Lines of a generated note that a later generation rewrites in place: matched by what they are. */
function slot(line: string): string | undefined {
  let m = /^## Phase \d+: (?:Milestone (\S+) |(Setup|Foundational|Polish))/.exec(line);
  if (m) return `phase:${m[1] ?? m[2]}`;
  m = /^\*\*Plan\*\*: \[\[.*\|(M[^\]|]+)\]\]\s*$/.exec(line);
  if (m) return `plan:${m[1]}`;
  m = /^\*\*(Goal|Independent Validation|Timeline|Depends on|Execution ID|Input)\*\*:/.exec(line);
  if (m) return m[1];
  m = /^- Phase \d+ \(([^)]*)\): .* can run in parallel$/.exec(line);
  if (m) return `parallel:${m[1]}`;
  m = /^- \*\*Milestone (\S+?)(?: \(P\d+\))?\*\*: /.exec(line);
  if (m) return `dependency:${m[1]}`;
  m = /^(?:- \*\*Milestones|- \*\*Polish) \(Phase /.exec(line);
  if (m) return line.slice(0, 14);
  return undefined;
}

export interface TwoWayOptions {
  /** The note was generated by Intent Kit (its generated lines may be replaced by their new versions). */
  own: boolean;
}

/**
 * Two-way merge, for a note without a stored base: every line of the note is kept, every
 * checkmark and description too; lines and tasks of the new generation that the note lacks are
 * added. In a note Intent Kit generated, a generated line that the new generation writes
 * differently (a renamed phase heading, its plan link) is not duplicated: the note's line stays
 * and the new one is listed as a conflict.
 */
export function mergeTwoWay(ours: string, theirs: string, opts: TwoWayOptions): MergeResult {
  const parts = { ours: splitNote(ours), theirs: splitNote(theirs) };
  const O = sideOf(ours, parts.ours, true);
  const T = sideOf(theirs, parts.theirs, false);
  const report = emptyReport("two-way");
  const out: string[] = [];
  const emitted = new Set<string>();
  const lineOfTask = new Map<string, number>();
  // (A note being taken over keeps its own headings below the generated ones, copies included.)
  const headings = opts.own ? new PhaseHeadings(O.lines) : undefined;
  let differing = 0;
  const emit = (key: string): void => {
    const id = idOfKey(key);
    if (id === undefined) {
      const line = textOfKey(key);
      if (!headings || headings.admit(line)) out.push(line);
      return;
    }
    if (emitted.has(id)) return;
    emitted.add(id);
    const a = O.tasks.get(id)?.fields;
    const b = T.tasks.get(id)?.fields;
    lineOfTask.set(id, out.length);
    if (a && b) {
      const [ma, mb] = [splitMeta(a.meta), splitMeta(b.meta)];
      const meta = opts.own || a.meta.trim() === "" ? `${mb.generated}${ma.user}${mb.block}` : a.meta;
      if (a.text !== b.text) {
        differing++;
        if (opts.own) {
          report.conflicts.push({
            line: out.length,
            taskId: id,
            base: [],
            ours: [formatTaskLine(a)],
            theirs: [formatTaskLine(b)],
            message: `${id}: your description differs from the plan's ("${b.text}"); with no base to tell who changed it, yours was kept.`,
          });
        }
      }
      out.push(formatTaskLine({ ...a, removed: false, meta }));
    } else if (a) out.push(formatTaskLine(a));
    else if (b) {
      report.added.push({ id, text: b.text });
      out.push(formatTaskLine(b));
    }
  };
  if (!opts.own) return adopt(parts, O, T, emit, out, report, lineOfTask, () => differing);
  let oi = 0;
  const hunks = diffIndices(O.keys, T.keys);
  for (const h of [...hunks, undefined]) {
    const oEnd = h ? h.buffer1[0] : O.keys.length;
    while (oi < oEnd) emit(O.keys[oi++]);
    if (!h) break;
    const mine = O.keys.slice(h.buffer1[0], h.buffer1[0] + h.buffer1[1]);
    const new_ = T.keys.slice(h.buffer2[0], h.buffer2[0] + h.buffer2[1]);
    // In a note Intent Kit generated, a line the new generation writes differently in the same
    // place (a phase heading, a plan link) is the same line: without a base there is no telling
    // whether the user or the plan changed it, so the user's stays and the plan's is reported.
    const pairedWith = new Map<number, number>();
    if (opts.own) {
      mine.forEach((k, i) => {
        const s = idOfKey(k) === undefined ? slot(textOfKey(k)) : undefined;
        if (s === undefined) return;
        const j = new_.findIndex((n, jj) => ![...pairedWith.values()].includes(jj) && idOfKey(n) === undefined && slot(textOfKey(n)) === s);
        if (j >= 0) pairedWith.set(i, j);
      });
    }
    const paired = new Set(pairedWith.values());
    mine.forEach((k, i) => {
      const j = pairedWith.get(i);
      if (j !== undefined) {
        report.conflicts.push({
          line: out.length,
          base: [],
          ours: [textOfKey(k)],
          theirs: [textOfKey(new_[j])],
          message: `without a base there is no telling whether you or the plan changed this generated line; yours was kept. The plan now gives: "${textOfKey(new_[j])}"`,
        });
      }
      emit(k);
    });
    new_.forEach((k, j) => {
      if (!paired.has(j)) emit(k);
    });
    oi = h.buffer1[0] + h.buffer1[1];
  }
  report.notes.unshift("merged without a base (no record of the last generation): every line of the note was kept; generated lines you had deleted may come back.");
  return finish(parts, out, report, lineOfTask);
}

export const ADOPTED_HEADING = "## Kept from the note before Intent Kit took it over";

/**
 * Taking over a note Intent Kit did not write: its structure has nothing in common with the
 * template, so the lines are not interleaved. The note becomes the generated note, where each task
 * that matches one of the old note's (by ID, after IDs were recovered from the descriptions) keeps
 * its checkmark and wording; every other line of the old note follows, in its order, under a
 * heading of its own.
 */
function adopt(
  parts: { ours: NoteParts; theirs: NoteParts },
  O: Side,
  T: Side,
  emit: (key: string) => void,
  out: string[],
  report: MergeReport,
  lineOfTask: Map<string, number>,
  differing: () => number,
): MergeResult {
  const body = T.keys.slice();
  const last = body.length && body[body.length - 1] === "" ? body.pop() : undefined;
  for (const key of body) emit(key);
  const rest = O.keys.filter((k) => {
    const id = idOfKey(k);
    return id === undefined || !T.tasks.has(id);
  });
  while (rest.length && textOfKey(rest[0]).trim() === "") rest.shift();
  while (rest.length && textOfKey(rest[rest.length - 1]).trim() === "") rest.pop();
  if (rest.length) {
    while (out.length && out[out.length - 1] === "") out.pop();
    out.push("", "---", "", ADOPTED_HEADING, "");
    for (const key of rest) emit(key);
    report.notes.push(`${rest.length} line(s) of the note that are not tasks of the plan were kept, in their order, under "${ADOPTED_HEADING.slice(3)}".`);
  }
  if (last !== undefined) out.push(last);
  const matched = [...O.tasks.keys()].filter((id) => T.tasks.has(id)).length;
  if (matched) report.notes.push(`${matched} task(s) of the note matched tasks of the plan by description: they keep their ID, checkmark and wording${differing() ? "" : ""}.`);
  report.notes.unshift("took over a note Intent Kit did not write: nothing in it was removed.");
  return finish(parts, out, report, lineOfTask);
}

/** The body lines of a note that are conflict markers (never written by the merge; used by tests and checks). */
export function conflictMarkers(text: string): number[] {
  return splitNote(text)
    .body.map((l, i) => (/^(?:<{7}|={7}|>{7}|\|{7})(?:\s|$)/.test(l) ? i : -1))
    .filter((i) => i >= 0);
}
