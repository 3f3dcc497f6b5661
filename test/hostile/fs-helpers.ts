import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { TODAY } from "../helpers";

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** The CLI in this process, on a fixed day. */
export async function intentk(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), today: TODAY });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The CLI bundled as `npm run build` bundles it, into a temp folder (removed with `cleanup`). */
export async function buildCli(): Promise<{ cli: string; cleanup: () => void }> {
  // Loaded here: esbuild does not run under the jsdom environment that other users of this file need.
  const { buildSync } = await import("esbuild");
  const dir = mkdtempSync(join(tmpdir(), "intentk-cli-"));
  const cli = join(dir, "cli.js");
  buildSync({ entryPoints: [join(__dirname, "..", "..", "src", "cli", "main.ts")], bundle: true, format: "cjs", platform: "node", target: "node20", outfile: cli, logLevel: "silent" });
  return { cli, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The built CLI as a separate process. */
export function spawnCli(cli: string, args: string[], env: Record<string, string> = {}, wrapper: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const [command, ...rest] = [...wrapper, process.execPath, cli, ...args];
    const child = spawn(command, rest, { env: { ...process.env, ...env } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** Whether chmod stops this process (it does not stop the super-user, as in CI). */
export const PERMISSIONS_ENFORCED = typeof process.getuid === "function" && process.getuid() !== 0;

/** Task lines of an execute note: `- [ ] T012 …` / `- [x] T012 …`. */
export function taskIds(note: string): string[] {
  return [...note.matchAll(/^\s*- \[[ xX]\] (T\d+)/gm)].map((m) => m[1]);
}

export function phaseHeadings(note: string): string[] {
  return note.split("\n").filter((l) => l.startsWith("## Phase"));
}

/** The note has no task twice: no ID, no description, no phase heading. */
export function expectNoDuplicates(note: string): void {
  const ids = taskIds(note);
  expect(new Set(ids).size).toBe(ids.length);
  const descriptions = [...note.matchAll(/^\s*- \[[ xX]\] T\d+ (.*?)(?: \^t\d+)?$/gm)].map((m) => m[1].replace(/\(depends on[^)]*\)/g, "").trim());
  expect(descriptions.filter((d, i) => descriptions.indexOf(d) !== i)).toEqual([]);
  const phases = phaseHeadings(note);
  expect(new Set(phases).size).toBe(phases.length);
}

export const readText = (path: string): string => readFileSync(path, "utf8");
