import { basename } from "../files";
import type { Vision } from "../vision/model";
import { isUnfilledTemplate } from "./unfilled";
import { executePath } from "./write";

export interface ExecuteTarget {
  /** The vision as generation sees it: an unfilled execution document is set aside. */
  vision: Vision;
  /** Where the execute note is written. */
  path: string;
  /** Its current content (undefined: it does not exist). */
  existing?: string;
  /** The unfilled intent-kit template set aside, left as it is. */
  template?: string;
}

/**
 * Where generation writes, and over what. intent-kit's scripts name `execution.md`, `tasks.md` and
 * `implementation.md` before an agent fills them; such an unfilled template is never adopted or
 * merged into: the note goes to `execute.md` beside it. A filled one stays the execution plan, and
 * an `execute.md` (the note's own name) is merged into or refused as usual, never replaced.
 * Shared by the CLI and the plugin so that both decide the same way.
 */
export async function resolveExecuteTarget(v: Vision, fileName: string | undefined, read: (path: string) => Promise<string | undefined>): Promise<ExecuteTarget> {
  const path = executePath(v, fileName);
  const existing = await read(path);
  if (existing === undefined || !isUnfilledTemplate(existing)) return { vision: v, path, existing };
  const vision: Vision = { ...v, ref: { ...v.ref, docs: { ...v.ref.docs, execute: undefined } } };
  const beside = executePath(vision, fileName);
  if (beside === path) return { vision: v, path, existing };
  // A note already at the new path is merged into (or refused) as usual.
  return { vision, path: beside, existing: await read(beside), template: path };
}

/** One line for the user: the unfilled template left alone, and where the note went. */
export function templateNote(template: string, written: string): string {
  return `${basename(template)} is an unfilled intent-kit template and is left as it is; the execute note is ${written}`;
}
