import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { FileAccess } from "../core/files";
import { CliError } from "./command";

const SKIP = new Set([".git", "node_modules", ".obsidian", ".trash", ".intentk"]);

/** The project's file-access interface over a real folder. Writes go to a temp file, then rename. */
export class NodeFiles implements FileAccess {
  constructor(readonly root: string) {}

  private abs(p: string): string {
    const resolved = path.resolve(this.root, p);
    const rel = path.relative(this.root, resolved);
    if (rel.startsWith("..") || path.isAbsolute(rel)) throw new Error(`Path ${p} is outside ${this.root}`);
    return resolved;
  }

  async list(folder = ""): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(this.abs(dir), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!SKIP.has(e.name)) await walk(rel);
        } else if (e.isFile() || e.isSymbolicLink()) out.push(rel);
      }
    };
    await walk(folder.replace(/\/+$/, ""));
    return out.sort();
  }

  async read(p: string): Promise<string> {
    try {
      return await fs.readFile(this.abs(p), "utf8");
    } catch (e) {
      throw new CliError(`Cannot read ${p}: ${(e as { code?: string }).code ?? (e as Error).message}`);
    }
  }

  async exists(p: string): Promise<boolean> {
    try {
      await fs.access(this.abs(p));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Writes atomically: a temporary file beside the note, then a rename over it. A symlinked note is
   * written through to its target (the link stays), and an existing note keeps its permissions.
   */
  async write(p: string, content: string): Promise<void> {
    let target = this.abs(p);
    let mode: number | undefined;
    try {
      target = await fs.realpath(target);
      mode = (await fs.stat(target)).mode;
    } catch {
      // a new note
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temp, content, { encoding: "utf8", mode });
    await fs.rename(temp, target);
  }

  async process(p: string, fn: (current: string) => string): Promise<string> {
    const next = fn(await this.read(p));
    await this.write(p, next);
    return next;
  }
}
