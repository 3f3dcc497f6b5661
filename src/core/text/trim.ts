/**
 * Trimming a set of characters by a scan. The regex form (`/[…]+$/`) is quadratic on a long run of
 * those characters followed by anything else: every position of the run starts a new attempt.
 */

/** A space or a tab: Markdown's blank characters within a line. */
export const isBlank = (c: string | undefined): boolean => c === " " || c === "\t";

/** `s` without the characters `is` accepts at its end. */
export function trimCharsEnd(s: string, is: (c: string) => boolean): string {
  let end = s.length;
  while (end > 0 && is(s[end - 1])) end--;
  return s.slice(0, end);
}

/** `s` without the characters `is` accepts at either end. */
export function trimChars(s: string, is: (c: string) => boolean): string {
  let start = 0;
  while (start < s.length && is(s[start])) start++;
  return trimCharsEnd(s.slice(start), is);
}

/** A character test from a one-character class, e.g. `charIn(/[\s,;:]/)`. */
export const charIn =
  (re: RegExp) =>
  (c: string): boolean =>
    re.test(c);
