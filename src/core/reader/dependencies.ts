import { charIn, trimCharsEnd } from "../text/trim";
import { type KeywordToken, type Ref, type RefToken, findKeywords, findRefs } from "./refs";

/**
 * What dependency text says, before IDs and phases are resolved: in a task's own text (the task is
 * the subject: `(depends on T010, T011)`, `Depends on: T010`, `(blocks T008)`, `T103の後に`), and in
 * the statements of dependency sections (`T013 depends on T012`, `T004 → T005 → T006`,
 * `T005 blocks T006`, `**US2 (Phase 4)**: Depends on US1`).
 */

/*
 * The gaps allowed between refs and keywords. Each is tested by trimming its filler characters with a
 * scan and matching what is left: the one-regex forms (`^[…]*(?:word)?[…]*$`) backtrack
 * quadratically on a long run of spaces.
 */
const GAP_FILLER = charIn(/[\s*_`()（）]/);
/** Refs in a run may be joined by these (and by nothing but spaces and emphasis). */
const RUN_JOINER = /^(?:,|、|，|\/|&|\+|and|or|e|y|和|与|與|及|或|및|과|와)$/i;
const isRunGap = (gap: string): boolean => {
  let from = 0;
  let to = gap.length;
  while (from < to && GAP_FILLER(gap[from])) from++;
  while (to > from && GAP_FILLER(gap[to - 1])) to--;
  if (from === to) return true;
  const core = gap.slice(from, to);
  // A word joiner needs word boundaries: `_and_` is not "and".
  return RUN_JOINER.test(core) && !(/^[a-z]/i.test(core) && (gap[from - 1] === "_" || gap[to] === "_"));
};

/** What may stand between the last ref and a postposition such as `の後に` or `이후`. */
const isTrailingFiller = (gap: string): boolean =>
  /^[\s*_`)\]）]*(?:완료|完成|完了|completion|complete|done|finished)?$/i.test(trimCharsEnd(gap, charIn(/[\s*_`]/)));

const LEADING_FILLER = /[\s*_`([（:：]/;
const LEADING_WORDS = /^[\s*_`([（:：]*(?:(?:the|all|tasks?|completion|of|de|da|do|das|dos|la|el|los|las)\s+)*(the|all|tasks?|completion|of|de|da|do|das|dos|la|el|los|las)?$/i;
/** What may stand before the first ref of objects: brackets, emphasis, "the", "all tasks of"… */
const isLeadingGap = (gap: string): boolean => {
  const core = trimCharsEnd(gap, charIn(LEADING_FILLER));
  const m = LEADING_WORDS.exec(core);
  // A last word must have been followed by a space, as every other word is.
  return m !== null && (m[1] === undefined || /\s/.test(gap[core.length] ?? ""));
};

/** Where the objects of a forward keyword end: a clause boundary or a parenthesis closed outside it. */
function objectsEnd(text: string, from: number, keywords: KeywordToken[]): number {
  const nextKeyword = keywords.find((k) => k.start >= from)?.start ?? text.length;
  let depth = 0;
  for (let i = from; i < nextKeyword; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "（" || ch === "[") depth++;
    else if (ch === ")" || ch === "）" || ch === "]") {
      if (depth === 0) return i;
      depth--;
    } else if (ch === ";" || ch === "；" || ch === "。" || ch === "|" || ch === "\n") return i;
    else if (ch === "." && (i + 1 >= text.length || /\s/.test(text[i + 1]))) return i;
    else if ((ch === "-" || ch === "–" || ch === "—") && text[i - 1] === " " && text[i + 1] === " ") return i;
  }
  return nextKeyword;
}

function refsBetween(refs: RefToken[], start: number, end: number): Ref[] {
  return refs.filter((r) => r.start >= start && r.end <= end).map((r) => r.ref);
}

/** The run of refs that ends right before `end` (only filler between), e.g. `T003 と T004` in `T003 と T004 の後に`. */
function runBefore(text: string, refs: RefToken[], end: number, filler: (gap: string) => boolean): RefToken[] {
  let i = refs.length - 1;
  while (i >= 0 && refs[i].end > end) i--;
  if (i < 0 || !filler(text.slice(refs[i].end, end))) return [];
  const run = [refs[i]];
  for (let j = i - 1; j >= 0 && isRunGap(text.slice(refs[j].end, run[0].start)); j--) run.unshift(refs[j]);
  return run;
}

/** The run of refs that starts the text (after emphasis or an opening bracket). */
function runAfter(text: string, refs: RefToken[], start: number, end: number): RefToken[] {
  const inside = refs.filter((r) => r.start >= start && r.end <= end);
  if (inside.length === 0 || !isLeadingGap(text.slice(start, inside[0].start))) return [];
  const run = [inside[0]];
  for (let j = 1; j < inside.length && isRunGap(text.slice(run[run.length - 1].end, inside[j].start)); j++) run.push(inside[j]);
  return run;
}

export interface InlineRelations {
  /** What the task waits for. */
  after: Ref[];
  /** What waits for the task. */
  before: Ref[];
}

/** Dependencies stated in a task's own text, the task being the subject. */
export function inlineRelations(text: string): InlineRelations {
  const out: InlineRelations = { after: [], before: [] };
  const keywords = findKeywords(text).filter((k) => k.relation !== "arrow");
  if (keywords.length === 0) return out;
  const refs = findRefs(text);
  if (refs.length === 0) return out;
  for (const k of keywords) {
    if (k.relation === "afterPrevious") out.after.push(...runBefore(text, refs, k.start, isTrailingFiller).map((r) => r.ref));
    else {
      const objects = runAfter(text, refs, k.end, objectsEnd(text, k.end, keywords)).map((r) => r.ref);
      (k.relation === "after" ? out.after : out.before).push(...objects);
    }
  }
  return out;
}

/** One dependency a statement states: each of `waiting` waits for each of `on`. */
export interface StatedDependency {
  waiting: Ref[];
  on: Ref[];
}

/** Dependencies stated by one line of a dependency section. */
export function statementRelations(text: string): StatedDependency[] {
  const keywords = findKeywords(text);
  if (keywords.length === 0) return [];
  const refs = findRefs(text);
  if (refs.length < 2) return [];
  const arrows = keywords.filter((k) => k.relation === "arrow");
  if (arrows.length > 0) {
    const out: StatedDependency[] = [];
    const bounds = [0, ...arrows.flatMap((a) => [a.start, a.end]), text.length];
    for (let i = 1; i < arrows.length + 1; i++) {
      const on = runBefore(text, refs, bounds[2 * i - 1], (gap) => /^[\s*_`)\]）]*$/.test(gap));
      const waiting = runAfter(text, refs, bounds[2 * i], bounds[2 * i + 1]);
      if (on.length === 0 || waiting.length === 0) break;
      out.push({ waiting: waiting.map((r) => r.ref), on: on.map((r) => r.ref) });
    }
    return out;
  }
  const k = keywords[0];
  if (k.relation === "afterPrevious") {
    const on = runBefore(text, refs, k.start, isTrailingFiller);
    if (on.length === 0) return [];
    const waiting = refsBetween(refs, 0, on[0].start);
    return waiting.length ? [{ waiting, on: on.map((r) => r.ref) }] : [];
  }
  const before = refsBetween(refs, 0, k.start);
  const after = runAfter(text, refs, k.end, objectsEnd(text, k.end, keywords)).map((r) => r.ref);
  if (before.length === 0 || after.length === 0) return [];
  return [k.relation === "after" ? { waiting: before, on: after } : { waiting: after, on: before }];
}

/** Whether an ID-first line is a statement about tasks rather than a task (`T001 和 T002 …`, `T013 depends on T012`). */
export function isStatement(rest: string): boolean {
  if (/^(?:[-–—~]\s*T?\d|\.\.\s*T?\d|[,、，/&+]|(?:and|or|e|y|和|与|及|및)\s*T\d)/i.test(rest)) return true;
  const k = findKeywords(rest)[0];
  return k !== undefined && k.start === 0;
}

const STATUS_KEY = /^(?:\*\*|__)?(?:status|state|estado|situa[çc][ãa]o|状态|狀態|상태|ステータス|状態)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(.*)$/i;
const NOT_DONE = /\bnot\b|\bno\b|\bun(?:done|finished|started)\b|未|미완료|\bnão\b|\bsin\b|incomplet|pendente|pendiente|\btodo\b|progress|andamento|en curso|진행|进行|進行|blocked|bloqueado/i;
const DONE = /\b(?:done|complete|completed|finished|closed|resolved|merged|shipped|yes)\b|✅|✔|☑|\[x\]|^x$|完成|完了|済|완료|conclu[íi]d[oa]|feito|hecho|terminad[oa]|completad[oa]|fertig|erledigt|termin[ée]e?/i;

/** `done`/`open` from a status value ("✅ Done", "In progress", "完成"). */
export function statusState(value: string): "done" | "open" {
  const v = value.trim();
  if (NOT_DONE.test(v)) return "open";
  return DONE.test(v) ? "done" : "open";
}

/** The value of a `Status: …` line, if the line is one. */
export function statusField(line: string): string | undefined {
  const m = STATUS_KEY.exec(line.trim());
  return m ? m[1].replace(/(?:\*\*|__)\s*$/, "").trim() : undefined;
}
