/**
 * The scenario of "Done when", on a vision written for this test: generate; the user checks two
 * tasks, rewrites one, adds a task and a paragraph; the plan gains a deliverable, renames a
 * milestone and loses a deliverable; regenerate; regenerate again.
 */
import { type WriteDecision, planExecuteWrite } from "../../src/core/generate/write";
import { conflictMarkers } from "../../src/core/merge/merge";
import { loadVision } from "../../src/core/vision/load";
import type { Vision, VisionRef } from "../../src/core/vision/model";

const FOLDER = "projects/visions/007-tool-library";
const REF: VisionRef = {
  id: "007-tool-library",
  folder: FOLDER,
  kind: "vision",
  docs: { vision: `${FOLDER}/vision.md`, plan: `${FOLDER}/plan.md` },
};

const VISION = `# Vision Document: Neighbourhood Tool Library

**Vision ID**: \`007-tool-library\` | **Created**: 2026-09-14

### Intent 1 - Borrow instead of buy (Priority: P1)

Neighbours borrow drills, ladders and saws from a shared shelf instead of each buying their own.

- **SC-001**: Forty households borrow at least one tool in the first season.
`;

const PLAN = `# Implementation Plan: Neighbourhood Tool Library

**Branch**: \`007-tool-library\` | **Date**: 2026-09-20

## Milestone 1: Lending Desk (Priority: P1)

- **Objective**: Volunteers can lend and take back tools at the Saturday desk.
- **Deliverables**:
  - Tool catalogue spreadsheet in \`data/catalogue.csv\`
  - Paper lending slips in \`print/slips.pdf\`
- **Dependencies**: None (foundational)

**Acceptance Scenarios**:

1. **Given** a member at the desk, **When** a volunteer lends a drill, **Then** the slip and the catalogue both show who has it.

---

## Milestone 2: Member Sign-up (Priority: P2)

- **Objective**: Neighbours can join in five minutes.
- **Deliverables**:
  - Sign-up form in \`forms/signup.md\`
  - Liability waiver in \`legal/waiver.md\`
- **Dependencies**: Milestone 1

---

## Milestone 3: Repair Cafe (Priority: P3)

- **Objective**: Broken tools are fixed once a month.
- **Deliverables**:
  - Repair log in \`data/repairs.csv\`
  - Monthly poster in \`print/poster.pdf\`
  - Spare parts box list in \`data/parts.md\`
- **Dependencies**: Milestone 1
`;

const CHANGED_PLAN = PLAN.replace(
  "  - Paper lending slips in `print/slips.pdf`\n",
  "  - Paper lending slips in `print/slips.pdf`\n  - Overdue reminder texts in `data/reminders.md`\n",
)
  .replace("## Milestone 2: Member Sign-up (Priority: P2)", "## Milestone 2: Membership & Waivers (Priority: P2)")
  .replace("  - Monthly poster in `print/poster.pdf`\n", "");

async function visionOf(plan: string): Promise<Vision> {
  const files: Record<string, string> = { [`${FOLDER}/vision.md`]: VISION, [`${FOLDER}/plan.md`]: plan };
  return (await loadVision(REF, (p) => Promise.resolve(files[p]))).vision;
}

function written(d: WriteDecision): Extract<WriteDecision, { content: string }> {
  if (d.action === "refuse") throw new Error(d.reason);
  return d;
}

/** Task lines by ID. */
function tasks(note: string): Map<string, string> {
  return new Map([...note.matchAll(/^- \[[ xX]\] (T\d+)\b.*$/gm)].map((m) => [m[1], m[0]]));
}

const lineWith = (note: string, needle: string): string => note.split("\n").find((l) => l.includes(needle)) ?? "";

test("regenerating after user edits and plan changes keeps every edit, follows the plan, and settles", async () => {
  const first = written(planExecuteWrite(await visionOf(PLAN), undefined, { today: new Date(2026, 9, 1) }));
  const generated = tasks(first.content);
  const idOf = (text: string): string => [...generated].find(([, line]) => line.toLowerCase().includes(text.toLowerCase()))![0];
  const catalogue = idOf("Tool catalogue spreadsheet");
  const slips = idOf("Paper lending slips");
  const scenario = idOf("Verify acceptance scenario 1");
  const waiver = idOf("Liability waiver");
  const poster = idOf("Monthly poster");
  expect(lineWith(first.content, scenario)).toContain(`(depends on ${catalogue}, ${slips})`);

  // The user's work: two checkmarks, one rewritten task, one task and one paragraph of their own.
  const userTask = "- [ ] T099 [M2] Ask the hardware shop to sponsor the shelf";
  const paragraph = "We open the desk at 10:00; bring the key from the community centre.";
  const rewritten = "Draft the waiver with the residents' association lawyer in `legal/waiver.md`";
  let note = first.content
    .replace(`- [ ] ${catalogue} `, `- [x] ${catalogue} `)
    .replace(`- [ ] ${scenario} `, `- [x] ${scenario} `)
    .replace(/Deliver liability waiver in `legal\/waiver\.md`/, rewritten)
    .replace("### Tasks for Milestone 1\n", `### Tasks for Milestone 1\n\n${paragraph}\n\n`);
  note = note.replace(lineWith(note, waiver), `${lineWith(note, waiver)}\n${userTask}`);
  expect(note).toContain(rewritten);

  const changed = await visionOf(CHANGED_PLAN);
  const second = written(planExecuteWrite(changed, note, { today: new Date(2026, 9, 8), base: first.base }));
  expect(second.action).toBe("update");
  const result = second.content;
  const after = tasks(result);

  // Every user change is still there.
  expect(after.get(catalogue)).toMatch(/^- \[x\] /);
  expect(after.get(scenario)).toMatch(/^- \[x\] /);
  expect(after.get(waiver)).toContain(rewritten);
  expect(result).toContain(`\n${userTask}\n`);
  expect(result).toContain(`\n${paragraph}\n`);

  // The new deliverable is a task with a new ID, in its milestone's phase; the checked scenario
  // now also waits for it (checkbox from the user, dependencies from the plan).
  const reminder = [...after].find(([, l]) => l.includes("Deliver overdue reminder texts"));
  expect(reminder).toBeDefined();
  const [reminderId, reminderLine] = reminder!;
  expect(generated.has(reminderId)).toBe(false);
  expect(reminderId).not.toBe("T099");
  expect(reminderLine).toContain("[M1]");
  expect(after.get(scenario)).toContain(`(depends on ${catalogue}, ${slips}, ${reminderId})`);
  expect(second.report!.added.map((t) => t.id)).toEqual([reminderId]);

  // Unchanged tasks keep their IDs (and their text); the removed, untouched deliverable is gone.
  for (const [id, line] of generated) {
    if (id === poster) continue;
    const text = line.replace(/^- \[.\] /, "").replace(/ \(depends on [^)]*\)/, "");
    if (id !== waiver) expect(after.get(id)?.replace(/^- \[.\] /, "").replace(/ \(depends on [^)]*\)/, "")).toBe(text);
  }
  expect(after.has(poster)).toBe(false);
  expect(result).not.toContain("Monthly poster");
  expect(second.report!.dropped.map((t) => t.id)).toEqual([poster]);

  // The rename shows in the phase heading and in its link to the plan.
  expect(result).toMatch(/^## Phase \d+: Milestone 2 - Membership & Waivers \(Priority: P2\)$/m);
  expect(result).toContain(`**Plan**: [[${FOLDER}/plan#Milestone 2: Membership & Waivers (Priority: P2)|M2]]`);
  expect(result).not.toContain("Member Sign-up");

  expect(conflictMarkers(result)).toEqual([]);
  expect(second.report!.conflicts).toEqual([]);

  // Regenerating again changes nothing, byte for byte.
  const third = written(planExecuteWrite(changed, result, { today: new Date(2026, 9, 15), base: second.base }));
  expect(third.action).toBe("unchanged");
  expect(third.content).toBe(result);
});
