import { pathsIn } from "./paths";

/**
 * Splits a one-line deliverables field into its deliverables, the way a reader would:
 * `CSV export in `a.py`, export form and download view in `b.py`` → two items, the second kept
 * whole because "export form" names no file of its own. One left-to-right scan (linear time):
 * nothing inside backticks, parentheses, brackets (links, wikilinks) or double quotes is a
 * separator.
 *
 * - `;` always separates;
 * - `,` separates when each side reads as a deliverable: when the rest of the line names a file,
 *   the side before names its own; otherwise each remaining piece has two words or more and does
 *   not merely qualify the one before ("signed off by…", "with…");
 * - "and" separates only where each side names its own file, or as the last link of a list
 *   that was already split at commas ("A, B and C").
 */

type Sep = ";" | "," | "and";

interface Piece {
  text: string;
  /** The separator that comes before this piece (none for the first). */
  sep?: Sep;
  /** The separator text as written, to join pieces back when a separator is not a split. */
  raw: string;
}

const OPEN: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** Top-level pieces of a line with the separator before each. */
function scan(text: string): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  const closers: string[] = [];
  let inTick = false;
  let inQuote: string | undefined;
  let start = 0;
  let pending: { sep?: Sep; raw: string } = { raw: "" };
  const cut = (end: number, next: { sep: Sep; raw: string }, resume: number): void => {
    pieces.push({ text: text.slice(start, end), ...pending });
    pending = next;
    start = resume;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inTick) {
      if (c === "`") inTick = false;
      continue;
    }
    if (inQuote) {
      if (c === inQuote) inQuote = undefined;
      continue;
    }
    if (c === "`") inTick = true;
    else if (c === '"') inQuote = '"';
    else if (c === "\u201C") inQuote = "\u201D";
    else if (OPEN[c]) {
      closers.push(OPEN[c]);
      depth++;
    } else if (depth > 0 && c === closers[closers.length - 1]) {
      closers.pop();
      depth--;
    } else if (depth === 0 && (c === ";" || c === ",")) {
      // ", and " is one separator: the last link of a comma list.
      const and = /^,\s+and\s+/i.exec(text.slice(i, i + 8));
      if (c === "," && and) cut(i, { sep: "and", raw: and[0] }, i + and[0].length);
      else cut(i, { sep: c, raw: `${c} ` }, i + 1);
      i = start - 1;
    } else if (depth === 0 && (c === "a" || c === "A") && /\s/.test(text[i - 1] ?? "") && /^and\s/i.test(text.slice(i, i + 4))) {
      let from = i;
      while (from > start && /\s/.test(text[from - 1])) from--;
      let to = i + 3;
      while (to < text.length && /\s/.test(text[to])) to++;
      cut(from, { sep: "and", raw: " and " }, to);
      i = to - 1;
    }
  }
  pieces.push({ text: text.slice(start), ...pending });
  return pieces.map((p) => ({ ...p, text: p.text.trim() }));
}

/** A piece that qualifies the one before ("signed off by…", "with tests", "including…") is no deliverable of its own. */
const MODIFIER = /^(?:[a-z]+ed|with|without|including|incl\.?|covering|for|by|from|to|using|via|plus|such|e\.g\.?|i\.e\.?|which|that|who|where|when|as|per|each|both|all|its|their|then|so)\b/;

/** A piece ending "… with room", "… of size": the comma list after it is that phrase's objects. */
const OPEN_PHRASE = /\b(?:with|of|for|including|containing|per|by)\s+\S+$/i;

const words = (text: string): number => text.split(/\s+/).filter((w) => /\w/.test(w)).length;

/** The deliverables a one-line field names, in order. */
export function splitDeliverables(line: string): string[] {
  const pieces = scan(line.trim()).filter((p, i) => p.text !== "" || i === 0);
  if (pieces.length <= 1) return finish([line.trim()]);
  const hasPath = pieces.map((p) => pathsIn(p.text).length > 0);
  // Suffix facts, so each separator is decided in constant time.
  const pathAfter: boolean[] = [];
  const longAfter: boolean[] = [];
  for (let i = pieces.length - 1; i >= 0; i--) {
    pathAfter[i] = hasPath[i] || (pathAfter[i + 1] ?? false);
    longAfter[i] = words(pieces[i].text) >= 2 && !MODIFIER.test(pieces[i].text) && (longAfter[i + 1] ?? true);
  }
  const restHasPath = (from: number): boolean => pathAfter[from];

  const groups: string[] = [pieces[0].text];
  let groupHasPath = hasPath[0];
  let groupWords = words(pieces[0].text);
  let lastSplitWasComma = false;
  for (let i = 1; i < pieces.length; i++) {
    const p = pieces[i];
    const right = words(p.text) >= 2 && !MODIFIER.test(p.text);
    let split: boolean;
    if (p.sep === ";") split = true;
    else if (p.sep === ",") split = restHasPath(i) ? groupHasPath : groupWords >= 2 && longAfter[i] && !OPEN_PHRASE.test(groups[groups.length - 1]);
    else {
      split = (groupHasPath && restHasPath(i)) || (lastSplitWasComma && !restHasPath(i) && groupWords >= 2 && right);
    }
    if (split) {
      groups.push(p.text);
      groupHasPath = hasPath[i];
      groupWords = words(p.text);
      lastSplitWasComma = p.sep === ",";
    } else {
      groups[groups.length - 1] += `${p.raw}${p.text}`;
      groupHasPath ||= hasPath[i];
      groupWords += words(p.text);
    }
  }
  return finish(groups);
}

/** Trims each item and a closing full stop that ends the line, and drops empty items. */
function finish(items: string[]): string[] {
  return items.map((t) => t.trim()).map((t) => (t.endsWith(".") && !t.endsWith("..") ? t.slice(0, -1) : t)).filter((t) => t !== "");
}

/** Every top-level item of a list line (`Python 3.12, FastAPI and pytest`): for tool lists, where each name counts. */
export function splitList(line: string): string[] {
  return finish(scan(line.trim()).map((p) => p.text));
}
