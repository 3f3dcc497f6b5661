import { readFileSync } from "node:fs";
import { join } from "node:path";
import { basename } from "../../src/core/files";
import { UNSEEN, loadAll } from "../helpers";

/**
 * Vision folders written by someone else, with their facts counted by hand (expected.json): the
 * parsers must read what a person reads.
 */
interface ExpectedMilestone {
  number: string;
  title: string;
  priority: number | null;
  dependsOn: string[];
  deliverables: number;
  acceptanceScenarios: number;
  successCriteria: number;
  validationApproach: number;
  explicitTasks: number;
  line: number;
}
interface ExpectedVision {
  id: string;
  documents: string[];
  milestones: ExpectedMilestone[];
  executionOrder: string[];
  placeholders: { file: string; line: number }[];
  unresolvedDependencies: { file: string; line: number; text: string }[];
}

const expected = (JSON.parse(readFileSync(join(UNSEEN, "expected.json"), "utf8")) as { visions: ExpectedVision[] }).visions;

describe.each(expected.map((e) => [e.id, e] as const))("%s", (_id, want) => {
  const load = async () => (await loadAll(UNSEEN)).find((l) => l.vision.ref.id === want.id)!;

  test("documents, milestones and execution order", async () => {
    const { vision } = await load();
    expect(Object.keys(vision.ref.docs).sort()).toEqual(want.documents);
    const got = vision.plan!.milestones.map((m) => ({
      number: m.number,
      title: m.title,
      priority: m.priority ?? null,
      dependsOn: m.dependsOn,
      deliverables: m.deliverables.length,
      acceptanceScenarios: m.acceptance.length,
      successCriteria: m.successCriteria.length,
      validationApproach: m.validationApproach.length,
      explicitTasks: m.tasks.length,
      line: m.line,
    }));
    expect(got).toEqual(want.milestones);
    expect(vision.order).toEqual(want.executionOrder);
  });

  test("placeholders and dependencies that name no milestone", async () => {
    const { diagnostics } = await load();
    const at = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => ({ file: basename(d.file), line: d.line }));
    expect(at("placeholder")).toEqual(want.placeholders);
    const external = diagnostics.filter((d) => d.code === "external-dependency" || d.code === "unknown-milestone");
    expect(external.map((d) => ({ file: basename(d.file), line: d.line }))).toEqual(want.unresolvedDependencies.map(({ file, line }) => ({ file, line })));
    for (const u of want.unresolvedDependencies) expect(external.some((d) => d.message.includes(u.text))).toBe(true);
  });
});
