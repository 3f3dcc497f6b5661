/**
 * Where regeneration keeps what it needs between runs: the merge base (the exact text of the last
 * generation), the source → task ID map, a snapshot of the plan (for drift reports), and backups of
 * the notes it rewrote. The plugin keeps them in its data folder, the CLI in `.intentk/` at the
 * root of the folder it works on; both use the layout below through a small file interface.
 *
 *   bases/<vision id>.md        the last generated text, byte for byte
 *   bases/<vision id>.json      { version, note, ids, snapshot }
 *   backups/<vision id>/<yyyyMMdd-HHmmss>-<n>-<note file name>   previous versions of the note
 */
import type { PlanSnapshot } from "./drift";
import { basename, joinPath } from "./files";
import type { IdMap } from "./merge/ids";
import { hashText } from "./text/normalize";

export interface BaseRecord {
  /** Vault path of the execute note this base belongs to. */
  note: string;
  /** The generated text last written or merged into the note. */
  text: string;
  /** Source key → task ID, including IDs retired because their source left the plan. */
  ids: IdMap;
  snapshot: PlanSnapshot;
}

export interface BaseStore {
  load(visionId: string): Promise<BaseRecord | undefined>;
  save(visionId: string, record: BaseRecord): Promise<void>;
  /** Keeps a copy of a note's content before it is rewritten; returns the copy's path (none when backups are off). */
  backup(visionId: string, notePath: string, content: string, when: Date): Promise<string | undefined>;
}

/** The file operations a store needs (the CLI's FileAccess plus removal; Obsidian's DataAdapter). */
export interface StoreFiles {
  read(path: string): Promise<string>;
  write(path: string, content: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  /** Files under a folder (recursively or not: the store only lists folders it fills itself). */
  list(folder: string): Promise<string[]>;
  remove(path: string): Promise<void>;
}

export interface FolderBaseStoreOptions {
  /** How many backups to keep per vision (older ones are removed); default 5. 0 keeps none. */
  keepBackups?: number | (() => number);
}

export const DEFAULT_KEEP_BACKUPS = 5;
const VERSION = 1;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
const stamp = (d: Date): string => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

/** A vision id made safe as a file name (ids are folder names, but a store should never escape its folder). */
/**
 * The key a vision's records are stored under: its folder path, so two visions with the same
 * folder name in different places never share a merge base.
 */
export function baseKey(ref: { folder: string; id: string }): string {
  return ref.folder || ref.id;
}

export function safeName(id: string): string {
  return id.replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "_") || "_";
}

export function serializeRecord(record: BaseRecord): string {
  const data = { version: VERSION, note: record.note, textHash: hashText(record.text), ids: record.ids, snapshot: record.snapshot };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Reads a record back; undefined when the JSON is damaged, of another version, or does not belong
 * to the text beside it (a write that stopped halfway): the merge then works without a base rather
 * than against a wrong one.
 */
export function parseRecord(text: string, json: string): BaseRecord | undefined {
  try {
    const data = JSON.parse(json) as Partial<BaseRecord> & { version?: number; textHash?: string };
    if (data.version !== VERSION || typeof data.note !== "string" || !data.ids || typeof data.ids !== "object" || !data.snapshot) return undefined;
    if (data.textHash !== hashText(text)) return undefined;
    const ids: IdMap = {};
    for (const [k, v] of Object.entries(data.ids)) if (typeof v === "string") ids[k] = v;
    return { note: data.note, text, ids, snapshot: data.snapshot };
  } catch {
    return undefined;
  }
}

/** The layout above, in one folder reached through `files`. */
export class FolderBaseStore implements BaseStore {
  constructor(
    private readonly files: StoreFiles,
    private readonly root: string,
    private readonly options: FolderBaseStoreOptions = {},
  ) {}

  private paths(visionId: string): { text: string; json: string } {
    const name = safeName(visionId);
    return { text: joinPath(this.root, "bases", `${name}.md`), json: joinPath(this.root, "bases", `${name}.json`) };
  }

  async load(visionId: string): Promise<BaseRecord | undefined> {
    const p = this.paths(visionId);
    if (!(await this.files.exists(p.text)) || !(await this.files.exists(p.json))) return undefined;
    return parseRecord(await this.files.read(p.text), await this.files.read(p.json));
  }

  async save(visionId: string, record: BaseRecord): Promise<void> {
    const p = this.paths(visionId);
    // The text first, the JSON (which carries the text's hash) last: a save that stops halfway
    // leaves a pair that does not match, which reads as no record.
    await this.files.write(p.text, record.text);
    await this.files.write(p.json, serializeRecord(record));
  }

  private keep(): number {
    const k = this.options.keepBackups;
    const n = typeof k === "function" ? k() : k;
    return n === undefined || !Number.isFinite(n) || n < 0 ? DEFAULT_KEEP_BACKUPS : Math.floor(n);
  }

  async backup(visionId: string, notePath: string, content: string, when: Date): Promise<string | undefined> {
    const folder = joinPath(this.root, "backups", safeName(visionId));
    const existing = (await this.files.list(folder)).filter((f) => f.startsWith(`${folder}/`)).sort();
    const prefix = stamp(when);
    let n = 1;
    for (const f of existing) {
      const m = /^(\d{8}-\d{6})-(\d+)-/.exec(basename(f));
      if (m && m[1] === prefix) n = Math.max(n, parseInt(m[2], 10) + 1);
    }
    const path = joinPath(folder, `${prefix}-${pad(n, 3)}-${basename(notePath)}`);
    const keep = this.keep();
    if (keep > 0) await this.files.write(path, content);
    const all = keep > 0 ? [...existing, path].sort() : existing;
    for (const old of all.slice(0, Math.max(0, all.length - keep))) await this.files.remove(old);
    return keep > 0 ? path : undefined;
  }
}
