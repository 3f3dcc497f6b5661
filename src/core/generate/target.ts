import { basename } from "../files";
import type { Vision } from "../vision/model";
import { isUnfilledTemplate } from "./unfilled";
import { executePath } from "./write";

export interface ExecuteTarget {
  /** The vision as generation sees it: an unfilled execution document is set aside. */
  vision: Vision;
  /** Where the execute note is written. */
  path: string;
  /** Its current content (undefined: it does not exist, or is an unfilled template to be replaced). */
  existing?: string;
  /** An unfilled intent-kit template that was set aside, and whether the note replaces it (same path). */
  template?: { path: string; replaced: boolean; text: string };
}

/**
 * Where generation writes, and over what. intent-kit's scripts name `execution.md`, `tasks.md` and
 * `implementation.md` before an agent fills them; such an unfilled template is never adopted or
 * merged into: the note goes to `execute.md` beside it (or replaces it when it is `execute.md`
 * itself, a backup being kept by the caller). A filled one stays the execution plan.
 * Shared by the CLI and the plugin so that both decide the same way.
 */
export async function resolveExecuteTarget(v: Vision, fileName: string | undefined, read: (path: string) => Promise<string | undefined>): Promise<ExecuteTarget> {
  const path = executePath(v, fileName);
  const existing = await read(path);
  if (existing === undefined || !isUnfilledTemplate(existing)) return { vision: v, path, existing };
  const vision: Vision = { ...v, ref: { ...v.ref, docs: { ...v.ref.docs, execute: undefined } } };
  const beside = executePath(vision, fileName);
  if (beside === path) return { vision, path, template: { path, replaced: true, text: existing } };
  const other = await read(beside);
  // A note already at the new path is merged into (or refused) as usual.
  return { vision, path: beside, existing: other, template: { path, replaced: false, text: existing } };
}

/** One line for the user: what was done with an unfilled template. */
export function templateNote(t: NonNullable<ExecuteTarget["template"]>, written: string): string {
  return t.replaced
    ? `${t.path} was an unfilled intent-kit template; it is replaced by the generated note (the template is kept as a backup)`
    : `${basename(t.path)} is an unfilled intent-kit template and is left as it is; the execute note is ${written}`;
}
