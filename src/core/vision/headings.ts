import { type MarkdownDoc, type Section, sections } from "../markdown/parse";
import { normalizeKey, readBlock } from "../markdown/fields";
import type { HeaderFields, NumberedHeading } from "./model";
import { hasPlaceholder } from "./placeholders";

/** `Milestone 2 - OAuth`, or `Milestone 2` when it has no title. */
export function headingName(word: string, h: { number: string; title: string }): string {
  return `${word} ${h.number}${h.title ? ` - ${h.title}` : ""}`;
}

/**
 * `(Priority: P1)`, `(P1)`, `[P1]`, `(Prioridade: P1)`, `(US1, Priority: P1)`, `（优先级: P1）`. No
 * `\s*` before the bracket or right after it: spaces are skipped in code, which keeps it linear.
 */
const PRIORITY = /[([（【](?:[^()[\]（）【】]*?[:：])?\s*P(\d)\s*[)\]）】]/u;
const SEPARATOR = /^\s*[-–—:]+\s*/;

export function readPriority(text: string): { priority?: number; rest: string } {
  const m = PRIORITY.exec(text);
  if (!m) return { rest: text };
  let start = m.index;
  while (start > 0 && /\s/.test(text[start - 1])) start--;
  return { priority: Number(m[1]), rest: (text.slice(0, start) + text.slice(m.index + m[0].length)).trim() };
}

/** The text without a closing `🎯`, `MVP` or `🎯 MVP` (and the spaces before it). */
export function withoutMvp(text: string): string {
  const t = text.trimEnd();
  if (t.endsWith("🎯")) return t.slice(0, -2).trimEnd();
  if (!t.endsWith("MVP") || /\w/.test(t[t.length - 4] ?? "")) return text;
  const before = t.slice(0, -3).trimEnd();
  return before.endsWith("🎯") ? before.slice(0, -2).trimEnd() : before;
}

/** The text without one trailing separator (`-`, `–`, `—`, `:`) and the spaces around it. */
function withoutTrailingSeparator(text: string): string {
  const t = text.trimEnd();
  return /[-–—:]/.test(t[t.length - 1] ?? "") ? t.slice(0, -1).trimEnd() : text;
}

/**
 * Reads `Milestone 3: Title (Priority: P2) 🎯 MVP` and its drifted forms for the given word
 * (`Milestone`, `Intent`, `Objective`, `Strategy`). Returns undefined when the heading is not one.
 */
export function readNumberedHeading(word: string, heading: string, file: string, line: number): NumberedHeading | undefined {
  const m = new RegExp(`^(?:\\*\\*)?${word}\\s+(\\d+[a-z]?)\\b(?:\\*\\*)?(.*)$`, "iu").exec(heading.trim());
  if (!m) return undefined;
  let rest = m[2];
  const mvp = /🎯|\bMVP\b/u.test(rest);
  rest = withoutMvp(rest);
  const { priority, rest: withoutPriority } = readPriority(rest);
  const written = withoutTrailingSeparator(withoutPriority.replace(SEPARATOR, "")).trim();
  // A template title (`[Title]`) is no title: the item is named by its number alone.
  const title = hasPlaceholder(written) ? "" : written;
  return { number: m[1].toLowerCase(), title, priority, mvp, heading, file, line };
}

/** The numbered sections of a document for one word, with their headings read. */
export function numberedSections(doc: MarkdownDoc, word: string): { head: NumberedHeading; section: Section }[] {
  const out: { head: NumberedHeading; section: Section }[] = [];
  for (const section of sections(doc)) {
    const head = readNumberedHeading(word, section.text, doc.file, section.line);
    if (head) out.push({ head, section });
  }
  return out;
}

/** The document's name from its first level-1 heading: `# Implementation Plan: NAME` → NAME. */
export function documentName(doc: MarkdownDoc): { name: string; line: number } | undefined {
  const h1 = sections(doc).find((s) => s.depth === 1);
  if (!h1) return undefined;
  const name = h1.text.replace(/^[^:：]*[:：]\s*/, "").trim();
  return { name: name || h1.text, line: h1.line };
}

/** The bold key/value fields right under the first heading (or at the top of the note). */
export function readHeader(doc: MarkdownDoc): HeaderFields {
  const nodes = doc.root.children;
  const start = nodes.findIndex((n) => n.type === "heading" && n.depth === 1);
  const after = nodes.slice(start + 1);
  const end = after.findIndex((n) => n.type === "heading");
  const block = readBlock(doc, end < 0 ? after : after.slice(0, end));
  const header: HeaderFields = { values: {}, lines: {} };
  for (const f of block.fields) {
    const key = normalizeKey(f.key);
    if (!(key in header.values)) {
      header.values[key] = f.value.replace(/^`|`$/g, "");
      header.lines[key] = f.line;
    }
  }
  return header;
}
