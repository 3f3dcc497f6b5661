/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { graphToGantt } from "../../src/core/graph/export";
import { buildSchedule } from "../../src/core/schedule/cpm";
import { TODAY } from "../helpers";
import { exampleVision, graphOf, timingOf } from "./plans";

interface MermaidApi {
  parse(text: string): Promise<{ diagramType: string }>;
}

/** Mermaid's own parser: its browser bundle run as a script in the test's jsdom window. */
function loadMermaid(): MermaidApi {
  const script = document.createElement("script");
  script.textContent = readFileSync(require.resolve("mermaid/dist/mermaid.min.js"), "utf8");
  document.body.appendChild(script);
  return (window as unknown as { mermaid: MermaidApi }).mermaid;
}

describe("Mermaid gantt export", () => {
  let mermaid: MermaidApi;
  beforeAll(() => {
    mermaid = loadMermaid();
  });

  test("the example vision: Mermaid parses it; each phase on its dates, critical phases marked", async () => {
    const { graph, timing } = await exampleVision();
    const text = graphToGantt(graph, { timing, today: TODAY });
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: "gantt" });
    const lines = text.split("\n");
    expect(lines.slice(0, 4)).toEqual(["gantt", "    title execute", "    dateFormat YYYY-MM-DD", "    axisFormat %b %d"]);
    expect(lines).toContain("    Milestone 1 - Shared List Core 0/14 :crit, phase-3, 2026-11-02, 14d");
    expect(lines).toContain("    Milestone 2 - Import & Export - CSV 0/11 :phase-5, 2026-11-16, 21d");
    expect(lines).toContain("    Milestone 4 - Takeaways and Discussions 0/17 :crit, phase-6, 2026-12-14, 10d");
    expect(lines).toContain("    Setup (Shared Infrastructure) 0/3 :crit, milestone, phase-1, 2026-11-02, 0d");
  });

  test("progress, estimates and hostile titles stay valid Mermaid", async () => {
    const ms = [{ n: 1, timeline: "1 week", tasks: 2 }, { n: 2, deps: [1], tasks: 3 }];
    const graph = graphOf(ms);
    // One of M1's two tasks done: M1 is active.
    graph.phases.find((p) => p.label === "M1")!.done = 1;
    graph.phases.find((p) => p.label === "M1")!.title = "Auth: OAuth #2; 100% done %% not a comment";
    const text = graphToGantt(graph, { schedule: buildSchedule(graph, timingOf(ms, "2026-03-02"), { today: TODAY }), title: "Plan: v2 # draft" });
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: "gantt" });
    expect(text).toContain("    title Plan - v2 draft\n");
    expect(text).toContain("    Auth - OAuth 2 100 done not a comment 1/2 :crit, active, phase-3, 2026-03-02, 7d");
    expect(text).toContain("    Milestone 2 - Work 2 (estimated) 0/3 :crit, phase-4, 2026-03-09, 7d");
  });

  test("a broken line is caught by the parser (the check is not vacuous)", async () => {
    await expect(mermaid.parse("gantt\n    dateFormat YYYY-MM-DD\n    section A\n    A task without data\n")).rejects.toThrow();
  });
});
