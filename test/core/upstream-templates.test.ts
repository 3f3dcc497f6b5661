import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { findPlaceholders } from "../../src/core/vision/placeholders";
import { generate, loadOne, scratchDir } from "../helpers";

// intent-kit's own templates, unmodified (../shared beside the checkout, as in CI): a vision folder
// made of them, with every placeholder left in, must give a note with none of them.
const UPSTREAM = join(__dirname, "..", "..", "..", "shared", "reference", "intent-kit", "templates");
const AS = { "vision-template.md": "vision.md", "goal-template.md": "goal.md", "strategy-template.md": "strategy.md", "milestone-template.md": "plan.md" };

(existsSync(UPSTREAM) ? test : test.skip)("a vision made of the unfilled upstream templates: no placeholder reaches the execute note", async () => {
  const vault = scratchDir();
  try {
    const folder = join(vault.dir, "visions", "040-untouched");
    mkdirSync(folder, { recursive: true });
    for (const [from, to] of Object.entries(AS)) copyFileSync(join(UPSTREAM, from), join(folder, to));
    const loaded = await loadOne(vault.dir, "040-untouched");
    const note = generate(loaded);
    const leaked = note.split("\n").flatMap((line, i) => findPlaceholders(line).map((p) => `${i + 1}: ${p.text}`));
    expect(leaked).toEqual([]);
    expect(note).toMatch(/^# Execution Plan: untouched$/m);
    // Every placeholder is reported instead.
    expect(loaded.diagnostics.filter((d) => d.code === "placeholder").length).toBeGreaterThan(20);
  } finally {
    vault.cleanup();
  }
});
