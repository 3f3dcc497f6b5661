import { dayNumber, isoDay } from "../../src/core/schedule/days";
import type { PlanTiming, TimingSource } from "../../src/core/schedule/timing";

/** A plan's timing carried into the browser page (no Node built-ins here: the page bundles this file). */

/** The day the example's execute note is generated and its timeline drawn ("today"). */
export const EXAMPLE_TODAY = "2026-11-24";

/** A plan's timing as plain data, for a page (`page.evaluate` takes no Map or Date): `timingFromJson` rebuilds it. */
export interface TimingJson {
  start?: string;
  timelines: [string, TimingSource][];
  headings: [string, TimingSource][];
  overall?: TimingSource;
}

export function timingToJson(t: PlanTiming): TimingJson {
  return { start: t.start && isoDay(dayNumber(t.start)), timelines: [...t.timelines], headings: [...(t.headings ?? [])], overall: t.overall };
}

/** Local midnight of an ISO day, as the timeline parser gives dates. */
export function localDay(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
}

export function timingFromJson(j: TimingJson): PlanTiming {
  const t: PlanTiming = { timelines: new Map(j.timelines), headings: new Map(j.headings) };
  if (j.start) t.start = localDay(j.start);
  if (j.overall) t.overall = j.overall;
  return t;
}
