import { type Diagnostic } from "../core/diagnostics";
import type { FileAccess } from "../core/files";
import type { DetectOptions } from "../core/vision/detect";
import { type LoadedVision, loadVision } from "../core/vision/load";
import { scanVisions } from "../core/workspace";
import { CliError } from "./command";

export interface LoadedFolder {
  files: FileAccess;
  visions: LoadedVision[];
  /** Diagnostics of detection itself (duplicate documents…). */
  diagnostics: Diagnostic[];
}

/** Scans a folder and loads the visions in it (or only the one whose id or number is given). */
export async function loadFolder(files: FileAccess, only?: string, options: DetectOptions = {}): Promise<LoadedFolder> {
  const scan = await scanVisions(files, options);
  let refs = scan.refs.filter((r) => r.kind === "vision");
  if (only !== undefined) {
    refs = refs.filter((r) => r.id === only || r.id.startsWith(`${only}-`) || r.folder === only);
    if (refs.length === 0) throw new CliError(`No vision "${only}" here; run "intentk scan" to list the visions found.`);
  }
  const visions: LoadedVision[] = [];
  for (const ref of refs) visions.push(await loadVision(ref, (p) => files.read(p)));
  return { files, visions, diagnostics: scan.diagnostics };
}
