import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NodeFiles } from "../../src/cli/node-files";
import { buildExecutionPlan } from "../../src/core/generate/plan-model";
import { loadVision } from "../../src/core/vision/load";
import { scanVisions } from "../../src/core/workspace";
import { generate } from "../helpers";

/**
 * A large vision folder written field for field in intent-kit's template shapes: eight milestones
 * whose Dependencies use ranges, lists, "All previous milestones" and external dependencies, a
 * Start Date under Milestone Overview and week-range timelines. Its execute note is an approval
 * file (`UPDATE_APPROVALS=1 npx jest generate-approval`, then read the diff line by line).
 */
const FIXTURES = join(__dirname, "..", "fixtures");
const ID = "023-pharmacy-refill-reminders";
const APPROVAL = join(__dirname, "..", "approvals", `${ID}.execute.md`);

async function load() {
  const files = new NodeFiles(FIXTURES);
  const { refs } = await scanVisions(files, { visionsRoot: "visions-template" });
  const ref = refs.find((r) => r.id === ID)!;
  return loadVision(ref, (p) => files.read(p));
}

describe(`${ID}: dependencies, Start Date and external dependencies from template-shaped notes`, () => {
  test("every dependency form becomes an edge, and phases come after every milestone they depend on", async () => {
    const { vision, diagnostics } = await load();
    const deps = Object.fromEntries(vision.plan!.milestones.map((m) => [m.number, m.dependsOn]));
    expect(deps).toEqual({ 1: [], 2: ["1"], 3: ["2"], 4: ["1", "2"], 5: ["3", "4"], 6: ["3", "4", "5"], 7: ["1", "2", "3", "4", "5", "6"], 8: ["7"] });
    const plan = buildExecutionPlan(vision);
    const phaseOf = new Map(plan.phases.filter((p) => p.milestone).map((p) => [p.milestone!.number, p.number]));
    for (const m of vision.plan!.milestones) for (const d of m.dependsOn) expect(phaseOf.get(d)!).toBeLessThan(phaseOf.get(m.number)!);
    // Milestone 7 is P1 and would come early on priority alone.
    expect(plan.order).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    const waveOf = (n: string): number => plan.waves.findIndex((w) => w.includes(n));
    expect(waveOf("7")).toBeGreaterThan(waveOf("6"));
    expect(diagnostics.filter((d) => d.code === "unknown-milestone" || d.code === "dependency-cycle")).toEqual([]);
  });

  test("external dependencies are kept whole, reported uncut, and shown in the phase and the Milestone Dependencies section", async () => {
    const loaded = await load();
    const external = loaded.vision.plan!.milestones.filter((m) => m.external?.length).map((m) => [m.number, m.external]);
    expect(external).toEqual([
      ["3", ["a signed SMS provider contract (ED-002)"]],
      ["8", ["sign-off by the pharmacy group's board"]],
    ]);
    expect(loaded.diagnostics.filter((d) => d.code === "external-dependency").map((d) => d.message)).toEqual([
      expect.stringContaining('"a signed SMS provider contract (ED-002)"') as string,
      expect.stringContaining(`"sign-off by the pharmacy group's board"`) as string,
    ]);
    const note = generate(loaded);
    expect(note).toMatch(/## Phase 5: Milestone 3 - SMS Delivery[^\n]*\n(?:[^\n]*\n){0,8}\*\*Depends on\*\*: Milestone 2 \(Phase 4\)\n\*\*External dependencies\*\*: a signed SMS provider contract \(ED-002\)\n/);
    expect(note).toContain("- **Milestone 8 (P3)**: Starts after Milestone 7 (Phase 9)\n  - External: sign-off by the pharmacy group's board\n");
  });

  test("calendar dates come from the Start Date under Milestone Overview; stated dates are not repeated", async () => {
    const note = generate(await load());
    expect(note).toContain("**Timeline**: Weeks 1-2 (2026-03-02 → 2026-03-15)");
    expect(note).toContain("**Timeline**: Weeks 3-4 (2026-03-16 → 2026-03-29)");
    expect(note).toContain("**Timeline**: Weeks 11-12 (2026-05-11 → 2026-05-24)");
    expect(note).toContain("**Timeline**: 2026-05-25 to 2026-05-29\n");
  });

  test("the execute note matches its approved file", async () => {
    const note = generate(await load());
    if (process.env.UPDATE_APPROVALS) writeFileSync(APPROVAL, note);
    if (!existsSync(APPROVAL)) {
      writeFileSync(APPROVAL, note);
      throw new Error(`New approval file ${APPROVAL} written: review it line by line and commit it.`);
    }
    expect(note).toBe(readFileSync(APPROVAL, "utf8"));
  });
});
