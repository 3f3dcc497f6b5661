import { ItemView, Keymap, Notice, setIcon, type HoverParent, type HoverPopover, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import type { Diagnostic } from "../../core/diagnostics";
import { layoutGraph, type GraphLayout, type LayoutMode } from "../../core/graph/layout";
import { arrowDirection, nextNodeInDirection } from "../../core/graph/layout-nav";
import { toGantt } from "../../core/graph/gantt";
import { toMermaid } from "../../core/graph/mermaid";
import type { PlanGraph } from "../../core/graph/model";
import { graphSummary } from "../../core/graph/summary";
import { taskLevel } from "../../core/graph/select";
import { buildGraphScene, renderGraphSvg, type SvgElementSpec } from "../../core/graph/svg";
import { renderTimelineSvg } from "../../core/graph/timeline-svg";
import type { GraphPlanRef, GraphViewHost } from "./host";
import { renderSvgScene } from "./render-dom";
import { type TimelineDrawing, type ViewTarget, timelineDrawing } from "./timeline";
import { clampZoom, fitViewport, panToShow, viewportTransform, zoomAt, type Viewport } from "./viewport";

export const VIEW_TYPE_PHASE_GRAPH = "intent-kit-phase-graph";
export const PHASE_GRAPH_ICON = "git-fork";
/** Live updates wait this long after the last change before drawing again. */
export const RERENDER_DEBOUNCE_MS = 250;

/** What the view shows: the phase graph, every task in lanes, or the phases on a calendar. */
export type GraphViewMode = LayoutMode | "timeline";
const MODES: readonly GraphViewMode[] = ["phases", "tasks", "timeline"];

/** What the view keeps in the workspace layout. */
export interface PhaseGraphViewState {
  plan?: string;
  mode?: GraphViewMode;
  hideDone?: boolean;
  /** Task mode: the one phase shown ("" or absent: all phases). */
  phase?: string;
}

const ZOOM_STEP = 1.25;
const DRAG_THRESHOLD = 4;
let viewCount = 0;

interface ViewUi {
  planSelect: HTMLSelectElement;
  phasesButton: HTMLButtonElement;
  tasksButton: HTMLButtonElement;
  timelineButton: HTMLButtonElement;
  phaseField: HTMLElement;
  hideField: HTMLElement;
  legend: HTMLElement;
  timelineLegend: HTMLElement;
  phaseSelect: HTMLSelectElement;
  hideDoneInput: HTMLInputElement;
  diagnostics: HTMLElement;
  canvas: HTMLElement;
  empty: HTMLElement;
  /** Live region: a summary of the graph, announced after a redraw. */
  summary: HTMLElement;
}

interface DragState {
  pointerId: number;
  startX: number;
  startY: number;
  origin: Viewport;
  moved: boolean;
}

/** Two fingers on the canvas: the graph point under their midpoint follows it, scaled by their spread. */
interface PinchState {
  ids: [number, number];
  distance: number;
  /** Graph coordinates under the starting midpoint. */
  anchorX: number;
  anchorY: number;
  origin: Viewport;
}

type Point = { x: number; y: number };

/** What is drawn, for fitting, zoom and pan: its size, the file it opens, how to fit it. */
interface Extent {
  width: number;
  height: number;
  file: string;
  /** Task lanes are wide and bounded in height: fit their height (see `fitViewport`). */
  prefer: "all" | "height";
}

/**
 * The phase dependency graph of an execution plan: phases (dagre layout), every task (lanes) or
 * the phases on a calendar (timeline: the schedule by the critical path method), zoom and pan, click or Enter to open the plan at a phase heading or task line, hover preview,
 * arrow-key navigation, live re-rendering when the host reports changes.
 */
export class PhaseGraphView extends ItemView implements HoverParent {
  hoverPopover: HoverPopover | null = null;

  private readonly host: GraphViewHost;
  private readonly idPrefix: string;
  private planId: string | undefined;
  private mode: GraphViewMode = "phases";
  private hideDone = false;
  private phaseFilter = "";
  private viewport: Viewport = { k: 1, x: 0, y: 0 };
  private needsFit = true;
  private focusedKey: string | undefined;
  private relatedKey: string | undefined;
  private hoverKey: string | undefined;
  private graph: PlanGraph | undefined;
  /** The graph modes' layout, or the timeline: whichever is drawn. */
  private layout: GraphLayout | undefined;
  private timeline: TimelineDrawing | undefined;
  private extent: Extent | undefined;
  /** Nodes (or timeline rows) in reading order: the keyboard's Home/End and arrow targets. */
  private targets: readonly ViewTarget[] = [];
  private nodesByKey = new Map<string, ViewTarget>();
  private nodeEls = new Map<string, SVGGElement>();
  private edgeEls = new Map<string, SVGPathElement[]>();
  private viewportEl: SVGGElement | undefined;
  private svgEl: SVGSVGElement | undefined;
  private renderTimer: number | undefined;
  private drag: DragState | undefined;
  private pinch: PinchState | undefined;
  /** Pointers down on the canvas, in canvas coordinates. */
  private pointers = new Map<number, Point>();
  /** The node that is the graph's one tab stop. */
  private tabStopKey: string | undefined;
  private suppressClick = false;
  private opened = false;
  private ui: ViewUi | undefined;
  private planListKey = "";
  private shownDiagnostics: Diagnostic[] = [];
  private phaseListKey = "";

  constructor(leaf: WorkspaceLeaf, host: GraphViewHost) {
    super(leaf);
    this.host = host;
    this.icon = PHASE_GRAPH_ICON;
    this.navigation = false;
    this.idPrefix = `intentk-graph-${++viewCount}`;
  }

  getViewType(): string {
    return VIEW_TYPE_PHASE_GRAPH;
  }

  getDisplayText(): string {
    const plan = this.currentPlan();
    return plan ? `Phase graph: ${plan.name}` : "Phase graph";
  }

  override getIcon(): string {
    return PHASE_GRAPH_ICON;
  }

  override getState(): Record<string, unknown> {
    const state: PhaseGraphViewState = { plan: this.planId, mode: this.mode, hideDone: this.hideDone, phase: this.phaseFilter };
    return { ...super.getState(), ...state };
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const s = (state ?? {}) as PhaseGraphViewState;
    if (typeof s.plan === "string" && s.plan !== this.planId) {
      this.planId = s.plan;
      this.needsFit = true;
    }
    if (s.mode && MODES.includes(s.mode)) this.mode = s.mode;
    if (typeof s.hideDone === "boolean") this.hideDone = s.hideDone;
    if (typeof s.phase === "string") this.phaseFilter = s.phase;
    if (this.opened) this.render();
    await super.setState(state, result);
  }

  protected override async onOpen(): Promise<void> {
    this.buildChrome();
    this.addAction("image-down", "Export graph as SVG", () => void this.exportSvg());
    this.addAction("clipboard-copy", "Copy graph as Mermaid", () => void this.copyMermaid());
    this.register(this.host.onChange(() => this.scheduleRender()));
    this.register(() => {
      if (this.renderTimer !== undefined) window.clearTimeout(this.renderTimer);
      this.renderTimer = undefined;
    });
    this.opened = true;
    this.render();
  }

  protected override async onClose(): Promise<void> {
    this.opened = false;
    this.pointers.clear();
    this.pinch = undefined;
    this.drag = undefined;
    this.contentEl.empty();
    this.nodeEls.clear();
    this.edgeEls.clear();
  }

  override onResize(): void {
    if (this.needsFit && this.extent) this.fit();
  }

  // -------------------------------------------------------------------------------------------
  // Public actions (also used by the plugin's commands)

  /** Show a plan (by id), fitted to the view. */
  showPlan(id: string): void {
    this.planId = id;
    this.needsFit = true;
    this.focusedKey = undefined;
    this.render();
  }

  /** The Mermaid text of what the view shows (phases, tasks by phase in task mode, a gantt chart of the timeline). */
  mermaidText(): string | undefined {
    if (!this.graph) return undefined;
    if (this.mode === "timeline") return this.ganttText();
    return toMermaid(this.graph, { tasks: this.mode === "tasks", hideDone: this.hideDone, phases: this.phaseFilter ? [this.phaseFilter] : undefined });
  }

  /** The schedule of the plan shown as a Mermaid gantt chart (any mode); undefined when it has none. */
  ganttText(): string | undefined {
    const schedule = this.timeline?.schedule ?? this.timelineOf(this.graph)?.schedule;
    return schedule && schedule.phases.length > 0 ? toGantt(schedule, { title: this.currentPlan()?.name }) : undefined;
  }

  /** A standalone SVG of what the view shows. */
  svgText(): string | undefined {
    const title = this.currentPlan()?.name ?? "Plan graph";
    if (this.mode === "timeline") {
      const t = this.timeline;
      return t && t.schedule.phases.length > 0 ? renderTimelineSvg(t.schedule, { today: this.today(), title }) : undefined;
    }
    if (!this.layout || this.layout.nodes.length === 0) return undefined;
    return renderGraphSvg(this.layout, { title });
  }

  async copyMermaid(): Promise<void> {
    return this.mode === "timeline" ? this.copyGantt() : this.copy(this.mermaidText(), "Graph copied as Mermaid.", "No graph to copy.");
  }

  /** Copy the plan's timeline as a Mermaid gantt chart (the "Copy timeline as Mermaid gantt" command). */
  async copyGantt(): Promise<void> {
    return this.copy(this.ganttText(), "Timeline copied as a Mermaid gantt chart.", "No timeline to copy: this plan has no phases to schedule, or is the task graph of a note.");
  }

  private async copy(text: string | undefined, done: string, none: string): Promise<void> {
    if (!text) {
      new Notice(none);
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      new Notice(done);
    } catch (error) {
      new Notice(`Could not copy the graph: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async exportSvg(): Promise<void> {
    const text = this.svgText();
    if (!text) {
      new Notice("No graph to export.");
      return;
    }
    const base = (this.currentPlan()?.id ?? "plan").replace(/[\\/:*?"<>|#^[\]]+/g, "-");
    const name = `${base}-${this.mode}.svg`;
    try {
      const saved = await this.host.saveFile(name, text);
      new Notice(`Graph exported to ${typeof saved === "string" ? saved : name}.`);
    } catch (error) {
      new Notice(`Could not export the graph: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Chrome: toolbar, legend, canvas

  private buildChrome(): void {
    const root = this.contentEl;
    root.empty();
    root.addClass("intentk-graph-view");
    const toolbar = root.createDiv({ cls: "intentk-graph-toolbar" });

    const planField = toolbar.createEl("label", { cls: "intentk-graph-field" });
    planField.createSpan({ cls: "intentk-graph-field-label", text: "Plan" });
    const planSelect = planField.createEl("select", { cls: "dropdown intentk-graph-plan-select" });

    const modes = toolbar.createDiv({ cls: "intentk-graph-segmented", attr: { role: "group", "aria-label": "Show" } });
    const phasesButton = modes.createEl("button", { text: "Phases", cls: "intentk-graph-mode", attr: { type: "button", "data-mode": "phases" } });
    const tasksButton = modes.createEl("button", { text: "Tasks", cls: "intentk-graph-mode", attr: { type: "button", "data-mode": "tasks" } });
    const timelineButton = modes.createEl("button", { text: "Timeline", cls: "intentk-graph-mode", attr: { type: "button", "data-mode": "timeline" } });

    const phaseField = toolbar.createEl("label", { cls: "intentk-graph-field intentk-graph-phase-field" });
    phaseField.createSpan({ cls: "intentk-graph-field-label", text: "Phase" });
    const phaseSelect = phaseField.createEl("select", { cls: "dropdown intentk-graph-phase-select" });

    const hideField = toolbar.createEl("label", { cls: "intentk-graph-field intentk-graph-hide-done" });
    const hideDoneInput = hideField.createEl("input", { type: "checkbox" });
    hideField.createSpan({ text: "Hide done" });

    const zoom = toolbar.createDiv({ cls: "intentk-graph-zoom", attr: { role: "group", "aria-label": "Zoom" } });
    const zoomButton = (icon: string, label: string, action: () => void): void => {
      const button = zoom.createEl("button", { cls: "clickable-icon intentk-graph-zoom-button", attr: { type: "button", "aria-label": label, "data-action": icon } });
      setIcon(button, icon);
      this.registerDomEvent(button, "click", action);
    };
    zoomButton("zoom-out", "Zoom out", () => this.zoomBy(1 / ZOOM_STEP));
    zoomButton("zoom-in", "Zoom in", () => this.zoomBy(ZOOM_STEP));
    zoomButton("maximize", "Fit to view", () => this.fit());

    const makeLegend = (cls: string, items: string[][]): HTMLElement => {
      const legend = root.createDiv({ cls: `intentk-graph-legend ${cls}`, attr: { "aria-hidden": "true" } });
      for (const [itemCls, text] of items) {
        const item = legend.createSpan({ cls: `intentk-graph-legend-item ${itemCls}` });
        item.createSpan({ cls: "intentk-graph-legend-swatch" });
        item.createSpan({ text });
      }
      return legend;
    };
    const legend = makeLegend("is-graph", [
      ["is-done", "Done"],
      ["is-ready", "Ready"],
      ["is-blocked", "Blocked"],
      ["is-critical", "Critical path"],
    ]);
    const timelineLegend = makeLegend("is-timeline", [
      ["is-progress", "Done"],
      ["is-stated", "Dated in the plan"],
      ["is-estimated", "Estimated from tasks"],
      ["is-slack", "Slack"],
      ["is-critical", "Critical path"],
      ["is-today", "Today"],
    ]);

    const diagnostics = root.createDiv({ cls: "intentk-graph-diagnostics" });
    const canvas = root.createDiv({ cls: "intentk-graph-canvas" });
    const empty = root.createDiv({ cls: "intentk-graph-empty intentk-graph-hidden" });
    const summary = root.createDiv({ cls: "intentk-graph-summary", attr: { role: "status", "aria-live": "polite" } });
    this.ui = { planSelect, phasesButton, tasksButton, timelineButton, phaseField, hideField, legend, timelineLegend, phaseSelect, hideDoneInput, diagnostics, canvas, empty, summary };

    this.registerDomEvent(planSelect, "change", () => this.showPlan(planSelect.value));
    this.registerDomEvent(phasesButton, "click", () => this.setMode("phases"));
    this.registerDomEvent(tasksButton, "click", () => this.setMode("tasks"));
    this.registerDomEvent(timelineButton, "click", () => this.setMode("timeline"));
    this.registerDomEvent(phaseSelect, "change", () => {
      this.phaseFilter = phaseSelect.value;
      this.needsFit = true;
      this.render();
    });
    this.registerDomEvent(hideDoneInput, "change", () => {
      this.hideDone = hideDoneInput.checked;
      this.needsFit = true;
      this.render();
    });

    this.registerDomEvent(diagnostics, "click", (evt) => this.onDiagnosticClick(evt));
    this.registerDomEvent(canvas, "click", (evt) => this.onClick(evt));
    this.registerDomEvent(canvas, "auxclick", (evt) => {
      if (evt.button === 1) this.onClick(evt);
    });
    this.registerDomEvent(canvas, "keydown", (evt) => this.onKeyDown(evt));
    this.registerDomEvent(canvas, "wheel", (evt) => this.onWheel(evt), { passive: false });
    this.registerDomEvent(canvas, "pointerdown", (evt) => this.onPointerDown(evt));
    this.registerDomEvent(canvas, "pointermove", (evt) => this.onPointerMove(evt));
    this.registerDomEvent(canvas, "pointerup", (evt) => this.onPointerUp(evt));
    this.registerDomEvent(canvas, "pointercancel", (evt) => this.onPointerUp(evt));
    this.registerDomEvent(canvas, "lostpointercapture", (evt) => this.onPointerUp(evt));
    this.registerDomEvent(canvas, "mouseover", (evt) => this.onMouseOver(evt));
    this.registerDomEvent(canvas, "mouseleave", () => {
      this.hoverKey = undefined;
      this.setRelated(this.focusedKey);
    });
    this.registerDomEvent(canvas, "focusin", (evt) => this.onFocusIn(evt));
  }

  setMode(mode: GraphViewMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.needsFit = true;
    this.render();
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  private scheduleRender(): void {
    if (!this.opened) return;
    if (this.renderTimer !== undefined) window.clearTimeout(this.renderTimer);
    this.renderTimer = window.setTimeout(() => {
      this.renderTimer = undefined;
      if (this.opened) this.render();
    }, RERENDER_DEBOUNCE_MS);
  }

  private currentPlan(): GraphPlanRef | undefined {
    if (!this.planId) return undefined;
    return this.host.listPlans().find((p) => p.id === this.planId);
  }

  /** Draw (or redraw) from the host's current data, keeping zoom, pan and focus. */
  render(): void {
    const ui = this.ui;
    if (!ui) return;
    const plans = this.host.listPlans();
    this.syncPlanSelect(plans);
    for (const [button, mode] of [
      [ui.phasesButton, "phases"],
      [ui.tasksButton, "tasks"],
      [ui.timelineButton, "timeline"],
    ] as const) {
      button.setAttr("aria-pressed", String(this.mode === mode));
      button.toggleClass("is-active", this.mode === mode);
    }
    ui.phaseField.toggleClass("intentk-graph-hidden", this.mode !== "tasks");
    // The schedule needs every phase: hiding done ones would move the others.
    ui.hideField.toggleClass("intentk-graph-hidden", this.mode === "timeline");
    ui.legend.toggleClass("intentk-graph-hidden", this.mode === "timeline");
    ui.timelineLegend.toggleClass("intentk-graph-hidden", this.mode !== "timeline");
    ui.hideDoneInput.checked = this.hideDone;

    if (plans.length === 0 && this.host.isReady?.() === false) {
      this.graph = undefined;
      this.forget();
      this.showEmpty("Loading plans…", ["Intent Kit is finding the visions in this vault."]);
      return;
    }
    if (plans.length === 0) {
      this.graph = undefined;
      this.forget();
      this.showEmpty("No plans yet", [
        "The phase graph shows the phases, tasks and dependencies of an execution plan.",
        "To start, create a vision with the command “Create new vision”, or open a vault that has a visions/NNN-slug/ folder with a plan.md (spec-kit’s specs/NNN-slug/tasks.md works too), then generate its execution plan.",
      ]);
      return;
    }
    if (!this.planId || !plans.some((p) => p.id === this.planId)) {
      const preferred = this.host.preferredPlan?.();
      this.planId = preferred && plans.some((p) => p.id === preferred) ? preferred : plans[0].id;
      this.needsFit = true;
      this.focusedKey = undefined;
    }
    ui.planSelect.value = this.planId;

    const graph = this.host.getGraph(this.planId);
    this.graph = graph;
    if (!graph) {
      this.forget();
      this.syncPhaseSelect(undefined);
      this.showEmpty("This plan has no graph", ["Its execution plan could not be read. Open the plan note and check the diagnostics."]);
      return;
    }
    this.syncPhaseSelect(graph);
    ui.timelineButton.disabled = this.host.getTiming?.(this.planId) === undefined;
    if (this.mode === "timeline") return this.renderTimeline(graph);
    const shown = this.phaseFilter ? [this.phaseFilter] : undefined;
    // Too many tasks to draw: phases instead, and the diagnostic says so.
    const level = taskLevel(graph, this.mode === "tasks", shown);
    this.showDiagnostics(level.diagnostic ? [level.diagnostic, ...graph.diagnostics] : graph.diagnostics);
    const layout = layoutGraph(graph, level.tasks || this.mode === "phases" ? this.mode : "phases", { hideDone: this.hideDone, phases: shown });
    this.timeline = undefined;
    this.setDrawn(layout, layout.nodes, { width: layout.width, height: layout.height, file: layout.file, prefer: layout.mode === "tasks" ? "height" : "all" });
    if (layout.nodes.length === 0) {
      if (graph.phases.length === 0) this.showNoPhases();
      else this.showEmpty("Everything is done", ["Every phase of this plan is done. Turn off “Hide done” to see the whole plan."]);
      return;
    }
    this.draw(buildGraphScene(layout, { idPrefix: this.idPrefix, standalone: false, interactive: true, title: this.getDisplayText() }), graphSummary(layout));
  }

  private today(): Date {
    return this.host.today?.() ?? new Date();
  }

  /** The timeline of a graph, when its host knows the plan's timing. */
  private timelineOf(graph: PlanGraph | undefined): TimelineDrawing | undefined {
    const timing = graph && this.planId !== undefined ? this.host.getTiming?.(this.planId) : undefined;
    if (!graph || !timing) return undefined;
    return timelineDrawing(graph, timing, this.today(), { idPrefix: this.idPrefix, title: `Timeline: ${this.currentPlan()?.name ?? "plan"}` });
  }

  /** Timeline mode: the phases on a calendar, with the schedule's diagnostics after the plan's. */
  private renderTimeline(graph: PlanGraph): void {
    const timeline = this.timelineOf(graph);
    this.timeline = timeline;
    if (!timeline) {
      this.showDiagnostics(graph.diagnostics);
      this.forget();
      this.showEmpty("No timeline for this plan", ["The timeline places the milestones of a vision’s plan on a calendar; the task graph of a note has no milestones. Choose Phases or Tasks."]);
      return;
    }
    this.showDiagnostics([...graph.diagnostics, ...timeline.schedule.diagnostics]);
    const { layout } = timeline;
    this.layout = undefined;
    this.setDrawn(undefined, timeline.targets, { width: layout.width, height: layout.height, file: graph.file, prefer: "all" });
    if (timeline.targets.length === 0) return this.showNoPhases();
    this.draw(timeline.scene, timeline.summary);
  }

  private setDrawn(layout: GraphLayout | undefined, targets: readonly ViewTarget[], extent: Extent): void {
    this.layout = layout;
    this.targets = targets;
    this.nodesByKey = new Map(targets.map((n) => [n.key, n]));
    this.extent = extent;
  }

  /** Nothing drawn: no layout, no timeline, nothing to click or fit. */
  private forget(): void {
    this.layout = undefined;
    this.timeline = undefined;
    this.extent = undefined;
    this.targets = [];
    this.nodesByKey = new Map();
  }

  private showNoPhases(): void {
    this.showEmpty("No phases yet", ["Add phase headings such as “## Phase 1: Setup” with task lines such as “- [ ] T001 Create the project structure” to the plan, and the graph appears here."]);
  }

  private showEmpty(title: string, paragraphs: string[]): void {
    const ui = this.ui as ViewUi;
    this.clearSvg();
    ui.canvas.addClass("intentk-graph-hidden");
    ui.empty.removeClass("intentk-graph-hidden");
    ui.empty.empty();
    ui.empty.createDiv({ cls: "intentk-graph-empty-title", text: title });
    for (const p of paragraphs) ui.empty.createEl("p", { text: p });
    this.announce(`${title}.`);
  }

  /** Update the live region; unchanged text is not announced again. */
  private announce(text: string): void {
    const summary = (this.ui as ViewUi).summary;
    if (summary.textContent !== text) summary.setText(text);
  }

  private clearSvg(): void {
    this.svgEl?.detach();
    this.svgEl = undefined;
    this.viewportEl = undefined;
    this.nodeEls.clear();
    this.edgeEls.clear();
  }

  private syncPlanSelect(plans: GraphPlanRef[]): void {
    const ui = this.ui as ViewUi;
    const key = JSON.stringify(plans.map((p) => [p.id, p.name]));
    if (key === this.planListKey) return;
    this.planListKey = key;
    ui.planSelect.empty();
    for (const p of plans) ui.planSelect.createEl("option", { text: p.name, value: p.id });
    ui.planSelect.disabled = plans.length === 0;
  }

  private syncPhaseSelect(graph: PlanGraph | undefined): void {
    const ui = this.ui as ViewUi;
    const phases = graph?.phases ?? [];
    if (this.phaseFilter && !phases.some((p) => p.id === this.phaseFilter)) this.phaseFilter = "";
    const key = JSON.stringify(phases.map((p) => [p.id, p.title]));
    if (key !== this.phaseListKey) {
      this.phaseListKey = key;
      ui.phaseSelect.empty();
      ui.phaseSelect.createEl("option", { text: "All phases", value: "" });
      for (const p of phases) ui.phaseSelect.createEl("option", { text: p.title || p.heading, value: p.id });
    }
    ui.phaseSelect.value = this.phaseFilter;
  }

  private showDiagnostics(diagnostics: Diagnostic[]): void {
    const el = (this.ui as ViewUi).diagnostics;
    el.empty();
    const shown = diagnostics.filter((d) => d.severity !== "info");
    el.toggleClass("intentk-graph-hidden", shown.length === 0);
    if (shown.length === 0) return;
    el.createSpan({ cls: "intentk-graph-diagnostics-count", text: shown.length === 1 ? "1 problem in this plan:" : `${shown.length} problems in this plan:` });
    shown.slice(0, 3).forEach((d, i) => {
      el.createEl("button", { cls: `intentk-graph-diagnostic is-${d.severity}`, text: `Line ${d.line}: ${d.message}`, attr: { type: "button", "data-diagnostic": i } });
    });
    this.shownDiagnostics = shown;
  }

  /** One listener on the diagnostics bar (registered once) serves the buttons of every render. */
  private onDiagnosticClick(evt: MouseEvent): void {
    const button = evt.target instanceof Element ? evt.target.closest("[data-diagnostic]") : null;
    const d = button ? this.shownDiagnostics[Number(button.getAttribute("data-diagnostic"))] : undefined;
    if (d) this.host.openAt(d.file, d.line, undefined, Boolean(Keymap.isModEvent(evt)));
  }

  private draw(scene: SvgElementSpec, summary: string): void {
    const ui = this.ui as ViewUi;
    const active = ui.canvas.ownerDocument.activeElement;
    const hadFocus = active instanceof Element && ui.canvas.contains(active) && active.hasAttribute("data-node");
    this.clearSvg();
    ui.empty.addClass("intentk-graph-hidden");
    ui.canvas.removeClass("intentk-graph-hidden");
    // Measure the canvas before the new drawing is attached: reading it afterwards would force a
    // synchronous layout of thousands of SVG elements.
    const size = this.canvasSize();

    const svg = renderSvgScene(ui.canvas, scene);
    this.svgEl = svg;
    this.viewportEl = svg.querySelector<SVGGElement>(".intentk-graph-viewport") ?? undefined;
    svg.querySelectorAll<SVGGElement>("[data-node]").forEach((el) => this.nodeEls.set(el.getAttribute("data-node") as string, el));
    svg.querySelectorAll<SVGPathElement>(".intentk-graph-edge, .intentk-timeline-arrow").forEach((el) => {
      for (const attr of ["data-from", "data-to"]) {
        const key = el.getAttribute(attr) as string;
        const list = this.edgeEls.get(key);
        if (list) list.push(el);
        else this.edgeEls.set(key, [el]);
      }
    });

    if (this.needsFit) this.fit(size);
    else this.applyViewport();

    if (this.focusedKey && !this.nodeEls.has(this.focusedKey)) this.focusedKey = undefined;
    this.setTabStop(this.focusedKey ?? this.targets[0]?.key);
    const focused = this.focusedKey ? this.nodeEls.get(this.focusedKey) : undefined;
    if (focused) {
      focused.addClass("is-selected");
      if (hadFocus) focused.focus({ preventScroll: true });
    }
    this.setRelated(this.hoverKey && this.nodeEls.has(this.hoverKey) ? this.hoverKey : this.focusedKey);
    this.announce(summary);
  }

  /**
   * Roving tabindex: the graph is one stop in the tab order (the last focused node, else the
   * first); arrow keys, Home and End move between nodes. A 1,000-task graph is one Tab, not 1,000.
   */
  private setTabStop(key: string | undefined): void {
    if (this.tabStopKey && this.tabStopKey !== key) this.nodeEls.get(this.tabStopKey)?.setAttr("tabindex", "-1");
    this.tabStopKey = key;
    if (key) this.nodeEls.get(key)?.setAttr("tabindex", "0");
  }

  // -------------------------------------------------------------------------------------------
  // Zoom and pan

  private canvasSize(): { width: number; height: number } {
    const canvas = (this.ui as ViewUi).canvas;
    return { width: canvas.clientWidth, height: canvas.clientHeight };
  }

  /** Fit the graph to the view (if the view has a size yet; else on the next resize). */
  fit(size = this.canvasSize()): void {
    const extent = this.extent;
    if (!extent) return;
    const { width, height } = size;
    this.viewport = fitViewport(extent.width, extent.height, width, height, extent.prefer);
    this.needsFit = width <= 0 || height <= 0;
    this.applyViewport();
  }

  zoomBy(factor: number): void {
    const { width, height } = this.canvasSize();
    this.viewport = zoomAt(this.viewport, factor, width / 2, height / 2);
    this.needsFit = false;
    this.applyViewport();
  }

  /** Current zoom and pan (for tests and the plugin). */
  getViewport(): Viewport {
    return { ...this.viewport };
  }

  setViewport(v: Viewport): void {
    this.viewport = { ...v };
    this.needsFit = false;
    this.applyViewport();
  }

  private applyViewport(): void {
    this.viewportEl?.setAttr("transform", viewportTransform(this.viewport));
  }

  private onWheel(evt: WheelEvent): void {
    if (!this.extent) return;
    evt.preventDefault();
    const rect = (this.ui as ViewUi).canvas.getBoundingClientRect();
    const unit = evt.deltaMode === 1 ? 0.05 : evt.deltaMode === 2 ? 1 : 0.0015;
    this.viewport = zoomAt(this.viewport, Math.exp(-evt.deltaY * unit), evt.clientX - rect.left, evt.clientY - rect.top);
    this.needsFit = false;
    this.applyViewport();
  }

  /** A pointer's position in canvas coordinates (those of the viewport transform). */
  private canvasPoint(evt: PointerEvent): Point {
    const rect = (this.ui as ViewUi).canvas.getBoundingClientRect();
    return { x: evt.clientX - rect.left, y: evt.clientY - rect.top };
  }

  private capture(pointerId: number): void {
    const canvas = (this.ui as ViewUi).canvas;
    // Capturing fails for a pointer that is already up; the gesture then ends on pointerup anyway.
    try {
      canvas.setPointerCapture?.(pointerId);
    } catch {
      /* not an active pointer */
    }
  }

  private onPointerDown(evt: PointerEvent): void {
    if (evt.pointerType === "mouse" && evt.button !== 0) return;
    if (!this.extent) return;
    // A primary pointer starts a new gesture: forget pointers whose "up" never reached the canvas.
    if (evt.isPrimary) {
      this.pointers.clear();
      this.pinch = undefined;
    }
    if (this.pointers.size === 0) this.suppressClick = false;
    this.pointers.set(evt.pointerId, this.canvasPoint(evt));
    if (this.pointers.size === 1) {
      this.drag = { pointerId: evt.pointerId, startX: evt.clientX, startY: evt.clientY, origin: { ...this.viewport }, moved: false };
    } else if (this.pointers.size === 2) {
      this.startPinch();
    }
  }

  /** Two pointers down: pinch-to-zoom and two-finger pan replace a one-pointer drag. */
  private startPinch(): void {
    const [[idA, a], [idB, b]] = [...this.pointers.entries()];
    const v = this.viewport;
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    this.pinch = { ids: [idA, idB], distance: Math.max(1, Math.hypot(b.x - a.x, b.y - a.y)), anchorX: (mid.x - v.x) / v.k, anchorY: (mid.y - v.y) / v.k, origin: { ...v } };
    this.drag = undefined;
    this.suppressClick = true;
    (this.ui as ViewUi).canvas.addClass("is-panning");
    this.capture(idA);
    this.capture(idB);
  }

  private onPointerMove(evt: PointerEvent): void {
    if (!this.pointers.has(evt.pointerId)) return;
    this.pointers.set(evt.pointerId, this.canvasPoint(evt));
    const pinch = this.pinch;
    if (pinch) {
      const a = this.pointers.get(pinch.ids[0]);
      const b = this.pointers.get(pinch.ids[1]);
      if (!a || !b) return;
      const k = clampZoom(pinch.origin.k * (Math.hypot(b.x - a.x, b.y - a.y) / pinch.distance));
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      this.viewport = { k, x: mid.x - pinch.anchorX * k, y: mid.y - pinch.anchorY * k };
      this.needsFit = false;
      this.applyViewport();
      return;
    }
    const drag = this.drag;
    if (!drag || drag.pointerId !== evt.pointerId) return;
    const dx = evt.clientX - drag.startX;
    const dy = evt.clientY - drag.startY;
    if (!drag.moved) {
      if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      drag.moved = true;
      (this.ui as ViewUi).canvas.addClass("is-panning");
      this.capture(evt.pointerId);
    }
    this.viewport = { k: drag.origin.k, x: drag.origin.x + dx, y: drag.origin.y + dy };
    this.needsFit = false;
    this.applyViewport();
  }

  private onPointerUp(evt: PointerEvent): void {
    if (!this.pointers.delete(evt.pointerId)) return;
    const canvas = (this.ui as ViewUi).canvas;
    if (canvas.hasPointerCapture?.(evt.pointerId)) canvas.releasePointerCapture(evt.pointerId);
    if (this.pinch) {
      if (!this.pinch.ids.includes(evt.pointerId)) return;
      this.pinch = undefined;
      // One finger stays down: it goes on panning from where it is (no click at the end).
      const rest = [...this.pointers.entries()][0];
      if (rest) {
        const rect = canvas.getBoundingClientRect();
        this.drag = { pointerId: rest[0], startX: rest[1].x + rect.left, startY: rest[1].y + rect.top, origin: { ...this.viewport }, moved: true };
      } else {
        canvas.removeClass("is-panning");
      }
      return;
    }
    const drag = this.drag;
    if (!drag || drag.pointerId !== evt.pointerId) return;
    this.drag = undefined;
    if (drag.moved) {
      this.suppressClick = true;
      canvas.removeClass("is-panning");
    } else if (evt.type === "pointerup" && (evt.pointerType === "touch" || evt.pointerType === "pen")) {
      // A tap opens its node at once: mobile browsers send the click late, or not at all after a
      // gesture. The click that may follow is swallowed.
      const key = this.nodeKeyOf(evt.target);
      if (key) {
        this.suppressClick = true;
        this.openNode(key, evt);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Navigation, hover, keyboard

  private nodeKeyOf(target: EventTarget | null): string | undefined {
    if (!(target instanceof Element)) return undefined;
    return target.closest("[data-node]")?.getAttribute("data-node") ?? undefined;
  }

  private onClick(evt: MouseEvent): void {
    if (this.suppressClick) {
      this.suppressClick = false;
      return;
    }
    const key = this.nodeKeyOf(evt.target);
    if (!key) return;
    evt.preventDefault();
    this.openNode(key, evt);
  }

  /** Open the plan at a node: a phase (a node or a timeline row) at its heading, a task at its line. */
  openNode(key: string, evt?: MouseEvent | KeyboardEvent): void {
    const node = this.nodesByKey.get(key);
    if (!node || !this.extent) return;
    this.focusedKey = key;
    this.host.openAt(node.file ?? this.extent.file, node.line, node.heading || undefined, Boolean(Keymap.isModEvent(evt)));
  }

  private onMouseOver(evt: MouseEvent): void {
    const key = this.nodeKeyOf(evt.target);
    if (key === this.hoverKey) return;
    this.hoverKey = key;
    this.setRelated(key ?? this.focusedKey);
    if (!key || !this.extent) return;
    const node = this.nodesByKey.get(key);
    const targetEl = this.nodeEls.get(key);
    if (!node || !targetEl) return;
    const file = this.extent.file;
    this.host.app.workspace.trigger("hover-link", {
      event: evt,
      source: VIEW_TYPE_PHASE_GRAPH,
      hoverParent: this,
      targetEl,
      linktext: file,
      sourcePath: file,
      // Obsidian scrolls previews by 0-based line; graph lines are 1-based.
      state: { scroll: Math.max(0, node.line - 1) },
    });
  }

  private onFocusIn(evt: FocusEvent): void {
    const key = this.nodeKeyOf(evt.target);
    if (!key) return;
    this.setTabStop(key);
    if (this.focusedKey && this.focusedKey !== key) this.nodeEls.get(this.focusedKey)?.removeClass("is-selected");
    this.focusedKey = key;
    this.nodeEls.get(key)?.addClass("is-selected");
    this.setRelated(key);
    const node = this.nodesByKey.get(key);
    // Focus that follows a click or tap leaves the view where it is: moving the drawing under the
    // pointer would move the click off its target (a timeline row is wider than a narrow view).
    if (node && this.pointers.size === 0) {
      const { width, height } = this.canvasSize();
      const next = panToShow(this.viewport, node, width, height);
      if (next.x !== this.viewport.x || next.y !== this.viewport.y) {
        this.viewport = next;
        this.applyViewport();
      }
    }
  }

  private focusNode(key: string): void {
    this.nodeEls.get(key)?.focus({ preventScroll: true });
  }

  private onKeyDown(evt: KeyboardEvent): void {
    const key = this.nodeKeyOf(evt.target);
    if (key && this.targets.length > 0) {
      if (evt.key === "Enter" || evt.key === " ") {
        evt.preventDefault();
        this.openNode(key, evt);
        return;
      }
      const dir = arrowDirection(evt.key);
      if (dir) {
        evt.preventDefault();
        const next = nextNodeInDirection(this.targets, key, dir);
        if (next) this.focusNode(next);
        return;
      }
      if (evt.key === "Home" || evt.key === "End") {
        evt.preventDefault();
        const nodes = this.targets;
        this.focusNode((evt.key === "Home" ? nodes[0] : nodes[nodes.length - 1]).key);
        return;
      }
    }
    if (evt.ctrlKey || evt.metaKey || evt.altKey) return;
    if (evt.key === "+" || evt.key === "=") this.zoomBy(ZOOM_STEP);
    else if (evt.key === "-") this.zoomBy(1 / ZOOM_STEP);
    else if (evt.key === "0") this.fit();
  }

  /** Highlight the edges of one node (hovered or focused). */
  private setRelated(key: string | undefined): void {
    if (key === this.relatedKey) return;
    if (this.relatedKey) for (const el of this.edgeEls.get(this.relatedKey) ?? []) el.removeClass("is-related");
    this.relatedKey = key;
    if (key) for (const el of this.edgeEls.get(key) ?? []) el.addClass("is-related");
  }
}
