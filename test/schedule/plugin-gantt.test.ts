/** @jest-environment jsdom */
import { type Harness, loadPlugin, waitFor } from "../plugin/harness";

const PLAN = "visions/001-team-reading-list/plan.md";

describe("Copy timeline as Mermaid gantt", () => {
  let h: Harness;
  const copied: string[] = [];
  beforeAll(() => {
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: (t: string) => Promise.resolve(void copied.push(t)) } });
  });
  afterEach(async () => {
    await h?.cleanup();
  });

  test("is offered for a vision with an execute note and copies its schedule from the plan's dates", async () => {
    h = await loadPlugin();
    await h.open(PLAN);
    expect(h.run("copy-timeline-gantt")).toBe(false); // no execute note yet: nothing to schedule
    expect(h.run("generate-execute-note")).toBe(true);
    await waitFor(() => h.notices().some((n) => n.startsWith("Created")));
    await h.settle();
    await h.open(PLAN);
    expect(h.run("copy-timeline-gantt")).toBe(true);
    await waitFor(() => copied.length === 1);
    expect(h.notices()).toContain("Timeline of 001-team-reading-list copied as a Mermaid gantt chart.");
    const lines = copied[0].split("\n");
    expect(lines.slice(0, 2)).toEqual(["gantt", "    title Team Reading List"]);
    expect(lines).toContain("    Milestone 3 - Reading Status 0/13 :crit, phase-4, 2026-11-16, 21d");
    expect(lines).toContain("    Milestone 4 - Takeaways and Discussions 0/17 :crit, phase-6, 2026-12-14, 10d");
  });
});
