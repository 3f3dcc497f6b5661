import { isoDay } from "./days";
import type { Schedule, ScheduleJson } from "./model";

/** `schedule` of the graph JSON contract: ISO dates, `end` the last day of work (= `start` for a phase that takes no time). */
export function toScheduleJson(schedule: Schedule): ScheduleJson[] {
  return schedule.phases.map((p) => ({
    phase: p.phase,
    start: isoDay(p.start),
    end: isoDay(Math.max(p.start, p.finish - 1)),
    earliestStart: isoDay(p.earliestStart),
    latestStart: isoDay(p.latestStart),
    slackDays: p.slackDays,
    estimated: p.estimated,
  }));
}
