import type { NodeFiles } from "./node-files";

/** What a CLI command gets: parsed arguments and where to write. */
export interface CommandContext {
  /** Positional arguments after the command name. */
  args: string[];
  /** `--name value` and `--flag` options (flags are `true`). */
  options: Record<string, string | boolean>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** File access rooted at a folder on disk, confined to it. */
  files: (root: string) => NodeFiles;
  /** Today's date (tests fix it). */
  today: Date;
}

export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text. */
  help: string;
  /** Option names that take a value (others are flags). */
  valueOptions?: string[];
  /** Resolves to the process exit code: 0 ok, 1 findings (errors in notes), 2 usage or I/O error. */
  run(ctx: CommandContext): Promise<number>;
}

/** A usage or I/O problem: printed as one line, exit code 2. */
export class CliError extends Error {}
