import type { Diagnostic } from "../../src/core/diagnostics";
import { orderMilestones, resolveDependencies } from "../../src/core/vision/dependencies";
import type { Milestone } from "../../src/core/vision/model";
import { milestoneWaves } from "../../src/core/generate/plan-model";

function milestone(number: string, priority: number, dependencies?: string): Milestone {
  return {
    number, title: `Title ${number}`, priority, mvp: false, heading: `Milestone ${number}`, file: "plan.md", line: Number.parseInt(number, 10) * 10,
    successCriteria: [], deliverables: [], resources: [], dependsOn: [], validationApproach: [], acceptance: [], tasks: [],
    dependencyText: dependencies === undefined ? undefined : { text: dependencies, file: "plan.md", line: Number.parseInt(number, 10) * 10 + 5, children: [] },
  };
}

function settle(milestones: Milestone[]): { order: string[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  resolveDependencies(milestones, diagnostics);
  return { order: orderMilestones(milestones, diagnostics), diagnostics };
}

describe("milestone dependencies in every form", () => {
  // Priorities pull later milestones forward (P1 first), so only the dependencies keep them in place.
  const plan = (): Milestone[] => [
    milestone("1", 1, "None (foundational)"),
    milestone("2", 2, "Milestone 1 completion"),
    milestone("3", 3, "Milestones 1-2"),
    milestone("4", 2, "Milestone 2 completion and a signed SMS provider contract (ED-002)"),
    milestone("5", 3, "M3, M4"),
    milestone("6", 2, "Milestones 4–5"),
    milestone("7", 1, "All previous milestones"),
  ];

  test("ranges, lists and 'all previous milestones' become edges; the order respects every one", () => {
    const milestones = plan();
    const { order } = settle(milestones);
    const deps = Object.fromEntries(milestones.map((m) => [m.number, m.dependsOn]));
    expect(deps).toEqual({ 1: [], 2: ["1"], 3: ["1", "2"], 4: ["2"], 5: ["3", "4"], 6: ["4", "5"], 7: ["1", "2", "3", "4", "5", "6"] });
    for (const m of milestones) for (const d of m.dependsOn) expect(order.indexOf(d)).toBeLessThan(order.indexOf(m.number));
    expect(order[order.length - 1]).toBe("7");
    // Waves: each wave only needs earlier waves; Milestone 7 comes after Milestone 6's wave.
    const waves = milestoneWaves(milestones, order);
    const waveOf = (n: string): number => waves.findIndex((w) => w.includes(n));
    expect(waveOf("7")).toBeGreaterThan(waveOf("6"));
    expect(waveOf("6")).toBeGreaterThan(waveOf("5"));
  });

  test("the text that names no milestone is kept whole as an external dependency and reported uncut", () => {
    const milestones = plan();
    const { diagnostics } = settle(milestones);
    expect(milestones[3].external).toEqual(["a signed SMS provider contract (ED-002)"]);
    const info = diagnostics.filter((d) => d.code === "external-dependency");
    expect(info).toHaveLength(1);
    expect(info[0].message).toContain('"a signed SMS provider contract (ED-002)"');
    expect(info[0]).toMatchObject({ file: "plan.md", line: 45 });
  });

  test("a reference to a milestone that does not exist is reported at its line", () => {
    const milestones = [milestone("1", 1), milestone("2", 2, "Milestone 1 and Milestone 9"), milestone("3", 3, "Milestones 2-6")];
    const { diagnostics } = settle(milestones);
    expect(milestones.map((m) => m.dependsOn)).toEqual([[], ["1"], ["2"]]);
    const unknown = diagnostics.filter((d) => d.code === "unknown-milestone").map((d) => [d.line, d.message]);
    expect(unknown).toEqual([
      [25, expect.stringContaining("Milestone 9, which is not in the plan") as string],
      [35, expect.stringContaining("Milestones 4, 5, 6, which are not in the plan") as string],
    ]);
  });

  test("'the previous milestone' is the one numbered just below", () => {
    const milestones = [milestone("1", 1), milestone("2", 1), milestone("3", 1, "The previous milestone")];
    settle(milestones);
    expect(milestones[2].dependsOn).toEqual(["2"]);
  });
});
