import { buildGraph } from "../../src/core/graph/build";
import { outlineOf, readPlan } from "../../src/core/reader/read";
import { syntheticPlan } from "./helpers";

/** Large plans are read completely, on the line scanner's fast path (speed is measured in `npm run bench`). */
describe("reading large plans", () => {
  test.each([
    [1_000, 12],
    [10_000, 40],
  ])("%i tasks over %i phases: every task read, on the fast path, with ready work", (n, phases) => {
    const text = syntheticPlan(n, phases);
    expect(outlineOf(text).parser).toBe("scan");
    const doc = readPlan("large.md", text);
    expect(doc.tasks).toHaveLength(n);
    expect(buildGraph(doc).tasks.filter((t) => t.status === "ready").length).toBeGreaterThan(0);
  });

  test("a 3 MB plan with long task lines", () => {
    const padding = " with a long description that keeps going".repeat(7);
    const text = syntheticPlan(10_000, 20).replace(/\.ts(?=[ \n]|$)/g, `.ts${padding}`);
    expect(text.length).toBeGreaterThan(3_000_000);
    const doc = readPlan("huge.md", text);
    expect(doc.tasks).toHaveLength(10_000);
    expect(doc.tasks[9_999].text).toContain("keeps going");
  });
});
