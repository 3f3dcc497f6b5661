import { readFileSync } from "node:fs";
import { join } from "node:path";
import { NodeFiles } from "../../src/cli/node-files";
import { checkLinks } from "../../src/core/link-check";
import { deliverableItems } from "../../src/core/generate/deliverables";
import { findPlaceholders } from "../../src/core/vision/placeholders";
import { EXAMPLES, UNSEEN, generate, loadAll, scratchDir } from "../helpers";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";

// A copy of the team's execution-plan template (../shared/reference/), so CI checkouts have it too.
const TEMPLATE = join(__dirname, "..", "fixtures", "execute-template.md");
const SHARED_TEMPLATE = join(__dirname, "..", "..", "..", "shared", "reference", "execute-template.md");

(existsSync(SHARED_TEMPLATE) ? test : test.skip)("the template copy matches the shared template", () => {
  expect(readFileSync(TEMPLATE, "utf8")).toBe(readFileSync(SHARED_TEMPLATE, "utf8"));
});

/** The template's level-2 headings with the parts that vary per plan generalised. */
function templateHeadings(): string[] {
  return readFileSync(TEMPLATE, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("## "))
    .map((l) => l.slice(3));
}

function headings(note: string): string[] {
  let fence = false;
  return note.split("\n").filter((l) => {
    if (l.startsWith("```")) fence = !fence;
    return !fence && l.startsWith("## ");
  }).map((l) => l.slice(3));
}

/** Maps a heading to its template slot: milestone phases and the parallel example vary by name. */
function slot(h: string): string {
  if (/^Phase \d+: Milestone /.test(h)) return "MILESTONE";
  if (/^Phase \w+: Setup/.test(h)) return "SETUP";
  if (/^Phase \w+: Foundational/.test(h)) return "FOUNDATIONAL";
  if (/^Phase \w+: Polish/.test(h)) return "POLISH";
  if (/^Parallel Example/.test(h)) return "PARALLEL";
  return h;
}

const collapse = (slots: string[]): string[] => slots.filter((s, i) => !(s === "MILESTONE" && slots[i - 1] === "MILESTONE"));

const roots = [EXAMPLES, UNSEEN];

describe.each(roots)("notes generated from %s", (root) => {
  test("follow the template's level-2 headings, in order", async () => {
    const expected = collapse(templateHeadings().map(slot));
    for (const loaded of await loadAll(root)) {
      if (!loaded.vision.plan) continue;
      const got = collapse(headings(generate(loaded)).map(slot));
      expect(got).toEqual(expected);
    }
  });

  test("have one phase per milestone, in execution order, holding every deliverable and acceptance scenario", async () => {
    for (const loaded of await loadAll(root)) {
      const v = loaded.vision;
      if (!v.plan) continue;
      const note = generate(loaded);
      const phases = headings(note).filter((h) => /^Phase \d+: Milestone /.test(h));
      expect(phases.map((h) => /Milestone (\w+)/.exec(h)![1])).toEqual(v.order);
      const sectionsByMilestone = note.split(/^## /m);
      for (const m of v.plan.milestones) {
        const section = sectionsByMilestone.find((s) => s.startsWith(`Phase`) && s.includes(`: Milestone ${m.number} - `))!;
        // One build task per deliverable (or the objective), validation tests first, one integration
        // test and one integration task per dependency, then every scenario, criterion and validation.
        const source = m.tasks.length ? m.tasks : deliverableItems(m);
        const build = source.length || (m.objective ? 1 : 0);
        for (const item of [...source, ...m.acceptance, ...m.successCriteria, ...m.validationApproach]) {
          expect(section).toContain(item.text.slice(1).replace(/[.;]+$/, "")); // the first letter may be lower-cased after "Deliver"
        }
        const taskLines = section.split("\n").filter((l) => /^- \[ \] T\d{3}/.test(l));
        const tests = m.independentValidation ? 1 : m.validationApproach.length;
        const checksAfter = m.acceptance.length + m.successCriteria.length + (m.independentValidation ? m.validationApproach.length : 0);
        expect(taskLines.length).toBe(tests + build + 2 * m.dependsOn.length + checksAfter);
        const firstBuild = taskLines.findIndex((l) => !l.includes("Write the validation test") && !l.includes("Write the integration test"));
        expect(firstBuild).toBe(tests + m.dependsOn.length);
        for (const l of taskLines) expect(l).toContain(`[M${m.number}]`);
      }
    }
  });

  test("number tasks T001… in execution order, each with a block id", async () => {
    for (const loaded of await loadAll(root)) {
      if (!loaded.vision.plan) continue;
      const ids = [...generate(loaded).matchAll(/^- \[ \] (T\d+) .* \^(t\d+)$/gm)];
      expect(ids.length).toBeGreaterThan(0);
      ids.forEach((m, i) => {
        expect(m[1]).toBe(`T${String(i + 1).padStart(3, "0")}`);
        expect(m[2]).toBe(m[1].toLowerCase());
      });
    }
  });

  test("leave no placeholder or template instruction text", async () => {
    for (const loaded of await loadAll(root)) {
      if (!loaded.vision.plan) continue;
      const note = generate(loaded);
      expect(findPlaceholders(note)).toEqual([]);
      expect(note).not.toMatch(/SAMPLE TASKS|\[Add more|TXXX|\[Title\]|\[DATE\]|NEEDS CLARIFICATION|e\.g\./);
    }
  });

  test("link every milestone phase to a heading that exists in the plan", async () => {
    for (const loaded of await loadAll(root)) {
      const v = loaded.vision;
      if (!v.plan) continue;
      const { dir, cleanup } = scratchDir();
      try {
        // Put the plan and the note in a scratch vault at the same vault paths and resolve the links.
        mkdirSync(join(dir, v.ref.folder), { recursive: true });
        writeFileSync(join(dir, v.plan.file), readFileSync(join(root, v.plan.file)));
        writeFileSync(join(dir, v.ref.folder, "execute.md"), generate(loaded));
        expect(await checkLinks(new NodeFiles(dir), `${v.ref.folder}/execute.md`)).toEqual([]);
        const links = generate(loaded).match(/\[\[[^\]]+#[^\]]+\|M\w+\]\]/g) ?? [];
        expect(links.length).toBe(v.plan.milestones.length);
      } finally {
        cleanup();
      }
    }
  });
});
