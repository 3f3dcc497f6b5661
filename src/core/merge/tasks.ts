import { fenceTracker } from "../markdown/fences";
import { readPlan } from "../reader/read";
import { REMOVED_MARK, isRemovedHeading } from "../reader/removed";

/**
 * Task lines seen field by field, so a merge can take the checkbox from one side and the dependency
 * suffix from another: `- [x] T012 [P] [M2] Description (depends on T010) ^t012`.
 */

export { REMOVED_MARK };

export interface TaskFields {
  /** Indentation, bullet and the opening bracket: `- [`. */
  head: string;
  /** The character inside the checkbox: " ", "x" or "X". */
  box: string;
  /** `] ` up to the ID. */
  afterBox: string;
  /** The ID as written (`T012`, `**T012**`). */
  idRaw: string;
  /** `T012`. */
  id: string;
  /** `[P]` and label markers right after the ID, with their spacing: ` [P] [M2]`. */
  markers: string;
  /** Spacing between the markers and the description. */
  sep: string;
  /** The description, without the markers, the removed mark and the trailing fields. */
  text: string;
  /** True when the description ends with the "removed from plan" mark. */
  removed: boolean;
  /** Trailing dependency notes, Tasks-plugin fields and block id, with their spacing. */
  meta: string;
}

const TASK = /^(\s*(?:[-*+]|\d+[.)])\s+\[)([ xX])(\]\s+)(\*\*T\d+[A-Za-z]?\*\*|__T\d+[A-Za-z]?__|T\d+[A-Za-z]?)(?![A-Za-z0-9])(.*)$/;
/** `[P]`, `[M2]`, `[US1]` after the ID, and the `:` some writers put after it (sticky: read in place). */
const MARKER = /[ \t]*(?:\[(?:P|[A-Z]{1,3}\d+[A-Za-z]?)\]|[:：](?=[ \t[]|$))/y;
/*
 * Trailing fields, each `(?:^|\S)(\s+…)$`: a match may only start right after a non-space, so a long
 * run of spaces is crossed once instead of once per space (linear, not quadratic).
 */
const BLOCK_ID = /(?:^|\S)(\s+\^[A-Za-z0-9-]+)$/;
/** What the generator writes after a description: `(depends on …)`, or the Tasks plugin's 🆔 and ⛔. */
const GENERATED_FIELD = [/(?:^|\S)(\s+\(depends on [^()]*\))$/i, /(?:^|\S)(\s+(?:🆔|⛔)\s*[^\s🆔⛔]*)$/u];
/** Tasks-plugin fields a user (or the Tasks plugin, on checking a task) adds: dates, priority. */
const USER_FIELD = /(?:^|\S)(\s+(?:⏫|🔼|🔽|🔺|⏬|📅|⏳|🛫|✅|➕|❌)\s*[^\s🆔⛔⏫🔼🔽🔺⏬📅⏳🛫✅➕❌]*)$/u;
const TRAILING = [BLOCK_ID, ...GENERATED_FIELD, USER_FIELD];
/** Trailing fields read off one line at most (a real line has a handful; more stay in the text). */
const MAX_TRAILING = 32;

/** Where one of the trailing-field patterns above matches at the end of `s`, and what it matched. */
function trailing(re: RegExp, s: string): { index: number; text: string } | undefined {
  const m = re.exec(s);
  return m ? { index: m.index + m[0].length - m[1].length, text: m[1] } : undefined;
}

/** The fields of a checkbox task line that starts with an ID, or undefined for any other line. */
export function parseTaskLine(line: string): TaskFields | undefined {
  const m = TASK.exec(line);
  if (!m) return undefined;
  let rest = m[5];
  let at = 0;
  for (MARKER.lastIndex = 0; MARKER.exec(rest); MARKER.lastIndex = at) at = MARKER.lastIndex;
  const markers = rest.slice(0, at);
  rest = rest.slice(at);
  let meta = "";
  for (let found = true, rounds = 0; found && rounds < MAX_TRAILING; rounds++) {
    found = false;
    for (const re of TRAILING) {
      const t = trailing(re, rest);
      if (t && t.index > 0) {
        meta = t.text + meta;
        rest = rest.slice(0, t.index);
        found = true;
      }
    }
  }
  const sep = /^\s*/.exec(rest)![0];
  let text = rest.slice(sep.length);
  const removed = text.endsWith(REMOVED_MARK);
  if (removed) text = text.slice(0, -REMOVED_MARK.length);
  return { head: m[1], box: m[2], afterBox: m[3], idRaw: m[4], id: m[4].replace(/[*_]/g, ""), markers, sep, text, removed, meta };
}

export interface MetaParts {
  /** Dependency notes and 🆔/⛔, as written (with their spacing). */
  generated: string;
  /** Dates and priority the user or the Tasks plugin added. */
  user: string;
  /** The block id, `^t012`, with its spacing. */
  block: string;
}

/** The trailing fields of a task line, sorted by who writes them. */
export function splitMeta(meta: string): MetaParts {
  const parts: MetaParts = { generated: "", user: "", block: "" };
  let rest = meta;
  for (let found = true, rounds = 0; found && rest && rounds < MAX_TRAILING; rounds++) {
    found = false;
    const block = trailing(BLOCK_ID, rest);
    if (block) {
      parts.block = block.text + parts.block;
      rest = rest.slice(0, block.index);
      found = true;
      continue;
    }
    const user = trailing(USER_FIELD, rest);
    if (user) {
      parts.user = user.text + parts.user;
      rest = rest.slice(0, user.index);
      found = true;
      continue;
    }
    for (const re of GENERATED_FIELD) {
      const g = trailing(re, rest);
      if (g) {
        parts.generated = g.text + parts.generated;
        rest = rest.slice(0, g.index);
        found = true;
        break;
      }
    }
  }
  parts.generated = rest + parts.generated;
  return parts;
}

export function formatTaskLine(f: TaskFields): string {
  return `${f.head}${f.box}${f.afterBox}${f.idRaw}${f.markers}${f.sep}${f.text}${f.removed ? REMOVED_MARK : ""}${f.meta}`;
}

export const isDone = (f: TaskFields): boolean => f.box !== " ";

/** Milestone/story labels among the markers (`M2`, `US1`). */
export function labelsOf(f: TaskFields): string[] {
  return [...f.markers.matchAll(/\[([A-Z]{1,3}\d+[A-Za-z]?)\]/g)].map((m) => m[1]).filter((l) => l !== "P");
}

export interface TaskLine {
  /** 0-based index into the lines given. */
  index: number;
  fields: TaskFields;
}

/**
 * The task lines of a note body, by ID: the first line that carries an ID is that task (a second
 * line with the same ID is treated as ordinary text). `candidates` are the body lines the tolerant
 * reader found checkbox tasks on; without them, lines inside fenced code blocks are skipped and
 * every other line that parses as a task counts.
 */
export function findTaskLines(lines: readonly string[], candidates?: ReadonlySet<number>): Map<string, TaskLine> {
  const out = new Map<string, TaskLine>();
  const inCode = fenceTracker();
  lines.forEach((line, index) => {
    const code = inCode(line);
    if (candidates ? !candidates.has(index) : code) return;
    const fields = parseTaskLine(line);
    if (fields && !out.has(fields.id)) out.set(fields.id, { index, fields });
  });
  return out;
}

/**
 * The task lines of a whole note, found by the tolerant execution-plan reader (checkbox tasks only),
 * as indexes into the body lines of `splitNote(text)`. Tasks kept after they left the plan (marked,
 * or in the "Removed from plan" section) are not the reader's, but they are the merge's.
 */
export function noteTaskLines(text: string, body: readonly string[], frontmatterLines: number): Map<string, TaskLine> {
  let candidates: Set<number> | undefined;
  try {
    candidates = new Set(
      readPlan("", text)
        .tasks.filter((t) => t.state !== null)
        .map((t) => t.line - 1 - frontmatterLines),
    );
    const inCode = fenceTracker();
    let removedSection = false;
    body.forEach((line, i) => {
      if (inCode(line)) return;
      if (/^#{1,2} /.test(line)) removedSection = isRemovedHeading(line);
      if (removedSection || line.includes(REMOVED_MARK)) candidates!.add(i);
    });
  } catch {
    candidates = undefined; // a note the reader cannot read is still merged, by the local matcher
  }
  return findTaskLines(body, candidates);
}

/** Lower-case, single-spaced text for comparing task descriptions written by different hands. */
export function comparable(text: string): string {
  return text
    .replace(/[*_`~]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
