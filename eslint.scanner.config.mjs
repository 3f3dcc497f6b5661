// The Obsidian review scanner's view of the repository: eslint-plugin-obsidianmd's recommended
// config and no rule overrides, over everything but build output. Type information is set up as
// the recommended config needs it. `npm run lint:scanner`; .ci/run runs it. The project's own
// rules are in eslint.config.mjs.
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";

export default defineConfig([
  globalIgnores(["node_modules/", "main.js", "dist/", "coverage/", "test-output/"]),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ["*.mjs", "*.cjs", "scripts/*.mjs", "scripts/bundle/*.mjs", "test/fixtures/plans/*.mjs"],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
]);
