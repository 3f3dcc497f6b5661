/** @jest-environment jsdom */
import { installDomShim } from "../dom-shim";
import type { PlanGraph } from "../../src/core/graph/model";
import type { PlanTiming } from "../../src/core/schedule/timing";
import type { GraphViewHost } from "../../src/obsidian/graph-view/host";
import type { PhaseGraphView as PhaseGraphViewType } from "../../src/obsidian/graph-view/view";
import type { ItemView, StubWorkspace } from "./obsidian-stub";
import { makeGraph, smallGraph } from "./fixtures";
import { loadViewBundle } from "./load-view";

installDomShim(window);
// Obsidian (Electron) has structuredClone, which dagre uses; jest's jsdom global does not.
const win = window as unknown as { structuredClone?: (v: unknown) => unknown };
win.structuredClone ??= (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

// The view bundled with the local Obsidian stand-in (test/graph-view/obsidian-stub.ts).
const { PhaseGraphView, VIEW_TYPE_PHASE_GRAPH, RERENDER_DEBOUNCE_MS, makeStubApp, Notice } = loadViewBundle();

/** The view with the stub's test helpers (open/close) visible. */
type TestView = PhaseGraphViewType & Pick<ItemView, "open" | "close" | "pendingCleanups" | "actionsEl">;

interface OpenCall {
  file: string;
  line: number;
  heading: string | undefined;
  newTab: boolean;
}

function demoTiming(): PlanTiming {
  const at = (text: string, line: number) => ({ text, file: "visions/001-demo/plan.md", line });
  return {
    start: new Date(2026, 2, 2),
    timelines: new Map([
      ["M1", at("Weeks 1-2", 10)],
      ["M2", at("2026-03-16 to 2026-03-27", 20)],
      ["M3", at("3 weeks", 30)],
    ]),
  };
}

class TestHost implements GraphViewHost {
  app = makeStubApp() as unknown as GraphViewHost["app"];
  plans = [{ id: "001-demo", name: "Demo plan", file: "visions/001-demo/execute.md" }];
  graphs = new Map<string, PlanGraph>([["001-demo", smallGraph()]]);
  opened: OpenCall[] = [];
  saved: { name: string; content: string }[] = [];
  listeners = new Set<() => void>();
  getGraphCalls = 0;
  /** The demo plan: starts Monday 2 March 2026; M2 dated, M1 in weeks, M3 a duration. */
  timings = new Map<string, PlanTiming>([["001-demo", demoTiming()]]);
  preferredPlan?: () => string | undefined;
  isReady?: () => boolean;
  listPlans() {
    return this.plans;
  }
  getGraph(id: string) {
    this.getGraphCalls++;
    return this.graphs.get(id);
  }
  getTiming(id: string) {
    return this.timings.get(id);
  }
  today() {
    return new Date(2026, 2, 18);
  }
  onChange(cb: () => void) {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
  openAt(file: string, line: number, heading: string | undefined, newTab: boolean) {
    this.opened.push({ file, line, heading, newTab });
  }
  saveFile(name: string, content: string) {
    this.saved.push({ name, content });
    return `exports/${name}`;
  }
  change() {
    for (const cb of this.listeners) cb();
  }
  get workspace(): StubWorkspace {
    return (this.app as unknown as { workspace: StubWorkspace }).workspace;
  }
}

let host: TestHost;
let view: TestView;
let root: HTMLElement;

async function openView(h = new TestHost()): Promise<void> {
  host = h;
  root = document.body.createDiv();
  view = new PhaseGraphView({ app: host.app } as never, host) as TestView;
  await view.open(root);
}

const nodes = () => Array.from(root.querySelectorAll<SVGGElement>(".intentk-graph-node"));
const node = (key: string) => root.querySelector<SVGGElement>(`[data-node="${key}"]`) as SVGGElement;
const viewportTransform = () => root.querySelector(".intentk-graph-viewport")?.getAttribute("transform");

function key(target: Element, k: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init }));
}

function pointer(target: Element, type: string, x: number, y: number, id = 1, pointerType = "mouse"): void {
  const evt = new MouseEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0 });
  Object.defineProperties(evt, { pointerId: { value: id }, pointerType: { value: pointerType }, isPrimary: { value: id === 1 } });
  target.dispatchEvent(evt);
}

afterEach(async () => {
  jest.useRealTimers();
  if (view) await view.close();
  document.body.empty();
});

describe("PhaseGraphView", () => {
  test("has its type, icon and display text", async () => {
    await openView();
    expect(view.getViewType()).toBe(VIEW_TYPE_PHASE_GRAPH);
    expect(VIEW_TYPE_PHASE_GRAPH).toBe("intent-kit-phase-graph");
    expect(view.getIcon()).toBe("git-fork");
    expect(view.getDisplayText()).toBe("Phase graph: Demo plan");
  });

  test("explains how to start when there is no plan", async () => {
    const h = new TestHost();
    h.plans = [];
    await openView(h);
    const empty = root.querySelector(".intentk-graph-empty") as HTMLElement;
    expect(empty.classList.contains("intentk-graph-hidden")).toBe(false);
    expect(empty.textContent).toContain("Create new vision");
    expect(empty.textContent).toContain("visions/NNN-slug/");
    expect(root.querySelector("svg")).toBeNull();
  });

  test("draws one focusable, named node per phase, with status classes and a critical path", async () => {
    await openView();
    const all = nodes();
    expect(all).toHaveLength(6);
    // One tab stop for the whole graph (roving tabindex): the first node; the rest by arrow keys.
    expect(all.map((el) => el.getAttribute("tabindex"))).toEqual(["0", "-1", "-1", "-1", "-1", "-1"]);
    for (const el of all) {
      expect(el.getAttribute("role")).toBe("button");
      expect(el.getAttribute("aria-label")).toMatch(/^Phase .+, (done|ready|blocked), \d+ of \d+ tasks done/);
      expect(el.querySelector("title")?.textContent).toBeTruthy();
    }
    expect(node("p:phase-1").classList.contains("is-done")).toBe(true);
    expect(node("p:phase-2").classList.contains("is-ready")).toBe(true);
    expect(node("p:phase-3").classList.contains("is-blocked")).toBe(true);
    expect(node("p:phase-3").getAttribute("aria-label")).toContain("priority P1, MVP");
    expect(node("p:phase-3").querySelector(".intentk-graph-mvp")).not.toBeNull();
    expect(node("p:phase-1").querySelector(".intentk-graph-icon-check")).not.toBeNull();
    expect(root.querySelectorAll(".intentk-graph-edge")).toHaveLength(6);
    expect(root.querySelectorAll(".intentk-graph-edge.is-critical").length).toBeGreaterThan(0);
    // Text only through textContent: the quote and brackets of the title arrive as text.
    expect(node("p:phase-3").textContent).toContain('Shared "List" [Core] #1');
  });

  test("click opens the phase heading; Cmd/Ctrl-click opens a new tab", async () => {
    await openView();
    node("p:phase-3").dispatchEvent(new MouseEvent("click", { bubbles: true }));
    node("p:phase-4").querySelector("rect")?.dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true }));
    expect(host.opened).toEqual([
      { file: "visions/001-demo/execute.md", line: 30, heading: 'Phase 3: Milestone 1 - Shared "List" [Core] #1 (Priority: P1) 🎯 MVP', newTab: false },
      { file: "visions/001-demo/execute.md", line: 45, heading: "Phase 4: Milestone 2 - Import & Export: CSV", newTab: true },
    ]);
  });

  test("task mode: click a task opens its line; the phase selector shows one phase", async () => {
    await openView();
    (root.querySelector('[data-mode="tasks"]') as HTMLButtonElement).click();
    expect(root.querySelector('[data-mode="tasks"]')?.getAttribute("aria-pressed")).toBe("true");
    expect(root.querySelectorAll(".intentk-graph-node.is-task")).toHaveLength(11);
    expect(root.querySelectorAll(".intentk-graph-lane")).toHaveLength(6);
    node("t:T006").dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(host.opened.at(-1)).toEqual({ file: "visions/001-demo/execute.md", line: 34, heading: undefined, newTab: false });
    const select = root.querySelector(".intentk-graph-phase-select") as HTMLSelectElement;
    select.value = "phase-3";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    expect(nodes().map((n) => n.getAttribute("data-node"))).toEqual(["p:phase-3", "t:T005", "t:T006", "t:T007"]);
    expect(view.getState()).toMatchObject({ mode: "tasks", phase: "phase-3" });
  });

  test("keyboard: Enter and Space open, arrows follow the geometry, Home/End jump", async () => {
    await openView();
    const first = node("p:phase-1");
    first.focus();
    expect(document.activeElement).toBe(first);
    key(first, "Enter");
    expect(host.opened.at(-1)).toMatchObject({ line: 12, heading: "Phase 1: Setup (Shared Infrastructure)", newTab: false });
    key(first, "ArrowRight");
    expect(document.activeElement).toBe(node("p:phase-2"));
    key(document.activeElement as Element, " ");
    expect(host.opened.at(-1)).toMatchObject({ line: 20 });
    key(document.activeElement as Element, "Enter", { ctrlKey: true });
    expect(host.opened.at(-1)).toMatchObject({ line: 20, newTab: true });
    key(document.activeElement as Element, "End");
    expect(document.activeElement).toBe(node("p:phase-6"));
    key(document.activeElement as Element, "ArrowLeft");
    expect(["p:phase-4", "p:phase-5"]).toContain((document.activeElement as Element).getAttribute("data-node"));
    key(document.activeElement as Element, "Home");
    expect(document.activeElement).toBe(first);
    // DOM order is reading order, so Tab follows the columns.
    expect(nodes().map((n) => n.getAttribute("data-node")).slice(0, 3)).toEqual(["p:phase-1", "p:phase-2", "p:phase-3"]);
  });

  test("roving tabindex: the focused node becomes the one tab stop, also across redraws", async () => {
    await openView();
    const stops = () => nodes().filter((n) => n.getAttribute("tabindex") === "0").map((n) => n.getAttribute("data-node"));
    expect(stops()).toEqual(["p:phase-1"]);
    node("p:phase-1").focus();
    key(document.activeElement as Element, "ArrowRight");
    expect(document.activeElement).toBe(node("p:phase-2"));
    expect(stops()).toEqual(["p:phase-2"]);
    key(document.activeElement as Element, "End");
    expect(stops()).toEqual(["p:phase-6"]);
    view.render();
    expect(stops()).toEqual(["p:phase-6"]);
    // Task mode with 11 tasks and 6 phases: still one stop.
    (root.querySelector('[data-mode="tasks"]') as HTMLButtonElement).click();
    expect(nodes().length).toBeGreaterThan(11);
    expect(stops()).toHaveLength(1);
  });

  test("a live region summarises the graph after a redraw, and only when it changed", async () => {
    jest.useFakeTimers();
    await openView();
    const live = root.querySelector('[aria-live="polite"]') as HTMLElement;
    expect(live.getAttribute("role")).toBe("status");
    // Setup → foundational → M1 → M2 (or M3) → polish is the critical path.
    expect(live.textContent).toBe("6 phases: 1 done, 1 ready, 4 blocked; 5 on the critical path.");
    const graph = smallGraph();
    Object.assign(graph.phases.find((p) => p.id === "phase-2")!, { done: 2, status: "done" });
    Object.assign(graph.phases.find((p) => p.id === "phase-3")!, { status: "ready" });
    host.graphs.set("001-demo", graph);
    host.change();
    jest.advanceTimersByTime(RERENDER_DEBOUNCE_MS);
    expect(live.textContent).toBe("6 phases: 2 done, 1 ready, 3 blocked; 5 on the critical path.");
    const text = live.firstChild;
    view.render();
    expect(live.firstChild).toBe(text);
    (root.querySelector('[data-mode="tasks"]') as HTMLButtonElement).click();
    expect(live.textContent).toMatch(/^11 tasks: \d+ done, \d+ ready, \d+ blocked/);
  });

  test("two fingers pinch to zoom around their midpoint and pan; lifting one goes on panning", async () => {
    await openView();
    view.setViewport({ k: 1, x: 0, y: 0 });
    const canvas = root.querySelector(".intentk-graph-canvas") as HTMLElement;
    const target = node("p:phase-2");
    pointer(target, "pointerdown", 100, 100, 1, "touch");
    pointer(target, "pointerdown", 200, 100, 2, "touch");
    // Spread from 100 to 200 px around the midpoint (150, 100): twice the size, that point stays.
    pointer(canvas, "pointermove", 50, 100, 1, "touch");
    pointer(canvas, "pointermove", 250, 100, 2, "touch");
    expect(view.getViewport()).toEqual({ k: 2, x: -150, y: -100 });
    // Both fingers move 10 px down: a two-finger pan.
    pointer(canvas, "pointermove", 50, 110, 1, "touch");
    pointer(canvas, "pointermove", 250, 110, 2, "touch");
    expect(view.getViewport()).toEqual({ k: 2, x: -150, y: -90 });
    pointer(canvas, "pointerup", 250, 110, 2, "touch");
    pointer(canvas, "pointermove", 70, 110, 1, "touch");
    expect(view.getViewport()).toEqual({ k: 2, x: -130, y: -90 });
    pointer(canvas, "pointerup", 70, 110, 1, "touch");
    target.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(host.opened).toEqual([]);
    // A tap (touch down and up on a node without moving) opens it once, also when a click follows.
    pointer(target, "pointerdown", 100, 100, 1, "touch");
    pointer(target, "pointerup", 101, 100, 1, "touch");
    target.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(host.opened).toEqual([{ file: "visions/001-demo/execute.md", line: 20, heading: "Phase 2: Foundational (Blocking Prerequisites)", newTab: false }]);
    // Pinching never zooms beyond the limits.
    pointer(target, "pointerdown", 100, 100, 1, "touch");
    pointer(target, "pointerdown", 101, 100, 2, "touch");
    pointer(canvas, "pointermove", 1000, 100, 2, "touch");
    expect(view.getViewport().k).toBe(3);
  });

  test("hovering a node asks Obsidian for a page preview at its line", async () => {
    await openView();
    const target = node("p:phase-3");
    target.querySelector("rect")?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    target.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    const hovers = host.workspace.triggered.filter((t) => t.name === "hover-link");
    expect(hovers).toHaveLength(1);
    expect(hovers[0].data).toMatchObject({ source: VIEW_TYPE_PHASE_GRAPH, hoverParent: view, targetEl: target, linktext: "visions/001-demo/execute.md", sourcePath: "visions/001-demo/execute.md", state: { scroll: 29 } });
    // Its edges are highlighted while hovered.
    expect(root.querySelectorAll(".intentk-graph-edge.is-related").length).toBeGreaterThan(0);
  });

  test("hide done leaves out done phases; everything done explains itself", async () => {
    await openView();
    const toggle = root.querySelector(".intentk-graph-hide-done input") as HTMLInputElement;
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    expect(nodes().map((n) => n.getAttribute("data-node"))).not.toContain("p:phase-1");
    expect(view.getState()).toMatchObject({ hideDone: true });

    const allDone = makeGraph("x.md", [{ id: "a", title: "A" }], [{ id: "T1", phase: "a", text: "one", done: true }]);
    host.graphs.set("001-demo", allDone);
    view.render();
    expect(root.querySelector(".intentk-graph-empty")?.textContent).toContain("Hide done");
  });

  test("zoom buttons, wheel and drag change the viewport; a drag does not open a node", async () => {
    await openView();
    const before = viewportTransform();
    (root.querySelector('[data-action="zoom-in"]') as HTMLButtonElement).click();
    expect(view.getViewport().k).toBeCloseTo(1.25);
    expect(viewportTransform()).not.toBe(before);
    (root.querySelector('[data-action="zoom-out"]') as HTMLButtonElement).click();
    expect(view.getViewport().k).toBeCloseTo(1);
    const canvas = root.querySelector(".intentk-graph-canvas") as HTMLElement;
    canvas.dispatchEvent(new WheelEvent("wheel", { deltaY: -200, clientX: 10, clientY: 10, bubbles: true, cancelable: true }));
    expect(view.getViewport().k).toBeGreaterThan(1);
    const { k, x, y } = view.getViewport();
    const target = node("p:phase-2");
    pointer(target, "pointerdown", 100, 100);
    pointer(target, "pointermove", 140, 130);
    pointer(target, "pointerup", 140, 130);
    target.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(host.opened).toEqual([]);
    const v = view.getViewport();
    expect(v.k).toBe(k);
    expect(v.x).toBeCloseTo(x + 40, 5);
    expect(v.y).toBeCloseTo(y + 30, 5);
    key(canvas, "0");
    expect(view.getViewport()).toEqual({ k: 1, x: 0, y: 0 });
  });

  test("live updates: debounced, keep zoom, pan and focus, show the new state", async () => {
    jest.useFakeTimers();
    await openView();
    view.setViewport({ k: 1.5, x: -40, y: 12 });
    const focused = node("p:phase-2");
    focused.focus();
    const calls = host.getGraphCalls;

    // Check off T004: the foundational phase becomes done.
    const graph = smallGraph();
    const phase2 = graph.phases.find((p) => p.id === "phase-2")!;
    Object.assign(phase2, { done: 2, status: "done" });
    host.graphs.set("001-demo", graph);
    host.change();
    host.change();
    host.change();
    jest.advanceTimersByTime(RERENDER_DEBOUNCE_MS - 10);
    expect(host.getGraphCalls).toBe(calls);
    jest.advanceTimersByTime(20);
    expect(host.getGraphCalls).toBe(calls + 1);

    const redrawn = node("p:phase-2");
    expect(redrawn).not.toBe(focused);
    expect(redrawn.classList.contains("is-done")).toBe(true);
    expect(document.activeElement).toBe(redrawn);
    expect(view.getViewport()).toEqual({ k: 1.5, x: -40, y: 12 });
    expect(viewportTransform()).toBe("translate(-40 12) scale(1.5)");
  });

  test("a live update does not steal the focus from the editor", async () => {
    jest.useFakeTimers();
    await openView();
    node("p:phase-2").focus();
    const editor = document.body.createEl("textarea");
    editor.focus();
    host.change();
    jest.advanceTimersByTime(RERENDER_DEBOUNCE_MS);
    expect(document.activeElement).toBe(editor);
    expect(node("p:phase-2").classList.contains("is-selected")).toBe(true);
  });

  test("closing unsubscribes, cancels a pending render and removes every listener", async () => {
    jest.useFakeTimers();
    await openView();
    expect(host.listeners.size).toBe(1);
    host.change();
    const calls = host.getGraphCalls;
    await view.close();
    jest.advanceTimersByTime(RERENDER_DEBOUNCE_MS * 2);
    expect(host.getGraphCalls).toBe(calls);
    expect(host.listeners.size).toBe(0);
    expect(view.pendingCleanups).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  test("export actions: Mermaid to the clipboard, a standalone SVG to the host", async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await openView();
    const actions = Array.from(view.actionsEl.querySelectorAll("button")).map((b) => b.getAttribute("aria-label"));
    expect(actions).toEqual(["Copy graph as Mermaid", "Export graph as SVG"]);

    (view.actionsEl.querySelector('[aria-label="Copy graph as Mermaid"]') as HTMLButtonElement).click();
    await Promise.resolve();
    expect(writeText).toHaveBeenCalledTimes(1);
    expect((writeText.mock.calls[0] as unknown as [string])[0]).toMatch(/^flowchart LR\n/);

    await view.exportSvg();
    expect(host.saved).toHaveLength(1);
    expect(host.saved[0].name).toBe("001-demo-phases.svg");
    const doc = new DOMParser().parseFromString(host.saved[0].content, "image/svg+xml");
    expect(doc.querySelector("parsererror")).toBeNull();
    expect(doc.querySelectorAll(".intentk-graph-node")).toHaveLength(6);
    expect(Notice.messages.at(-1)).toBe("Graph exported to exports/001-demo-phases.svg.");
  });

  test("diagnostics are listed and open their line", async () => {
    const h = new TestHost();
    const graph = smallGraph();
    graph.diagnostics.push({ code: "graph-cycle", severity: "error", message: "Dependency cycle: T005 → T006 → T005", file: graph.file, line: 33 });
    h.graphs.set("001-demo", graph);
    await openView(h);
    const button = root.querySelector(".intentk-graph-diagnostic") as HTMLButtonElement;
    expect(button.textContent).toBe("Line 33: Dependency cycle: T005 → T006 → T005");
    button.click();
    expect(host.opened.at(-1)).toMatchObject({ line: 33, heading: undefined });
    // Redraws replace the buttons but add no listener: one click still opens the line once.
    const cleanups = view.pendingCleanups;
    view.render();
    view.render();
    expect(view.pendingCleanups).toBe(cleanups);
    (root.querySelector(".intentk-graph-diagnostic") as HTMLButtonElement).click();
    expect(host.opened).toHaveLength(2);
  });

  test("a view restored before the index is ready says it is loading, not that there are no plans", async () => {
    const h = new TestHost();
    let ready = false;
    const plans = h.plans;
    h.plans = [];
    h.isReady = () => ready;
    await openView(h);
    const empty = root.querySelector(".intentk-graph-empty") as HTMLElement;
    expect(empty.textContent).toContain("Loading plans");
    expect(empty.textContent).not.toContain("No plans yet");
    ready = true;
    h.plans = plans;
    view.render();
    expect(empty.classList.contains("intentk-graph-hidden")).toBe(true);
    expect(nodes()).toHaveLength(6);
  });

  test("plan selector, preferred plan and state round trip", async () => {
    const h = new TestHost();
    h.plans = [...h.plans, { id: "002-other", name: "Other plan", file: "visions/002-other/execute.md" }];
    h.graphs.set("002-other", makeGraph("visions/002-other/execute.md", [{ id: "x", title: "Only phase" }], []));
    h.preferredPlan = () => "002-other";
    await openView(h);
    expect(nodes().map((n) => n.getAttribute("data-node"))).toEqual(["p:x"]);
    const select = root.querySelector(".intentk-graph-plan-select") as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.text)).toEqual(["Demo plan", "Other plan"]);
    select.value = "001-demo";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    expect(nodes()).toHaveLength(6);
    await view.setState({ plan: "002-other", mode: "tasks", hideDone: true, phase: "" }, { history: false });
    expect(view.getState()).toMatchObject({ plan: "002-other", mode: "tasks", hideDone: true });
    expect((root.querySelector(".intentk-graph-hide-done input") as HTMLInputElement).checked).toBe(true);
    expect(nodes().map((n) => n.getAttribute("data-node"))).toEqual(["p:x"]);
  });
});

describe("PhaseGraphView in Timeline mode", () => {
  const rows = () => Array.from(root.querySelectorAll<SVGGElement>(".intentk-timeline-row"));
  const row = (phase: string) => root.querySelector<SVGGElement>(`.intentk-timeline-row[data-phase="${phase}"]`) as SVGGElement;
  const showTimeline = () => (root.querySelector('[data-mode="timeline"]') as HTMLButtonElement).click();

  test("beside Phases and Tasks: one bar per phase on a calendar, critical path, slack, today; kept in the state", async () => {
    await openView();
    showTimeline();
    expect(["phases", "tasks", "timeline"].map((m) => root.querySelector(`[data-mode="${m}"]`)?.getAttribute("aria-pressed"))).toEqual(["false", "false", "true"]);
    expect(view.getState()).toMatchObject({ mode: "timeline" });
    expect(nodes()).toHaveLength(0);
    expect(rows().map((r) => r.getAttribute("data-phase"))).toEqual(["phase-1", "phase-2", "phase-3", "phase-4", "phase-5", "phase-6"]);
    // Setup and Foundational (no time), M1 (weeks 1-2), M3 (3 weeks), Polish: the longest chain; M2 is dated and ends 9 days early.
    expect(row("phase-3").classList.contains("is-critical")).toBe(true);
    expect(row("phase-5").classList.contains("is-critical")).toBe(true);
    expect(row("phase-4").classList.contains("is-critical")).toBe(false);
    expect(row("phase-4").classList.contains("is-stated")).toBe(true);
    expect(row("phase-4").querySelector(".intentk-timeline-slack")).not.toBeNull();
    expect(row("phase-5").querySelector(".intentk-timeline-slack")).toBeNull();
    expect(Number(row("phase-5").querySelector(".intentk-timeline-bar")!.getAttribute("width"))).toBeGreaterThan(Number(row("phase-3").querySelector(".intentk-timeline-bar")!.getAttribute("width")));
    // Setup and Foundational take no time in this plan: a diamond, not a bar.
    expect(row("phase-1").querySelector(".intentk-timeline-bar.is-point")).not.toBeNull();
    expect(root.querySelectorAll(".intentk-timeline-arrow.is-critical").length).toBeGreaterThan(0);
    expect(root.querySelector(".intentk-timeline-today-line")).not.toBeNull();
    // Controls that mean nothing on a calendar are hidden; the legend explains the bars.
    expect(root.querySelector(".intentk-graph-hide-done")!.classList.contains("intentk-graph-hidden")).toBe(true);
    expect(root.querySelector(".intentk-graph-legend.is-graph")!.classList.contains("intentk-graph-hidden")).toBe(true);
    expect(root.querySelector(".intentk-graph-legend.is-timeline")!.textContent).toContain("Estimated from tasks");
    expect(root.querySelector(".intentk-graph-summary")!.textContent).toBe("Timeline of 6 phases, Mar 2 to Apr 5; 5 on the critical path.");

    (root.querySelector('[data-mode="phases"]') as HTMLButtonElement).click();
    expect(rows()).toHaveLength(0);
    expect(nodes()).toHaveLength(6);
    await view.setState({ mode: "timeline" }, { history: false });
    expect(rows()).toHaveLength(6);
  });

  test("a click on a bar or a label opens the phase heading; Ctrl-click in a new tab", async () => {
    await openView();
    showTimeline();
    row("phase-3").querySelector(".intentk-timeline-bar")!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    row("phase-4").querySelector(".intentk-timeline-label")!.dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true }));
    expect(host.opened).toEqual([
      { file: "visions/001-demo/execute.md", line: 30, heading: 'Phase 3: Milestone 1 - Shared "List" [Core] #1 (Priority: P1) 🎯 MVP', newTab: false },
      { file: "visions/001-demo/execute.md", line: 45, heading: "Phase 4: Milestone 2 - Import & Export: CSV", newTab: true },
    ]);
  });

  test("keyboard: one tab stop, arrows move between rows, Enter opens, Home/End jump", async () => {
    await openView();
    showTimeline();
    expect(rows().filter((r) => r.getAttribute("tabindex") === "0").map((r) => r.getAttribute("data-phase"))).toEqual(["phase-1"]);
    row("phase-1").focus();
    key(document.activeElement as Element, "ArrowDown");
    expect(document.activeElement).toBe(row("phase-2"));
    key(document.activeElement as Element, "Enter");
    expect(host.opened.at(-1)).toEqual({ file: "visions/001-demo/execute.md", line: 20, heading: "Phase 2: Foundational (Blocking Prerequisites)", newTab: false });
    key(document.activeElement as Element, "End");
    expect(document.activeElement).toBe(row("phase-6"));
    key(document.activeElement as Element, "ArrowUp");
    expect(document.activeElement).toBe(row("phase-5"));
    key(document.activeElement as Element, " ");
    expect(host.opened.at(-1)).toMatchObject({ line: 60 });
    expect(rows().filter((r) => r.getAttribute("tabindex") === "0").map((r) => r.getAttribute("data-phase"))).toEqual(["phase-5"]);
    // The focused phase stays focused in the phase graph.
    (root.querySelector('[data-mode="phases"]') as HTMLButtonElement).click();
    expect(node("p:phase-5").getAttribute("tabindex")).toBe("0");
  });

  test("hover tells dates, duration, slack and progress, and asks for a page preview", async () => {
    await openView();
    showTimeline();
    expect(row("phase-4").querySelector("title")!.textContent).toBe("Milestone 2 - Import & Export: CSV\nMar 16 – Mar 27 · 12 days · 9 days of slack · 0/2 tasks done");
    expect(row("phase-5").getAttribute("aria-label")).toContain("no slack");
    row("phase-4").querySelector(".intentk-timeline-bar")!.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    const hovers = host.workspace.triggered.filter((t) => t.name === "hover-link");
    expect(hovers.at(-1)?.data).toMatchObject({ targetEl: row("phase-4"), linktext: "visions/001-demo/execute.md", state: { scroll: 44 } });
    expect(root.querySelectorAll(".intentk-timeline-arrow.is-related").length).toBe(2);
  });

  test("live updates redraw the progress and keep the mode, zoom and focus", async () => {
    jest.useFakeTimers();
    await openView();
    showTimeline();
    view.setViewport({ k: 1.25, x: -30, y: 4 });
    row("phase-3").focus();
    const graph = smallGraph();
    Object.assign(graph.phases.find((p) => p.id === "phase-3")!, { done: 3, status: "done" });
    host.graphs.set("001-demo", graph);
    host.change();
    jest.advanceTimersByTime(RERENDER_DEBOUNCE_MS + 10);
    const bar = row("phase-3").querySelector(".intentk-timeline-bar")!;
    expect(row("phase-3").querySelector(".intentk-timeline-progress")!.getAttribute("width")).toBe(bar.getAttribute("width"));
    expect(row("phase-3").classList.contains("is-done")).toBe(true);
    expect(document.activeElement).toBe(row("phase-3"));
    expect(view.getViewport()).toEqual({ k: 1.25, x: -30, y: 4 });
  });

  test("exports: the view's Mermaid is a gantt chart, its SVG the timeline", async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await openView();
    showTimeline();
    await view.copyMermaid();
    expect((writeText.mock.calls[0] as unknown as [string])[0]).toMatch(/^gantt\n {4}title Demo plan\n/);
    expect(Notice.messages.at(-1)).toBe("Timeline copied as a Mermaid gantt chart.");
    await view.exportSvg();
    expect(host.saved.at(-1)!.name).toBe("001-demo-timeline.svg");
    const doc = new DOMParser().parseFromString(host.saved.at(-1)!.content, "image/svg+xml");
    expect(doc.querySelector("parsererror")).toBeNull();
    expect(doc.querySelectorAll(".intentk-timeline-row")).toHaveLength(6);
    // The gantt command works from the phase graph too.
    (root.querySelector('[data-mode="phases"]') as HTMLButtonElement).click();
    await view.copyGantt();
    expect((writeText.mock.calls.at(-1) as unknown as [string])[0]).toMatch(/^gantt\n/);
  });

  test("focus from a click leaves the timeline where it is; focus from the keyboard brings the row into view", async () => {
    await openView();
    showTimeline();
    const canvas = root.querySelector(".intentk-graph-canvas") as HTMLElement;
    Object.defineProperties(canvas, { clientWidth: { value: 300, configurable: true }, clientHeight: { value: 200, configurable: true } });
    view.setViewport({ k: 1, x: -500, y: 0 });
    const bar = row("phase-5").querySelector(".intentk-timeline-bar") as Element;
    pointer(bar, "pointerdown", 150, 100);
    row("phase-5").focus();
    expect(view.getViewport()).toEqual({ k: 1, x: -500, y: 0 });
    pointer(bar, "pointerup", 150, 100);
    key(row("phase-5"), "ArrowDown");
    expect(document.activeElement).toBe(row("phase-6"));
    // A row is wider than the view: its start (the label) comes into view.
    expect(view.getViewport().x).toBeGreaterThan(-500);
  });

  test("touch: two fingers zoom the timeline, a tap on a row opens its phase once", async () => {
    await openView();
    showTimeline();
    view.setViewport({ k: 1, x: 0, y: 0 });
    const canvas = root.querySelector(".intentk-graph-canvas") as HTMLElement;
    const bar = row("phase-5").querySelector(".intentk-timeline-bar") as Element;
    pointer(bar, "pointerdown", 100, 100, 1, "touch");
    pointer(bar, "pointerdown", 200, 100, 2, "touch");
    pointer(canvas, "pointermove", 50, 100, 1, "touch");
    pointer(canvas, "pointermove", 250, 100, 2, "touch");
    expect(view.getViewport()).toEqual({ k: 2, x: -150, y: -100 });
    pointer(canvas, "pointerup", 250, 100, 2, "touch");
    pointer(canvas, "pointerup", 50, 100, 1, "touch");
    expect(host.opened).toHaveLength(0);
    pointer(bar, "pointerdown", 120, 100, 1, "touch");
    pointer(bar, "pointerup", 120, 100, 1, "touch");
    bar.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(host.opened).toEqual([{ file: "visions/001-demo/execute.md", line: 60, heading: "Phase 5: Milestone 3 - Reading Status", newTab: false }]);
  });

  test("a plan with nothing to schedule (a note's task graph): Timeline is disabled and explains itself", async () => {
    const h = new TestHost();
    h.timings.clear();
    await openView(h);
    expect((root.querySelector('[data-mode="timeline"]') as HTMLButtonElement).disabled).toBe(true);
    await view.copyGantt();
    expect(Notice.messages.at(-1)).toBe("No timeline to copy: this plan has no phases to schedule, or is the task graph of a note.");
    await view.setState({ mode: "timeline" }, { history: false });
    const empty = root.querySelector(".intentk-graph-empty") as HTMLElement;
    expect(empty.classList.contains("intentk-graph-hidden")).toBe(false);
    expect(empty.textContent).toContain("No timeline for this plan");
    expect(root.querySelector("svg")).toBeNull();
  });
});
