// The parser keeps the GFM the reader needs without remark-gfm, and frontmatter goes through the
// installed YAML parser leniently.
import { parseMarkdown } from "../../src/core/markdown/parse";
import { parseYamlObject } from "../../src/core/yaml";

describe("GFM subset", () => {
  const doc = parseMarkdown("plan.md", ["- [x] T001 done ~~old~~", "- [ ] T002 open", "", "| ID | Task |", "|----|------|", "| T003 | Table task |", "", "See https://example.com"].join("\n"));

  it("reads task list items with their checked state", () => {
    const list = doc.root.children[0];
    expect(list.type).toBe("list");
    expect(list.type === "list" && list.children.map((i) => i.checked)).toEqual([true, false]);
  });

  it("reads strikethrough and tables", () => {
    expect(JSON.stringify(doc.root.children[0])).toContain('"type":"delete"');
    const table = doc.root.children[1];
    expect(table.type).toBe("table");
    expect(table.type === "table" && table.children).toHaveLength(2);
  });

  it("leaves bare URLs as text (no autolink literals)", () => {
    const paragraph = doc.root.children[2];
    expect(paragraph.type === "paragraph" && paragraph.children.map((c) => c.type)).toEqual(["text"]);
  });
});

describe("frontmatter", () => {
  it("reads a mapping", () => {
    expect(parseMarkdown("a.md", "---\nintentk: plan\nn: 2\n---\n# A").frontmatter).toEqual({ intentk: "plan", n: 2 });
  });

  it.each([
    ["malformed", "a: [1, 2\nb: :"],
    ["a list", "- a\n- b"],
    ["a scalar", "just text"],
    ["empty", ""],
  ])("gives {} for %s YAML, never an exception", (_, yaml) => {
    expect(parseYamlObject(yaml)).toEqual({});
    expect(parseMarkdown("a.md", `---\n${yaml}\n---\n# A`).frontmatter).toEqual({});
  });
});
