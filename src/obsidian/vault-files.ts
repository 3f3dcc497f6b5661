import { type App, TFile, TFolder, normalizePath } from "obsidian";
import type { FileAccess } from "../core/files";

/**
 * The project's file-access interface over Obsidian's vault: reads go through `cachedRead` (or
 * `read` before a change), writes through `Vault.process` for existing notes and `Vault.create`
 * (after creating missing folders) for new ones.
 */
export class VaultFiles implements FileAccess {
  constructor(
    private readonly app: App,
    /** Read with `Vault.read` (fresh from disk) instead of `cachedRead`. */
    private readonly fresh = false,
  ) {}

  private file(path: string): TFile {
    const f = this.app.vault.getFileByPath(normalizePath(path));
    if (!f) throw new Error(`No file ${path} in the vault.`);
    return f;
  }

  list(folder = ""): Promise<string[]> {
    const root = folder ? this.app.vault.getFolderByPath(normalizePath(folder)) : this.app.vault.getRoot();
    const out: string[] = [];
    const walk = (f: TFolder): void => {
      for (const child of f.children) {
        if (child instanceof TFolder) walk(child);
        else if (child instanceof TFile) out.push(child.path);
      }
    };
    if (root) walk(root);
    return Promise.resolve(out.sort());
  }

  read(path: string): Promise<string> {
    const f = this.file(path);
    return this.fresh ? this.app.vault.read(f) : this.app.vault.cachedRead(f);
  }

  exists(path: string): Promise<boolean> {
    return Promise.resolve(this.app.vault.getAbstractFileByPath(normalizePath(path)) !== null);
  }

  async write(path: string, content: string): Promise<void> {
    const p = normalizePath(path);
    const existing = this.app.vault.getFileByPath(p);
    if (existing) {
      await this.app.vault.process(existing, () => content);
      return;
    }
    await ensureFolder(this.app, p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");
    await this.app.vault.create(p, content);
  }

  process(path: string, fn: (current: string) => string): Promise<string> {
    return this.app.vault.process(this.file(path), fn);
  }
}

/** Creates a folder (and its parents) unless it exists. */
export async function ensureFolder(app: App, folder: string): Promise<void> {
  const p = folder ? normalizePath(folder) : "";
  if (!p || p === "/" || app.vault.getFolderByPath(p)) return;
  await app.vault.createFolder(p);
}
