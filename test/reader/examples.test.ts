import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildExecutionPlan } from "../../src/core/generate/plan-model";
import { type DependencyStyle, renderExecuteNote } from "../../src/core/generate/render";
import { readPlan } from "../../src/core/reader/read";
import { EXAMPLES, TODAY, UNSEEN, loadAll } from "../helpers";
import { dependencyPairs } from "./helpers";

describe("the example spec-kit feature (specs/001-photo-albums/tasks.md)", () => {
  const doc = readPlan("specs/001-photo-albums/tasks.md", readFileSync(join(EXAMPLES, "specs", "001-photo-albums", "tasks.md"), "utf8"));

  test("22 tasks, 4 checked, 11 [P], labels US1 and US2, five phases", () => {
    expect(doc.form).toBe("checkbox");
    expect(doc.tasks).toHaveLength(22);
    expect(doc.tasks.filter((t) => t.state === "done").map((t) => t.id)).toEqual(["T001", "T002", "T003", "T004"]);
    expect(doc.tasks.filter((t) => t.parallel)).toHaveLength(11);
    expect([...new Set(doc.tasks.flatMap((t) => t.labels))].sort()).toEqual(["US1", "US2"]);
    expect(doc.phases.map((p) => [p.kind, p.label ?? null, p.priority ?? null, p.mvp])).toEqual([
      ["setup", null, null, false],
      ["foundational", null, null, false],
      ["story", "US1", 1, true],
      ["story", "US2", 2, false],
      ["polish", null, null, false],
    ]);
  });

  test("inline dependencies plus the one stated only in the Dependencies section", () => {
    expect(dependencyPairs(doc)).toEqual([
      ["T007", "T004"],
      ["T013", "T011"],
      ["T013", "T012"],
      ["T014", "T013"],
      ["T015", "T014"],
      ["T018", "T017"],
      ["T019", "T018"],
      ["T021", "T006"],
    ]);
    expect(doc.diagnostics).toEqual([]);
  });
});

describe("round trip: the reader finds exactly what the generator wrote", () => {
  const cases: { name: string; root: string }[] = [
    { name: "example vault", root: EXAMPLES },
    { name: "unseen visions", root: UNSEEN },
  ];
  const styles: DependencyStyle[] = ["text", "tasks"];

  test.each(cases)("$name", async ({ root }) => {
    const loaded = (await loadAll(root)).filter((l) => l.vision.plan);
    expect(loaded.length).toBeGreaterThan(0);
    for (const { vision } of loaded) {
      const plan = buildExecutionPlan(vision);
      for (const dependencyStyle of styles) {
        const note = renderExecuteNote(vision, plan, { today: TODAY, dependencyStyle });
        const doc = readPlan(`${vision.ref.folder}/execute.md`, note);
        const expected = plan.phases.flatMap((p) =>
          p.tasks.map((t) => ({ id: t.id, parallel: t.parallel, labels: t.label ? [t.label] : [], dependsOn: t.dependsOn, text: t.text, blockId: t.id.toLowerCase(), state: "open" })),
        );
        const found = doc.tasks.map((t) => ({ id: t.id, parallel: t.parallel, labels: t.labels, dependsOn: t.dependsOn, text: t.text, blockId: t.blockId, state: t.state }));
        expect({ vision: vision.ref.id, dependencyStyle, tasks: found }).toEqual({ vision: vision.ref.id, dependencyStyle, tasks: expected });
        expect(doc.form).toBe("checkbox");
        expect(doc.tasks.every((t) => t.dependsOnPhases === undefined)).toBe(true);

        // Phases: one per generated phase that has tasks, with kind, label, priority and MVP mark.
        const withTasks = plan.phases.filter((p) => p.tasks.length > 0);
        expect(doc.phases.map((p) => [p.number, p.kind, p.label ?? null, p.priority ?? null, p.mvp])).toEqual(
          withTasks.map((p) => [String(p.number), p.kind, p.milestone ? `M${p.milestone.number}` : null, p.milestone?.priority ?? null, p.mvp]),
        );
        // Each milestone phase waits for the phases of the milestones it depends on (or foundational).
        const phaseOfMilestone = new Map(doc.phases.filter((p) => p.label).map((p) => [p.label!, p.id]));
        for (const p of withTasks.filter((x) => x.milestone && x.milestone.dependsOn.length)) {
          const id = phaseOfMilestone.get(`M${p.milestone!.number}`)!;
          const deps = doc.phases.find((x) => x.id === id)!.dependsOn;
          expect(deps.sort()).toEqual(p.milestone!.dependsOn.map((d) => phaseOfMilestone.get(`M${d}`)!).sort());
        }
        // Only cycles the plan itself has are reported.
        expect(doc.diagnostics.filter((d) => d.code !== "phase-cycle")).toEqual([]);
      }
    }
  });
});
