import { parseTimeline, timelineDays } from "../../src/core/vision/timeline";
import { buildSchedule, estimatedDays } from "../../src/core/schedule/cpm";
import { toScheduleJson } from "../../src/core/schedule/json";
import type { Schedule } from "../../src/core/schedule/model";
import { layoutTimeline } from "../../src/core/graph/timeline-layout";
import { type TestMilestone, graphOf, timingOf } from "./plans";

const TODAY = new Date(2026, 10, 24);

function schedule(ms: TestMilestone[], start = "2026-03-02", overall?: string): Schedule {
  return buildSchedule(graphOf(ms), timingOf(ms, start, overall), { today: TODAY });
}

/** Milestone label → [start, end, slack, estimated] with ISO dates, end inclusive. */
function byMilestone(s: Schedule): Record<string, [string, string, number, boolean]> {
  const json = toScheduleJson(s);
  const out: Record<string, [string, string, number, boolean]> = {};
  s.phases.forEach((p, i) => {
    if (p.label) out[p.label] = [json[i].start, json[i].end, json[i].slackDays, json[i].estimated];
  });
  return out;
}

const labelsOf = (s: Schedule, ids: string[]): string[] => ids.map((id) => s.phases.find((p) => p.phase === id)!.label ?? s.phases.find((p) => p.phase === id)!.kind);

describe("critical path method on hand-worked plans (start Monday 2026-03-02)", () => {
  test("a chain: each milestone starts the day after the one before ends; no slack", () => {
    const ms = [{ n: 1, timeline: "2 weeks" }, { n: 2, deps: [1], timeline: "Complete within 3 weeks" }, { n: 3, deps: [2], timeline: "10 days" }];
    const s = schedule(ms);
    expect(byMilestone(s)).toEqual({
      M1: ["2026-03-02", "2026-03-15", 0, false],
      M2: ["2026-03-16", "2026-04-05", 0, false],
      M3: ["2026-04-06", "2026-04-15", 0, false],
    });
    expect(labelsOf(s, s.criticalPath)).toEqual(["setup", "foundational", "M1", "M2", "M3", "polish"]);
    expect(s.diagnostics).toEqual([]);
  });

  test("a diamond: the shorter branch has slack, the longer one is critical", () => {
    const ms = [
      { n: 1, timeline: "1 week" },
      { n: 2, deps: [1], timeline: "2 weeks" },
      { n: 3, deps: [1], timeline: "4 weeks" },
      { n: 4, deps: [2, 3], timeline: "1 week" },
    ];
    const s = schedule(ms);
    expect(byMilestone(s)).toEqual({
      M1: ["2026-03-02", "2026-03-08", 0, false],
      M2: ["2026-03-09", "2026-03-22", 14, false],
      M3: ["2026-03-09", "2026-04-05", 0, false],
      M4: ["2026-04-06", "2026-04-12", 0, false],
    });
    const m2 = toScheduleJson(s).find((p) => p.phase === s.phases.find((q) => q.label === "M2")!.phase)!;
    expect([m2.earliestStart, m2.latestStart]).toEqual(["2026-03-09", "2026-03-23"]);
    expect(labelsOf(s, s.criticalPath)).toEqual(["setup", "foundational", "M1", "M3", "M4", "polish"]);
    expect(s.phases.filter((p) => p.critical).map((p) => p.phase)).toEqual(s.criticalPath);
  });

  test("parallel branches: the short one may start up to its slack later", () => {
    const ms = [{ n: 1, timeline: "3 weeks" }, { n: 2, timeline: "1 week" }, { n: 3, deps: [2], timeline: "4 days" }];
    const s = schedule(ms);
    expect(byMilestone(s)).toEqual({
      M1: ["2026-03-02", "2026-03-22", 0, false],
      M2: ["2026-03-02", "2026-03-08", 10, false],
      M3: ["2026-03-09", "2026-03-12", 10, false],
    });
    expect(labelsOf(s, s.criticalPath)).toEqual(["setup", "foundational", "M1", "polish"]);
  });

  test("week ranges count from the Start Date; explicit dates are kept", () => {
    const ms = [{ n: 1, timeline: "Weeks 1-2" }, { n: 2, deps: [1], timeline: "Weeks 3-5" }, { n: 3, deps: [2], timeline: "2026-04-13 to 2026-04-24" }];
    const s = schedule(ms);
    expect(byMilestone(s)).toEqual({
      M1: ["2026-03-02", "2026-03-15", 7, false],
      M2: ["2026-03-16", "2026-04-05", 7, false],
      M3: ["2026-04-13", "2026-04-24", 0, false],
    });
    // The week before M3 is a buffer the plan keeps: the longest chain carries it as slack.
    expect(labelsOf(s, s.criticalPath)).toEqual(["setup", "foundational", "M1", "M2", "M3", "polish"]);
    expect(s.phases.every((p) => p.stated === (p.kind === "milestone"))).toBe(true);
    expect(s.diagnostics).toEqual([]);
  });

  test("stated dates that start before a dependency ends: kept as written, reported at the Timeline line, negative slack", () => {
    const ms = [{ n: 1, timeline: "2026-03-02 to 2026-03-20" }, { n: 2, deps: [1], timeline: "2026-03-16 to 2026-03-27" }];
    const s = schedule(ms);
    expect(byMilestone(s)).toEqual({
      M1: ["2026-03-02", "2026-03-20", -5, false],
      M2: ["2026-03-16", "2026-03-27", 0, false],
    });
    expect(s.diagnostics).toEqual([
      {
        code: "schedule-conflict",
        severity: "warning",
        message: "Milestone 2 is dated to start on 2026-03-16, before Milestone 1, which it depends on, ends on 2026-03-20; move its dates or remove the dependency.",
        file: "plan.md",
        line: 20,
      },
    ]);
  });

  test("milestones without a timeline: one week per five tasks (rounded up), flagged estimated", () => {
    expect([1, 5, 6, 11].map(estimatedDays)).toEqual([7, 7, 14, 21]);
    const ms = [{ n: 1, tasks: 7 }, { n: 2, deps: [1], timeline: "3 weeks" }, { n: 3, deps: [1], tasks: 1 }];
    const s = schedule(ms);
    expect(byMilestone(s)).toEqual({
      M1: ["2026-03-02", "2026-03-15", 0, true],
      M2: ["2026-03-16", "2026-04-05", 0, false],
      M3: ["2026-03-16", "2026-03-22", 14, true],
    });
  });

  test("Setup, Foundational and Polish take no time unless the plan gives them some", () => {
    const ms = [{ n: 1, timeline: "1 week" }];
    const none = schedule(ms);
    expect(none.phases.filter((p) => p.kind !== "milestone").map((p) => p.durationDays)).toEqual([0, 0, 0]);
    const timing = timingOf(ms, "2026-03-02");
    timing.timelines.set("setup", { text: "3 days", file: "plan.md", line: 4 });
    timing.timelines.set("foundational", { text: "1 week", file: "plan.md", line: 5 });
    const given = buildSchedule(graphOf(ms), timing, { today: TODAY });
    expect(byMilestone(given).M1.slice(0, 2)).toEqual(["2026-03-12", "2026-03-18"]);
    expect(toScheduleJson(given)[1]).toMatchObject({ start: "2026-03-05", end: "2026-03-11" });
  });

  test("without a Start Date: week ranges are durations, the schedule starts at the earliest stated date, else today", () => {
    const weeks = schedule([{ n: 1, timeline: "Weeks 3-4" }, { n: 2, deps: [1], timeline: "2026-06-01 to 2026-06-05" }], "");
    // M1 takes two weeks from the first stated date, so M2's stated start comes before M1 ends.
    expect(byMilestone(weeks).M1).toEqual(["2026-06-01", "2026-06-14", -5, false]);
    expect(weeks.diagnostics.map((d) => d.code)).toEqual(["schedule-conflict"]);
    const none = schedule([{ n: 1, timeline: "2 weeks" }], "");
    expect(byMilestone(none).M1.slice(0, 2)).toEqual(["2026-11-24", "2026-12-07"]);
  });
});

describe("schedule diagnostics", () => {
  test("a timeline that cannot be read says what was expected, and the milestone is estimated", () => {
    const s = schedule([{ n: 1, timeline: "sometime in spring", tasks: 3 }, { n: 2, timeline: "2026-03-20 to 2026-03-10" }]);
    expect(byMilestone(s).M1).toEqual(["2026-03-02", "2026-03-08", 0, true]);
    expect(s.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      [
        "timeline-unreadable",
        10,
        'The Timeline of Milestone 1 ("sometime in spring") cannot be read: expected "Weeks 3-5" (counted from the plan\'s Start Date), "3 weeks" or "2026-03-16 to 2026-04-03". Its duration is estimated from its tasks in the schedule.',
      ],
      ["timeline-unreadable", 20, expect.stringContaining("it ends before it starts")],
    ]);
  });

  test("placeholders are not timelines (they are reported where they are written)", () => {
    for (const timeline of ["[NEEDS CLARIFICATION: timeline]", "[DATE] to [DATE]"]) {
      const s = schedule([{ n: 1, timeline }]);
      expect(s.diagnostics).toEqual([]);
      expect(byMilestone(s).M1[3]).toBe(true);
    }
  });

  test("an Overall Timeline shorter than the critical path", () => {
    const ms = [{ n: 1, timeline: "2 weeks" }, { n: 2, deps: [1], timeline: "3 weeks" }];
    expect(schedule(ms, "2026-03-02", "5 weeks").diagnostics).toEqual([]);
    expect(schedule(ms, "2026-03-02", "4 weeks").diagnostics).toEqual([
      {
        code: "timeline-short",
        severity: "warning",
        message: 'The Overall Timeline ("4 weeks", 28 days) is shorter than the critical path (Milestone 1 → Milestone 2: 35 days, 2026-03-02 to 2026-04-05); extend it or shorten the milestones on the critical path.',
        file: "plan.md",
        line: 3,
      },
    ]);
    expect(schedule(ms, "2026-03-02", "as long as it takes").diagnostics.map((d) => d.code)).toEqual(["timeline-unreadable"]);
  });

  test("a dependency cycle is left out with a diagnostic; the rest is scheduled", () => {
    const ms = [{ n: 1, timeline: "1 week" }, { n: 2, deps: [1, 3], timeline: "1 week" }, { n: 3, deps: [2], timeline: "1 week" }, { n: 4, deps: [1], timeline: "2 weeks" }];
    const s = schedule(ms);
    expect(Object.keys(byMilestone(s))).toEqual(["M1", "M4"]);
    expect(byMilestone(s).M4).toEqual(["2026-03-09", "2026-03-22", 0, false]);
    expect(s.diagnostics.map((d) => [d.code, d.file, d.line, d.message])).toEqual([
      ["schedule-cycle", "execute.md", expect.any(Number), "Milestone 2, Milestone 3 wait for each other, so they are left out of the schedule; remove one of the dependencies between them."],
    ]);
  });
});

describe("agreement with the graph's critical path", () => {
  const plans: [string, TestMilestone[]][] = [
    ["diamond", [{ n: 1, timeline: "1 week" }, { n: 2, deps: [1], timeline: "2 weeks" }, { n: 3, deps: [1], timeline: "4 weeks" }, { n: 4, deps: [2, 3], timeline: "1 week" }]],
    ["parallel", [{ n: 1, timeline: "3 weeks" }, { n: 2, timeline: "1 week" }, { n: 3, deps: [2], timeline: "4 days" }]],
    ["ties", [{ n: 1, timeline: "1 week" }, { n: 2, deps: [1], timeline: "2 weeks" }, { n: 3, deps: [1], timeline: "2 weeks" }, { n: 4, deps: [3, 2], timeline: "5 days" }]],
    ["wide", Array.from({ length: 12 }, (_, i) => ({ n: i + 1, deps: i < 2 ? [] : [i - 1, i], timeline: `${(i * 7) % 5 + 1} weeks` }))],
  ];
  test.each(plans)("%s", (_name, ms) => {
    const weights = Object.fromEntries(ms.map((m) => [`M${m.n}`, timelineDays(parseTimeline(m.timeline!))!]));
    const graph = graphOf(ms, weights);
    const s = buildSchedule(graph, timingOf(ms, "2026-03-02"), { today: TODAY });
    const milestones = (ids: string[]) => ids.filter((id) => graph.phases.find((p) => p.id === id)!.kind === "milestone");
    expect(milestones(s.criticalPath)).toEqual(milestones(graph.criticalPath));
    for (const id of s.criticalPath) expect(s.phases.find((p) => p.phase === id)!.slackDays).toBe(0);
  });
});

describe("hostile timelines", () => {
  test("a typo of a timeline (thousands of weeks) is reported, not scheduled; an unreadable Start Date is reported", () => {
    const ms = [{ n: 1, timeline: "Weeks 1-99999999" }, { n: 2, deps: [1], timeline: "999999 days" }];
    const s = schedule(ms);
    expect(s.diagnostics.map((d) => [d.code, d.line, d.message.includes("more than ten years")])).toEqual([
      ["timeline-unreadable", 10, true],
      ["timeline-unreadable", 20, true],
    ]);
    expect(s.finish - s.start).toBe(14);
    const timing = timingOf(ms);
    timing.startSource = { text: "2026-02-30", file: "plan.md", line: 2 };
    const bad = buildSchedule(graphOf(ms), timing, { today: TODAY });
    expect(bad.diagnostics.find((d) => d.line === 2)?.message).toMatch(/^The Start Date \("2026-02-30"\) cannot be read: expected a date such as 2026-03-02/);
  });

  test("dates centuries apart: the timeline stays a few thousand pixels wide with a bounded number of ticks", () => {
    const ms = [{ n: 1, timeline: "1900-01-01 to 1900-01-05" }, { n: 2, timeline: "2099-12-01 to 2099-12-31" }];
    const s = schedule(ms, "");
    const layout = layoutTimeline(s, { today: TODAY });
    expect(layout.width).toBeLessThan(4000 + 400);
    expect(layout.ticks.length).toBeLessThanOrEqual(201);
    expect(layout.todayX).toBeGreaterThan(layout.chartX);
  });

  test("scheduling grows linearly: 2,000 milestones cost about 10× 200 (bound 40×)", () => {
    const plan = (n: number): TestMilestone[] => Array.from({ length: n }, (_, i) => ({ n: i + 1, deps: i === 0 ? [] : [i, ...(i > 5 ? [i - 5] : [])], timeline: `${1 + (i % 4)} weeks` }));
    // Per schedule, each sample long enough (tens of milliseconds) that timer noise does not dominate.
    const timed = (ms: TestMilestone[], reps: number): (() => number) => {
      const graph = graphOf(ms);
      const timing = timingOf(ms, "2026-03-02");
      return () => {
        const t0 = performance.now();
        for (let k = 0; k < reps; k++) buildSchedule(graph, timing, { today: TODAY });
        return (performance.now() - t0) / reps;
      };
    };
    const [runSmall, runLarge] = [timed(plan(200), 40), timed(plan(2000), 4)];
    runSmall();
    runLarge();
    // Interleaved samples, the best of each: a busy machine slows single samples, not the best one.
    let small = Infinity;
    let large = Infinity;
    for (let k = 0; k < 5; k++) {
      small = Math.min(small, runSmall());
      large = Math.min(large, runLarge());
    }
    expect(large / small).toBeLessThan(40);
  });
});
