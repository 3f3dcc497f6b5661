import { type Diagnostic, formatDiagnostic, hasErrors, sortDiagnostics } from "../../core/diagnostics";
import { checkLinks } from "../../core/link-check";
import type { Command } from "../command";
import { folderArg } from "../args";
import { outlineVision } from "../../core/vision/outline";
import { findVisions } from "../load";

export const checkCommand: Command = {
  name: "check",
  summary: "report problems in vision notes as file:line: severity: message",
  valueOptions: ["vision"],
  help: `Usage: intentk check <folder> [--vision <id>]

Checks every vision: missing plan, milestones without priority, placeholders left from the
templates, dependencies that name no milestone, dependency cycles, duplicate milestone numbers,
and heading links in execute notes that no longer resolve. Prints one line per finding,
"file:line: severity: message [code]", and exits 1 when any is an error.`,
  async run(ctx) {
    const root = await folderArg(ctx);
    const only = typeof ctx.options.vision === "string" ? ctx.options.vision : undefined;
    const files = ctx.files(root);
    const { refs, diagnostics: detection } = await findVisions(files, only);
    const all: Diagnostic[] = [...detection];
    for (const ref of refs) {
      all.push(...(await outlineVision(ref, (p) => files.read(p))).diagnostics);
      const execute = ref.docs.execute;
      if (execute) all.push(...(await checkLinks(files, execute)));
    }
    sortDiagnostics(all).forEach((d) => ctx.out(formatDiagnostic(d)));
    const errors = all.filter((d) => d.severity === "error").length;
    ctx.err(`${refs.length} vision(s) checked: ${errors} error(s), ${all.length - errors} other finding(s)`);
    return hasErrors(all) ? 1 : 0;
  },
};
