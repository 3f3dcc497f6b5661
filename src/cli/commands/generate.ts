import { type BaseRecord, DEFAULT_KEEP_BACKUPS, FolderBaseStore, serializeRecord, baseKey } from "../../core/base-store";
import { formatDiagnostic } from "../../core/diagnostics";
import { MAX_NAME_BYTES, type NodeFiles, STORE_FOLDER } from "../node-files";
import { type WriteDecision, cleanExecuteFileName, planExecuteWrite } from "../../core/generate/write";
import { resolveExecuteTarget, templateNote } from "../../core/generate/target";
import { DEFAULT_DATE_FORMAT, compileDateFormat } from "../../core/text/date-format";
import { unifiedDiff } from "../../core/merge/diff";
import { formatReport, summarizeReport } from "../../core/merge/report";
import { type Command, type CommandContext, CliError } from "../command";
import { acquireLock } from "../lock";
import { errorLine } from "../fs-errors";
import type { VisionRef } from "../../core/vision/model";
import { hashText } from "../../core/text/normalize";
import { folderArg } from "../args";
import { loadVision } from "../../core/vision/load";
import { findVisions } from "../load";

/** The CLI keeps merge bases, ID maps and backups in `.intentk/` at the root of the folder it works on. */
export function cliBaseStore(files: NodeFiles, keepBackups = DEFAULT_KEEP_BACKUPS): FolderBaseStore {
  return new FolderBaseStore(
    {
      read: (p) => files.read(p),
      write: (p, c) => files.write(p, c),
      exists: (p) => files.exists(p),
      list: (p) => files.list(p),
      remove: (p) => files.remove(p),
    },
    STORE_FOLDER,
    { keepBackups },
  );
}

/** Detection findings about visions that are left out of the run. */
const SKIP_CODES = new Set(["unreadable-note", "unsafe-folder-name"]);

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
(exit 1) unless --adopt is given. An unfilled intent-kit template (execution.md, tasks.md left by
its scripts) is never taken over: execute.md is written beside it.

Options:
  --vision <id>                only this vision
  --dry-run                    print what would change (a unified diff, and the merge report), write nothing
  --adopt                      merge the plan into execution plans Intent Kit did not write
  --no-tests                   leave out the Validation Test and Integration Test tasks of each milestone
  --keep-backups <n>           backups of rewritten notes kept per vision (default ${DEFAULT_KEEP_BACKUPS}; 0: none)
  --date-format <pattern>      date pattern for dates in the note, as in Obsidian (moment style; default ${DEFAULT_DATE_FORMAT})
  --dependency-style <style>   "text" for (depends on T010), "tasks" for the Tasks plugin's 🆔/⛔
  --file-name <name>           file name for new execute notes (default execute.md)
  --follow-symlinks            write through symlinks that lead outside <folder> (read either way)
  --debug                      print the stack trace of an unexpected error

While it writes, generate holds ${STORE_FOLDER}/lock: a second run in the same folder exits 2.`,
  async run(ctx) {
    const root = await folderArg(ctx);
    const style = ctx.options["dependency-style"] ?? "text";
    if (style !== "text" && style !== "tasks") throw new CliError(`--dependency-style must be "text" or "tasks", not "${String(style)}".`);
    let keep = DEFAULT_KEEP_BACKUPS;
    if (ctx.options["keep-backups"] !== undefined) {
      keep = Number(ctx.options["keep-backups"]);
      if (!Number.isInteger(keep) || keep < 0) throw new CliError(`--keep-backups must be a whole number, 0 or more, not "${String(ctx.options["keep-backups"])}".`);
    }
    const dateFormat = typeof ctx.options["date-format"] === "string" ? ctx.options["date-format"] : undefined;
    const compiled = dateFormat === undefined ? undefined : compileDateFormat(dateFormat);
    if (compiled && !compiled.ok) throw new CliError(`--date-format "${dateFormat}": ${compiled.error}`);
    const only = typeof ctx.options.vision === "string" ? ctx.options.vision : undefined;
    const givenName = typeof ctx.options["file-name"] === "string" ? ctx.options["file-name"] : undefined;
    const fileName = givenName === undefined ? undefined : cleanExecuteFileName(givenName);
    if (givenName !== undefined && fileName !== givenName.trim() && `${givenName.trim()}.md` !== fileName) {
      throw new CliError(`--file-name must be a plain note name that is not a vision document (vision.md, plan.md…), not "${givenName}".`);
    }
    if (givenName !== undefined && Buffer.byteLength(fileName!) > MAX_NAME_BYTES) {
      throw new CliError(`--file-name is ${Buffer.byteLength(fileName!)} bytes long; file names are limited to ${MAX_NAME_BYTES}: give a shorter one.`);
    }
    const files = ctx.files(root);
    const { refs, diagnostics } = await findVisions(files, only);
    // Notes skipped and folders that cannot be written through are said before anything else.
    diagnostics.filter((d) => SKIP_CODES.has(d.code)).forEach((d) => ctx.err(formatDiagnostic(d)));
    const store = cliBaseStore(files, keep);
    const dryRun = ctx.options["dry-run"] === true;
    const adopt = ctx.options.adopt === true;
    // One writer per folder; a dry run writes nothing and needs no lock.
    const release = dryRun ? undefined : await acquireLock(files, ctx.err);
    try {
      // A vision left out for its folder name is a problem found (exit 1); a skipped note a warning.
      let refused = diagnostics.filter((d) => d.code === "unsafe-folder-name").length;
      // First every decision, then every check, then the writes: a problem (a read-only note, a
      // symlink out of the folder, a name too long) is reported before anything is written.
      const planned: Planned[] = [];
      for (const ref of refs) {
        try {
          const p = await planVision(ctx, files, store, ref, { fileName, style, adopt, dateFormat, includeTests: ctx.options["no-tests"] !== true });
          if (p === "skipped") continue;
          if (!("ref" in p)) {
            refused++;
            ctx.err(`refused ${p.decision.path}: ${p.decision.reason}`);
            continue;
          }
          planned.push(p);
        } catch (e) {
          refused++;
          ctx.err(`skipped ${ref.id}: ${errorLine(e, ctx.options.debug === true)}`);
        }
      }
      if (dryRun) {
        planned.forEach((p) => printDryRun(ctx, p));
        return refused > 0 ? 1 : 0;
      }
      const writable: Planned[] = [];
      for (const p of planned) {
        const problem = await writeProblems(files, store, p);
        if (problem) {
          refused++;
          ctx.err(`not written ${p.decision.path}: ${problem}`);
        } else writable.push(p);
      }
      for (const p of writable) {
        try {
          await writeVision(ctx, files, store, p);
        } catch (e) {
          refused++;
          ctx.err(`not written ${p.decision.path}: ${errorLine(e, ctx.options.debug === true)}`);
        }
      }
      return refused > 0 ? 1 : 0;
    } finally {
      await release?.();
    }
  },
};

interface Planned {
  ref: VisionRef;
  decision: Exclude<WriteDecision, { action: "refuse" }>;
  existing?: string;
  stored?: BaseRecord;
  /** What became of an unfilled intent-kit template set aside at the target path. */
  aside?: string;
}

async function planVision(
  ctx: CommandContext,
  files: NodeFiles,
  store: FolderBaseStore,
  ref: VisionRef,
  o: { fileName?: string; style: "text" | "tasks"; adopt: boolean; dateFormat?: string; includeTests: boolean },
): Promise<Planned | "skipped" | { decision: WriteDecision & { action: "refuse" } }> {
  const loaded = await loadVision(ref, (p) => files.read(p));
  if (!loaded.vision.plan) {
    ctx.err(`skipped ${loaded.vision.ref.id}: no milestone plan (${loaded.diagnostics.map(formatDiagnostic).join("; ")})`);
    return "skipped";
  }
  // Whatever is at the target path is merged into or refused, never overwritten unseen; an
  // unfilled intent-kit template is set aside instead.
  const { vision, existing, template } = await resolveExecuteTarget(loaded.vision, o.fileName, async (p) => ((await files.exists(p)) ? files.read(p) : undefined));
  const stored = await store.load(baseKey(vision.ref));
  const decision: WriteDecision = planExecuteWrite(vision, existing, {
    today: ctx.today,
    dateFormat: o.dateFormat,
    dependencyStyle: o.style,
    fileName: o.fileName,
    base: stored,
    adopt: o.adopt,
    includeTests: o.includeTests,
  });
  if (decision.action === "refuse") return { decision };
  const aside = template ? `${template}: note: ${templateNote(template, decision.path)}` : undefined;
  return { ref, decision, existing, stored, aside };
}

function printDryRun(ctx: CommandContext, { decision, aside }: Planned): void {
  const summary = decision.report && decision.action === "update" ? summarizeReport(decision.report) : "";
  ctx.out(`# ${decision.action === "unchanged" ? "unchanged" : `would ${decision.action}`} ${decision.path}${summary ? ` (${summary})` : ""}`);
  if (aside) ctx.out(`# ${aside}`);
  if (decision.action === "create") ctx.out(decision.content);
  if (decision.action === "update") {
    ctx.out(unifiedDiff(decision.previous ?? "", decision.content, { oldLabel: `a/${decision.path}`, newLabel: `b/${decision.path}` }).trimEnd());
    (decision.report ? formatReport(decision.report, decision.path) : []).forEach((line) => ctx.out(`# ${line}`));
  }
}

/** Why a vision's note or its store files cannot be written (checked for all visions before any write). */
async function writeProblems(files: NodeFiles, store: FolderBaseStore, { ref, decision }: Planned): Promise<string | undefined> {
  const paths = [...(decision.action === "unchanged" ? [] : [decision.path]), ...store.pathsOf(baseKey(ref))];
  for (const p of paths) {
    const problem = await files.writeProblem(p);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Backup, then base, then note: the base is saved before the note with the hash of the note it
 * belongs to, so a run stopped in between leaves a base recognisably stale (see BaseRecord.noteHash)
 * instead of a new note merged later against an old base (which duplicated its new tasks).
 */
async function writeVision(ctx: CommandContext, files: NodeFiles, store: FolderBaseStore, { ref, decision, existing, stored, aside }: Planned): Promise<void> {
  const report = decision.report ? formatReport(decision.report, decision.path) : [];
  const summary = decision.report && decision.action === "update" ? summarizeReport(decision.report) : "";
  if (decision.action === "update" && existing !== undefined) {
    // Backups are named by the wall-clock time of the rewrite (ctx.today may be a fixed day).
    const copy = await store.backup(baseKey(ref), decision.path, existing, new Date());
    if (copy) report.push(`${decision.path}: note: the previous version is kept in ${copy}`);
  }
  const base = decision.base ? { ...decision.base, noteHash: hashText(decision.content) } : undefined;
  if (base && !sameRecord(stored, base)) await store.save(baseKey(ref), base);
  faultHook("after-base");
  if (decision.action !== "unchanged") await files.write(decision.path, decision.content);
  const verb = decision.action === "create" ? "created" : decision.action === "update" ? "updated" : "unchanged";
  ctx.out(`${verb} ${decision.path} (${taskCount(decision.content)} tasks${summary ? `; ${summary}` : ""})`);
  if (aside) ctx.out(`  ${aside}`);
  if (decision.action === "update") report.forEach((line) => ctx.out(`  ${line}`));
}

/**
 * Test hook: INTENTK_FAULT=after-base ends the process right after the base is saved, as a crash
 * or kill between the two writes would.
 */
function faultHook(point: string): void {
  if (process.env.INTENTK_FAULT === point) process.exit(137);
}
