/**
 * Text cut and padded by user-perceived characters (grapheme clusters), so that an emoji such as 🎯
 * (two UTF-16 code units) or a flag is never split into U+FFFD halves.
 */
const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : undefined;

/** The grapheme clusters of a text (code points where the runtime has no segmenter). */
export function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/**
 * The start of `text` that holds its first `count` characters, whatever else follows: segmenting a
 * 200 KB heading to show 60 columns of it took seconds. A character is rarely over 16 code units.
 */
function headOf(text: string, count: number): string {
  const most = (count + 1) * 16;
  return text.length > most ? text.slice(0, most) : text;
}

/** The number of characters of `text`, counted up to `max + 1` (enough to know it is wider). */
export function widthOf(text: string, max: number): number {
  const head = headOf(text, max);
  return Math.min(graphemes(head).length + (head.length < text.length ? 1 : 0), max + 1);
}

/** Exactly `width` characters: cut with "…" when longer, padded with spaces when shorter. */
export function fitWidth(text: string, width: number): string {
  const head = headOf(text, width);
  const chars = graphemes(head);
  if (chars.length > width || head.length < text.length) return `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
  return text + " ".repeat(width - chars.length);
}
