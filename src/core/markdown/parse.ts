import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseYamlObject } from "../yaml";
import { remarkGfmSubset } from "./gfm";
import { MAX_FRONTMATTER_CHARS } from "../limits";
import { withoutClosingHashes } from "./atx";
import { flattenForParse } from "./flatten";

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

/** Top-level `key: value` lines, unquoted: the simple reading of an oversized frontmatter. */
function simpleFrontmatter(yamlText: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of yamlText.split("\n")) {
    const m = /^([A-Za-z0-9_-]{1,200}):[ \t]*(.*)$/.exec(line);
    if (m && !(m[1] in out)) out[m[1]] = m[2].trim().replace(/^(["'])(.*)\1$/, "$2");
  }
  return out;
}

/**
 * Reads YAML frontmatter leniently: a malformed block yields {} rather than an exception; a block
 * over `MAX_FRONTMATTER_CHARS` is read by `simpleFrontmatter` (the YAML parser is quadratic in keys).
 */
export function readFrontmatter(yamlText: string): Record<string, unknown> {
  if (yamlText.length > MAX_FRONTMATTER_CHARS) return simpleFrontmatter(yamlText);
  return parseYamlObject(yamlText);
}

/** Parses a note; hostile nesting and line lengths are capped first (`flattenForParse`), and `text` is what was parsed. */
export function parseMarkdown(file: string, text: string): MarkdownDoc {
  const parsed = flattenForParse(text).text;
  const root = processor.parse(parsed);
  const first = root.children[0];
  const frontmatter = first?.type === "yaml" ? readFrontmatter(first.value) : {};
  return { file, text: parsed, root, frontmatter, lineStarts: lineStartsOf(parsed) };
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
  // The closing `#`s by a scan: `/[ \t]+#+[ \t]*$/` is quadratic on a heading full of spaces.
  return withoutClosingHashes(sourceOf(doc, heading).replace(/^\s*#{1,6}[ \t]*/, "")).trim();
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
