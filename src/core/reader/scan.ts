import { type Outline, type OutlineBlock, type OutlineItem, type OutlineParagraph, type OutlineTable, atxText, splitRow } from "./outline";

/**
 * The fast path: builds the outline of a note in one pass over its lines, following CommonMark's
 * container rules for list items (content columns, lazy continuation lines, what may interrupt a
 * paragraph), fenced and indented code, HTML comments, block quotes and GFM tables.
 *
 * Constructs whose reading depends on rules this scanner does not model (setext headings, raw HTML
 * other than comments, tables inside list items, list items that open with another block…) make it
 * give up and name the line; the caller then uses the full parser for that note. Tests check that
 * whenever the scanner answers, its outline equals the full parser's.
 */
export type ScanResult = { outline: Outline } | { ambiguous: { line: number; reason: string } };

const FENCE_OPEN = /^(`{3,})[^`]*$|^(~{3,}).*$/;
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const BULLET = /^([-*+])(?=[ \t]|$)/;
const ORDERED = /^(\d{1,9})([.)])(?=[ \t]|$)/;
const CHECKBOX = /^\[([ xX])\][ \t]+(?=\S)/;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const OTHER_HTML = /^<[A-Za-z/?!]/;
/** Item content that itself opens a block: the full parser reads such items differently. */
const BLOCK_IN_ITEM = /^(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|<[A-Za-z/?!])/;

interface Leading {
  /** Column of the first non-blank character (tabs to the next multiple of 4). */
  indent: number;
  /** Index of that character. */
  pos: number;
}

function leading(line: string): Leading {
  let col = 0;
  let i = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  return { indent: col, pos: i };
}

interface ItemStart {
  /** "-", "*", "+" for bullets; "." or ")" for ordered items. */
  type: string;
  number: number;
  /** Width of the marker plus the spaces after it. */
  width: number;
  content: string;
  empty: boolean;
  wide: boolean;
}

function itemStart(rest: string, indent: number): ItemStart | undefined {
  let marker: string;
  let type: string;
  let number = 0;
  const b = BULLET.exec(rest);
  if (b) {
    marker = b[0];
    type = b[1];
  } else {
    const o = ORDERED.exec(rest);
    if (!o) return undefined;
    marker = o[0];
    type = o[2];
    number = Number(o[1]);
  }
  // Spaces after the marker, in columns: a tab reaches the next multiple of 4.
  let j = marker.length;
  let col = indent + marker.length;
  while (j < rest.length && (rest[j] === " " || rest[j] === "\t")) {
    col = rest[j] === "\t" ? col + 4 - (col % 4) : col + 1;
    j++;
  }
  const spaces = col - indent - marker.length;
  return { type, number, width: col - indent, content: rest.slice(j), empty: j >= rest.length, wide: spaces >= 5 };
}

interface OpenItem {
  item: OutlineItem;
  contentCol: number;
  type: string;
}

type OpenPara =
  | { kind: "top"; block: OutlineParagraph }
  | { kind: "first"; item: OutlineItem }
  | { kind: "more"; item: OutlineItem }
  | { kind: "quote" };

class Ambiguous extends Error {
  constructor(readonly line: number, readonly reason: string) {
    super(reason);
  }
}

/** Where the YAML frontmatter ends (index of the line after its closing `---`), or 0. */
export function frontmatterEnd(lines: string[]): number {
  if (lines.length === 0 || !/^---[ \t]*$/.test(lines[0])) return 0;
  for (let i = 1; i < lines.length; i++) if (/^---[ \t]*$/.test(lines[i])) return i + 1;
  return 0;
}

export function scanOutline(text: string): ScanResult {
  try {
    return { outline: scan(text) };
  } catch (e) {
    if (e instanceof Ambiguous) return { ambiguous: { line: e.line, reason: e.reason } };
    throw e;
  }
}

function scan(text: string): Outline {
  const lines = text.split("\n");
  const blocks: OutlineBlock[] = [];
  const fmEnd = frontmatterEnd(lines);
  // An unclosed `---` on the first line trips the frontmatter extension's fallback: remark decides.
  if (fmEnd === 0 && lines.length > 1 && /^---[ \t]*$/.test(lines[0])) throw new Ambiguous(1, "unclosed frontmatter fence");
  const outline: Outline = { blocks };
  if (fmEnd > 0) outline.frontmatter = lines.slice(1, fmEnd - 1).join("\n");

  const stack: OpenItem[] = [];
  let para: OpenPara | undefined;
  let fence: { char: string; len: number; base: number } | undefined;
  let comment: { base: number } | undefined;
  let code: { base: number } | undefined;
  let table: OutlineTable | undefined;

  const isTableStart = (rest: string, i: number): boolean => {
    // GFM: the line before a delimiter row is the header row, pipes or not, if the cell counts match.
    if (i + 1 >= lines.length) return false;
    const next = lines[i + 1].trim();
    return next.includes("|") && DELIMITER_ROW.test(next) && splitRow(next).length === splitRow(rest).length;
  };

  /** Whether the line opens a block that ends an open paragraph (else it continues it). */
  const interrupts = (rest: string, indent: number, rel: number, m: number, i: number, quoted: boolean): boolean => {
    if (rel >= 4) return false;
    if (HEADING.test(rest) || FENCE_OPEN.test(rest) || THEMATIC.test(rest) || rest.startsWith(">") || rest.startsWith("<!--")) return true;
    if (OTHER_HTML.test(rest)) throw new Ambiguous(i + 1, "raw HTML");
    const start = itemStart(rest, indent);
    if (start) {
      if (start.empty) throw new Ambiguous(i + 1, "empty list item");
      // Only a list that would start inside the paragraph's own container must begin with a
      // bullet or "1."; an item outside it (less indented, or after a quote) closes that container.
      if (m < stack.length || quoted) return true;
      return start.type === "-" || start.type === "*" || start.type === "+" || start.number === 1;
    }
    if (isTableStart(rest, i)) {
      if (stack.length > 0 || quoted) throw new Ambiguous(i + 1, "table next to a list item or quote");
      return true;
    }
    return false;
  };

  const continuePara = (p: OpenPara, line: number, text: string): void => {
    if (p.kind === "top") p.block.lines.push(text);
    else if (p.kind === "first") {
      p.item.lines.push(text);
      p.item.end = line;
    } else if (p.kind === "more") p.item.more.push({ line, text });
  };

  for (let i = fmEnd; i < lines.length; i++) {
    const line = lines[i];
    const ln = i + 1;
    const { indent, pos } = leading(line);
    const rest = line.slice(pos);
    const blank = rest.length === 0;

    if (fence) {
      if (blank || indent >= fence.base) {
        const close = /^(`{3,}|~{3,})[ \t]*$/.exec(rest);
        if (close && indent - fence.base < 4 && close[1][0] === fence.char && close[1].length >= fence.len) fence = undefined;
        continue;
      }
      fence = undefined; // a less indented line closes the list item, and the fence with it
    }
    if (comment) {
      if (blank || indent >= comment.base) {
        if (line.includes("-->")) comment = undefined;
        continue;
      }
      comment = undefined;
    }
    if (code) {
      if (blank || indent >= code.base + 4) continue;
      // What may follow indented code (even after a blank line) differs in micromark: let remark decide.
      const next = itemStart(rest, indent);
      if (indent >= code.base && ((next && next.type !== "-" && next.type !== "*" && next.type !== "+" && next.number !== 1) || isTableStart(rest, i))) {
        throw new Ambiguous(ln, "list or table right after indented code");
      }
      code = undefined;
    }
    if (table) {
      if (blank) table = undefined;
      else if (HEADING.test(rest) || FENCE_OPEN.test(rest) || THEMATIC.test(rest) || rest.startsWith(">") || itemStart(rest, indent) || rest.startsWith("<")) {
        table = undefined;
      } else {
        if (!rest.includes("|") || indent >= 4) throw new Ambiguous(ln, "table row without a pipe");
        table.rows.push({ line: ln, cells: splitRow(rest) });
        continue;
      }
    }
    if (blank) {
      para = undefined;
      continue;
    }

    // How many open list items this line stays inside (their content columns increase with depth).
    let m = 0;
    while (m < stack.length && stack[m].contentCol <= indent) m++;
    const base = m > 0 ? stack[m - 1].contentCol : 0;
    const rel = indent - base;

    if (para) {
      if (para.kind !== "quote" && rel < 4 && SETEXT.test(rest) && (m === stack.length || rest[0] === "=")) {
        throw new Ambiguous(ln, "setext heading underline");
      }
      if (!interrupts(rest, indent, rel, m, i, para.kind === "quote")) {
        if (DELIMITER_ROW.test(rest) && rest.includes("|")) throw new Ambiguous(ln, "table delimiter inside a paragraph");
        continuePara(para, ln, rest.trim());
        continue;
      }
    }
    stack.length = m;
    para = undefined;

    if (rel >= 4) {
      code = { base };
      continue;
    }
    if (HEADING.test(rest)) {
      if (m === 0) blocks.push({ kind: "heading", depth: /^#+/.exec(rest)![0].length, line: ln, text: atxText(rest) });
      continue;
    }
    const f = FENCE_OPEN.exec(rest);
    if (f) {
      const marks = f[1] ?? f[2];
      fence = { char: marks[0], len: marks.length, base };
      continue;
    }
    if (THEMATIC.test(rest)) continue;
    if (rest.startsWith(">")) {
      const inner = rest.replace(/^>[ \t]?/, "");
      if (/^(?:`{3,}|~{3,})/.test(inner.trim()) || (DELIMITER_ROW.test(inner.trim()) && inner.includes("|"))) throw new Ambiguous(ln, "code or table in a block quote");
      const lazy = inner.trim() !== "" && leading(inner).indent < 4 && !HEADING.test(inner.trim()) && !THEMATIC.test(inner.trim());
      if (lazy) para = { kind: "quote" };
      continue;
    }
    if (rest.startsWith("<!--")) {
      if (!rest.includes("-->", 4)) comment = { base };
      continue;
    }
    if (OTHER_HTML.test(rest)) throw new Ambiguous(ln, "raw HTML");

    const start = itemStart(rest, indent);
    if (start) {
      if (start.empty) throw new Ambiguous(ln, "empty list item");
      if (start.wide) throw new Ambiguous(ln, "list item content indented 5 or more columns");
      let content = start.content;
      // `[ ]` alone on the line is a checkbox only if the paragraph goes on below: let remark decide.
      if (/^\[[ xX]\][ \t]*$/.test(content)) throw new Ambiguous(ln, "checkbox without text on its line");
      let checked: boolean | null = null;
      const box = CHECKBOX.exec(content);
      if (box) {
        checked = box[1] !== " ";
        content = content.slice(box[0].length);
      }
      if (BLOCK_IN_ITEM.test(content) || THEMATIC.test(content)) throw new Ambiguous(ln, "list item that opens with another block");
      const item: OutlineItem = { kind: "item", line: ln, checked, lines: [content.trim()], end: ln, more: [], children: [] };
      if (m === 0) blocks.push(item);
      else stack[m - 1].item.children.push(item);
      stack.push({ item, contentCol: indent + start.width, type: start.type });
      para = { kind: "first", item };
      continue;
    }
    if (isTableStart(rest, i)) {
      if (m > 0) throw new Ambiguous(ln, "table inside a list item");
      table = { kind: "table", line: ln, header: splitRow(rest), rows: [] };
      blocks.push(table);
      i++; // the delimiter row
      continue;
    }
    if (DELIMITER_ROW.test(rest) && rest.includes("|")) throw new Ambiguous(ln, "table delimiter without a header");

    if (m === 0) {
      const block: OutlineParagraph = { kind: "para", line: ln, lines: [rest.trim()] };
      blocks.push(block);
      para = { kind: "top", block };
    } else {
      const item = stack[m - 1].item;
      item.more.push({ line: ln, text: rest.trim() });
      para = { kind: "more", item };
    }
  }
  return outline;
}
