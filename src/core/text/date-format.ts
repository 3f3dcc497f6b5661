/**
 * Date patterns as Obsidian users type them (moment style: `YYYY-MM-DD`, `DD.MM.YYYY`,
 * `MMM D, YYYY`, `dddd`, `[week] W`), formatted by date-fns. The pattern is translated once, in one
 * left-to-right pass, into literal text and date-fns tokens. Patterns written for date-fns
 * (`yyyy-MM-dd`, this plugin's default before 0.2) keep working.
 */
import { format } from "date-fns";

export const DEFAULT_DATE_FORMAT = "YYYY-MM-DD";

export type DateFormatter = (date: Date) => string;

export type CompiledDateFormat = { ok: true; format: DateFormatter } | { ok: false; error: string };

type Piece = string | { token: string } | { fn: DateFormatter };

/** moment token → date-fns token (or a function where date-fns has no equivalent). */
const TOKENS: Record<string, string | DateFormatter> = {
  YYYY: "yyyy", YY: "yy", Y: "y",
  M: "M", MM: "MM", MMM: "MMM", MMMM: "MMMM", Mo: "Mo",
  Q: "Q", Qo: "Qo",
  D: "d", DD: "dd", Do: "do", DDD: "D", DDDD: "DDD",
  // moment's d and e count weekdays from Sunday = 0 (the default English locale).
  d: (date) => String(date.getDay()), e: (date) => String(date.getDay()),
  dd: "EEEEEE", ddd: "EEE", dddd: "EEEE", E: "i",
  w: "w", ww: "ww", wo: "wo", W: "I", WW: "II", Wo: "Io",
  gg: "YY", gggg: "YYYY", GG: "RR", GGGG: "RRRR",
  H: "H", HH: "HH", h: "h", hh: "hh", k: "k", kk: "kk",
  m: "m", mm: "mm", s: "s", ss: "ss",
  S: "S", SS: "SS", SSS: "SSS",
  A: "a", a: "aaa", Z: "xxx", ZZ: "xx", X: "t", x: "T",
};

/** Letters that start a moment token; any other letter is literal text, as in moment. */
const TOKEN_LETTERS = new Set(Object.keys(TOKENS).map((t) => t[0]));
/** Tokens that take moment's ordinal suffix `o` (Mo, Do, Qo, wo, Wo). */
const ORDINALS = new Set(["M", "D", "Q", "w", "W"]);

const DATE_FNS_OPTIONS = { useAdditionalWeekYearTokens: true, useAdditionalDayOfYearTokens: true };
const SAMPLE = new Date(2026, 0, 31, 13, 5, 9);

/** Compiles a date pattern into a formatter, or says what is wrong with it. */
export function compileDateFormat(pattern: string): CompiledDateFormat {
  if (pattern.trim() === "") return { ok: false, error: "The date format is empty." };
  if (isDateFnsPattern(pattern)) return compileDateFns(pattern);
  const pieces: Piece[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "[") {
      const close = pattern.indexOf("]", i + 1);
      if (close < 0) return { ok: false, error: `"[" at position ${i + 1} is never closed: write literal text as [text].` };
      pieces.push(pattern.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    if (!TOKEN_LETTERS.has(c)) {
      pieces.push(c);
      i++;
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] === c) j++;
    let token = pattern.slice(i, j);
    if (pattern[j] === "o" && token.length === 1 && ORDINALS.has(c)) token += pattern[j++];
    const target = TOKENS[token];
    if (target === undefined) return { ok: false, error: `"${token}" at position ${i + 1} is not a date token (for example YYYY, MM, DD, MMM, dddd; literal text goes in [brackets]).` };
    pieces.push(typeof target === "string" ? { token: target } : { fn: target });
    i = j;
  }
  const formatter: DateFormatter = (date) =>
    pieces.map((p) => (typeof p === "string" ? p : "fn" in p ? p.fn(date) : format(date, p.token, DATE_FNS_OPTIONS))).join("");
  return { ok: true, format: formatter };
}

/** A formatter for the pattern, or for the default when the pattern is not valid. */
export function dateFormatter(pattern: string | undefined): DateFormatter {
  const compiled = compileDateFormat(pattern ?? DEFAULT_DATE_FORMAT);
  if (compiled.ok) return compiled.format;
  const fallback = compileDateFormat(DEFAULT_DATE_FORMAT);
  return fallback.ok ? fallback.format : (date) => date.toISOString().slice(0, 10);
}

/**
 * A pattern written for date-fns: it has a lowercase `y` year (outside literal text) and no moment
 * year `Y`, or it quotes literal text with `'`. moment's own `y` (era year) is not supported.
 */
export function isDateFnsPattern(pattern: string): boolean {
  const outside = pattern.replace(/\[[^\]]*\]/g, "");
  return (/y/.test(outside) && !/Y/.test(outside)) || outside.includes("'");
}

function compileDateFns(pattern: string): CompiledDateFormat {
  // date-fns would also log a console warning for D (day of year), usually a moment DD mixed in.
  if (/D/.test(pattern.replace(/'[^']*'/g, ""))) {
    return { ok: false, error: "Mixes date-fns yyyy with moment DD: write the whole pattern in one style, such as YYYY-MM-DD." };
  }
  try {
    format(SAMPLE, pattern);
    return { ok: true, format: (date) => format(date, pattern) };
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("; ")[0] : String(e);
    return { ok: false, error: `Not a valid date-fns pattern (${reason}); moment-style patterns such as YYYY-MM-DD are accepted too.` };
  }
}

/** date-fns token → moment token, for moving old settings to moment style. */
const FROM_DATE_FNS: Record<string, string> = {
  yyyy: "YYYY", yy: "YY", y: "Y", M: "M", MM: "MM", MMM: "MMM", MMMM: "MMMM", d: "D", dd: "DD", do: "Do",
  EEE: "ddd", EEEE: "dddd", EEEEEE: "dd", H: "H", HH: "HH", h: "h", hh: "hh", m: "m", mm: "mm", s: "s", ss: "ss", a: "A",
};

/**
 * The moment-style equivalent of a date-fns pattern (`yyyy-MM-dd` → `YYYY-MM-DD`), or undefined
 * when the pattern uses a token or quoting this translation does not cover (it keeps working as is).
 */
export function momentFromDateFns(pattern: string): string | undefined {
  if (!isDateFnsPattern(pattern) || pattern.includes("'") || pattern.includes("[")) return undefined;
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] === c) j++;
    let token = pattern.slice(i, j);
    if (c === "d" && token.length === 1 && pattern[j] === "o") token += pattern[j++];
    const target = FROM_DATE_FNS[token];
    if (target === undefined) return undefined;
    out += target;
    i = j;
  }
  return out;
}
