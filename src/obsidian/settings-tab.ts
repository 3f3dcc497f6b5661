import { AbstractInputSuggest, type App, PluginSettingTab, type Plugin, Setting, type SettingDefinitionItem, type SettingGroup, TFolder } from "obsidian";
import { compileDateFormat } from "../core/text/date-format";
import { type IntentKitSettings, DEFAULT_SETTINGS, cleanExecuteFileName, cleanFolder } from "./settings";

/** What the settings tab needs from the plugin. */
export interface SettingsHost {
  settings: IntentKitSettings;
  /** Saves and applies a change. */
  updateSettings(change: Partial<IntentKitSettings>): Promise<void>;
}

/** The date as a pattern shows it, or why the pattern is not valid. */
export function previewDate(pattern: string, today = new Date()): { text: string; valid: boolean } {
  const compiled = compileDateFormat(pattern.trim() || DEFAULT_SETTINGS.dateFormat);
  return compiled.ok ? { text: compiled.format(today), valid: true } : { text: compiled.error, valid: false };
}

/** Suggests vault folders as the user types a folder path (the folder fields before Obsidian 1.13). */
export class FolderSuggest extends AbstractInputSuggest<TFolder> {
  constructor(
    app: App,
    private readonly inputEl: HTMLInputElement,
  ) {
    super(app, inputEl);
  }

  protected getSuggestions(query: string): TFolder[] {
    const q = query.trim().toLowerCase();
    return this.app.vault
      .getAllLoadedFiles()
      .filter((f): f is TFolder => f instanceof TFolder && !f.isRoot() && f.path.toLowerCase().includes(q))
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  renderSuggestion(folder: TFolder, el: HTMLElement): void {
    el.setText(folder.path);
  }

  override selectSuggestion(folder: TFolder): void {
    this.setValue(folder.path);
    this.inputEl.dispatchEvent(new Event("input"));
    this.close();
  }
}

type Key = keyof IntentKitSettings;

/** A stored value as the user entered it, cleaned as the settings keep it. */
function cleanValue(key: Key, value: unknown): Partial<IntentKitSettings> {
  const text = typeof value === "string" ? value : String(value);
  switch (key) {
    case "visionsFolder":
    case "templatesFolder":
      return { [key]: cleanFolder(text) };
    case "executeFileName":
      return { executeFileName: cleanExecuteFileName(text) };
    case "keepBackups": {
      const n = Number(text.trim());
      return Number.isInteger(n) && n >= 0 ? { keepBackups: Math.min(n, 100) } : {};
    }
    default:
      // Every value is validated again by migrateSettings when it is saved.
      return { [key]: value };
  }
}

/**
 * The settings, declared once: Obsidian 1.13+ renders them from `getSettingDefinitions()` (and
 * finds them in settings search); older versions call `display()`, which renders the same
 * definitions with the classic Setting API.
 */
export class IntentKitSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: Plugin,
    private readonly host: SettingsHost,
  ) {
    super(app, plugin);
  }

  override getSettingDefinitions(): SettingDefinitionItem<Key>[] {
    return [
      {
        type: "group",
        heading: "Visions",
        items: [
          {
            name: "Visions folder",
            desc: "Folder that holds the vision folders (001-name). Leave empty to use every folder named visions; new visions then go to visions.",
            control: { type: "folder", key: "visionsFolder", placeholder: "Visions" },
          },
          {
            name: "Templates folder",
            desc: "Folder with your own vision.md, goal.md, strategy.md and plan.md templates; each one found replaces the built-in template of that name. Placeholders: {{title}}, {{date}}, {{id}}.",
            control: { type: "folder", key: "templatesFolder", placeholder: "Templates/intent" },
          },
        ],
      },
      {
        type: "group",
        heading: "Execute notes",
        items: [
          {
            name: "Execute note file name",
            desc: "File name of new execute notes. Existing execution plans (execute.md, execution.md, tasks.md) keep their names.",
            control: { type: "text", key: "executeFileName", placeholder: DEFAULT_SETTINGS.executeFileName },
          },
          {
            name: "Date format",
            aliases: ["moment", "YYYY-MM-DD"],
            // Rendered by hand for the live preview of today's date under the field.
            render: (setting) => this.dateFormatRow(setting),
          },
          {
            name: "Task dependencies",
            desc: "How generated tasks name the tasks they wait for. The emoji form (🆔 and ⛔) is the one task query plugins read.",
            control: { type: "dropdown", key: "dependencyStyle", options: { text: "Text: (depends on T010)", tasks: "Tasks plugin: 🆔 and ⛔" } },
          },
          {
            name: "Include test tasks",
            desc: "Start each milestone phase with its Validation Test and Integration Test tasks, written before the build as the execution-plan template asks.",
            control: { type: "toggle", key: "includeTests" },
          },
          {
            name: "Progress in frontmatter",
            desc: "Keep the progress and next properties of each execute note up to date as tasks are ticked, for Dataview queries and Bases.",
            control: { type: "toggle", key: "frontmatterProgress" },
          },
          {
            name: "Backups to keep",
            desc: "How many earlier versions of each execute note are kept when it is regenerated, in the plugin's data folder (none when set to zero).",
            control: { type: "number", key: "keepBackups", placeholder: String(DEFAULT_SETTINGS.keepBackups), min: 0, max: 100, step: 1 },
          },
        ],
      },
      {
        type: "group",
        heading: "Phase graph",
        items: [
          {
            name: "Open the graph in",
            desc: "Where the phase graph opens from the ribbon button, the status bar and the command.",
            control: { type: "dropdown", key: "graphLocation", options: { sidebar: "Right sidebar", tab: "New tab" } },
          },
        ],
      },
    ];
  }

  override getControlValue(key: string): unknown {
    return this.host.settings[key as Key];
  }

  override async setControlValue(key: string, value: unknown): Promise<void> {
    await this.host.updateSettings(cleanValue(key as Key, value));
  }

  /** Obsidian before 1.13: the same definitions, through the Setting API of those versions. */
  override display(): void {
    const { containerEl } = this;
    containerEl.empty();
    for (const item of this.getSettingDefinitions()) {
      if (!("type" in item) || item.type === "page") continue;
      if (item.heading) new Setting(containerEl).setName(item.heading).setHeading();
      for (const def of item.items ?? []) {
        if ("type" in def) continue;
        const setting = new Setting(containerEl).setName(def.name);
        if (def.desc) setting.setDesc(def.desc);
        // No SettingGroup before 1.13; the rows rendered here do not use it.
        if (def.render) def.render(setting, undefined as unknown as SettingGroup);
        else if (def.control) this.controlRow(setting, def.control);
      }
    }
  }

  private controlRow(setting: Setting, control: NonNullable<Extract<SettingDefinitionItem<Key>, { control?: unknown }>["control"]>): void {
    const key = control.key;
    const value = this.getControlValue(key);
    const save = (v: unknown): Promise<void> => this.setControlValue(key, v);
    if (control.type === "toggle") {
      setting.addToggle((toggle) => toggle.setValue(value === true).onChange(save));
    } else if (control.type === "dropdown") {
      setting.addDropdown((dropdown) => dropdown.addOptions(control.options).setValue(String(value)).onChange(save));
    } else if (control.type === "text" || control.type === "number" || control.type === "folder") {
      setting.addText((text) => {
        text.setPlaceholder(control.placeholder ?? "").setValue(String(value)).onChange(save);
        if (control.type === "folder") new FolderSuggest(this.app, text.inputEl);
      });
    }
  }

  private dateFormatRow(setting: Setting): void {
    setting.setName("Date format");
    const showPreview = (pattern: string): void => {
      const preview = previewDate(pattern);
      const desc = createFragment((f) => {
        f.appendText("Dates in new notes, in the same notation as the daily notes format (YYYY-MM-DD, DD.MM.YYYY, MMM D, YYYY; literal text in [brackets]). ");
        f.createSpan({ cls: preview.valid ? "intentk-date-preview" : "intentk-date-preview mod-warning", text: preview.valid ? `Today: ${preview.text}` : `Not a valid pattern: ${preview.text}` });
      });
      setting.setDesc(desc);
    };
    showPreview(this.host.settings.dateFormat);
    setting.addText((text) =>
      text
        .setPlaceholder(DEFAULT_SETTINGS.dateFormat)
        .setValue(this.host.settings.dateFormat)
        .onChange(async (value) => {
          showPreview(value);
          if (previewDate(value).valid) await this.host.updateSettings({ dateFormat: value.trim() || DEFAULT_SETTINGS.dateFormat });
        }),
    );
  }
}
