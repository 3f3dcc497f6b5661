import { mergeThreeWay } from "../../src/core/merge/merge";

/** A note the user wrote under a generated task stays with that task, even when the plan drops the task. */
const note = (tasks: string[]): string => ["# Execution Plan: X", "", "## Phase 3: Milestone 1 - A (Priority: P1)", "", ...tasks, ""].join("\n");

test("a task whose source left the plan is kept, with the user's sub-bullet under it", () => {
  const base = note(["- [ ] T013 [M1] Deliver list endpoints ^t013", "- [ ] T014 [M1] Deliver duplicate detection ^t014", "- [ ] T015 [M1] Deliver lookup ^t015"]);
  const ours = note([
    "- [ ] T013 [M1] Deliver list endpoints ^t013",
    "- [ ] T014 [M1] Deliver duplicate detection ^t014",
    "  - Decided: use a Bloom filter keyed by normalised URL",
    "- [ ] T015 [M1] Deliver lookup ^t015",
  ]);
  const theirs = note(["- [ ] T013 [M1] Deliver list endpoints ^t013", "- [ ] T015 [M1] Deliver lookup ^t015"]);
  const { text, report } = mergeThreeWay(base, ours, theirs);
  const lines = text.split("\n");
  const t14 = lines.findIndex((l) => l.includes("T014"));
  expect(lines[t14]).toContain("removed from plan");
  expect(lines[t14 + 1]).toBe("  - Decided: use a Bloom filter keyed by normalised URL");
  expect(report.keptRemoved.map((k) => k.id)).toEqual(["T014"]);
});

test("an untouched task without notes of the user's is still dropped", () => {
  const base = note(["- [ ] T013 [M1] A ^t013", "- [ ] T014 [M1] B ^t014"]);
  const theirs = note(["- [ ] T013 [M1] A ^t013"]);
  const { text } = mergeThreeWay(base, base, theirs);
  expect(text).not.toContain("T014");
});
