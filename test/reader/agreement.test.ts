import fc from "fast-check";
import { outlineOf, prepareText, readPlan } from "../../src/core/reader/read";
import { remarkOutline } from "../../src/core/reader/remark-outline";
import { scanOutline } from "../../src/core/reader/scan";
import { planFiles, syntheticPlan } from "./helpers";

/**
 * The line scanner is the fast path; remark is the full parser. Whenever the scanner answers,
 * its outline — and so the whole plan read from it — must equal the full parser's.
 */
describe("the line scanner agrees with the full Markdown parser", () => {
  test.each(planFiles().map((f) => [f.name, f.text]))("%s: same outline, same plan, no fallback needed", (name, text) => {
    const scanned = scanOutline(prepareText(text));
    expect("outline" in scanned ? "scanned" : scanned.ambiguous).toBe("scanned");
    if ("outline" in scanned) expect(scanned.outline).toEqual(remarkOutline(prepareText(text)));
    expect(readPlan(name, text, { parser: "scan" })).toEqual(readPlan(name, text, { parser: "remark" }));
  });

  test("a synthetic 1,000-task plan: same outline", () => {
    const text = syntheticPlan(1000, 12);
    expect(outlineOf(text, "scan").outline).toEqual(outlineOf(text, "remark").outline);
  });

  // Lines that exercise every construct the scanner models, and several it declines.
  const LINES = [
    "", "", "", "# Tasks: Sample", "## Phase 1: Setup", "## Phase 2: User Story 1 - Edit (Priority: P1) 🎯 MVP", "### Tests", "## Dependencies",
    "- [ ] T001 Create the project", "- [x] T002 [P] Add lint", "* [X] **T003** [US1] Bold id", "+ [ ] T004 [P][US1] plus marker", "1. [ ] T005 ordered",
    "2. [x] T006 second", "3) [ ] T007 paren", "  - [ ] T008 nested two", "    - [ ] T009 nested four", "      - [ ] T010 nested six", "\t- [ ] T011 tab indented",
    "-\t[ ] T012 tab after marker", "- [ ]T013 no space", "- [ ]", "-", "- [~] T014 custom", "- T015 bullet task", "  - Depends on: T001", "  - Status: done",
    "  continuation text", "lazy continuation", "    indented four", "```", "```bash", "~~~", "  ```", "````", "| ID | Task | Status |", "|----|------|--------|",
    "| T016 | [P] Table task | Done |", "|---|", "<!-- comment", "-->", "<!-- whole -->", "> a quote", "> - [ ] T017 quoted", "---", "***", "===", "- - -",
    "T018 depends on T001", "- T019 → T020", "<details>", "## T021: heading task", "**Depends on**: Phase 1",
    "ID | Task", "-- | --", "T022 | no outer pipes", "## Closing hashes ##", "#NoSpace", "   - [ ] T023 three spaces", "  1. [ ] T024 nested ordered",
    "- [x] T025 done ^t025", "  > quoted in item", "  ```", "		code?", "- **T026** [P] bold", "1. T027 numbered bullet", "  ", "	",
  ];

  test("random documents: whenever the scanner answers, the outlines are equal", () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 30 }), (lines) => {
        const text = lines.join("\n");
        const scanned = scanOutline(text);
        if (!("outline" in scanned)) return;
        answered++;
        expect(scanned.outline).toEqual(remarkOutline(text));
      }),
      { numRuns: 3000, seed: 20261124 },
    );
    // The scanner should decline only a minority of such line soups.
    expect(answered).toBeGreaterThan(500);
  });
});
