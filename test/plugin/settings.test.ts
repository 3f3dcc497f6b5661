/** @jest-environment jsdom */
import { DEFAULT_SETTINGS, SETTINGS_VERSION, migrateSettings } from "../../src/obsidian/settings";
import { Setting, type SettingDefinition, type SettingDefinitionGroup, type TFolder } from "obsidian";
import { FolderSuggest, type IntentKitSettingTab, previewDate } from "../../src/obsidian/settings-tab";
import { type Harness, loadPlugin } from "./harness";

describe("settings", () => {
  test("defaults are merged without mutating the defaults object", () => {
    const frozen = JSON.stringify(DEFAULT_SETTINGS);
    const a = migrateSettings(null);
    a.visionsFolder = "changed";
    expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(frozen);
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });

  test("migration from the unversioned development settings", () => {
    const raw = { visionsRoot: "/Projects/visions/", openGraphInSidebar: false, dateFormat: "dd.MM.yyyy", junk: 1 };
    const copy = JSON.parse(JSON.stringify(raw)) as unknown;
    expect(migrateSettings(raw)).toEqual({ ...DEFAULT_SETTINGS, visionsFolder: "Projects/visions", graphLocation: "tab", dateFormat: "DD.MM.YYYY" });
    expect(raw).toEqual(copy);
  });

  test("invalid values fall back to the defaults; versioned data keeps its own keys", () => {
    const s = migrateSettings({ settingsVersion: 1, executeFileName: "plan/run", dependencyStyle: "emoji", graphLocation: 3, dateFormat: " ", templatesFolder: "\\Templates\\\\intent\\" });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, executeFileName: "plan-run.md", templatesFolder: "Templates/intent" });
    expect(migrateSettings({ settingsVersion: 1, visionsRoot: "ignored" }).visionsFolder).toBe("");
    expect(migrateSettings({ settingsVersion: 99, dependencyStyle: "tasks" })).toMatchObject({ settingsVersion: SETTINGS_VERSION, dependencyStyle: "tasks" });
    expect(migrateSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
  });

  test("version 3 moves date-fns date formats to moment style; the ones it cannot rewrite keep working", () => {
    expect(DEFAULT_SETTINGS.dateFormat).toBe("YYYY-MM-DD");
    expect(migrateSettings({ settingsVersion: 2, dateFormat: "yyyy-MM-dd" }).dateFormat).toBe("YYYY-MM-DD");
    expect(migrateSettings({ settingsVersion: 2, dateFormat: "yyyy 'week' I" }).dateFormat).toBe("yyyy 'week' I");
    expect(migrateSettings({ settingsVersion: 3, dateFormat: "dddd" }).dateFormat).toBe("dddd");
    expect(migrateSettings({ settingsVersion: 3, dateFormat: "YYYY-[W" }).dateFormat).toBe("YYYY-MM-DD");
  });

  test("test tasks are on by default, for settings saved before the option existed too, and can be turned off", () => {
    expect(DEFAULT_SETTINGS.includeTests).toBe(true);
    expect(migrateSettings({ settingsVersion: 2, keepBackups: 3 })).toMatchObject({ settingsVersion: SETTINGS_VERSION, includeTests: true, keepBackups: 3 });
    expect(migrateSettings({ settingsVersion: 4, includeTests: false }).includeTests).toBe(false);
    expect(migrateSettings({ settingsVersion: 4, includeTests: "no" }).includeTests).toBe(true);
  });

  test("date preview", () => {
    expect(previewDate("YYYY-MM-DD", new Date(2026, 0, 2))).toEqual({ text: "2026-01-02", valid: true });
    expect(previewDate("MMM D, YYYY", new Date(2026, 0, 2))).toEqual({ text: "Jan 2, 2026", valid: true });
    expect(previewDate("yyyy-MM-dd", new Date(2026, 0, 2))).toEqual({ text: "2026-01-02", valid: true });
    expect(previewDate("yyyy-MM-dd j", new Date(2026, 0, 2)).valid).toBe(false);
  });
});

describe("settings tab", () => {
  let h: Harness;
  afterEach(async () => h?.cleanup());

  test("displays sentence-case settings with headings and saves changes", async () => {
    h = await loadPlugin();
    const tab = h.app.settingTabs[0] as unknown as IntentKitSettingTab & { containerEl: HTMLElement };
    tab.display();
    const names = [...tab.containerEl.querySelectorAll(".setting-item-name")].map((e) => e.textContent);
    expect(names).toEqual(["Visions", "Visions folder", "Templates folder", "Execute notes", "Execute note file name", "Date format", "Task dependencies", "Include test tasks", "Progress in frontmatter", "Backups to keep", "Phase graph", "Open the graph in"]);
    expect(tab.containerEl.querySelectorAll(".setting-item-heading")).toHaveLength(3);
    expect(tab.containerEl.textContent).toContain("Today: ");

    const settings = (tab as unknown as { containerEl: HTMLElement }).containerEl;
    const inputs = [...settings.querySelectorAll("input")];
    inputs[0].value = "visions/";
    inputs[0].dispatchEvent(new Event("input"));
    await h.settle();
    expect(h.plugin.settings.visionsFolder).toBe("visions");
    const warn = jest.spyOn(console, "warn");
    inputs[3].value = "YYYY-[W";
    inputs[3].dispatchEvent(new Event("input"));
    await h.settle();
    expect(h.plugin.settings.dateFormat).toBe("YYYY-MM-DD");
    expect(inputs[3].closest(".setting-item")?.textContent).toContain('Not a valid pattern: "[" at position 6 is never closed');
    inputs[3].value = "DD.MM.YYYY";
    inputs[3].dispatchEvent(new Event("input"));
    await h.settle();
    expect(h.plugin.settings.dateFormat).toBe("DD.MM.YYYY");
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    const selects = [...settings.querySelectorAll("select")];
    selects[0].value = "tasks";
    selects[0].dispatchEvent(new Event("change"));
    selects[1].value = "tab";
    selects[1].dispatchEvent(new Event("change"));
    await h.settle();
    expect(h.plugin.settings).toMatchObject({ dependencyStyle: "tasks", graphLocation: "tab" });
    expect(h.app.pluginData.get("intent-kit")).toMatchObject({ settingsVersion: SETTINGS_VERSION, dependencyStyle: "tasks", graphLocation: "tab", dateFormat: "DD.MM.YYYY" });

    // The generated note follows the dependency style and the date format.
    const result = await h.plugin.kit.generate(h.plugin.index.get("001-team-reading-list")!);
    expect(h.read(result.path!)).toMatch(/🆔 t\d{3}/);
    expect(h.read(result.path!)).toMatch(/\*\*Date\*\*: \d{2}\.\d{2}\.\d{4} \|/);
  });
});

describe("settings tab on Obsidian 1.13+ (setting definitions, settings search)", () => {
  let h: Harness;
  afterEach(async () => h?.cleanup());

  const tabOf = (harness: Harness) => harness.app.settingTabs[0] as unknown as IntentKitSettingTab & { containerEl: HTMLElement };
  const definitions = (tab: IntentKitSettingTab): SettingDefinition[] =>
    (tab.getSettingDefinitions() as SettingDefinitionGroup[]).flatMap((g) => (g.items ?? []) as SettingDefinition[]);

  test("declares every setting, by name, with the headings of display()", async () => {
    h = await loadPlugin();
    const tab = tabOf(h);
    expect((tab.getSettingDefinitions() as SettingDefinitionGroup[]).map((g) => g.heading)).toEqual(["Visions", "Execute notes", "Phase graph"]);
    const defs = definitions(tab);
    expect(defs.map((d) => d.name)).toEqual(["Visions folder", "Templates folder", "Execute note file name", "Date format", "Task dependencies", "Include test tasks", "Progress in frontmatter", "Backups to keep", "Open the graph in"]);
    const keys = defs.flatMap((d) => (d.control ? [d.control.key] : d.name === "Date format" ? ["dateFormat"] : []));
    const settingKeys = Object.keys(DEFAULT_SETTINGS).filter((k) => k !== "settingsVersion");
    expect([...keys].sort()).toEqual([...settingKeys].sort());
    expect(defs.filter((d) => d.control?.type === "folder").map((d) => d.control!.key)).toEqual(["visionsFolder", "templatesFolder"]);
  });

  test("reads and saves control values as the settings keep them", async () => {
    h = await loadPlugin();
    const tab = tabOf(h);
    expect(tab.getControlValue("graphLocation")).toBe("sidebar");
    await tab.setControlValue("visionsFolder", "/Projects/visions/");
    await tab.setControlValue("keepBackups", 500);
    await tab.setControlValue("graphLocation", "tab");
    await h.settle();
    expect(h.plugin.settings).toMatchObject({ visionsFolder: "Projects/visions", keepBackups: 100, graphLocation: "tab" });
    expect(tab.getControlValue("visionsFolder")).toBe("Projects/visions");
    expect(h.app.pluginData.get("intent-kit")).toMatchObject({ visionsFolder: "Projects/visions", keepBackups: 100, graphLocation: "tab" });
  });

  test("the date format row shows today's date, or what is wrong, under the field", async () => {
    h = await loadPlugin();
    const tab = tabOf(h);
    const date = definitions(tab).find((d) => d.name === "Date format")!;
    const setting = new Setting(tab.containerEl);
    date.render!(setting, undefined as never);
    expect(setting.descEl.textContent).toMatch(/Today: \d{4}-\d{2}-\d{2}/);
    const input = setting.controlEl.querySelector("input")!;
    input.value = "MMM D, YYYY";
    input.dispatchEvent(new Event("input"));
    await h.settle();
    expect(h.plugin.settings.dateFormat).toBe("MMM D, YYYY");
    input.value = "[oops";
    input.dispatchEvent(new Event("input"));
    await h.settle();
    expect(setting.descEl.textContent).toContain("Not a valid pattern");
    expect(h.plugin.settings.dateFormat).toBe("MMM D, YYYY");
  });

  test("folder fields suggest vault folders, and choosing one saves it", async () => {
    h = await loadPlugin();
    await h.app.vault.createFolder("Projects/visions");
    await h.app.vault.createFolder("Templates/intent");
    const tab = tabOf(h);
    tab.display();
    const input = tab.containerEl.querySelector("input")!;
    const suggest = new FolderSuggest(h.app as never, input);
    input.value = "VIS";
    input.dispatchEvent(new Event("input"));
    await h.settle();
    const suggested = (suggest as unknown as { suggestions: TFolder[] }).suggestions.map((f) => f.path);
    expect(suggested).toContain("Projects/visions");
    expect(suggested).not.toContain("Templates/intent");
    suggest.selectSuggestion((suggest as unknown as { suggestions: TFolder[] }).suggestions.find((f) => f.path === "Projects/visions")!);
    await h.settle();
    expect(input.value).toBe("Projects/visions");
    expect(h.plugin.settings.visionsFolder).toBe("Projects/visions");
  });
});
