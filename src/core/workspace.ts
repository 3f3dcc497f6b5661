import type { Diagnostic } from "./diagnostics";
import type { FileAccess } from "./files";
import { readFrontmatter } from "./markdown/parse";
import { type DetectOptions, type NoteInfo, detectVisions } from "./vision/detect";
import type { VisionRef } from "./vision/model";

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The YAML frontmatter of a note's text ({} when it has none). */
export function frontmatterOf(text: string): Record<string, unknown> {
  const m = FRONTMATTER.exec(text);
  return m ? readFrontmatter(m[1]) : {};
}

/** The note's text after its frontmatter. */
export function bodyOf(text: string): string {
  const m = FRONTMATTER.exec(text);
  return m ? text.slice(m[0].length) : text;
}

export interface ScanResult {
  refs: VisionRef[];
  diagnostics: Diagnostic[];
  /** Markdown notes looked at. */
  notes: number;
}

/**
 * Finds visions in a folder through the file-access interface (the CLI's path). Notes outside
 * vision folders are read only far enough to see whether their frontmatter declares a role.
 */
export async function scanVisions(files: FileAccess, options: DetectOptions = {}): Promise<ScanResult> {
  const paths = (await files.list()).filter((p) => p.toLowerCase().endsWith(".md"));
  const notes: NoteInfo[] = [];
  for (const path of paths) {
    const info: NoteInfo = { path };
    const text = await files.read(path);
    if (text.startsWith("---") || text.startsWith("\uFEFF---")) {
      const head = text.slice(0, 4096);
      if (head.includes("intentk")) info.frontmatter = frontmatterOf(text);
    }
    notes.push(info);
  }
  const diagnostics: Diagnostic[] = [];
  return { refs: detectVisions(notes, options, diagnostics), diagnostics, notes: paths.length };
}
