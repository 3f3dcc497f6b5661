/**
 * One writer per folder (a lock in .intentk, taken over when stale), and a run stopped between
 * writing the merge base and the note never causes duplicate tasks later.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { EXAMPLES, scratchCopy } from "../helpers";
import { buildCli, expectNoDuplicates, intentk, readText, spawnCli, taskIds } from "./fs-helpers";

// Real processes and disks on a shared machine: generous, never an assertion about time.
jest.setTimeout(60000);

const V2 = "visions/002-offline-notes-sync";
const BASE = ".intentk/bases/visions_002-offline-notes-sync";

let cli: { cli: string; cleanup: () => void };
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(() => cli.cleanup());

let vault: { dir: string; cleanup: () => void };
const file = (p: string): string => join(vault.dir, p);
beforeEach(() => {
  vault = scratchCopy(EXAMPLES);
});
afterEach(() => vault.cleanup());

/** Adds a deliverable to milestone 2: the next generation has one new task. */
function addDeliverable(text: string): void {
  const plan = file(`${V2}/plan.md`);
  writeFileSync(plan, readText(plan).replace("  - Conflict copy when both devices", `  - ${text} in \`src/sync/${text.length}.ts\`\n  - Conflict copy when both devices`));
}

function tick(id: string): void {
  const note = file(`${V2}/execute.md`);
  const before = readText(note);
  writeFileSync(note, before.replace(`- [ ] ${id} `, `- [x] ${id} `));
  expect(readText(note)).not.toBe(before);
}

/** What a clean generation of the current plan holds: the tasks a merged note must have, once each. */
async function freshTaskCount(): Promise<number> {
  const clean = scratchCopy(vault.dir);
  try {
    const { rmSync } = await import("node:fs");
    rmSync(join(clean.dir, ".intentk"), { recursive: true, force: true });
    rmSync(join(clean.dir, `${V2}/execute.md`), { force: true });
    await intentk("generate", clean.dir, "--vision", "002");
    return taskIds(readText(join(clean.dir, `${V2}/execute.md`))).length;
  } finally {
    clean.cleanup();
  }
}

function expectSound(ticked: string[]): string {
  const note = readText(file(`${V2}/execute.md`));
  expectNoDuplicates(note);
  for (const id of ticked) expect(note).toContain(`- [x] ${id} `);
  return note;
}

test("two concurrent generate runs (two processes) never duplicate tasks; the one that finds the folder busy says so in one line", async () => {
  expect((await intentk("generate", vault.dir, "--vision", "002")).code).toBe(0);
  const ticked: string[] = [];
  for (const round of ["Retry backoff", "Offline banner", "Sync log"]) {
    const id = taskIds(readText(file(`${V2}/execute.md`)))[ticked.length];
    tick(id);
    ticked.push(id);
    addDeliverable(round);
    const runs = await Promise.all([0, 1].map(() => spawnCli(cli.cli, ["generate", vault.dir, "--vision", "002"])));
    for (const r of runs) {
      expect([0, 2]).toContain(r.code);
      if (r.code === 2) expect(r.err).toMatch(/^intentk generate: \.intentk\/lock: another intentk run is writing in this folder \((process \d+ .*|a run that is starting)\); wait for it to end and run again/);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(runs.some((r) => r.code === 0)).toBe(true);
    // Whichever order they ran in, a later run settles and nothing is ever twice.
    expect((await intentk("generate", vault.dir, "--vision", "002")).code).toBe(0);
    const note = expectSound(ticked);
    expect(note).toContain(`Deliver ${round.toLowerCase()}`);
  }
  expect(taskIds(readText(file(`${V2}/execute.md`)))).toHaveLength(await freshTaskCount());
  expect(existsSync(file(".intentk/lock"))).toBe(false);
}, 120000);

test("a run killed between saving the base and writing the note causes no duplicate later (and its lock is taken over)", async () => {
  expect((await intentk("generate", vault.dir, "--vision", "002")).code).toBe(0);
  const id = taskIds(readText(file(`${V2}/execute.md`)))[2];
  tick(id);
  const before = readText(file(`${V2}/execute.md`));
  addDeliverable("Retry backoff");
  const killed = await spawnCli(cli.cli, ["generate", vault.dir, "--vision", "002"], { INTENTK_FAULT: "after-base" });
  expect(killed.code).toBe(137);
  expect(readText(file(`${V2}/execute.md`))).toBe(before);
  expect(existsSync(file(".intentk/lock"))).toBe(true);
  const next = await spawnCli(cli.cli, ["generate", vault.dir, "--vision", "002"]);
  expect(next.code).toBe(0);
  expect(next.err).toMatch(/took over a stale lock \(process \d+ has ended\)/);
  const note = expectSound([id]);
  expect(note).toContain("Deliver retry backoff");
  expect(taskIds(note)).toHaveLength(await freshTaskCount());
  // And the run after that changes nothing.
  expect((await intentk("generate", vault.dir, "--vision", "002")).out).toContain("unchanged");
}, 60000);

test("a base older than the note (a crash after the note, before the base, in an older version; a failed save) causes no duplicate", async () => {
  expect((await intentk("generate", vault.dir, "--vision", "002")).code).toBe(0);
  copyFileSync(file(`${BASE}.md`), file("old-base.md"));
  copyFileSync(file(`${BASE}.json`), file("old-base.json"));
  addDeliverable("Retry backoff");
  expect((await intentk("generate", vault.dir, "--vision", "002")).code).toBe(0);
  const id = taskIds(readText(file(`${V2}/execute.md`)))[3];
  tick(id);
  // The note is from the new generation, the base from the old one.
  copyFileSync(file("old-base.md"), file(`${BASE}.md`));
  copyFileSync(file("old-base.json"), file(`${BASE}.json`));
  addDeliverable("Offline banner");
  const r = await intentk("generate", vault.dir, "--vision", "002");
  expect(r.code).toBe(0);
  const note = expectSound([id]);
  expect(note).toContain("Deliver retry backoff");
  expect(note).toContain("Deliver offline banner");
  expect(taskIds(note)).toHaveLength(await freshTaskCount());
  const again = await intentk("generate", vault.dir, "--vision", "002");
  expect(again.out).toContain("unchanged");
  expectSound([id]);
});

describe("the lock", () => {
  const lock = (): string => file(".intentk/lock");
  const writeLock = (pid: number, time: Date): void => {
    mkdirSync(file(".intentk"), { recursive: true });
    writeFileSync(lock(), JSON.stringify({ pid, host: hostname(), time: time.toISOString() }));
  };

  test("a folder locked by a running process: one line, exit 2, nothing written", async () => {
    writeLock(process.pid, new Date());
    const r = await intentk("generate", vault.dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`intentk generate: .intentk/lock: another intentk run is writing in this folder (process ${process.pid} on ${hostname()}, since ${(JSON.parse(readText(lock())) as { time: string }).time}); wait for it to end and run again (remove the lock only if that run is gone).`);
    expect(readdirSync(file(V2))).toEqual(["plan.md"]);
    // A dry run writes nothing and does not need the lock.
    expect((await intentk("generate", vault.dir, "--dry-run")).code).toBe(0);
  });

  test("a lock whose process has ended, or that is hours old, is taken over with a warning; the lock is removed after the run", async () => {
    const ended = await spawnCli(cli.cli, ["--help"]);
    expect(ended.code).toBe(0);
    const { spawnSync } = await import("node:child_process");
    const deadPid = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    writeLock(Number(deadPid), new Date());
    const first = await intentk("generate", vault.dir, "--vision", "002");
    expect(first.code).toBe(0);
    expect(first.err).toContain(`took over a stale lock (process ${deadPid} has ended)`);
    expect(existsSync(lock())).toBe(false);
    writeLock(process.pid, new Date(Date.now() - 3 * 60 * 60 * 1000));
    const second = await intentk("generate", vault.dir, "--vision", "002");
    expect(second.code).toBe(0);
    expect(second.err).toContain("took over a stale lock (it is older than 30 minutes)");
    expect(existsSync(lock())).toBe(false);
  });
});

describe("output piped into a command that stops reading (`| head -1`)", () => {
  test("the run still writes every note and releases the lock", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [cli.cli, "generate", vault.dir], { stdio: ["ignore", "pipe", "pipe"] });
    // Read the first line, then close the pipe as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(existsSync(file(".intentk/lock"))).toBe(false);
    for (const v of ["visions/001-team-reading-list", V2, "visions/003-field-survey-app"]) expect(existsSync(file(`${v}/execute.md`))).toBe(true);
  });
});
