import type { Diagnostic } from "../diagnostics";
import type { PhaseKind } from "../reader/model";

/**
 * The schedule of a plan by the critical path method. Days are calendar days as integers
 * (`days.ts`); finishes are exclusive (a 7-day phase starting on day 10 finishes on day 17 and its
 * last working day is 16).
 */
export interface ScheduledPhase {
  /** Phase id in the graph (`phase-3`). */
  phase: string;
  title: string;
  kind: PhaseKind;
  label?: string;
  /** Line of the phase heading in the execute note. */
  line: number;
  /** Where the phase is placed: its stated start, else its earliest start. */
  start: number;
  /** Exclusive finish of `start + duration`. */
  finish: number;
  earliestStart: number;
  earliestFinish: number;
  latestStart: number;
  latestFinish: number;
  durationDays: number;
  /** Latest start − earliest start; 0 on the critical path. */
  slackDays: number;
  /** Duration estimated from the task count (no readable Timeline). */
  estimated: boolean;
  /** Dates fixed by the plan (explicit dates, or week ranges from the Start Date). */
  stated: boolean;
  critical: boolean;
  /** Scheduled phases this one waits for. */
  dependsOn: string[];
  done: number;
  total: number;
}

export interface Schedule {
  /** First day of the plan (its Start Date, else the earliest stated date, else today). */
  start: number;
  /** Exclusive finish of the last phase. */
  finish: number;
  /** Phases in dependency order; phases caught in a dependency cycle are left out. */
  phases: ScheduledPhase[];
  /** Phase ids of the zero-slack chain that ends last, first to last. */
  criticalPath: string[];
  diagnostics: Diagnostic[];
}

/** One entry of `schedule` in the graph JSON contract; dates are ISO `yyyy-MM-dd`, `end` inclusive. */
export interface ScheduleJson {
  phase: string;
  start: string;
  end: string;
  earliestStart: string;
  latestStart: string;
  slackDays: number;
  estimated: boolean;
}
