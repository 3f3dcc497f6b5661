import { Plugin, parseYaml } from "obsidian";
import { useYamlParser } from "./core/yaml";
import { registerIntentkCodeBlock } from "./obsidian/code-block";
import { IntentKit } from "./obsidian/controller";
import { FrontmatterSync } from "./obsidian/frontmatter-sync";
import { defaultAnalyzer } from "./obsidian/default-analyzer";
import { ExecuteNoteWriter } from "./obsidian/generate";
import { ObsidianBaseStore, pluginDataFolder } from "./obsidian/base-store";
import { IndexGraphHost } from "./obsidian/graph-host";
import { NoteGraphs } from "./obsidian/note-graphs";
import { confirmAdopt, previewWrite } from "./obsidian/regenerate-preview";
import { PHASE_GRAPH_ICON, PhaseGraphView, VIEW_TYPE_PHASE_GRAPH } from "./obsidian/graph-view/view";
import { type IntentKitSettings, migrateSettings } from "./obsidian/settings";
import { IntentKitSettingTab } from "./obsidian/settings-tab";
import { ProgressStatusBar } from "./obsidian/status-bar";
import { VisionIndex } from "./obsidian/vision-index";

/** Lifecycle only: everything is registered here and real work waits for the layout to be ready. */
export default class IntentKitPlugin extends Plugin {
  override settings!: IntentKitSettings;
  index!: VisionIndex;
  writer!: ExecuteNoteWriter;
  kit!: IntentKit;

  override async onload(): Promise<void> {
    useYamlParser({ parse: parseYaml });
    this.settings = migrateSettings(await this.loadData());
    this.index = this.addChild(new VisionIndex(this.app, { visionsRoot: () => this.settings.visionsFolder, analyzer: defaultAnalyzer }));
    this.writer = new ExecuteNoteWriter(this.app, () => this.settings, {
      baseStore: new ObsidianBaseStore(this.app, { dataFolder: pluginDataFolder(this.app, this.manifest), keepBackups: () => this.settings.keepBackups }),
      confirmWrite: (decision) => previewWrite(this.app, decision),
      confirmAdopt: (decision) => confirmAdopt(this.app, decision),
    });
    const notes = this.addChild(new NoteGraphs(this.app));
    const host = new IndexGraphHost(this.app, this.index, notes);
    this.kit = this.addChild(new IntentKit({ plugin: this, settings: () => this.settings, index: this.index, writer: this.writer, host, analyzer: defaultAnalyzer, notes }));

    this.registerView(VIEW_TYPE_PHASE_GRAPH, (leaf) => new PhaseGraphView(leaf, host));
    // Hovering a graph node shows Obsidian's page preview (with the modifier key, as for links).
    this.registerHoverLinkSource(VIEW_TYPE_PHASE_GRAPH, { display: "Intent Kit phase graph", defaultMod: true });
    this.kit.registerCommands();
    registerIntentkCodeBlock(this, { index: this.index, analyzer: defaultAnalyzer });
    this.addChild(new FrontmatterSync(this.app, this.index, () => this.settings, defaultAnalyzer));
    this.addRibbonIcon(PHASE_GRAPH_ICON, "Open phase graph", () => this.kit.ribbonClick());
    this.addChild(new ProgressStatusBar(this, this.index, (entry) => void this.kit.showGraph(entry)));
    this.addSettingTab(new IntentKitSettingTab(this.app, this, this));

    // The index reads notes: only once the workspace (and its metadata cache) is ready.
    this.app.workspace.onLayoutReady(() => this.index.start());
  }

  /** Saves a settings change and applies it. */
  async updateSettings(change: Partial<IntentKitSettings>): Promise<void> {
    const before = this.settings;
    this.settings = migrateSettings({ ...this.settings, ...change });
    await this.saveData(this.settings);
    if (before.visionsFolder !== this.settings.visionsFolder) this.index.refreshAll();
  }

  override async onExternalSettingsChange(): Promise<void> {
    const before = this.settings;
    this.settings = migrateSettings(await this.loadData());
    if (before.visionsFolder !== this.settings.visionsFolder) this.index.refreshAll();
  }
}
