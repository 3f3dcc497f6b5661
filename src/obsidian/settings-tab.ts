import { type App, PluginSettingTab, type Plugin, Setting } from "obsidian";
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

export class IntentKitSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: Plugin,
    private readonly host: SettingsHost,
  ) {
    super(app, plugin);
  }

  override display(): void {
    const { containerEl } = this;
    containerEl.empty();
    const s = this.host.settings;

    new Setting(containerEl).setName("Visions").setHeading();

    new Setting(containerEl)
      .setName("Visions folder")
      .setDesc("Folder that holds the vision folders (001-name). Leave empty to use every folder named visions; new visions then go to visions.")
      .addText((text) =>
        text
          .setPlaceholder("Visions")
          .setValue(s.visionsFolder)
          .onChange(async (value) => this.host.updateSettings({ visionsFolder: cleanFolder(value) })),
      );

    new Setting(containerEl)
      .setName("Templates folder")
      .setDesc("Folder with your own vision.md, goal.md, strategy.md and plan.md templates; each one found replaces the built-in template of that name. Placeholders: {{title}}, {{date}}, {{id}}.")
      .addText((text) =>
        text
          .setPlaceholder("Templates/intent")
          .setValue(s.templatesFolder)
          .onChange(async (value) => this.host.updateSettings({ templatesFolder: cleanFolder(value) })),
      );

    new Setting(containerEl).setName("Execute notes").setHeading();

    new Setting(containerEl)
      .setName("Execute note file name")
      .setDesc("File name of new execute notes. Existing execution plans (execute.md, execution.md, tasks.md) keep their names.")
      .addText((text) =>
        text
          .setPlaceholder(DEFAULT_SETTINGS.executeFileName)
          .setValue(s.executeFileName)
          .onChange(async (value) => this.host.updateSettings({ executeFileName: cleanExecuteFileName(value) })),
      );

    const dateSetting = new Setting(containerEl).setName("Date format");
    const showPreview = (pattern: string): void => {
      const preview = previewDate(pattern);
      const desc = createFragment((f) => {
        f.appendText("Dates in new notes, in the same notation as the daily notes format (YYYY-MM-DD, DD.MM.YYYY, MMM D, YYYY; literal text in [brackets]). ");
        f.createSpan({ cls: preview.valid ? "intentk-date-preview" : "intentk-date-preview mod-warning", text: preview.valid ? `Today: ${preview.text}` : `Not a valid pattern: ${preview.text}` });
      });
      dateSetting.setDesc(desc);
    };
    showPreview(s.dateFormat);
    dateSetting.addText((text) =>
      text
        .setPlaceholder(DEFAULT_SETTINGS.dateFormat)
        .setValue(s.dateFormat)
        .onChange(async (value) => {
          showPreview(value);
          if (previewDate(value).valid) await this.host.updateSettings({ dateFormat: value.trim() || DEFAULT_SETTINGS.dateFormat });
        }),
    );

    new Setting(containerEl)
      .setName("Task dependencies")
      .setDesc("How generated tasks name the tasks they wait for. The emoji form (🆔 and ⛔) is the one task query plugins read.")
      .addDropdown((dropdown) =>
        dropdown
          .addOptions({ text: "Text: (depends on T010)", tasks: "Tasks plugin: 🆔 and ⛔" })
          .setValue(s.dependencyStyle)
          .onChange(async (value) => this.host.updateSettings({ dependencyStyle: value === "tasks" ? "tasks" : "text" })),
      );

    new Setting(containerEl)
      .setName("Backups to keep")
      .setDesc("How many earlier versions of each execute note are kept when it is regenerated, in the plugin's data folder (none when set to zero).")
      .addText((text) =>
        text
          .setPlaceholder(String(DEFAULT_SETTINGS.keepBackups))
          .setValue(String(s.keepBackups))
          .onChange(async (value) => {
            const n = Number(value.trim());
            if (Number.isInteger(n) && n >= 0) await this.host.updateSettings({ keepBackups: Math.min(n, 100) });
          }),
      );

    new Setting(containerEl).setName("Phase graph").setHeading();

    new Setting(containerEl)
      .setName("Open the graph in")
      .setDesc("Where the phase graph opens from the ribbon button, the status bar and the command.")
      .addDropdown((dropdown) =>
        dropdown
          .addOptions({ sidebar: "Right sidebar", tab: "New tab" })
          .setValue(s.graphLocation)
          .onChange(async (value) => this.host.updateSettings({ graphLocation: value === "tab" ? "tab" : "sidebar" })),
      );
  }
}
