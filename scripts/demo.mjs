// npm run demo: copies the example vault to a temporary folder, generates its execute notes with
// the CLI and checks it, then prints where the notes are. The example vault is never modified.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const vault = join(mkdtempSync(join(tmpdir(), "intentk-demo-")), "vault");
cpSync("examples/vault", vault, { recursive: true });

function intentk(...args) {
  process.stdout.write(`\n$ intentk ${args.join(" ")}\n`);
  const run = spawnSync(process.execPath, ["dist/cli.js", ...args], { stdio: "inherit" });
  if (run.status === 2 || run.status === null) process.exit(run.status ?? 2);
  return run.status;
}

intentk("generate", vault);
const check = intentk("check", vault);
process.stdout.write(
  `\n${check === 1 ? "The check found errors: the example vision 003-field-survey-app is messy on purpose (a dependency cycle among others).\n" : ""}` +
    `Open the vault in Obsidian, or read the generated notes:\n` +
    ["001-team-reading-list", "002-offline-notes-sync", "003-field-survey-app"].map((v) => `  ${join(vault, "visions", v, "execute.md")}`).join("\n") +
    "\n",
);
