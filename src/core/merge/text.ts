/** Splitting notes into frontmatter and body lines, and putting them back together byte for byte. */
import { readFrontmatter } from "../markdown/parse";

export interface NoteParts {
  bom: string;
  /** "\r\n" when the note uses Windows line ends, else "\n". */
  eol: string;
  /** Lines of the frontmatter block including both `---` fences; empty when there is none. */
  frontmatter: string[];
  /** Lines after the frontmatter. A final newline shows as a last empty line. */
  body: string[];
}

/** The line that closes a frontmatter block: `---` or `...`, trailing spaces allowed (as Obsidian does). */
export function isClosingFence(line: string): boolean {
  const t = line.trimEnd();
  return (t === "---" || t === "...") && !/^\s/.test(line);
}

export function splitNote(text: string): NoteParts {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const rest = text.slice(bom.length);
  const eol = /\r\n/.test(rest) ? "\r\n" : "\n";
  const lines = rest.split(/\r?\n/);
  let end = -1;
  if (lines[0] === "---") {
    for (let i = 1; i < lines.length; i++) {
      if (isClosingFence(lines[i])) {
        end = i;
        break;
      }
    }
  }
  // A block between `---` lines that is not a YAML mapping is text (a rule, a table of contents…).
  if (end > 0) {
    const inner = lines.slice(1, end);
    const content = inner.some((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
    if (content && Object.keys(readFrontmatter(inner.join("\n"))).length === 0) end = -1;
  }
  return { bom, eol, frontmatter: end < 0 ? [] : lines.slice(0, end + 1), body: end < 0 ? lines : lines.slice(end + 1) };
}

export function joinNote(parts: NoteParts): string {
  return parts.bom + [...parts.frontmatter, ...parts.body].join(parts.eol);
}

/** The frontmatter keys Intent Kit writes: they always follow the new generation. */
const MANAGED = new Set(["intentk", "vision", "generated", "sources", "body-hash"]);

interface FmBlock {
  key?: string;
  lines: string[];
}

/**
 * A top-level YAML key starts a line (no indent, not a comment or list item): plain (`due date:`,
 * `Priorität:`) or quoted (`"my key":`), followed by a colon and a space or the line's end.
 */
const TOP_LEVEL_KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s#\-'"?][^:]*?))[ \t]*:(?:[ \t]|$)/;

function fmBlocks(fm: string[]): FmBlock[] {
  const blocks: FmBlock[] = [];
  for (const line of fm.slice(1, -1)) {
    const m = TOP_LEVEL_KEY.exec(line);
    const key = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    if (key !== undefined || blocks.length === 0) blocks.push({ key, lines: [line] });
    else blocks[blocks.length - 1].lines.push(line);
  }
  return blocks;
}

const isComment = (line: string): boolean => line.trimStart().startsWith("#");

/**
 * The new generation's frontmatter, plus everything the user added to the note's: their properties
 * (tags, aliases, own fields) in their order before `body-hash`, lines before the first key at the
 * top, and `#` comments written among the generated keys, at the same place in the new key's lines.
 */
export function mergeFrontmatter(ours: string[], theirs: string[]): string[] {
  if (theirs.length === 0) return ours;
  const mine = ours.length ? fmBlocks(ours) : [];
  const lead = mine.length && mine[0].key === undefined ? mine.shift()!.lines : [];
  const kept = mine.filter((b) => b.key === undefined || !MANAGED.has(b.key));
  const comments = new Map<string, { at: number; line: string }[]>();
  for (const b of mine) {
    if (b.key === undefined || !MANAGED.has(b.key)) continue;
    const found = b.lines.flatMap((line, at) => (at > 0 && isComment(line) ? [{ at, line }] : []));
    if (found.length) comments.set(b.key, found);
  }
  if (kept.length === 0 && lead.length === 0 && comments.size === 0) return theirs;
  const keptKeys = new Set(kept.map((b) => b.key));
  const blocks = fmBlocks(theirs).filter((b) => b.key === undefined || MANAGED.has(b.key) || !keptKeys.has(b.key));
  for (const b of blocks) {
    const found = b.key === undefined ? undefined : comments.get(b.key);
    if (!found) continue;
    comments.delete(b.key!);
    for (const c of found) b.lines.splice(Math.min(c.at, b.lines.length), 0, c.line);
  }
  // Comments of a generated key the new generation no longer writes stay with the user's lines.
  for (const found of comments.values()) kept.push({ lines: found.map((c) => c.line) });
  const at = blocks.findIndex((b) => b.key === "body-hash");
  blocks.splice(at < 0 ? blocks.length : at, 0, ...kept);
  return [theirs[0], ...lead, ...blocks.flatMap((b) => b.lines), theirs[theirs.length - 1]];
}

/** The note with only the frontmatter properties Intent Kit writes (what its generation looked like). */
export function withoutUserProperties(text: string): string {
  const parts = splitNote(text);
  if (parts.frontmatter.length === 0) return text;
  const blocks = fmBlocks(parts.frontmatter).filter((b) => b.key !== undefined && MANAGED.has(b.key));
  const lines = blocks.flatMap((b) => b.lines.filter((l, i) => i === 0 || !isComment(l)));
  const frontmatter = [parts.frontmatter[0], ...lines, "---"];
  return joinNote({ ...parts, frontmatter });
}
