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

export function splitNote(text: string): NoteParts {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const rest = text.slice(bom.length);
  const eol = /\r\n/.test(rest) ? "\r\n" : "\n";
  const lines = rest.split(/\r?\n/);
  let end = -1;
  if (lines[0] === "---") {
    for (let i = 1; i < lines.length; i++) {
      if (lines[i] === "---" || lines[i] === "...") {
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

/**
 * The new generation's frontmatter, plus every property the user added to the note (tags, aliases,
 * their own fields), in the user's order, before `body-hash`.
 */
export function mergeFrontmatter(ours: string[], theirs: string[]): string[] {
  if (theirs.length === 0) return ours;
  const kept = ours.length ? fmBlocks(ours).filter((b) => b.key === undefined || !MANAGED.has(b.key)) : [];
  if (kept.length === 0) return theirs;
  const mine = new Set(kept.map((b) => b.key));
  const blocks = fmBlocks(theirs).filter((b) => b.key === undefined || MANAGED.has(b.key) || !mine.has(b.key));
  const at = blocks.findIndex((b) => b.key === "body-hash");
  blocks.splice(at < 0 ? blocks.length : at, 0, ...kept);
  return [theirs[0], ...blocks.flatMap((b) => b.lines), theirs[theirs.length - 1]];
}

/** The note with only the frontmatter properties Intent Kit writes (what its generation looked like). */
export function withoutUserProperties(text: string): string {
  const parts = splitNote(text);
  if (parts.frontmatter.length === 0) return text;
  const blocks = fmBlocks(parts.frontmatter).filter((b) => b.key !== undefined && MANAGED.has(b.key));
  const frontmatter = [parts.frontmatter[0], ...blocks.flatMap((b) => b.lines), parts.frontmatter[parts.frontmatter.length - 1]];
  return joinNote({ ...parts, frontmatter });
}
