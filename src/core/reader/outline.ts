import { withoutClosingHashes } from "../markdown/atx";

/**
 * The block structure the plan reader works from: headings, paragraphs, list items (as trees) and
 * tables, each with 1-based lines. Two producers build it — the fast line scanner (`scan.ts`) and
 * the full Markdown parser (`remark-outline.ts`) — and the reader interprets it the same way
 * whichever built it, so the two can be compared block for block.
 *
 * Code (fenced or indented), HTML comments and block quotes leave nothing in the outline.
 */

export interface OutlineHeading {
  kind: "heading";
  depth: number;
  line: number;
  /** Text after the `#` marks, closing `#`s removed. */
  text: string;
}

export interface OutlineParagraph {
  kind: "para";
  line: number;
  /** The paragraph's lines, each trimmed. */
  lines: string[];
}

export interface OutlineItem {
  kind: "item";
  line: number;
  /** true `[x]`/`[X]`, false `[ ]`, null when the item has no checkbox. */
  checked: boolean | null;
  /**
   * Lines of the item's first paragraph, each trimmed; the first without its list marker and
   * checkbox. Empty when the item does not start with a paragraph.
   */
  lines: string[];
  /** Line of the last line of the first paragraph. */
  end: number;
  /** Lines of the item's later paragraphs (continuation text after a blank line), trimmed. */
  more: { line: number; text: string }[];
  children: OutlineItem[];
}

export interface OutlineTable {
  kind: "table";
  line: number;
  /** Header cells. */
  header: string[];
  rows: { line: number; cells: string[] }[];
}

export type OutlineBlock = OutlineHeading | OutlineParagraph | OutlineItem | OutlineTable;

export interface Outline {
  /** Top-level blocks in document order. */
  blocks: OutlineBlock[];
  /** The YAML frontmatter's text, when the note has frontmatter. */
  frontmatter?: string;
}

/**
 * Splits a table row into trimmed cells: outer pipes dropped, `\|` kept as a literal pipe (the
 * GFM rule: pipes split cells even inside code spans unless escaped).
 */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "\\" && s[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (ch === "|") {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** The text of an ATX heading line: `#` marks, and closing `#`s preceded by a space, removed. */
export function atxText(line: string): string {
  const s = line.trim().replace(/^#{1,6}/, "").trim();
  return /^#+$/.test(s) ? "" : withoutClosingHashes(s).trim();
}
