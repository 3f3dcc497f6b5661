import { promises as fs } from "node:fs";
import * as nodePath from "node:path";
import { type BaseRecord, DEFAULT_KEEP_BACKUPS, FolderBaseStore, serializeRecord, baseKey } from "../../core/base-store";
import { formatDiagnostic } from "../../core/diagnostics";
import type { FileAccess } from "../../core/files";
import { type WriteDecision, cleanExecuteFileName, executePath, planExecuteWrite } from "../../core/generate/write";
import { unifiedDiff } from "../../core/merge/diff";
import { formatReport, summarizeReport } from "../../core/merge/report";
import { type Command, CliError } from "../command";
import { folderArg } from "../args";
import { loadVision } from "../../core/vision/load";
import { findVisions } from "../load";

/** The CLI keeps merge bases, ID maps and backups in `.intentk/` at the root of the folder it works on. */
export const STORE_FOLDER = ".intentk";

export function cliBaseStore(root: string, files: FileAccess, keepBackups = DEFAULT_KEEP_BACKUPS): FolderBaseStore {
  return new FolderBaseStore(
    {
      read: (p) => files.read(p),
      write: (p, c) => files.write(p, c),
      exists: (p) => files.exists(p),
      list: (p) => files.list(p),
      remove: (p) => fs.rm(nodePath.join(root, p), { force: true }),
    },
    STORE_FOLDER,
    { keepBackups },
  );
}

const taskCount = (text: string): number => (text.match(/^\s*- \[[ xX]\] T\d+/gm) ?? []).length;
const sameRecord = (a: BaseRecord | undefined, b: BaseRecord): boolean => a !== undefined && a.text === b.text && serializeRecord(a) === serializeRecord(b);

export const generateCommand: Command = {
  name: "generate",
  summary: "write the execute note of every vision (or one) from its plan, merging into the note",
  valueOptions: ["vision", "date-format", "dependency-style", "file-name", "keep-backups"],
  help: `Usage: intentk generate <folder> [--vision <id>] [--dry-run] [--adopt] [--no-tests]

Writes execute.md into each vision folder (or only the vision named by --vision, by id
"001-slug" or number "001"), following the execution-plan template.

An execute note that already exists is merged, never overwritten: checkmarks, edited task text,
tasks, paragraphs and sections you added are kept; the generated parts follow the new plan; task
IDs stay with their plan items. Where you and the plan changed the same lines, your text is kept
and the conflict is listed. The last generation of each note (the merge base), its task-ID map and
backups of rewritten notes are kept in ${STORE_FOLDER}/ in <folder> (add it to .gitignore if you
do not want it in version control). An execution plan Intent Kit did not write is left alone
(exit 1) unless --adopt is given.

Options:
  --vision <id>                only this vision
  --dry-run                    print what would change (a unified diff, and the merge report), write nothing
  --adopt                      merge the plan into execution plans Intent Kit did not write
  --no-tests                   leave out the Validation Test and Integration Test tasks of each milestone
  --keep-backups <n>           backups of rewritten notes kept per vision (default ${DEFAULT_KEEP_BACKUPS}; 0: none)
  --date-format <pattern>      date-fns pattern for dates in the note (default yyyy-MM-dd)
  --dependency-style <style>   "text" for (depends on T010), "tasks" for the Tasks plugin's 🆔/⛔
  --file-name <name>           file name for new execute notes (default execute.md)`,
  async run(ctx) {
    const root = await folderArg(ctx);
    const style = ctx.options["dependency-style"] ?? "text";
    if (style !== "text" && style !== "tasks") throw new CliError(`--dependency-style must be "text" or "tasks", not "${String(style)}".`);
    let keep = DEFAULT_KEEP_BACKUPS;
    if (ctx.options["keep-backups"] !== undefined) {
      keep = Number(ctx.options["keep-backups"]);
      if (!Number.isInteger(keep) || keep < 0) throw new CliError(`--keep-backups must be a whole number, 0 or more, not "${String(ctx.options["keep-backups"])}".`);
    }
    const only = typeof ctx.options.vision === "string" ? ctx.options.vision : undefined;
    const givenName = typeof ctx.options["file-name"] === "string" ? ctx.options["file-name"] : undefined;
    const fileName = givenName === undefined ? undefined : cleanExecuteFileName(givenName);
    if (givenName !== undefined && fileName !== givenName.trim() && `${givenName.trim()}.md` !== fileName) {
      throw new CliError(`--file-name must be a plain note name that is not a vision document (vision.md, plan.md…), not "${givenName}".`);
    }
    const files = ctx.files(root);
    const { refs } = await findVisions(files, only);
    const store = cliBaseStore(root, files, keep);
    const dryRun = ctx.options["dry-run"] === true;
    const adopt = ctx.options.adopt === true;
    let refused = 0;
    for (const ref of refs) {
      const { vision, diagnostics } = await loadVision(ref, (p) => files.read(p));
      if (!vision.plan) {
        ctx.err(`skipped ${vision.ref.id}: no milestone plan (${diagnostics.map(formatDiagnostic).join("; ")})`);
        continue;
      }
      // Whatever is at the target path is merged into or refused, never overwritten unseen.
      const target = executePath(vision, fileName);
      const existing = (await files.exists(target)) ? await files.read(target) : undefined;
      const stored = await store.load(baseKey(vision.ref));
      const decision: WriteDecision = planExecuteWrite(vision, existing, {
        today: ctx.today,
        dateFormat: typeof ctx.options["date-format"] === "string" ? ctx.options["date-format"] : undefined,
        dependencyStyle: style,
        fileName,
        base: stored,
        adopt,
        includeTests: ctx.options["no-tests"] !== true,
      });
      if (decision.action === "refuse") {
        refused++;
        ctx.err(`refused ${decision.path}: ${decision.reason}`);
        continue;
      }
      const report = decision.report ? formatReport(decision.report, decision.path) : [];
      const summary = decision.report && decision.action === "update" ? summarizeReport(decision.report) : "";
      if (dryRun) {
        ctx.out(`# ${decision.action === "unchanged" ? "unchanged" : `would ${decision.action}`} ${decision.path}${summary ? ` (${summary})` : ""}`);
        if (decision.action === "create") ctx.out(decision.content);
        if (decision.action === "update") {
          ctx.out(unifiedDiff(decision.previous ?? "", decision.content, { oldLabel: `a/${decision.path}`, newLabel: `b/${decision.path}` }).trimEnd());
          report.forEach((line) => ctx.out(`# ${line}`));
        }
        continue;
      }
      if (decision.action === "update" && existing !== undefined) {
        // Backups are named by the wall-clock time of the rewrite (ctx.today may be a fixed day).
        const copy = await store.backup(baseKey(vision.ref), decision.path, existing, new Date());
        if (copy) report.push(`${decision.path}: note: the previous version is kept in ${copy}`);
      }
      if (decision.action !== "unchanged") await files.write(decision.path, decision.content);
      if (decision.base && !sameRecord(stored, decision.base)) await store.save(baseKey(vision.ref), decision.base);
      const verb = decision.action === "create" ? "created" : decision.action === "update" ? "updated" : "unchanged";
      ctx.out(`${verb} ${decision.path} (${taskCount(decision.content)} tasks${summary ? `; ${summary}` : ""})`);
      if (decision.action === "update") report.forEach((line) => ctx.out(`  ${line}`));
    }
    return refused > 0 ? 1 : 0;
  },
};
