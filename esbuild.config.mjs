// Builds the Obsidian plugin (main.js) and the Node CLI (dist/cli.js).
// Usage: node esbuild.config.mjs [production|bench]   (no argument: watch both)
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { chmodSync, readFileSync } from "node:fs";
import { bundleProblems, MAX_BUNDLE_BYTES } from "./scripts/bundle/check.mjs";

const mode = process.argv[2] ?? "watch";
const production = mode === "production" || mode === "bench";

/** The plugin runs inside Obsidian (desktop and mobile): no Node built-ins may be bundled. */
const plugin = {
  entryPoints: ["src/main.ts"],
  bundle: true,
  format: "cjs",
  platform: "browser",
  target: "es2021",
  outfile: "main.js",
  external: [
    "obsidian",
    "electron",
    "@codemirror/*",
    "@lezer/*",
    ...builtinModules,
    ...builtinModules.map((m) => `node:${m}`),
  ],
  minify: production,
  sourcemap: production ? false : "inline",
  treeShaking: true,
  logLevel: "info",
  metafile: true,
  // Non-ASCII text (→, –, 🎯, 🆔, ⛔) as UTF-8 rather than \u escapes: fewer bytes, same code.
  charset: "utf8",
  alias: {
    // Without `innerHTML` and `(1,eval)("this")`: see the two files.
    "decode-named-character-reference": "./scripts/bundle/decode-named-character-reference.mjs",
    format: "./scripts/bundle/format.mjs",
  },
};

/** The CLI runs on Node and shares src/core with the plugin. */
const node = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: production ? false : "inline",
  logLevel: "info",
};

const cli = { ...node, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } };
const bench = { ...node, entryPoints: ["bench/run.ts"], outfile: "dist/bench.js", external: ["markdown-it"] };

/** Prints main.js's size and fails the build when the bundle breaks a rule of scripts/bundle/check.mjs. */
function checkPluginBundle() {
  const text = readFileSync(plugin.outfile, "utf8");
  const bytes = Buffer.byteLength(text);
  process.stdout.write(`main.js: ${bytes} bytes (budget ${MAX_BUNDLE_BYTES})\n`);
  const problems = bundleProblems(text, bytes);
  if (problems.length > 0) {
    console.error(`main.js is not fit to ship:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    process.exit(1);
  }
}

function makeExecutable() {
  chmodSync("dist/cli.js", 0o755);
}

if (mode === "watch") {
  const contexts = await Promise.all([esbuild.context(plugin), esbuild.context({ ...cli, plugins: [{ name: "chmod", setup: (b) => b.onEnd(makeExecutable) }] })]);
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const result = await esbuild.build(plugin);
  const nodeInputs = Object.keys(result.metafile.inputs).filter((p) => /^(node:|fs$|path$)/.test(p));
  if (nodeInputs.length > 0) throw new Error(`main.js must not bundle Node built-ins: ${nodeInputs.join(", ")}`);
  checkPluginBundle();
  await esbuild.build(cli);
  makeExecutable();
  if (mode === "bench") await esbuild.build(bench);
}
