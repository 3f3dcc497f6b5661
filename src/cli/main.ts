import { CliError, type Command, type CommandContext } from "./command";
import { checkCommand } from "./commands/check";
import { generateCommand } from "./commands/generate";
import { graphCommand } from "./commands/graph";
import { statusCommand } from "./commands/status";
import { scanCommand } from "./commands/scan";
import { errorLine } from "./fs-errors";
import { explainCommand } from "./commands/explain";
import { NodeFiles } from "./node-files";
import { useYamlParser } from "../core/yaml";
import { parse as parseYaml } from "yaml";

// The CLI reads frontmatter with the `yaml` package (the plugin uses Obsidian's parser).
useYamlParser({ parse: (text): unknown => parseYaml(text) });

export const commands: Command[] = [scanCommand, generateCommand, checkCommand, statusCommand, graphCommand, explainCommand];

const USAGE = () => `intentk: intent-kit visions → execution plans and phase graphs

Usage: intentk <command> [arguments] [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join("\n")}

Options of every command:
  --follow-symlinks  write through symlinks that lead outside the folder (read either way)
  --debug            print the stack trace of an unexpected error

Exit codes: 0 done, 1 problems found (errors in the notes, a note not written),
2 usage or environment (a missing folder, permissions, the folder busy with another run).

Run "intentk <command> --help" for a command's options.`;

/** Splits argv into positionals and options; `--name value` only for the command's value options. */
export function parseArgs(argv: string[], valueOptions: string[] = []): { args: string[]; options: Record<string, string | boolean> } {
  const args: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      args.push(a);
      continue;
    }
    if (m[2] !== undefined) options[m[1]] = m[2];
    else if (valueOptions.includes(m[1])) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new CliError(`Option --${m[1]} needs a value.`);
      options[m[1]] = value;
      i++;
    } else options[m[1]] = true;
  }
  return { args, options };
}

export interface RunIo {
  out: (text: string) => void;
  err: (text: string) => void;
  today?: Date;
}

/** Runs the CLI and resolves to the exit code (never throws). */
export async function runCli(argv: string[], io: RunIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(USAGE());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`intentk: unknown command "${name}"; run "intentk --help" for the list.`);
    return 2;
  }
  let debug = rest.includes("--debug");
  try {
    const { args, options } = parseArgs(rest, command.valueOptions);
    if (options.help || options.h) {
      io.out(command.help);
      return 0;
    }
    debug = options.debug === true;
    const followSymlinks = options["follow-symlinks"] === true;
    const files = (root: string): NodeFiles => new NodeFiles(root, { followSymlinks, warn: (t) => io.err(`intentk ${name}: ${t}`) });
    const ctx: CommandContext = { args, options, out: io.out, err: io.err, files, today: io.today ?? new Date() };
    return await command.run(ctx);
  } catch (e) {
    io.err(`intentk ${name}: ${errorLine(e, debug)}`);
    return 2;
  }
}

if (require.main === module) {
  // Output piped into a command that stops reading (`| head`): the run goes on quietly to its end,
  // so a note and its merge base are both written and the lock is released.
  let closed = false;
  process.stdout.on("error", (e: Error & { code?: string }) => {
    if (e.code === "EPIPE") closed = true;
    else throw e;
  });
  const out = (t: string): void => {
    if (!closed) process.stdout.write(`${t}\n`);
  };
  void runCli(process.argv.slice(2), { out, err: (t) => process.stderr.write(`${t}\n`) }).then((code) => {
    process.exitCode = code;
  });
}
