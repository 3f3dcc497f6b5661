/** @jest-environment jsdom */
import { DEFAULT_SETTINGS, SETTINGS_VERSION, migrateSettings } from "../../src/obsidian/settings";
import { type IntentKitSettingTab, previewDate } from "../../src/obsidian/settings-tab";
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
    expect(migrateSettings(raw)).toEqual({ ...DEFAULT_SETTINGS, visionsFolder: "Projects/visions", graphLocation: "tab", dateFormat: "dd.MM.yyyy" });
    expect(raw).toEqual(copy);
  });

  test("invalid values fall back to the defaults; versioned data keeps its own keys", () => {
    const s = migrateSettings({ settingsVersion: 1, executeFileName: "plan/run", dependencyStyle: "emoji", graphLocation: 3, dateFormat: " ", templatesFolder: "\\Templates\\\\intent\\" });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, executeFileName: "plan-run.md", templatesFolder: "Templates/intent" });
    expect(migrateSettings({ settingsVersion: 1, visionsRoot: "ignored" }).visionsFolder).toBe("");
    expect(migrateSettings({ settingsVersion: 99, dependencyStyle: "tasks" })).toMatchObject({ settingsVersion: SETTINGS_VERSION, dependencyStyle: "tasks" });
    expect(migrateSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
  });

  test("test tasks are on by default, for settings saved before the option existed too, and can be turned off", () => {
    expect(DEFAULT_SETTINGS.includeTests).toBe(true);
    expect(migrateSettings({ settingsVersion: 2, keepBackups: 3 })).toMatchObject({ settingsVersion: SETTINGS_VERSION, includeTests: true, keepBackups: 3 });
    expect(migrateSettings({ settingsVersion: 3, includeTests: false }).includeTests).toBe(false);
    expect(migrateSettings({ settingsVersion: 3, includeTests: "no" }).includeTests).toBe(true);
  });

  test("date preview", () => {
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
    expect(names).toEqual(["Visions", "Visions folder", "Templates folder", "Execute notes", "Execute note file name", "Date format", "Task dependencies", "Backups to keep", "Phase graph", "Open the graph in"]);
    expect(tab.containerEl.querySelectorAll(".setting-item-heading")).toHaveLength(3);
    expect(tab.containerEl.textContent).toContain("Today: ");

    const settings = (tab as unknown as { containerEl: HTMLElement }).containerEl;
    const inputs = [...settings.querySelectorAll("input")];
    inputs[0].value = "visions/";
    inputs[0].dispatchEvent(new Event("input"));
    await h.settle();
    expect(h.plugin.settings.visionsFolder).toBe("visions");
    inputs[3].value = "dd.MM.yyyy";
    inputs[3].dispatchEvent(new Event("input"));
    await h.settle();
    expect(h.plugin.settings.dateFormat).toBe("dd.MM.yyyy");
    const selects = [...settings.querySelectorAll("select")];
    selects[0].value = "tasks";
    selects[0].dispatchEvent(new Event("change"));
    selects[1].value = "tab";
    selects[1].dispatchEvent(new Event("change"));
    await h.settle();
    expect(h.plugin.settings).toMatchObject({ dependencyStyle: "tasks", graphLocation: "tab" });
    expect(h.app.pluginData.get("intent-kit")).toMatchObject({ settingsVersion: SETTINGS_VERSION, dependencyStyle: "tasks", graphLocation: "tab", dateFormat: "dd.MM.yyyy" });

    // The generated note follows the dependency style.
    const result = await h.plugin.kit.generate(h.plugin.index.get("001-team-reading-list")!);
    expect(h.read(result.path!)).toMatch(/🆔 t\d{3}/);
  });
});
