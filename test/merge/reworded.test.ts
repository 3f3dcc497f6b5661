/** A reworded deliverable keeps its task, ID and checkmark (token-set Jaccard ≥ 0.5 within its milestone). */
import { type WriteDecision, planExecuteWrite } from "../../src/core/generate/write";
import { formatReport } from "../../src/core/merge/report";
import { type PlanModel, visionOfModel } from "./plans";

const DAY1 = new Date(2026, 3, 1);
const DAY2 = new Date(2026, 3, 20);
const plan: PlanModel = {
  name: "Reworded",
  milestones: [
    { number: 1, title: "Orders", priority: 1, deliverables: ["Order form in `web/order.html`", "Price list in `data/prices.csv`"], acceptance: [], criteria: [], dependsOn: [] },
    { number: 2, title: "Pickup", priority: 2, deliverables: ["Slot calendar in `web/slots.html`"], acceptance: [], criteria: [], dependsOn: [1] },
  ],
};
const edit = (f: (p: PlanModel) => void): PlanModel => {
  const p = structuredClone(plan);
  f(p);
  return p;
};
function written(d: WriteDecision): Extract<WriteDecision, { content: string }> {
  if (d.action === "refuse") throw new Error(d.reason);
  return d;
}
const first = written(planExecuteWrite(visionOfModel(plan), undefined, { today: DAY1 }));
const form = /^- \[ \] (T\d+) .*order form/im.exec(first.content)![1];
const ours = first.content.replace(`- [ ] ${form} `, `- [x] ${form} `);

test("a reworded deliverable keeps its ID and checkmark, and the report says reworded", () => {
  const second = written(planExecuteWrite(visionOfModel(edit((p) => (p.milestones[0].deliverables[0] = "Online order form in `web/order.html`"))), ours, { today: DAY2, base: first.base }));
  expect(second.content).toMatch(new RegExp(`^- \\[x\\] ${form} .*online order form in \`web/order.html\``, "im"));
  expect(second.content).not.toMatch(/removed from plan/);
  expect(second.report!.added).toEqual([]);
  expect(second.report!.reworded).toEqual([expect.objectContaining({ id: form })]);
  const lines = formatReport(second.report!, "execute.md");
  expect(lines.some((l) => l.includes("reworded") && l.includes(form))).toBe(true);
  const at = second.report!.reworded[0].line!;
  expect(second.content.split("\n")[at - 1]).toContain(form);
});

test("a different deliverable is a new item; a similar one in another milestone is too", () => {
  for (const text of ["Delivery map for drivers", "Receipt in `web/receipt.html`"]) {
    const other = written(planExecuteWrite(visionOfModel(edit((p) => (p.milestones[0].deliverables[0] = text))), ours, { today: DAY2, base: first.base }));
    expect(other.report!.reworded).toEqual([]);
    expect(other.content).toMatch(new RegExp(`^- \\[x\\] ${form} .*— removed from plan`, "m"));
  }
  const moved = written(
    planExecuteWrite(
      visionOfModel(
        edit((p) => {
          p.milestones[0].deliverables.shift();
          p.milestones[1].deliverables.push("Online order form in `web/order.html`");
        }),
      ),
      ours,
      { today: DAY2, base: first.base },
    ),
  );
  expect(moved.report!.reworded).toEqual([]);
  expect(moved.content).toMatch(new RegExp(`^- \\[x\\] ${form} .*— removed from plan`, "m"));
});
