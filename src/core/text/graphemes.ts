/**
 * Text cut and padded by user-perceived characters (grapheme clusters), so that an emoji such as 🎯
 * (two UTF-16 code units) or a flag is never split into U+FFFD halves.
 */
const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : undefined;

/** The grapheme clusters of a text (code points where the runtime has no segmenter). */
export function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/** Exactly `width` characters: cut with "…" when longer, padded with spaces when shorter. */
export function fitWidth(text: string, width: number): string {
  const chars = graphemes(text);
  if (chars.length > width) return `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
  return text + " ".repeat(width - chars.length);
}
