/**
 * Reads the calendar dates plans write: `2026-03-16`, `2026/03/16`, `March 16, 2026`,
 * `Mar 16, 2026`, `16 March 2026`, `16 Mar 2026` (English month names, any case). A small scanner
 * instead of date-fns `parse`, whose pattern machinery would add some 20 KB to the plugin for
 * these six shapes. Impossible dates (`2026-02-30`) are not dates.
 */

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** The month a full or three-letter English name stands for (0-11), or -1. */
function monthOf(name: string): number {
  const n = name.toLowerCase();
  if (n.length === 3) return MONTHS.findIndex((m) => m.startsWith(n));
  return MONTHS.indexOf(n);
}

/** A real calendar day, at local midnight; undefined for an impossible one. */
function calendarDay(year: number, month: number, day: number): Date | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  const d = new Date(year, month, day);
  return d.getFullYear() === year && d.getMonth() === month && d.getDate() === day ? d : undefined;
}

const NUMERIC = /^(\d{4})([-/])(\d{2})\2(\d{2})$/;
const MONTH_FIRST = /^([A-Za-z]{3,9}) (\d{1,2}), (\d{4})$/;
const DAY_FIRST = /^(\d{1,2}) ([A-Za-z]{3,9}) (\d{4})$/;

/** The date `text` is (after trimming and removing surrounding backticks), or undefined. */
export function parseCalendarDate(text: string): Date | undefined {
  let t = text.trim();
  if (t.length > 40) return undefined;
  if (t.startsWith("`")) t = t.slice(1);
  if (t.endsWith("`")) t = t.slice(0, -1);
  let m = NUMERIC.exec(t);
  if (m) return calendarDay(Number(m[1]), Number(m[3]) - 1, Number(m[4]));
  m = MONTH_FIRST.exec(t);
  if (m) return calendarDay(Number(m[3]), monthOf(m[1]), Number(m[2]));
  m = DAY_FIRST.exec(t);
  if (m) return calendarDay(Number(m[3]), monthOf(m[2]), Number(m[1]));
  return undefined;
}
