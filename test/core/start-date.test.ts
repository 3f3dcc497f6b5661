import type { Diagnostic } from "../../src/core/diagnostics";
import { parseMarkdown } from "../../src/core/markdown/parse";
import { parsePlan } from "../../src/core/vision/parse-plan";
import { firstDate } from "../../src/core/vision/start-date";
import { scheduleMilestones } from "../../src/core/vision/timeline";

const milestones = [
  "## Milestone 1: Intake (Priority: P1)",
  "- **Objective**: Take requests",
  "- **Timeline**: Weeks 1-2",
  "- **Dependencies**: None",
  "",
  "## Milestone 2: Reports (Priority: P2)",
  "- **Objective**: Report",
  "- **Timeline**: Weeks 3-5",
  "- **Dependencies**: Milestone 1",
];

function planWith(lines: string[]) {
  const diagnostics: Diagnostic[] = [];
  return parsePlan(parseMarkdown("plan.md", [...lines, "", ...milestones].join("\n")), diagnostics);
}

const iso = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

describe("the plan's Start Date", () => {
  test.each([
    ["the header line", ["# Implementation Plan: X", "", "**Branch**: `023-x` | **Date**: 2026-01-10 | **Start Date**: 2026-03-02"], 3],
    ["Milestone Overview", ["# Implementation Plan: X", "", "**Date**: 2026-01-10", "", "## Milestone Overview", "", "**Selected Strategy**: Strategy 2", "**Start Date**: 2026-03-02", "**Overall Timeline**: 13 weeks"], 8],
    ["an Overall Timeline with dates", ["# Implementation Plan: X", "", "**Date**: 2026-01-10", "", "## Milestone Overview", "", "**Overall Timeline**: 13 weeks (2026-03-02 to 2026-05-29)"], 7],
    ["Milestone Overview, written as a date in words", ["# Implementation Plan: X", "", "## Milestone Overview", "", "**Start Date**: March 2, 2026"], 5],
  ])("is read from %s, and week timelines get calendar dates from it", (_where, lines, line) => {
    const plan = planWith(lines);
    expect(plan.startDate?.line).toBe(line);
    const start = firstDate(plan.startDate!.text);
    expect(iso(start!)).toBe("2026-03-02");
    const schedule = scheduleMilestones(plan.milestones, ["1", "2"], start);
    expect([iso(schedule.get("2")!.start), iso(schedule.get("2")!.end)]).toEqual(["2026-03-16", "2026-04-05"]);
  });

  test("the plan's creation Date is not a start date, and a placeholder gives none", () => {
    expect(planWith(["# Implementation Plan: X", "", "**Date**: 2026-01-10", "", "## Milestone Overview", "", "**Overall Timeline**: [Total duration for all milestones]"]).startDate).toBeUndefined();
  });
});
