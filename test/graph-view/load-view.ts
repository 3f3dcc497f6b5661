import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Loads the phase graph view bundled with the local Obsidian stand-in. Jest maps `obsidian` to the
 * shared mock (test/obsidian-mock), which the graph view tests do not depend on: esbuild's alias
 * points `obsidian` at test/graph-view/obsidian-stub.ts instead, then the bundle is required
 * through jest from a temporary file, so it runs in the test's (jsdom) global scope. Install the DOM shim before constructing anything.
 * esbuild runs as a child process: its JS API refuses to run inside jest's jsdom realm.
 */
export type ViewBundle = typeof import("./view-entry");

export const STUB_PATH = join(__dirname, "obsidian-stub.ts");
export const ENTRY_PATH = join(__dirname, "view-entry.ts");

let cached: ViewBundle | undefined;

/** Bundle `entry` for the browser with `obsidian` aliased to the stand-in; returns the code. */
export function bundleViewSource(format: "cjs" | "iife", entry = ENTRY_PATH, globalName?: string): string {
  const options = { entryPoints: [entry], bundle: true, format, globalName, platform: "browser", target: "es2021", alias: { obsidian: STUB_PATH }, write: false, sourcemap: "inline", logLevel: "error" };
  const script = `require(${JSON.stringify(require.resolve("esbuild"))}).build(JSON.parse(process.argv[1])).then((r) => process.stdout.write(r.outputFiles[0].text), (e) => { console.error(e.message); process.exit(1); });`;
  return execFileSync(process.execPath, ["-e", script, JSON.stringify(options)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

export function loadViewBundle(): ViewBundle {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), "intentk-view-"));
  try {
    const file = join(dir, "view-bundle.js");
    writeFileSync(file, bundleViewSource("cjs"));
    cached = jest.requireActual<ViewBundle>(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return cached;
}
