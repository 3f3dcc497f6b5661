/** Lines and IDs no merge may lose or mangle, however odd they are. */
import { type WriteDecision, planExecuteWrite } from "../../src/core/generate/write";
import { buildExecutionPlan } from "../../src/core/generate/plan-model";
import { assignIds } from "../../src/core/merge/ids";
import { mergeThreeWay, mergeTwoWay } from "../../src/core/merge/merge";
import { compareIds } from "../../src/core/reader/ids";
import { readPlan } from "../../src/core/reader/read";
import { type PlanModel, visionOfModel } from "./plans";

const DAY1 = new Date(2026, 3, 1);
const DAY2 = new Date(2026, 3, 20);
const plan: PlanModel = {
  name: "Odd",
  milestones: [{ number: 1, title: "Core", priority: 1, deliverables: ["Store in `src/store.ts`"], acceptance: [], criteria: [], dependsOn: [] }],
};
const plan2: PlanModel = structuredClone(plan);
plan2.milestones[0].deliverables.push("Sync in `src/sync.ts`");

function written(d: WriteDecision): Extract<WriteDecision, { content: string }> {
  if (d.action === "refuse") throw new Error(d.reason);
  return d;
}

describe("user lines that look like the merge's own keys", () => {
  const first = written(planExecuteWrite(visionOfModel(plan), undefined, { today: DAY1 }));
  const odd = ["\u0000task:T001", "\u0000task:", "\u0000line:x", "\u0000", "\u0000\u0000task:T002 more"];
  const ours = first.content.replace("## Phase 3:", `${odd.join("\n")}\n\n## Phase 3:`);

  test("three-way: a line starting with NUL + task: is kept byte for byte", () => {
    const second = written(planExecuteWrite(visionOfModel(plan2), ours, { today: DAY2, base: first.base }));
    for (const l of odd) expect(second.content.split("\n")).toContain(l);
    expect(second.content).toMatch(/sync in/i);
    expect(mergeThreeWay(first.base!.text, ours, second.base!.text).text.split("\n")).toEqual(expect.arrayContaining(odd));
  });

  test("two-way: the same", () => {
    const merged = mergeTwoWay(ours, written(planExecuteWrite(visionOfModel(plan2), undefined, { today: DAY2 })).content, { own: true });
    for (const l of odd) expect(merged.text.split("\n")).toContain(l);
  });
});

describe("task IDs are strings, never numbers", () => {
  const huge = "T12345678901234567890123";
  test("the next ID after one with 23 digits is that number plus one, exactly", () => {
    const p = buildExecutionPlan(visionOfModel(plan2));
    assignIds(p, {}, [huge, "T99999999999999999999999"]);
    const ids = p.phases.flatMap((ph) => ph.tasks.map((t) => t.id));
    expect(ids[0]).toBe("T100000000000000000000000");
    expect(ids[1]).toBe("T100000000000000000000001");
    for (const id of ids) expect(id).toMatch(/^T\d+$/);
  });

  test("a note holding a huge ID: regeneration writes no T1e+23 and no TInfinity", () => {
    const first = written(planExecuteWrite(visionOfModel(plan), undefined, { today: DAY1 }));
    const ours = first.content.replace("## Phase 3:", `- [ ] ${huge} My own task\n- [ ] T${"9".repeat(400)} Another\n\n## Phase 3:`);
    const second = written(planExecuteWrite(visionOfModel(plan2), ours, { today: DAY2, base: first.base }));
    expect(second.content).not.toMatch(/T\d+(?:\.\d+)?e\+|TInfinity|TNaN/);
    expect(second.content).toContain(`${huge} My own task`);
    expect(second.content).toMatch(new RegExp(`- \\[ \\] T1${"0".repeat(400)} \\[P\\] \\[M1\\] Deliver sync`, "i"));
  });

  test("ordering and ranges compare IDs exactly", () => {
    const a = "T100000000000000000000001";
    const b = "T100000000000000000000002";
    expect([b, "T9", a, "T010", "T010a", "T10.1"].sort(compareIds)).toEqual(["T9", "T010", "T10.1", "T010a", a, b]);
    const text = ["## Phase 1: A", `- [ ] ${a} one`, `- [ ] ${b} two`, `- [ ] T100000000000000000000003 three (depends on ${a}-${b})`].join("\n");
    const read = readPlan("x.md", text);
    expect(read.tasks.find((t) => t.id === "T100000000000000000000003")?.dependsOn).toEqual([a, b]);
  });
});
