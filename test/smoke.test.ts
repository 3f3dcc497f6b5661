import { parseMarkdown, sections } from "../src/core/markdown/parse";
test("remark parses headings with lines", () => {
  const doc = parseMarkdown("a.md", "---\nintentk: plan\n---\n# Title\n\n## Milestone 1: A (P1)\n");
  expect(doc.frontmatter).toEqual({ intentk: "plan" });
  expect(sections(doc).map((s) => [s.text, s.line])).toEqual([["Title", 4], ["Milestone 1: A (P1)", 6]]);
});
