import { baseKey } from "../../core/base-store";
import { type Diagnostic, formatDiagnostic, hasErrors, sortDiagnostics } from "../../core/diagnostics";
import { detectDrift, driftDiagnostic } from "../../core/drift";
import { checkLinks } from "../../core/link-check";
import { buildGraph } from "../../core/graph/build";
import { readPlan } from "../../core/reader/read";
import { buildSchedule } from "../../core/schedule/cpm";
import { planTiming } from "../../core/schedule/timing";
import { normalizeText } from "../../core/text/normalize";
import { milestoneWeights } from "../../core/reader/locate";
import type { Command } from "../command";
import { folderArg } from "../args";
import { type LoadedVision, loadVision } from "../../core/vision/load";
import { outlineVision } from "../../core/vision/outline";
import { findVisions } from "../load";
import { errorLine } from "../fs-errors";
import { cliBaseStore } from "./generate";

export const checkCommand: Command = {
  name: "check",
  summary: "report problems in vision notes as file:line: severity: message",
  valueOptions: ["vision"],
  help: `Usage: intentk check <folder> [--vision <id>]

Checks every vision: missing plan, milestones without priority, placeholders left from the
templates, dependencies that name no milestone, dependency cycles, duplicate milestone numbers,
heading links in execute notes that no longer resolve, and execute notes that are out of date
because a vision, goal, strategy or plan note changed after they were generated (with what
changed in the plan: milestones added, removed or renamed, deliverables changed), and the
schedule of visions with an execute note (milestones dated to start before a milestone they
depend on ends, an Overall Timeline shorter than the critical path, Timelines that cannot be
read). Prints one
line per finding, "file:line: severity: message [code]", and exits 1 when any is an error.`,
  async run(ctx) {
    const root = await folderArg(ctx);
    const only = typeof ctx.options.vision === "string" ? ctx.options.vision : undefined;
    const files = ctx.files(root);
    const { refs, diagnostics: detection } = await findVisions(files, only);
    const store = cliBaseStore(files);
    const all: Diagnostic[] = [...detection];
    const read = (p: string): Promise<string> => files.read(p);
    let skipped = 0;
    for (const ref of refs) {
      try {
        const outline = await outlineVision(ref, read);
        all.push(...outline.diagnostics);
        // The full parse, read at most once per vision and only where the outline is not enough.
        let full: Promise<LoadedVision> | undefined;
        const loadFull = (): Promise<LoadedVision> => (full ??= loadVision(ref, read));
        if (ref.docs.strategy && ref.docs.plan) {
          // Which strategy the note follows needs the strategy document itself, beyond the outline.
          all.push(...(await loadFull()).diagnostics.filter((d) => d.code === "no-recommended-strategy"));
        }
        const execute = ref.docs.execute;
        if (!execute) continue;
        all.push(...(await checkLinks(files, execute)));
        const note = await files.read(execute);
        let drift = detectDrift(outline, execute, note);
        if (drift?.changes.some((c) => c.role === "plan")) {
          // Only a vision whose plan changed pays for the full parse, to say what changed in it.
          const record = await store.load(baseKey(ref));
          drift = detectDrift((await loadFull()).vision, execute, note, record?.note === execute ? record.snapshot : undefined);
        }
        if (drift) all.push(driftDiagnostic(drift));
        if (ref.docs.plan) {
          const graph = buildGraph(readPlan(execute, note), { phaseWeights: milestoneWeights(outline.milestones) });
          const timing = planTiming(outline.milestones, { file: ref.docs.plan, text: normalizeText(await read(ref.docs.plan)) });
          all.push(...buildSchedule(graph, timing, { today: ctx.today }).diagnostics);
        }
      } catch (e) {
        // One vision that cannot be read never stops the check of the others.
        skipped++;
        ctx.err(`intentk check: skipped ${ref.id}: ${errorLine(e, ctx.options.debug === true)}`);
      }
    }
    sortDiagnostics(all).forEach((d) => ctx.out(formatDiagnostic(d)));
    const errors = all.filter((d) => d.severity === "error").length;
    ctx.err(`${refs.length} vision(s) checked: ${errors} error(s), ${all.length - errors} other finding(s)`);
    return hasErrors(all) || skipped > 0 ? 1 : 0;
  },
};
