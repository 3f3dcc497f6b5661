/**
 * Permission errors, reported in one line before anything is written. chmod does not stop the
 * super-user, so when these tests run as root (as in CI) the CLI is run as "nobody" through
 * setpriv; without either they are skipped.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { EXAMPLES, scratchCopy } from "../helpers";
import { PERMISSIONS_ENFORCED, type Run, buildCli, spawnCli } from "./fs-helpers";

// Real processes and disks on a shared machine: generous, never an assertion about time.
jest.setTimeout(60000);

const V1 = "visions/001-team-reading-list";
const V2 = "visions/002-offline-notes-sync";

const asRoot = !PERMISSIONS_ENFORCED;
const setpriv = asRoot && spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "true"]).status === 0;
const runnable = PERMISSIONS_ENFORCED || setpriv;
const maybe = runnable ? test : test.skip;

let cli: { cli: string; cleanup: () => void };
let vault: { dir: string; cleanup: () => void };
const file = (p: string): string => join(vault.dir, p);
beforeAll(async () => {
  cli = await buildCli();
  chmodSync(join(cli.cli, ".."), 0o755);
});
afterAll(() => cli.cleanup());
beforeEach(() => {
  vault = scratchCopy(EXAMPLES);
  // Everything writable by the unprivileged user first; each test then takes one permission away.
  if (setpriv) execFileSync("chmod", ["-R", "a+rwX", vault.dir]);
});
afterEach(() => {
  execFileSync("chmod", ["-R", "u+rwX", vault.dir]);
  vault.cleanup();
});

/** The built CLI, as a user whom chmod stops. */
function run(...args: string[]): Promise<Run> {
  if (!setpriv) return spawnCli(cli.cli, args);
  return spawnCli(cli.cli, args, {}, ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]);
}

const noExecuteNotes = (): void => {
  for (const v of readdirSync(file("visions"))) expect(existsSync(file(`visions/${v}/execute.md`))).toBe(false);
};
const oneLine = (text: string): void => {
  expect(text.trim().split("\n")).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at |unexpected error/);
};

maybe("a read-only folder root: one line, exit 2, nothing written", async () => {
  chmodSync(vault.dir, 0o555);
  const r = await run("generate", vault.dir);
  expect(r.code).toBe(2);
  oneLine(r.err);
  expect(r.err).toMatch(/permission denied/);
  noExecuteNotes();
});

maybe("a read-only .intentk: one line, exit 2, nothing written", async () => {
  mkdirSync(file(".intentk"));
  chmodSync(file(".intentk"), 0o555);
  const r = await run("generate", vault.dir);
  expect(r.code).toBe(2);
  oneLine(r.err);
  expect(r.err).toMatch(/\.intentk.*permission denied/);
  noExecuteNotes();
});

maybe("a read-only vision folder: reported (exit 1) before anything is written; the other visions are generated", async () => {
  chmodSync(file(V2), 0o555);
  const r = await run("generate", vault.dir);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(new RegExp(`^not written ${V2}/execute.md: .*permission denied.*$`, "m"));
  expect(existsSync(file(`${V1}/execute.md`))).toBe(true);
  expect(existsSync(file(`${V2}/execute.md`))).toBe(false);
});

maybe("a note this user may not read, and a folder it may not open: skipped with a warning naming them; the rest is generated", async () => {
  chmodSync(file(`${V1}/goal.md`), 0o000);
  chmodSync(file("visions/003-field-survey-app"), 0o000);
  for (const command of ["scan", "check", "generate"]) {
    const r = await run(command, vault.dir);
    expect(r.code).not.toBe(2);
    expect(`${r.out}\n${r.err}`).toMatch(new RegExp(`${V1}/goal\\.md.*cannot read it: permission denied`));
    expect(r.err).toContain("visions/003-field-survey-app: skipped: cannot read this folder: permission denied");
    expect(`${r.out}${r.err}`).not.toMatch(/\n\s+at |unexpected error/);
  }
  expect(existsSync(file(`${V1}/execute.md`))).toBe(true);
  expect(existsSync(file(`${V2}/execute.md`))).toBe(true);
});

maybe("a folder root this user may not list: scan says so in one line, exit 2", async () => {
  chmodSync(vault.dir, 0o311);
  const r = await run("scan", vault.dir);
  expect(r.code).toBe(2);
  oneLine(r.err);
  expect(r.err).toMatch(/cannot read this folder: permission denied/);
});
