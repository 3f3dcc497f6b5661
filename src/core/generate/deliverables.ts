import type { Milestone, SourceItem, Vision } from "../vision/model";
import { splitDeliverables } from "./split-deliverables";

/** Deliverables as build tasks: one per deliverable, in words that read as a task. */

const VERBS =
  /^(?:add|build|create|implement|write|set up|setup|configure|design|define|deploy|document|integrate|migrate|publish|run|ship|test|update|wire|prepare|draft|install|launch|measure|train|collect|review|refactor|automate|establish|extend|provide|enable|introduce|replace|port|expose|render|store|track|validate|verify|check|model|instrument|benchmark|conduct|interview|recruit|analyse|analyze|survey|evaluate|deliver|produce|fix|remove|translate|onboard|finalize|finalise|obtain|negotiate|hire|audit|backfill)\b/i;

/**
 * Turns a deliverable (often a noun phrase) into a task description: one that already reads as an
 * action is kept as written; otherwise "Deliver …", lower-casing an ordinary capitalised first word
 * ("Tables for teams") but never a name: camelCase or capitals inside (`ClinicSoft`, `iOS`, `API`),
 * or a word the vision's documents capitalise mid-sentence (`names`: Python, Monday).
 */
export function deliverableTask(text: string, names: ReadonlySet<string> = new Set()): string {
  if (VERBS.test(text)) return text[0].toUpperCase() + text.slice(1);
  const first = (/^\S+/.exec(text)?.[0] ?? "").replace(/[,:;.]$/, "");
  const ordinary = /^[A-Z][a-z'-]+$/.test(first) && !names.has(first);
  const lowered = ordinary ? text[0].toLowerCase() + text.slice(1) : text;
  return `Deliver ${lowered}`;
}

/** Capitalised words written mid-sentence ("…loggers, Python poller"): names, whose case is kept. */
export function namesIn(texts: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/[a-z0-9,;:)]\s+([A-Z][a-z'-]+)\b/g)) names.add(m[1]);
  }
  return names;
}

/** A milestone's deliverables, one per item: nested bullets as their leaves, one-line lists split. */
export function deliverableItems(m: Milestone): SourceItem[] {
  const out: SourceItem[] = [];
  const visit = (item: SourceItem, context: string): void => {
    if (item.children.length) {
      const parent = item.text.replace(/[:;,.]+$/, "");
      for (const c of item.children) visit(c, parent ? `${context}${parent}: ` : context);
      return;
    }
    out.push({ ...item, text: `${context}${item.text}`, children: [] });
  };
  // Bullets are one deliverable each; only a field written on one line is split into its items.
  if (m.deliverables.length === 1 && m.deliverables[0].children.length === 0) {
    const d = m.deliverables[0];
    return splitDeliverables(d.text).map((piece) => ({ ...d, text: piece }));
  }
  for (const d of m.deliverables) visit(d, "");
  return out;
}

/** The texts of a vision's milestones, strategies, objectives and intents (for `namesIn`). */
export function visionTexts(v: Vision): string[] {
  const out: string[] = [];
  const add = (item: SourceItem | undefined): void => {
    if (!item) return;
    out.push(item.text);
    item.children.forEach(add);
  };
  for (const m of v.plan?.milestones ?? []) [m.objective, m.independentValidation, m.why, ...m.deliverables, ...m.acceptance, ...m.successCriteria, ...m.validationApproach].forEach(add);
  for (const s of v.strategy?.strategies ?? []) [s.approach, ...s.tools, ...s.steps].forEach(add);
  for (const o of v.goal?.objectives ?? []) [o.description, ...o.successCriteria].forEach(add);
  for (const i of v.vision?.intents ?? []) out.push(i.description);
  return out;
}
