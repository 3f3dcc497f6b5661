import { type App, normalizePath } from "obsidian";
import { driftDiagnostic } from "../core/drift";
import type { PlanGraph } from "../core/graph/model";
import type { PlanTiming } from "../core/schedule/timing";
import type { GraphPlanRef, GraphViewHost } from "./graph-view/host";
import { NOTE_PLAN_PREFIX, type NoteGraphs } from "./note-graphs";
import { openNoteAt } from "./open";
import { timingOf } from "./plan-timing";
import { ensureFolder } from "./vault-files";
import type { VisionEntry, VisionIndex } from "./vision-index";

/** The id the graph view uses for a vision: its folder name, or its folder path when two share a name. */
export function planIdOf(entry: VisionEntry, all: readonly VisionEntry[]): string {
  return all.filter((e) => e.ref.id === entry.ref.id).length > 1 ? entry.ref.folder : entry.ref.id;
}

/** The phase graph view's host, backed by the live vision index. */
export class IndexGraphHost implements GraphViewHost {
  private indexReady = false;

  constructor(
    readonly app: App,
    private readonly index: VisionIndex,
    /** Task graphs of single notes ("Open task graph of current note"). */
    private readonly notes?: NoteGraphs,
  ) {
    void index.ready.then(() => (this.indexReady = true));
  }

  isReady(): boolean {
    return this.indexReady;
  }

  private withGraphs(): VisionEntry[] {
    return this.index.list().filter((e) => e.graph && e.ref.docs.execute);
  }

  entryOf(id: string): VisionEntry | undefined {
    const all = this.withGraphs();
    return all.find((e) => planIdOf(e, all) === id);
  }

  listPlans(): GraphPlanRef[] {
    const all = this.withGraphs();
    const visions = all.map((e) => ({ id: planIdOf(e, all), name: `${e.ref.id} — ${e.name}`, file: e.ref.docs.execute! }));
    const notes = (this.notes?.paths() ?? []).map((path) => ({ id: `${NOTE_PLAN_PREFIX}${path}`, name: `${path.replace(/\.md$/i, "")} (tasks)`, file: path }));
    return [...visions, ...notes];
  }

  /** The plan's graph; when its execute note is out of date, that comes first among its diagnostics. */
  getGraph(id: string): PlanGraph | undefined {
    if (id.startsWith(NOTE_PLAN_PREFIX)) {
      const path = id.slice(NOTE_PLAN_PREFIX.length);
      const graph = this.notes?.get(path);
      // A view restored with a note's graph (after a restart): read the note; the view hears of it.
      if (!graph && this.indexReady) void this.notes?.open(path);
      return graph;
    }
    const entry = this.entryOf(id);
    if (!entry?.graph || !entry.drift) return entry?.graph;
    return { ...entry.graph, diagnostics: [driftDiagnostic(entry.drift), ...entry.graph.diagnostics] };
  }

  /** A vision's timing from its plan; a plain note's task graph has no milestones to schedule. */
  getTiming(id: string): PlanTiming | undefined {
    if (id.startsWith(NOTE_PLAN_PREFIX)) return undefined;
    const entry = this.entryOf(id);
    return entry ? timingOf(this.index, entry) : undefined;
  }

  onChange(cb: () => void): () => void {
    const ref = this.index.onChange(() => cb());
    const offNotes = this.notes?.onChange(cb);
    let subscribed = true;
    // The index may find no vision at all, and then reports no change: readiness is one.
    if (!this.indexReady) void this.index.ready.then(() => subscribed && cb());
    return () => {
      subscribed = false;
      this.index.offref(ref);
      offNotes?.();
    };
  }

  openAt(file: string, line: number, _heading: string | undefined, newTab: boolean): void {
    void openNoteAt(this.app, file, line, newTab ? "tab" : false);
  }

  async saveFile(name: string, content: string): Promise<string> {
    const plan = this.listPlans().find((p) => name.startsWith(`${p.id.replace(/[\\/:*?"<>|#^[\]]+/g, "-")}-`));
    const path = normalizePath(await this.app.fileManager.getAvailablePathForAttachment(name, plan?.file));
    if (path.includes("/")) await ensureFolder(this.app, path.slice(0, path.lastIndexOf("/")));
    await this.app.vault.create(path, content);
    return path;
  }

  preferredPlan(): string | undefined {
    const active = this.app.workspace.getActiveFile()?.path;
    const entry = this.index.visionOf(active);
    if (!entry?.graph) return active !== undefined && this.notes?.get(active) ? `${NOTE_PLAN_PREFIX}${active}` : undefined;
    return planIdOf(entry, this.withGraphs());
  }
}
