// remark/unified and their helpers ship as ESM only: let @swc/jest transform them.
const esmPackages = [
  "unified", "bail", "trough", "vfile", "vfile-message", "is-plain-obj", "devlop",
  "remark-.*", "mdast-.*", "micromark.*", "unist-.*", "decode-named-character-reference",
  "character-entities.*", "character-reference-invalid", "is-.*", "ccount", "escape-string-regexp",
  "markdown-table", "longest-streak", "zwitch", "fault", "format", "trim-lines", "parse-entities",
  "space-separated-tokens", "comma-separated-tokens", "property-information", "html-void-elements",
  "stringify-entities", "node-diff3",
];

const swc = ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2021" }, module: { type: "commonjs" } }];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.(t|j|mj)sx?$": swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join("|")})/)`],
  moduleNameMapper: { "^obsidian$": "<rootDir>/test/obsidian-mock/index.ts" },
  setupFiles: ["<rootDir>/test/setup-yaml.ts", "<rootDir>/test/setup-fast-check.ts"],
  // CLI tests spawn node processes; on a loaded 2-core CI machine 5 s is not enough.
  testTimeout: 30000,
  moduleFileExtensions: ["ts", "js", "mjs", "json"],
};
