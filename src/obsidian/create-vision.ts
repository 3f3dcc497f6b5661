import { type App, TFile, TFolder, normalizePath } from "obsidian";
import { type NewVision, TEMPLATE_FILES, TEMPLATE_ROLES, planNewVision } from "../core/templates";
import { type IntentKitSettings, newVisionsRoot } from "./settings";
import { ensureFolder } from "./vault-files";
import { dateFormatter } from "../core/text/date-format";

/** The user templates in the templates folder, by file name (only the four known names). */
export async function userTemplates(app: App, folder: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!folder) return out;
  const dir = app.vault.getFolderByPath(normalizePath(folder));
  if (!dir) return out;
  const wanted = new Set(TEMPLATE_ROLES.map((r) => TEMPLATE_FILES[r]));
  for (const child of dir.children) {
    if (child instanceof TFile && wanted.has(child.name.toLowerCase())) out.set(child.name, await app.vault.cachedRead(child));
  }
  return out;
}

/**
 * Creates `visions/NNN-slug/` with the next free number and the vision, goal, strategy and plan
 * notes from the templates. Returns what was created; the vision note is the first file.
 */
export async function createVision(app: App, settings: IntentKitSettings, name: string, today = new Date()): Promise<NewVision> {
  const root = normalizePath(newVisionsRoot(settings));
  const rootFolder = app.vault.getFolderByPath(root);
  const existing = rootFolder ? rootFolder.children.filter((c) => c instanceof TFolder).map((c) => c.name) : [];
  const plan = planNewVision({
    name,
    root,
    existing,
    date: dateFormatter(settings.dateFormat)(today),
    userTemplates: await userTemplates(app, settings.templatesFolder),
  });
  await ensureFolder(app, plan.folder);
  for (const f of plan.files) await app.vault.create(normalizePath(f.path), f.content);
  return plan;
}
