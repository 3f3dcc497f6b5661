/**
 * Reads a milestone's Dependencies field: milestone references in every form plans use (single,
 * ranges, lists, "all previous milestones", "none"), and whatever else it names, kept whole as
 * external dependencies. A hand-written scanner, so that the time is linear in the text.
 */

export interface DependencyReading {
  /** Milestone numbers named, in order, without repeats ("4a"; leading zeros dropped). */
  numbers: string[];
  /** "All previous milestones": every lower-numbered milestone. */
  allPrevious: boolean;
  /** "The previous milestone": the one numbered just below. */
  previousOne: boolean;
  /** Text that names no milestone, each run of such clauses as written ("a signed contract (ED-002)"). */
  external: string[];
  /** Ranges too wide to expand ("Milestones 1-5000"), as written. */
  tooWide: string[];
}

/** Words that join or qualify milestone references without being a dependency of their own. */
const FILLER = new Set([
  "after", "and", "or", "both", "all", "the", "of", "on", "upon", "to", "be", "is", "are", "must", "needs", "need",
  "requires", "require", "required", "depends", "depend", "dependent", "completion", "complete", "completed", "done",
  "finished", "delivered", "none", "no", "n", "a", "foundational", "foundation", "milestone", "milestones", "phase",
  "before", "being", "having", "been", "from", "with", "its", "their", "prior", "previous", "first", "in", "place",
  "ready", "shipped", "outputs", "output", "results", "work", "partial", "partially", "at", "least", "dependencies",
  "dependency", "plus", "also", "each", "every", "earlier", "preceding", "above", "until", "through", "thru", "s",
]);
const MILESTONE_WORDS = new Set(["milestone", "milestones", "ms", "m"]);
const RANGE_WORDS = new Set(["-", "–", "—", "to", "through", "thru", "until"]);
const SEPARATOR_WORDS = new Set(["and", "or", "plus"]);
const EVERY = new Set(["all", "every", "each"]);
const EARLIER = new Set(["previous", "prior", "earlier", "preceding", "above"]);
/** The widest range expanded; a wider one is a typo, not a plan. */
const MAX_RANGE = 100;

interface Clause {
  start: number;
  end: number;
}

const OPEN = "([{";
const CLOSE = ")]}";

/** Splits at top-level `,` `;` `&` `+` and the words "and", "or", "plus"; never inside brackets, backticks or quotes. */
function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  const cut = (end: number, next: number): void => {
    out.push({ start, end });
    start = next;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
      continue;
    }
    if (c === "`" || c === '"' || c === "“") quote = c === "“" ? "”" : c;
    else if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && ",;&+".includes(c)) cut(i, i + 1);
    else if (depth === 0 && /\s/.test(c)) {
      // A separator word stands between spaces: " and ", " or ", " plus ".
      let j = i + 1;
      while (j < text.length && /[a-z]/i.test(text[j])) j++;
      if (j < text.length && /\s/.test(text[j]) && SEPARATOR_WORDS.has(text.slice(i + 1, j).toLowerCase())) {
        cut(i, j);
        i = j - 1;
      }
    }
  }
  cut(text.length, text.length);
  return out.filter((c) => text.slice(c.start, c.end).trim() !== "");
}

const TOKEN = /[\p{L}\p{N}]+|[-–—#/]/gu;
const NUMBER = /^\d+[a-z]?$/i;
const M_NUMBER = /^m(\d+[a-z]?)$/i;

/** "04" → "4", "4A" → "4a". */
function normalizeNumber(n: string): string {
  const digits = n.replace(/[a-z]$/i, "");
  return String(parseInt(digits, 10)) + n.slice(digits.length).toLowerCase();
}

type ClauseKind = "milestones" | "bare" | "previous" | "previous-one" | "filler" | "external";

interface ReadClause {
  kind: ClauseKind;
  numbers: string[];
  tooWide: string[];
}

/** Reads the references of one clause: `Milestone 3`, `M3`, `Milestones 4–6`, `M3 to M5`, `2`, `1 through 3`. */
function readClause(text: string): ReadClause {
  const numbers: string[] = [];
  const tooWide: string[] = [];
  let named = false;
  let every = false;
  let earlier = false;
  let meaningful = false;
  // Whether the next number continues a reference ("Milestone ▸3", "4–▸6", "M2/▸3"), and where a range starts.
  let expectNumber = false;
  let last: string | undefined;
  let rangeFrom: string | undefined;
  const add = (n: string): void => {
    const value = normalizeNumber(n);
    if (rangeFrom !== undefined && /^\d+$/.test(rangeFrom) && /^\d+$/.test(value) && Number(value) > Number(rangeFrom)) {
      const from = Number(rangeFrom);
      const to = Number(value);
      if (to - from > MAX_RANGE) tooWide.push(`${rangeFrom}-${value}`);
      else for (let k = from + 1; k < to; k++) numbers.push(String(k));
    }
    numbers.push(value);
    last = value;
    rangeFrom = undefined;
    expectNumber = false;
  };
  for (const raw of text.match(TOKEN) ?? []) {
    const t = raw.toLowerCase();
    const m = M_NUMBER.exec(t);
    if (MILESTONE_WORDS.has(t) || t === "#") {
      named = named || t !== "#";
      expectNumber = true;
    } else if (m) {
      named = true;
      add(m[1]);
    } else if (NUMBER.test(t) && t.length <= (expectNumber ? 6 : 4) && (expectNumber || !named)) {
      add(t);
    } else if ((RANGE_WORDS.has(t) || t === "/") && last !== undefined && !expectNumber) {
      if (t !== "/") rangeFrom = last;
      expectNumber = true;
    } else {
      if (EVERY.has(t)) every = true;
      if (EARLIER.has(t)) earlier = true;
      if (!FILLER.has(t) && t !== "-" && t !== "/") meaningful = true;
      // "Milestone 2 - API ready": a word ends the reference; "M 3" and "Milestone no. 3" do not.
      if (t !== "no") {
        expectNumber = false;
        rangeFrom = undefined;
        last = undefined;
      }
    }
  }
  const unique = [...new Set(numbers)];
  if (named && unique.length > 0) return { kind: "milestones", numbers: unique, tooWide };
  if (every && earlier) return { kind: "previous", numbers: [], tooWide: [] };
  if (named && earlier) return { kind: "previous-one", numbers: [], tooWide: [] };
  if (unique.length > 0 && !named && !meaningful) return { kind: "bare", numbers: unique, tooWide };
  if (!meaningful) return { kind: "filler", numbers: [], tooWide: [] };
  return { kind: "external", numbers: [], tooWide: [] };
}

const NONE = /^\s*(?:none|n\/a|nothing|no dependenc(?:y|ies)|-|—|–)(?:\W|$)/i;

/** Reads a Dependencies field. "None …", "N/A", "-" name nothing. */
export function readDependencies(text: string): DependencyReading {
  const reading: DependencyReading = { numbers: [], allPrevious: false, previousOne: false, external: [], tooWide: [] };
  if (NONE.test(text)) return reading;
  const clauses = splitClauses(text).map((c) => ({ ...c, read: readClause(text.slice(c.start, c.end)) }));
  // Bare numbers are milestones in a list that names milestones ("Milestones 2, 3 and 5") or in a
  // field of nothing but numbers ("2, 3"); elsewhere ("3 weeks of data") they are text.
  const onlyNumbers = clauses.every((c) => c.read.kind === "bare" || c.read.kind === "filler");
  let run: Clause | undefined;
  const flush = (): void => {
    if (run) reading.external.push(tidy(text.slice(run.start, run.end)));
    run = undefined;
  };
  let previous: ClauseKind | undefined;
  for (const c of clauses) {
    let kind = c.read.kind;
    if (kind === "bare") kind = onlyNumbers || previous === "milestones" ? "milestones" : "external";
    if (kind === "external") {
      run = run ? { start: run.start, end: c.end } : { start: c.start, end: c.end };
    } else flush();
    if (kind === "milestones") {
      reading.numbers.push(...c.read.numbers);
      reading.tooWide.push(...c.read.tooWide);
    }
    if (kind === "previous") reading.allPrevious = true;
    if (kind === "previous-one") reading.previousOne = true;
    if (kind !== "filler") previous = kind;
  }
  flush();
  reading.numbers = [...new Set(reading.numbers)];
  return reading;
}

/** Trims the separators a clause run may start or end with; brackets stay, so "(ED-002)" is never cut. */
function tidy(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && /[\s,;:.]/.test(text[start])) start++;
  while (end > start && /[\s,;:.]/.test(text[end - 1])) end--;
  return text.slice(start, end);
}

/** Whether milestone `a` comes before `b` by number: "2" < "10", "4" < "4a" < "4b". */
export function numberedBefore(a: string, b: string): boolean {
  const na = parseInt(a, 10);
  const nb = parseInt(b, 10);
  return na < nb || (na === nb && a.replace(/^\d+/, "") < b.replace(/^\d+/, ""));
}
