import { Component, Events } from "./events";
import type { App } from "./app";
import { TFile } from "./vault";

/** Workspace, leaves and views: enough to open notes, track the active file and host views. */

export interface ViewState {
  type: string;
  state?: Record<string, unknown>;
  active?: boolean;
}

export abstract class View extends Component {
  app: App;
  icon = "";
  navigation = false;
  containerEl: HTMLElement;

  constructor(public leaf: WorkspaceLeaf) {
    super();
    this.app = leaf.app;
    this.containerEl = createDiv({ cls: "workspace-leaf-content" });
  }

  abstract getViewType(): string;
  getDisplayText(): string {
    return this.getViewType();
  }
  getIcon(): string {
    return this.icon;
  }
  getState(): Record<string, unknown> {
    return {};
  }
  async setState(_state: unknown, _result: { history: boolean }): Promise<void> {}
  getEphemeralState(): Record<string, unknown> {
    return {};
  }
  setEphemeralState(_state: unknown): void {}
  async onOpen(): Promise<void> {}
  async onClose(): Promise<void> {}
  async open(parent: HTMLElement): Promise<void> {
    parent.appendChild(this.containerEl);
    this.load();
    await this.onOpen();
  }
  async close(): Promise<void> {
    const closing = this.onClose();
    this.unload();
    this.containerEl.remove();
    await closing;
  }
}

export abstract class ItemView extends View {
  contentEl: HTMLElement;
  actions: { icon: string; title: string; callback: (evt: MouseEvent) => unknown; el: HTMLElement }[] = [];

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.containerEl.createDiv({ cls: "view-header" });
    this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
  }

  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = createDiv({ cls: "view-action", attr: { "aria-label": title } });
    el.addEventListener("click", (e) => callback(e));
    this.actions.push({ icon, title, callback, el });
    return el;
  }
}

export class EmptyView extends ItemView {
  getViewType(): string {
    return "empty";
  }
}

/** A Markdown note open in a leaf, with the ephemeral state (line) it was opened at. */
export class MarkdownView extends ItemView {
  file: TFile | null = null;
  eState: Record<string, unknown> | undefined;

  getViewType(): string {
    return "markdown";
  }
  override getDisplayText(): string {
    return this.file?.basename ?? "";
  }
  override getState(): Record<string, unknown> {
    return { file: this.file?.path };
  }
  override setEphemeralState(state: unknown): void {
    this.eState = state as Record<string, unknown>;
  }
}

export class WorkspaceLeaf extends Events {
  view: View;
  containerEl = createDiv({ cls: "workspace-leaf" });

  constructor(
    readonly app: App,
    readonly side: "main" | "left" | "right",
  ) {
    super();
    this.view = new EmptyView(this);
  }

  private async replace(view: View): Promise<void> {
    if (this.view) await this.view.close();
    this.view = view;
    await view.open(this.containerEl);
  }

  async openFile(file: TFile, openState?: { active?: boolean; eState?: Record<string, unknown>; state?: Record<string, unknown> }): Promise<void> {
    const view = new MarkdownView(this);
    view.file = file;
    await this.replace(view);
    if (openState?.eState) view.setEphemeralState(openState.eState);
    this.app.workspace.setActiveLeaf(this);
  }

  async setViewState(viewState: ViewState, eState?: unknown): Promise<void> {
    const creator = this.app.viewRegistry.get(viewState.type);
    const view = creator ? creator(this) : new EmptyView(this);
    await this.replace(view);
    await view.setState(viewState.state ?? {}, { history: false });
    if (eState) view.setEphemeralState(eState);
    if (viewState.active) this.app.workspace.setActiveLeaf(this);
  }

  getViewState(): ViewState {
    return { type: this.view.getViewType(), state: this.view.getState() };
  }

  async loadIfDeferred(): Promise<void> {}

  /** The view's type is no longer registered (its plugin unloaded): the leaf shows nothing. */
  unregistered(): void {
    void this.view.close();
    this.view = new EmptyView(this);
  }

  detach(): void {
    void this.view.close();
    this.app.workspace.removeLeaf(this);
  }
}

export class Workspace extends Events {
  layoutReady = false;
  private readyCallbacks: (() => unknown)[] = [];
  leaves: WorkspaceLeaf[] = [];
  activeLeaf: WorkspaceLeaf | null = null;
  /** Test helper: leaves revealed, in order. */
  revealed: WorkspaceLeaf[] = [];
  private lastFile: TFile | null = null;
  containerEl = createDiv({ cls: "workspace" });

  constructor(private readonly app: App) {
    super();
  }

  onLayoutReady(cb: () => unknown): void {
    if (this.layoutReady) void cb();
    else this.readyCallbacks.push(cb);
  }

  /** Test helper: the layout is ready; runs the waiting callbacks. */
  triggerLayoutReady(): void {
    this.layoutReady = true;
    for (const cb of this.readyCallbacks.splice(0)) void cb();
    this.trigger("layout-change");
  }

  private newLeaf(side: "main" | "left" | "right"): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app, side);
    this.leaves.push(leaf);
    this.containerEl.appendChild(leaf.containerEl);
    return leaf;
  }

  getLeaf(newLeaf?: boolean | "tab" | "split" | "window"): WorkspaceLeaf {
    if (!newLeaf) {
      const current = this.activeLeaf && this.activeLeaf.side === "main" ? this.activeLeaf : this.leaves.find((l) => l.side === "main");
      if (current) return current;
    }
    return this.newLeaf("main");
  }

  getRightLeaf(_split: boolean): WorkspaceLeaf {
    return this.newLeaf("right");
  }

  getLeftLeaf(_split: boolean): WorkspaceLeaf {
    return this.newLeaf("left");
  }

  async ensureSideLeaf(type: string, side: "left" | "right", options: { active?: boolean; split?: boolean; reveal?: boolean; state?: Record<string, unknown> } = {}): Promise<WorkspaceLeaf> {
    const existing = this.getLeavesOfType(type).find((l) => l.side === side);
    const leaf = existing ?? this.newLeaf(side);
    if (!existing || options.state) await leaf.setViewState({ type, state: options.state, active: options.active });
    if (options.reveal !== false) await this.revealLeaf(leaf);
    return leaf;
  }

  getLeavesOfType(type: string): WorkspaceLeaf[] {
    return this.leaves.filter((l) => l.view.getViewType() === type);
  }

  detachLeavesOfType(type: string): void {
    for (const l of this.getLeavesOfType(type)) l.detach();
  }

  iterateAllLeaves(cb: (leaf: WorkspaceLeaf) => unknown): void {
    for (const l of [...this.leaves]) cb(l);
  }

  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    this.revealed.push(leaf);
  }

  removeLeaf(leaf: WorkspaceLeaf): void {
    this.leaves = this.leaves.filter((l) => l !== leaf);
    leaf.containerEl.remove();
    if (this.activeLeaf === leaf) this.activeLeaf = null;
  }

  setActiveLeaf(leaf: WorkspaceLeaf): void {
    this.activeLeaf = leaf;
    const file = leaf.view instanceof MarkdownView ? leaf.view.file : null;
    if (file) this.lastFile = file;
    this.trigger("active-leaf-change", leaf);
    if (file) this.trigger("file-open", file);
  }

  getActiveFile(): TFile | null {
    const view = this.activeLeaf?.view;
    if (view instanceof MarkdownView) return view.file;
    return this.lastFile;
  }

  getActiveViewOfType<T>(type: abstract new (...args: never[]) => T): T | null {
    const view = this.activeLeaf?.view;
    return view instanceof type ? view : null;
  }

  async openLinkText(linktext: string, sourcePath: string, newLeaf?: boolean | "tab" | "split" | "window", openViewState?: { active?: boolean; eState?: Record<string, unknown> }): Promise<void> {
    const file = this.app.metadataCache.getFirstLinkpathDest(linktext, sourcePath);
    if (!file) throw new Error(`Cannot open ${linktext}`);
    await this.getLeaf(newLeaf).openFile(file, openViewState);
  }

  /** Test helper: opens a note in the main leaf and makes it active. */
  async openFile(path: string, eState?: Record<string, unknown>): Promise<WorkspaceLeaf> {
    const file = this.app.vault.getFileByPath(path);
    if (!(file instanceof TFile)) throw new Error(`No file ${path}`);
    const leaf = this.getLeaf(false);
    await leaf.openFile(file, { eState });
    return leaf;
  }
}
