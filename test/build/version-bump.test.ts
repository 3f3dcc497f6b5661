// `npm version <v>` runs version-bump.mjs: manifest.json gets the version, versions.json maps it to
// the manifest's minAppVersion, and nothing else in either file changes.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const script = resolve(__dirname, "../../version-bump.mjs");

describe("version-bump.mjs", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "intentk-version-"));
    copyFileSync(resolve(__dirname, "../../manifest.json"), join(dir, "manifest.json"));
    writeFileSync(join(dir, "versions.json"), JSON.stringify({ "0.0.9": "1.5.0", "0.1.0": "1.7.2" }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;

  it("writes the new version into manifest.json and versions.json", () => {
    const before = json("manifest.json");
    execFileSync(process.execPath, [script], { cwd: dir, env: { ...process.env, npm_package_version: "0.2.0" } });
    expect(json("manifest.json")).toEqual({ ...before, version: "0.2.0" });
    expect(json("versions.json")).toEqual({ "0.0.9": "1.5.0", "0.1.0": "1.7.2", "0.2.0": before.minAppVersion });
  });

  it("refuses to run outside `npm version`, changing nothing", () => {
    const env = { ...process.env };
    delete env.npm_package_version;
    const manifest = readFileSync(join(dir, "manifest.json"), "utf8");
    const r = spawnSync(process.execPath, [script], { cwd: dir, env, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("npm version");
    expect(readFileSync(join(dir, "manifest.json"), "utf8")).toBe(manifest);
  });
});
