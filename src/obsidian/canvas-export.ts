import { type App, type TFile, normalizePath } from "obsidian";
import { graphToCanvas, serializeCanvas } from "../core/graph/canvas";
import type { VisionEntry } from "./vision-index";

/**
 * "Export graph as Canvas": the phase graph of a vision as a `.canvas` file next to its execute
 * note. An existing canvas is never overwritten (the user may have arranged it): the next free name
 * is used, as Obsidian does for new files.
 */
export async function exportCanvas(app: App, entry: VisionEntry): Promise<TFile> {
  const execute = entry.ref.docs.execute;
  if (!entry.graph || !execute) throw new Error(`${entry.ref.id} has no execute note yet; generate it first.`);
  const notePath = normalizePath(execute);
  const base = notePath.replace(/\.md$/i, "-graph");
  let path = `${base}.canvas`;
  for (let n = 1; app.vault.getAbstractFileByPath(path); n++) path = `${base} ${n}.canvas`;
  const file = await app.vault.create(path, serializeCanvas(graphToCanvas(entry.graph, { notePath })));
  await app.workspace.getLeaf(false).openFile(file, { active: true });
  return file;
}
