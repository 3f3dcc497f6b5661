import type { DependencyStyle } from "../core/generate/render";
import { cleanExecuteFileName } from "../core/generate/write";

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
  /** date-fns pattern for dates written into notes. */
  dateFormat: string;
  /** `(depends on T010)` text, or the Tasks plugin's 🆔/⛔ fields. */
  dependencyStyle: DependencyStyle;
  /** Where the phase graph opens. */
  graphLocation: "sidebar" | "tab";
  /** How many earlier versions of each regenerated execute note are kept as backups. */
  keepBackups: number;
  /** Keep `progress` and `next` in the execute note's frontmatter up to date (for Dataview and Bases). */
  frontmatterProgress: boolean;
}

export const SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: Readonly<IntentKitSettings> = Object.freeze({
  settingsVersion: SETTINGS_VERSION,
  visionsFolder: "",
  templatesFolder: "",
  executeFileName: "execute.md",
  dateFormat: "yyyy-MM-dd",
  dependencyStyle: "text",
  graphLocation: "sidebar",
  keepBackups: 5,
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
 * - 2: adds `keepBackups` (backups of regenerated execute notes), default 5; later
 *   `frontmatterProgress` (default on), which needs no migration.
 */
export function migrateSettings(raw: unknown): IntentKitSettings {
  const data: Record<string, unknown> = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {};
  const version = typeof data.settingsVersion === "number" ? data.settingsVersion : 0;
  if (version < 1) {
    if (data.visionsFolder === undefined && isString(data.visionsRoot)) data.visionsFolder = data.visionsRoot;
    if (data.graphLocation === undefined && typeof data.openGraphInSidebar === "boolean") data.graphLocation = data.openGraphInSidebar ? "sidebar" : "tab";
  }
  const d = DEFAULT_SETTINGS;
  return {
    settingsVersion: SETTINGS_VERSION,
    visionsFolder: isString(data.visionsFolder) ? cleanFolder(data.visionsFolder) : d.visionsFolder,
    templatesFolder: isString(data.templatesFolder) ? cleanFolder(data.templatesFolder) : d.templatesFolder,
    executeFileName: isString(data.executeFileName) ? cleanExecuteFileName(data.executeFileName) : d.executeFileName,
    dateFormat: isString(data.dateFormat) && data.dateFormat.trim() ? data.dateFormat : d.dateFormat,
    dependencyStyle: data.dependencyStyle === "tasks" || data.dependencyStyle === "text" ? data.dependencyStyle : d.dependencyStyle,
    graphLocation: data.graphLocation === "tab" || data.graphLocation === "sidebar" ? data.graphLocation : d.graphLocation,
    frontmatterProgress: typeof data.frontmatterProgress === "boolean" ? data.frontmatterProgress : d.frontmatterProgress,
    keepBackups: typeof data.keepBackups === "number" && Number.isInteger(data.keepBackups) && data.keepBackups >= 0 ? Math.min(data.keepBackups, 100) : d.keepBackups,
  };
}
