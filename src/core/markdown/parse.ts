import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseYamlObject } from "../yaml";
import { remarkGfmSubset } from "./gfm";

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfmSubset);

/** A parsed note: the syntax tree plus the text it was parsed from (positions index into it). */
export interface MarkdownDoc {
  file: string;
  text: string;
  root: Root;
  frontmatter: Record<string, unknown>;
  /** Offset of the start of each line, for slicing source text by line. */
  lineStarts: number[];
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Reads YAML frontmatter leniently: a malformed block yields {} rather than an exception. */
export function readFrontmatter(yamlText: string): Record<string, unknown> {
  return parseYamlObject(yamlText);
}

/**
 * Indentation (in columns) beyond which a line is read as if it were less indented: remark's time
 * grows steeply with nesting (seconds at a few hundred levels), and no plan nests lists that deep.
 */
export const MAX_INDENT = 96;

/** Lines indented beyond `MAX_INDENT` (1-based), for a diagnostic. */
export function overIndentedLines(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    if (i === 0 || text.charCodeAt(i - 1) === 10) {
      let cols = 0;
      for (let j = i; j < text.length && (text[j] === " " || text[j] === "\t"); j++) cols += text[j] === "\t" ? 4 : 1;
      if (cols > MAX_INDENT) out.push(line);
    }
    if (text.charCodeAt(i) === 10) line++;
  }
  return out;
}

/** The text with indentation capped at `MAX_INDENT` columns and `>` nesting at 32 (line count unchanged). */
function capNesting(text: string): string {
  if (!/^[ \t]{97,}|^(?:[ \t]*>){33,}/m.test(text)) return text;
  return text
    .replace(/^[ \t]+/gm, (ws) => (ws.replace(/\t/g, "    ").length > MAX_INDENT ? " ".repeat(MAX_INDENT) : ws))
    .replace(/^((?:[ \t]*>){32})(?:[ \t]*>)+/gm, "$1");
}

export function parseMarkdown(file: string, text: string): MarkdownDoc {
  const root = processor.parse(capNesting(text));
  const first = root.children[0];
  const frontmatter = first?.type === "yaml" ? readFrontmatter(first.value) : {};
  return { file, text, root, frontmatter, lineStarts: lineStartsOf(text) };
}

export function startLine(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

export function endLine(node: Nodes): number {
  return node.position?.end.line ?? startLine(node);
}

/** The exact source text of a node. */
export function sourceOf(doc: MarkdownDoc, node: Nodes): string {
  const p = node.position;
  return p ? doc.text.slice(p.start.offset ?? 0, p.end.offset ?? 0) : "";
}

/** The text of a heading as written after the `#` marks (inline Markdown kept, closing #s removed). */
export function headingText(doc: MarkdownDoc, heading: Heading): string {
  return sourceOf(doc, heading)
    .replace(/^\s*#{1,6}[ \t]*/, "")
    .replace(/[ \t]+#+[ \t]*$/, "")
    .trim();
}

/** A heading with the nodes of its section (up to the next heading of the same or a higher level). */
export interface Section {
  heading: Heading;
  depth: number;
  text: string;
  line: number;
  /** Nodes between this heading and the next heading of any level. */
  body: RootContent[];
  /** Nodes up to the next heading of the same or a higher level (nested headings included). */
  content: RootContent[];
}

export function sections(doc: MarkdownDoc): Section[] {
  const nodes = doc.root.children;
  const result: Section[] = [];
  nodes.forEach((node, i) => {
    if (node.type !== "heading") return;
    let j = i + 1;
    while (j < nodes.length && nodes[j].type !== "heading") j++;
    let k = i + 1;
    while (k < nodes.length && !(nodes[k].type === "heading" && (nodes[k] as Heading).depth <= node.depth)) k++;
    result.push({
      heading: node,
      depth: node.depth,
      text: headingText(doc, node),
      line: startLine(node),
      body: nodes.slice(i + 1, j),
      content: nodes.slice(i + 1, k),
    });
  });
  return result;
}

export type { Heading, List, ListItem, Paragraph, RootContent };
