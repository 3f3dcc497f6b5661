import { dayNumber, isoDay, weekday } from "../schedule/days";
import type { Schedule, ScheduledPhase } from "../schedule/model";
import { displayText, measureText, truncateLine, type TextFont } from "./layout-text";
import type { Point } from "./layout";

/**
 * Geometry of the timeline of a schedule: one row per phase, its label in a left column (so labels
 * can never overlap the bars or each other), its bar on a calendar axis with week ticks, slack as a
 * thin extension after the bar, arrows from each phase's end to the start of the phases that wait
 * for it, and a line at today. Pure and linear in phases and dependencies; the view uses `rows`
 * (each with its phase id and rectangles) for clicks and the same scene for drawing.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelineRow {
  phase: string;
  /** 0-based row, in schedule (dependency) order. */
  index: number;
  /** The whole row, label column included: the click target. */
  row: Rect;
  /** The label's box (text as shown, maybe ending in "…"; `full` for tooltips). */
  label: Rect & { text: string; full: string };
  /** The bar (width 0 for a phase that takes no time: drawn as a diamond at `bar.x`). */
  bar: Rect;
  /** Width of the progress fill inside the bar. */
  progressWidth: number;
  /** Slack after the bar, as a thin extension (width 0 when none). */
  slack: Rect;
  entry: ScheduledPhase;
}

export interface TimelineArrow {
  from: string;
  to: string;
  points: Point[];
  critical: boolean;
}

export interface TimelineTick {
  x: number;
  day: number;
  label: string;
  /** First week of a month: drawn stronger. */
  month: boolean;
  /** Whether the tick carries its date (every week when there is room, else every few weeks). */
  labelled: boolean;
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** First and last (exclusive) day on the axis, and its scale. */
  axisStart: number;
  axisEnd: number;
  pxPerDay: number;
  /** Left edge of the calendar area. */
  chartX: number;
  rows: TimelineRow[];
  arrows: TimelineArrow[];
  ticks: TimelineTick[];
  /** x of today's line, when today is on the axis. */
  todayX?: number;
  /** Top of the first row (below the axis labels). */
  top: number;
}

export interface TimelineOptions {
  today: Date | number;
  /** Pixels per day; default: fit the plan into about 900 px, between 2 and 24. */
  pxPerDay?: number;
}

export const TIMELINE_METRICS = {
  margin: 16,
  axisHeight: 36,
  rowHeight: 28,
  barHeight: 14,
  slackHeight: 4,
  label: { size: 12 } as TextFont,
  /** Height of a label's box: the font size and room for descenders. */
  labelHeight: 16,
  labelPad: 12,
  labelMin: 120,
  labelMax: 340,
  chartWidth: 900,
  maxChartWidth: 4000,
  /** At most this many ticks on the axis (a tick every few weeks on long plans). */
  maxTicks: 200,
  /** Horizontal run of an arrow before it turns. */
  elbow: 6,
  /** Least room for one tick's date. */
  tickLabelWidth: 48,
} as const;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mar 16" for a day number. */
export function shortDate(day: number): string {
  const iso = isoDay(day);
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`;
}

function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function layoutTimeline(schedule: Schedule, options: TimelineOptions): TimelineLayout {
  const M = TIMELINE_METRICS;
  const today = typeof options.today === "number" ? options.today : dayNumber(options.today);
  // The axis runs from the Monday on or before the first day to the end of the last bar or slack.
  let first = schedule.start;
  let last = schedule.finish;
  for (const p of schedule.phases) {
    first = Math.min(first, p.start);
    last = Math.max(last, p.finish, p.latestFinish);
  }
  const axisStart = first - weekday(first);
  const axisEnd = Math.max(last, axisStart + 7) + 1;
  const span = axisEnd - axisStart;
  // About 900 px; long plans get at least 2 px a day, but never more than 4,000 px in all.
  const pxPerDay = options.pxPerDay ?? Math.min(24, Math.max(M.chartWidth / span, Math.min(2, M.maxChartWidth / span)));

  // The label column is as wide as the widest label (within bounds); longer labels end in "…".
  const labels = schedule.phases.map((p) => displayText(p.title) || p.phase);
  const widest = Math.max(0, ...labels.map((l) => measureText(l, M.label)));
  const labelWidth = Math.min(M.labelMax, Math.max(M.labelMin, widest + 2 * M.labelPad));
  const textRoom = labelWidth - 2 * M.labelPad;
  const fitted = labels.map((l) => (measureText(l, M.label) <= textRoom ? l : truncateLine(l, textRoom, M.label)));
  const chartX = M.margin + labelWidth;
  const top = M.margin + M.axisHeight;
  const dayX = (day: number): number => r1(chartX + (day - axisStart) * pxPerDay);

  const rowOf = new Map<string, TimelineRow>();
  const rows = schedule.phases.map((p, index): TimelineRow => {
    const y = top + index * M.rowHeight;
    const barY = y + (M.rowHeight - M.barHeight) / 2;
    const x = dayX(p.start);
    const width = r1(p.durationDays * pxPerDay);
    const slackDays = Math.max(0, p.slackDays);
    const row: TimelineRow = {
      phase: p.phase,
      index,
      row: { x: M.margin, y, width: 0, height: M.rowHeight },
      label: { x: M.margin + M.labelPad / 2, y: y + (M.rowHeight - M.labelHeight) / 2, width: r1(measureText(fitted[index], M.label)), height: M.labelHeight, text: fitted[index], full: labels[index] },
      bar: { x, y: barY, width, height: M.barHeight },
      progressWidth: p.total > 0 ? r1((width * p.done) / p.total) : 0,
      slack: { x: r1(x + width), y: y + (M.rowHeight - M.slackHeight) / 2, width: r1(slackDays * pxPerDay), height: M.slackHeight },
      entry: p,
    };
    rowOf.set(p.phase, row);
    return row;
  });

  const width = r1(chartX + span * pxPerDay + M.margin);
  for (const r of rows) r.row.width = width - 2 * M.margin;
  const height = top + rows.length * M.rowHeight + M.margin;

  const arrows: TimelineArrow[] = [];
  for (const r of rows) {
    for (const d of r.entry.dependsOn) {
      const from = rowOf.get(d);
      if (!from) continue;
      const x1 = from.bar.x + from.bar.width;
      const y1 = from.bar.y + M.barHeight / 2;
      const x2 = r.bar.x;
      const y2 = r.bar.y + M.barHeight / 2;
      const down = y2 > y1 ? 1 : -1;
      const points: Point[] =
        x2 - x1 >= 2 * M.elbow
          ? [{ x: x1, y: y1 }, { x: x1 + M.elbow, y: y1 }, { x: x1 + M.elbow, y: y2 }, { x: x2, y: y2 }]
          : // The phase starts before (or right as) its predecessor ends: go round between the rows.
            [
              { x: x1, y: y1 },
              { x: x1 + M.elbow, y: y1 },
              { x: x1 + M.elbow, y: y2 - (down * M.rowHeight) / 2 },
              { x: x2 - M.elbow, y: y2 - (down * M.rowHeight) / 2 },
              { x: x2 - M.elbow, y: y2 },
              { x: x2, y: y2 },
            ];
      arrows.push({ from: d, to: r.phase, points, critical: from.entry.critical && r.entry.critical });
    }
  }

  const ticks: TimelineTick[] = [];
  let month = "";
  const stepDays = 7 * Math.max(1, Math.ceil(span / 7 / M.maxTicks));
  const every = Math.max(1, Math.ceil(M.tickLabelWidth / (stepDays * pxPerDay)));
  for (let day = axisStart, k = 0; day < axisEnd; day += stepDays, k++) {
    const m = isoDay(day).slice(0, 7);
    ticks.push({ x: dayX(day), day, label: shortDate(day), month: m !== month, labelled: k % every === 0 });
    month = m;
  }
  const layout: TimelineLayout = { width, height, axisStart, axisEnd, pxPerDay, chartX, rows, arrows, ticks, top };
  if (today >= axisStart && today <= axisEnd) layout.todayX = dayX(today);
  return layout;
}
