import { type App, normalizePath } from "obsidian";
import { driftDiagnostic } from "../core/drift";
import type { PlanGraph } from "../core/graph/model";
import type { GraphPlanRef, GraphViewHost } from "./graph-view/host";
import { openNoteAt } from "./open";
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
    return all.map((e) => ({ id: planIdOf(e, all), name: `${e.ref.id} — ${e.name}`, file: e.ref.docs.execute! }));
  }

  /** The plan's graph; when its execute note is out of date, that comes first among its diagnostics. */
  getGraph(id: string): PlanGraph | undefined {
    const entry = this.entryOf(id);
    if (!entry?.graph || !entry.drift) return entry?.graph;
    return { ...entry.graph, diagnostics: [driftDiagnostic(entry.drift), ...entry.graph.diagnostics] };
  }

  onChange(cb: () => void): () => void {
    const ref = this.index.onChange(() => cb());
    let subscribed = true;
    // The index may find no vision at all, and then reports no change: readiness is one.
    if (!this.indexReady) void this.index.ready.then(() => subscribed && cb());
    return () => {
      subscribed = false;
      this.index.offref(ref);
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
    const entry = this.index.visionOf(this.app.workspace.getActiveFile()?.path);
    if (!entry?.graph) return undefined;
    return planIdOf(entry, this.withGraphs());
  }
}
