import type { Diagnostic } from "../../src/core/diagnostics";
import { readPlan } from "../../src/core/reader/read";
import { settleMilestones } from "../../src/core/vision/checks";
import { outlineMilestones } from "../../src/core/vision/outline";
import { normalPlan, PLAN_PATH, runPlan } from "./helpers";

/** Inputs that used to throw (stack overflow, RangeError) are read, reported, and generate a note. */
describe("hostile input: no crash", () => {
  test.each([
    ["- ", "dashes"],
    ["1. ", "numbers"],
    ["> - ", "quote-list"],
    ["- > ", "list-quote"],
  ])("2,000 %p on one line (%s) is flattened and reported, not a stack overflow", async (token) => {
    const text = `${normalPlan()}\n- **Deliverables**:\n  ${token.repeat(2000)}deep item\n`;
    const { diagnostics, note } = await runPlan(text);
    const nesting = diagnostics.filter((d) => d.code === "deep-nesting");
    expect(nesting).toHaveLength(1);
    expect(nesting[0]).toMatchObject({ file: PLAN_PATH, line: text.split("\n").length - 1 });
    expect(nesting[0].message).toMatch(/nested more than \d+ levels/);
    expect(note).toContain("Part 3");
  });

  test.each(["Weeks 1-100000000", "999999999999 months", "Week 5000"])("timeline %p is reported with the accepted range, not a RangeError", async (timeline) => {
    const text = normalPlan().replace(/Weeks 1-2(?![\s\S]*Weeks 1-2)/, timeline);
    const { diagnostics, note } = await runPlan(text);
    const long = diagnostics.filter((d) => d.code === "timeline-too-long");
    expect(long).toHaveLength(1);
    expect(long[0].file).toBe(PLAN_PATH);
    expect(text.split("\n")[long[0].line - 1]).toContain(timeline);
    expect(long[0].message).toMatch(/longer than 7300 days/);
    expect(note).toContain("Milestone 3");
  });
});

describe("hostile execution plans are read and reported", () => {
  test("an execute note with a 2,000-deep one-line list and 5,000 nested emphasis markers is read, with a diagnostic at that line", () => {
    const text = `# Execution Plan\n\n## Phase 1: Setup\n\n- [ ] T001 First task\n${"- ".repeat(2000)}deep\n${"*a ".repeat(5000)}${"a* ".repeat(5000)}\n- [ ] T002 Second task\n`;
    const plan = readPlan("execute.md", text, { parser: "remark" });
    expect(plan.tasks.map((t) => t.id)).toEqual(expect.arrayContaining(["T001", "T002"]));
    const found = plan.diagnostics.filter((d) => d.code === "deep-nesting").map((d) => d.line);
    expect(found).toEqual([6, 7]);
  });
});

describe("deep chains stay off the call stack", () => {
  test("10,000 chained milestones closed into a cycle: the cycle is reported, no stack overflow", () => {
    const n = 10_000;
    const plan = ["# Implementation Plan: Chain", ""];
    for (let i = 1; i <= n; i++) plan.push(`## Milestone ${i}: Step ${i} (Priority: P2)`, `- **Dependencies**: Milestone ${i === 1 ? n : i - 1}`, "");
    const diagnostics: Diagnostic[] = [];
    const { milestones } = outlineMilestones(PLAN_PATH, plan.join("\n"), diagnostics);
    settleMilestones(milestones, PLAN_PATH, diagnostics);
    expect(diagnostics.filter((d) => d.code === "dependency-cycle")).toHaveLength(1);
  });
});
