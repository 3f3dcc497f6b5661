/** "Integrate with Milestone N" tasks follow the milestones they join, not their numbers. */
import { type WriteDecision, planExecuteWrite } from "../../src/core/generate/write";
import { type MilestoneModel, type PlanModel, visionOfModel } from "./plans";

const DAY1 = new Date(2026, 3, 1);
const DAY2 = new Date(2026, 3, 20);
const ms = (number: number, title: string, dependsOn: number[]): MilestoneModel => ({
  number,
  title,
  priority: 1,
  deliverables: [`${title} core in \`src/${title.toLowerCase()}.ts\``],
  acceptance: [],
  criteria: [],
  dependsOn,
});

function written(d: WriteDecision): Extract<WriteDecision, { content: string }> {
  if (d.action === "refuse") throw new Error(d.reason);
  return d;
}
const integrations = (text: string): Map<string, string> =>
  new Map([...text.matchAll(/^- \[([ x])\] (T\d+) (?:\[P\] )?\[M\d+\] Integrate with Milestone \d+ - (\w+)/gm)].map((m) => [m[3], `${m[2]} ${m[1]}`]));

test("renumbered milestones: each integration task keeps its ID and checkmark with the milestone it joins", () => {
  const before: PlanModel = { name: "Integrate", milestones: [ms(1, "Core", []), ms(2, "Csv", [1]), ms(3, "Status", [1]), ms(4, "Share", [2, 3])] };
  const first = written(planExecuteWrite(visionOfModel(before), undefined, { today: DAY1 }));
  const csv = /^- \[ \] (T\d+) (?:\[P\] )?\[M4\] Integrate with Milestone 2 - Csv/m.exec(first.content)![1];
  const ours = first.content.replace(`- [ ] ${csv} `, `- [x] ${csv} `);
  // Milestones 2 and 3 swap numbers.
  const after: PlanModel = { name: "Integrate", milestones: [ms(1, "Core", []), ms(2, "Status", [1]), ms(3, "Csv", [1]), ms(4, "Share", [3, 2])] };
  const second = written(planExecuteWrite(visionOfModel(after), ours, { today: DAY2, base: first.base }));
  const now = integrations(second.content);
  expect(now.get("Csv")).toBe(`${csv} x`);
  expect(now.get("Status")).toMatch(/ $/);
  expect(second.content).toMatch(new RegExp(`^- \\[x\\] ${csv} (?:\\[P\\] )?\\[M4\\] Integrate with Milestone 3 - Csv`, "m"));
  expect(second.content).not.toContain("removed from plan");
  expect(second.report!.added).toEqual([]);
});

test("a renamed milestone: its integration task keeps its ID and checkmark", () => {
  const before: PlanModel = { name: "Integrate", milestones: [ms(1, "Core", []), ms(2, "Share", [1])] };
  const first = written(planExecuteWrite(visionOfModel(before), undefined, { today: DAY1 }));
  const id = /^- \[ \] (T\d+) (?:\[P\] )?\[M2\] Integrate with Milestone 1 - Core/m.exec(first.content)![1];
  const ours = first.content.replace(`- [ ] ${id} `, `- [x] ${id} `);
  const after: PlanModel = { name: "Integrate", milestones: [{ ...ms(1, "Core", []), title: "Kernel" }, ms(2, "Share", [1])] };
  const second = written(planExecuteWrite(visionOfModel(after), ours, { today: DAY2, base: first.base }));
  expect(second.content).toMatch(new RegExp(`^- \\[x\\] ${id} (?:\\[P\\] )?\\[M2\\] Integrate with Milestone 1 - Kernel`, "m"));
  expect(second.content).not.toContain("removed from plan");
});

test("a base from an earlier version (integration keys by number) keeps the IDs", () => {
  const before: PlanModel = { name: "Integrate", milestones: [ms(1, "Core", []), ms(2, "Share", [1])] };
  const first = written(planExecuteWrite(visionOfModel(before), undefined, { today: DAY1 }));
  const ids = Object.fromEntries(Object.entries(first.base!.ids).map(([k, v]) => [k.replace(/^(m\d+:integrate:\d+):.*$/, "$1"), v]));
  expect(Object.keys(ids)).toContain("m2:integrate:1");
  const id = /^- \[ \] (T\d+) (?:\[P\] )?\[M2\] Integrate/m.exec(first.content)![1];
  const ours = first.content.replace(`- [ ] ${id} `, `- [x] ${id} `);
  const next: PlanModel = structuredClone(before);
  next.milestones[1].deliverables.push("Invite in `src/invite.ts`");
  const second = written(planExecuteWrite(visionOfModel(next), ours, { today: DAY2, base: { ...first.base!, ids } }));
  expect(second.content).toMatch(new RegExp(`^- \\[x\\] ${id} (?:\\[P\\] )?\\[M2\\] Integrate with Milestone 1 - Core`, "m"));
  expect(second.content).not.toContain("removed from plan");
});
