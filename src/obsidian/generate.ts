import { type App, TFile, normalizePath } from "obsidian";
import { buildExecutionPlan } from "../core/generate/plan-model";
import { type GenerateOptions, type WriteDecision, planExecuteWrite } from "../core/generate/write";
import { resolveExecuteTarget, templateNote } from "../core/generate/target";
import { applyPlanLinks, milestoneLinkTargets } from "../core/plan-links";
import { type LoadedVision, loadVision } from "../core/vision/load";
import type { Vision, VisionRef } from "../core/vision/model";
import { frontmatterOf } from "../core/workspace";
import { baseKey, type BaseStore } from "../core/base-store";
import type { IntentKitSettings } from "./settings";
import { VaultFiles } from "./vault-files";

export interface GenerateHooks {
  /**
   * Decides what to write. Default: the core's `planExecuteWrite` (creates; merges into a note
   * Intent Kit wrote, with the stored base when there is one; refuses a note it did not write).
   */
  decide?(vision: Vision, existing: string | undefined, options: GenerateOptions): WriteDecision | Promise<WriteDecision>;
  /**
   * Asked before anything is written for a "create" or "update" decision (e.g. a preview modal
   * that shows `decision.report` when `decision.needsConfirmation`); resolving false cancels the
   * whole generation, sources included. Default: apply.
   */
  confirmWrite?(decision: WriteDecision): Promise<boolean>;
  /** Asked when the execute note was not written by Intent Kit; true merges the plan into it. Default: refuse. */
  confirmAdopt?(decision: WriteDecision & { action: "refuse" }): Promise<boolean>;
  /** The merge base of each vision (last generation, ID map, plan snapshot) and backups. */
  baseStore?: BaseStore;
}

export type GenerateAction = "create" | "update" | "unchanged" | "refuse" | "cancelled" | "skipped";

export interface GenerateResult {
  ref: VisionRef;
  action: GenerateAction;
  /** The execute note's path (when there is a plan). */
  path?: string;
  /** Why it was refused or skipped. */
  reason?: string;
  /** Tasks (open and done) in the note written. */
  tasks?: number;
  /** Whether the plan's link lines or the `execute` properties were changed. */
  sourcesChanged?: boolean;
  /** What was done with an unfilled intent-kit template beside the note, when there was one. */
  note?: string;
}

/** The wikilink stored in the `execute` property of the vision and plan notes. */
export function executeProperty(path: string): string {
  return `[[${path.replace(/\.md$/i, "")}]]`;
}

/**
 * Generates execute notes inside the vault: decides (never overwriting edits), asks `confirmWrite`,
 * writes the forward-link line under each milestone of the plan (`Vault.process`) and the `execute`
 * property of the vision and plan notes (`processFrontMatter`), then writes the execute note from
 * the sources as they are after those edits, so a second run changes nothing.
 */
export class ExecuteNoteWriter {
  constructor(
    private readonly app: App,
    private readonly settings: () => IntentKitSettings,
    public hooks: GenerateHooks = {},
    private readonly today: () => Date = () => new Date(),
  ) {}

  private options(): GenerateOptions {
    const s = this.settings();
    return { today: this.today(), dateFormat: s.dateFormat, dependencyStyle: s.dependencyStyle, fileName: s.executeFileName, includeTests: s.includeTests };
  }

  private async load(ref: VisionRef): Promise<LoadedVision> {
    const files = new VaultFiles(this.app, true);
    return loadVision(ref, (p) => files.read(p));
  }

  private decide(vision: Vision, existing: string | undefined, opts: GenerateOptions): WriteDecision | Promise<WriteDecision> {
    return this.hooks.decide ? this.hooks.decide(vision, existing, opts) : planExecuteWrite(vision, existing, opts);
  }

  /**
   * Generates one vision's execute note. `interactive` (the default) asks before taking over a note
   * Intent Kit did not write and previews a rewrite; bulk regeneration does neither: it merges
   * (keeping a backup) and leaves foreign notes alone.
   */
  generate(ref: VisionRef, interactive = true): Promise<GenerateResult> {
    return this.queued(() => this.generateNow(ref, interactive));
  }

  /**
   * Runs generations one at a time: two at once (a command while a bulk regeneration runs) could
   * both merge against the same base and write the same new tasks twice.
   */
  private queued<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private queue: Promise<unknown> = Promise.resolve();

  private async generateNow(ref: VisionRef, interactive: boolean): Promise<GenerateResult> {
    if (ref.kind !== "vision") return { ref, action: "skipped", reason: `${ref.folder} is a spec-kit feature; its tasks.md is read, not generated.` };
    const first = await this.load(ref);
    if (!first.vision.plan) {
      const why = first.diagnostics.find((d) => d.code === "missing-plan")?.message ?? `${ref.id} has no milestone plan.`;
      return { ref, action: "skipped", reason: why };
    }
    const store = this.hooks.baseStore;
    const opts: GenerateOptions = { ...this.options(), base: await store?.load(baseKey(ref)) };
    // An unfilled intent-kit template (execution.md…) is set aside, the same decision as the CLI's.
    const target = await resolveExecuteTarget(first.vision, opts.fileName, async (p) => {
      const file = this.app.vault.getFileByPath(normalizePath(p));
      return file ? this.app.vault.read(file) : undefined;
    });
    const path = normalizePath(target.path);
    const existing = target.existing;
    const note = target.template ? templateNote(target.template, path) : undefined;
    let decision = await this.decide(target.vision, existing, opts);
    if (decision.action === "refuse" && decision.canAdopt && interactive && this.hooks.confirmAdopt && (await this.hooks.confirmAdopt(decision))) {
      opts.adopt = true;
      decision = await this.decide(target.vision, existing, opts);
    }
    if (decision.action === "refuse") return { ref, action: "refuse", path, reason: decision.reason };
    if (decision.action !== "unchanged" && interactive && this.hooks.confirmWrite && !(await this.hooks.confirmWrite(decision))) {
      return { ref, action: "cancelled", path };
    }

    const sourcesChanged = await this.updateSources(target.vision, path, opts);
    let vision = target.vision;
    if (sourcesChanged) {
      const again = await this.load(ref);
      if (again.vision.plan) {
        vision = { ...again.vision, ref: target.vision.ref };
        decision = await this.decide(vision, existing, opts);
      }
      if (decision.action === "refuse") return { ref, action: "refuse", path, reason: decision.reason, sourcesChanged };
    }
    if (decision.action === "update" && existing !== undefined) await store?.backup(baseKey(ref), decision.path, existing, opts.today);
    if (decision.action === "create" || decision.action === "update") {
      const final = decision;
      const note = this.app.vault.getFileByPath(final.path);
      if (note && existing !== undefined) {
        // Atomic, and safe against typing during the preview: a note that changed meanwhile is merged again.
        await this.app.vault.process(note, (current) => {
          if (current === existing) return final.content;
          const merged = planExecuteWrite(vision, current, opts);
          return merged.action === "create" || merged.action === "update" ? merged.content : current;
        });
      } else await new VaultFiles(this.app).write(final.path, final.content);
    }
    if (decision.base) await store?.save(baseKey(ref), decision.base);
    const tasks = (decision.content.match(/^\s*- \[[ xX]\] T\d+/gm) ?? []).length;
    return { ref, action: decision.action, path: decision.path, tasks, sourcesChanged, note };
  }

  /** The plan's link lines and the `execute` properties; true when a note was changed. */
  private async updateSources(vision: Vision, executeNote: string, opts: GenerateOptions): Promise<boolean> {
    let changed = false;
    const planPath = vision.ref.docs.plan;
    const plan = planPath ? this.app.vault.getFileByPath(planPath) : null;
    if (plan) {
      const targets = milestoneLinkTargets(buildExecutionPlan(vision, { includeTests: opts.includeTests }), executeNote);
      const current = await this.app.vault.read(plan);
      if (applyPlanLinks(current, targets) !== current) {
        await this.app.vault.process(plan, (text) => applyPlanLinks(text, targets));
        changed = true;
      }
    }
    const link = executeProperty(executeNote);
    for (const role of ["vision", "plan"] as const) {
      const p = vision.ref.docs[role];
      const file = p ? this.app.vault.getFileByPath(p) : null;
      if (!(file instanceof TFile)) continue;
      const fm = frontmatterOf(await this.app.vault.read(file));
      if (fm.execute === link) continue;
      await this.app.fileManager.processFrontMatter(file, (front: Record<string, unknown>) => {
        front.execute = link;
      });
      changed = true;
    }
    return changed;
  }

  /** Generates every vision in turn; `progress` hears about each one before it starts. */
  generateAll(refs: readonly VisionRef[], progress?: (done: number, total: number, ref: VisionRef) => void): Promise<GenerateResult[]> {
    return this.queued(() => this.generateAllNow(refs, progress));
  }

  private async generateAllNow(refs: readonly VisionRef[], progress?: (done: number, total: number, ref: VisionRef) => void): Promise<GenerateResult[]> {
    const results: GenerateResult[] = [];
    for (const [i, ref] of refs.entries()) {
      progress?.(i, refs.length, ref);
      try {
        results.push(await this.generateNow(ref, false));
      } catch (e) {
        results.push({ ref, action: "refuse", reason: `Could not generate: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    progress?.(refs.length, refs.length, refs[refs.length - 1]);
    return results;
  }
}

/** One line per outcome: "2 created, 1 updated, 5 unchanged, 1 refused". */
export function summarize(results: readonly GenerateResult[]): string {
  const words: [GenerateAction, string][] = [
    ["create", "created"],
    ["update", "updated"],
    ["unchanged", "unchanged"],
    ["refuse", "refused"],
    ["cancelled", "cancelled"],
    ["skipped", "skipped"],
  ];
  const parts = words.flatMap(([a, w]) => {
    const n = results.filter((r) => r.action === a).length;
    return n ? [`${n} ${w}`] : [];
  });
  return parts.length ? parts.join(", ") : "nothing to generate";
}
