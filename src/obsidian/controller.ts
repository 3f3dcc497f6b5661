import { type App, Component, Keymap, Notice, type Plugin, type WorkspaceLeaf, normalizePath } from "obsidian";
import { checkLinks } from "../core/link-check";
import { graphToGantt, graphToSvg } from "../core/graph/export";
import { toMermaid } from "../core/graph/mermaid";
import type { Diagnostic } from "../core/diagnostics";
import { exportCanvas } from "./canvas-export";
import { createVision } from "./create-vision";
import { type ExecuteNoteWriter, type GenerateResult, summarize } from "./generate";
import { type IndexGraphHost, planIdOf } from "./graph-host";
import { NOTE_PLAN_PREFIX, type NoteGraphs } from "./note-graphs";
import { PhaseGraphView, VIEW_TYPE_PHASE_GRAPH } from "./graph-view/view";
import { DiagnosticsModal, NewVisionModal, VisionPickerModal } from "./modals";
import { openNoteAt } from "./open";
import { timingOf } from "./plan-timing";
import type { PlanAnalyzer } from "./plan-analysis";
import type { IntentKitSettings } from "./settings";
import { VaultFiles } from "./vault-files";
import type { VisionEntry, VisionIndex } from "./vision-index";

/** Show a progress notice when regenerating at least this many visions. */
const PROGRESS_THRESHOLD = 3;

export interface IntentKitDeps {
  plugin: Plugin;
  settings: () => IntentKitSettings;
  index: VisionIndex;
  writer: ExecuteNoteWriter;
  host: IndexGraphHost;
  analyzer?: PlanAnalyzer;
  notes?: NoteGraphs;
}

/** The plugin's actions: what commands, the ribbon button and the status bar do. */
export class IntentKit extends Component {
  readonly app: App;

  constructor(private readonly deps: IntentKitDeps) {
    super();
    this.app = deps.plugin.app;
  }

  /** The vision of the active note. */
  activeEntry(): VisionEntry | undefined {
    return this.deps.index.visionOf(this.app.workspace.getActiveFile()?.path);
  }

  registerCommands(): void {
    const p = this.deps.plugin;
    p.addCommand({ id: "create-vision", name: "Create new vision", callback: () => this.promptNewVision() });
    p.addCommand({
      id: "generate-execute-note",
      name: "Generate execute note",
      checkCallback: (checking) => {
        const entry = this.activeEntry();
        if (!entry || entry.ref.kind !== "vision") return false;
        if (!checking) void this.generate(entry);
        return true;
      },
    });
    p.addCommand({ id: "regenerate-all", name: "Regenerate all execute notes", callback: () => void this.regenerateAll() });
    p.addCommand({ id: "open-phase-graph", name: "Open phase graph", callback: () => void this.showGraph() });
    p.addCommand({
      id: "check-vision",
      name: "Check vision",
      checkCallback: (checking) => {
        const entry = this.activeEntry();
        if (!entry) return false;
        if (!checking) void this.check(entry);
        return true;
      },
    });
    p.addCommand({
      id: "next-ready-task",
      name: "Go to next ready task",
      checkCallback: (checking) => {
        const entry = this.activeEntry();
        if (!this.deps.analyzer?.nextReady) return false;
        if (entry?.graph) {
          if (!checking) void this.goToNextTask(entry);
          return true;
        }
        // Any other note with checkbox tasks: its own next ready task.
        const file = this.app.workspace.getActiveFile();
        if (!this.deps.notes?.hasTasks(file)) return false;
        if (!checking) void this.goToNextNoteTask(file.path);
        return true;
      },
    });
    p.addCommand({
      id: "open-task-graph",
      name: "Open task graph of current note",
      checkCallback: (checking) => {
        const file = this.app.workspace.getActiveFile();
        if (!this.deps.notes?.hasTasks(file)) return false;
        if (!checking) void this.showNoteGraph(file.path);
        return true;
      },
    });
    p.addCommand({
      id: "copy-graph-mermaid",
      name: "Copy graph as Mermaid",
      checkCallback: (checking) => {
        const target = this.graphTarget();
        if (!target) return false;
        if (!checking) void this.copyMermaid(target);
        return true;
      },
    });
    p.addCommand({
      id: "copy-timeline-gantt",
      name: "Copy timeline as Mermaid gantt",
      checkCallback: (checking) => {
        // The graph view in front (any mode), else the active note's vision.
        const view = this.app.workspace.getActiveViewOfType(PhaseGraphView);
        const entry = this.activeEntry();
        if (!view && !entry?.graph) return false;
        if (!checking) void (view ? view.copyGantt() : this.copyGantt(entry!));
        return true;
      },
    });
    p.addCommand({
      id: "export-graph-svg",
      name: "Export graph as SVG",
      checkCallback: (checking) => {
        const target = this.graphTarget();
        if (!target) return false;
        if (!checking) void this.exportSvg(target);
        return true;
      },
    });
    p.addCommand({
      id: "export-graph-canvas",
      name: "Export graph as canvas",
      checkCallback: (checking) => {
        const entry = this.activeEntry();
        if (!entry?.graph || !entry.ref.docs.execute) return false;
        if (!checking) void this.exportCanvas(entry);
        return true;
      },
    });
  }

  // -- Create ------------------------------------------------------------------------------

  promptNewVision(): NewVisionModal {
    const modal = new NewVisionModal(this.app, (name) => this.createVision(name));
    modal.open();
    return modal;
  }

  async createVision(name: string): Promise<string | undefined> {
    try {
      const created = await createVision(this.app, this.deps.settings(), name);
      const visionNote = created.files[0].path;
      await openNoteAt(this.app, visionNote);
      new Notice(`Created ${created.folder} with vision, goal, strategy and plan notes.`);
      return visionNote;
    } catch (e) {
      new Notice(`Could not create the vision: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  // -- Generate ----------------------------------------------------------------------------

  /** A notice line with a clickable path. */
  private linkFragment(before: string, path: string, after: string): DocumentFragment {
    return createFragment((f) => {
      f.appendText(before);
      const a = f.createEl("a", { text: path, cls: "intentk-notice-link", href: "#" });
      // The link lives only as long as its notice: its listener goes with it, nothing to unregister.
      a.onClickEvent((evt) => {
        evt.preventDefault();
        void openNoteAt(this.app, path, undefined, Keymap.isModEvent(evt));
      });
      f.appendText(after);
    });
  }

  async generate(entry: VisionEntry): Promise<GenerateResult> {
    let result: GenerateResult;
    try {
      result = await this.deps.writer.generate(entry.ref);
    } catch (e) {
      new Notice(`Could not generate the execute note of ${entry.ref.id}: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
    const path = result.path ?? "";
    switch (result.action) {
      case "create":
        new Notice(this.linkFragment("Created ", path, ` (${result.tasks ?? 0} tasks).${result.note ? ` ${result.note}.` : ""}`), result.note ? 10000 : undefined);
        break;
      case "update":
        new Notice(this.linkFragment("Updated ", path, ` (${result.tasks ?? 0} tasks).`));
        break;
      case "unchanged":
        new Notice(this.linkFragment("", path, result.sourcesChanged ? " is up to date; plan links refreshed." : " is already up to date."));
        break;
      case "refuse":
        new Notice(this.linkFragment("Not written: ", path, `. ${result.reason ?? ""}`), 10000);
        break;
      case "cancelled":
        new Notice(`Generation of ${entry.ref.id} cancelled; nothing was written.`);
        break;
      case "skipped":
        new Notice(result.reason ?? `Nothing to generate for ${entry.ref.id}.`);
        break;
    }
    return result;
  }

  async regenerateAll(): Promise<GenerateResult[]> {
    await this.deps.index.ready;
    const refs = this.deps.index
      .list()
      .filter((e) => e.ref.kind === "vision" && e.ref.docs.plan)
      .map((e) => e.ref);
    if (refs.length === 0) {
      new Notice("No vision with a milestone plan in this vault.");
      return [];
    }
    const progress = refs.length >= PROGRESS_THRESHOLD ? new Notice(`Generating 0/${refs.length}…`, 0) : undefined;
    const results = await this.deps.writer.generateAll(refs, (done, total) => progress?.setMessage(`Generating ${Math.min(done + 1, total)}/${total}…`));
    progress?.hide();
    const refused = results.filter((r) => r.action === "refuse");
    const summary = createFragment((f) => {
      f.appendText(`Execute notes: ${summarize(results)}.`);
      if (refused.length) {
        const ul = f.createEl("ul", { cls: "intentk-notice-list" });
        for (const r of refused) {
          const li = ul.createEl("li");
          li.appendChild(this.linkFragment("", r.path ?? r.ref.folder, r.reason ? `: ${r.reason}` : ""));
        }
      }
    });
    new Notice(summary, refused.length ? 0 : 6000);
    return results;
  }

  // -- Graph -------------------------------------------------------------------------------

  /** Opens the phase graph for a vision (or the active note's vision, or asks for one). */
  async showGraph(entry?: VisionEntry): Promise<void> {
    const target = entry ?? this.activeEntry();
    if (!target) {
      this.pickVision();
      return;
    }
    if (!target.graph) {
      new Notice(target.ref.kind === "vision" ? `${target.ref.id} has no execute note yet; generate it first.` : `${target.ref.id} has no readable tasks.md.`);
      return;
    }
    await this.openGraphLeaf(planIdOf(target, this.deps.index.list().filter((e) => e.graph)));
  }

  /** The ribbon button: the active note's vision, else a picker of visions. */
  ribbonClick(): void {
    const entry = this.activeEntry();
    if (entry?.graph) void this.showGraph(entry);
    else this.pickVision();
  }

  pickVision(): VisionPickerModal | undefined {
    const visions = this.deps.index.list().filter((e) => e.graph);
    if (visions.length === 0) {
      new Notice("No vision has an execute note yet. Open a vision note and generate its execute note first.");
      return undefined;
    }
    const modal = new VisionPickerModal(this.app, visions, (e) => void this.showGraph(e));
    modal.open();
    return modal;
  }

  /** Opens the graph view in task mode on the tasks of one note. */
  async showNoteGraph(path: string): Promise<WorkspaceLeaf | undefined> {
    const graph = await this.deps.notes?.open(path);
    if (!graph || graph.tasks.length === 0) {
      new Notice(`${path} has no checkbox tasks.`);
      return undefined;
    }
    return this.openGraphLeaf(`${NOTE_PLAN_PREFIX}${path}`, "tasks");
  }

  private async openGraphLeaf(planId: string, mode?: "tasks"): Promise<WorkspaceLeaf> {
    const { workspace } = this.app;
    let leaf = workspace.getLeavesOfType(VIEW_TYPE_PHASE_GRAPH)[0];
    if (!leaf) leaf = this.deps.settings().graphLocation === "tab" ? workspace.getLeaf("tab") : (workspace.getRightLeaf(false) ?? workspace.getLeaf("tab"));
    await leaf.setViewState({ type: VIEW_TYPE_PHASE_GRAPH, active: true, state: mode ? { plan: planId, mode } : { plan: planId } });
    await workspace.revealLeaf(leaf);
    return leaf;
  }

  /** The graph view in front, or the active note's vision graph. */
  private graphTarget(): PhaseGraphView | VisionEntry | undefined {
    const view = this.app.workspace.getActiveViewOfType(PhaseGraphView);
    if (view) return view;
    const entry = this.activeEntry();
    return entry?.graph ? entry : undefined;
  }

  private async copyMermaid(target: PhaseGraphView | VisionEntry): Promise<void> {
    if (target instanceof PhaseGraphView) return target.copyMermaid();
    try {
      await navigator.clipboard.writeText(toMermaid(target.graph!));
      new Notice(`Phase graph of ${target.ref.id} copied as Mermaid.`);
    } catch (e) {
      new Notice(`Could not copy the graph: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The schedule of the active note's vision (its plan's Start Date and Timelines) as a Mermaid gantt chart. */
  private async copyGantt(entry: VisionEntry): Promise<void> {
    try {
      const timing = timingOf(this.deps.index, entry);
      await navigator.clipboard.writeText(graphToGantt(entry.graph!, { timing, today: new Date(), title: entry.name }));
      new Notice(`Timeline of ${entry.ref.id} copied as a Mermaid gantt chart.`);
    } catch (e) {
      new Notice(`Could not copy the timeline: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async exportSvg(target: PhaseGraphView | VisionEntry): Promise<void> {
    if (target instanceof PhaseGraphView) return target.exportSvg();
    try {
      const svg = graphToSvg(target.graph!, { title: `${target.ref.id} — ${target.name}` });
      const saved = await this.deps.host.saveFile(`${planIdOf(target, this.deps.index.list()).replace(/[\\/:*?"<>|#^[\]]+/g, "-")}-phases.svg`, svg);
      new Notice(this.linkFragment("Graph exported to ", saved, "."));
    } catch (e) {
      new Notice(`Could not export the graph: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async exportCanvas(entry: VisionEntry): Promise<string | undefined> {
    try {
      const file = await exportCanvas(this.app, entry);
      new Notice(this.linkFragment("Graph exported to ", file.path, "."));
      return file.path;
    } catch (e) {
      new Notice(`Could not export the graph: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  // -- Check and next task ----------------------------------------------------------------

  async check(entry: VisionEntry): Promise<DiagnosticsModal> {
    await this.deps.index.settle();
    const current = this.deps.index.get(entry.ref.folder) ?? entry;
    const all: Diagnostic[] = [...current.diagnostics];
    const execute = current.ref.docs.execute;
    if (execute && this.app.vault.getFileByPath(normalizePath(execute))) all.push(...(await checkLinks(new VaultFiles(this.app), execute)));
    const seen = new Set<string>();
    const unique = all.filter((d) => {
      const key = `${d.file}:${d.line}:${d.code}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const modal = new DiagnosticsModal(this.app, `Check ${current.ref.id}`, unique, (d, newLeaf) => void openNoteAt(this.app, d.file, d.line, newLeaf));
    modal.open();
    return modal;
  }

  async goToNextTask(entry: VisionEntry): Promise<void> {
    const { analyzer } = this.deps;
    const execute = entry.ref.docs.execute;
    if (!analyzer?.nextReady || !entry.graph || !execute) {
      new Notice(`${entry.ref.id} has no execute note yet.`);
      return;
    }
    const [task] = analyzer.nextReady(entry.graph, 1);
    if (!task) {
      const open = entry.graph.tasks.filter((t) => t.status !== "done").length;
      new Notice(open === 0 ? `Every task of ${entry.ref.id} is done.` : `No task of ${entry.ref.id} is ready: the ${open} open tasks wait for others.`);
      return;
    }
    await openNoteAt(this.app, execute, task.line);
  }

  async goToNextNoteTask(path: string): Promise<void> {
    const graph = await this.deps.notes?.open(path);
    const [task] = graph && this.deps.analyzer?.nextReady ? this.deps.analyzer.nextReady(graph, 1) : [];
    if (!task) {
      const open = graph?.tasks.filter((t) => t.status !== "done" && t.file === undefined).length ?? 0;
      new Notice(open === 0 ? `Every task of ${path} is done.` : `No task of ${path} is ready: the ${open} open tasks wait for others.`);
      return;
    }
    await openNoteAt(this.app, path, task.line);
  }
}
