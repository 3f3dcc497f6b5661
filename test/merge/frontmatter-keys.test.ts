import { mergeFrontmatter } from "../../src/core/merge/text";

/** Properties people add in Obsidian's Properties pane survive regeneration, whatever their key looks like. */
test("user properties with spaces, non-ASCII and quoted keys are kept; generated keys follow the new generation", () => {
  const ours = ["---", "intentk: execute", 'generated: 2026-11-01', 'body-hash: "aaaa"', "due date: 2026-12-01", "Priorität: hoch", '"my key": v', "tags:", "  - work", "---"];
  const theirs = ["---", "intentk: execute", "generated: 2026-11-24", 'body-hash: "bbbb"', "---"];
  expect(mergeFrontmatter(ours, theirs)).toEqual([
    "---",
    "intentk: execute",
    "generated: 2026-11-24",
    "due date: 2026-12-01",
    "Priorität: hoch",
    '"my key": v',
    "tags:",
    "  - work",
    'body-hash: "bbbb"',
    "---",
  ]);
});
