import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isUnfilledTemplate } from "../../src/core/generate/unfilled";

const fixture = (name: string): string => readFileSync(join(__dirname, "../fixtures/unfilled", name), "utf8");

describe("unfilled intent-kit templates", () => {
  test.each([
    ["an empty file", ""],
    ["headings only", "# Tasks\n\n## Phase 1: Setup\n\n## Phase 2: Foundational\n"],
    ["the execute template's shape, placeholders left in", fixture("execution.md")],
    ["the template with only its title filled", fixture("execution.md").replace("[EXECUTION NAME]", "Offline Notes Sync")],
  ])("%s is recognised", (_what, text) => {
    expect(isUnfilledTemplate(text)).toBe(true);
  });

  test.each([
    ["a plan an agent filled, one placeholder left", fixture("filled-execution.md")],
    ["a short hand-written task list", "# Tasks\n\nNotes from the kickoff.\n\n- [x] T001 Hand-written first step\n"],
    ["a note Intent Kit generated", "---\nintentk: execute\n---\n\n# Execution Plan: [EXECUTION NAME]\n"],
  ])("%s is not", (_what, text) => {
    expect(isUnfilledTemplate(text)).toBe(false);
  });
});
