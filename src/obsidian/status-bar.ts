import { Component, type Plugin, setIcon } from "obsidian";
import type { VisionEntry, VisionIndex } from "./vision-index";

/**
 * The active vision's progress in the status bar ("001-team-reading-list: 12/40 tasks"); a click
 * opens its phase graph. Hidden when the active note belongs to no vision with a readable plan.
 */
export class ProgressStatusBar extends Component {
  private el: HTMLElement | undefined;
  private textEl: HTMLElement | undefined;
  private current: VisionEntry | undefined;

  constructor(
    private readonly plugin: Plugin,
    private readonly index: VisionIndex,
    private readonly openGraph: (entry: VisionEntry) => void,
  ) {
    super();
  }

  override onload(): void {
    const el = this.plugin.addStatusBarItem();
    el.addClass("intentk-status", "mod-clickable");
    setIcon(el.createSpan({ cls: "intentk-status-icon" }), "list-checks");
    this.textEl = el.createSpan({ cls: "intentk-status-text" });
    this.el = el;
    this.registerDomEvent(el, "click", () => {
      if (this.current) this.openGraph(this.current);
    });
    const { workspace } = this.plugin.app;
    this.registerEvent(workspace.on("file-open", () => this.refresh()));
    this.registerEvent(workspace.on("active-leaf-change", () => this.refresh()));
    this.registerEvent(this.index.onChange(() => this.refresh()));
    this.refresh();
  }

  override onunload(): void {
    this.el?.remove();
    this.el = undefined;
  }

  /** What the status bar shows now ("" when hidden). */
  get text(): string {
    return this.el && !this.el.hasClass("intentk-hidden") ? (this.textEl?.getText() ?? "") : "";
  }

  refresh(): void {
    if (!this.el || !this.textEl) return;
    const entry = this.index.visionOf(this.plugin.app.workspace.getActiveFile()?.path);
    this.current = entry;
    const progress = entry?.progress;
    this.el.toggleClass("intentk-hidden", !entry || !progress || progress.total === 0);
    if (!entry || !progress) {
      this.textEl.setText("");
      return;
    }
    const stale = entry.drift ? " · out of date" : "";
    this.textEl.setText(`${entry.ref.id}: ${progress.done}/${progress.total} tasks${stale}`);
    this.el.toggleClass("intentk-out-of-date", entry.drift !== undefined);
    const why = entry.drift ? ` The execute note is ${entry.drift.message}; regenerate it.` : "";
    this.el.setAttr("aria-label", `${entry.name}: ${progress.done} of ${progress.total} tasks done.${why} Click to open the phase graph.`);
    this.el.setAttr("data-tooltip-position", "top");
  }
}
