import { addDays, differenceInCalendarDays, max as latest } from "date-fns";
import { parseCalendarDate } from "../text/parse-date";
import { MAX_TIMELINE_DAYS } from "../limits";
import type { Milestone } from "./model";

/** A milestone Timeline value, understood. */
export type Timeline =
  | { kind: "weeks"; fromWeek: number; toWeek: number }
  | { kind: "dates"; start: Date; end: Date }
  | { kind: "duration"; days: number };

/** `2026-03-16`, `2026/03/16`, `March 16, 2026`, `Mar 16, 2026`, `16 March 2026`, `16 Mar 2026`. */
export const parseDate = parseCalendarDate;

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, sprint: 14, month: 30 };

/** "Weeks 3-5", "Week 2", "2026-03-01 to 2026-03-14", "Complete within 4 weeks", "2-3 weeks", "10 days". */
export function parseTimeline(text: string): Timeline | undefined {
  const iso = [...text.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => parseDate(m[0])).filter((d): d is Date => d !== undefined);
  if (iso.length >= 2) return { kind: "dates", start: iso[0], end: iso[1] };
  const weeks = /\bweeks?\s+(\d+)(?:\s*(?:-|–|—|to|through)\s*(\d+))?/i.exec(text);
  if (weeks) {
    const from = Number(weeks[1]);
    const to = weeks[2] ? Number(weeks[2]) : from;
    if (from >= 1 && to >= from) return { kind: "weeks", fromWeek: from, toWeek: to };
  }
  const span = /(?:^|[^\w.+-])(\d{1,15}(?:\.\d{1,9})?)(?:\s*(?:-|–|to)\s*(\d{1,15}(?:\.\d{1,9})?))?\s*(day|week|sprint|month)s?\b/i.exec(text);
  if (span) {
    const n = Number(span[2] ?? span[1]);
    return { kind: "duration", days: Math.max(1, Math.round(n * UNIT_DAYS[span[3].toLowerCase()])) };
  }
  return undefined;
}

/** Length in days, when the timeline states one. */
export function timelineDays(t: Timeline | undefined): number | undefined {
  if (!t) return undefined;
  if (t.kind === "duration") return t.days;
  if (t.kind === "weeks") return (t.toWeek - t.fromWeek + 1) * 7;
  return differenceInCalendarDays(t.end, t.start) + 1;
}

export interface ScheduledMilestone {
  start: Date;
  end: Date;
}

/**
 * Calendar dates for each milestone whose Timeline can be placed: week ranges count from the plan's
 * start date; durations start when the milestones they depend on end (or at the plan's start).
 */
export function scheduleMilestones(milestones: Milestone[], order: string[], planStart: Date | undefined): Map<string, ScheduledMilestone> {
  const result = new Map<string, ScheduledMilestone>();
  const byNumber = new Map(milestones.map((m) => [m.number, m]));
  for (const n of order) {
    const m = byNumber.get(n);
    const t = m?.timeline ? parseTimeline(m.timeline.text) : undefined;
    if (!m || !t || !timelineFits(t)) continue; // reported by checkTimelines
    if (t.kind === "dates") {
      result.set(n, { start: t.start, end: t.end });
      continue;
    }
    if (!planStart) continue;
    if (t.kind === "weeks") {
      result.set(n, { start: addDays(planStart, (t.fromWeek - 1) * 7), end: addDays(planStart, t.toWeek * 7 - 1) });
      continue;
    }
    const ends = m.dependsOn.map((d) => result.get(d)?.end).filter((d): d is Date => d !== undefined);
    const start = ends.length > 0 ? addDays(latest(ends), 1) : planStart;
    result.set(n, { start, end: addDays(start, t.days - 1) });
  }
  return result;
}

/** Whether a timeline is short enough to be put on a calendar (see `MAX_TIMELINE_DAYS`). */
export function timelineFits(t: Timeline): boolean {
  if (t.kind === "weeks") return t.toWeek * 7 <= MAX_TIMELINE_DAYS;
  return (timelineDays(t) ?? 0) <= MAX_TIMELINE_DAYS;
}
