// `npm version <new>` runs this (the "version" script): it writes the new version into
// manifest.json and records which Obsidian version it needs in versions.json, so that Obsidian
// offers older app versions the last release that still supports them. As in obsidian-sample-plugin.
import { readFileSync, writeFileSync } from "node:fs";

const version = process.env.npm_package_version;
if (!version) {
  console.error("version-bump.mjs: run it through `npm version <new version>` (npm_package_version is not set).");
  process.exit(1);
}

const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

const manifest = readJson("manifest.json");
manifest.version = version;
writeJson("manifest.json", manifest);

const versions = readJson("versions.json");
versions[version] = manifest.minAppVersion;
writeJson("versions.json", versions);
