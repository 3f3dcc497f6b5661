import { type Diagnostic, formatDiagnostic, hasErrors } from "../../core/diagnostics";
import { nextReadyTasks } from "../../core/graph/build";
import type { PlanGraph } from "../../core/graph/model";
import { type Command, CliError } from "../command";
import { fitWidth, widthOf } from "../../core/text/graphemes";
import { type LoadedPlan, loadPlans, planGraph, selectPlans } from "./graph";

/** One plan's progress, as printed (and as `--json` gives it). */
export interface PlanStatus {
  file: string;
  id?: string;
  title?: string;
  generated: boolean;
  form: string;
  done: number;
  total: number;
  phases: { id: string; heading: string; done: number; total: number; status: string; critical: boolean }[];
  next: { id: string; text: string; file: string; line: number }[];
  diagnostics: Diagnostic[];
}

export function planStatus(plan: LoadedPlan, graph: PlanGraph, next: number): PlanStatus {
  return {
    file: plan.doc.file,
    ...(plan.id ? { id: plan.id } : {}),
    ...(plan.doc.title ? { title: plan.doc.title } : {}),
    generated: plan.generated,
    form: plan.doc.form,
    done: graph.phases.reduce((n, p) => n + p.done, 0),
    total: graph.phases.reduce((n, p) => n + p.total, 0),
    phases: graph.phases.map((p) => ({ id: p.id, heading: p.heading || p.title, done: p.done, total: p.total, status: p.status, critical: p.critical })),
    next: nextReadyTasks(graph, next).map((t) => ({ id: t.id, text: t.text, file: graph.file, line: t.line })),
    diagnostics: graph.diagnostics,
  };
}

const percent = (done: number, total: number): string => (total ? `${Math.round((100 * done) / total)}%` : "–");

/** The text block of one plan. */
export function formatStatus(s: PlanStatus): string[] {
  const lines: string[] = [];
  const name = s.title ? ` — ${s.title}` : "";
  lines.push(`${s.file}${name}${s.generated ? " (not written yet: generated from the plan)" : ""}`);
  if (s.total === 0) {
    lines.push("  No tasks found: write tasks as \"- [ ] T001 Description\" under \"## Phase N: …\" headings.");
  } else {
    lines.push(`  Progress: ${s.done}/${s.total} tasks done (${percent(s.done, s.total)})${s.form !== "checkbox" ? `, read from ${s.form} tasks` : ""}`);
    const width = Math.min(60, Math.max(...s.phases.map((p) => widthOf(p.heading, 60))));
    for (const p of s.phases) {
      const heading = fitWidth(p.heading, width);
      lines.push(`  ${heading}  ${`${p.done}/${p.total}`.padStart(7)}  ${p.status}${p.critical ? ", critical path" : ""}`);
    }
    if (s.next.length) {
      lines.push("  Next ready tasks:");
      for (const t of s.next) lines.push(`    ${t.id}  ${t.text}  (${t.file}:${t.line})`);
    } else if (s.done < s.total) lines.push("  No task is ready: every open task waits for another (see the diagnostics).");
  }
  if (s.diagnostics.length) {
    lines.push("  Diagnostics:");
    for (const d of s.diagnostics) lines.push(`    ${formatDiagnostic(d)}`);
  }
  return lines;
}

export const statusCommand: Command = {
  name: "status",
  summary: "show progress per phase, the next ready tasks and problems of execution plans",
  valueOptions: ["next", "vision", "vault"],
  help: `Usage: intentk status <file|folder> [--next <n>] [--vision <id>] [--json]

For each execution plan in the file or folder (execute.md, execution.md or tasks.md of every
vision and spec-kit folder; a vision without an execute note is generated in memory from its
plan; any vision document, plan.md, vision.md…, stands for its vision folder): tasks done per
phase and overall, the next tasks that are ready to start, and the problems found in the note
and its vision's documents as "file:line: severity: message". Exits 1 when there are errors
(duplicate task IDs, dependency cycles), else 0.

Options:
  --next <n>       how many ready tasks to list per plan (default 5)
  --vision <id>    only the plan of this vision or spec folder ("001-slug" or "001")
  --json           print the same as JSON`,
  async run(ctx) {
    const arg = ctx.args[0];
    if (!arg) throw new CliError("Missing <file|folder> argument; see --help.");
    const nextOption = ctx.options.next;
    const next = nextOption === undefined ? 5 : Number(nextOption);
    if (!Number.isInteger(next) || next < 0) throw new CliError(`--next must be a whole number, not "${String(nextOption)}".`);
    const plans = selectPlans(await loadPlans(ctx, arg), ctx.options.vision, arg);
    if (plans.length === 0) throw new CliError(`No execution plan in ${arg}: looked for execute.md, execution.md, tasks.md and vision plans.`);
    const statuses = plans.map((p) => planStatus(p, planGraph(p), next));
    if (ctx.options.json === true) ctx.out(JSON.stringify(statuses, null, 2));
    else ctx.out(statuses.map((s) => formatStatus(s).join("\n")).join("\n\n"));
    return statuses.some((s) => hasErrors(s.diagnostics)) ? 1 : 0;
  },
};
