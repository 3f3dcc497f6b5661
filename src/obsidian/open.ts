import { type App, type PaneType, Notice, normalizePath } from "obsidian";

/**
 * Opens a note, scrolled to a 1-based line when given, in the current tab (or a new one for
 * Cmd/Ctrl-click: pass the result of `Keymap.isModEvent`).
 */
export async function openNoteAt(app: App, path: string, line?: number, newLeaf: PaneType | boolean = false): Promise<void> {
  const file = app.vault.getFileByPath(normalizePath(path));
  if (!file) {
    new Notice(`${path} is not in the vault any more.`);
    return;
  }
  const eState = line !== undefined && line > 0 ? { line: line - 1 } : undefined;
  await app.workspace.getLeaf(newLeaf).openFile(file, { active: true, eState });
}
