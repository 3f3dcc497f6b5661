/**
 * The one file-access interface shared by the plugin (Obsidian's Vault) and the CLI (the real
 * filesystem). Paths are vault-relative with forward slashes, never starting with "/".
 */
export interface FileAccess {
  /** Every file path under `folder` (the whole vault when omitted), recursively. */
  list(folder?: string): Promise<string[]>;
  read(path: string): Promise<string>;
  exists(path: string): Promise<boolean>;
  /** Creates the file (and its folders) or replaces its content atomically. */
  write(path: string, content: string): Promise<void>;
  /**
   * Atomic read-modify-write: `fn` receives the current content and returns the new one.
   * Returns the content written. Throws when the file does not exist.
   */
  process(path: string, fn: (current: string) => string): Promise<string>;
}

/** Joins path segments with "/" and removes empty, "." and duplicate separators. */
export function joinPath(...parts: string[]): string {
  return parts
    .flatMap((p) => p.split(/[\\/]+/))
    .filter((s) => s !== "" && s !== ".")
    .join("/");
}

export function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The file name without its last extension. */
export function stem(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? name : name.slice(0, dot);
}
