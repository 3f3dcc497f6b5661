import { fenceTracker } from "../markdown/fences";
import { findPlaceholders } from "../vision/placeholders";
import { frontmatterOf } from "../workspace";
import { EXECUTE_MARKER } from "./render";

/** Share of content lines holding a placeholder from which a note counts as a template nobody filled. */
const UNFILLED_SHARE = 0.25;
/** A task line with the template's unnumbered ID (`- [ ] TXXX …`). */
const TEMPLATE_TASK = /^\s*[-*+]\s+\[[ xX]\]\s+TXXX\b/;

/**
 * Whether an execution document is an intent-kit template nobody filled in: empty, only headings,
 * a title that is still a placeholder (`# Execution Plan: [EXECUTION NAME]`), or a quarter or more
 * of its lines still holding placeholders or the template's `TXXX` tasks. intent-kit's scripts
 * name `execution.md`, `tasks.md` and `implementation.md` before an agent fills them; a filled plan
 * has a few stray placeholders at most. Linear in the text.
 */
export function isUnfilledTemplate(text: string): boolean {
  if (frontmatterOf(text).intentk === EXECUTE_MARKER) return false;
  const inCode = fenceTracker();
  let comment = false;
  let frontmatter = text.startsWith("---");
  let content = 0;
  let unfilled = 0;
  let untitled = false;
  text.split(/\r?\n/).forEach((line, i) => {
    if (frontmatter) {
      if (i > 0 && /^(?:---|\.\.\.)\s*$/.test(line)) frontmatter = false;
      return;
    }
    if (inCode(line)) return;
    if (comment || line.includes("<!--")) {
      comment = !line.includes("-->");
      return;
    }
    const trimmed = line.trim();
    if (trimmed === "" || /^#{2,6}\s/.test(trimmed) || /^(?:---|\*\*\*|___)$/.test(trimmed)) return;
    const placeholder = findPlaceholders(line).length > 0 || TEMPLATE_TASK.test(line);
    // The title of the document: a placeholder there means the template was never named.
    if (/^#\s/.test(trimmed)) {
      untitled = untitled || placeholder;
      return;
    }
    content++;
    if (placeholder) unfilled++;
  });
  return content === 0 || untitled || unfilled >= content * UNFILLED_SHARE;
}
