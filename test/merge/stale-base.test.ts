/**
 * A merge base older than the note (a run killed between writing the note and saving its base, a
 * base save that failed, two runs at once) must not duplicate the plan's new tasks or phases.
 */
import { type WriteDecision, planExecuteWrite } from "../../src/core/generate/write";
import { mergeThreeWay } from "../../src/core/merge/merge";
import { type PlanModel, visionOfModel } from "./plans";

const DAY1 = new Date(2026, 3, 1);
const DAY2 = new Date(2026, 3, 20);
const DAY3 = new Date(2026, 4, 2);

const v1: PlanModel = {
  name: "Stale",
  milestones: [
    { number: 1, title: "Core", priority: 1, deliverables: ["Store in `src/store.ts`"], acceptance: [], criteria: [], dependsOn: [] },
    { number: 2, title: "Share", priority: 2, deliverables: ["Share link in `src/share.ts`"], acceptance: [], criteria: [], dependsOn: [1] },
  ],
};
const v2: PlanModel = structuredClone(v1);
v2.milestones[0].deliverables.push("Sync in `src/sync.ts`");
v2.milestones.push({ number: 3, title: "Export", priority: 2, deliverables: ["CSV export in `src/csv.ts`"], acceptance: [], criteria: [], dependsOn: [2] });

function written(d: WriteDecision): Extract<WriteDecision, { content: string }> {
  if (d.action === "refuse") throw new Error(d.reason);
  return d;
}

const ids = (text: string): string[] => [...text.matchAll(/^\s*- \[[ xX]\] (T\d+)/gm)].map((m) => m[1]);
const phaseHeadings = (text: string): string[] => text.split("\n").filter((l) => /^## Phase \d+/.test(l));
const dupes = (xs: string[]): string[] => xs.filter((x, i) => xs.indexOf(x) !== i);

function expectClean(text: string): void {
  expect(dupes(ids(text))).toEqual([]);
  expect(dupes(phaseHeadings(text))).toEqual([]);
  expect(dupes(phaseHeadings(text).map((h) => /^## Phase (\d+)/.exec(h)![1]))).toEqual([]);
}

describe("a stale merge base", () => {
  const first = written(planExecuteWrite(visionOfModel(v1), undefined, { today: DAY1 }));
  const edited = first.content.replace("- [ ] T001", "- [x] T001").replace("## Phase 3:", "My remark.\n\n## Phase 3:");

  test("killed after writing the note, before saving the base: the next run adds nothing twice", () => {
    const second = written(planExecuteWrite(visionOfModel(v2), edited, { today: DAY2, base: first.base }));
    expectClean(second.content);
    // The base was never saved: the next run gets the first one.
    const third = written(planExecuteWrite(visionOfModel(v2), second.content, { today: DAY3, base: first.base }));
    expectClean(third.content);
    expect(third.content).toContain("- [x] T001");
    expect(third.content).toContain("My remark.");
    expect(third.action).toBe("unchanged");
    // And once more with the base the third run saved.
    const fourth = written(planExecuteWrite(visionOfModel(v2), third.content, { today: DAY3, base: third.base }));
    expect(fourth.action).toBe("unchanged");
  });

  test("the user worked on the note in between: their work stays, nothing is duplicated", () => {
    const second = written(planExecuteWrite(visionOfModel(v2), edited, { today: DAY2, base: first.base }));
    const sync = /^- \[ \] (T\d+) .*sync in/im.exec(second.content)!;
    const worked = second.content.replace(sync[0], sync[0].replace("- [ ]", "- [x]")).replace("## Phase 4:", "More of mine.\n\n## Phase 4:");
    const third = written(planExecuteWrite(visionOfModel(v2), worked, { today: DAY3, base: first.base }));
    expectClean(third.content);
    expect(third.content).toContain(`- [x] ${sync[1]}`);
    expect(third.content).toContain("More of mine.");
    expect(third.content).toContain("My remark.");
  });

  test("the plan changed again meanwhile: the newest items come in once", () => {
    const second = written(planExecuteWrite(visionOfModel(v2), edited, { today: DAY2, base: first.base }));
    const v3 = structuredClone(v2);
    v3.milestones[2].deliverables.push("JSON export in `src/json.ts`");
    const third = written(planExecuteWrite(visionOfModel(v3), second.content, { today: DAY3, base: first.base }));
    expectClean(third.content);
    expect(third.content.match(/JSON export/g)).toHaveLength(1);
    expect(third.content.match(/CSV export/g)).toHaveLength(1);
  });

  test("the merge itself: a base older than the note with the plan's new tasks under other IDs adds no second phase heading", () => {
    const second = written(planExecuteWrite(visionOfModel(v2), first.content, { today: DAY2, base: first.base }));
    // A new generation that numbered the new tasks differently (what a stale ID map gives).
    const renumbered = second.base!.text.replace(/\bT00([4-9])\b/g, "T10$1").replace(/\bt00([4-9])\b/g, "t10$1");
    const merged = mergeThreeWay(first.base!.text, second.content, renumbered).text;
    expect(dupes(phaseHeadings(merged))).toEqual([]);
  });
});
