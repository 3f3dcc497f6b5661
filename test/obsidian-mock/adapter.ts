import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { NodeFiles } from "../../src/cli/node-files";

/**
 * Obsidian's DataAdapter over the vault's real folder: reads and writes any path, hidden folders
 * (the config folder, where plugins keep their data) included.
 */
export class MockDataAdapter {
  private readonly files: NodeFiles;

  constructor(readonly basePath: string) {
    this.files = new NodeFiles(basePath);
  }

  getBasePath(): string {
    return this.basePath;
  }

  read(path: string): Promise<string> {
    return this.files.read(path);
  }

  write(path: string, data: string): Promise<void> {
    return this.files.write(path, data);
  }

  exists(path: string): Promise<boolean> {
    return this.files.exists(path);
  }

  mkdir(path: string): Promise<void> {
    mkdirSync(join(this.basePath, path), { recursive: true });
    return Promise.resolve();
  }

  /** Direct children of a folder, as vault paths. */
  list(path: string): Promise<{ files: string[]; folders: string[] }> {
    const files: string[] = [];
    const folders: string[] = [];
    for (const e of readdirSync(join(this.basePath, path), { withFileTypes: true })) {
      (e.isDirectory() ? folders : files).push(path ? `${path}/${e.name}` : e.name);
    }
    return Promise.resolve({ files, folders });
  }

  remove(path: string): Promise<void> {
    rmSync(join(this.basePath, path), { force: true });
    return Promise.resolve();
  }
}
