/** @jest-environment jsdom */
import { buildSchedule } from "../../src/core/schedule/cpm";
import { dayNumber } from "../../src/core/schedule/days";
import { layoutTimeline, type Rect } from "../../src/core/graph/timeline-layout";
import { renderTimelineSvg } from "../../src/core/graph/timeline-svg";
import { graphToTimelineSvg } from "../../src/core/graph/export";
import { TODAY } from "../helpers";
import { exampleVision, graphOf, timingOf } from "./plans";

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function parseSvg(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

describe("timeline SVG", () => {
  test("the example vision: valid XML, one row per phase, critical and dated bars marked, today's line, week ticks", async () => {
    const { graph, timing } = await exampleVision();
    const schedule = buildSchedule(graph, timing, { today: TODAY });
    const text = graphToTimelineSvg(graph, { schedule, today: TODAY });
    const doc = parseSvg(text);
    const rows = [...doc.querySelectorAll("g.intentk-timeline-row")];
    expect(rows.map((r) => r.getAttribute("data-phase"))).toEqual(schedule.phases.map((p) => p.phase));
    expect(rows.filter((r) => r.classList.contains("is-critical")).map((r) => r.getAttribute("data-phase"))).toEqual(schedule.criticalPath);
    expect(rows.filter((r) => r.classList.contains("is-estimated"))).toHaveLength(0);
    // Hover text: dates, duration, slack, progress.
    const m2 = rows[schedule.phases.findIndex((p) => p.label === "M2")];
    expect(m2.querySelector("title")!.textContent).toBe("Milestone 2 - Import & Export: CSV\nNov 16 – Dec 6 · 21 days · 7 days of slack · 0/11 tasks done");
    expect(m2.querySelector("rect.intentk-timeline-slack")).not.toBeNull();
    // Today (2026-11-24) is on the axis; ticks are Mondays a week apart.
    expect(doc.querySelector(".intentk-timeline-today-line")).not.toBeNull();
    const ticks = [...doc.querySelectorAll("text.intentk-timeline-tick-label")].map((t) => t.textContent);
    expect(ticks.slice(0, 4)).toEqual(["Nov 2", "Nov 9", "Nov 16", "Nov 23"]);
    // Arrows: one per dependency, the critical ones along the critical path.
    expect(doc.querySelectorAll("path.intentk-timeline-arrow")).toHaveLength(graph.edges.filter((e) => e.kind === "phase").length);
  });

  test("bars sit on the calendar: start, length, progress and slack in days", () => {
    const ms = [{ n: 1, timeline: "1 week", tasks: 4 }, { n: 2, deps: [1], timeline: "2 weeks" }, { n: 3, deps: [1], timeline: "4 weeks" }];
    const graph = graphOf(ms);
    graph.phases.find((p) => p.label === "M1")!.done = 1;
    const schedule = buildSchedule(graph, timingOf(ms, "2026-03-02"), { today: TODAY });
    const layout = layoutTimeline(schedule, { today: TODAY, pxPerDay: 10 });
    const row = (label: string) => layout.rows.find((r) => r.entry.label === label)!;
    const x = (iso: string) => Math.round((layout.chartX + (dayNumber(new Date(`${iso}T00:00:00`)) - layout.axisStart) * 10) * 10) / 10;
    expect([row("M1").bar.x, row("M1").bar.width, row("M1").progressWidth]).toEqual([x("2026-03-02"), 70, 17.5]);
    expect([row("M2").bar.x, row("M2").bar.width, row("M2").slack.x, row("M2").slack.width]).toEqual([x("2026-03-09"), 140, x("2026-03-23"), 140]);
    expect(row("M3").slack.width).toBe(0);
    expect(layout.todayX).toBeUndefined();
  });

  test("estimated bars are drawn differently; labels never overlap each other or the bars, even on a 50-milestone plan", () => {
    const ms = Array.from({ length: 50 }, (_, i) => ({
      n: i + 1,
      deps: i === 0 ? [] : [i, ...(i > 3 ? [i - 3] : [])],
      tasks: 3 + (i % 7),
      timeline: i % 4 === 0 ? undefined : `${1 + (i % 3)} weeks`,
    }));
    const graph = graphOf(ms);
    graph.phases.forEach((p, i) => (p.title = i % 5 === 0 ? `Milestone ${i} - ${"A very long milestone title that keeps going ".repeat(3)}` : p.title));
    const schedule = buildSchedule(graph, timingOf(ms, "2026-03-02"), { today: TODAY });
    const layout = layoutTimeline(schedule, { today: TODAY });
    expect(layout.rows).toHaveLength(53);
    for (let i = 0; i < layout.rows.length; i++) {
      const a = layout.rows[i];
      expect(a.label.x + a.label.width).toBeLessThanOrEqual(layout.chartX);
      for (let j = i + 1; j < layout.rows.length; j++) expect(overlaps(a.label, layout.rows[j].label)).toBe(false);
    }
    expect(layout.rows.filter((r) => r.label.text.endsWith("…")).length).toBeGreaterThan(0);
    const doc = parseSvg(renderTimelineSvg(schedule, { today: TODAY, title: "Big <plan> & co" }));
    expect(doc.querySelector("title")!.textContent).toBe("Big <plan> & co");
    const estimated = [...doc.querySelectorAll("g.intentk-timeline-row.is-estimated")];
    expect(estimated).toHaveLength(schedule.phases.filter((p) => p.estimated).length);
    expect(estimated.length).toBeGreaterThan(0);
    expect(doc.querySelector("style")!.textContent).toMatch(/\.intentk-timeline-row\.is-estimated \.intentk-timeline-bar \{[^}]*stroke-dasharray/);
  });
});
