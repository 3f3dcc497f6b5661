import type { ListItem, RootContent } from "mdast";
import { oneLine } from "../text/normalize";
import { type MarkdownDoc, headingText, sourceOf, startLine } from "./parse";

/**
 * Bold key/value fields and bullet items, read leniently from a run of Markdown nodes.
 * Handles `**Key**: value`, `**Key:** value`, fields inside list items, fields followed by a list,
 * `Key: value` bullets for known field names, ` | ` separated header lines, the literal two-character
 * `\n` separator, and `### Key` sub-headings followed by a list.
 */

export interface Item {
  text: string;
  line: number;
  /** `SC-001`, `VM-002`, `Risk 1`…: the bold key of an ID'd bullet. */
  id?: string;
  children: Item[];
}

export interface Field {
  key: string;
  /** Lower-case key with single spaces and no trailing colon: the name to look up. */
  name: string;
  value: string;
  line: number;
  items: Item[];
}

export interface Block {
  fields: Field[];
  /** ID'd bullets (`- **SC-001**: …`) and bullets that belong to no field. */
  items: Item[];
  /** Paragraph text that is neither a field nor an item. */
  text: { text: string; line: number }[];
  code: { lang: string; value: string; line: number }[];
}

/** Field names written without bold that still count as fields when they start a bullet. */
const PLAIN_FIELD_NAMES = new Set([
  "objective", "success criteria", "deliverables", "timeline", "resources needed", "resources", "dependencies",
  "validation approach", "description", "metric", "target", "baseline", "approach", "validation methods",
  "technology/tools", "implementation steps", "pros", "cons", "effort estimate", "risk level",
  "alignment with goals", "impact", "probability", "mitigation", "owner", "tasks", "why this priority",
  "independent validation", "acceptance scenarios", "outcome scenarios", "start date", "status",
]);

const ID_KEY = /^(?:[A-Z]{1,4}-\d{1,4}[a-z]?|Risk\s+\d+[a-z]?)$/;

export function normalizeKey(key: string): string {
  return oneLine(key.replace(/[*_`]/g, "")).replace(/\s*:$/, "").toLowerCase();
}

interface Segment {
  text: string;
  line: number;
}

/**
 * Splits paragraph source into logical segments: one per line, further split at ` | ` and at a
 * literal `\n` when what follows starts a new field or bullet.
 */
function segments(source: string, firstLine: number): Segment[] {
  const out: Segment[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    for (const part of splitSegments(line)) {
      if (part.trim() !== "") out.push({ text: part.trim(), line: firstLine + i });
    }
  });
  return out;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
/** What may follow a literal `\n` separator: a bold field or a bullet. */
const AFTER_NEWLINE = /\*\*|[-*+]\s|\d+\.\s/y;

/**
 * One line split at a literal `\n` followed by a field or bullet, and at ` | ` followed by a bold
 * field, spaces around the separator dropped. A scan from each `\` and `|`: the equivalent regex
 * (`\s*\\n\s*(?=…)|\s+\|\s+(?=\*\*)`) backtracks quadratically on long runs of spaces.
 */
export function splitSegments(line: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const newline = line[i] === "\\" && line[i + 1] === "n";
    const pipe = line[i] === "|" && isSpace(line[i - 1]) && isSpace(line[i + 1]);
    if (!newline && !pipe) continue;
    let end = newline ? i + 2 : i + 1;
    while (isSpace(line[end])) end++;
    AFTER_NEWLINE.lastIndex = end;
    const follows = newline ? AFTER_NEWLINE.test(line) : line.startsWith("**", end);
    if (!follows) continue;
    let start = i;
    while (start > from && isSpace(line[start - 1])) start--;
    if (pipe && start === i) continue; // ` | ` needs a space before, after the previous separator
    parts.push(line.slice(from, start));
    from = end;
    i = end - 1;
  }
  parts.push(line.slice(from));
  return parts;
}

interface KeyMatch {
  key: string;
  value: string;
  isId: boolean;
}

/** `**Key**: value`, `**Key:** value`, `__Key__: value`, `**SC-001** value`; `Key: value` when allowed. */
export function matchKey(text: string, allowPlain: boolean): KeyMatch | undefined {
  const bold = /^(\*\*|__)(.+?)\1\s*(:?)\s*(.*)$/s.exec(text);
  if (bold) {
    const inner = bold[2].trim();
    const colonInside = inner.endsWith(":");
    const key = (colonInside ? inner.slice(0, -1) : inner).trim();
    const isId = ID_KEY.test(key);
    if (colonInside || bold[3] === ":" || isId) return { key, value: bold[4].replace(/^[:\s]+/, "").trim(), isId };
  }
  if (allowPlain) {
    const plain = /^([A-Za-z][A-Za-z /&-]{1,40}):\s*(.*)$/s.exec(text);
    if (plain && PLAIN_FIELD_NAMES.has(normalizeKey(plain[1]))) return { key: plain[1].trim(), value: plain[2].trim(), isId: false };
  }
  return undefined;
}

const LIST_MARKER = /^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/;

/** A list item and its sub-items, built with an explicit stack: nesting depth never grows the call stack. */
function itemFrom(doc: MarkdownDoc, root: ListItem): Item {
  const shell = (li: ListItem): Item => {
    let text = "";
    for (const c of li.children) if (c.type !== "list" && text === "") text = oneLine(sourceOf(doc, c));
    const key = matchKey(text, true);
    return key?.isId ? { text: key.value, line: startLine(li), id: key.key, children: [] } : { text, line: startLine(li), children: [] };
  };
  const top = shell(root);
  const stack: [ListItem, Item][] = [[root, top]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [li, item] = next;
    for (const child of li.children) {
      if (child.type !== "list") continue;
      for (const c of child.children) {
        const sub = shell(c);
        item.children.push(sub);
        stack.push([c, sub]);
      }
    }
  }
  return top;
}

export function readBlock(doc: MarkdownDoc, nodes: readonly RootContent[]): Block {
  const block: Block = { fields: [], items: [], text: [], code: [] };
  // The field that a following list or continuation line belongs to.
  let open: Field | undefined;
  // Sub-heading fields (`### Deliverables`) absorb the paragraphs and lists under them.
  const headingFields = new Set<Field>();
  // Continuation text of each field, joined once at the end (joining per paragraph is quadratic).
  const continued = new Map<Field, string[]>();

  const addField = (key: string, value: string, line: number): Field => {
    const field: Field = { key, name: normalizeKey(key), value, line, items: [] };
    block.fields.push(field);
    return field;
  };

  for (const node of nodes) {
    if (node.type === "heading") {
      open = addField(headingText(doc, node), "", startLine(node));
      headingFields.add(open);
    } else if (node.type === "paragraph") {
      // Fields stay open for a following list; plain text or ID'd bullets close them.
      let last = open && headingFields.has(open) ? open : undefined;
      for (const seg of segments(sourceOf(doc, node), startLine(node))) {
        const key = matchKey(seg.text, false);
        if (key?.isId) {
          block.items.push({ text: key.value, line: seg.line, id: key.key, children: [] });
          last = undefined;
        } else if (key) last = addField(key.key, key.value, seg.line);
        else if (LIST_MARKER.test(seg.text) && last) last.items.push({ text: seg.text.replace(LIST_MARKER, ""), line: seg.line, children: [] });
        else if (last) {
          const parts = continued.get(last);
          if (parts) parts.push(seg.text);
          else continued.set(last, [seg.text]);
        }
        else block.text.push({ text: seg.text, line: seg.line });
      }
      open = last;
    } else if (node.type === "list") {
      for (const li of node.children) {
        const item = itemFrom(doc, li);
        const key = item.id ? undefined : matchKey(item.text, true);
        if (item.id) block.items.push(item);
        else if (key) {
          const field = addField(key.key, key.value, item.line);
          field.items.push(...item.children);
        } else if (open) open.items.push(item);
        else block.items.push(item);
      }
    } else if (node.type === "code") {
      block.code.push({ lang: node.lang ?? "", value: node.value, line: startLine(node) });
    } else if (node.type === "thematicBreak") {
      open = undefined;
    }
  }
  for (const [f, parts] of continued) f.value = oneLine(`${f.value} ${parts.join(" ")}`);
  return block;
}

/** The first field with one of the given names (case-insensitive, without colons). */
export function field(block: Block, ...names: string[]): Field | undefined {
  const wanted = names.map(normalizeKey);
  return block.fields.find((f) => wanted.includes(f.name));
}

/** A field's content as items: its sub-bullets, or its inline value as a single item. */
export function fieldItems(f: Field | undefined): Item[] {
  if (!f) return [];
  if (f.items.length > 0) return f.items;
  return f.value ? [{ text: f.value, line: f.line, children: [] }] : [];
}

/** ID'd bullets whose ID has the given prefix (`SC`, `VM`…), in document order. */
export function idItems(block: Block, ...prefixes: string[]): Item[] {
  return block.items.filter((i) => i.id !== undefined && prefixes.some((p) => i.id!.startsWith(`${p}-`)));
}
