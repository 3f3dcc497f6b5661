import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Component, Events } from "./events";
import { FileManager, MetadataCache, Vault } from "./vault";
import type { View } from "./workspace";
import { Workspace, type WorkspaceLeaf } from "./workspace";
import type { PluginSettingTab } from "./ui";

/** App and Plugin: the fake Obsidian a plugin is loaded into. */

interface MockCommand {
  id: string;
  name: string;
  callback?: () => unknown;
  checkCallback?: (checking: boolean) => boolean | void;
  editorCallback?: unknown;
  hotkeys?: unknown[];
  icon?: string;
}

export class Commands {
  commands: Record<string, MockCommand> = {};

  /** Runs a command as the palette would: false when it is not available here. */
  executeCommandById(id: string): boolean {
    const c = this.commands[id];
    if (!c) throw new Error(`No command ${id}; registered: ${Object.keys(this.commands).join(", ")}`);
    if (c.checkCallback) {
      if (!c.checkCallback(true)) return false;
      c.checkCallback(false);
      return true;
    }
    void c.callback?.();
    return true;
  }

  /** Whether a command would show in the palette right now. */
  isAvailable(id: string): boolean {
    const c = this.commands[id];
    return Boolean(c && (!c.checkCallback || c.checkCallback(true)));
  }
}

export class App {
  vault: Vault;
  metadataCache: MetadataCache;
  workspace: Workspace;
  fileManager: FileManager;
  commands = new Commands();
  viewRegistry = new Map<string, (leaf: WorkspaceLeaf) => View>();
  settingTabs: PluginSettingTab[] = [];
  /** data.json of each plugin, by id. */
  pluginData = new Map<string, unknown>();
  /** Code block processors by language, as `registerMarkdownCodeBlockProcessor` adds them. */
  codeBlockProcessors = new Map<string, CodeBlockProcessor>();
  /** The ribbon and the status bar. */
  ribbonEl: HTMLElement;
  statusBarEl: HTMLElement;

  constructor(basePath: string) {
    this.vault = new Vault(basePath);
    this.metadataCache = new MetadataCache(this.vault);
    this.workspace = new Workspace(this);
    this.fileManager = new FileManager(this.vault);
    this.ribbonEl = document.body.createDiv({ cls: "side-dock-ribbon" });
    this.statusBarEl = document.body.createDiv({ cls: "status-bar" });
  }

  /** An app over a real folder, with the metadata cache already built (as at Obsidian startup). */
  static async create(basePath: string): Promise<App> {
    mkdirSync(join(basePath), { recursive: true });
    const app = new App(basePath);
    await app.metadataCache.initialize();
    return app;
  }

  /**
   * Test helper: what reading view does with a fenced code block of `language` in the note at
   * `sourcePath`: the processor fills a fresh element, and render children added to the context
   * are loaded; `unload` is what happens when the section is re-rendered or the note closed.
   */
  renderCodeBlock(language: string, source: string, sourcePath: string): { el: HTMLElement; unload: () => void } {
    const processor = this.codeBlockProcessors.get(language);
    if (!processor) throw new Error(`No code block processor for ${language}`);
    const el = document.body.createDiv({ cls: "block-language-" + language });
    const section = new Component();
    section.load();
    const result = processor(source, el, { sourcePath, docId: "mock", frontmatter: undefined, addChild: (child: Component) => section.addChild(child), getSectionInfo: () => null });
    if (result instanceof Promise) void result;
    return {
      el,
      unload: () => {
        section.unload();
        el.remove();
      },
    };
  }

  /** Test helper: removes the app's own DOM. */
  destroy(): void {
    this.ribbonEl.remove();
    this.statusBarEl.remove();
    this.workspace.containerEl.remove();
  }
}

export interface MarkdownPostProcessorContext {
  sourcePath: string;
  docId: string;
  frontmatter: unknown;
  addChild(child: Component): void;
  getSectionInfo(el: HTMLElement): null;
}

export type CodeBlockProcessor = (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => Promise<unknown> | void;

/** A component that owns a rendered block of a note (`containerEl`). */
export class MarkdownRenderChild extends Component {
  constructor(public containerEl: HTMLElement) {
    super();
  }
}

export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
  description?: string;
  author?: string;
  isDesktopOnly?: boolean;
  dir?: string;
}

export class Plugin extends Component {
  constructor(
    public app: App,
    public manifest: PluginManifest,
  ) {
    super();
  }

  addCommand(command: MockCommand): MockCommand {
    const full = { ...command, id: `${this.manifest.id}:${command.id}`, name: `${this.manifest.name}: ${command.name}` };
    this.app.commands.commands[full.id] = full;
    this.register(() => delete this.app.commands.commands[full.id]);
    return full;
  }

  removeCommand(id: string): void {
    delete this.app.commands.commands[`${this.manifest.id}:${id}`];
  }

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.app.ribbonEl.createDiv({ cls: "side-dock-ribbon-action clickable-icon", attr: { "aria-label": title, "data-icon": icon } });
    const listener = (evt: MouseEvent): unknown => callback(evt);
    el.addEventListener("click", listener);
    this.register(() => {
      el.removeEventListener("click", listener);
      el.remove();
    });
    return el;
  }

  addStatusBarItem(): HTMLElement {
    const el = this.app.statusBarEl.createDiv({ cls: "status-bar-item" });
    this.register(() => el.remove());
    return el;
  }

  addSettingTab(tab: PluginSettingTab): void {
    this.app.settingTabs.push(tab);
    this.register(() => {
      this.app.settingTabs = this.app.settingTabs.filter((t) => t !== tab);
      tab.hide();
    });
  }

  registerView(type: string, creator: (leaf: WorkspaceLeaf) => View): void {
    if (this.app.viewRegistry.has(type)) throw new Error(`View type ${type} is already registered.`);
    this.app.viewRegistry.set(type, creator);
    this.register(() => {
      this.app.viewRegistry.delete(type);
      // As in Obsidian, views of a type whose plugin unloads are closed.
      for (const leaf of this.app.workspace.getLeavesOfType(type)) leaf.unregistered();
    });
  }

  registerHoverLinkSource(): void {}

  registerMarkdownCodeBlockProcessor(language: string, handler: CodeBlockProcessor): void {
    if (this.app.codeBlockProcessors.has(language)) throw new Error(`A processor for ${language} is already registered.`);
    this.app.codeBlockProcessors.set(language, handler);
    this.register(() => this.app.codeBlockProcessors.delete(language));
  }

  async loadData(): Promise<unknown> {
    const data = this.app.pluginData.get(this.manifest.id);
    return data === undefined ? null : (JSON.parse(JSON.stringify(data)) as unknown);
  }

  async saveData(data: unknown): Promise<void> {
    this.app.pluginData.set(this.manifest.id, (JSON.parse(JSON.stringify(data)) as unknown));
  }

  onUserEnable(): void {}
}

export { Events };
