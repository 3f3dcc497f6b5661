import { formatStatus, type PlanStatus } from "../../src/cli/commands/status";
import { fitWidth } from "../../src/core/text/graphemes";

describe("status text never splits a character", () => {
  test("a long phase heading is cut before or after 🎯, never inside it", () => {
    // 58 characters, then the emoji across the 60-character cut, then more.
    const heading = `${"Phase 3: Milestone 1 - Shared reading list core for teams".padEnd(58, "x")}🎯 MVP and more words`;
    const status: PlanStatus = {
      file: "visions/001-x/execute.md", generated: false, form: "checkbox", done: 1, total: 2, next: [], diagnostics: [],
      phases: [{ id: "phase-3", heading, done: 1, total: 2, status: "in progress", critical: true }],
    };
    const text = formatStatus(status).join("\n");
    expect(text).not.toContain("\uFFFD");
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(text).toContain("…");
  });

  test.each([
    ["🎯🎯🎯", 2, "🎯…"],
    ["Team 👩‍👩‍👧 plans", 7, "Team 👩‍👩‍👧…"],
    ["abc", 5, "abc  "],
  ])("fitWidth(%s, %d)", (text, width, expected) => {
    expect(fitWidth(text, width)).toBe(expected);
  });
});
