import { matchKey, normalizeKey, splitSegments } from "../markdown/fields";
import { fenceTracker } from "../markdown/fences";
import type { Milestone } from "../vision/model";
import { firstDate } from "../vision/start-date";

/** A Timeline value as written, with where it was written. */
export interface TimingSource {
  text: string;
  file: string;
  line: number;
}

/**
 * What a milestone plan says about time: its Start Date, each phase's Timeline (milestones by
 * label `M2`; Setup and Foundational by kind, from `**Setup Timeline**:` / `**Foundational
 * Timeline**:` fields) and the Overall Timeline of its Milestone Overview.
 */
export interface PlanTiming {
  start?: Date;
  /** Where the Start Date is written, also when it cannot be read (for diagnostics). */
  startSource?: TimingSource;
  timelines: Map<string, TimingSource>;
  /** Where each milestone's heading is, by label (text: the heading), so diagnostics can point at the plan. */
  headings?: Map<string, TimingSource>;
  overall?: TimingSource;
}

/** Plan-level fields read from the text, by normalised key → the timelines key they fill. */
const PLAN_FIELDS: Record<string, string> = {
  "start date": "start",
  start: "start",
  "overall timeline": "overall",
  "setup timeline": "setup",
  "foundational timeline": "foundational",
};

/** The first occurrence of each plan-level timing field outside code blocks (bold `**Key**:` form). */
function planFields(file: string, text: string): Map<string, TimingSource> {
  const found = new Map<string, TimingSource>();
  const inCode = fenceTracker();
  text.split(/\r?\n/).forEach((line, i) => {
    if (inCode(line)) return;
    const body = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "");
    // Header lines hold several fields: `**Date**: … | **Start Date**: …`, or a literal `\n` between them.
    for (const seg of splitSegments(body)) {
      const key = matchKey(seg.trim(), false);
      const role = key && !key.isId ? PLAN_FIELDS[normalizeKey(key.key)] : undefined;
      if (role && key && !found.has(role) && key.value !== "") found.set(role, { text: key.value.replace(/^`|`$/g, ""), file, line: i + 1 });
    }
  });
  return found;
}

/**
 * The timing of a plan from its milestones (full parse or the index's outline) and, when given,
 * the plan's text (Start Date, Overall Timeline, Setup/Foundational timelines).
 */
export function planTiming(milestones: readonly Milestone[], plan?: { file: string; text: string }): PlanTiming {
  const timelines = new Map<string, TimingSource>();
  const headings = new Map<string, TimingSource>();
  for (const m of milestones) {
    const key = `M${m.number}`;
    if (m.timeline && !timelines.has(key)) timelines.set(key, { text: m.timeline.text, file: m.timeline.file, line: m.timeline.line });
    if (!headings.has(key)) headings.set(key, { text: m.heading, file: m.file, line: m.line });
  }
  const timing: PlanTiming = { timelines, headings };
  if (!plan) return timing;
  const fields = planFields(plan.file, plan.text);
  // The Start Date, else the first date of the Overall Timeline ("13 weeks (2026-03-02 to …)"), as
  // the execute note reads it.
  const overall = fields.get("overall");
  const start = fields.get("start") ?? (overall && firstDate(overall.text) ? overall : undefined);
  const date = start ? firstDate(start.text) : undefined;
  if (start) timing.startSource = start;
  if (date) timing.start = date;
  if (fields.has("overall")) timing.overall = fields.get("overall");
  for (const kind of ["setup", "foundational"]) {
    const t = fields.get(kind);
    if (t) timelines.set(kind, t);
  }
  return timing;
}

/** The same timing with every file path passed through `map` (paths as the caller shows them). */
export function relocateTiming(timing: PlanTiming, map: (file: string) => string): PlanTiming {
  const move = (t: TimingSource): TimingSource => ({ ...t, file: map(t.file) });
  const out: PlanTiming = { timelines: new Map([...timing.timelines].map(([k, t]) => [k, move(t)])) };
  if (timing.headings) out.headings = new Map([...timing.headings].map(([k, t]) => [k, move(t)]));
  if (timing.start) out.start = timing.start;
  if (timing.startSource) out.startSource = move(timing.startSource);
  if (timing.overall) out.overall = move(timing.overall);
  return out;
}
