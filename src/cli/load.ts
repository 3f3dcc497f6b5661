import type { Diagnostic } from "../core/diagnostics";
import type { FileAccess } from "../core/files";
import type { DetectOptions } from "../core/vision/detect";
import type { VisionRef } from "../core/vision/model";
import { scanVisions } from "../core/workspace";
import { CliError } from "./command";

export interface FoundVisions {
  refs: VisionRef[];
  /** Diagnostics of detection itself (duplicate documents…). */
  diagnostics: Diagnostic[];
}

/** Scans a folder for visions (or only the one whose id, number or folder is given). */
export async function findVisions(files: FileAccess, only?: string, options: DetectOptions = {}): Promise<FoundVisions> {
  const scan = await scanVisions(files, options);
  let refs = scan.refs.filter((r) => r.kind === "vision");
  if (only !== undefined) {
    refs = refs.filter((r) => r.id === only || r.id.startsWith(`${only}-`) || r.folder === only);
    if (refs.length === 0) throw new CliError(`No vision "${only}" here; run "intentk scan" to list the visions found.`);
  }
  return { refs, diagnostics: scan.diagnostics };
}
