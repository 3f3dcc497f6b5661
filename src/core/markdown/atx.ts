import { isBlank, trimCharsEnd } from "../text/trim";

/**
 * ATX headings read by a scan rather than one regular expression: `(.*?)` followed by optional
 * trailing blanks and `#`s backtracks quadratically on a long line of spaces.
 */


/** `s` without trailing spaces and tabs. */
export const trimBlanksEnd = (s: string): string => trimCharsEnd(s, isBlank);

/** `s` without a closing `#` sequence, i.e. one preceded by a space or tab (`Title ##` → `Title`). */
export function withoutClosingHashes(s: string): string {
  const t = trimBlanksEnd(s);
  let i = t.length;
  while (i > 0 && t[i - 1] === "#") i--;
  return i < t.length && i > 0 && isBlank(t[i - 1]) ? trimBlanksEnd(t.slice(0, i)) : t;
}

/** An ATX heading line (up to 3 spaces, 1–6 `#`, then a blank or the end): its level and text. */
export function readAtx(line: string): { depth: number; text: string } | undefined {
  let i = 0;
  while (i < 3 && line[i] === " ") i++;
  let depth = 0;
  while (line[i + depth] === "#") depth++;
  if (depth === 0 || depth > 6) return undefined;
  const after = i + depth;
  if (after < line.length && !isBlank(line[after])) return undefined;
  let from = after;
  while (isBlank(line[from])) from++;
  return { depth, text: withoutClosingHashes(line.slice(from)).trim() };
}
