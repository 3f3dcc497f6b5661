import { type App, type DataAdapter, type PluginManifest, normalizePath } from "obsidian";
import { type BaseRecord, type BaseStore, FolderBaseStore, type StoreFiles } from "../core/base-store";
import { hashText } from "../core/text/normalize";
import { bodyOf, frontmatterOf } from "../core/workspace";

/**
 * The plugin's own data folder: the folder it is installed in (`manifest.dir`, which follows a
 * renamed config folder or plugin folder), else `<config dir>/plugins/<id>`.
 */
export function pluginDataFolder(app: App, manifest: Pick<PluginManifest, "id" | "dir">): string {
  return normalizePath(manifest.dir ?? `${app.vault.configDir}/plugins/${manifest.id}`);
}

/** Where the command line keeps its bases when it is run on the vault folder. */
export const CLI_STORE_FOLDER = ".intentk";

/** The store's file operations over Obsidian's DataAdapter (files outside the vault's index). */
export class AdapterFiles implements StoreFiles {
  constructor(private readonly adapter: DataAdapter) {}

  read(path: string): Promise<string> {
    return this.adapter.read(normalizePath(path));
  }

  async write(path: string, content: string): Promise<void> {
    const p = normalizePath(path);
    await this.ensureFolder(p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");
    await this.adapter.write(p, content);
  }

  exists(path: string): Promise<boolean> {
    return this.adapter.exists(normalizePath(path));
  }

  async list(folder: string): Promise<string[]> {
    const f = normalizePath(folder);
    if (!(await this.adapter.exists(f))) return [];
    return (await this.adapter.list(f)).files.map((p) => normalizePath(p));
  }

  async remove(path: string): Promise<void> {
    const p = normalizePath(path);
    if (await this.adapter.exists(p)) await this.adapter.remove(p);
  }

  private async ensureFolder(folder: string): Promise<void> {
    if (!folder) return;
    let current = "";
    for (const part of folder.split("/")) {
      current = current ? `${current}/${part}` : part;
      if (!(await this.adapter.exists(current))) await this.adapter.mkdir(current);
    }
  }
}

export interface ObsidianBaseStoreOptions {
  /** The plugin's data folder (see `pluginDataFolder`). */
  dataFolder: string;
  /** Backups kept per vision (the plugin's setting); default 5. */
  keepBackups?: () => number;
}

/**
 * The plugin's base store: merge bases, ID maps and plan snapshots in `<data folder>/bases/`,
 * backups in `<data folder>/backups/<vision id>/`. The execute note itself is a vault note and is
 * read through the Vault API.
 * When the command line was also run on this vault, its `.intentk/` record is read too, and the
 * record that matches the execute note as it is now wins (so plugin and CLI can take turns).
 */
export class ObsidianBaseStore implements BaseStore {
  private readonly own: FolderBaseStore;
  private readonly cli: FolderBaseStore;
  private readonly files: AdapterFiles;

  constructor(
    private readonly app: App,
    options: ObsidianBaseStoreOptions,
  ) {
    this.files = new AdapterFiles(app.vault.adapter);
    this.own = new FolderBaseStore(this.files, options.dataFolder, { keepBackups: options.keepBackups });
    this.cli = new FolderBaseStore(this.files, CLI_STORE_FOLDER, { keepBackups: 0 });
  }

  async load(visionId: string): Promise<BaseRecord | undefined> {
    const own = await this.own.load(visionId);
    const cli = await this.cli.load(visionId);
    if (!own || !cli) return own ?? cli;
    // Both exist: the one the note was last generated from is its base.
    const note = this.app.vault.getFileByPath(normalizePath(own.note));
    if (!note) return own;
    const recorded = frontmatterOf(await this.app.vault.cachedRead(note))["body-hash"];
    const matches = (r: BaseRecord): boolean => hashText(bodyOf(r.text)) === recorded;
    return matches(own) || !matches(cli) ? own : cli;
  }

  save(visionId: string, record: BaseRecord): Promise<void> {
    return this.own.save(visionId, record);
  }

  backup(visionId: string, notePath: string, content: string, when: Date): Promise<string | undefined> {
    return this.own.backup(visionId, notePath, content, when);
  }
}
