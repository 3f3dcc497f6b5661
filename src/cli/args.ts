import { promises as fs } from "node:fs";
import * as path from "node:path";
import { type CommandContext, CliError } from "./command";

/** The folder argument of a command: it must exist and be a folder. */
export async function folderArg(ctx: CommandContext, index = 0): Promise<string> {
  const given = ctx.args[index];
  if (!given) throw new CliError("Missing <folder> argument; see --help.");
  const abs = path.resolve(given);
  let stat;
  try {
    stat = await fs.stat(abs);
  } catch {
    throw new CliError(`Folder not found: ${given}`);
  }
  if (!stat.isDirectory()) throw new CliError(`Not a folder: ${given}`);
  return abs;
}
