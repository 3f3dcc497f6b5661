import { type App, Component, type EventRef, Events, TFile, TFolder, type TAbstractFile, debounce } from "obsidian";
import { isUnfilledTemplate } from "../core/generate/unfilled";
import type { Diagnostic } from "../core/diagnostics";
import { basename, dirname } from "../core/files";
import { type Drift, detectDrift, driftDiagnostic } from "../core/drift";
import type { PlanGraph } from "../core/graph/model";
import { updateCheckbox } from "../core/reader/incremental";
import type { PlanDoc } from "../core/reader/model";
import { hashText, normalizeText } from "../core/text/normalize";
import { type NoteInfo, declaredRole, detectVisions } from "../core/vision/detect";
import type { VisionRef } from "../core/vision/model";
import { type VisionOutline, outlineVision } from "../core/vision/outline";
import { parseTimeline, timelineDays } from "../core/vision/timeline";
import { type PlanAnalyzer, type Progress, progressOf } from "./plan-analysis";

/** One vision (or spec-kit feature) as the index knows it. */
export interface VisionEntry {
  ref: VisionRef;
  /** Display name (from the first heading of its documents, else the folder slug). */
  name: string;
  /**
   * What the index reads of the source documents: milestone headings, dependencies, timelines and
   * every diagnostic, line by line. The full parse is left to generation.
   */
  outline?: VisionOutline;
  /** Set when the execute note was generated from older versions of the vision's documents. */
  drift?: Drift;
  /** Detection, parsing and plan-reading diagnostics, with file and line. */
  diagnostics: Diagnostic[];
  /** Its execution plan (execute.md, tasks.md) as the tolerant reader sees it. */
  plan?: PlanDoc;
  graph?: PlanGraph;
  progress?: Progress;
}

export interface VisionIndexOptions {
  /** The folder holding vision folders ("" = any folder named `visions`). */
  visionsRoot: () => string;
  /** Reads execution plans; without it, entries carry no plan, graph or progress. */
  analyzer?: PlanAnalyzer;
  /** Quiet time after the last change before the index updates. */
  debounceMs?: number;
}

/** A read execution plan, kept with its text so that a ticked checkbox is applied without a full read. */
interface CachedPlan {
  hash: string;
  text: string;
  plan: PlanDoc;
  graph?: PlanGraph;
  planDiagnostics: Diagnostic[];
}

const NUMBERED = /^\d{3}-\S/;
const CHANGED = "changed";

/**
 * The live index of visions in the vault. It is built in `start()` (call it once the layout is
 * ready) from the metadata cache alone (paths and frontmatter: no note is read to find visions);
 * then only the documents of visions are read (`cachedRead`), each parsed again only when its
 * content hash changed. Changes (metadata `changed`, vault `create`/`rename`/`delete`) are
 * collected and applied after a quiet period; subscribers hear about them through `onChange`.
 */
export class VisionIndex extends Component {
  private readonly emitter = new Events();
  /** Notes that may belong to a vision: in a numbered folder, or declaring a role. */
  private readonly candidates = new Map<string, NoteInfo>();
  private entries = new Map<string, VisionEntry>();
  /** Execution plans read, by path; kept across changes (a touched but unchanged note is not read again). */
  private readonly plans = new Map<string, CachedPlan>();
  /** Text of source documents, by path, until the note changes: only changed notes are read again. */
  private readonly sources = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private rescan = false;
  private started = false;
  private running: Promise<void> = Promise.resolve();
  private readonly update = debounce(() => void this.kick(), this.options.debounceMs ?? 300, true);
  private readyResolve!: () => void;
  /** Resolves once the first build is complete. */
  readonly ready: Promise<void> = new Promise((resolve) => (this.readyResolve = resolve));

  constructor(
    private readonly app: App,
    private readonly options: VisionIndexOptions,
  ) {
    super();
  }

  override onunload(): void {
    this.update.cancel();
    this.started = false;
  }

  /** Builds the index and starts following the vault. Call from `onLayoutReady`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const { vault, metadataCache } = this.app;
    for (const file of vault.getMarkdownFiles()) this.consider(file.path);
    this.registerEvent(metadataCache.on("changed", (file) => this.touch(file.path)));
    this.registerEvent(vault.on("create", (file) => this.touchFile(file)));
    this.registerEvent(vault.on("delete", (file) => this.removeFile(file)));
    this.registerEvent(vault.on("rename", (file, oldPath) => this.renameFile(file, oldPath)));
    this.rescan = true;
    void this.kick().then(() => this.readyResolve());
  }

  /** Subscribe to index changes; the callback gets the folders of the visions that changed. */
  onChange(callback: (folders: string[]) => void): EventRef {
    return this.emitter.on(CHANGED, callback as (...data: unknown[]) => unknown);
  }

  offref(ref: EventRef): void {
    this.emitter.offref(ref);
  }

  /** Every vision and spec-kit feature, by folder. */
  list(): VisionEntry[] {
    return [...this.entries.values()];
  }

  /** The entry of a folder, or of an id (`001-team-reading-list`). */
  get(folderOrId: string): VisionEntry | undefined {
    return this.entries.get(folderOrId) ?? this.list().find((e) => e.ref.id === folderOrId);
  }

  /** The text of a vision's source document as last read (the plan, for its Start Date), if it was read. */
  sourceText(path: string): string | undefined {
    return this.sources.get(path);
  }

  /** The vision a note belongs to: one of its documents, or any note inside its folder. */
  visionOf(path: string | undefined): VisionEntry | undefined {
    if (!path) return undefined;
    for (const e of this.entries.values()) if (Object.values(e.ref.docs).includes(path)) return e;
    let folder = dirname(path);
    while (folder) {
      const e = this.entries.get(folder);
      if (e) return e;
      folder = dirname(folder);
    }
    return undefined;
  }

  /** Re-detects every vision (after the visions folder setting changed). */
  refreshAll(): void {
    this.rescan = true;
    this.update();
  }

  /** Applies pending changes now and resolves when the index is up to date. */
  async settle(): Promise<void> {
    await this.ready;
    this.update.run();
    let seen: Promise<void> | undefined;
    while (seen !== this.running) {
      seen = this.running;
      await seen;
    }
  }

  /** Whether a note could be part of a vision; records it as a candidate when it could. */
  private consider(path: string): boolean {
    if (!path.toLowerCase().endsWith(".md")) return false;
    const file = this.app.vault.getFileByPath(path);
    const fm = file ? this.app.metadataCache.getFileCache(file)?.frontmatter : undefined;
    const role = declaredRole(fm);
    if (role || NUMBERED.test(basename(dirname(path)))) {
      this.candidates.set(path, role ? { path, frontmatter: { intentk: role } } : { path });
      return true;
    }
    return this.candidates.delete(path);
  }

  private touch(path: string): void {
    const was = this.candidates.has(path);
    if (!this.consider(path) && !was) return;
    if (was !== this.candidates.has(path)) this.rescan = true;
    this.dirty.add(path);
    this.update();
  }

  private touchFile(file: TAbstractFile): void {
    if (file instanceof TFile) this.touch(file.path);
  }

  private removeFile(file: TAbstractFile): void {
    const prefix = `${file.path}/`;
    let hit = false;
    for (const path of [...this.candidates.keys()]) {
      if (path === file.path || (file instanceof TFolder && path.startsWith(prefix))) {
        this.candidates.delete(path);
        this.plans.delete(path);
        this.sources.delete(path);
        hit = true;
      }
    }
    if (hit) {
      this.rescan = true;
      this.update();
    }
  }

  private renameFile(file: TAbstractFile, oldPath: string): void {
    const moved = file instanceof TFolder ? [...this.candidates.keys()].filter((p) => p.startsWith(`${oldPath}/`)) : [oldPath];
    let hit = false;
    for (const old of moved) {
      if (this.candidates.delete(old)) hit = true;
      this.plans.delete(old);
      this.sources.delete(old);
      const now = file.path + old.slice(oldPath.length);
      if (this.consider(now)) {
        hit = true;
        this.dirty.add(now);
      }
    }
    if (file instanceof TFile && this.consider(file.path)) {
      hit = true;
      this.dirty.add(file.path);
    }
    if (hit) {
      this.rescan = true;
      this.update();
    }
  }

  private kick(): Promise<void> {
    this.running = this.running.then(() => this.apply()).catch((e: unknown) => console.error("Intent Kit: index update failed", e));
    return this.running;
  }

  private async apply(): Promise<void> {
    if (!this.started) return;
    const dirty = new Set(this.dirty);
    this.dirty.clear();
    const rescan = this.rescan;
    this.rescan = false;
    if (!rescan && dirty.size === 0) return;
    for (const path of dirty) this.sources.delete(path);

    const detection: Diagnostic[] = [];
    const refs = detectVisions(this.candidates.values(), { visionsRoot: this.options.visionsRoot() }, detection);
    const next = new Map<string, VisionEntry>();
    const changed: string[] = [];
    for (const ref of refs) {
      const prev = this.entries.get(ref.folder);
      const paths = Object.values(ref.docs);
      const same = prev && sameDocs(prev.ref, ref) && !paths.some((p) => dirty.has(p));
      if (same && prev) {
        next.set(ref.folder, prev);
        continue;
      }
      next.set(ref.folder, await this.loadEntry(ref, detection.filter((d) => dirname(d.file) === ref.folder)));
      changed.push(ref.folder);
    }
    for (const folder of this.entries.keys()) if (!next.has(folder)) changed.push(folder);
    this.entries = next;
    if (!this.started) return;
    if (changed.length) this.emitter.trigger(CHANGED, changed);
  }

  /** Reads a vision's documents: the sources line by line, the execution plan (incrementally when it can). */
  private async loadEntry(ref: VisionRef, detection: Diagnostic[]): Promise<VisionEntry> {
    const diagnostics: Diagnostic[] = [...detection];
    const read = async (path: string): Promise<string> => {
      const known = this.sources.get(path);
      if (known !== undefined) return known;
      const file = this.app.vault.getFileByPath(path);
      if (!file) throw new Error("the note is gone");
      const text = await this.app.vault.cachedRead(file);
      this.sources.set(path, text);
      return text;
    };
    const outline = await outlineVision(ref, read);
    diagnostics.push(...outline.diagnostics);
    const entry: VisionEntry = { ref, name: outline.name, diagnostics, outline };
    const execute = ref.docs.execute;
    const analyzer = this.options.analyzer;
    if (!execute || !analyzer) return entry;
    const cached = await this.readPlan(execute, analyzer, weightsOf(outline), diagnostics);
    if (!cached) return entry;
    entry.plan = cached.plan;
    entry.graph = cached.graph;
    entry.progress = progressOf(cached.plan);
    diagnostics.push(...cached.planDiagnostics);
    if (ref.kind === "spec" && cached.plan.title) entry.name = cached.plan.title;
    if (ref.kind === "vision") {
      entry.drift = detectDrift({ ref, hashes: outline.hashes, plan: { milestones: outline.milestones } }, execute, cached.text);
      if (entry.drift) diagnostics.push(driftDiagnostic(entry.drift));
    }
    return entry;
  }

  /** The execution plan read and graphed: reused while unchanged, updated in place for a ticked checkbox. */
  private async readPlan(path: string, analyzer: PlanAnalyzer, weights: Map<string, number>, diagnostics: Diagnostic[]): Promise<CachedPlan | undefined> {
    const file = this.app.vault.getFileByPath(path);
    if (!file) return undefined;
    let text: string;
    try {
      text = normalizeText(await this.app.vault.cachedRead(file));
    } catch (e) {
      diagnostics.push({ code: "unreadable", severity: "error", message: `Cannot read ${path}: ${(e as Error).message}`, file: path, line: 1 });
      return undefined;
    }
    // An unfilled intent-kit template (execution.md named by its scripts) is no execution plan yet.
    if (isUnfilledTemplate(text)) return undefined;
    const hash = hashText(text);
    const known = this.plans.get(path);
    if (known && known.hash === hash) return known;
    const ticked = known ? updateCheckbox(known.text, known.plan, text) : undefined;
    let entry: CachedPlan;
    if (ticked && known) {
      entry = { hash, text, plan: ticked, graph: analyzer.graph?.(ticked, weights), planDiagnostics: known.planDiagnostics };
    } else {
      const plan = analyzer.read(path, text);
      const graph = analyzer.graph?.(plan, weights);
      const seen = new Set(plan.diagnostics.map((d) => `${d.line}:${d.code}:${d.message}`));
      const extra = (graph?.diagnostics ?? []).filter((d) => !seen.has(`${d.line}:${d.code}:${d.message}`));
      entry = { hash, text, plan, graph, planDiagnostics: [...plan.diagnostics, ...extra] };
    }
    this.plans.set(path, entry);
    return entry;
  }
}

/** Critical-path weights: each milestone's Timeline in days, by its label (`M2`). */
function weightsOf(outline: VisionOutline): Map<string, number> {
  const weights = new Map<string, number>();
  for (const m of outline.milestones) {
    const days = m.timeline ? timelineDays(parseTimeline(m.timeline.text)) : undefined;
    if (days !== undefined) weights.set(`M${m.number}`, days);
  }
  return weights;
}

function sameDocs(a: VisionRef, b: VisionRef): boolean {
  const ka = Object.entries(a.docs).sort().join("|");
  const kb = Object.entries(b.docs).sort().join("|");
  return a.kind === b.kind && ka === kb;
}
