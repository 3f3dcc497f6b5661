import type { Diagnostic } from "../diagnostics";
import { detectDrift, driftDiagnostic } from "../drift";
import type { FileAccess } from "../files";
import { buildExecutionPlan } from "../generate/plan-model";
import { renderExecuteNote } from "../generate/render";
import { isUnfilledTemplate } from "../generate/unfilled";
import { ROLE_FILES, detectVisions } from "../vision/detect";
import { loadVision } from "../vision/load";
import type { DocRole, Milestone, VisionRef } from "../vision/model";
import { parseTimeline, timelineDays } from "../vision/timeline";
import { type PlanTiming, planTiming, relocateTiming } from "../schedule/timing";
import { normalizeText } from "../text/normalize";

/**
 * Finds the execution plans under a folder (FORMAT.md §1): the folder's own execute.md /
 * execution.md / tasks.md, or those of the vision and spec-kit folders inside it. A vision that
 * has a milestone plan but no execute note yet gets one generated in memory, so its graph and
 * progress can be shown before anything is written.
 */
export interface PlanSource {
  /** Path inside the searched folder (for a generated note: where it would be written). */
  path: string;
  text: string;
  /** True when the note was generated in memory from the vision's plan. */
  generated: boolean;
  /** Vision or spec folder name (`001-team-reading-list`), when the plan belongs to one. */
  id?: string;
  /** Milestone durations in days by label (`M2` → 21), from the plan's Timeline fields. */
  phaseWeights: Map<string, number>;
  /** What the vision's plan says about time (Start Date, Timelines), for the schedule. */
  timing?: PlanTiming;
  /** Errors in the vision's sources (a milestone cycle…) and whether the note is out of date with them. */
  diagnostics: Diagnostic[];
}

export interface LocateOptions {
  /** Name of the searched folder itself (its last path segment), for detecting `visions/001-x` when it is the root. */
  folderName?: string;
  /** Date written into notes generated in memory. */
  today: Date;
}

/** Milestone durations in days by label (`M2`), from their Timelines (full parse or outline). */
export function milestoneWeights(milestones: readonly Milestone[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const m of milestones) {
    const days = m.timeline ? timelineDays(parseTimeline(m.timeline.text)) : undefined;
    if (days !== undefined) weights.set(`M${m.number}`, days);
  }
  return weights;
}

/** The role documents directly inside a folder (paths relative to it). */
function folderRef(paths: string[], id: string): VisionRef | undefined {
  const top = new Set(paths.filter((p) => !p.includes("/")).map((p) => p.toLowerCase()));
  const kind = top.has("spec.md") ? "spec" : "vision";
  const docs: Partial<Record<DocRole, string>> = {};
  for (const [role, names] of Object.entries(ROLE_FILES[kind]) as [DocRole, string[]][]) {
    const found = names.find((n) => top.has(n));
    if (found) docs[role] = paths.find((p) => p.toLowerCase() === found);
  }
  return docs.execute || docs.plan ? { id, folder: "", kind, docs } : undefined;
}

async function planOf(ref: VisionRef, read: (p: string) => Promise<string>, local: (p: string) => string, today: Date): Promise<PlanSource | undefined> {
  const execute = ref.docs.execute;
  const id = ref.id || undefined;
  if (ref.kind === "spec") {
    if (!execute) return undefined;
    return { path: local(execute), text: await read(execute), generated: false, id, phaseWeights: new Map(), diagnostics: [] };
  }
  const needsVision = !execute || ref.docs.plan;
  let planText: string | undefined;
  const readKeepingPlan = async (p: string): Promise<string> => {
    const text = await read(p);
    if (p === ref.docs.plan) planText = normalizeText(text);
    return text;
  };
  const loaded = needsVision ? await loadVision(ref, readKeepingPlan) : undefined;
  const phaseWeights = loaded ? milestoneWeights(loaded.vision.plan?.milestones ?? []) : new Map<string, number>();
  const plan = loaded?.vision.plan;
  const timing = plan ? relocateTiming(planTiming(plan.milestones, planText === undefined ? undefined : { file: plan.file, text: planText }), local) : undefined;
  // The sources' errors (a milestone cycle…) belong to the graph whether or not a note exists.
  const errors = (loaded?.diagnostics ?? []).filter((d) => d.severity === "error").map((d) => ({ ...d, file: local(d.file) }));
  const text = execute ? await read(execute) : undefined;
  // An unfilled intent-kit template (execution.md named by its scripts) is no plan: the vision's is generated.
  if (execute && text !== undefined && !(loaded?.vision.plan && isUnfilledTemplate(text))) {
    const drift = loaded ? detectDrift(loaded.vision, execute, text) : undefined;
    const diagnostics = drift ? [...errors, { ...driftDiagnostic(drift), file: local(drift.file) }] : errors;
    return { path: local(execute), text, generated: false, id, phaseWeights, timing, diagnostics };
  }
  if (!loaded?.vision.plan) return undefined;
  const generated = renderExecuteNote(loaded.vision, buildExecutionPlan(loaded.vision), { today });
  const path = local(ref.folder ? `${ref.folder}/execute.md` : "execute.md");
  return { path, text: generated, generated: true, id, phaseWeights, timing, diagnostics: errors };
}

/** Every plan under the folder `files` is rooted at, in folder order. */
export async function findPlans(files: FileAccess, options: LocateOptions): Promise<PlanSource[]> {
  const paths = (await files.list()).filter((p) => p.toLowerCase().endsWith(".md"));
  const name = options.folderName ?? "";
  // Detection needs the parent folder's name (`visions/001-x`): paths get the folder's own name in front.
  const prefix = name && !name.includes("/") ? `${name}/` : "";
  const local = (p: string): string => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p);
  const out: PlanSource[] = [];
  for (const ref of detectVisions(paths.map((p) => ({ path: prefix + p })))) {
    const plan = await planOf(ref, (p) => files.read(local(p)), local, options.today);
    if (plan) out.push(plan);
  }
  if (out.length) return out;
  // Else the folder itself is a vision or spec folder when it holds an execution or milestone plan directly.
  const own = folderRef(paths, name);
  const plan = own ? await planOf(own, (p) => files.read(p), (p) => p, options.today) : undefined;
  return plan ? [plan] : [];
}
