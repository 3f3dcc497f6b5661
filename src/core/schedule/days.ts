/**
 * Calendar days as integers (days since 1970-01-01), so schedule arithmetic is exact and free of
 * time zones and daylight-saving shifts. Dates from the timeline parser are local midnights.
 */
const MS_PER_DAY = 86_400_000;

export function dayNumber(d: Date): number {
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / MS_PER_DAY);
}

/** `2026-03-16` for a day number. */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 3) % 7) + 7) % 7;
}
