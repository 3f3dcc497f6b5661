/**
 * Nothing is written or deleted outside the folder the CLI was given: symlinks out of it are read
 * but never written through (unless --follow-symlinks), `.intentk` is never reached through a
 * symlink, backup pruning removes only its own files, and unsafe folder names are never paths.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLES, scratchCopy } from "../helpers";
import { expectNoDuplicates, intentk, readText } from "./fs-helpers";

// Real processes and disks on a shared machine: generous, never an assertion about time.
jest.setTimeout(60000);

const V1 = "visions/001-team-reading-list";
const V2 = "visions/002-offline-notes-sync";

let vault: { dir: string; cleanup: () => void };
let outside: string;
const file = (p: string): string => join(vault.dir, p);
beforeEach(() => {
  vault = scratchCopy(EXAMPLES);
  outside = mkdtempSync(join(tmpdir(), "intentk-outside-"));
});
afterEach(() => {
  vault.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

/** Renames a milestone so the next generate rewrites the note (a backup and a new base). */
function changePlan(folder: string, from: string, to: string): void {
  writeFileSync(file(`${folder}/plan.md`), readText(file(`${folder}/plan.md`)).replace(from, to));
}

function outsideFiles(): Record<string, string> {
  return Object.fromEntries(readdirSync(outside).map((n) => [n, readFileSync(join(outside, n), "utf8")]));
}

test(".intentk/backups/<id> symlinked to an outside folder: nothing there is deleted or added", async () => {
  expect((await intentk("generate", vault.dir, "--vision", "002")).code).toBe(0);
  for (let i = 0; i < 10; i++) writeFileSync(join(outside, `2026010${i % 10}-000000-00${i}-execute.md`), `keep ${i}`);
  const before = outsideFiles();
  mkdirSync(file(".intentk/backups"), { recursive: true });
  symlinkSync(outside, file(".intentk/backups/visions_002-offline-notes-sync"));
  changePlan(V2, "## Milestone 2: Background Sync", "## Milestone 2: Background Upload");
  const r = await intentk("generate", vault.dir, "--vision", "002", "--keep-backups", "1");
  expect(r.code).toBe(1);
  expect(r.err).toContain(".intentk/backups/visions_002-offline-notes-sync is a symlink");
  expect(r.err.split("\n")).toHaveLength(1);
  expect(outsideFiles()).toEqual(before);
});

test(".intentk/bases/<id>.md symlinked to an outside file: the file is not overwritten", async () => {
  expect((await intentk("generate", vault.dir, "--vision", "002")).code).toBe(0);
  const victim = join(outside, "victim.md");
  writeFileSync(victim, "precious\n");
  rmSync(file(".intentk/bases/visions_002-offline-notes-sync.md"));
  symlinkSync(victim, file(".intentk/bases/visions_002-offline-notes-sync.md"));
  changePlan(V2, "## Milestone 2: Background Sync", "## Milestone 2: Background Upload");
  const r = await intentk("generate", vault.dir, "--vision", "002");
  expect(r.code).toBe(1);
  expect(r.err).toContain(".intentk/bases/visions_002-offline-notes-sync.md is a symlink");
  expect(readText(victim)).toBe("precious\n");
});

test(".intentk symlinked to an outside folder: refused before anything is written (exit 2)", async () => {
  symlinkSync(outside, file(".intentk"));
  const r = await intentk("generate", vault.dir);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^intentk generate: \.intentk is a symlink; .*replace it with a folder/);
  expect(r.err.split("\n")).toHaveLength(1);
  expect(readdirSync(outside)).toEqual([]);
  expect(existsSync(file(`${V1}/execute.md`))).toBe(false);
});

test("execute.md symlinked outside is read but not rewritten, also with --adopt; named in a one-line message", async () => {
  const victim = join(outside, "execute.md");
  writeFileSync(victim, "# Someone else's plan\n\n- [ ] T001 Theirs\n");
  symlinkSync(victim, file(`${V2}/execute.md`));
  for (const extra of [[], ["--adopt"]]) {
    const r = await intentk("generate", vault.dir, "--vision", "002", ...extra);
    expect(r.code).toBe(1);
    expect(readText(victim)).toBe("# Someone else's plan\n\n- [ ] T001 Theirs\n");
  }
  const adopt = await intentk("generate", vault.dir, "--vision", "002", "--adopt");
  expect(adopt.err).toContain(`not written ${V2}/execute.md: ${V2}/execute.md is a symlink to`);
  expect(adopt.err).toContain("--follow-symlinks");
});

test("a vision folder symlinked in from outside (a repository's visions/) is read, and written only with --follow-symlinks", async () => {
  const repo = join(outside, "002-linked");
  mkdirSync(repo);
  writeFileSync(join(repo, "plan.md"), readText(file(`${V2}/plan.md`)));
  symlinkSync(repo, file("visions/004-linked"));
  const scan = await intentk("scan", vault.dir);
  expect(scan.out).toContain("004-linked");
  const r = await intentk("generate", vault.dir, "--vision", "004");
  expect(r.code).toBe(1);
  expect(r.err).toContain("visions/004-linked/execute.md would be written into");
  expect(readdirSync(repo)).toEqual(["plan.md"]);
  const follow = await intentk("generate", vault.dir, "--vision", "004", "--follow-symlinks");
  expect(follow.code).toBe(0);
  expect(readdirSync(repo).sort()).toEqual(["execute.md", "plan.md"]);
});

test("plan.md symlinked outside is read (its milestones become phases) and never written", async () => {
  const plan = join(outside, "plan.md");
  writeFileSync(plan, readText(file(`${V2}/plan.md`)));
  rmSync(file(`${V2}/plan.md`));
  symlinkSync(plan, file(`${V2}/plan.md`));
  const before = readText(plan);
  const r = await intentk("generate", vault.dir, "--vision", "002");
  expect(r.code).toBe(0);
  expect(readText(file(`${V2}/execute.md`))).toContain("Background Sync");
  expect(readText(plan)).toBe(before);
});

test("backup pruning removes only the backups it wrote, never a user's file in the backups folder", async () => {
  expect((await intentk("generate", vault.dir, "--vision", "002")).code).toBe(0);
  const backups = file(".intentk/backups/visions_002-offline-notes-sync");
  mkdirSync(backups, { recursive: true });
  writeFileSync(join(backups, "my-notes.md"), "mine");
  writeFileSync(join(backups, "00000000-000000-001-old.txt"), "mine too");
  for (const title of ["Upload", "Push", "Send"]) {
    changePlan(V2, /## Milestone 2: Background \w+/.exec(readText(file(`${V2}/plan.md`)))![0], `## Milestone 2: Background ${title}`);
    expect((await intentk("generate", vault.dir, "--vision", "002", "--keep-backups", "1")).code).toBe(0);
  }
  const left = readdirSync(backups).sort();
  expect(left.filter((n) => n.endsWith("-execute.md"))).toHaveLength(1);
  expect(left).toEqual(expect.arrayContaining(["my-notes.md", "00000000-000000-001-old.txt"]));
});

describe("folder names that cannot become paths, links or YAML", () => {
  const names: [string, RegExp][] = [
    ["001-..\\..\\..\\x", /backslash/],
    ["001-back\\slash", /backslash/],
    ["001-a..b", /"\.\."/],
    ["001-tours #2", /breaks wikilinks/],
    ["001-kids | adults", /breaks wikilinks/],
    ["001-beta [x]", /breaks wikilinks/],
    ["001-ref^1", /breaks wikilinks/],
    ['001-say "hi"', /double quote/],
    ["001-line\nbreak", /control character/],
    ["001-carriage\rreturn", /control character/],
  ];
  test.each(names)("%j: check names the file, what is wrong and what to rename it to; generate writes nothing through it", async (name, what) => {
    mkdirSync(file(`visions/${name}`));
    writeFileSync(file(`visions/${name}/plan.md`), readText(file(`${V2}/plan.md`)));
    const check = await intentk("check", vault.dir);
    expect(check.code).toBe(1);
    const line = check.out.split("\n").find((l) => l.includes("[unsafe-folder-name]"));
    expect(line).toBeDefined();
    expect(line).toMatch(what);
    expect(line).toMatch(/^visions\/.*plan\.md:1: error: .*rename it to "001-[^"\\#|^[\]]*"/);
    const r = await intentk("generate", vault.dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain("[unsafe-folder-name]");
    expect(existsSync(file(`visions/${name}/execute.md`))).toBe(false);
    expect(existsSync(file("x"))).toBe(false);
    expect(readdirSync(file("visions")).filter((n) => n.startsWith("001-")).sort()).toEqual([name, "001-team-reading-list"].sort());
    // The other visions are generated as usual.
    expect(existsSync(file(`${V1}/execute.md`))).toBe(true);
    expectNoDuplicates(readText(file(`${V1}/execute.md`)));
  });
});

test('a note named "..notes.md" is inside the folder: scan, check and generate carry on', async () => {
  writeFileSync(file("..notes.md"), "# dots\n");
  writeFileSync(file(`${V1}/..notes.md`), "# dots\n");
  expect((await intentk("scan", vault.dir)).code).toBe(0);
  const r = await intentk("generate", vault.dir);
  expect(r.code).toBe(0);
  expect(r.err).not.toContain("outside");
});

test("a symlink to a folder outside that is no visions/ or specs/ folder (a home folder, /) is not walked", async () => {
  mkdirSync(join(outside, "visions", "009-far"), { recursive: true });
  writeFileSync(join(outside, "visions", "009-far", "plan.md"), readText(file(`${V2}/plan.md`)));
  symlinkSync(outside, file("home"));
  const r = await intentk("scan", vault.dir);
  expect(r.code).toBe(0);
  expect(r.out).not.toContain("009-far");
  expect(r.err).toContain("warning: home: skipped: a symlink to a folder outside");
  // Linking its visions/ folder in is what a user does on purpose: that one is read.
  symlinkSync(join(outside, "visions"), file("linked-visions"));
  expect((await intentk("scan", vault.dir)).out).not.toContain("009-far");
  rmSync(file("linked-visions"));
  mkdirSync(file("repo"));
  symlinkSync(join(outside, "visions"), file("repo/visions"));
  expect((await intentk("scan", vault.dir)).out).toContain("009-far");
});
