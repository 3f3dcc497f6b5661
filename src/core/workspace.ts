import type { Diagnostic } from "./diagnostics";
import type { FileAccess } from "./files";
import { MAX_FRONTMATTER_CHARS } from "./limits";
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

/** Maps with at most `limit` promises in flight, keeping the order of `items`. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
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
  const diagnostics: Diagnostic[] = [];
  const notes = await mapLimit(paths, 32, async (path): Promise<NoteInfo | undefined> => {
    // Any note may declare a role in its frontmatter (FORMAT.md §1), so each one is read once.
    let text: string;
    try {
      text = await files.read(path);
    } catch (e) {
      // One unreadable note (permissions, a dangling link) never hides the others.
      const message = e instanceof Error ? e.message : String(e);
      const why = message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
      diagnostics.push({ code: "unreadable-note", severity: "warning", message: `Skipped, it cannot be read: ${why}`, file: path, line: 1 });
      return undefined;
    }
    const declares = (text.startsWith("---") || text.startsWith("\uFEFF---")) && text.slice(0, 4096).includes("intentk");
    if (!declares) return { path };
    const block = FRONTMATTER.exec(text)?.[1] ?? "";
    if (block.length > MAX_FRONTMATTER_CHARS) {
      diagnostics.push({
        code: "frontmatter-too-large",
        severity: "warning",
        message: `The frontmatter of ${path} is ${Math.round(block.length / 1024)} KB, over the limit of ${MAX_FRONTMATTER_CHARS / 1024} KB; only its top-level "key: value" lines are read. Move the rest into the note.`,
        file: path,
        line: 1,
      });
    }
    return { path, frontmatter: frontmatterOf(text) };
  });
  const readable = notes.filter((n): n is NoteInfo => n !== undefined);
  return { refs: detectVisions(readable, options, diagnostics), diagnostics, notes: paths.length };
}
