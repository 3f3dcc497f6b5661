import { MAX_LABEL_SOURCE_CHARS } from "../limits";

/**
 * Text measuring without a browser: an estimate of how wide a line of text is, and word wrapping
 * with a line limit and an ellipsis. The estimate is deliberately generous (per character class,
 * close to the widest common sans-serif, DejaVu Sans) so that a label laid out here fits its box in
 * whatever font the theme uses; the browser test checks it against real rendering.
 */

export interface TextFont {
  /** Font size in px. */
  size: number;
  bold?: boolean;
}

export interface WrappedText {
  lines: string[];
  /** True when the text did not fit in the line limit and the last line ends with an ellipsis. */
  truncated: boolean;
}

export const ELLIPSIS = "…";

/**
 * Plain text for display from a line of Markdown: emphasis and code marks dropped, links and
 * wikilinks reduced to their text, a trailing block id removed. Anything else stays as written.
 */
export function displayText(markdown: string): string {
  // Bounded first: the link and emphasis patterns below are quadratic on hostile runs (`[[[[…`).
  return markdown
    .slice(0, MAX_LABEL_SOURCE_CHARS)
    .replace(/!?\[\[([^\]|]*)\|([^\]]*)\]\]/g, "$2")
    .replace(/!?\[\[([^\]]*)\]\]/g, (_w, target: string) => target.replace(/#/g, " › "))
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(\S(?:.*?\S)?)\1/g, "$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\s\^[A-Za-z0-9-]+\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Width of one character in em, by character class. */
function charEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c === 0x20) return 0.32;
  if (c < 0x80) {
    if ("il.,:;!|'I`".includes(ch)) return 0.34;
    if ("fjrt()[]-\"".includes(ch)) return 0.46;
    if ("mwMW@%".includes(ch)) return 1.0;
    if (ch >= "A" && ch <= "Z") return 0.8;
    if (ch >= "0" && ch <= "9") return 0.65;
    if (ch >= "a" && ch <= "z") return 0.65;
    return 0.66;
  }
  // Wide scripts: CJK, Hangul, full-width forms.
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  ) {
    return 1.05;
  }
  // Emoji and pictographs.
  if (c >= 0x1f000 || (c >= 0x2600 && c <= 0x27bf)) return 1.35;
  // Combining marks take no room.
  if (c >= 0x0300 && c <= 0x036f) return 0;
  if (c === ELLIPSIS.codePointAt(0)) return 1.0;
  return 0.8;
}

/** Estimated width in px of `text` set in `font`. */
export function measureText(text: string, font: TextFont): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * font.size * (font.bold ? 1.12 : 1);
}

/** Break a word that is wider than a line into pieces, preferring to break after `/`, `-`, `_` or `.`. */
function breakWord(word: string, maxWidth: number, font: TextFont): string[] {
  const chars = Array.from(word);
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    let width = 0;
    while (end < chars.length) {
      const w = measureText(chars[end], font);
      if (width + w > maxWidth && end > start) break;
      width += w;
      end++;
    }
    if (end < chars.length) {
      // Prefer a natural break point in the last two thirds of the piece.
      for (let i = end - 1; i > start + (end - start) / 3; i--) {
        if ("/-_.".includes(chars[i])) {
          end = i + 1;
          break;
        }
      }
    }
    pieces.push(chars.slice(start, end).join(""));
    start = end;
  }
  return pieces;
}

/** Shorten `line` so that `line + "…"` fits `maxWidth`. */
export function truncateLine(line: string, maxWidth: number, font: TextFont): string {
  const chars = Array.from(line.trimEnd());
  const ellipsisWidth = measureText(ELLIPSIS, font);
  let width = measureText(chars.join(""), font);
  while (chars.length > 0 && width + ellipsisWidth > maxWidth) {
    width -= measureText(chars.pop() as string, font);
  }
  // Do not end on a space or a separator just before the ellipsis.
  while (chars.length > 0 && " ,;:-–—(/".includes(chars[chars.length - 1])) chars.pop();
  return chars.join("") + ELLIPSIS;
}

/**
 * Wrap `text` into lines no wider than `maxWidth`; at most `maxLines` lines, the last one cut with
 * an ellipsis when the text is longer.
 */
export function wrapText(text: string, maxWidth: number, font: TextFont, maxLines = 3): WrappedText {
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter((w) => w.length > 0);
  const lines: string[] = [];
  let current = "";
  const limit = maxLines + 1; // one extra line tells us that there is more text
  for (const word of words) {
    if (lines.length >= limit) break;
    const candidate = current ? `${current} ${word}` : word;
    if (measureText(candidate, font) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = "";
    if (measureText(word, font) <= maxWidth) {
      current = word;
    } else {
      const pieces = breakWord(word, maxWidth, font);
      current = pieces.pop() ?? "";
      lines.push(...pieces);
    }
  }
  if (current) lines.push(current);
  if (lines.length === 0) return { lines: [""], truncated: false };
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncateLine(kept[maxLines - 1], maxWidth, font);
  return { lines: kept, truncated: true };
}
