import { type WriteDecision, generatedState, planExecuteWrite } from "../../src/core/generate/write";
import { buildExecutionPlan } from "../../src/core/generate/plan-model";
import { assignIds, keyedTasks } from "../../src/core/merge/ids";
import { conflictMarkers, mergeThreeWay } from "../../src/core/merge/merge";
import { REMOVED_MARK, formatTaskLine, parseTaskLine } from "../../src/core/merge/tasks";
import { type PlanModel, visionOfModel } from "./plans";

const DAY1 = new Date(2026, 3, 1);
const DAY2 = new Date(2026, 3, 20);

const base: PlanModel = {
  name: "Bakery Orders",
  milestones: [
    {
      number: 1,
      title: "Order Form",
      priority: 1,
      deliverables: ["Order form in `web/order.html`", "Price list in `data/prices.csv`"],
      acceptance: ["**Given** a customer, **When** they order two loaves, **Then** the baker sees the order."],
      criteria: [],
      dependsOn: [],
    },
    {
      number: 2,
      title: "Pickup Slots",
      priority: 2,
      deliverables: ["Slot calendar in `web/slots.html`", "Reminder email in `mail/reminder.txt`"],
      acceptance: [],
      criteria: ["No pickup slot is double-booked."],
      dependsOn: [1],
    },
  ],
};

const withPlan = (edit: (p: PlanModel) => void): PlanModel => {
  const p = structuredClone(base);
  edit(p);
  return p;
};

function written(d: WriteDecision): Extract<WriteDecision, { content: string }> {
  if (d.action === "refuse") throw new Error(d.reason);
  return d;
}

const taskLine = (note: string, id: string): string => note.split("\n").find((l) => new RegExp(`^\\s*- \\[.\\] ${id}\\b`).test(l)) ?? "";

function generateFirst(plan = base, style: "text" | "tasks" = "text") {
  return written(planExecuteWrite(visionOfModel(plan), undefined, { today: DAY1, dependencyStyle: style }));
}

describe("task lines are merged field by field", () => {
  test("a task line parses into fields and formats back byte for byte", () => {
    for (const line of [
      "- [ ] T012 [P] [M2] Deliver a thing in `src/a.ts` (depends on T010, T011) ^t012",
      "- [x] T017 [M1] Verify acceptance scenario 1: **Given** x 🆔 t017 ⛔ t012,t013 ^t017",
      "  * [X] **T003**: [US1] Write the tests — removed from plan ^t003",
      "- [ ] T099 My own task",
    ]) {
      const f = parseTaskLine(line)!;
      expect(formatTaskLine(f)).toBe(line);
    }
    const f = parseTaskLine("- [x] T012 [P] [M2] Deliver a thing (depends on T010) ^t012")!;
    expect([f.id, f.box, f.markers.trim(), f.text, f.meta.trim()]).toEqual(["T012", "x", "[P] [M2]", "Deliver a thing", "(depends on T010) ^t012"]);
  });

  test("a checked task whose dependencies the plan changed keeps its checkmark and gets the new dependencies", () => {
    const first = generateFirst();
    const scenario = keyedTasks(buildExecutionPlan(visionOfModel(base))).length; // just to touch the API
    expect(scenario).toBeGreaterThan(0);
    const verify = /^- \[ \] (T\d+) \[M1\] Verify acceptance scenario 1/m.exec(first.content)![1];
    const ours = first.content.replace(`- [ ] ${verify} `, `- [x] ${verify} `);
    const plan = withPlan((p) => p.milestones[0].deliverables.push("Allergen notes in `data/allergens.md`"));
    const second = written(planExecuteWrite(visionOfModel(plan), ours, { today: DAY2, base: first.base }));
    const line = taskLine(second.content, verify);
    expect(line).toMatch(/^- \[x\] /);
    expect(line).toMatch(/\(depends on T001, T002, T\d+\) \^t\d+$/);
    expect(second.report!.conflicts).toEqual([]);
  });

  test("a done date the Tasks plugin added stays while the plan's dependency fields change", () => {
    const first = generateFirst(base, "tasks");
    const [line, id] = /^- \[ \] (T\d+) \[M1\] Verify acceptance scenario 1.*$/m.exec(first.content)!;
    expect(line).toMatch(/ 🆔 t\d+ ⛔ t001,t002 \^t\d+$/);
    const done = line.replace("- [ ]", "- [x]").replace(/ (\^t\d+)$/, " ✅ 2026-04-03 $1");
    const plan = withPlan((p) => p.milestones[0].deliverables.push("Allergen notes in `data/allergens.md`"));
    const second = written(planExecuteWrite(visionOfModel(plan), first.content.replace(line, done), { today: DAY2, base: first.base, dependencyStyle: "tasks" }));
    expect(taskLine(second.content, id)).toMatch(/^- \[x\] .* 🆔 t\d+ ⛔ t001,t002,t\d+ ✅ 2026-04-03 \^t\d+$/);
    expect(second.report!.conflicts).toEqual([]);
  });

  test("switching the dependency style rewrites the suffixes and keeps the checkmarks", () => {
    const first = generateFirst();
    const ours = first.content.replace("- [ ] T001", "- [x] T001");
    const second = written(planExecuteWrite(visionOfModel(base), ours, { today: DAY2, base: first.base, dependencyStyle: "tasks" }));
    expect(taskLine(second.content, "T001")).toMatch(/^- \[x\] T001 .* 🆔 t001 \^t001$/);
    expect(second.content).not.toContain("(depends on");
  });

  test("when user and plan both rewrote a task's description, the user's stays and the clash is reported", () => {
    const two = withPlan((p) => p.milestones[0].acceptance.push("**Given** a holiday, **When** the shop is closed, **Then** the form says so."));
    const first = generateFirst(two);
    const [line, id] = /^- \[ \] (T\d+) \[M1\] Verify acceptance scenario 2: .*$/m.exec(first.content)!;
    const mine = line.replace("Verify acceptance scenario 2: **Given** a holiday", "Check with Ana: **Given** a bank holiday");
    const ours = first.content.replace(line, mine);
    // Scenario 1 leaves the plan: the generator now calls this one "scenario 1" (same item, same ID).
    const plan = withPlan((p) => (p.milestones[0].acceptance = ["**Given** a holiday, **When** the shop is closed, **Then** the form says so."]));
    const second = written(planExecuteWrite(visionOfModel(plan), ours, { today: DAY2, base: first.base }));
    expect(taskLine(second.content, id)).toContain("Check with Ana: **Given** a bank holiday");
    const clash = second.report!.conflicts.find((c) => c.taskId === id);
    expect(clash?.message).toContain("Verify acceptance scenario 1: **Given** a holiday");
    expect(second.content.split("\n")[clash!.line - 1]).toBe(taskLine(second.content, id));
    expect(conflictMarkers(second.content)).toEqual([]);
  });

  test("a generated line changed by both sides keeps the user's version and lists the plan's in the report", () => {
    const first = generateFirst();
    const goal = "**Goal**: Reach the point where order form works.";
    expect(first.content).toContain(goal);
    const ours = first.content.replace(goal, "**Goal**: Customers order bread online, and we bake exactly that.");
    const plan = withPlan((p) => (p.milestones[0].title = "Online order form"));
    const second = written(planExecuteWrite(visionOfModel(plan), ours, { today: DAY2, base: first.base }));
    expect(second.content).toContain("**Goal**: Customers order bread online, and we bake exactly that.");
    expect(second.content).not.toContain("**Goal**: Reach the point where online order form works.");
    const conflict = second.report!.conflicts.find((c) => c.theirs.includes("**Goal**: Reach the point where online order form works."));
    expect(conflict).toBeDefined();
    expect(second.content.split("\n")[conflict!.line - 1]).toBe("**Goal**: Customers order bread online, and we bake exactly that.");
    expect(second.needsConfirmation).toBe(true);
    // The rename itself still lands in the heading and in the plan link right above the goal.
    expect(second.content).toContain("## Phase 3: Milestone 1 - Online order form (Priority: P1) 🎯 MVP");
    expect(second.content).toContain("**Plan**: [[visions/042-test/plan#Milestone 1: Online order form (Priority: P1)|M1]]");
  });
});

describe("what the user did is kept", () => {
  test("frontmatter properties, Windows line ends and a byte-order mark survive a merge", () => {
    const first = generateFirst();
    const ours = `\uFEFF${first.content.replace("body-hash:", "tags: [bakery]\nbody-hash:").replace(/\n/g, "\r\n")}`;
    const plan = withPlan((p) => (p.milestones[1].title = "Pickup Windows"));
    const second = written(planExecuteWrite(visionOfModel(plan), ours, { today: DAY2, base: first.base }));
    expect(second.content.startsWith("\uFEFF---\r\n")).toBe(true);
    expect(second.content).toContain("\r\ntags: [bakery]\r\nbody-hash:");
    expect(second.content.replace(/\r\n/g, "")).not.toContain("\n");
    expect(second.content).toContain("Milestone 2 - Pickup Windows");
  });

  test("a generated task the user deleted stays deleted, even when the plan changed its dependencies", () => {
    const first = generateFirst();
    const [line, id] = /^- \[ \] (T\d+) \[M2\] Confirm success criterion.*$/m.exec(first.content)!;
    expect(line).toContain("(depends on");
    const ours = first.content.replace(`${line}\n`, "");
    const plan = withPlan((p) => p.milestones[1].deliverables.push("Pickup map in `web/map.html`"));
    const second = written(planExecuteWrite(visionOfModel(plan), ours, { today: DAY2, base: first.base }));
    expect(second.base!.text).toMatch(new RegExp(`^- \\[ \\] ${id} \\[M2\\] Confirm success criterion.*T\\d+, T\\d+, T\\d+, T\\d+\\) \\^`, "m"));
    expect(taskLine(second.content, id)).toBe("");
  });

  test("a task whose plan item is gone is dropped when untouched, kept and marked when checked (Tasks-plugin style too)", () => {
    for (const style of ["text", "tasks"] as const) {
      const first = generateFirst(base, style);
      const slots = /^- \[ \] (T\d+) .*Deliver slot calendar/m.exec(first.content)![1];
      const reminder = /^- \[ \] (T\d+) .*Deliver reminder email/m.exec(first.content)![1];
      const ours = first.content.replace(`- [ ] ${reminder} `, `- [x] ${reminder} `);
      const plan = withPlan((p) => (p.milestones[1].deliverables = []));
      const second = written(planExecuteWrite(visionOfModel(plan), ours, { today: DAY2, base: first.base, dependencyStyle: style }));
      expect(taskLine(second.content, slots)).toBe("");
      const kept = taskLine(second.content, reminder);
      expect(kept).toMatch(/^- \[x\] /);
      expect(kept).toContain(`reminder email in \`mail/reminder.txt\`${REMOVED_MARK}`);
      expect(kept).toMatch(/\^t\d+$/);
      expect(second.report!.keptRemoved.map((t) => t.id)).toEqual([reminder]);
      expect(second.report!.dropped.map((t) => t.id)).toEqual([slots]);
      // Its ID is retired: a new item never gets it.
      const later = withPlan((p) => (p.milestones[1].deliverables = ["Text message reminders in `sms/reminder.txt`"]));
      const third = written(planExecuteWrite(visionOfModel(later), second.content, { today: DAY2, base: second.base, dependencyStyle: style }));
      const fresh = /^- \[ \] (T\d+) .*Deliver text message reminders/m.exec(third.content)![1];
      expect([slots, reminder]).not.toContain(fresh);
    }
  });

  test("merging never writes conflict markers, even when both sides rewrote everything", () => {
    const result = mergeThreeWay(
      "---\ngenerated: 1\n---\nx\ny\nz\n",
      "---\ngenerated: 1\ntags: mine\n---\nmine 1\nmine 2\n",
      "---\ngenerated: 2\n---\ntheirs 1\ntheirs 2\ntheirs 3\n",
    );
    expect(conflictMarkers(result.text)).toEqual([]);
    expect(result.text).toBe("---\ngenerated: 2\ntags: mine\n---\nmine 1\nmine 2\n");
    expect(result.report.conflicts).toHaveLength(1);
    expect(result.report.conflicts[0].theirs).toEqual(["theirs 1", "theirs 2", "theirs 3"]);
  });

  test("lines both sides added at the same place are all kept, the user's first", () => {
    const result = mergeThreeWay("a\nb\n", "a\nmine\nb\n", "a\ntheirs\nb\n");
    expect(result.text).toBe("a\nmine\ntheirs\nb\n");
    expect(result.report.conflicts).toEqual([]);
  });
});

describe("stable IDs", () => {
  test("two plan items with the same text keep distinct IDs across regenerations", () => {
    const twice = withPlan((p) => (p.milestones[0].deliverables = ["Oven schedule", "Oven schedule", "Price list in `data/prices.csv`"]));
    const first = generateFirst(twice);
    const ids = (note: string): string[] => [...note.matchAll(/^- \[.\] (T\d+) \[P\]? ?\[M1\] Deliver oven schedule/gm)].map((m) => m[1]);
    const before = ids(first.content);
    expect(new Set(before).size).toBe(2);
    const plan = withPlan((p) => (p.milestones[0].deliverables = ["Sourdough starter log", "Oven schedule", "Oven schedule", "Price list in `data/prices.csv`"]));
    const second = written(planExecuteWrite(visionOfModel(plan), first.content, { today: DAY2, base: first.base }));
    expect(ids(second.content)).toEqual(before);
  });

  test("new items get the next number above every ID given or written in the note", () => {
    const plan = buildExecutionPlan(visionOfModel(base));
    const map = assignIds(plan, { "m1:deliverable:order form in `web/order.html`": "T007" }, ["T040"]);
    const all = plan.phases.flatMap((p) => p.tasks.map((t) => t.id));
    expect(all[0]).toBe("T007");
    expect(all.slice(1).every((id) => Number(id.slice(1)) > 40)).toBe(true);
    expect(map["m1:deliverable:order form in `web/order.html`"]).toBe("T007");
    // Dependencies follow the renumbering.
    const verify = plan.phases.flatMap((p) => p.tasks).find((t) => t.text.startsWith("Verify acceptance scenario 1"))!;
    expect(verify.dependsOn[0]).toBe("T007");
  });
});

describe("without a stored base", () => {
  test("a note nobody edited is its own base: the plan's changes apply cleanly", () => {
    const first = generateFirst();
    expect(generatedState(first.content)).toBe("ours-untouched");
    const plan = withPlan((p) => (p.milestones[1].title = "Pickup Windows"));
    const second = written(planExecuteWrite(visionOfModel(plan), first.content, { today: DAY2 }));
    expect(second.report!.mode).toBe("three-way");
    expect(second.report!.conflicts).toEqual([]);
    expect(second.content).toContain("## Phase 4: Milestone 2 - Pickup Windows (Priority: P2)");
    expect(second.content).not.toContain("Pickup Slots");
  });

  test("a property the user added to an untouched note's frontmatter does not make regeneration rewrite it", () => {
    const first = generateFirst();
    const tagged = first.content.replace("body-hash:", "tags: [bakery]\nbody-hash:");
    const again = written(planExecuteWrite(visionOfModel(base), tagged, { today: DAY2 }));
    expect(again.action).toBe("unchanged");
    expect(again.content).toBe(tagged);
  });

  test("an edited note whose sources did not change gets its base rebuilt, and regenerating changes nothing", () => {
    const first = generateFirst();
    const ours = first.content.replace("- [ ] T001", "- [x] T001").replace("### Tasks for Milestone 2\n", "### Tasks for Milestone 2\nCall the miller first.\n");
    const again = written(planExecuteWrite(visionOfModel(base), ours, { today: DAY2 }));
    expect(again.action).toBe("unchanged");
    expect(again.content).toBe(ours);
    expect(again.base!.text).toBe(first.content);
  });

  test("an edited note after a plan change: two-way by task ID, every line and checkmark kept, nothing duplicated", () => {
    const first = generateFirst();
    const ours = first.content.replace("- [ ] T001", "- [x] T001").replace("### Tasks for Milestone 2\n", "### Tasks for Milestone 2\nCall the miller first.\n");
    const plan = withPlan((p) => {
      p.milestones[1].title = "Pickup Windows";
      p.milestones[1].deliverables.push("Pickup map in `web/map.html`");
    });
    const second = written(planExecuteWrite(visionOfModel(plan), ours, { today: DAY2 }));
    expect(second.report!.mode).toBe("two-way");
    expect(second.needsConfirmation).toBe(true);
    expect(second.content).toContain("- [x] T001");
    expect(second.content).toContain("Call the miller first.");
    expect(second.content).toMatch(/^- \[ \] T\d+ \[P\] \[M2\] Deliver pickup map/m);
    expect(second.content.match(/^## Phase 4: /gm)).toHaveLength(1);
    // With no base to tell who changed the heading, the note's stays and the plan's is reported.
    expect(second.report!.conflicts.some((c) => c.theirs[0]?.includes("Pickup Windows"))).toBe(true);
  });

  test("a note Intent Kit did not write is refused, then merged by description once the user adopts it", () => {
    const agent = [
      "# Execution Plan: Bakery Orders",
      "",
      "Written by an agent.",
      "",
      "## Phase 1: Ordering",
      "",
      "- [x] T001 [M1] Deliver order form in `web/order.html`",
      "- [ ] T002 [M1] Deliver price list in `data/prices.csv`",
      "- [ ] T003 Phone the flour supplier",
      "",
    ].join("\n");
    const refused = planExecuteWrite(visionOfModel(base), agent, { today: DAY1 });
    expect(refused.action).toBe("refuse");
    expect(refused.action === "refuse" && refused.canAdopt).toBe(true);
    const adopted = written(planExecuteWrite(visionOfModel(base), agent, { today: DAY1, adopt: true }));
    expect(adopted.action).toBe("update");
    expect(adopted.needsConfirmation).toBe(true);
    for (const line of agent.split("\n").filter((l) => l && !l.startsWith("- ["))) expect(adopted.content).toContain(line);
    expect(adopted.content).toMatch(/^- \[x\] T001 \[M1\] Deliver order form in `web\/order\.html` \^t001$/m);
    expect(adopted.content).toContain("- [ ] T003 Phone the flour supplier");
    // The generated tasks the agent had are not added twice; new ones get IDs above the agent's.
    expect(adopted.content.match(/^- \[.\] T\d+ .*Deliver order form/gm)).toHaveLength(1);
    const slot = /^- \[ \] (T\d+) .*Deliver slot calendar/m.exec(adopted.content)![1];
    expect(Number(slot.slice(1))).toBeGreaterThan(3);
    expect(generatedState(adopted.content)).toBe("ours-edited");
    // From then on it is a note Intent Kit wrote: the next run is a no-op.
    const next = written(planExecuteWrite(visionOfModel(base), adopted.content, { today: DAY2, base: adopted.base }));
    expect(next.action).toBe("unchanged");
  });
});
