import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { DataAdapter, ListedFiles } from "obsidian";
import { NodeFiles } from "../../src/cli/node-files";
import { type BaseRecord, FolderBaseStore, type StoreFiles } from "../../src/core/base-store";
import { ObsidianBaseStore, pluginDataFolder } from "../../src/obsidian/base-store";
import { scratchDir } from "../helpers";

const record = (text: string): BaseRecord => ({
  note: "visions/001-x/execute.md",
  text,
  ids: { "m1:deliverable:a": "T001", "m1:deliverable:gone": "T002" },
  snapshot: { sources: { plan: { file: "plan.md", hash: "abcd1234" } }, milestones: [] },
});

function diskStore(dir: string, keep?: number): FolderBaseStore {
  const files = new NodeFiles(dir);
  const store: StoreFiles = {
    read: (p) => files.read(p),
    write: (p, c) => files.write(p, c),
    exists: (p) => files.exists(p),
    list: (p) => files.list(p),
    remove: (p) => rm(join(dir, p), { force: true }),
  };
  return new FolderBaseStore(store, ".intentk", { keepBackups: keep });
}

describe("the folder base store", () => {
  let scratch: { dir: string; cleanup: () => void };
  beforeEach(() => (scratch = scratchDir()));
  afterEach(() => scratch.cleanup());

  test("keeps the base text byte for byte beside its ID map and plan snapshot", async () => {
    const store = diskStore(scratch.dir);
    expect(await store.load("001-x")).toBeUndefined();
    const text = "---\nintentk: execute\n---\r\n# Execution Plan: X\n- [ ] T001 A ^t001\n";
    await store.save("001-x", record(text));
    expect(readFileSync(join(scratch.dir, ".intentk/bases/001-x.md"), "utf8")).toBe(text);
    expect(await store.load("001-x")).toEqual(record(text));
  });

  test("a damaged record, or a text that is not the one the record was saved with, reads as no record", async () => {
    const store = diskStore(scratch.dir);
    await store.save("001-x", record("x"));
    writeFileSync(join(scratch.dir, ".intentk/bases/001-x.md"), "x, half-written");
    expect(await store.load("001-x")).toBeUndefined();
    await store.save("001-x", record("x"));
    writeFileSync(join(scratch.dir, ".intentk/bases/001-x.json"), "{ not json");
    expect(await store.load("001-x")).toBeUndefined();
  });

  test("keeps the last N backups of a note, oldest removed first", async () => {
    const store = diskStore(scratch.dir, 2);
    const when = new Date(2026, 5, 1, 9, 30, 0);
    const paths = [];
    for (const v of ["one", "two", "three"]) paths.push(await store.backup("001-x", "visions/001-x/execute.md", v, when));
    expect(paths[0]).toBe(".intentk/backups/001-x/20260601-093000-001-execute.md");
    const folder = join(scratch.dir, ".intentk/backups/001-x");
    expect(readdirSync(folder)).toEqual(["20260601-093000-002-execute.md", "20260601-093000-003-execute.md"]);
    expect(readFileSync(join(folder, "20260601-093000-003-execute.md"), "utf8")).toBe("three");
    expect(await diskStore(scratch.dir, 0).backup("001-x", "visions/001-x/execute.md", "four", when)).toBeUndefined();
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });
});

/** A DataAdapter over a plain map, with the calls the store makes. */
class MemoryAdapter {
  files = new Map<string, string>();
  folders = new Set<string>([""]);
  exists(p: string): Promise<boolean> {
    return Promise.resolve(this.files.has(p) || this.folders.has(p));
  }
  read(p: string): Promise<string> {
    const t = this.files.get(p);
    return t === undefined ? Promise.reject(new Error(`ENOENT ${p}`)) : Promise.resolve(t);
  }
  write(p: string, data: string): Promise<void> {
    const parent = p.slice(0, p.lastIndexOf("/"));
    if (!this.folders.has(parent)) return Promise.reject(new Error(`no folder ${parent}`));
    this.files.set(p, data);
    return Promise.resolve();
  }
  mkdir(p: string): Promise<void> {
    this.folders.add(p);
    return Promise.resolve();
  }
  list(p: string): Promise<ListedFiles> {
    const files = [...this.files.keys()].filter((f) => f.startsWith(`${p}/`) && !f.slice(p.length + 1).includes("/"));
    return Promise.resolve({ files, folders: [] });
  }
  remove(p: string): Promise<void> {
    this.files.delete(p);
    return Promise.resolve();
  }
}

describe("the plugin's base store", () => {
  // Vault notes are read through the vault (getFileByPath + cachedRead), plugin data through the adapter.
  const app = (adapter: MemoryAdapter) =>
    ({
      vault: {
        configDir: ".obsidian",
        adapter: adapter as unknown as DataAdapter,
        getFileByPath: (p: string) => (adapter.files.has(p) ? { path: p } : null),
        cachedRead: (f: { path: string }) => adapter.read(f.path),
      },
    }) as never;
  const dataFolder = ".obsidian/plugins/intent-kit";

  test("the data folder is the plugin's install folder (manifest.dir), else <config dir>/plugins/<id>", () => {
    const a = app(new MemoryAdapter());
    expect(pluginDataFolder(a, { id: "intent-kit", dir: "config/plugins/intent-kit-beta" })).toBe("config/plugins/intent-kit-beta");
    expect(pluginDataFolder(a, { id: "intent-kit" })).toBe(".obsidian/plugins/intent-kit");
  });

  test("writes into the plugin's data folder and reads it back", async () => {
    const adapter = new MemoryAdapter();
    const store = new ObsidianBaseStore(app(adapter), { dataFolder, keepBackups: () => 1 });
    await store.save("001-x", record("base text"));
    expect(adapter.files.get(".obsidian/plugins/intent-kit/bases/001-x.md")).toBe("base text");
    expect((await store.load("001-x"))?.text).toBe("base text");
    await store.backup("001-x", "visions/001-x/execute.md", "old", new Date(2026, 0, 1));
    await store.backup("001-x", "visions/001-x/execute.md", "older", new Date(2026, 0, 2));
    expect([...adapter.files.keys()].filter((k) => k.includes("/backups/"))).toEqual([".obsidian/plugins/intent-kit/backups/001-x/20260102-000000-001-execute.md"]);
  });

  test("when the command line also keeps a base, the one the note was generated from wins", async () => {
    const adapter = new MemoryAdapter();
    const store = new ObsidianBaseStore(app(adapter), { dataFolder });
    const cli = new FolderBaseStore(
      { read: (p) => adapter.read(p), write: async (p, c) => {
          for (const f of [".intentk", ".intentk/bases"]) await adapter.mkdir(f);
          await adapter.write(p, c);
        }, exists: (p) => adapter.exists(p), list: async (p) => (await adapter.list(p)).files, remove: (p) => adapter.remove(p) },
      ".intentk",
    );
    await store.save("001-x", record("---\nbody-hash: x\n---\nplugin generation\n"));
    await cli.save("001-x", record("---\nbody-hash: x\n---\ncli generation\n"));
    const { hashText } = await import("../../src/core/text/normalize");
    await adapter.mkdir("visions");
    await adapter.mkdir("visions/001-x");
    await adapter.write("visions/001-x/execute.md", `---\nbody-hash: "${hashText("cli generation\n")}"\n---\ncli generation\nand my edits\n`);
    expect((await store.load("001-x"))?.text).toContain("cli generation");
    await adapter.write("visions/001-x/execute.md", `---\nbody-hash: "${hashText("plugin generation\n")}"\n---\nplugin generation\n`);
    expect((await store.load("001-x"))?.text).toContain("plugin generation");
  });
});
