/**
 * `intentk generate` merges into execute notes instead of refusing them, keeps its merge bases and
 * backups in `.intentk/`, previews with `--dry-run`, adopts foreign notes only with `--adopt`; and
 * `intentk check` says when an execute note is out of date.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { EXAMPLES, TODAY, scratchCopy } from "../helpers";

async function intentk(today: Date, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), today });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const LATER = new Date(2026, 11, 3);
const V1 = "visions/001-team-reading-list";

describe("intentk generate merges into execute notes", () => {
  let vault: { dir: string; cleanup: () => void };
  const file = (p: string): string => join(vault.dir, p);
  const read = (p: string): string => readFileSync(file(p), "utf8");
  const renameMilestone3 = (): void => writeFileSync(file(`${V1}/plan.md`), read(`${V1}/plan.md`).replace("## Milestone 3: Reading Status", "## Milestone 3: Reading Progress"));
  beforeEach(() => {
    vault = scratchCopy(EXAMPLES);
  });
  afterEach(() => vault.cleanup());

  test("an edited note is kept as the user left it when the plan did not change, and its base is stored", async () => {
    const first = await intentk(TODAY, "generate", vault.dir, "--vision", "001");
    expect(first.code).toBe(0);
    const generated = read(`${V1}/execute.md`);
    expect(read(".intentk/bases/visions_001-team-reading-list.md")).toBe(generated);
    const ids = JSON.parse(read(".intentk/bases/visions_001-team-reading-list.json")) as { ids: Record<string, string> };
    expect(Object.values(ids.ids)).toContain("T079");

    const edited = generated.replace("- [ ] T012", "- [x] T012").replace("### Tasks for Milestone 2\n", "### Tasks for Milestone 2\nPair with Sam on this.\n");
    writeFileSync(file(`${V1}/execute.md`), edited);
    const r = await intentk(LATER, "generate", vault.dir, "--vision", "001");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`unchanged ${V1}/execute.md (79 tasks)`);
    expect(read(`${V1}/execute.md`)).toBe(edited);
  });

  test("after a plan change, the merged note keeps checkmarks and the user's lines, follows the plan, and a backup is kept", async () => {
    await intentk(TODAY, "generate", vault.dir, "--vision", "001");
    const edited = read(`${V1}/execute.md`).replace("- [ ] T012", "- [x] T012").replace("### Tasks for Milestone 3\n", "### Tasks for Milestone 3\nPair with Sam on this.\n");
    writeFileSync(file(`${V1}/execute.md`), edited);
    renameMilestone3();

    const r = await intentk(LATER, "generate", vault.dir, "--vision", "001");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^updated ${V1}/execute\\.md \\(79 tasks\\)$`, "m"));
    expect(r.out).toMatch(/note: the previous version is kept in \.intentk\/backups\/visions_001-team-reading-list\/\d{8}-\d{6}-001-execute\.md/);
    const merged = read(`${V1}/execute.md`);
    expect(merged).toMatch(/^- \[x\] T012 /m);
    expect(merged).toContain("### Tasks for Milestone 3\nPair with Sam on this.\n");
    expect(merged).toMatch(/^## Phase \d+: Milestone 3 - Reading Progress \(Priority: P2\)$/m);
    expect(merged).toContain(`[[${V1}/plan#Milestone 3: Reading Progress (Priority: P2)|M3]]`);
    const backups = readdirSync(file(".intentk/backups/visions_001-team-reading-list"));
    expect(backups).toHaveLength(1);
    expect(read(`.intentk/backups/visions_001-team-reading-list/${backups[0]}`)).toBe(edited);

    const again = await intentk(new Date(2026, 11, 9), "generate", vault.dir, "--vision", "001");
    expect(again.out).toContain(`unchanged ${V1}/execute.md`);
    expect(read(`${V1}/execute.md`)).toBe(merged);
  });

  test("--dry-run prints a unified diff and the report, and writes nothing", async () => {
    await intentk(TODAY, "generate", vault.dir, "--vision", "001");
    const before = read(`${V1}/execute.md`);
    const base = read(".intentk/bases/visions_001-team-reading-list.md");
    renameMilestone3();
    const r = await intentk(LATER, "generate", vault.dir, "--vision", "001", "--dry-run");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`# would update ${V1}/execute.md`);
    expect(r.out).toContain(`--- a/${V1}/execute.md\n+++ b/${V1}/execute.md\n@@ -1,`);
    expect(r.out).toMatch(/^-## Phase \d+: Milestone 3 - Reading Status \(Priority: P2\)$/m);
    expect(r.out).toMatch(/^\+## Phase \d+: Milestone 3 - Reading Progress \(Priority: P2\)$/m);
    expect(read(`${V1}/execute.md`)).toBe(before);
    expect(read(".intentk/bases/visions_001-team-reading-list.md")).toBe(base);
    expect(existsSync(file(".intentk/backups"))).toBe(false);
  });

  test("an execution plan Intent Kit did not write is taken over only with --adopt, keeping every line", async () => {
    const mine = "# Tasks\n\nNotes from the kickoff.\n\n- [x] T001 Hand-written first step\n";
    writeFileSync(file("visions/002-offline-notes-sync/tasks.md"), mine);
    const refused = await intentk(TODAY, "generate", vault.dir, "--vision", "002");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("was not generated by Intent Kit");
    expect(refused.err).toContain("--adopt");
    expect(read("visions/002-offline-notes-sync/tasks.md")).toBe(mine);

    const adopted = await intentk(TODAY, "generate", vault.dir, "--vision", "002", "--adopt");
    expect(adopted.code).toBe(0);
    const merged = read("visions/002-offline-notes-sync/tasks.md");
    for (const line of mine.split("\n").filter(Boolean)) expect(merged).toContain(line);
    expect(merged).toContain("intentk: execute");
    expect(merged).toMatch(/^- \[ \] T\d+ \[P\] \[M1\] Deliver local note store/m);
    expect(merged).not.toMatch(/^- \[ \] T001 /m);
  });

  test("--keep-backups bounds how many previous versions are kept", async () => {
    await intentk(TODAY, "generate", vault.dir, "--vision", "001");
    const plan = `${V1}/plan.md`;
    for (const title of ["Reading Progress", "Reading Tracker", "Reading Log"]) {
      writeFileSync(file(plan), read(plan).replace(/## Milestone 3: Reading \w+/, `## Milestone 3: ${title}`));
      const r = await intentk(LATER, "generate", vault.dir, "--vision", "001", "--keep-backups", "2");
      expect(r.out).toContain("updated");
    }
    expect(readdirSync(file(".intentk/backups/visions_001-team-reading-list"))).toHaveLength(2);
    const bad = await intentk(LATER, "generate", vault.dir, "--keep-backups", "many");
    expect(bad.code).toBe(2);
  });

  test("check says which execute notes are out of date, and what changed in the plan", async () => {
    await intentk(TODAY, "generate", vault.dir, "--vision", "001");
    expect((await intentk(TODAY, "check", vault.dir, "--vision", "001")).out).toBe("");
    const plan = `${V1}/plan.md`;
    renameMilestone3();
    writeFileSync(file(plan), read(plan).replace("## Milestone 4:", "## Milestone 5: Reading Streaks (Priority: P3)\n\n- **Deliverables**:\n  - Streak counter\n\n---\n\n## Milestone 4:"));
    const r = await intentk(TODAY, "check", vault.dir, "--vision", "001");
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `${V1}/execute.md:1: warning: out of date: plan.md changed since generation (milestone 3 renamed "Reading Status" → "Reading Progress"; milestone 5 added); regenerate the execute note. [out-of-date]`,
    );
  });

  test("two visions with the same folder name in different places keep separate merge bases", async () => {
    const { cpSync, mkdirSync } = await import("node:fs");
    mkdirSync(file("teams/a"), { recursive: true });
    mkdirSync(file("teams/b"), { recursive: true });
    cpSync(file("visions"), file("teams/a/visions"), { recursive: true });
    cpSync(file("visions"), file("teams/b/visions"), { recursive: true });
    expect((await intentk(TODAY, "generate", vault.dir)).code).toBe(0);
    const a = "teams/a/visions/001-team-reading-list";
    writeFileSync(file(`${a}/execute.md`), read(`${a}/execute.md`).replace("- [ ] T012", "- [x] T012"));
    writeFileSync(file(`${a}/plan.md`), read(`${a}/plan.md`).replace("## Milestone 3: Reading Status", "## Milestone 3: Reading Progress"));
    const r = await intentk(LATER, "generate", vault.dir);
    expect(r.code).toBe(0);
    const note = read(`${a}/execute.md`);
    expect(note).toContain("- [x] T012");
    expect(note).toContain("## Phase 4: Milestone 3 - Reading Progress (Priority: P2)");
    expect(r.out).not.toMatch(/conflict/i);
    expect(read(".intentk/bases/teams_a_visions_001-team-reading-list.md")).not.toBe(read(".intentk/bases/teams_b_visions_001-team-reading-list.md"));
  }, 30000);

  test("--file-name never names a vision document, and an existing note at that name is merged, not overwritten", async () => {
    const plan = read("visions/002-offline-notes-sync/plan.md");
    const r = await intentk(TODAY, "generate", vault.dir, "--vision", "002", "--file-name", "plan.md");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--file-name must be a plain note name");
    expect(read("visions/002-offline-notes-sync/plan.md")).toBe(plan);
    expect((await intentk(TODAY, "generate", vault.dir, "--vision", "002", "--file-name", "../../README.md")).code).toBe(2);

    writeFileSync(file("visions/002-offline-notes-sync/run.md"), "# My own notes\n\n- [ ] T001 keep me\n");
    const taken = await intentk(TODAY, "generate", vault.dir, "--vision", "002", "--file-name", "run.md");
    expect(taken.code).toBe(1);
    expect(taken.err).toContain("was not generated by Intent Kit");
    expect(read("visions/002-offline-notes-sync/run.md")).toBe("# My own notes\n\n- [ ] T001 keep me\n");
  });

  test("renumbering milestones keeps every task's ID and checkmark", async () => {
    expect((await intentk(TODAY, "generate", vault.dir, "--vision", "001")).code).toBe(0);
    const before = read(`${V1}/execute.md`);
    const csv = /^- \[ \] (T\d+) \[P\] \[M2\] Deliver CSV export/m.exec(before)![1];
    writeFileSync(file(`${V1}/execute.md`), before.replace(`- [ ] ${csv} `, `- [x] ${csv} `));
    // Swap the numbers of Milestones 2 and 3 (and the references to them).
    const plan = read(`${V1}/plan.md`)
      .replace("## Milestone 2: Import & Export: CSV", "## Milestone @: Import & Export: CSV")
      .replace("## Milestone 3: Reading Status", "## Milestone 2: Reading Status")
      .replace("## Milestone @: Import & Export: CSV", "## Milestone 3: Import & Export: CSV")
      .replace("after Milestone 2 and Milestone 3", "after Milestone 3 and Milestone 2");
    writeFileSync(file(`${V1}/plan.md`), plan);
    expect((await intentk(LATER, "generate", vault.dir, "--vision", "001")).code).toBe(0);
    const after = read(`${V1}/execute.md`);
    expect(after).toMatch(new RegExp(`^- \\[x\\] ${csv} \\[P\\] \\[M3\\] Deliver CSV export`, "m"));
    expect(after).not.toContain("removed from plan");
    const ids = (text: string) => [...text.matchAll(/^- \[[ x]\] (T\d+)/gm)].map((m) => m[1]).sort();
    expect(ids(after)).toEqual(ids(before));
  });
});
