import { CliError, type Command } from "../src/cli/command";
import { parseArgs } from "../src/cli/main";
import { NodeFiles } from "../src/cli/node-files";
import { TODAY } from "./helpers";

/** Runs one CLI command the way the dispatcher does, with paths relative to `cwd`. */
export async function runCommand(command: Command, cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const { args, options } = parseArgs(argv[0] === command.name ? argv.slice(1) : argv, command.valueOptions);
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await command.run({ args, options, out: (t) => out.push(t), err: (t) => err.push(t), files: (root) => new NodeFiles(root), today: TODAY });
    return { code, out: out.join("\n"), err: err.join("\n") };
  } catch (e) {
    if (e instanceof CliError) return { code: 2, out: out.join("\n"), err: e.message };
    throw e;
  } finally {
    process.chdir(previous);
  }
}
