import { type App, Keymap, type MarkdownPostProcessorContext, MarkdownRenderChild, type Plugin, normalizePath } from "obsidian";
import { type EmbedOptions, parseEmbedOptions } from "../core/embed/options";
import { layoutGraph } from "../core/graph/layout";
import type { PlanGraph } from "../core/graph/model";
import { orderedPhases } from "../core/graph/select";
import { buildGraphScene, type SvgElementSpec } from "../core/graph/svg";
import { buildTimeline } from "../core/graph/timeline-svg";
import { renderSvgScene } from "./graph-view/render-dom";
import { openNoteAt } from "./open";
import type { PlanAnalyzer } from "./plan-analysis";
import { timingOf } from "./plan-timing";
import type { VisionEntry, VisionIndex } from "./vision-index";

/**
 * The `intentk` code block: progress, the phase or task graph, or the next ready tasks of a vision,
 * where the user already is (a dashboard, a daily note). Each block is a render child that draws
 * again when the index changes and stops listening when Obsidian unloads it.
 */
export interface CodeBlockDeps {
  index: VisionIndex;
  analyzer?: PlanAnalyzer;
}

export function registerIntentkCodeBlock(plugin: Plugin, deps: CodeBlockDeps): void {
  plugin.registerMarkdownCodeBlockProcessor("intentk", (source, el, ctx: MarkdownPostProcessorContext) => {
    ctx.addChild(new IntentkBlock(plugin.app, el, source, ctx.sourcePath, deps));
  });
}

/** Marker ids inside each block's SVG must be unique in the document. */
let blockCount = 0;

export class IntentkBlock extends MarkdownRenderChild {
  private readonly id = `intentk-embed-${++blockCount}`;

  constructor(
    private readonly app: App,
    containerEl: HTMLElement,
    private readonly source: string,
    private readonly sourcePath: string,
    private readonly deps: CodeBlockDeps,
  ) {
    super(containerEl);
  }

  override onload(): void {
    this.render();
    const ref = this.deps.index.onChange(() => this.render());
    this.register(() => this.deps.index.offref(ref));
  }

  /** Draws the block from scratch; any problem becomes an inline message, never an exception. */
  render(): void {
    const root = this.containerEl;
    root.empty();
    root.addClass("intentk-embed");
    try {
      const { options, errors } = parseEmbedOptions(this.source);
      if (errors.length) return this.errors(errors.map((e) => e.message));
      const entry = this.resolve(options);
      if (!entry) return;
      const graph = entry.graph;
      const execute = entry.ref.docs.execute;
      if (!graph || !execute) return this.message(`${entry.ref.id} has no execute note yet: run "Generate execute note" from one of its notes.`);
      if (options.show === "progress") this.progress(entry, graph, execute);
      else if (options.show === "next") this.next(entry, graph, execute, options.limit);
      else if (options.show === "timeline") this.timeline(entry, graph, execute);
      else this.graph(entry, graph, execute, options.show);
    } catch (e) {
      root.empty();
      this.errors([`Intent Kit could not draw this block: ${e instanceof Error ? e.message : String(e)}`]);
    }
  }

  private errors(messages: string[]): void {
    const box = this.containerEl.createDiv({ cls: "intentk-embed-error", attr: { role: "alert" } });
    box.createEl("strong", { text: "This block cannot be drawn: " });
    if (messages.length === 1) box.appendText(messages[0]);
    else {
      const ul = box.createEl("ul");
      for (const m of messages) ul.createEl("li", { text: m });
    }
  }

  private message(text: string): void {
    this.containerEl.createDiv({ cls: "intentk-embed-message", text });
  }

  /** The vision the block names (id, number, folder or any note's path), else the vision of its note. */
  private resolve(options: EmbedOptions): VisionEntry | undefined {
    const { index } = this.deps;
    const wanted = options.vision;
    if (wanted === undefined) {
      const own = index.visionOf(this.sourcePath);
      if (!own) this.errors(['This note belongs to no vision: add "vision: <id>" (001-slug, 001 or a path) to the block.']);
      return own;
    }
    const path = normalizePath(wanted.replace(/^\[\[|\]\]$/g, ""));
    const all = index.list();
    const found =
      index.get(wanted) ??
      // A number may name a vision and a spec-kit feature: the vision first.
      all.find((e) => e.ref.kind === "vision" && e.ref.id.startsWith(`${wanted}-`)) ??
      all.find((e) => e.ref.id.startsWith(`${wanted}-`)) ??
      index.get(path) ??
      index.visionOf(path) ??
      index.visionOf(`${path}.md`);
    if (!found) {
      const ids = all.map((e) => e.ref.id);
      this.errors([`vision: "${wanted}" names no vision; give an id, number or path${ids.length ? ` (the visions are ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""})` : ""}.`]);
    }
    return found;
  }

  /** A clickable link that opens a note at a line (Ctrl/Cmd-click: in a new tab). */
  private link(parent: HTMLElement, text: string, file: string, line: number): HTMLAnchorElement {
    const a = parent.createEl("a", { text, cls: "intentk-embed-link", href: "#" });
    this.registerDomEvent(a, "click", (evt) => {
      evt.preventDefault();
      void openNoteAt(this.app, file, line, Keymap.isModEvent(evt));
    });
    return a;
  }

  private progress(entry: VisionEntry, graph: PlanGraph, execute: string): void {
    const done = graph.phases.reduce((n, p) => n + p.done, 0);
    const total = graph.phases.reduce((n, p) => n + p.total, 0);
    const root = this.containerEl;
    const head = root.createDiv({ cls: "intentk-embed-title" });
    this.link(head, `${entry.ref.id} — ${entry.name}`, execute, 1);
    head.appendText(` · ${done}/${total} tasks`);
    const table = root.createEl("table", { cls: "intentk-embed-progress" });
    const body = table.createEl("tbody");
    for (const p of orderedPhases(graph)) {
      const row = body.createEl("tr", { cls: [`is-${p.status}`, ...(p.critical ? ["is-critical"] : [])] });
      this.link(row.createEl("td", { cls: "intentk-embed-phase" }), p.title, execute, p.line);
      const bar = row.createEl("td", { cls: "intentk-embed-bar" }).createEl("progress", { attr: { max: Math.max(p.total, 1), value: p.done, "aria-label": `${p.title}: ${p.done} of ${p.total} tasks done` } });
      bar.addClass(`is-${p.status}`);
      row.createEl("td", { cls: "intentk-embed-count", text: `${p.done}/${p.total}` });
      row.createEl("td", { cls: "intentk-embed-status", text: p.status });
    }
  }

  private next(entry: VisionEntry, graph: PlanGraph, execute: string, limit: number): void {
    const tasks = this.deps.analyzer?.nextReady?.(graph, limit) ?? [];
    const root = this.containerEl;
    if (tasks.length === 0) {
      const open = graph.tasks.filter((t) => t.status !== "done").length;
      return this.message(open === 0 ? `Every task of ${entry.ref.id} is done.` : `No task of ${entry.ref.id} is ready: the ${open} open tasks wait for others.`);
    }
    root.createDiv({ cls: "intentk-embed-title", text: `Next in ${entry.ref.id}` });
    const ul = root.createEl("ul", { cls: "intentk-embed-next" });
    for (const t of tasks) {
      const li = ul.createEl("li");
      this.link(li, `${t.id} ${t.text}`, execute, t.line);
    }
  }

  /** The static graph (the export's SVG, styled by the theme), as wide as the note; nodes open the note. */
  private graph(entry: VisionEntry, graph: PlanGraph, execute: string, mode: "phases" | "tasks"): void {
    const layout = layoutGraph(graph, mode);
    const title = `${entry.ref.id} — ${mode === "tasks" ? "task" : "phase"} graph`;
    const spec = buildGraphScene(layout, { standalone: false, idPrefix: this.id, title });
    const nodes = new Map(layout.nodes.map((n) => [n.key, n]));
    this.drawStatic(spec, layout, title, (el) => {
      const node = nodes.get(el.closest("[data-node]")?.getAttribute("data-node") ?? "");
      return node && { file: node.file ?? execute, line: node.line };
    });
  }

  /** The timeline (phases on a calendar, from the plan's Start Date and Timelines), as wide as the note; rows open their phase. */
  private timeline(entry: VisionEntry, graph: PlanGraph, execute: string): void {
    const title = `${entry.ref.id} — timeline`;
    const { layout, scene } = buildTimeline(graph, { timing: timingOf(this.deps.index, entry), today: new Date(), idPrefix: this.id, title, interactive: false });
    if (layout.rows.length === 0) return this.message(`${entry.ref.id} has no phases to place on a calendar yet.`);
    const lines = new Map(layout.rows.map((r) => [r.phase, r.entry.line]));
    this.drawStatic(scene, layout, title, (el) => {
      const line = lines.get(el.closest("[data-phase]")?.getAttribute("data-phase") ?? "");
      return line === undefined ? undefined : { file: execute, line };
    });
  }

  /** A view's scene drawn at the note's width (its viewBox scales it); a click opens what `target` finds under it. */
  private drawStatic(spec: SvgElementSpec, size: { width: number; height: number }, title: string, target: (el: Element) => { file: string; line: number } | undefined): void {
    spec.attrs = { viewBox: `0 0 ${size.width} ${size.height}`, width: "100%", role: "img", "aria-label": title };
    spec.cls = [...(spec.cls ?? []), "intentk-embed-graph"];
    const svg = renderSvgScene(this.containerEl, spec);
    this.registerDomEvent(svg as unknown as HTMLElement, "click", (evt) => {
      const at = evt.target instanceof Element ? target(evt.target) : undefined;
      if (!at) return;
      evt.preventDefault();
      void openNoteAt(this.app, at.file, at.line, Keymap.isModEvent(evt));
    });
  }
}
