import { isoDay } from "../schedule/days";
import type { Schedule, ScheduledPhase } from "../schedule/model";
import { displayText } from "./layout-text";

/**
 * The schedule as a Mermaid `gantt` chart, for notes and GitHub (`intentk graph --format gantt`,
 * the plugin's copy command). Each phase is placed on its own scheduled start with its duration in
 * days (not `after …`), so stated dates stay where the plan put them. Critical phases are `crit`,
 * finished ones `done`, started ones `active`; phases that take no time are Mermaid milestones;
 * estimated durations say so in the label (Mermaid has no style of its own for them).
 */

export interface GanttOptions {
  title?: string;
}

const SECTION: Record<ScheduledPhase["kind"], string> = {
  setup: "Setup",
  foundational: "Foundational",
  milestone: "Milestones",
  story: "User stories",
  polish: "Polish",
  other: "Phases",
};

/** Gantt statements end at a newline; a colon splits name from data, `#`/`;`/`%%` start comments or statements. */
export function ganttText(text: string): string {
  return displayText(text)
    .replace(/:/g, " -")
    .replace(/[#;%]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function taskLine(p: ScheduledPhase): string {
  const tags: string[] = [];
  if (p.critical) tags.push("crit");
  if (p.total > 0 && p.done === p.total) tags.push("done");
  else if (p.done > 0) tags.push("active");
  if (p.durationDays === 0) tags.push("milestone");
  const progress = p.total > 0 ? ` ${p.done}/${p.total}` : "";
  const name = `${ganttText(p.title) || p.phase}${p.estimated ? " (estimated)" : ""}${progress}`;
  // Mermaid ids: letters, digits, `-` and `_`; phase ids are `phase-3`.
  const id = p.phase.replace(/[^A-Za-z0-9_-]/g, "_");
  return `    ${name} :${[...tags, id, isoDay(p.start), `${p.durationDays}d`].join(", ")}`;
}

export function toGantt(schedule: Schedule, options: GanttOptions = {}): string {
  const out = ["gantt"];
  const title = options.title ? ganttText(options.title) : "";
  if (title) out.push(`    title ${title}`);
  out.push("    dateFormat YYYY-MM-DD", "    axisFormat %b %d");
  let section = "";
  for (const p of schedule.phases) {
    if (SECTION[p.kind] !== section) {
      section = SECTION[p.kind];
      out.push(`    section ${section}`);
    }
    out.push(taskLine(p));
  }
  return `${out.join("\n")}\n`;
}
