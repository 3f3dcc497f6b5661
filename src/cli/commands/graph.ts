import * as path from "node:path";
import { formatDiagnostic } from "../../core/diagnostics";
import { buildGraph } from "../../core/graph/build";
import { graphToCanvas, serializeCanvas } from "../../core/graph/canvas";
import { graphFormats } from "../../core/graph/export";
import { toGraphJson } from "../../core/graph/json";
import type { PlanGraph } from "../../core/graph/model";
import { taskLevel } from "../../core/graph/select";
import { findPlans } from "../../core/reader/locate";
import type { PlanDoc } from "../../core/reader/model";
import type { Diagnostic } from "../../core/diagnostics";
import { ROLE_FILES } from "../../core/vision/detect";
import { readPlan } from "../../core/reader/read";
import { buildSchedule } from "../../core/schedule/cpm";
import type { Schedule } from "../../core/schedule/model";
import { type PlanTiming, relocateTiming } from "../../core/schedule/timing";
import { isTaskNote, noteGraphOf } from "../../core/notes/task-graph";
import { type Command, type CommandContext, CliError } from "../command";

/** Options a graph format may use: `--tasks` (task level), `--hide-done`; the plan's schedule. */
export interface GraphFormatOptions {
  tasks?: boolean;
  hideDone?: boolean;
  schedule?: Schedule;
  today?: Date;
  /** Path of the plan note inside the vault (`--vault`, else the current folder): Canvas file nodes. */
  notePath?: string;
}

export type GraphFormat = (graph: PlanGraph, options?: GraphFormatOptions) => string;

const formats = new Map<string, GraphFormat>([["json", (graph, options) => JSON.stringify(toGraphJson(graph, options?.schedule), null, 2)]]);

/** Adds (or replaces) an output format of `intentk graph --format <name>`. */
export function registerGraphFormat(name: string, format: GraphFormat): void {
  formats.set(name, format);
}

for (const [name, format] of Object.entries(graphFormats)) registerGraphFormat(name, format);
registerGraphFormat("canvas", (graph, options = {}) => serializeCanvas(graphToCanvas(graph, { ...options, notePath: options.notePath ?? graph.file })));

/** The plan note's path relative to the vault, with `/` separators; a CLI error when it is outside. */
function vaultPath(file: string, vault: string | boolean | undefined): string {
  const root = path.resolve(typeof vault === "string" ? vault : ".");
  const rel = path.relative(root, path.resolve(file));
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new CliError(`${file} is not inside ${typeof vault === "string" ? vault : "the current folder"}; run from the vault folder or pass --vault <folder>.`);
  }
  return rel.split(path.sep).join("/");
}

export interface LoadedPlan {
  doc: PlanDoc;
  /** Vision or spec folder name, when known. */
  id?: string;
  /** True when the execute note does not exist yet and was generated in memory from the plan. */
  generated: boolean;
  phaseWeights: Map<string, number>;
  /** Errors in the vision's sources and "out of date" with them, beside the note's own problems. */
  diagnostics: Diagnostic[];
  /** What the vision's plan says about time, with paths as shown to the user. */
  timing?: PlanTiming;
  /** A plain note's task graph (every checkbox a task), already built. */
  graph?: PlanGraph;
}


/**
 * A note that is not an execution plan, as a task graph: the 🆔 it waits for are looked up in the
 * `--vault` folder, else in the note's own folder; paths are relative to that folder, as in a vault.
 */
async function loadTaskNote(ctx: CommandContext, abs: string, text: string): Promise<LoadedPlan> {
  const vault = ctx.options.vault;
  const root = typeof vault === "string" ? path.resolve(vault) : path.dirname(abs);
  const rel = path.relative(root, abs);
  if (rel.startsWith("..") || path.isAbsolute(rel)) throw new CliError(`${abs} is not inside --vault ${String(vault)}; pass the vault that holds the note.`);
  const { doc, graph } = await noteGraphOf(ctx.files(root), rel.split(path.sep).join("/"), text);
  return { doc, generated: false, phaseWeights: new Map(), graph, diagnostics: [] };
}

/** Names of a vision's source documents: `graph`/`status` on one of them show its vision's plan. */
const SOURCE_NAMES = new Set(
  (["vision", "spec"] as const).flatMap((kind) => Object.entries(ROLE_FILES[kind]).flatMap(([role, names]) => (role === "execute" ? [] : names))),
);
const EXECUTE_NAMES = new Set(ROLE_FILES.vision.execute);

/**
 * The plans a `<file|folder>` argument names: the file itself, or every plan found in the folder
 * (its own execute.md / execution.md / tasks.md, or those of the vision and spec folders in it).
 * A vision document (plan.md, vision.md…) stands for its vision folder. Paths in the result are
 * shown as the user wrote the argument.
 */
export async function loadPlans(ctx: CommandContext, arg: string): Promise<LoadedPlan[]> {
  const abs = path.resolve(arg);
  const name = path.basename(abs);
  const parent = ctx.files(path.dirname(abs));
  if (!(await parent.exists(name))) throw new CliError(`No such file or folder: ${arg}`);
  const shown = arg.replace(/[\\/]+$/, "") || arg;

  const inside = await ctx.files(abs).list();
  if (inside.length > 0) return loadFolder(ctx, abs, shown);
  if (!/\.(md|markdown|txt)$/i.test(name)) throw new CliError(`${arg} is neither a Markdown file nor a folder with plans.`);
  const folderName = path.basename(path.dirname(abs));
  if (SOURCE_NAMES.has(name.toLowerCase())) {
    const folder = await loadFolder(ctx, path.dirname(abs), path.dirname(shown));
    if (folder.length > 0) return folder;
  }
  const text = await parent.read(name);
  const doc = readPlan(shown, text);
  // A note that is not an execution plan: every checkbox item is a task.
  if (isTaskNote(doc.tasks.length, text)) return [await loadTaskNote(ctx, abs, text)];
  // An execute note inside a vision folder: the plan beside it gives milestone durations and its problems.
  const sibling = EXECUTE_NAMES.has(name.toLowerCase()) ? (await findPlans(parent, { folderName, today: ctx.today })).find((p) => p.path === name) : undefined;
  const diagnostics = (sibling?.diagnostics ?? []).map((d) => ({ ...d, file: joinShown(path.dirname(shown), d.file) }));
  const timing = sibling?.timing && relocateTiming(sibling.timing, (rel) => joinShown(path.dirname(shown), rel));
  return [{ doc, generated: false, phaseWeights: sibling?.phaseWeights ?? new Map<string, number>(), diagnostics, timing }];
}

/** `rel` inside the folder the user wrote as `shown`. */
function joinShown(shown: string, rel: string): string {
  return shown === "." || shown === "" ? rel : `${shown}/${rel}`;
}

async function loadFolder(ctx: CommandContext, abs: string, shown: string): Promise<LoadedPlan[]> {
  const sources = await findPlans(ctx.files(abs), { folderName: path.basename(abs), today: ctx.today });
  return sources.map((s) => ({
    doc: readPlan(joinShown(shown, s.path), s.text),
    id: s.id,
    generated: s.generated,
    phaseWeights: s.phaseWeights,
    diagnostics: s.diagnostics.map((d) => ({ ...d, file: joinShown(shown, d.file) })),
    timing: s.timing && relocateTiming(s.timing, (rel) => joinShown(shown, rel)),
  }));
}

/** The graph of a loaded plan, with the problems of its vision's sources listed first. */
export function planGraph(plan: LoadedPlan): PlanGraph {
  const graph = plan.graph ?? buildGraph(plan.doc, { phaseWeights: plan.phaseWeights });
  return plan.diagnostics.length ? { ...graph, diagnostics: [...plan.diagnostics, ...graph.diagnostics] } : graph;
}

/** Keeps the plans of one vision (by id "001-slug" or number "001") when `--vision` is given. */
export function selectPlans(plans: LoadedPlan[], only: string | boolean | undefined, arg: string): LoadedPlan[] {
  if (typeof only !== "string") return plans;
  const kept = plans.filter((p) => p.id === only || p.id?.startsWith(`${only}-`));
  if (kept.length === 0) throw new CliError(`No plan of "${only}" in ${arg}; the plans there are: ${plans.map((p) => p.id ?? p.doc.file).join(", ") || "none"}.`);
  return kept;
}

export const graphCommand: Command = {
  name: "graph",
  summary: "print the phase/task graph or schedule of an execution plan (JSON, Mermaid, SVG, DOT, gantt, timeline SVG, JSON Canvas)",
  valueOptions: ["format", "vision", "vault"],
  help: `Usage: intentk graph <file|folder> [--format json|mermaid|svg|dot|gantt|timeline-svg|canvas] [--vision <id>] [--tasks] [--hide-done] [--vault <folder>]

Reads an execution plan (execute.md, or a spec-kit tasks.md, in any of the forms people write)
and prints its graph: phases in dependency order, parallel waves, the critical path, progress
and the state of every task. A folder argument is a vision or spec folder (its execute.md,
execution.md or tasks.md; a vision without one is generated in memory from its plan.md), or
a folder holding exactly one of them; use --vision to pick one of several. Any document of a
vision (plan.md, vision.md, goal.md, strategy.md…) stands for its vision folder.

Any other note with checkbox tasks (a project note using the Tasks plugin's 🆔/⛔ fields or
"(depends on …)") gives its task graph: every checkbox is a task, named by its 🆔 or its line
(L12), one lane per heading; 🆔 of other notes are looked up in --vault (default: the note's
folder) and shown as tasks of those notes.

The JSON format is the stable contract:
  { phases: [{id, title, kind, line, done, total}],
    tasks: [{id, phase, state: "open"|"done"|null, parallel, labels, dependsOn, line}],
    edges: [{from, to, kind: "phase"|"task"}], criticalPath: [phase ids],
    schedule: [{phase, start, end, earliestStart, latestStart, slackDays, estimated}],
    diagnostics: [{code, severity, message, file, line}] }
The schedule uses the milestone Timelines and the Start Date of the vision's plan (dates as
yyyy-MM-dd, end inclusive); gantt prints it as a Mermaid gantt chart, timeline-svg as an SVG.
Problems found in the note are listed in "diagnostics", with the errors of the vision's
documents (a milestone cycle…) and "out-of-date" when the note is older than them; the exit
code stays 0.

Options:
  --format <name>   json (default), ${[...formats.keys()].filter((f) => f !== "json").join(", ") || "…"}
  --vision <id>     the plan of this vision or spec folder ("001-slug" or "001")
  --tasks           task-level output (formats that support it)
  --hide-done       leave finished tasks out (formats that support it)
  --vault <folder>  the vault the notes are in: canvas paths are relative to it (default: the
                    current folder), and a plain note's 🆔 are looked up in it`,
  async run(ctx) {
    const arg = ctx.args[0];
    if (!arg) throw new CliError("Missing <file|folder> argument; see --help.");
    const format = typeof ctx.options.format === "string" ? ctx.options.format : "json";
    const formatter = formats.get(format);
    if (!formatter) throw new CliError(`Unknown --format "${format}"; use one of: ${[...formats.keys()].join(", ")}.`);
    const plans = selectPlans(await loadPlans(ctx, arg), ctx.options.vision, arg);
    if (plans.length === 0) throw new CliError(`No execution plan in ${arg}: looked for execute.md, execution.md, tasks.md and vision plans.`);
    if (plans.length > 1) {
      throw new CliError(`${arg} holds ${plans.length} plans (${plans.map((p) => p.id ?? p.doc.file).join(", ")}); pick one with --vision <id> or pass its folder.`);
    }
    const [plan] = plans;
    const graph = planGraph(plan);
    // A plain note's task graph has no milestones to schedule.
    const schedule = plan.graph ? undefined : buildSchedule(graph, plan.timing ?? { timelines: new Map() }, { today: ctx.today });
    let notePath: string | undefined;
    if (format === "canvas") {
      if (plan.generated) throw new CliError(`${plan.id ?? arg} has no execute note yet, and a canvas opens it; run "intentk generate" first.`);
      notePath = vaultPath(plan.doc.file, ctx.options.vault);
    }
    const level = taskLevel(graph, ctx.options.tasks === true);
    if (level.diagnostic) ctx.err(formatDiagnostic(level.diagnostic));
    ctx.out(formatter(graph, { tasks: level.tasks, hideDone: ctx.options["hide-done"] === true, schedule, today: ctx.today, notePath }));
    return 0;
  },
};
