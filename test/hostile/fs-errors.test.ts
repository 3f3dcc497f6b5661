/**
 * Crash-free CLI: every failure is one line naming the file, what went wrong and what to do, exit
 * 1 (a problem found) or 2 (usage or environment), and no stack trace without --debug.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "../../src/cli/command";
import { errorLine } from "../../src/cli/fs-errors";
import { EXAMPLES, scratchCopy } from "../helpers";
import { expectNoDuplicates, intentk, readText } from "./fs-helpers";

// Real processes and disks on a shared machine: generous, never an assertion about time.
jest.setTimeout(60000);

const V2 = "visions/002-offline-notes-sync";

let vault: { dir: string; cleanup: () => void };
const file = (p: string): string => join(vault.dir, p);
beforeEach(() => {
  vault = scratchCopy(EXAMPLES);
});
afterEach(() => vault.cleanup());

const oneLine = (text: string): void => {
  expect(text.split("\n")).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at |unexpected error/);
};

test("--file-name longer than a file name may be: one line, exit 2, nothing written", async () => {
  const r = await intentk("generate", vault.dir, "--file-name", `${"x".repeat(300)}.md`);
  expect(r.code).toBe(2);
  oneLine(r.err);
  expect(r.err).toMatch(/--file-name is 303 bytes long; file names are limited to 200: give a shorter one\./);
  expect(existsSync(file(".intentk"))).toBe(false);
  expect(existsSync(file(`${V2}/execute.md`))).toBe(false);
});

test.each(["plan#2.md", "a|b.md", "x]].md", 'say "hi".md', "two\nlines.md", "../../x.md"])("--file-name %j that is no plain, linkable note name: one line, exit 2, nothing written", async (name) => {
  const r = await intentk("generate", vault.dir, "--file-name", name);
  expect(r.code).toBe(2);
  oneLine(r.err);
  expect(r.err).toContain("--file-name must be a plain note name");
  expect(existsSync(file(".intentk"))).toBe(false);
});

test("a vision folder with a very long name gets its note, and merge base and backups under short names", async () => {
  const long = `001-${"a-very-long-vision-name-".repeat(10)}end`;
  mkdirSync(file(`visions/${long}`));
  writeFileSync(file(`visions/${long}/plan.md`), readText(file(`${V2}/plan.md`)));
  const r = await intentk("generate", vault.dir, "--vision", long);
  expect(r.code).toBe(0);
  expectNoDuplicates(readText(file(`visions/${long}/execute.md`)));
  for (const name of readdirSync(file(".intentk/bases"))) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
  writeFileSync(file(`visions/${long}/plan.md`), readText(file(`visions/${long}/plan.md`)).replace("Background Sync", "Background Upload"));
  expect((await intentk("generate", vault.dir, "--vision", long)).code).toBe(0);
  expect(readdirSync(file(".intentk/backups"))).toHaveLength(1);
});

// Permission errors (read-only root, .intentk, vision folder; unreadable notes): fs-permissions.test.ts.

test("an unexpected error is one line, and its stack trace is printed only with --debug", () => {
  const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
  const line = errorLine(bug, false);
  oneLine(line.replace("unexpected error", "")); // the words are expected, the trace is not
  expect(line).toBe("unexpected error: Cannot read properties of undefined (reading 'x'); run again with --debug for the details and report it.");
  expect(errorLine(bug, true)).toMatch(/^unexpected error: TypeError: .*\n\s+at /);
  expect(errorLine(new CliError("a\nb"), false)).toBe("a b");
  const fsError = Object.assign(new Error("EACCES: permission denied, open '/v/x.md'"), { code: "EACCES", path: "/v/x.md" });
  expect(errorLine(fsError, false)).toBe("/v/x.md: cannot complete the run: permission denied; change the permissions (or run as a user who may) and run again (EACCES)");
});

test("--debug and --follow-symlinks are accepted by every command and listed in --help", async () => {
  const help = await intentk("--help");
  expect(help.out).toContain("--follow-symlinks");
  expect(help.out).toContain("--debug");
  for (const command of ["scan", "check"]) expect((await intentk(command, vault.dir, "--debug", "--follow-symlinks")).code).not.toBe(2);
});
