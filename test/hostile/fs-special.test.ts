/**
 * One bad note never blocks the rest: special files are never opened (a FIFO would block a read
 * forever), unreadable notes are skipped with a warning naming them, a note that is not UTF-8 is
 * never rewritten, a read-only execute note is reported and not replaced.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EXAMPLES, scratchCopy } from "../helpers";
import { intentk, readText } from "./fs-helpers";

// Real processes and disks on a shared machine: generous, never an assertion about time.
jest.setTimeout(60000);

const V1 = "visions/001-team-reading-list";
const V2 = "visions/002-offline-notes-sync";

let vault: { dir: string; cleanup: () => void };
const file = (p: string): string => join(vault.dir, p);
beforeEach(() => {
  vault = scratchCopy(EXAMPLES);
});
afterEach(() => {
  chmodSync(vault.dir, 0o755);
  vault.cleanup();
});

const mkfifo = (p: string): void => {
  execFileSync("mkfifo", [p]);
};

/** scan, check and generate all finish, name the skipped note, and still handle vision 001. */
async function expectOthersCarryOn(skipped: string, why: RegExp): Promise<void> {
  const scan = await intentk("scan", vault.dir);
  expect(scan.out).toContain("001-team-reading-list");
  expect(scan.err).toContain(skipped);
  expect(scan.err).toMatch(why);
  const check = await intentk("check", vault.dir);
  expect(check.code).not.toBe(2);
  expect(`${check.out}\n${check.err}`).toContain(skipped);
  const generate = await intentk("generate", vault.dir);
  expect(generate.err).toContain(skipped);
  expect(readText(file(`${V1}/execute.md`))).toContain("## Phase 3");
  for (const r of [scan, check, generate]) expect(`${r.out}\n${r.err}`).not.toMatch(/unexpected error|\n\s+at /);
}

test("a FIFO note, and a note symlinked to a FIFO, are skipped with a warning instead of blocking scan forever", async () => {
  mkfifo(file("pipe.md"));
  mkfifo(file("elsewhere-pipe"));
  symlinkSync(file("elsewhere-pipe"), file(`${V2}/goal.md`));
  await expectOthersCarryOn("pipe.md", /named pipe \(FIFO\), which is never opened/);
  const scan = await intentk("scan", vault.dir);
  expect(scan.err).toContain(`${V2}/goal.md: skipped: a symlink to a named pipe (FIFO)`);
});

test("a folder named like a note is skipped", async () => {
  mkdirSync(file(`${V2}/goal.md`));
  writeFileSync(file(`${V2}/goal.md/inside.md`), "# inside\n");
  const r = await intentk("generate", vault.dir);
  expect(r.code).toBe(0);
  expect(readText(file(`${V2}/execute.md`))).toContain("Background Sync");
});

test("a dangling symlink is skipped with a warning naming it", async () => {
  symlinkSync(file("nowhere.md"), file(`${V2}/goal.md`));
  await expectOthersCarryOn(`${V2}/goal.md`, /dangling symlink/);
});

test("a looping symlink is skipped with a warning naming it", async () => {
  symlinkSync(file("loop-b.md"), file("loop-a.md"));
  symlinkSync(file("loop-a.md"), file("loop-b.md"));
  await expectOthersCarryOn("loop-a.md", /symlink that loops/);
});

test("a symlinked folder that loops back on itself is walked once", async () => {
  symlinkSync(vault.dir, file("visions/back-to-root"));
  const r = await intentk("scan", vault.dir, "--json");
  expect(r.code).toBe(0);
  expect((JSON.parse(r.out) as { visions: { id: string }[] }).visions.map((v) => v.id)).toEqual(["001-team-reading-list", "002-offline-notes-sync", "003-field-survey-app"]);
});

// A note this user may not read: fs-permissions.test.ts.

test("an execute note holding bytes that are not UTF-8 is reported with byte and line, and never rewritten (nor its backup made from U+FFFD)", async () => {
  expect((await intentk("generate", vault.dir, "--vision", "002")).code).toBe(0);
  const note = file(`${V2}/execute.md`);
  const text = readFileSync(note);
  const at = text.indexOf("\n## ") + 1;
  const bytes = Buffer.concat([text.subarray(0, at), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), text.subarray(at)]);
  writeFileSync(note, bytes);
  const line = text.subarray(0, at).toString("utf8").split("\n").length;
  writeFileSync(file(`${V2}/plan.md`), readText(file(`${V2}/plan.md`)).replace("## Milestone 2: Background Sync", "## Milestone 2: Background Upload"));
  const r = await intentk("generate", vault.dir, "--vision", "002");
  expect(r.code).toBe(1);
  expect(r.err).toContain(`${V2}/execute.md: holds bytes that are not UTF-8 at byte ${at + 3} (line ${line})`);
  expect(r.err).toContain(`not written ${V2}/execute.md`);
  expect(readFileSync(note).equals(bytes)).toBe(true);
  expect(() => readFileSync(file(".intentk/backups/visions_002-offline-notes-sync"))).toThrow();
});

test("a plan with a stray Latin-1 byte is still read (with a warning), the note is generated", async () => {
  const plan = file(`${V2}/plan.md`);
  writeFileSync(plan, Buffer.concat([Buffer.from("# Plan caf"), Buffer.from([0xe9]), Buffer.from(`\n${readText(plan)}`)]));
  const r = await intentk("generate", vault.dir, "--vision", "002");
  expect(r.code).toBe(0);
  expect(r.err).toContain(`${V2}/plan.md: holds bytes that are not UTF-8 at byte 10 (line 1)`);
  expect(readFileSync(plan)[10]).toBe(0xe9);
});

test("a read-only execute note is reported and not replaced (mode bits: also when run as root)", async () => {
  expect((await intentk("generate", vault.dir, "--vision", "002")).code).toBe(0);
  const note = file(`${V2}/execute.md`);
  const before = readText(note);
  chmodSync(note, 0o444);
  writeFileSync(file(`${V2}/plan.md`), readText(file(`${V2}/plan.md`)).replace("## Milestone 2: Background Sync", "## Milestone 2: Background Upload"));
  const r = await intentk("generate", vault.dir);
  expect(r.code).toBe(1);
  expect(r.err).toBe(`not written ${V2}/execute.md: ${V2}/execute.md is read-only; not replaced: make it writable (chmod u+w) to update it.`);
  expect(readText(note)).toBe(before);
  // The other visions were written.
  expect(readText(file(`${V1}/execute.md`))).toContain("## Phase 3");
  chmodSync(note, 0o644);
});

test("a FIFO whose name holds a newline gets a one-line warning", async () => {
  mkfifo(file("two\nlines.md"));
  const r = await intentk("scan", vault.dir);
  expect(r.code).toBe(0);
  expect(r.err).toBe("intentk scan: warning: two\\nlines.md: skipped: a named pipe (FIFO), which is never opened");
});
