import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NodeFiles } from "../src/cli/node-files";
import { buildExecutionPlan } from "../src/core/generate/plan-model";
import { renderExecuteNote } from "../src/core/generate/render";
import { type LoadedVision, loadVision } from "../src/core/vision/load";
import { scanVisions } from "../src/core/workspace";

export const EXAMPLES = join(__dirname, "..", "examples", "vault");
export const UNSEEN = join(__dirname, "fixtures", "visions-unseen");
/** A fixed generation date so approval files do not change from day to day. */
export const TODAY = new Date(2026, 10, 24);

export async function loadAll(root: string): Promise<LoadedVision[]> {
  const files = new NodeFiles(root);
  const { refs } = await scanVisions(files);
  return Promise.all(refs.filter((r) => r.kind === "vision").map((r) => loadVision(r, (p) => files.read(p))));
}

export async function loadOne(root: string, id: string): Promise<LoadedVision> {
  const found = (await loadAll(root)).find((l) => l.vision.ref.id === id);
  if (!found) throw new Error(`no vision ${id} in ${root}`);
  return found;
}

export function generate(loaded: LoadedVision): string {
  return renderExecuteNote(loaded.vision, buildExecutionPlan(loaded.vision), { today: TODAY });
}

/** A scratch copy of a folder, removed by the returned cleanup function. */
export function scratchCopy(source: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "intentk-test-"));
  cpSync(source, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function scratchDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "intentk-test-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
