import { type App, Component, type TAbstractFile, type TFile, debounce, normalizePath } from "obsidian";
import { buildGraph } from "../core/graph/build";
import type { PlanGraph } from "../core/graph/model";
import { isTaskNote, noteGraphOf } from "../core/notes/task-graph";
import { readPlan } from "../core/reader/read";
import { VaultFiles } from "./vault-files";

/** Graph view plan ids of single notes: `note:<vault path>`. */
export const NOTE_PLAN_PREFIX = "note:";

/**
 * Task graphs of single notes that the user opened with "Open task graph of current note": any
 * note with checkbox tasks (a plain note through the core's task-note reader, an execution plan
 * through the plan reader, as the CLI does). A graph is kept up to date while the note, or a note
 * holding one of its external tasks, changes.
 */
export class NoteGraphs extends Component {
  private readonly graphs = new Map<string, PlanGraph>();
  private readonly listeners = new Set<() => void>();
  /** Graphs to read again once edits pause: a note graph may read many notes for its 🆔 lookups. */
  private readonly stale = new Set<string>();
  private readonly refresh = debounce(() => this.refreshStale(), 300, true);

  constructor(private readonly app: App) {
    super();
  }

  private watching = false;

  /** Listens to the vault only once a note graph is shown: loading the plugin registers nothing. */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    this.registerEvent(this.app.vault.on("modify", (f) => this.changed(f)));
    this.registerEvent(this.app.vault.on("delete", (f) => this.changed(f)));
    this.registerEvent(this.app.vault.on("rename", (f, oldPath) => this.changed(f, oldPath)));
  }

  override onunload(): void {
    this.watching = false;
    this.refresh.cancel();
    this.stale.clear();
    this.graphs.clear();
    this.listeners.clear();
  }

  /** Whether a note has checkbox tasks, from the metadata cache (no read). */
  hasTasks(file: TFile | null): file is TFile {
    if (!file || file.extension !== "md") return false;
    return this.app.metadataCache.getFileCache(file)?.listItems?.some((i) => i.task !== undefined) ?? false;
  }

  /** Reads a note's task graph (again) and keeps it up to date from now on. */
  async open(path: string): Promise<PlanGraph | undefined> {
    const file = this.app.vault.getFileByPath(normalizePath(path));
    if (!file) {
      if (this.graphs.delete(path)) this.emit();
      return undefined;
    }
    this.watch();
    const text = await this.app.vault.cachedRead(file);
    const doc = readPlan(file.path, text);
    const graph = isTaskNote(doc.tasks.length, text) ? (await noteGraphOf(new VaultFiles(this.app), file.path, text)).graph : buildGraph(doc);
    this.graphs.set(file.path, graph);
    this.emit();
    return graph;
  }

  get(path: string): PlanGraph | undefined {
    return this.graphs.get(path);
  }

  paths(): string[] {
    return [...this.graphs.keys()];
  }

  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  private emit(): void {
    for (const cb of [...this.listeners]) cb();
  }

  /** A note changed: refresh the graphs that show it. */
  private changed(file: TAbstractFile, oldPath?: string): void {
    for (const [path, graph] of this.graphs) {
      const shows = (p: string): boolean => p === path || graph.tasks.some((t) => t.file === p);
      if (shows(file.path) || (oldPath !== undefined && shows(oldPath))) this.stale.add(path);
    }
    if (this.stale.size) this.refresh();
  }

  private refreshStale(): void {
    const paths = [...this.stale];
    this.stale.clear();
    for (const path of paths) void this.open(path);
  }
}
