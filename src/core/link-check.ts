import type { Diagnostic } from "./diagnostics";
import type { FileAccess } from "./files";
import { findWikilinks, headingKey } from "./links";
import { parseMarkdown, sections } from "./markdown/parse";
import { normalizeText } from "./text/normalize";

/**
 * Heading links of a note that no longer resolve (the plan heading was renamed or removed).
 * Only vault-relative links with a path are checked: those are the ones the generator writes.
 */
export async function checkLinks(files: FileAccess, path: string): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const text = await files.read(path);
  const headingsOf = new Map<string, Set<string> | undefined>();
  for (const link of findWikilinks(text)) {
    if (!link.path.includes("/") || !link.subpath || link.subpath.startsWith("^")) continue;
    const target = link.path.toLowerCase().endsWith(".md") ? link.path : `${link.path}.md`;
    if (!headingsOf.has(target)) {
      const exists = await files.exists(target);
      const doc = exists ? parseMarkdown(target, normalizeText(await files.read(target))) : undefined;
      headingsOf.set(target, doc ? new Set(sections(doc).map((s) => headingKey(s.text))) : undefined);
    }
    const headings = headingsOf.get(target);
    if (!headings) {
      out.push({ code: "broken-link", severity: "warning", message: `Link to ${target}, which does not exist; regenerate the execute note.`, file: path, line: link.line });
    } else if (!headings.has(headingKey(link.subpath))) {
      out.push({ code: "broken-link", severity: "warning", message: `Link to heading "${link.subpath}" in ${target}, which has no such heading; regenerate the execute note.`, file: path, line: link.line });
    }
  }
  return out;
}
