import type { Diagnostic } from "../diagnostics";
import { stableOrder } from "../graph/critical";
import type { GraphPhase, PlanGraph } from "../graph/model";
import { hasPlaceholder } from "../vision/placeholders";
import { parseTimeline, timelineDays } from "../vision/timeline";
import { dayNumber, isoDay } from "./days";
import type { Schedule, ScheduledPhase } from "./model";
import type { PlanTiming, TimingSource } from "./timing";

/**
 * The critical path method over the phase graph of a plan (milestone dependencies, Setup and
 * Foundational before the milestones, Polish after them), in calendar days:
 *
 * - a phase whose Timeline states dates (or a week range, counted from the plan's Start Date) is
 *   placed on them; one that states a duration ("3 weeks", or a week range without a Start Date)
 *   starts when the last phase it depends on finishes;
 * - a milestone (or story) phase without a readable Timeline is estimated from its task count: one
 *   working day per task, five a week, rounded up to whole weeks (at least one), and flagged
 *   `estimated`;
 * - Setup, Foundational and Polish take no time unless the plan gives them some.
 *
 * A forward pass gives earliest starts and finishes, a backward pass from the end of the plan the
 * latest ones; slack is their difference (negative where stated dates contradict a dependency).
 * The critical path is traced back from the phase that finishes last through the predecessor that
 * finishes last (ties: the earlier phase, as the graph's own critical path does), so the two agree
 * wherever durations are known. O(V + E log V).
 * Phases caught in a dependency cycle are left out, with a diagnostic (the graph reports the cycle).
 */

export interface ScheduleOptions {
  /** Where the schedule starts when the plan states neither a Start Date nor any date. */
  today: Date;
}

const WEEK = 7;
/** Longest span a Timeline may describe (ten years): beyond it, a typo rather than a plan. */
const MAX_DAYS = 3653;
const TASKS_PER_WEEK = 5;
const TAKES_NO_TIME = new Set(["setup", "foundational", "polish"]);
const EXPECTED = '"Weeks 3-5" (counted from the plan\'s Start Date), "3 weeks" or "2026-03-16 to 2026-04-03"';

interface Duration {
  days: number;
  /** Stated first day, when the plan fixes it. */
  pinned?: number;
  estimated: boolean;
  source?: TimingSource;
}

/** Days one working day per task, five a week, rounded up to whole weeks; at least one week. */
export function estimatedDays(tasks: number): number {
  return Math.max(1, Math.ceil(tasks / TASKS_PER_WEEK)) * WEEK;
}

/** "Milestone 3" for milestone phases, else the phase title. */
function phaseName(p: GraphPhase): string {
  return p.label && /^M\d/.test(p.label) ? `Milestone ${p.label.slice(1)}` : p.title;
}

function durationOf(p: GraphPhase, timing: PlanTiming, planStart: number | undefined, diagnostics: Diagnostic[]): Duration {
  const key = TAKES_NO_TIME.has(p.kind) ? p.kind : p.label;
  const source = key !== undefined ? timing.timelines.get(key) : undefined;
  const fallback = (): Duration => (TAKES_NO_TIME.has(p.kind) ? { days: 0, estimated: false } : { days: estimatedDays(p.total), estimated: true });
  // A placeholder is reported where it is written; it is no timeline.
  if (!source || source.text.trim() === "" || hasPlaceholder(source.text)) return fallback();
  const t = parseTimeline(source.text);
  const days = timelineDays(t);
  const reach = t?.kind === "weeks" ? t.toWeek * WEEK : (days ?? 0);
  if (!t || days === undefined || days < 1 || reach > MAX_DAYS) {
    const why = reach > MAX_DAYS ? "it spans more than ten years" : t?.kind === "dates" ? "it ends before it starts" : `expected ${EXPECTED}`;
    diagnostics.push({
      code: "timeline-unreadable",
      severity: "warning",
      message: `The Timeline of ${phaseName(p)} ("${source.text}") cannot be read: ${why}. ${TAKES_NO_TIME.has(p.kind) ? "It takes no time" : "Its duration is estimated from its tasks"} in the schedule.`,
      file: source.file,
      line: source.line,
    });
    return { ...fallback(), source };
  }
  if (t.kind === "dates") return { days, pinned: dayNumber(t.start), estimated: false, source };
  if (t.kind === "weeks" && planStart !== undefined) return { days, pinned: planStart + (t.fromWeek - 1) * WEEK, estimated: false, source };
  return { days, estimated: false, source };
}

export function buildSchedule(graph: PlanGraph, timing: PlanTiming, options: ScheduleOptions): Schedule {
  const phases = graph.phases;
  const n = phases.length;
  const index = new Map(phases.map((p, i) => [p.id, i]));
  const deps: number[][] = phases.map(() => []);
  for (const e of graph.edges) {
    if (e.kind !== "phase") continue;
    const from = index.get(e.from);
    const to = index.get(e.to);
    if (from !== undefined && to !== undefined) deps[to].push(from);
  }
  const { order, acyclicDeps, cycles } = stableOrder(n, deps);
  const diagnostics: Diagnostic[] = [];

  const skipped = new Uint8Array(n);
  for (const c of cycles) {
    const members = [...c].sort((a, b) => a - b);
    for (const i of members) skipped[i] = 1;
    const first = phases[members[0]];
    // Point at the milestone in the plan when it is known (an execute note generated in memory has no file).
    const at = first.label !== undefined ? timing.headings?.get(first.label) : undefined;
    diagnostics.push({
      code: "schedule-cycle",
      severity: "warning",
      message: `${members.map((i) => phaseName(phases[i])).join(", ")} wait for each other, so they are left out of the schedule; remove one of the dependencies between them.`,
      file: at?.file ?? graph.file,
      line: at?.line ?? first.line,
    });
  }
  const kept = order.filter((i) => !skipped[i]);
  const keptDeps = acyclicDeps.map((list) => list.filter((d) => !skipped[d]));

  const planStart = timing.start ? dayNumber(timing.start) : undefined;
  if (timing.startSource && planStart === undefined) {
    diagnostics.push({
      code: "timeline-unreadable",
      severity: "warning",
      message: `The Start Date ("${timing.startSource.text}") cannot be read: expected a date such as 2026-03-02 (or 2026/03/02, March 2, 2026, 2 March 2026); week ranges are scheduled as durations instead.`,
      file: timing.startSource.file,
      line: timing.startSource.line,
    });
  }
  const durations = phases.map((p, i) => (skipped[i] ? { days: 0, estimated: false } : durationOf(p, timing, planStart, diagnostics)));
  let start = planStart;
  if (start === undefined) {
    for (const i of kept) {
      const pin = durations[i].pinned;
      if (pin !== undefined && (start === undefined || pin < start)) start = pin;
    }
  }
  start ??= dayNumber(options.today);

  // Forward pass.
  const es = new Array<number>(n).fill(start);
  const ef = new Array<number>(n).fill(start);
  const drivers = new Int32Array(n).fill(-1);
  for (const i of kept) {
    // The predecessor that finishes last holds the phase up (ties: the earlier phase).
    let driver = -1;
    for (const d of keptDeps[i]) if (driver < 0 || ef[d] > ef[driver] || (ef[d] === ef[driver] && d < driver)) driver = d;
    drivers[i] = driver;
    const ready = driver >= 0 ? Math.max(start, ef[driver]) : start;
    const { pinned, source } = durations[i];
    es[i] = pinned ?? ready;
    ef[i] = es[i] + durations[i].days;
    if (pinned !== undefined && driver >= 0 && pinned < ef[driver] && source) {
      diagnostics.push({
        code: "schedule-conflict",
        severity: "warning",
        message: `${phaseName(phases[i])} is dated to start on ${isoDay(pinned)}, before ${phaseName(phases[driver])}, which it depends on, ends on ${isoDay(ef[driver] - 1)}; move its dates or remove the dependency.`,
        file: source.file,
        line: source.line,
      });
    }
  }
  let finish = start;
  for (const i of kept) finish = Math.max(finish, ef[i]);

  // Backward pass.
  const lf = new Array<number>(n).fill(finish);
  const ls = new Array<number>(n).fill(finish);
  for (let k = kept.length - 1; k >= 0; k--) {
    const i = kept[k];
    ls[i] = lf[i] - durations[i].days;
    for (const d of keptDeps[i]) lf[d] = Math.min(lf[d], ls[i]);
  }

  const criticalPath = traceCritical(kept, drivers, ef).map((i) => phases[i].id);
  const critical = new Set(criticalPath);
  const scheduled: ScheduledPhase[] = kept.map((i) => {
    const p = phases[i];
    const s: ScheduledPhase = {
      phase: p.id,
      title: p.title,
      kind: p.kind,
      line: p.line,
      start: es[i],
      finish: ef[i],
      earliestStart: es[i],
      earliestFinish: ef[i],
      latestStart: ls[i],
      latestFinish: lf[i],
      durationDays: durations[i].days,
      slackDays: ls[i] - es[i],
      estimated: durations[i].estimated,
      stated: durations[i].pinned !== undefined,
      critical: critical.has(p.id),
      dependsOn: keptDeps[i].map((d) => phases[d].id),
      done: p.done,
      total: p.total,
    };
    if (p.label !== undefined) s.label = p.label;
    return s;
  });

  const overall = overallDiagnostic(timing, start, finish, criticalPath.flatMap((id) => {
    const i = index.get(id)!;
    return durations[i].days > 0 ? [phaseName(phases[i])] : [];
  }));
  if (overall) diagnostics.push(overall);
  return { start, finish, phases: scheduled, criticalPath, diagnostics };
}

/**
 * The chain that finishes last, followed back through the predecessors that hold it up: the
 * longest chain, as the graph's critical path. Its phases have zero slack, except where the plan
 * keeps a buffer before a phase it dates: the buffer shows as their slack.
 */
function traceCritical(order: number[], drivers: Int32Array, ef: number[]): number[] {
  if (order.length === 0) return [];
  let end = order[0];
  for (const i of order) if (ef[i] >= ef[end]) end = i;
  const chain: number[] = [];
  for (let i = end; i >= 0; i = drivers[i]) chain.push(i);
  return chain.reverse();
}

function overallDiagnostic(timing: PlanTiming, start: number, finish: number, chain: string[]): Diagnostic | undefined {
  const source = timing.overall;
  if (!source || hasPlaceholder(source.text)) return undefined;
  const days = timelineDays(parseTimeline(source.text));
  if (days === undefined || days < 1) {
    return {
      code: "timeline-unreadable",
      severity: "warning",
      message: `The Overall Timeline ("${source.text}") cannot be read: expected a duration such as "6 weeks", or "2026-03-02 to 2026-04-10"; it is not checked against the critical path.`,
      file: source.file,
      line: source.line,
    };
  }
  const span = finish - start;
  if (days >= span) return undefined;
  return {
    code: "timeline-short",
    severity: "warning",
    message: `The Overall Timeline ("${source.text}", ${days} days) is shorter than the critical path (${chain.join(" → ")}: ${span} days, ${isoDay(start)} to ${isoDay(finish - 1)}); extend it or shorten the milestones on the critical path.`,
    file: source.file,
    line: source.line,
  };
}
