import { detectDrift, driftDiagnostic, planSnapshot } from "../../src/core/drift";
import { formatDiagnostic } from "../../src/core/diagnostics";
import { planExecuteWrite } from "../../src/core/generate/write";
import { type PlanModel, REF, visionOfModel } from "./plans";

const plan: PlanModel = {
  name: "Choir Season",
  milestones: [
    { number: 1, title: "Repertoire", priority: 1, deliverables: ["Song list in `music/list.md`"], acceptance: [], criteria: [], dependsOn: [] },
    { number: 2, title: "Rehearsals", priority: 2, deliverables: ["Rehearsal calendar", "Sectional plan"], acceptance: [], criteria: [], dependsOn: [1] },
  ],
};

const NOTE = `${REF.folder}/execute.md`;

function generated(p: PlanModel = plan): { text: string; snapshot: ReturnType<typeof planSnapshot> } {
  const d = planExecuteWrite(visionOfModel(p), undefined, { today: new Date(2026, 4, 1) });
  if (d.action !== "create") throw new Error(d.action);
  return { text: d.content, snapshot: d.base!.snapshot };
}

const changed = (edit: (p: PlanModel) => void): PlanModel => {
  const p = structuredClone(plan);
  edit(p);
  return p;
};

test("a note generated from the current documents is not out of date", () => {
  expect(detectDrift(visionOfModel(plan), NOTE, generated().text)).toBeUndefined();
});

test("a plan change is reported with what changed: milestones added, removed, renamed, deliverables", () => {
  const { text, snapshot } = generated();
  const now = visionOfModel(
    changed((p) => {
      p.milestones[0].title = "Song choice";
      p.milestones[1].deliverables = ["Rehearsal calendar", "Warm-up routine"];
      p.milestones.push({ number: 3, title: "Concert", priority: 2, deliverables: ["Venue"], acceptance: [], criteria: [], dependsOn: [2] });
    }),
  );
  const drift = detectDrift(now, NOTE, text, snapshot)!;
  expect(drift.changes).toEqual([{ role: "plan", file: "plan.md", kind: "changed" }]);
  expect(drift.details).toEqual([
    'milestone 1 renamed "Repertoire" → "Song choice"',
    'milestone 2: deliverable added "Warm-up routine"',
    'milestone 2: deliverable removed "Sectional plan"',
    "milestone 3 added",
  ]);
  expect(formatDiagnostic(driftDiagnostic(drift))).toBe(
    `${NOTE}:1: warning: out of date: plan.md changed since generation (milestone 1 renamed "Repertoire" → "Song choice"; milestone 2: deliverable added "Warm-up routine"; milestone 2: deliverable removed "Sectional plan"; milestone 3 added); regenerate the execute note. [out-of-date]`,
  );
});

test("without a snapshot, milestone changes are read back from the note's phase headings", () => {
  const { text } = generated();
  const now = visionOfModel(
    changed((p) => {
      p.milestones[0].title = "Song choice";
      p.milestones.pop();
    }),
  );
  const drift = detectDrift(now, NOTE, text)!;
  expect(drift.details).toEqual(['milestone 1 renamed "Repertoire" → "Song choice"', "milestone 2 removed"]);
});

test("a document added since generation is named; a note Intent Kit did not write has no drift", () => {
  const { text } = generated();
  const v = visionOfModel(plan);
  const withGoal = { ...v, ref: { ...v.ref, docs: { ...v.ref.docs, goal: `${REF.folder}/goal.md` } }, hashes: { ...v.hashes, goal: "0badf00d" } };
  expect(detectDrift(withGoal, NOTE, text)?.message).toBe("out of date: goal.md added since generation");
  expect(detectDrift(v, NOTE, "# Execution Plan: by hand\n\n- [ ] T001 Sing\n")).toBeUndefined();
  // The index's outline (no parsed plan) is enough to know a note is out of date.
  const outline = { ref: v.ref, hashes: { plan: "12345678" } };
  expect(detectDrift(outline, NOTE, text)?.message).toBe("out of date: plan.md changed since generation");
});
