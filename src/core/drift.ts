/**
 * Drift: a vision, goal, strategy or plan note changed after its execute note was generated. The
 * execute note's frontmatter records each source's hash; what changed inside the plan (milestones
 * added, removed, renamed; deliverables changed) comes from the plan snapshot kept with the merge
 * base, or, without one, from the milestone phases of the execute note itself.
 */
import type { Diagnostic } from "./diagnostics";
import { basename } from "./files";
import { splitNote } from "./merge/text";
import { SOURCE_ROLES, type SourceRole } from "./vision/load";
import type { DocRole, Milestone, Vision, VisionRef } from "./vision/model";
import { frontmatterOf } from "./workspace";

export interface MilestoneSnapshot {
  number: string;
  title: string;
  priority?: number;
  /** Deliverables, or the explicit task list when the plan states one. */
  deliverables: string[];
  acceptance: string[];
  criteria: string[];
  validation: string[];
  dependsOn: string[];
}

/** What a generation was made from: enough to say later what changed in the plan. */
export interface PlanSnapshot {
  sources: Partial<Record<SourceRole, { file: string; hash: string }>>;
  milestones: MilestoneSnapshot[];
}

function milestoneSnapshot(m: Milestone): MilestoneSnapshot {
  return {
    number: m.number,
    title: m.title,
    priority: m.priority,
    deliverables: (m.tasks.length ? m.tasks : m.deliverables).map((i) => i.text),
    acceptance: m.acceptance.map((i) => i.text),
    criteria: m.successCriteria.map((i) => i.text),
    validation: m.validationApproach.map((i) => i.text),
    dependsOn: [...m.dependsOn],
  };
}

export function planSnapshot(v: Vision): PlanSnapshot {
  const sources: PlanSnapshot["sources"] = {};
  for (const role of SOURCE_ROLES) {
    const path = v.ref.docs[role];
    const hash = v.hashes[role];
    if (path && hash) sources[role] = { file: basename(path), hash };
  }
  return { sources, milestones: (v.plan?.milestones ?? []).map(milestoneSnapshot) };
}

export interface SourceChange {
  role: SourceRole;
  file: string;
  kind: "changed" | "added" | "removed";
}

export interface Drift {
  /** The execute note. */
  file: string;
  /** Line of the note the finding points at (its first line: the frontmatter holds the hashes). */
  line: number;
  changes: SourceChange[];
  /** What changed inside the plan, in words: `milestone 5 added`, `milestone 2 renamed "A" → "B"`. */
  details: string[];
  /** `out of date: plan.md changed since generation (milestone 5 added; …)`. */
  message: string;
}

type RecordedSources = Partial<Record<SourceRole, { file?: string; hash?: string }>>;

function recordedSources(fm: Record<string, unknown>): RecordedSources | undefined {
  const s = fm.sources;
  if (!s || typeof s !== "object") return undefined;
  const out: RecordedSources = {};
  for (const role of SOURCE_ROLES) {
    const entry = (s as Record<string, unknown>)[role];
    if (entry && typeof entry === "object") {
      const e = entry as Record<string, unknown>;
      out[role] = { file: typeof e.file === "string" ? e.file : undefined, hash: typeof e.hash === "string" ? e.hash : undefined };
    }
  }
  return out;
}

/** The milestones an execute note was generated for, read back from its phase headings. */
export function milestonesInNote(text: string): { number: string; title: string; priority?: number }[] {
  const out: { number: string; title: string; priority?: number }[] = [];
  for (const line of splitNote(text).body) {
    const head = /^## Phase \d+: Milestone (\S+) - /.exec(line);
    // The rest trimmed first: `(.*?)` before `\s*$` would backtrack quadratically on trailing spaces.
    const m = head && /^(.*?)(?: \(Priority: P(\d+)\))?(?: 🎯 MVP)?$/.exec(line.slice(head[0].length).trimEnd());
    if (head && m) out.push({ number: head[1], title: m[1], priority: m[2] ? parseInt(m[2], 10) : undefined });
  }
  return out;
}

const q = (s: string): string => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;

function listChanges(label: string, before: string[], after: string[]): string[] {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  const out: string[] = [];
  if (added.length) out.push(`${label} added ${added.map(q).join(", ")}`);
  if (removed.length) out.push(`${label} removed ${removed.map(q).join(", ")}`);
  if (!added.length && !removed.length && before.join("\n") !== after.join("\n")) out.push(`${label}s reordered`);
  return out;
}

/** What changed between two plans' milestones, in words. */
export function describePlanChanges(before: Pick<MilestoneSnapshot, "number" | "title" | "priority">[], after: readonly Milestone[]): string[] {
  const now = after.map(milestoneSnapshot);
  const out: string[] = [];
  const byNumber = new Map(before.map((m) => [m.number, m]));
  for (const m of now) {
    const old = byNumber.get(m.number);
    if (!old) {
      out.push(`milestone ${m.number} added`);
      continue;
    }
    if (old.title !== m.title) out.push(`milestone ${m.number} renamed ${q(old.title)} → ${q(m.title)}`);
    if (old.priority !== m.priority) out.push(`milestone ${m.number} priority ${old.priority ? `P${old.priority}` : "none"} → ${m.priority ? `P${m.priority}` : "none"}`);
    if ("deliverables" in old) {
      const o = old as MilestoneSnapshot;
      const parts = [
        ...listChanges("deliverable", o.deliverables, m.deliverables),
        ...listChanges("acceptance scenario", o.acceptance, m.acceptance),
        ...listChanges("success criterion", o.criteria, m.criteria),
        ...listChanges("validation step", o.validation, m.validation),
      ];
      if (o.dependsOn.join(",") !== m.dependsOn.join(",")) parts.push(`dependencies ${o.dependsOn.length ? o.dependsOn.join(", ") : "none"} → ${m.dependsOn.length ? m.dependsOn.join(", ") : "none"}`);
      for (const p of parts) out.push(`milestone ${m.number}: ${p}`);
    }
  }
  const present = new Set(now.map((m) => m.number));
  for (const m of before) if (!present.has(m.number)) out.push(`milestone ${m.number} removed`);
  return out;
}

/**
 * What drift detection needs of a vision: a full `Vision` fits, and so does the index's outline
 * (`{ ref, hashes }`, without `plan`): then only the changed documents are named, not what changed
 * inside the plan. Give `plan` (the fully parsed milestones) for the details.
 */
export interface DriftSubject {
  ref: VisionRef;
  hashes: Partial<Record<DocRole, string>>;
  plan?: { milestones: Milestone[] };
}

/**
 * Whether a generated execute note is out of date with its vision's documents, and what changed.
 * Returns undefined when it is current, or when the note records no sources (it was not
 * generated by Intent Kit). `snapshot` is the plan snapshot kept with the merge base, if any.
 */
export function detectDrift(vision: DriftSubject, executePath: string, executeText: string, snapshot?: PlanSnapshot): Drift | undefined {
  const fm = frontmatterOf(executeText);
  const recorded = recordedSources(fm);
  if (!recorded) return undefined;
  const changes: SourceChange[] = [];
  for (const role of SOURCE_ROLES) {
    const was = recorded[role]?.hash;
    const path = vision.ref.docs[role];
    const now = path ? vision.hashes[role] : undefined;
    const file = path ? basename(path) : (recorded[role]?.file ?? `${role}.md`);
    if (was && now && was !== now) changes.push({ role, file, kind: "changed" });
    else if (was && !path) changes.push({ role, file, kind: "removed" });
    else if (!was && now) changes.push({ role, file, kind: "added" });
  }
  if (changes.length === 0) return undefined;
  let details: string[] = [];
  if (vision.plan && changes.some((c) => c.role === "plan")) {
    const sameGeneration = snapshot && snapshot.sources.plan?.hash === recorded.plan?.hash;
    details = describePlanChanges(sameGeneration ? snapshot.milestones : milestonesInNote(executeText), vision.plan.milestones);
  }
  const what = changes.map((c) => `${c.file} ${c.kind === "changed" ? "changed" : c.kind === "added" ? "added" : "removed"}`);
  const shown = details.length > 6 ? [...details.slice(0, 6), `and ${details.length - 6} more`] : details;
  const message = `out of date: ${what.join(", ")} since generation${shown.length ? ` (${shown.join("; ")})` : ""}`;
  return { file: executePath, line: 1, changes, details, message };
}

export function driftDiagnostic(d: Drift): Diagnostic {
  return { code: "out-of-date", severity: "warning", message: `${d.message}; regenerate the execute note.`, file: d.file, line: d.line };
}
