import { baseKey } from "../../core/base-store";
import { buildExecutionPlan } from "../../core/generate/plan-model";
import { assignIds } from "../../core/merge/ids";
import { loadVision } from "../../core/vision/load";
import { folderArg } from "../args";
import { type Command, CliError } from "../command";
import { findVisions } from "../load";
import { cliBaseStore } from "./generate";

const TASK_ID = /^T\d{3,}$/i;

/**
 * `intentk explain <folder> T012`: the generated task and the document line it comes from. IDs are
 * the ones `generate` gave (its stored ID map), so they match the execute note on disk.
 */
export const explainCommand: Command = {
  name: "explain",
  summary: "print a generated task and the plan line it comes from",
  valueOptions: ["vision"],
  help: `Usage: intentk explain <folder> <task-id> [--vision <id>] [--no-tests]

Prints the generated task (T012) of each vision's execute note and the line of the vision
document it comes from (file:line and the line as written). Task IDs are the ones the last
"intentk generate" gave, so they match the note on disk.

Options:
  --vision <id>   only this vision (id "001-slug" or number "001")
  --no-tests      number tasks as "generate --no-tests" does`,
  async run(ctx) {
    const root = await folderArg(ctx);
    const wanted = ctx.args[1]?.toUpperCase();
    if (!wanted || !TASK_ID.test(wanted)) throw new CliError('Give a task ID such as T012 after the folder; see --help.');
    const files = ctx.files(root);
    const { refs } = await findVisions(files, typeof ctx.options.vision === "string" ? ctx.options.vision : undefined);
    const store = cliBaseStore(files);
    let found = 0;
    for (const ref of refs) {
      const { vision } = await loadVision(ref, (p) => files.read(p));
      if (!vision.plan) continue;
      const plan = buildExecutionPlan(vision, { includeTests: ctx.options["no-tests"] !== true });
      assignIds(plan, (await store.load(baseKey(ref)))?.ids ?? {});
      const task = plan.phases.flatMap((p) => p.tasks).find((t) => t.id === wanted);
      if (!task) continue;
      found++;
      ctx.out(`${ref.id}: ${task.id}${task.label ? ` [${task.label}]` : ""} ${task.text}`);
      if (!task.source) {
        ctx.out("  from: the execution-plan template (no document line)");
        continue;
      }
      const lines = (await files.read(task.source.file)).split(/\r?\n/);
      ctx.out(`  from: ${task.source.file}:${task.source.line}: ${(lines[task.source.line - 1] ?? "").trim()}`);
    }
    if (found === 0) throw new CliError(`No generated task ${wanted} here; run "intentk status" to list the tasks of a note.`);
    return 0;
  },
};
