/**
 * Nothing the user wrote in the execute note's frontmatter is dropped by a merge: comments, their
 * own keys (also after a closing fence with trailing spaces), and generated values are well-formed
 * YAML whatever the vision folder is called.
 */
import { type WriteDecision, generatedState, planExecuteWrite } from "../../src/core/generate/write";
import { readFrontmatter } from "../../src/core/markdown/parse";
import { splitNote } from "../../src/core/merge/text";
import { frontmatterOf } from "../../src/core/workspace";
import { type PlanModel, REF, planText, visionOf, visionOfModel } from "./plans";

const DAY1 = new Date(2026, 3, 1);
const DAY2 = new Date(2026, 3, 20);

const plan = (extra = ""): PlanModel => ({
  name: "Frontmatter",
  milestones: [
    { number: 1, title: "Core", priority: 1, deliverables: ["Store in `src/store.ts`", `Sync in \`src/sync.ts\`${extra}`], acceptance: [], criteria: [], dependsOn: [] },
    { number: 2, title: "Share", priority: 2, deliverables: ["Share link in `src/share.ts`"], acceptance: [], criteria: [], dependsOn: [1] },
  ],
});

function written(d: WriteDecision): Extract<WriteDecision, { content: string }> {
  if (d.action === "refuse") throw new Error(d.reason);
  return d;
}

const first = written(planExecuteWrite(visionOfModel(plan()), undefined, { today: DAY1 }));
const regenerate = (ours: string, p = plan(" and retry")): Extract<WriteDecision, { content: string }> =>
  written(planExecuteWrite(visionOfModel(p), ours, { today: DAY2, base: first.base }));

describe("frontmatter the user wrote survives a merge", () => {
  test("comment lines anywhere in the frontmatter, also between generated keys", () => {
    const ours = first.content
      .replace("---\nintentk:", "---\n# my comment at the top\nintentk:")
      .replace("\nvision:", "\n# why this note exists\nvision:")
      .replace("\nsources:\n", "\nsources:\n  # hashes of the inputs\n")
      .replace("\nbody-hash:", "\n# before the hash\nbody-hash:");
    const out = regenerate(ours).content;
    for (const c of ["# my comment at the top", "# why this note exists", "  # hashes of the inputs", "# before the hash"]) {
      expect(splitNote(out).frontmatter).toContain(c);
    }
    expect(out).toContain("and retry");
    expect(frontmatterOf(out).intentk).toBe("execute");
    // Merging again keeps them once.
    const again = regenerate(out, plan(" and retry twice")).content;
    expect(splitNote(again).frontmatter.filter((l) => l.includes("#")).length).toBe(4);
  });

  test("a user property in a note whose closing fence has a trailing space", () => {
    const ours = first.content.replace("\nbody-hash:", "\nstatus: doing\nbody-hash:").replace(/\n---\n/, "\n--- \n");
    expect(ours).toContain("status: doing\nbody-hash:");
    const out = regenerate(ours).content;
    expect(frontmatterOf(out).status).toBe("doing");
    expect(out.match(/^intentk:/gm)).toHaveLength(1);
    expect(out).toContain("and retry");
  });
});

describe("generated YAML values are quoted and escaped", () => {
  const names = ['001-say "hi"', "001-new\nline", "001-cr\rhere", "001-back\\slash", "001-colon: x # y", "001-'single'", "001-tab\there", "001-\u0085nel"];
  test.each(names)("vision folder %j", (id) => {
    const ref = { ...REF, id, folder: `visions/${id}`, docs: { plan: `visions/${id}/plan.md` } };
    const v = visionOf({ plan: planText(plan()) }, ref);
    const note = written(planExecuteWrite(v, undefined, { today: DAY1 })).content;
    const fm = splitNote(note).frontmatter;
    const data = readFrontmatter(fm.slice(1, -1).join("\n"));
    expect(data.vision).toBe(id);
    expect(Object.keys(data).sort()).toEqual(["body-hash", "generated", "intentk", "sources", "vision"]);
    expect(generatedState(note)).toBe("ours-untouched");
    // The next run takes the note as its own. (A CR in the body's copy of the name is a matter for
    // folder-name validation: the reader counts it as a line break.)
    const again = planExecuteWrite(v, note, { today: DAY2 });
    if (!id.includes("\r")) expect(again.action).toBe("unchanged");
    else expect(again.action).not.toBe("refuse");
  });
});
