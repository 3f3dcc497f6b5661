import type { Milestone, SourceItem, Vision } from "../vision/model";
import { oneLine } from "../text/normalize";
import { pathsIn, touchingOthers } from "./paths";

export type PhaseKind = "setup" | "foundational" | "milestone" | "polish";

export interface PlannedTask {
  id: string;
  /** What the task comes from, stable across regenerations: `m3:deliverable:build the api`. */
  source: string;
  text: string;
  parallel: boolean;
  label?: string;
  dependsOn: string[];
  paths: string[];
}

export interface PlannedPhase {
  number: number;
  kind: PhaseKind;
  title: string;
  milestone?: Milestone;
  mvp: boolean;
  tasks: PlannedTask[];
}

export interface ExecutionPlan {
  phases: PlannedPhase[];
  /** Milestone numbers in execution order. */
  order: string[];
  /** The milestone marked 🎯 MVP: the first P1 in execution order. */
  mvp?: string;
  /** Groups of milestones that can run at the same time, in order. */
  waves: string[][];
}

const VERBS =
  /^(?:add|build|create|implement|write|set up|setup|configure|design|define|deploy|document|integrate|migrate|publish|run|ship|test|update|wire|prepare|draft|install|launch|measure|train|collect|review|refactor|automate|establish|extend|provide|enable|introduce|replace|port|expose|render|store|track|validate|verify|check|model|instrument|benchmark|conduct|interview|recruit|analyse|analyze|survey|evaluate)\b/i;

/** Turns a deliverable (often a noun phrase) into a task description. */
export function deliverableTask(text: string): string {
  if (VERBS.test(text)) return text;
  // "Tables for teams" → "Deliver tables for teams"; acronyms and names keep their case.
  const lowered = /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
  return `Deliver ${lowered}`;
}

/** A stable key for a source item: what it is plus its text, ignoring case and spacing. */
export function sourceKey(scope: string, kind: string, text: string): string {
  return `${scope}:${kind}:${oneLine(text).toLowerCase()}`;
}

export function formatId(n: number): string {
  return `T${String(n).padStart(3, "0")}`;
}

interface Draft {
  source: string;
  text: string;
  label?: string;
  /** Indexes into the same phase's drafts, or task IDs of earlier phases. */
  after: number[];
  afterIds: string[];
}

function draft(source: string, text: string, label?: string): Draft {
  return { source, text: oneLine(text), label, after: [], afterIds: [] };
}

function setupDrafts(v: Vision): Draft[] {
  const out: Draft[] = [];
  const structure = v.plan?.structure;
  if (structure) {
    const roots = topLevelEntries(structure.text);
    out.push(draft("setup:structure", `Create the project structure from the plan${roots.length ? `: ${roots.map((r) => `\`${r}\``).join(", ")}` : ""}`));
  }
  const strategy = v.strategy?.recommended ?? (v.strategy?.strategies.length === 1 ? v.strategy.strategies[0] : undefined);
  for (const tool of strategy?.tools ?? []) out.push(draft(sourceKey("setup", "tool", tool.text), `Set up ${tool.text}`));
  return out;
}

function foundationalDrafts(v: Vision): Draft[] {
  return [
    ...(v.goal?.validationMethods ?? []).map((i) => draft(sourceKey("found", "vm", i.id ?? i.text), `Prepare validation method ${i.id}: ${i.text}`)),
    ...(v.plan?.sharedResources ?? []).map((i) => draft(sourceKey("found", "sr", i.id ?? i.text), `Provision shared resource ${i.id}: ${i.text}`)),
    ...(v.goal?.dependencies ?? []).map((i) => draft(sourceKey("found", "dep", i.id ?? i.text), `Confirm dependency ${i.id}: ${i.text}`)),
  ];
}

function milestoneDrafts(m: Milestone, sinksOf: (n: string) => string[], titleOf: (n: string) => string): Draft[] {
  const scope = `m${m.number}`;
  const label = `M${m.number}`;
  const build: Draft[] = m.tasks.length
    ? m.tasks.map((t) => draft(sourceKey(scope, "task", t.text), t.text, label))
    : m.deliverables.map((d) => draft(sourceKey(scope, "deliverable", d.text), deliverableTask(d.text), label));
  for (const dep of m.dependsOn) {
    const integrate = draft(sourceKey(scope, "integrate", dep), `Integrate with Milestone ${dep} - ${titleOf(dep)}`, label);
    integrate.afterIds = sinksOf(dep);
    build.push(integrate);
  }
  const buildIdx = build.map((_, i) => i);
  const check = (kind: string, prefix: string, items: SourceItem[], numbered: boolean): Draft[] =>
    items.map((item, i) => {
      const d = draft(sourceKey(scope, kind, item.text), `${prefix}${numbered ? ` ${i + 1}` : ""}: ${item.text}`, label);
      d.after = buildIdx;
      return d;
    });
  return [
    ...build,
    ...check("acceptance", "Verify acceptance scenario", m.acceptance, true),
    ...check("criterion", "Confirm success criterion", m.successCriteria, false),
    ...check("validation", "Validate", m.validationApproach, false),
  ];
}

function polishDrafts(v: Vision): Draft[] {
  return [
    ...(v.plan?.qualityStandards ?? []).map((i) => draft(sourceKey("polish", "qs", i.id ?? i.text), `Check quality standard ${i.id}: ${i.text}`)),
    ...(v.vision?.thresholds ?? []).map((i) => draft(sourceKey("polish", "threshold", i.text), `Confirm success threshold: ${i.text}`)),
  ];
}

/** The first-level folders and files of a project-structure tree. */
export function topLevelEntries(tree: string): string[] {
  const lines = tree.split("\n").filter((l) => l.trim() !== "");
  const depth = (l: string): number => l.search(/[^\s│├└─|`-]/);
  const names = lines.map((l) => ({ d: depth(l), name: l.replace(/^[\s│├└─|`-]+/, "").replace(/\s+#.*$/, "").trim() })).filter((e) => e.name);
  if (names.length === 0) return [];
  // A single root line ("project/") holds everything: list what is directly under it.
  const rootOnly = names.filter((e) => e.d === names[0].d).length === 1 && names.length > 1;
  const level = rootOnly ? Math.min(...names.slice(1).map((e) => e.d)) : names[0].d;
  return names.filter((e, i) => e.d === level && (!rootOnly || i > 0)).map((e) => e.name).slice(0, 12);
}

/** Milestones grouped into waves: each wave only needs milestones of earlier waves. */
export function milestoneWaves(milestones: Milestone[], order: string[]): string[][] {
  const byNumber = new Map(milestones.map((m) => [m.number, m]));
  const wave = new Map<string, number>();
  for (const n of order) {
    const deps = (byNumber.get(n)?.dependsOn ?? []).filter((d) => wave.has(d));
    wave.set(n, deps.length ? Math.max(...deps.map((d) => wave.get(d)!)) + 1 : 0);
  }
  const waves: string[][] = [];
  for (const n of order) (waves[wave.get(n)!] ??= []).push(n);
  return waves.filter(Boolean);
}

/**
 * The execution plan of a vision: Setup, Foundational, one phase per milestone in execution order,
 * Polish; tasks numbered T001… in execution order, with [P] and dependencies. (IDs that must stay
 * stable across regenerations are given afterwards by the merge: `assignIds`.)
 */
export function buildExecutionPlan(v: Vision): ExecutionPlan {
  const milestones = v.plan?.milestones ?? [];
  const byNumber = new Map<string, Milestone>();
  for (const m of milestones) if (!byNumber.has(m.number)) byNumber.set(m.number, m);
  const order = v.order.filter((n) => byNumber.has(n));
  const mvp = order.find((n) => byNumber.get(n)!.priority === 1);
  let next = 1;
  const phases: PlannedPhase[] = [];
  const sinks = new Map<string, string[]>();

  const addPhase = (kind: PhaseKind, title: string, drafts: Draft[], milestone?: Milestone): PlannedPhase => {
    const tasks: PlannedTask[] = drafts.map((d) => ({ id: "", source: d.source, text: d.text, label: d.label, parallel: false, dependsOn: [], paths: pathsIn(d.text) }));
    for (const t of tasks) t.id = formatId(next++);
    drafts.forEach((d, i) => {
      tasks[i].dependsOn = [...d.afterIds, ...d.after.map((j) => tasks[j].id)];
    });
    const ids = new Set(tasks.map((t) => t.id));
    const touching = touchingOthers(tasks.map((t) => t.paths));
    tasks.forEach((t, i) => {
      t.parallel = !touching[i] && !t.dependsOn.some((id) => ids.has(id));
    });
    const phase: PlannedPhase = { number: phases.length + 1, kind, title, milestone, mvp: milestone !== undefined && milestone.number === mvp, tasks };
    phases.push(phase);
    return phase;
  };

  addPhase("setup", "Setup (Shared Infrastructure)", setupDrafts(v));
  addPhase("foundational", "Foundational (Blocking Prerequisites)", foundationalDrafts(v));
  for (const n of order) {
    const m = byNumber.get(n)!;
    const phase = addPhase("milestone", `Milestone ${m.number} - ${m.title}`, milestoneDrafts(m, (d) => sinks.get(d) ?? [], (d) => byNumber.get(d)?.title ?? ""), m);
    const depended = new Set(phase.tasks.flatMap((t) => t.dependsOn));
    sinks.set(n, phase.tasks.filter((t) => !depended.has(t.id)).map((t) => t.id));
  }
  addPhase("polish", "Polish & Cross-Cutting Concerns", polishDrafts(v));
  return { phases, order, mvp, waves: milestoneWaves([...byNumber.values()], order) };
}
