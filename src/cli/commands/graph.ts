import * as path from "node:path";
import { formatDiagnostic } from "../../core/diagnostics";
import { buildGraph } from "../../core/graph/build";
import { graphFormats } from "../../core/graph/export";
import { toGraphJson } from "../../core/graph/json";
import type { PlanGraph } from "../../core/graph/model";
import { taskLevel } from "../../core/graph/select";
import { findPlans } from "../../core/reader/locate";
import type { PlanDoc } from "../../core/reader/model";
import { readPlan } from "../../core/reader/read";
import { type Command, type CommandContext, CliError } from "../command";

/** Options a graph format may use: `--tasks` (task level), `--hide-done`. */
export interface GraphFormatOptions {
  tasks?: boolean;
  hideDone?: boolean;
}

export type GraphFormat = (graph: PlanGraph, options?: GraphFormatOptions) => string;

const formats = new Map<string, GraphFormat>([["json", (graph) => JSON.stringify(toGraphJson(graph), null, 2)]]);

/** Adds (or replaces) an output format of `intentk graph --format <name>`. */
export function registerGraphFormat(name: string, format: GraphFormat): void {
  formats.set(name, format);
}

for (const [name, format] of Object.entries(graphFormats)) registerGraphFormat(name, format);

export interface LoadedPlan {
  doc: PlanDoc;
  /** Vision or spec folder name, when known. */
  id?: string;
  /** True when the execute note does not exist yet and was generated in memory from the plan. */
  generated: boolean;
  phaseWeights: Map<string, number>;
}

/**
 * The plans a `<file|folder>` argument names: the file itself, or every plan found in the folder
 * (its own execute.md / execution.md / tasks.md, or those of the vision and spec folders in it).
 * Paths in the result are shown as the user wrote the argument.
 */
export async function loadPlans(ctx: CommandContext, arg: string): Promise<LoadedPlan[]> {
  const abs = path.resolve(arg);
  const name = path.basename(abs);
  const parent = ctx.files(path.dirname(abs));
  if (!(await parent.exists(name))) throw new CliError(`No such file or folder: ${arg}`);
  const shown = arg.replace(/[\\/]+$/, "") || arg;
  const display = (rel: string): string => (shown === "." ? rel : `${shown}/${rel}`);

  const inside = await ctx.files(abs).list();
  if (inside.length === 0) {
    if (!/\.(md|markdown|txt)$/i.test(name)) throw new CliError(`${arg} is neither a Markdown file nor a folder with plans.`);
    const text = await parent.read(name);
    // An execute note inside a vision folder: the plan beside it gives milestone durations.
    let phaseWeights = new Map<string, number>();
    if (/^(?:execute|execution|tasks)\.md$/i.test(name)) {
      const siblings = await findPlans(parent, { folderName: path.basename(path.dirname(abs)), today: ctx.today });
      phaseWeights = siblings.find((p) => p.path === name)?.phaseWeights ?? phaseWeights;
    }
    return [{ doc: readPlan(shown, text), generated: false, phaseWeights }];
  }
  const sources = await findPlans(ctx.files(abs), { folderName: name, today: ctx.today });
  return sources.map((s) => ({
    doc: readPlan(display(s.path), s.text),
    id: s.id,
    generated: s.generated,
    phaseWeights: s.phaseWeights,
  }));
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
  summary: "print the phase/task graph of an execution plan (JSON, Mermaid, SVG or DOT)",
  valueOptions: ["format", "vision"],
  help: `Usage: intentk graph <file|folder> [--format json|mermaid|svg|dot] [--vision <id>] [--tasks] [--hide-done]

Reads an execution plan (execute.md, or a spec-kit tasks.md, in any of the forms people write)
and prints its graph: phases in dependency order, parallel waves, the critical path, progress
and the state of every task. A folder argument is a vision or spec folder (its execute.md,
execution.md or tasks.md; a vision without one is generated in memory from its plan.md), or
a folder holding exactly one of them; use --vision to pick one of several.

The JSON format is the stable contract:
  { phases: [{id, title, kind, line, done, total}],
    tasks: [{id, phase, state: "open"|"done"|null, parallel, labels, dependsOn, line}],
    edges: [{from, to, kind: "phase"|"task"}], criticalPath: [phase ids],
    diagnostics: [{code, severity, message, file, line}] }
Problems found in the note are listed in "diagnostics"; the exit code stays 0.

Options:
  --format <name>   json (default), ${[...formats.keys()].filter((f) => f !== "json").join(", ") || "…"}
  --vision <id>     the plan of this vision or spec folder ("001-slug" or "001")
  --tasks           task-level output (formats that support it)
  --hide-done       leave finished tasks out (formats that support it)`,
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
    const graph = buildGraph(plan.doc, { phaseWeights: plan.phaseWeights });
    const level = taskLevel(graph, ctx.options.tasks === true);
    if (level.diagnostic) ctx.err(formatDiagnostic(level.diagnostic));
    ctx.out(formatter(graph, { tasks: level.tasks, hideDone: ctx.options["hide-done"] === true }));
    return 0;
  },
};
