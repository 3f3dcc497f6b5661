import { MAX_INDENT, MAX_INLINE_MARKERS, MAX_LINE_CHARS, MAX_NESTING } from "../limits";
import { isBlank } from "../text/trim";

/**
 * What remark is given instead of a hostile note: every line kept (so line numbers stay true), but
 * indentation, one-line container nesting (`- - - …`, `> > …`, `> - > - …`), emphasis delimiter runs
 * and line length capped (see `limits.ts`). The note itself is never rewritten.
 */
export type FlattenKind = "indent" | "nesting" | "emphasis" | "long-line";

export interface Flattened {
  text: string;
  /** 1-based lines changed for parsing, by what was capped. */
  issues: { kind: FlattenKind; line: number }[];
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isDelimiter = (c: string): boolean => c === "*" || c === "_" || c === "~";

/** End of the container marker at `i` (after leading blanks): `>`, `- `, `1. `; -1 when none. */
function markerEnd(line: string, i: number): number {
  let j = i;
  while (isBlank(line[j])) j++;
  const c = line[j];
  if (c === ">") return j + 1;
  if ((c === "-" || c === "*" || c === "+") && isBlank(line[j + 1])) return j + 1;
  let k = j;
  while (isDigit(line[k]) && k - j < 9) k++;
  if (k > j && (line[k] === "." || line[k] === ")") && isBlank(line[k + 1])) return k + 1;
  return -1;
}

function flattenLine(raw: string, note: (kind: FlattenKind) => void): string {
  let line = raw;
  if (line.length > MAX_LINE_CHARS) {
    line = line.slice(0, MAX_LINE_CHARS);
    note("long-line");
  }
  // Indentation.
  let cols = 0;
  let ws = 0;
  while (isBlank(line[ws])) cols += line[ws++] === "\t" ? 4 : 1;
  if (cols > MAX_INDENT) {
    line = " ".repeat(MAX_INDENT) + line.slice(ws);
    note("indent");
  }
  // Container markers opening the line: keep the first MAX_NESTING, drop the rest.
  let end = 0;
  let count = 0;
  for (let next = markerEnd(line, 0); next >= 0; next = markerEnd(line, end)) {
    if (++count === MAX_NESTING) {
      const keep = next;
      end = next;
      while ((next = markerEnd(line, end)) >= 0) end = next;
      if (end > keep) {
        line = line.slice(0, keep) + line.slice(end);
        note("nesting");
      }
      break;
    }
    end = next;
  }
  return capInline(line, note);
}

const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Inline openers on one line: emphasis delimiter runs (`*`, `~`, `_` not inside a word) longer than
 * 2 × MAX_NESTING are cut, and past MAX_INLINE_MARKERS runs, brackets and backtick runs the further
 * ones are dropped. remark matches each closer against every earlier opener: seconds at a few thousand.
 */
function capInline(line: string, note: (kind: FlattenKind) => void): string {
  let out = "";
  let from = 0;
  let seen = 0;
  let capped = false;
  for (let i = 0; i < line.length; ) {
    const c = line[i];
    const bracket = c === "[" || c === "]" || c === "`";
    const delimiter = isDelimiter(c) && !(c === "_" && isWord(line[i - 1]) && isWord(line[i + 1]));
    if (!bracket && !delimiter) {
      i++;
      continue;
    }
    let j = i + 1;
    if (delimiter) while (j < line.length && isDelimiter(line[j])) j++;
    else if (c === "`") while (line[j] === "`") j++;
    if (++seen > MAX_INLINE_MARKERS || j - i > 2 * MAX_NESTING) {
      const keep = seen > MAX_INLINE_MARKERS ? i : i + 2 * MAX_NESTING;
      out += line.slice(from, keep);
      from = j;
      capped = true;
    }
    i = j;
  }
  if (!capped) return line;
  note("emphasis");
  return out + line.slice(from);
}

export function flattenForParse(text: string): Flattened {
  const issues: Flattened["issues"] = [];
  const lines = text.split("\n");
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const before = lines[i];
    lines[i] = flattenLine(before, (kind) => issues.push({ kind, line: i + 1 }));
    if (lines[i] !== before) changed = true;
  }
  return { text: changed ? lines.join("\n") : text, issues };
}

const WHAT: Record<FlattenKind, string> = {
  indent: `indented more than ${MAX_INDENT} columns (read as if less indented; flatten the list)`,
  nesting: `nested more than ${MAX_NESTING} levels on one line (\`- - - …\`, \`> > …\`; the deeper markers are ignored)`,
  emphasis: `with more than ${MAX_INLINE_MARKERS} emphasis markers or brackets, or a run of more than ${2 * MAX_NESTING} (the further ones are ignored when read)`,
  "long-line": `longer than ${MAX_LINE_CHARS} characters (read up to that length; the note is not changed)`,
};

/** One diagnostic message per kind of capping, naming how many lines and the first one. */
export function flattenMessages(issues: Flattened["issues"]): { kind: FlattenKind; line: number; message: string }[] {
  const byKind = new Map<FlattenKind, { line: number; count: number }>();
  for (const { kind, line } of issues) {
    const seen = byKind.get(kind);
    if (seen) seen.count++;
    else byKind.set(kind, { line, count: 1 });
  }
  return [...byKind].map(([kind, { line, count }]) => ({ kind, line, message: `${count} line(s) ${WHAT[kind]}.` }));
}
