import { promises as fs } from "node:fs";
import { hostname } from "node:os";
import * as path from "node:path";
import { CliError } from "./command";
import { describeFsError } from "./fs-errors";
import { type NodeFiles, STORE_FOLDER } from "./node-files";

export const LOCK_FILE = `${STORE_FOLDER}/lock`;
/** A lock older than this is stale whatever its process: no run holds it this long. */
export const LOCK_STALE_MS = 30 * 60 * 1000;
/** A lock file still empty after this long was left by a run that died while creating it. */
const EMPTY_GRACE_MS = 10 * 1000;

interface LockInfo {
  pid: number;
  host: string;
  time: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === "EPERM"; // exists, owned by someone else
  }
}

/** Why a lock is no longer held (its process ended, or it is too old), or undefined while it is. */
function staleness(info: LockInfo | undefined, mtime: number, now: number): string | undefined {
  if (!info) return now - mtime > EMPTY_GRACE_MS ? "it is empty" : undefined;
  if (now - Date.parse(info.time) > LOCK_STALE_MS) return `it is older than ${LOCK_STALE_MS / 60000} minutes`;
  if (info.host === hostname() && !alive(info.pid)) return `process ${info.pid} has ended`;
  return undefined;
}

function parse(text: string): LockInfo | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockInfo>;
    return typeof data.pid === "number" && typeof data.time === "string" && typeof data.host === "string" ? (data as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One writer per folder: creates `.intentk/lock` (exclusive create) holding this process's pid,
 * host and time, taking over a stale lock; a busy folder is a one-line error. Resolves to the
 * release function, which removes the lock only while it is still this run's.
 */
export async function acquireLock(files: NodeFiles, warn: (message: string) => void): Promise<() => Promise<void>> {
  const problem = await files.writeProblem(LOCK_FILE);
  if (problem) throw new CliError(problem);
  const abs = path.join(files.root, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: hostname(), time: new Date().toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  try {
    await fs.mkdir(path.dirname(abs), { recursive: true });
  } catch (e) {
    throw new CliError(`${STORE_FOLDER}: ${describeFsError(e, "create it")}`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await fs.open(abs, "wx");
      try {
        await handle.writeFile(text);
      } finally {
        await handle.close();
      }
      return async () => {
        const now = await fs.readFile(abs, "utf8").catch(() => "");
        if (now === text) await fs.rm(abs, { force: true });
      };
    } catch (e) {
      if ((e as { code?: string }).code !== "EEXIST") throw new CliError(`${LOCK_FILE}: ${describeFsError(e, "create the lock")}`);
    }
    const [content, stat] = await Promise.all([fs.readFile(abs, "utf8").catch(() => ""), fs.stat(abs).catch(() => undefined)]);
    if (!stat) continue; // released meanwhile
    const info = parse(content);
    const stale = staleness(info, stat.mtimeMs, Date.now());
    if (!stale) {
      const who = info ? `process ${info.pid} on ${info.host}, since ${info.time}` : "a run that is starting";
      throw new CliError(`${LOCK_FILE}: another intentk run is writing in this folder (${who}); wait for it to end and run again (remove the lock only if that run is gone).`);
    }
    warn(`warning: ${LOCK_FILE}: took over a stale lock (${stale}).`);
    await fs.rm(abs, { force: true });
  }
  throw new CliError(`${LOCK_FILE}: another intentk run took the lock at the same moment; run again.`);
}
