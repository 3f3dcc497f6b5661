import { MockDataAdapter } from "./adapter";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { List, Nodes } from "mdast";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { findWikilinks } from "../../src/core/links";
import { headingText, parseMarkdown } from "../../src/core/markdown/parse";
import { Events } from "./events";
import { normalizePath } from "./util";

/** Files and folders of the vault, the metadata cache and the file manager, over a real folder. */

export abstract class TAbstractFile {
  vault!: Vault;
  path = "";
  name = "";
  parent: TFolder | null = null;
}

export class TFile extends TAbstractFile {
  stat = { ctime: 0, mtime: 0, size: 0 };
  basename = "";
  extension = "";
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];
  isRoot(): boolean {
    return this.path === "/";
  }
}

function setPath(f: TAbstractFile, path: string): void {
  f.path = path;
  f.name = path === "/" ? "" : path.slice(path.lastIndexOf("/") + 1);
  if (f instanceof TFile) {
    const dot = f.name.lastIndexOf(".");
    f.basename = dot > 0 ? f.name.slice(0, dot) : f.name;
    f.extension = dot > 0 ? f.name.slice(dot + 1) : "";
  }
}

const parentPath = (path: string): string => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "/");

export class Vault extends Events {
  readonly adapter: MockDataAdapter;
  private files = new Map<string, TAbstractFile>();
  private root: TFolder;
  /** Test helper: how often each path was read (read and cachedRead). */
  readonly reads = new Map<string, number>();
  /** Test helper: every write, in order. */
  readonly writes: { op: string; path: string }[] = [];
  configDir = ".obsidian";
  metadataCache?: MetadataCache;

  constructor(readonly basePath: string) {
    super();
    this.adapter = new MockDataAdapter(basePath);
    this.root = new TFolder();
    this.root.vault = this;
    setPath(this.root, "/");
    this.files.set("/", this.root);
    this.scan("");
  }

  private scan(dir: string): void {
    for (const entry of readdirSync(join(this.basePath, dir), { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        this.addFolder(path);
        this.scan(path);
      } else if (entry.isFile()) this.addFile(path);
    }
  }

  private attach(f: TAbstractFile, path: string): void {
    f.vault = this;
    setPath(f, path);
    const parent = this.files.get(parentPath(path));
    if (!(parent instanceof TFolder)) throw new Error(`Folder ${parentPath(path)} does not exist.`);
    f.parent = parent;
    parent.children.push(f);
    this.files.set(path, f);
  }

  private addFolder(path: string): TFolder {
    const f = new TFolder();
    this.attach(f, path);
    return f;
  }

  private addFile(path: string): TFile {
    const f = new TFile();
    this.attach(f, path);
    this.stat(f);
    return f;
  }

  private stat(f: TFile): void {
    const s = statSync(join(this.basePath, f.path));
    f.stat = { ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size };
  }

  getName(): string {
    return "test-vault";
  }

  getRoot(): TFolder {
    return this.root;
  }

  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this.files.get(path) ?? null;
  }

  getFileByPath(path: string): TFile | null {
    const f = this.files.get(path);
    return f instanceof TFile ? f : null;
  }

  getFolderByPath(path: string): TFolder | null {
    const f = this.files.get(path === "" ? "/" : path);
    return f instanceof TFolder ? f : null;
  }

  getFiles(): TFile[] {
    return [...this.files.values()].filter((f): f is TFile => f instanceof TFile);
  }

  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === "md");
  }

  getAllLoadedFiles(): TAbstractFile[] {
    return [...this.files.values()];
  }

  async read(file: TFile): Promise<string> {
    this.reads.set(file.path, (this.reads.get(file.path) ?? 0) + 1);
    return this.adapter.read(file.path);
  }

  async cachedRead(file: TFile): Promise<string> {
    return this.read(file);
  }

  private checkNew(path: string): void {
    if (path !== normalizePath(path)) throw new Error(`Path ${path} is not normalized.`);
    if (this.files.has(path)) throw new Error("File already exists.");
  }

  async create(path: string, data: string): Promise<TFile> {
    this.checkNew(path);
    if (!this.getFolderByPath(parentPath(path))) throw new Error(`Folder ${parentPath(path)} does not exist.`);
    await this.adapter.write(path, data);
    const f = this.addFile(path);
    this.writes.push({ op: "create", path });
    this.trigger("create", f);
    this.metadataCache?.reindex(f, data);
    return f;
  }

  async createFolder(path: string): Promise<TFolder> {
    this.checkNew(path);
    const parts = path.split("/");
    let made: TFolder | undefined;
    for (let i = 1; i <= parts.length; i++) {
      const p = parts.slice(0, i).join("/");
      if (this.files.has(p)) continue;
      mkdirSync(join(this.basePath, p), { recursive: true });
      made = this.addFolder(p);
      this.trigger("create", made);
    }
    return made ?? this.getFolderByPath(path)!;
  }

  async modify(file: TFile, data: string): Promise<void> {
    await this.adapter.write(file.path, data);
    this.stat(file);
    this.writes.push({ op: "modify", path: file.path });
    this.trigger("modify", file);
    this.metadataCache?.reindex(file, data);
  }

  async process(file: TFile, fn: (data: string) => string): Promise<string> {
    const next = fn(await this.adapter.read(file.path));
    await this.modify(file, next);
    return next;
  }

  async append(file: TFile, data: string): Promise<void> {
    await this.modify(file, (await this.adapter.read(file.path)) + data);
  }

  async delete(file: TAbstractFile): Promise<void> {
    await this.remove(file);
  }

  /** Removes a file or folder (what delete and trash both do here). */
  async remove(file: TAbstractFile): Promise<void> {
    rmSync(join(this.basePath, file.path), { recursive: true, force: true });
    const gone = [...this.files.keys()].filter((p) => p === file.path || p.startsWith(`${file.path}/`));
    for (const p of gone) {
      const f = this.files.get(p)!;
      this.files.delete(p);
      if (f instanceof TFile) this.metadataCache?.forget(f);
    }
    if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
    this.writes.push({ op: "delete", path: file.path });
    this.trigger("delete", file);
  }

  async trash(file: TAbstractFile): Promise<void> {
    await this.remove(file);
  }

  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    this.checkNew(newPath);
    const oldPath = file.path;
    renameSync(join(this.basePath, oldPath), join(this.basePath, newPath));
    const moved = [...this.files.entries()].filter(([p]) => p === oldPath || p.startsWith(`${oldPath}/`));
    if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
    for (const [p, f] of moved) {
      this.files.delete(p);
      const next = newPath + p.slice(oldPath.length);
      setPath(f, next);
      this.files.set(next, f);
    }
    const parent = this.getFolderByPath(parentPath(newPath));
    file.parent = parent;
    parent?.children.push(file);
    this.writes.push({ op: "rename", path: newPath });
    this.trigger("rename", file, oldPath);
    for (const [, f] of moved) if (f instanceof TFile) this.metadataCache?.renamed(f, oldPath + f.path.slice(newPath.length));
  }
}

/** The parts of CachedMetadata the plugin reads. */
export interface MockCache {
  frontmatter?: Record<string, unknown>;
  frontmatterPosition?: Pos;
  frontmatterLinks?: { key: string; link: string; original: string; displayText?: string }[];
  headings?: { heading: string; level: number; position: Pos }[];
  listItems?: { parent: number; task?: string; position: Pos }[];
  links?: { link: string; original: string; displayText?: string; position: Pos }[];
}

interface Pos {
  start: { line: number; col: number; offset: number };
  end: { line: number; col: number; offset: number };
}

function pos(node: Nodes): Pos {
  const p = node.position!;
  return {
    start: { line: p.start.line - 1, col: p.start.column - 1, offset: p.start.offset ?? 0 },
    end: { line: p.end.line - 1, col: p.end.column - 1, offset: p.end.offset ?? 0 },
  };
}

/** Computes what Obsidian's metadata cache holds for a note (0-based lines, like Obsidian). */
export function computeCache(path: string, text: string): MockCache {
  const doc = parseMarkdown(path, text);
  const cache: MockCache = {};
  const first = doc.root.children[0];
  if (first?.type === "yaml") {
    try {
      const fm: unknown = parseYaml(first.value);
      if (fm && typeof fm === "object" && !Array.isArray(fm)) {
        cache.frontmatter = fm as Record<string, unknown>;
        cache.frontmatterLinks = [];
        for (const [key, value] of Object.entries(fm)) {
          for (const v of Array.isArray(value) ? value : [value]) {
            const m = typeof v === "string" ? /^\[\[([^\]|]+)(?:\|([^\]]*))?\]\]$/.exec(v.trim()) : null;
            if (m) cache.frontmatterLinks.push({ key, link: m[1], original: v as string, displayText: m[2] ?? m[1] });
          }
        }
      }
    } catch {
      // Obsidian keeps no frontmatter for invalid YAML.
    }
    cache.frontmatterPosition = pos(first);
  }
  const headings: MockCache["headings"] = [];
  const listItems: NonNullable<MockCache["listItems"]> = [];
  const lines = text.split(/\r?\n/);
  const visitList = (list: List, parentLine: number): void => {
    for (const item of list.children) {
      const p = pos(item);
      const entry: { parent: number; task?: string; position: Pos } = { parent: parentLine, position: p };
      const box = /^\s*(?:[-*+]|\d+[.)])\s+\[(.)\]/.exec(lines[p.start.line] ?? "");
      if (box) entry.task = box[1];
      listItems.push(entry);
      for (const child of item.children) if (child.type === "list") visitList(child, p.start.line);
    }
  };
  const visit = (nodes: Nodes[]): void => {
    for (const node of nodes) {
      if (node.type === "heading") headings.push({ heading: headingText(doc, node), level: node.depth, position: pos(node) });
      else if (node.type === "list") visitList(node, -pos(node).start.line - 1);
      else if (node.type === "blockquote") visit(node.children);
    }
  };
  visit(doc.root.children);
  if (headings.length) cache.headings = headings;
  if (listItems.length) cache.listItems = listItems;
  const links = findWikilinks(text).map((l) => ({
    link: l.subpath ? `${l.path}#${l.subpath}` : l.path,
    original: "",
    displayText: l.alias,
    position: { start: { line: l.line - 1, col: 0, offset: 0 }, end: { line: l.line - 1, col: 0, offset: 0 } },
  }));
  if (links.length) cache.links = links;
  return cache;
}

export class MetadataCache extends Events {
  private caches = new Map<string, MockCache>();
  resolvedLinks: Record<string, Record<string, number>> = {};
  unresolvedLinks: Record<string, Record<string, number>> = {};
  private pending: Promise<void> = Promise.resolve();
  /** Test helper: how many notes were indexed (at start and after changes). */
  indexed = 0;

  constructor(private readonly vault: Vault) {
    super();
    vault.metadataCache = this;
  }

  /** Indexes every note, as the cache Obsidian restores at startup already holds. */
  async initialize(): Promise<void> {
    for (const f of this.vault.getMarkdownFiles()) this.set(f, await this.vault.adapter.read(f.path));
    this.resolveAll();
  }

  private set(file: TFile, text: string): MockCache {
    const cache = computeCache(file.path, text);
    this.caches.set(file.path, cache);
    this.indexed++;
    return cache;
  }

  getFileCache(file: TFile): MockCache | null {
    return this.caches.get(file.path) ?? null;
  }

  getCache(path: string): MockCache | null {
    return this.caches.get(path) ?? null;
  }

  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    const path = linkpath.split("#")[0].trim();
    if (!path) return this.vault.getFileByPath(sourcePath);
    const withMd = /\.[a-z0-9]+$/i.test(path) ? path : `${path}.md`;
    const exact = this.vault.getFileByPath(normalizePath(withMd));
    if (exact) return exact;
    const folder = parentPath(sourcePath);
    const relative = this.vault.getFileByPath(normalizePath(folder === "/" ? withMd : `${folder}/${withMd}`));
    if (relative) return relative;
    const name = withMd.slice(withMd.lastIndexOf("/") + 1).toLowerCase();
    const candidates = this.vault.getFiles().filter((f) => f.name.toLowerCase() === name && f.path.toLowerCase().endsWith(withMd.toLowerCase()));
    return candidates.find((f) => parentPath(f.path) === folder) ?? candidates[0] ?? null;
  }

  fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
    return omitMdExtension && file.extension === "md" ? file.path.slice(0, -3) : file.path;
  }

  private resolve(path: string): void {
    const cache = this.caches.get(path);
    const resolved: Record<string, number> = {};
    const unresolved: Record<string, number> = {};
    const targets = [...(cache?.links ?? []).map((l) => l.link), ...(cache?.frontmatterLinks ?? []).map((l) => l.link)];
    for (const link of targets) {
      const dest = this.getFirstLinkpathDest(link, path);
      if (dest) resolved[dest.path] = (resolved[dest.path] ?? 0) + 1;
      else unresolved[link.split("#")[0]] = (unresolved[link.split("#")[0]] ?? 0) + 1;
    }
    this.resolvedLinks[path] = resolved;
    this.unresolvedLinks[path] = unresolved;
  }

  private resolveAll(): void {
    for (const path of this.caches.keys()) this.resolve(path);
  }

  /** Called by the vault after a note's content changed: indexes it a moment later, then fires events. */
  reindex(file: TFile, text: string): void {
    if (file.extension !== "md") return;
    this.pending = this.pending.then(async () => {
      await new Promise((r) => setTimeout(r, 0));
      if (this.vault.getFileByPath(file.path) !== file) return;
      const cache = this.set(file, text);
      this.trigger("changed", file, text, cache);
      this.resolveAll();
      this.trigger("resolve", file);
      this.trigger("resolved");
    });
  }

  forget(file: TFile): void {
    const prev = this.caches.get(file.path) ?? null;
    this.caches.delete(file.path);
    delete this.resolvedLinks[file.path];
    delete this.unresolvedLinks[file.path];
    this.trigger("deleted", file, prev);
  }

  renamed(file: TFile, oldPath: string): void {
    const cache = this.caches.get(oldPath);
    this.caches.delete(oldPath);
    if (cache) this.caches.set(file.path, cache);
    delete this.resolvedLinks[oldPath];
    this.resolveAll();
  }

  /** Test helper: resolves once every queued re-index has run and fired its events. */
  async settled(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.pending) {
      seen = this.pending;
      await seen;
    }
  }
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(\r?\n|$)/;

export class FileManager {
  constructor(private readonly vault: Vault) {}

  /** Reads the frontmatter as an object, lets `fn` change it, writes it back as YAML. */
  async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void): Promise<void> {
    const text = await this.vault.adapter.read(file.path);
    const m = FRONTMATTER.exec(text);
    const data: Record<string, unknown> = m ? ((parseYaml(m[1]) as Record<string, unknown> | null) ?? {}) : {};
    fn(data);
    const yaml = Object.keys(data).length ? stringifyYaml(data, { defaultStringType: "PLAIN", lineWidth: 0 }) : "";
    const block = `---\n${yaml}---\n`;
    const next = m ? block + text.slice(m[0].length) : block + text;
    await this.vault.modify(file, next);
  }

  async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
    await this.vault.rename(file, newPath);
  }

  async trashFile(file: TAbstractFile): Promise<void> {
    await this.vault.remove(file);
  }

  /** Next to the source note (as with "same folder as current file"), with a free name. */
  async getAvailablePathForAttachment(filename: string, sourcePath?: string): Promise<string> {
    const folder = sourcePath && sourcePath.includes("/") ? sourcePath.slice(0, sourcePath.lastIndexOf("/")) : "";
    const dot = filename.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [filename.slice(0, dot), filename.slice(dot)] : [filename, ""];
    for (let i = 0; ; i++) {
      const name = i === 0 ? filename : `${stem} ${i}${ext}`;
      const path = folder ? `${folder}/${name}` : name;
      if (!this.vault.getAbstractFileByPath(path)) return path;
    }
  }

  getNewFileParent(): TFolder {
    return this.vault.getRoot();
  }
}
