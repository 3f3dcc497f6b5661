import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import { builtinModules } from "node:module";
import globals from "globals";

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig([
  globalIgnores(["node_modules/", "main.js", "dist/", "coverage/", "test-output/", "examples/", "bench/results/", "test/fixtures/", "test/approvals/"]),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ["*.mjs", "jest.config.cjs", "scripts/*.mjs", "scripts/bundle/*.mjs"],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // The test DOM shim implements Obsidian's createEl/createFragment/instanceOf on a plain DOM: it
    // cannot use them itself.
    files: ["test/dom-shim.ts"],
    rules: { "obsidianmd/prefer-create-el": "off", "obsidianmd/prefer-instanceof": "off" },
  },
  {
    // The core is shared by the plugin (which may run on mobile) and the CLI: no Obsidian, no Node.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: ["obsidian", ...nodeBuiltins] }],
    },
  },
  {
    // The CLI, the tests, the benchmark and build scripts run on Node, outside Obsidian.
    files: ["src/cli/**/*.ts", "test/**/*.ts", "bench/**/*.ts", "scripts/**", "*.mjs", "*.cjs"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      "obsidianmd/no-nodejs-modules": "off",
      "import/no-nodejs-modules": "off",
      "no-console": "off",
      "obsidianmd/rule-custom-message": "off",
      "obsidianmd/hardcoded-config-path": "off",
      "obsidianmd/prefer-window-timers": "off",
      "obsidianmd/no-global-this": "off",
    },
  },
]);
