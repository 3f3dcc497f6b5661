import type { Milestone, SourceItem, Strategy, Vision } from "../vision/model";
import { oneLine } from "../text/normalize";
import { pathsIn, touchingOthers } from "./paths";
import { MAX_MILESTONE_INTEGRATIONS } from "../limits";
import { deliverableItems, deliverableTask, namesIn, visionTexts } from "./deliverables";
import { splitList } from "./split-deliverables";
import { headingName } from "../vision/headings";
import { topLevelEntries, treeFiles } from "../vision/tree";

export type PhaseKind = "setup" | "foundational" | "milestone" | "polish";

/** The plan line a task comes from (`intentk explain T012` prints it). */
export interface TaskSource {
  file: string;
  line: number;
}

export interface PlannedTask {
  id: string;
  /** What the task comes from, stable across regenerations: `m3:deliverable:build the api`. */
  key: string;
  /** The document line it comes from. */
  source?: TaskSource;
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

export interface BuildOptions {
  /** The template's Validation Test and Integration Test tasks (default true). */
  includeTests?: boolean;
}

/** A stable key for a source item: what it is plus its text, ignoring case and spacing. */
export function sourceKey(scope: string, kind: string, text: string): string {
  return `${scope}:${kind}:${oneLine(text).toLowerCase()}`;
}

export function formatId(n: number | bigint): string {
  return `T${String(n).padStart(3, "0")}`;
}

interface Draft {
  key: string;
  text: string;
  source?: TaskSource;
  label?: string;
  /** Indexes into the same phase's drafts, or task IDs of earlier phases. */
  after: number[];
  afterIds: string[];
}

function draft(key: string, text: string, from?: TaskSource, label?: string): Draft {
  return { key, text: oneLine(text), source: from ? { file: from.file, line: from.line } : undefined, label, after: [], afterIds: [] };
}

/** The recommended strategy: the one the strategy document names, or its only strategy. */
export function chosenStrategy(v: Vision): Strategy | undefined {
  const s = v.strategy;
  return s?.recommended ?? (s?.strategies.length === 1 ? s.strategies[0] : undefined);
}

function setupDrafts(v: Vision): Draft[] {
  const out: Draft[] = [];
  const structure = v.plan?.structure;
  const planFile = v.plan?.file ?? "";
  const at = structure ? { file: planFile, line: structure.line } : undefined;
  const entries = structure ? treeFiles(structure.text) : [];
  if (structure) {
    const roots = topLevelEntries(structure.text);
    out.push(draft("setup:structure", `Create the project structure from the plan's implementation structure${roots.length ? `: ${roots.map((r) => `\`${r}\``).join(", ")}` : ""}`, at));
  }
  const strategy = chosenStrategy(v);
  const tools = (strategy?.tools ?? []).flatMap((t) => splitList(t.text).map((name) => ({ name, from: t })));
  const lint = tools.filter((t) => LINT.test(t.name));
  const testing = tools.filter((t) => TESTING.test(t.name) && !LINT.test(t.name));
  const stack = tools.filter((t) => !lint.includes(t) && !testing.includes(t));
  const manifests = entries.filter((e) => MANIFEST.test(e));
  if (stack.length || manifests.length) {
    const what = stack.map((t) => t.name).join(", ");
    const where = manifests.length ? ` in ${manifests.map((m) => `\`${m}\``).join(", ")}` : "";
    const from = stack[0]?.from ?? at;
    out.push(draft("setup:init", `Initialize the project${what ? ` with ${what}` : ""} and install its dependencies${where}`, from));
  }
  const lintFiles = entries.filter((e) => LINT_FILE.test(e));
  if (lint.length || lintFiles.length) {
    const what = [...lint.map((t) => t.name), ...lintFiles.map((f) => `\`${f}\``)].join(", ");
    out.push(draft("setup:lint", `Configure linting and formatting: ${what}`, lint[0]?.from ?? at));
  }
  if (testing.length) out.push(draft("setup:test", `Set up the test tools: ${testing.map((t) => t.name).join(", ")}`, testing[0].from));
  return out;
}

const LINT = /\b(?:eslint|prettier|biome|ruff|black|flake8|pylint|isort|rubocop|clippy|rustfmt|gofmt|golangci|stylelint|ktlint|swiftlint|checkstyle|spotless|lint(?:er|ing)?|formatter)\b/i;
const TESTING = /\b(?:pytest|jest|vitest|mocha|jasmine|junit|testng|playwright|cypress|selenium|rspec|xunit|nunit|unittest|k6|locust|testing library)\b/i;
const MANIFEST = /(?:^|\/)(?:package\.json|pyproject\.toml|requirements(?:-dev)?\.txt|Pipfile|setup\.py|Cargo\.toml|go\.mod|Gemfile|pom\.xml|build\.gradle(?:\.kts)?|composer\.json|mix\.exs|Package\.swift|[\w-]+\.csproj)$/;
const LINT_FILE = /(?:^|\/)(?:\.eslintrc[\w.]*|eslint\.config\.\w+|\.prettierrc[\w.]*|ruff\.toml|\.flake8|\.editorconfig|\.rubocop\.yml|rustfmt\.toml|\.golangci\.ya?ml|biome\.json)$/;

function foundationalDrafts(v: Vision): Draft[] {
  return [
    ...(v.goal?.validationMethods ?? []).map((i) => draft(sourceKey("found", "vm", i.id ?? i.text), `Prepare validation method ${i.id}: ${i.text}`, i)),
    ...(v.plan?.sharedResources ?? []).map((i) => draft(sourceKey("found", "sr", i.id ?? i.text), `Provision shared resource ${i.id}: ${i.text}`, i)),
    ...(v.goal?.dependencies ?? []).map((i) => draft(sourceKey("found", "dep", i.id ?? i.text), `Confirm dependency ${i.id}: ${i.text}`, i)),
  ];
}

/** Test folders of the implementation structure: `tests/validation/`, `tests/integration/`… */
export interface TestFolders {
  validation?: string;
  integration?: string;
}

export function testFolders(structureText: string | undefined): TestFolders {
  if (!structureText) return {};
  const folders = treeFiles(structureText).filter((e) => e.endsWith("/") && /(?:^|\/)(?:tests?|spec|__tests__)\//.test(e));
  const pick = (kind: RegExp): string | undefined => folders.find((f) => kind.test(f.split("/").slice(-2)[0] ?? ""));
  const root = folders.find((f) => /^(?:[\w.-]+\/)?(?:tests?|spec|__tests__)\/$/.test(f));
  return {
    validation: pick(/^(?:validation|acceptance|contract|unit|e2e|api)$/i) ?? root,
    integration: pick(/^integration$/i) ?? root,
  };
}

function milestoneDrafts(m: Milestone, ctx: MilestoneContext): Draft[] {
  const scope = `m${m.number}`;
  const label = `M${m.number}`;
  const tests: Draft[] = [];
  const checks: Draft[] = [];
  const testSources = m.independentValidation ? [m.independentValidation] : m.validationApproach;
  // Past the limit, one integration test and one integration task stand for all the dependencies.
  const grouped = m.dependsOn.length > MAX_MILESTONE_INTEGRATIONS;
  if (ctx.includeTests) {
    const where = (dir: string | undefined): string => (dir ? ` in \`${dir}\`` : "");
    for (const item of testSources) {
      tests.push(draft(sourceKey(scope, "validation-test", item.text), `Write the validation test${where(ctx.folders.validation)}, failing before the build: ${bare(item.text)}`, item, label));
    }
    if (grouped) {
      tests.push(draft(sourceKey(scope, "integration-test", `all:${m.title}`), `Write the integration test with the ${m.dependsOn.length} milestones it depends on${where(ctx.folders.integration)}`, m.dependencyText ?? m, label));
    } else {
      for (const dep of m.dependsOn) {
        const t = draft(sourceKey(scope, "integration-test", ctx.pairKey(m, dep)), `Write the integration test with ${ctx.nameOf(dep)}${where(ctx.folders.integration)}`, m.dependencyText ?? m, label);
        tests.push(t);
      }
    }
  }
  const items = deliverableItems(m);
  const build: Draft[] = m.tasks.length
    ? m.tasks.map((t) => draft(sourceKey(scope, "task", t.text), t.text, t, label))
    : items.length
      ? items.map((d) => draft(sourceKey(scope, "deliverable", d.text), deliverableTask(d.text, ctx.names), d, label))
      : m.objective
        ? [draft(sourceKey(scope, "objective", m.objective.text), `Achieve the milestone objective: ${bare(m.objective.text)}`, m.objective, label)]
        : [];
  if (grouped) {
    const integrate = draft(sourceKey(scope, "integrate", `all:${m.title}`), `Integrate with the ${m.dependsOn.length} milestones it depends on`, m.dependencyText ?? m, label);
    integrate.afterIds = ctx.directDependencies(m).flatMap((dep) => ctx.sinksOf(dep));
    build.push(integrate);
  } else {
    for (const dep of m.dependsOn) {
      // The key names both milestones by title too, so the task follows them when they are renumbered.
      const integrate = draft(sourceKey(scope, "integrate", ctx.pairKey(m, dep)), `Integrate with ${ctx.nameOf(dep)}`, m.dependencyText ?? m, label);
      integrate.afterIds = ctx.sinksOf(dep);
      build.push(integrate);
    }
  }
  const offset = tests.length;
  const buildIdx = build.map((_, i) => offset + i);
  const check = (kind: string, prefix: string, list: SourceItem[], numbered: boolean): Draft[] =>
    list.map((item, i) => {
      const d = draft(sourceKey(scope, kind, item.text), `${prefix}${numbered ? ` ${i + 1}` : ""}: ${item.text}`, item, label);
      d.after = buildIdx;
      return d;
    });
  const validated = ctx.includeTests ? new Set(testSources) : new Set<SourceItem>();
  checks.push(
    ...check("acceptance", "Verify acceptance scenario", m.acceptance, true),
    ...check("criterion", "Confirm success criterion", m.successCriteria, false),
    ...check("validation", "Validate", m.validationApproach.filter((i) => !validated.has(i)), false),
  );
  return [...tests, ...build, ...checks];
}

interface MilestoneContext {
  includeTests: boolean;
  folders: TestFolders;
  /** Words the vision's documents capitalise mid-sentence: names. */
  names: ReadonlySet<string>;
  sinksOf: (n: string) => string[];
  nameOf: (n: string) => string;
  /** Source-key part naming a milestone and one it depends on, by number and title. */
  pairKey: (m: Milestone, dep: string) => string;
  /** The milestones `m` depends on that it does not already reach through another of them. */
  directDependencies: (m: Milestone) => string[];
}

/** `deps` less those reached through another of them (iterative: plans may chain thousands). */
function withoutImplied(deps: readonly string[], dependsOnOf: (n: string) => readonly string[]): string[] {
  const reached = new Set<string>();
  const stack = deps.flatMap((d) => dependsOnOf(d));
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (reached.has(n)) continue;
    reached.add(n);
    stack.push(...dependsOnOf(n));
  }
  return deps.filter((d) => !reached.has(d));
}

const bare = (text: string): string => text.replace(/[.;]+$/, "");

function polishDrafts(v: Vision, milestones: Milestone[]): Draft[] {
  const planFile = v.plan?.file ?? "";
  const structure = v.plan?.structure;
  const docsDir = structure ? treeFiles(structure.text).find((e) => /^(?:[\w.-]+\/)?docs?\/$/.test(e)) : undefined;
  const out: Draft[] = [
    ...(v.plan?.qualityStandards ?? []).map((i) => draft(sourceKey("polish", "qs", i.id ?? i.text), `Check quality standard ${i.id}: ${i.text}`, i)),
    ...(v.vision?.thresholds ?? []).map((i) => draft(sourceKey("polish", "threshold", i.text), `Confirm success threshold: ${i.text}`, i)),
  ];
  if (milestones.length === 0) return out;
  const heading = { file: planFile, line: milestones[0].line };
  out.push(
    draft("polish:docs", `Update the documentation of what the milestones delivered${docsDir ? ` in \`${docsDir}\`` : ""}`, docsDir && structure ? { file: planFile, line: structure.line } : heading),
    draft("polish:cleanup", "Clean up and refactor the code of every milestone", heading),
  );
  for (const m of milestones) {
    const how = m.independentValidation ?? m.validationApproach[0];
    if (how) out.push(draft(sourceKey("polish", "revalidate", m.number), `Run the validation of Milestone ${m.number} again: ${bare(how.text)}`, how));
  }
  return out;
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
export function buildExecutionPlan(v: Vision, opts: BuildOptions = {}): ExecutionPlan {
  const milestones = v.plan?.milestones ?? [];
  const byNumber = new Map<string, Milestone>();
  for (const m of milestones) if (!byNumber.has(m.number)) byNumber.set(m.number, m);
  const order = v.order.filter((n) => byNumber.has(n));
  const mvp = order.find((n) => byNumber.get(n)!.priority === 1);
  let next = 1;
  const phases: PlannedPhase[] = [];
  const sinks = new Map<string, string[]>();

  const addPhase = (kind: PhaseKind, title: string, drafts: Draft[], milestone?: Milestone): PlannedPhase => {
    const tasks: PlannedTask[] = drafts.map((d) => ({ id: "", key: d.key, source: d.source, text: d.text, label: d.label, parallel: false, dependsOn: [], paths: pathsIn(d.text) }));
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
  const ctx: MilestoneContext = {
    includeTests: opts.includeTests ?? true,
    folders: testFolders(v.plan?.structure?.text),
    names: namesIn(visionTexts(v)),
    sinksOf: (d) => sinks.get(d) ?? [],
    nameOf: (d) => headingName("Milestone", byNumber.get(d) ?? { number: d, title: "" }),
    pairKey: (m, d) => `${d}:${m.title} → ${byNumber.get(d)?.title ?? ""}`,
    directDependencies: (m) => withoutImplied(m.dependsOn, (n) => byNumber.get(n)?.dependsOn ?? []),
  };
  for (const n of order) {
    const m = byNumber.get(n)!;
    const phase = addPhase("milestone", headingName("Milestone", m), milestoneDrafts(m, ctx), m);
    const depended = new Set(phase.tasks.flatMap((t) => t.dependsOn));
    sinks.set(n, phase.tasks.filter((t) => !depended.has(t.id)).map((t) => t.id));
  }
  addPhase("polish", "Polish & Cross-Cutting Concerns", polishDrafts(v, order.map((n) => byNumber.get(n)!)));
  return { phases, order, mvp, waves: milestoneWaves([...byNumber.values()], order) };
}
