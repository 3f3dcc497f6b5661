/**
 * A minimal stand-in for the `obsidian` module, enough to run the phase graph view under jsdom
 * (jest) and in the browser test page (bundled with esbuild, `obsidian` aliased here). It follows
 * the documented behaviour of Component, ItemView, Keymap, Notice and setIcon; nothing more.
 * Requires the DOM shim (test/dom-shim.ts) to be installed first.
 */

export interface EventRef {
  off(): void;
}

export class Events {
  private handlers = new Map<string, Set<(...args: unknown[]) => void>>();
  on(name: string, cb: (...args: unknown[]) => void): EventRef {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(cb);
    return { off: () => set?.delete(cb) };
  }
  offref(ref: EventRef): void {
    ref.off();
  }
  trigger(name: string, ...args: unknown[]): void {
    for (const cb of this.handlers.get(name) ?? []) cb(...args);
  }
}

export class Component {
  private loaded = false;
  private cleanups: (() => void)[] = [];
  private children: Component[] = [];
  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.onload();
    for (const c of this.children) c.load();
  }
  onload(): void {}
  unload(): void {
    if (!this.loaded) return;
    this.loaded = false;
    for (const c of this.children.splice(0)) c.unload();
    for (const cb of this.cleanups.splice(0).reverse()) cb();
    this.onunload();
  }
  onunload(): void {}
  addChild<T extends Component>(c: T): T {
    this.children.push(c);
    if (this.loaded) c.load();
    return c;
  }
  removeChild<T extends Component>(c: T): T {
    this.children = this.children.filter((x) => x !== c);
    c.unload();
    return c;
  }
  register(cb: () => unknown): void {
    this.cleanups.push(cb);
  }
  registerEvent(ref: EventRef): void {
    this.register(() => ref.off());
  }
  registerDomEvent(el: EventTarget, type: string, cb: (ev: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
    el.addEventListener(type, cb, options);
    this.register(() => el.removeEventListener(type, cb, options));
  }
  registerInterval(id: number): number {
    this.register(() => window.clearInterval(id));
    return id;
  }
  /** Test helper: number of cleanups still registered. */
  get pendingCleanups(): number {
    return this.cleanups.length;
  }
}

export interface WorkspaceLeaf {
  app?: App;
}

export class View extends Component {
  app: App | undefined;
  icon = "";
  navigation = true;
  leaf: WorkspaceLeaf;
  containerEl: HTMLElement;
  constructor(leaf: WorkspaceLeaf) {
    super();
    this.leaf = leaf;
    this.app = leaf.app;
    this.containerEl = createDiv({ cls: "workspace-leaf-content" });
  }
  getState(): Record<string, unknown> {
    return {};
  }
  async setState(_state: unknown, _result: unknown): Promise<void> {}
  getIcon(): string {
    return this.icon;
  }
  onResize(): void {}
  protected async onOpen(): Promise<void> {}
  protected async onClose(): Promise<void> {}
  /** Test helper: what Obsidian does when the view is opened in a leaf. */
  async open(parent?: HTMLElement): Promise<void> {
    if (parent) parent.appendChild(this.containerEl);
    this.load();
    await this.onOpen();
  }
  /** Test helper: what Obsidian does when the leaf is closed. */
  async close(): Promise<void> {
    await this.onClose();
    this.unload();
    this.containerEl.detach();
  }
}

export class ItemView extends View {
  contentEl: HTMLElement;
  headerEl: HTMLElement;
  actionsEl: HTMLElement;
  titleEl: HTMLElement;
  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.headerEl = this.containerEl.createDiv({ cls: "view-header" });
    this.titleEl = this.headerEl.createDiv({ cls: "view-header-title" });
    this.actionsEl = this.headerEl.createDiv({ cls: "view-actions" });
    this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
  }
  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const button = this.actionsEl.createEl("button", { cls: "clickable-icon view-action", attr: { "aria-label": title, "data-icon": icon } });
    setIcon(button, icon);
    button.addEventListener("click", (evt) => callback(evt));
    this.actionsEl.insertBefore(button, this.actionsEl.firstChild);
    return button;
  }
}

export type PaneType = "tab" | "split" | "window";

interface ModifierEvent {
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  button?: number;
}

export const Keymap = {
  isModEvent(event?: unknown): PaneType | boolean {
    if (!event || typeof event !== "object") return false;
    const evt = event as ModifierEvent;
    const mod = Boolean(evt.ctrlKey || evt.metaKey);
    if (mod && evt.altKey && evt.shiftKey) return "window";
    if (mod && evt.altKey) return "split";
    if (mod) return "tab";
    if (typeof evt.button === "number" && evt.button === 1) return "tab";
    return false;
  },
};

const ICON_TEXT: Record<string, string> = {
  "zoom-in": "+",
  "zoom-out": "−",
  maximize: "⤢",
  "maximize-2": "⤢",
  scan: "⤢",
  "clipboard-copy": "❏",
  "image-down": "⤓",
  download: "⤓",
  "alert-triangle": "⚠",
};

/** Draws a one-character stand-in for the Lucide icon. */
export function setIcon(el: HTMLElement, icon: string): void {
  el.empty();
  el.createSpan({ cls: "svg-icon", text: ICON_TEXT[icon] ?? "•", attr: { "data-icon": icon, "aria-hidden": "true" } });
}

export class Notice {
  static messages: string[] = [];
  message: string;
  constructor(message: string, _duration?: number) {
    this.message = message;
    Notice.messages.push(message);
  }
  hide(): void {}
}

export interface TriggeredEvent {
  name: string;
  data: unknown;
}

export type StubWorkspace = Events & { triggered: TriggeredEvent[] };

/** An `App` with just a workspace that records `trigger` calls. */
export function makeStubApp(): { workspace: StubWorkspace } {
  const workspace = new Events() as StubWorkspace;
  workspace.triggered = [];
  const trigger = workspace.trigger.bind(workspace);
  workspace.trigger = (name: string, ...args: unknown[]) => {
    workspace.triggered.push({ name, data: args[0] });
    trigger(name, ...args);
  };
  return { workspace };
}

export type App = ReturnType<typeof makeStubApp>;

/** A component that owns a rendered block of a note (the `intentk` code block in the browser test). */
export class MarkdownRenderChild extends Component {
  constructor(public containerEl: HTMLElement) {
    super();
  }
}

export function normalizePath(path: string): string {
  return path.replace(/\\/g, "/").replace(/\/{2,}/g, "/").replace(/^\/+|\/+$/g, "");
}
