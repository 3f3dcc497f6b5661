/** @jest-environment jsdom */
import { Modal } from "../obsidian-mock";
import { type WriteDecision, planExecuteWrite } from "../../src/core/generate/write";
import { AdoptNoteModal, RegeneratePreviewModal, confirmAdopt, previewWrite } from "../../src/obsidian/regenerate-preview";
import { type PlanModel, visionOfModel } from "./plans";

const plan: PlanModel = {
  name: "Book Club",
  milestones: [
    { number: 1, title: "Reading List", priority: 1, deliverables: ["Shared list in `club/list.md`"], acceptance: [], criteria: [], dependsOn: [] },
    { number: 2, title: "Meetings", priority: 2, deliverables: ["Meeting calendar"], acceptance: [], criteria: [], dependsOn: [1] },
  ],
};

function update(): Extract<WriteDecision, { content: string }> {
  const first = planExecuteWrite(visionOfModel(plan), undefined, { today: new Date(2026, 6, 1) });
  if (first.action !== "create") throw new Error(first.action);
  const ours = first.content.replace("- [ ] T001", "- [x] T001");
  const next: PlanModel = JSON.parse(JSON.stringify(plan)) as PlanModel;
  next.milestones[1].title = "Monthly meetings";
  next.milestones[1].deliverables.push("Snack rota");
  const d = planExecuteWrite(visionOfModel(next), ours, { today: new Date(2026, 6, 9), base: first.base });
  if (d.action !== "update") throw new Error(d.action);
  return d;
}

const app = {} as never;
const rows = (m: { contentEl: HTMLElement }, kind: string): string[] => [...m.contentEl.querySelectorAll(`.intentk-merge-${kind} .intentk-merge-text`)].map((e) => e.textContent ?? "");
const button = (m: { contentEl: HTMLElement }, text: string): HTMLButtonElement => [...m.contentEl.querySelectorAll("button")].find((b) => b.textContent === text)!;

afterEach(() => {
  for (const m of [...Modal.open]) m.close();
});

test("the preview shows the changed lines and the report, and Apply resolves true", async () => {
  const d = update();
  const answer = previewWrite(app, d);
  const modal = Modal.last(RegeneratePreviewModal)!;
  expect(modal.titleEl.textContent).toBe("Regenerate execute.md");
  expect(rows(modal, "remove")).toContain("## Phase 4: Milestone 2 - Meetings (Priority: P2)");
  expect(rows(modal, "add")).toContain("## Phase 4: Milestone 2 - Monthly meetings (Priority: P2)");
  expect(rows(modal, "add").some((r) => r.includes("Deliver snack rota"))).toBe(true);
  // The checkmark is not part of the change: it is in neither column.
  expect([...rows(modal, "add"), ...rows(modal, "remove")].some((r) => r.startsWith("- [x] T001"))).toBe(false);
  const report = modal.contentEl.querySelector(".intentk-merge-report")!.textContent ?? "";
  expect(report).toMatch(/T\d+ added: "Deliver snack rota"/);
  expect(modal.contentEl.querySelector(".intentk-merge-summary")!.textContent).toContain("1 task added");
  button(modal, "Apply").click();
  await expect(answer).resolves.toBe(true);
  expect(Modal.open).toHaveLength(0);
});

test("Cancel, or closing the preview any other way, resolves false", async () => {
  const d = update();
  const cancelled = previewWrite(app, d);
  button(Modal.last(RegeneratePreviewModal)!, "Cancel").click();
  await expect(cancelled).resolves.toBe(false);
  const closed = previewWrite(app, d);
  Modal.last(RegeneratePreviewModal)!.close();
  await expect(closed).resolves.toBe(false);
});

test("taking over a note Intent Kit did not write asks first", async () => {
  const refused = planExecuteWrite(visionOfModel(plan), "# My own plan\n\n- [ ] T001 Read\n", { today: new Date(2026, 6, 1) });
  const answer = confirmAdopt(app, refused);
  const modal = Modal.last(AdoptNoteModal)!;
  expect(modal.contentEl.textContent).toContain("was not written by Intent Kit");
  button(modal, "Merge the plan into it").click();
  await expect(answer).resolves.toBe(true);
});
