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
  /**
   * The hash (`hashText`) of the whole note written together with this base. The base is saved
   * before the note, so a run stopped between the two leaves a base whose `noteHash` matches no
   * note: with the note's `body-hash` also naming another generation, the base is stale.
   */
  noteHash?: string;
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

/**
 * The key a vision's records are stored under: its folder path, so two visions with the same
 * folder name in different places never share a merge base.
 */
export function baseKey(ref: { folder: string; id: string }): string {
  return ref.folder || ref.id;
}

/** Longest stored file name stem in UTF-8 bytes (file systems allow 255; a backup adds a prefix). */
const MAX_STEM_BYTES = 150;
const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/**
 * A vision id made safe as a file name (ids are folder names, but a store should never escape its
 * folder); a long one is cut and told apart by its hash, so it never exceeds a file name's limit.
 */
export function safeName(id: string): string {
  const name = id.replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "_") || "_";
  if (utf8Length(name) <= MAX_STEM_BYTES) return name;
  let cut = [...name].slice(0, MAX_STEM_BYTES - 20).join("");
  while (utf8Length(cut) > MAX_STEM_BYTES - 20) cut = [...cut].slice(0, -1).join("");
  return `${cut}-${hashText(id).slice(0, 16)}`;
}

/** The names `backup` gives its copies: the only files backup pruning ever removes. */
const BACKUP_NAME = /^(\d{8}-\d{6})-(\d{3,})-[^/]+\.md$/;

export function serializeRecord(record: BaseRecord): string {
  const data = { version: VERSION, note: record.note, textHash: hashText(record.text), noteHash: record.noteHash, ids: record.ids, snapshot: record.snapshot };
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
    return { note: data.note, text, ids, snapshot: data.snapshot, ...(typeof data.noteHash === "string" ? { noteHash: data.noteHash } : {}) };
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

  /** Every path a save or backup of this vision writes into (a backup's as a sample name), for checks before writing. */
  pathsOf(visionId: string): string[] {
    const p = this.paths(visionId);
    return [p.text, p.json, joinPath(this.root, "backups", safeName(visionId), "00000000-000000-001-execute.md")];
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
    // Only files named as this method names them count (and are pruned): anything else a user put
    // there is left alone.
    const existing = (await this.files.list(folder)).filter((f) => f.startsWith(`${folder}/`) && !f.slice(folder.length + 1).includes("/") && BACKUP_NAME.test(basename(f))).sort();
    const prefix = stamp(when);
    let n = 1;
    for (const f of existing) {
      const m = BACKUP_NAME.exec(basename(f));
      if (m && m[1] === prefix) n = Math.max(n, parseInt(m[2], 10) + 1);
    }
    const path = joinPath(folder, `${prefix}-${pad(n, 3)}-${safeName(basename(notePath).replace(/\.md$/i, ""))}.md`);
    const keep = this.keep();
    if (keep > 0) await this.files.write(path, content);
    const all = keep > 0 ? [...existing, path].sort() : existing;
    for (const old of all.slice(0, Math.max(0, all.length - keep))) await this.files.remove(old);
    return keep > 0 ? path : undefined;
  }
}
