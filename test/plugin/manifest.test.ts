import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * manifest.json against the community directory's submission requirements: the review bot rejects
 * a release whose manifest breaks one of these, so a change that would is caught here first.
 */
const ROOT = join(__dirname, "..", "..");
const manifest = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")) as Record<string, unknown>;
const SEMVER = /^\d+\.\d+\.\d+$/;
const isUrl = (v: unknown): boolean => typeof v === "string" && /^https?:\/\/\S+$/.test(v);

describe("manifest.json", () => {
  test("has the required fields with the right types", () => {
    for (const field of ["id", "name", "version", "minAppVersion", "description", "author"]) {
      expect({ field, type: typeof manifest[field] }).toEqual({ field, type: "string" });
      expect((manifest[field] as string).trim()).not.toBe("");
    }
    expect(typeof manifest.isDesktopOnly).toBe("boolean");
  });

  test("the id is lowercase, hyphenated and does not contain “obsidian”", () => {
    const id = manifest.id as string;
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(id).not.toContain("obsidian");
    expect(id).not.toMatch(/plugin$/);
  });

  test("the name does not mention Obsidian or end with “Plugin”", () => {
    const name = manifest.name as string;
    expect(name.toLowerCase()).not.toContain("obsidian");
    expect(name).not.toMatch(/plugin$/i);
  });

  test("the description is a sentence of at most 250 characters without “Obsidian”", () => {
    const description = manifest.description as string;
    expect(description.length).toBeLessThanOrEqual(250);
    expect(description).toMatch(/\.$/);
    expect(description.toLowerCase()).not.toContain("obsidian");
    expect(description).not.toMatch(/^this (is a )?plugin/i);
  });

  test("version and minAppVersion are x.y.z", () => {
    expect(manifest.version).toMatch(SEMVER);
    expect(manifest.minAppVersion).toMatch(SEMVER);
  });

  test("optional links are URLs: fundingUrl (one, or named ones) and authorUrl", () => {
    const funding = manifest.fundingUrl;
    if (funding !== undefined) {
      const urls = typeof funding === "string" ? [funding] : Object.values(funding as Record<string, unknown>);
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(isUrl(url)).toBe(true);
    }
    if (manifest.authorUrl !== undefined) expect(isUrl(manifest.authorUrl)).toBe(true);
  });
});

describe("styles.css and the code use one class prefix", () => {
  test("no class starts with the old ik- prefix", () => {
    const css = readFileSync(join(ROOT, "styles.css"), "utf8");
    expect(css.match(/\.ik-[\w-]+/g) ?? []).toEqual([]);
    expect(css).toMatch(/\.intentk-graph-view/);
    const sources = (readdirSync(join(ROOT, "src"), { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
    expect(sources.length).toBeGreaterThan(10);
    const old = sources.filter((f) => /(^|[^\w-])ik-[a-z]/m.test(readFileSync(join(ROOT, "src", f), "utf8")));
    expect(old).toEqual([]);
  });
});
