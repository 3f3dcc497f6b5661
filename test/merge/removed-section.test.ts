/**
 * What the plan dropped but the user worked on is kept in a "Removed from plan" section at the
 * end of the note: never inside another phase or Polish, and not counted in progress.
 */
import { type WriteDecision, planExecuteWrite } from "../../src/core/generate/write";
import { readPlan } from "../../src/core/reader/read";
import { REMOVED_HEADING } from "../../src/core/reader/removed";
import { type PlanModel, visionOfModel } from "./plans";

const DAY1 = new Date(2026, 3, 1);
const DAY2 = new Date(2026, 3, 20);
const DAY3 = new Date(2026, 4, 2);

const plan: PlanModel = {
  name: "Removed",
  milestones: [
    { number: 1, title: "Core", priority: 1, deliverables: ["Store in `src/store.ts`", "Cache in `src/cache.ts`"], acceptance: [], criteria: [], dependsOn: [] },
    { number: 2, title: "Share", priority: 2, deliverables: ["Share link in `src/share.ts`", "Invite mail in `mail/invite.txt`"], acceptance: [], criteria: [], dependsOn: [1] },
  ],
};
const without = (edit: (p: PlanModel) => void): PlanModel => {
  const p = structuredClone(plan);
  edit(p);
  return p;
};

function written(d: WriteDecision): Extract<WriteDecision, { content: string }> {
  if (d.action === "refuse") throw new Error(d.reason);
  return d;
}

const taskOf = (text: string, words: RegExp): string => text.split("\n").find((l) => /^- \[[ xX]\] T\d+/.test(l) && words.test(l))!;
const sectionOf = (text: string): string[] => {
  const lines = text.split("\n");
  const at = lines.indexOf(REMOVED_HEADING);
  return at < 0 ? [] : lines.slice(at);
};

describe("Removed from plan", () => {
  const first = written(planExecuteWrite(visionOfModel(plan), undefined, { today: DAY1 }));
  const share = taskOf(first.content, /share link/i);
  const cache = taskOf(first.content, /cache in/i);
  const ours = first.content
    .replace(share, `${share.replace("- [ ]", "- [x]")}\n  - asked Ana about the link format`)
    .replace(cache, `${cache}\n  - the cache must survive restarts`)
    .replace("### Tasks for Milestone 2", "Our notes about sharing, from the kickoff.\n\n### Tasks for Milestone 2");

  const v2 = visionOfModel(without((p) => {
    p.milestones.pop();
    p.milestones[0].deliverables.pop();
  }));
  const second = written(planExecuteWrite(v2, ours, { today: DAY2, base: first.base }));
  const out = second.content;

  test("notes under removed tasks and paragraphs of removed phases go to the section at the end", () => {
    const section = sectionOf(out);
    expect(section[0]).toBe(REMOVED_HEADING);
    expect(section.join("\n")).toContain("asked Ana about the link format");
    expect(section.join("\n")).toContain("the cache must survive restarts");
    expect(section.join("\n")).toContain("Our notes about sharing, from the kickoff.");
    expect(section.find((l) => /share link/i.test(l))).toMatch(/^- \[x\] T\d+ .*— removed from plan/);
    expect(section.find((l) => /cache in/i.test(l))).toMatch(/— removed from plan/);
    // Nothing of it anywhere else, and the section is the last one: not inside Polish.
    const before = out.split("\n").slice(0, out.split("\n").indexOf(REMOVED_HEADING)).join("\n");
    expect(before).not.toMatch(/asked Ana|cache must survive|Our notes about sharing|removed from plan/);
    expect(out.split("\n").slice(out.split("\n").indexOf(REMOVED_HEADING) + 1).some((l) => /^#{1,2} /.test(l))).toBe(false);
    expect(out.endsWith("\n")).toBe(true);
  });

  test("what is in the section does not count in progress", () => {
    const doc = readPlan("execute.md", out);
    expect(doc.phases.map((p) => p.title)).not.toContain("Removed from plan");
    expect(doc.tasks.some((t) => /share link|cache in/i.test(t.text))).toBe(false);
    expect(doc.tasks.filter((t) => t.state === "done")).toEqual([]);
  });

  test("regenerating again changes nothing; a later plan change keeps one section, at the end", () => {
    const third = written(planExecuteWrite(v2, out, { today: DAY3, base: second.base }));
    expect(third.action).toBe("unchanged");
    const v3 = visionOfModel(without((p) => {
      p.milestones.pop();
      p.milestones[0].deliverables.pop();
      p.milestones[0].deliverables.push("Backup in `src/backup.ts`");
    }));
    const fourth = written(planExecuteWrite(v3, out, { today: DAY3, base: second.base })).content;
    expect(fourth.split("\n").filter((l) => l === REMOVED_HEADING)).toHaveLength(1);
    expect(sectionOf(fourth)).toEqual(sectionOf(out));
    expect(fourth).toMatch(/backup in/i);
  });

  test("a task that comes back to the plan returns to its phase with its checkmark, once", () => {
    const back = written(planExecuteWrite(visionOfModel(plan), out, { today: DAY3, base: second.base })).content;
    const id = /T\d+/.exec(share)![0];
    expect(back.split("\n").filter((l) => l.includes(` ${id} `))).toHaveLength(1);
    const line = taskOf(back, /share link/i);
    expect(line).toMatch(/^- \[x\]/);
    expect(back.indexOf(line)).toBeLessThan(back.indexOf(REMOVED_HEADING));
    expect(readPlan("execute.md", back).tasks.find((t) => t.id === id)?.state).toBe("done");
  });

  test("the report lists the kept tasks at their line in the section", () => {
    const lines = out.split("\n");
    for (const t of second.report!.keptRemoved) expect(lines[t.line! - 1]).toContain(t.id);
  });
});
