import { MAX_INDENT, MAX_LINE_CHARS, MAX_NESTING } from "../limits";

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

const isBlank = (c: string | undefined): boolean => c === " " || c === "\t";
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
  // Runs of emphasis delimiters (`*_*_*_…`): longer than 2 × MAX_NESTING are cut.
  let out = "";
  let from = 0;
  for (let i = 0; i < line.length; ) {
    if (!isDelimiter(line[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && (isDelimiter(line[j]) || (line[j] === " " && isDelimiter(line[j + 1] ?? "")))) j++;
    if (j - i > 2 * MAX_NESTING) {
      out += line.slice(from, i + 2 * MAX_NESTING);
      from = j;
      note("emphasis");
    }
    i = j;
  }
  return from === 0 ? line : out + line.slice(from);
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
  emphasis: `with runs of more than ${2 * MAX_NESTING} emphasis markers (cut when read)`,
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
