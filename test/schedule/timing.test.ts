import { planTiming } from "../../src/core/schedule/timing";
import { buildTimeline } from "../../src/core/graph/timeline-svg";
import { TODAY } from "../helpers";
import { graphOf } from "./plans";

describe("the plan's timing", () => {
  test("Start Date from a header line of several fields (| or a literal \\n between them), Overall Timeline, Setup/Foundational timelines; code blocks ignored", () => {
    const text = [
      "# Implementation Plan: X",
      "",
      "**Branch**: `001-x` | **Date**: 2026-01-05\\n**Start Date**: `2026-03-02` | **Vision**: [[vision]]",
      "",
      "```text",
      "**Overall Timeline**: 1 day",
      "```",
      "",
      "## Milestone Overview",
      "",
      "**Overall Timeline**: 12 weeks",
      "- **Setup Timeline**: 3 days",
      "**Foundational Timeline**: 1 week",
    ].join("\n");
    const timing = planTiming([], { file: "plan.md", text });
    expect(timing.start).toEqual(new Date(2026, 2, 2));
    expect(timing.startSource).toEqual({ text: "2026-03-02", file: "plan.md", line: 3 });
    expect(timing.overall).toEqual({ text: "12 weeks", file: "plan.md", line: 11 });
    expect(timing.timelines.get("setup")).toEqual({ text: "3 days", file: "plan.md", line: 12 });
    expect(timing.timelines.get("foundational")?.line).toBe(13);
  });

  test("no Start Date: none is invented", () => {
    expect(planTiming([], { file: "plan.md", text: "# Plan\n\n**Date**: 2026-01-05\n" }).start).toBeUndefined();
  });
});

describe("buildTimeline, for a view", () => {
  test("schedule, layout rows with phase ids and rectangles, and a focusable scene in one call", () => {
    const graph = graphOf([{ n: 1, timeline: "1 week" }, { n: 2, deps: [1], timeline: "2 weeks" }]);
    const { schedule, layout, scene } = buildTimeline(graph, { today: TODAY });
    expect(layout.rows.map((r) => r.phase)).toEqual(schedule.phases.map((p) => p.phase));
    expect(layout.rows.every((r) => r.row.width > 0 && r.bar.height > 0)).toBe(true);
    expect(scene.children!.some((c) => c.cls?.includes("intentk-graph-viewport"))).toBe(true);
    const rows = scene.children!.find((c) => c.cls?.includes("intentk-graph-viewport"))!.children![0].children!;
    expect(rows.map((r) => [r.attrs!["data-phase"], r.attrs!.tabindex, r.attrs!.role])).toEqual(schedule.phases.map((p) => [p.phase, 0, "button"]));
  });
});

describe("the schedule's start without a Start Date", () => {
  test("the first date of the Overall Timeline starts the schedule, as it dates the execute note", () => {
    const timing = planTiming([], { file: "plan.md", text: "# Implementation Plan: X\n\n**Overall Timeline**: 13 weeks (2026-03-02 to 2026-05-29)\n" });
    expect(timing.start).toEqual(new Date(2026, 2, 2));
    expect(timing.startSource).toMatchObject({ file: "plan.md", line: 3 });
  });
});
