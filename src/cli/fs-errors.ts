import { CliError } from "./command";

/** What a file-system error means and what to do about it, as the end of a one-line message. */
const ADVICE: Record<string, string> = {
  EACCES: "permission denied; change the permissions (or run as a user who may) and run again",
  EPERM: "operation not permitted; change the permissions and run again",
  EROFS: "the file system is read-only; run on a writable copy",
  ENAMETOOLONG: "the name is longer than the file system allows; shorten the folder or file name",
  ELOOP: "a symlink that loops (or too many symlinks in a row); fix or remove the link",
  ENOENT: "it does not exist (or is a dangling symlink); restore it or remove the link",
  ENOTDIR: "a part of the path is a file, not a folder; rename it",
  EISDIR: "it is a folder, not a note; rename it",
  ENOSPC: "the disk is full; free some space and run again",
  EDQUOT: "the disk quota is exceeded; free some space and run again",
  EMFILE: "too many open files; raise the limit (ulimit -n) and run again",
  EBUSY: "the file is busy; close what holds it and run again",
};

export function describeFsError(e: unknown, action: string): string {
  const code = (e as { code?: string } | undefined)?.code;
  const advice = code ? ADVICE[code] : undefined;
  if (advice) return `cannot ${action}: ${advice} (${code})`;
  const message = e instanceof Error ? e.message : String(e);
  return `cannot ${action}: ${message.replace(/\s+/g, " ")}`;
}

/**
 * A failure as one line: what went wrong and what to do. The stack trace only with --debug (an
 * unexpected error is a bug in Intent Kit, not in the notes).
 */
export function errorLine(e: unknown, debug: boolean): string {
  if (e instanceof CliError) return e.message.replace(/[\r\n]+/g, " ");
  if (debug) return `unexpected error: ${(e as Error).stack ?? String(e)}`;
  const code = (e as { code?: string }).code;
  if (code && (e as { path?: string }).path) return `${(e as { path: string }).path}: ${describeFsError(e, "complete the run")}`;
  const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").slice(0, 300);
  return `unexpected error: ${message}; run again with --debug for the details and report it.`;
}
