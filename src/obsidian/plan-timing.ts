import { type PlanTiming, planTiming } from "../core/schedule/timing";
import type { VisionEntry, VisionIndex } from "./vision-index";

/** Entries are replaced when a document changes, so a timing cached per entry is never stale. */
const cache = new WeakMap<VisionEntry, PlanTiming>();

/**
 * What a vision's plan says about time (Start Date, milestone Timelines, Overall Timeline), from
 * the index's outline and the plan text it already read: no note is read again.
 */
export function timingOf(index: Pick<VisionIndex, "sourceText">, entry: VisionEntry): PlanTiming {
  const known = cache.get(entry);
  if (known) return known;
  const file = entry.ref.docs.plan;
  const text = file !== undefined ? index.sourceText(file) : undefined;
  const timing = planTiming(entry.outline?.milestones ?? [], file !== undefined && text !== undefined ? { file, text } : undefined);
  cache.set(entry, timing);
  return timing;
}
