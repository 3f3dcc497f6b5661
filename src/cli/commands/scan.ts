import { formatDiagnostic, sortDiagnostics } from "../../core/diagnostics";
import type { Command } from "../command";
import { folderArg } from "../args";
import { outlineVision } from "../../core/vision/outline";
import { findVisions } from "../load";
import { errorLine } from "../fs-errors";

export const scanCommand: Command = {
  name: "scan",
  summary: "list the visions in a folder with their documents, milestones and diagnostics",
  help: `Usage: intentk scan <folder> [--json]

Finds vision folders (visions/NNN-slug/) and notes whose frontmatter says "intentk: <role>",
and prints each vision's documents, milestones (number, title, priority, dependencies, line)
and diagnostics.

Options:
  --json    print the result as JSON`,
  async run(ctx) {
    const root = await folderArg(ctx);
    const files = ctx.files(root);
    const found = await findVisions(files);
    const tried = await Promise.all(
      found.refs.map((ref) =>
        outlineVision(ref, (p) => files.read(p)).catch((e: unknown) => {
          // One vision that cannot be read never hides the others.
          ctx.err(`intentk scan: skipped ${ref.id}: ${errorLine(e, ctx.options.debug === true)}`);
          return undefined;
        }),
      ),
    );
    const outlines = tried.filter((o) => o !== undefined);
    const visions = outlines.map(({ diagnostics, ...v }) => ({
      id: v.ref.id,
      name: v.name,
      folder: v.ref.folder,
      documents: v.ref.docs,
      order: v.order,
      milestones: v.milestones.map((m) => ({
        number: m.number,
        title: m.title,
        priority: m.priority ?? null,
        dependsOn: m.dependsOn,
        file: m.file,
        line: m.line,
      })),
      diagnostics: sortDiagnostics(diagnostics),
    }));
    if (ctx.options.json) {
      ctx.out(JSON.stringify({ visions, diagnostics: found.diagnostics }, null, 2));
      return 0;
    }
    if (visions.length === 0) ctx.out(`No visions found in ${root} (looked for visions/NNN-slug/ folders and "intentk:" frontmatter).`);
    for (const v of visions) {
      ctx.out(`${v.id}  ${v.name}  (${v.folder})`);
      ctx.out(`  documents: ${Object.entries(v.documents).map(([role, path]) => `${role}=${path.split("/").pop()}`).join(", ")}`);
      for (const m of v.milestones) {
        const deps = m.dependsOn.length ? ` after M${m.dependsOn.join(", M")}` : "";
        ctx.out(`  M${m.number} ${m.priority ? `P${m.priority}` : "--"} ${m.title}${deps}  (${m.file}:${m.line})`);
      }
      if (v.order.length) ctx.out(`  execution order: ${v.order.map((n) => `M${n}`).join(" → ")}`);
      for (const d of v.diagnostics) ctx.out(`  ${formatDiagnostic(d)}`);
    }
    for (const d of found.diagnostics) ctx.out(formatDiagnostic(d));
    return 0;
  },
};
