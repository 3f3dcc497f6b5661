import type { ListItem, Nodes, Table } from "mdast";
import { parseMarkdown } from "../markdown/parse";
import { type Outline, type OutlineBlock, type OutlineItem, atxText, splitRow } from "./outline";

/**
 * The full path: the outline from remark's syntax tree (CommonMark + GFM + frontmatter). Used for
 * notes the line scanner declines, and by the tests that hold the scanner to the same answers.
 * Line text is taken from the source by line number, exactly as the scanner takes it.
 */
export function remarkOutline(text: string): Outline {
  const doc = parseMarkdown("", text);
  const lines = doc.text.split("\n"); // the text remark parsed (hostile lines capped), so columns agree
  const blocks: OutlineBlock[] = [];
  const outline: Outline = { blocks };
  const first = (n: Nodes): number => n.position?.start.line ?? 1;
  const last = (n: Nodes): number => n.position?.end.line ?? first(n);
  const trimmedLines = (from: number, to: number): string[] => lines.slice(from - 1, to).map((l) => l.trim());

  const item = (node: ListItem): OutlineItem => {
    const out: OutlineItem = { kind: "item", line: first(node), checked: node.checked ?? null, lines: [], end: first(node), more: [], children: [] };
    node.children.forEach((child, i) => {
      if (child.type === "paragraph") {
        if (i === 0 && first(child) === out.line) {
          // The item's own line from its marker on: marker and checkbox removed as the scanner does.
          let head = lines[out.line - 1].slice((node.position?.start.column ?? 1) - 1).replace(/^(?:[-*+]|\d{1,9}[.)])[ \t]*/, "");
          if (out.checked !== null) head = head.replace(/^\[[ xX]\][ \t]*/, "");
          out.lines = [head.trim(), ...trimmedLines(out.line + 1, last(child))];
          out.end = last(child);
        } else {
          for (let l = first(child); l <= last(child); l++) out.more.push({ line: l, text: lines[l - 1].trim() });
        }
      } else if (child.type === "list") out.children.push(...child.children.map(item));
    });
    return out;
  };

  const table = (node: Table): OutlineBlock => {
    const [head, ...rows] = node.children;
    return {
      kind: "table",
      line: first(node),
      header: splitRow(lines[first(head) - 1]),
      rows: rows.map((r) => ({ line: first(r), cells: splitRow(lines[first(r) - 1]) })),
    };
  };

  for (const node of doc.root.children) {
    switch (node.type) {
      case "yaml":
        outline.frontmatter = node.value;
        break;
      case "heading": {
        const raw = lines[first(node) - 1];
        const setext = last(node) > first(node) || !/^\s*#/.test(raw);
        const text = setext ? trimmedLines(first(node), last(node) - 1).join(" ") : atxText(raw);
        blocks.push({ kind: "heading", depth: node.depth, line: first(node), text });
        break;
      }
      case "paragraph":
        blocks.push({ kind: "para", line: first(node), lines: trimmedLines(first(node), last(node)) });
        break;
      case "list":
        blocks.push(...node.children.map(item));
        break;
      case "table":
        blocks.push(table(node));
        break;
      default:
        break;
    }
  }
  return outline;
}
