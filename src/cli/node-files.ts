import { realpathSync, promises as fs, type Stats } from "node:fs";
import * as path from "node:path";
import type { FileAccess } from "../core/files";
import { CliError } from "./command";
import { describeFsError } from "./fs-errors";
import { firstInvalidUtf8 } from "./utf8";

const SKIP = new Set([".git", "node_modules", ".obsidian", ".trash", ".intentk"]);
/** The CLI's own folder: never followed through a symlink, nothing deleted outside it. */
export const STORE_FOLDER = ".intentk";
/**
 * Longest file name (in UTF-8 bytes) the CLI writes: most file systems allow 255, and a write goes
 * through a temporary name beside the note.
 */
export const MAX_NAME_BYTES = 200;

export interface NodeFilesOptions {
  /** Write through symlinks whose target lies outside the root (`--follow-symlinks`). */
  followSymlinks?: boolean;
  /** Hears about files skipped or read with a problem (one line each, once per file). */
  warn?: (message: string) => void;
}

type FileKind = Pick<Stats, "isDirectory" | "isFIFO" | "isSocket" | "isCharacterDevice" | "isBlockDevice">;
const kindOf = (s: FileKind): string =>
  s.isDirectory() ? "a folder" : s.isFIFO() ? "a named pipe (FIFO)" : s.isSocket() ? "a socket" : s.isCharacterDevice() || s.isBlockDevice() ? "a device" : "not a regular file";

/**
 * The project's file-access interface over a real folder, confined to it: nothing is written or
 * removed outside the root (unless `followSymlinks`), `.intentk/` is never reached through a
 * symlink, and only regular files are opened (a FIFO would block a read forever).
 */
export class NodeFiles implements FileAccess {
  private readonly realRoot: string;
  /** Notes that hold bytes that are not UTF-8, with where: read leniently, never rewritten. */
  private readonly notUtf8 = new Map<string, string>();
  private readonly warned = new Set<string>();

  constructor(
    readonly root: string,
    private readonly options: NodeFilesOptions = {},
  ) {
    try {
      this.realRoot = realpathSync(root);
    } catch {
      this.realRoot = path.resolve(root);
    }
  }

  private warn(file: string, message: string): void {
    if (this.warned.has(file)) return;
    this.warned.add(file);
    // A control character in a file name (a newline) must not break the one-line warning.
    // eslint-disable-next-line no-control-regex -- control characters are what this escapes
    this.options.warn?.(`warning: ${file}: ${message}`.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1)));
  }

  private abs(p: string): string {
    const resolved = path.resolve(this.root, p);
    const rel = path.relative(this.root, resolved);
    // Segments, not prefixes: a note named "..notes.md" is inside.
    if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) throw new CliError(`${p} is outside ${this.root}; give a path inside the folder.`);
    return resolved;
  }

  private inside(real: string): boolean {
    return real === this.realRoot || real.startsWith(`${this.realRoot}${path.sep}`);
  }

  /** Under `.intentk/`, no component may be a symlink (bases and backups never leave the folder). */
  private async checkStorePath(p: string): Promise<void> {
    const parts = p.split("/").filter(Boolean);
    if (parts[0] !== STORE_FOLDER) return;
    let current = this.root;
    for (const part of parts) {
      current = path.join(current, part);
      let s: Stats;
      try {
        s = await fs.lstat(current);
      } catch {
        return; // does not exist yet: it is created as a real folder or file
      }
      if (s.isSymbolicLink()) {
        throw new CliError(`${path.relative(this.root, current)} is a symlink; Intent Kit keeps its files in ${STORE_FOLDER}/ only as real folders: replace it with a folder (or remove it).`);
      }
    }
  }

  async list(folder = ""): Promise<string[]> {
    const start = folder.replace(/\/+$/, "");
    await this.checkStorePath(start);
    const out: string[] = [];
    const seen = new Set<string>();
    const walk = async (dir: string): Promise<void> => {
      const abs = this.abs(dir);
      try {
        const real = await fs.realpath(abs);
        if (seen.has(real)) return; // a symlinked folder already walked (or a loop)
        seen.add(real);
      } catch {
        return;
      }
      let entries;
      try {
        entries = await fs.readdir(abs, { withFileTypes: true });
      } catch (e) {
        if (dir !== start) this.warn(dir, `skipped: ${describeFsError(e, "read this folder")}`);
        else if (!["ENOENT", "ENOTDIR"].includes((e as { code?: string }).code ?? "")) throw new CliError(`${start || this.root}: ${describeFsError(e, "read this folder")}`);
        return;
      }
      for (const e of entries) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (SKIP.has(e.name) && (e.isDirectory() || e.isSymbolicLink())) continue;
        if (e.isDirectory()) await walk(rel);
        else if (e.isFile()) out.push(rel);
        else if (e.isSymbolicLink()) {
          // Followed for reading (a repository's visions/ linked in on purpose), when it leads somewhere.
          let target: Stats;
          try {
            target = await fs.stat(path.join(abs, e.name));
          } catch (err) {
            if (rel.toLowerCase().endsWith(".md")) this.warn(rel, `skipped: ${describeFsError(err, "follow this symlink")}`);
            continue;
          }
          if (target.isDirectory()) {
            if (await this.followFolder(path.join(abs, e.name), rel)) await walk(rel);
            else this.warn(rel, `skipped: a symlink to a folder outside ${this.root}; only visions/ and specs/ folders (and the vision folders in them) are followed out of it.`);
          }
          else if (target.isFile()) out.push(rel);
          else if (rel.toLowerCase().endsWith(".md")) this.warn(rel, `skipped: a symlink to ${kindOf(target)}, which is never opened`);
        } else if (rel.toLowerCase().endsWith(".md")) this.warn(rel, `skipped: ${kindOf(e)}, which is never opened`);
      }
    };
    await walk(start);
    return out.sort();
  }

  /**
   * Whether a symlinked folder is walked: always inside the root; out of it only a `visions/` or
   * `specs/` folder or a folder directly in one (a repository's visions linked in on purpose), never
   * a link to a home folder or `/` that would make a scan walk the whole disk.
   */
  private async followFolder(abs: string, rel: string): Promise<boolean> {
    try {
      if (this.inside(await fs.realpath(abs))) return true;
    } catch {
      return false;
    }
    const names = new Set(["visions", "specs"]);
    const parts = rel.toLowerCase().split("/");
    return names.has(parts[parts.length - 1]) || (parts.length > 1 && names.has(parts[parts.length - 2]));
  }

  async read(p: string): Promise<string> {
    await this.checkStorePath(p);
    const abs = this.abs(p);
    let buffer: Buffer;
    try {
      // Opened only when it is a regular file: a FIFO or device would block or never end.
      const s = await fs.stat(abs);
      if (!s.isFile()) throw new CliError(`${p}: ${kindOf(s)}, which is never opened; replace it with a note.`);
      buffer = await fs.readFile(abs);
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`${p}: ${describeFsError(e, "read it")}`);
    }
    const bad = firstInvalidUtf8(buffer);
    if (bad !== undefined) {
      const line = buffer.subarray(0, bad).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
      const where = `byte ${bad} (line ${line})`;
      this.notUtf8.set(p, where);
      this.warn(p, `holds bytes that are not UTF-8 at ${where}; it is read with replacement characters and never rewritten: save it as UTF-8.`);
    }
    return buffer.toString("utf8");
  }

  async exists(p: string): Promise<boolean> {
    try {
      // lstat: a dangling symlink exists (and fails to read) rather than being replaced.
      await fs.lstat(this.abs(p));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Why writing `p` must not or cannot happen, as the end of a one-line message; undefined when it
   * can. Asked before anything of a run is written.
   */
  async writeProblem(p: string): Promise<string | undefined> {
    try {
      await this.checkStorePath(p);
    } catch (e) {
      return (e as Error).message;
    }
    const abs = this.abs(p);
    // The file's own name (its folders exist or are Intent Kit's short ones).
    const name = path.basename(abs);
    if (Buffer.byteLength(name) > MAX_NAME_BYTES) return `${p}: the file name "${name.slice(0, 40)}…" is longer than ${MAX_NAME_BYTES} bytes; shorten it.`;
    let existing: Stats | undefined;
    try {
      existing = await fs.lstat(abs);
    } catch {
      // a new file
    }
    if (existing) {
      let real: string;
      let s: Stats;
      try {
        real = await fs.realpath(abs);
        s = await fs.stat(real);
      } catch (e) {
        return `${p}: ${describeFsError(e, "follow this symlink")}; not written: fix or remove the link.`;
      }
      if (!this.inside(real) && !this.options.followSymlinks) {
        return `${p} is a symlink to ${real}, outside ${this.root}; not written: pass --follow-symlinks to write through it.`;
      }
      if (!s.isFile()) return `${p}: ${kindOf(s)}, not a note; not written: move it away.`;
      const where = this.notUtf8.get(p);
      if (where) return `${p} holds bytes that are not UTF-8 at ${where}; not rewritten: save it as UTF-8 and run again.`;
      // Mode bits as well as access(): the super-user may write anything, but a note marked
      // read-only was marked so on purpose.
      if ((s.mode & 0o222) === 0) return `${p} is read-only; not replaced: make it writable (chmod u+w) to update it.`;
      try {
        await fs.access(real, fs.constants.W_OK);
      } catch (e) {
        return `${p}: ${describeFsError(e, "write it")}`;
      }
      return undefined;
    }
    // A new file: its nearest existing folder decides where it really goes and whether it can.
    let dir = path.dirname(abs);
    for (;;) {
      try {
        const real = await fs.realpath(dir);
        if (!this.inside(real) && !this.options.followSymlinks) {
          return `${p} would be written into ${real}, outside ${this.root} (a symlinked folder); not written: pass --follow-symlinks to write through it.`;
        }
        await fs.access(real, fs.constants.W_OK);
        return undefined;
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === "ENOENT" && dir !== this.root && dir !== path.dirname(dir)) {
          dir = path.dirname(dir);
          continue;
        }
        return `${path.relative(this.root, dir) || this.root}: ${describeFsError(e, "write into this folder")}`;
      }
    }
  }

  /**
   * Writes atomically: a temporary file beside the note, then a rename over it. A symlinked note is
   * written through to its target (the link stays) when that target is inside the root or
   * `followSymlinks` allows it, and an existing note keeps its permissions.
   */
  async write(p: string, content: string): Promise<void> {
    const problem = await this.writeProblem(p);
    if (problem) throw new CliError(problem);
    let target = this.abs(p);
    let mode: number | undefined;
    try {
      target = await fs.realpath(target);
      mode = (await fs.stat(target)).mode;
    } catch {
      // a new note
    }
    const temp = path.join(path.dirname(target), `.intentk-${process.pid}-${Date.now()}.tmp`);
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await this.checkStorePath(p); // a folder created meanwhile by someone else
      await fs.writeFile(temp, content, { encoding: "utf8", mode });
      await fs.rename(temp, target);
    } catch (e) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      if (e instanceof CliError) throw e;
      throw new CliError(`${p}: ${describeFsError(e, "write it")}`);
    }
  }

  /**
   * Removes a file Intent Kit keeps in `.intentk/`: only a regular file reached without a symlink
   * and whose real path is inside the root; anything else is left alone with an error.
   */
  async remove(p: string): Promise<void> {
    if (p.split("/")[0] !== STORE_FOLDER) throw new CliError(`${p}: Intent Kit removes only its own files in ${STORE_FOLDER}/; left alone.`);
    await this.checkStorePath(p);
    const abs = this.abs(p);
    let s: Stats;
    try {
      s = await fs.lstat(abs);
    } catch {
      return;
    }
    if (!s.isFile() || !this.inside(await fs.realpath(abs))) throw new CliError(`${p} is not a file Intent Kit wrote; left alone: remove it by hand if it is not needed.`);
    await fs.rm(abs);
  }

  async process(p: string, fn: (current: string) => string): Promise<string> {
    const next = fn(await this.read(p));
    await this.write(p, next);
    return next;
  }
}
