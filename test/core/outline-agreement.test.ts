import { sortDiagnostics } from "../../src/core/diagnostics";
import { buildVision } from "../../src/core/vision/load";
import { outlineVision } from "../../src/core/vision/outline";
import type { Diagnostic } from "../../src/core/diagnostics";
import { parseMarkdown } from "../../src/core/markdown/parse";
import { NodeFiles } from "../../src/cli/node-files";
import { scanVisions } from "../../src/core/workspace";
import { loadVision } from "../../src/core/vision/load";
import { planNote, prng } from "../../bench/synthetic";
import { EXAMPLES, UNSEEN } from "../helpers";

/** The index's line-by-line reading of a vision must agree with the full remark parse. */
type Field = { text: string; line: number } | undefined;
const summary = (milestones: { number: string; title: string; priority?: number; line: number; dependencyText?: Field; timeline?: Field; dependsOn: string[] }[]) =>
  milestones.map((m) => ({
    number: m.number,
    title: m.title,
    priority: m.priority,
    line: m.line,
    dep: m.dependencyText && [m.dependencyText.text, m.dependencyText.line],
    timeline: m.timeline && [m.timeline.text, m.timeline.line],
    dependsOn: m.dependsOn,
  }));
const diag = (ds: Diagnostic[]) => sortDiagnostics([...ds]).map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`);

test.each([EXAMPLES, UNSEEN])("outline and full parse agree on every vision in %s", async (root) => {
  const files = new NodeFiles(root);
  const { refs } = await scanVisions(files);
  for (const ref of refs.filter((r) => r.kind === "vision")) {
    const full = await loadVision(ref, (p) => files.read(p));
    const outline = await outlineVision(ref, (p) => files.read(p));
    expect(outline.name).toBe(full.vision.name);
    expect(summary(outline.milestones)).toEqual(summary(full.vision.plan?.milestones ?? []));
    expect(outline.order).toEqual(full.vision.order);
    expect(diag(outline.diagnostics)).toEqual(diag(full.diagnostics));
  }
});

test("outline and full parse agree on synthetic plans of 5 to 50 milestones", async () => {
  for (let seed = 1; seed <= 6; seed++) {
    const text = planNote(prng(seed), "001-x", 5 + seed * 7);
    const ref = { id: "001-x", folder: "visions/001-x", kind: "vision" as const, docs: { plan: "visions/001-x/plan.md" } };
    const fullDiagnostics: Diagnostic[] = [];
    const full = buildVision(ref, { plan: parseMarkdown(ref.docs.plan, text) }, {}, fullDiagnostics);
    const outline = await outlineVision(ref, () => Promise.resolve(text));
    expect(summary(outline.milestones)).toEqual(summary(full.plan!.milestones));
    expect(outline.order).toEqual(full.order);
    expect(diag(outline.diagnostics)).toEqual(diag(fullDiagnostics));
  }
});
