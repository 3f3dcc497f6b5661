import type { DependencyStyle } from "../core/generate/render";
import { cleanExecuteFileName } from "../core/generate/write";
import { DEFAULT_DATE_FORMAT, compileDateFormat, momentFromDateFns } from "../core/text/date-format";

export { cleanExecuteFileName };

/** The plugin's settings, as saved in data.json. */
export interface IntentKitSettings {
  settingsVersion: number;
  /** Folder that holds the vision folders; "" means any folder named `visions` (new visions go to `visions`). */
  visionsFolder: string;
  /** Vault folder of user templates (vision.md, goal.md, strategy.md, plan.md); "" for the built-in ones. */
  templatesFolder: string;
  /** File name of new execute notes. */
  executeFileName: string;
  /** Pattern for dates written into notes, moment style as elsewhere in Obsidian (`YYYY-MM-DD`). */
  dateFormat: string;
  /** `(depends on T010)` text, or the Tasks plugin's 🆔/⛔ fields. */
  dependencyStyle: DependencyStyle;
  /** Where the phase graph opens. */
  graphLocation: "sidebar" | "tab";
  /** How many earlier versions of each regenerated execute note are kept as backups. */
  keepBackups: number;
  /** Whether generated notes hold each milestone's Validation Test and Integration Test tasks. */
  includeTests: boolean;
  /** Keep `progress` and `next` in the execute note's frontmatter up to date (for Dataview and Bases). */
  frontmatterProgress: boolean;
}

export const SETTINGS_VERSION = 4;

export const DEFAULT_SETTINGS: Readonly<IntentKitSettings> = Object.freeze({
  settingsVersion: SETTINGS_VERSION,
  visionsFolder: "",
  templatesFolder: "",
  executeFileName: "execute.md",
  dateFormat: DEFAULT_DATE_FORMAT,
  dependencyStyle: "text",
  graphLocation: "sidebar",
  keepBackups: 5,
  includeTests: true,
  frontmatterProgress: true,
});

/** The folder new visions are created in. */
export function newVisionsRoot(settings: IntentKitSettings): string {
  return settings.visionsFolder || "visions";
}

/** A vault folder path without leading or trailing slashes ("" for none). */
export function cleanFolder(path: string): string {
  return path.trim().replace(/\\/g, "/").replace(/\/{2,}/g, "/").replace(/^\/+|\/+$/g, "");
}

const isString = (v: unknown): v is string => typeof v === "string";

/**
 * Turns whatever data.json holds (nothing, an older version, hand-edited values) into current
 * settings. Never mutates its input or the defaults; unknown keys are dropped, invalid values
 * fall back to the default.
 *
 * Version history:
 * - 0 (no `settingsVersion`): data.json written by hand or before versioning; the keys
 *   `visionsRoot` (the CLI's name for the visions folder) and `openGraphInSidebar` are accepted.
 * - 1: the first versioned settings.
 * - 2: adds `keepBackups` (backups of regenerated execute notes), default 5.
 * - 3: `dateFormat` is moment style (`YYYY-MM-DD`); a date-fns pattern (`yyyy-MM-dd`, the old
 *   default) is rewritten in moment style where it can be, and keeps working where it cannot.
 * - 4: adds `includeTests` (test tasks in generated notes), default true; and
 *   `frontmatterProgress` (progress and next task in the execute note's frontmatter), default on.
 */
export function migrateSettings(raw: unknown): IntentKitSettings {
  const data: Record<string, unknown> = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {};
  const version = typeof data.settingsVersion === "number" ? data.settingsVersion : 0;
  if (version < 1) {
    if (data.visionsFolder === undefined && isString(data.visionsRoot)) data.visionsFolder = data.visionsRoot;
    if (data.graphLocation === undefined && typeof data.openGraphInSidebar === "boolean") data.graphLocation = data.openGraphInSidebar ? "sidebar" : "tab";
  }
  if (version < 3 && isString(data.dateFormat)) data.dateFormat = momentFromDateFns(data.dateFormat) ?? data.dateFormat;
  const d = DEFAULT_SETTINGS;
  return {
    settingsVersion: SETTINGS_VERSION,
    visionsFolder: isString(data.visionsFolder) ? cleanFolder(data.visionsFolder) : d.visionsFolder,
    templatesFolder: isString(data.templatesFolder) ? cleanFolder(data.templatesFolder) : d.templatesFolder,
    executeFileName: isString(data.executeFileName) ? cleanExecuteFileName(data.executeFileName) : d.executeFileName,
    dateFormat: isString(data.dateFormat) && compileDateFormat(data.dateFormat).ok ? data.dateFormat : d.dateFormat,
    dependencyStyle: data.dependencyStyle === "tasks" || data.dependencyStyle === "text" ? data.dependencyStyle : d.dependencyStyle,
    graphLocation: data.graphLocation === "tab" || data.graphLocation === "sidebar" ? data.graphLocation : d.graphLocation,
    frontmatterProgress: typeof data.frontmatterProgress === "boolean" ? data.frontmatterProgress : d.frontmatterProgress,
    keepBackups: typeof data.keepBackups === "number" && Number.isInteger(data.keepBackups) && data.keepBackups >= 0 ? Math.min(data.keepBackups, 100) : d.keepBackups,
    includeTests: typeof data.includeTests === "boolean" ? data.includeTests : d.includeTests,
  };
}
