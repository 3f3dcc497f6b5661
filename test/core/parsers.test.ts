import type { Diagnostic } from "../../src/core/diagnostics";
import { parseMarkdown } from "../../src/core/markdown/parse";
import { readDependencies } from "../../src/core/vision/dependency-text";
import { readHeader, readNumberedHeading } from "../../src/core/vision/headings";
import { parseGoal, parseStrategy, parseVision } from "../../src/core/vision/parse-docs";
import { parsePlan } from "../../src/core/vision/parse-plan";
import { findPlaceholders } from "../../src/core/vision/placeholders";
import { parseTimeline, timelineDays } from "../../src/core/vision/timeline";
import { repairMojibake } from "../../src/core/text/normalize";

const md = (lines: string[]) => parseMarkdown("plan.md", lines.join("\n"));
const plan = (lines: string[]) => {
  const diagnostics: Diagnostic[] = [];
  return { plan: parsePlan(md(lines), diagnostics), diagnostics };
};

describe("header fields", () => {
  test.each([
    ["` | ` separators", ["# Goal Definition: X", "", "**Goal ID**: `001-x` | **Date**: 2026-01-02 | **Vision**: [[vision]]"]],
    ["the literal two-character \\n", ["# Goal Definition: X", "", "**Goal ID**: `001-x` \\n **Date**: 2026-01-02 \\n **Vision**: [[vision]]"]],
    ["newlines", ["# Goal Definition: X", "", "**Goal ID**: `001-x`", "**Date**: 2026-01-02", "**Vision**: [[vision]]"]],
    ["two trailing spaces", ["# Goal Definition: X", "", "**Goal ID**: `001-x`  ", "**Date**: 2026-01-02  ", "**Vision**: [[vision]]"]],
    ["colons inside the bold", ["# Goal Definition: X", "", "**Goal ID:** `001-x` | **Date:** 2026-01-02 | **Vision:** [[vision]]"]],
  ])("are read with %s", (_name, lines) => {
    expect(readHeader(md(lines)).values).toEqual({ "goal id": "001-x", date: "2026-01-02", vision: "[[vision]]" });
  });
});

describe("numbered headings", () => {
  test.each([
    ["Milestone 2: OAuth Integration (Priority: P2)", "2", "OAuth Integration", 2],
    ["Milestone 2 - OAuth Integration (P2)", "2", "OAuth Integration", 2],
    ["Milestone 2 – OAuth Integration [P2]", "2", "OAuth Integration", 2],
    ["Milestone 2 — OAuth Integration", "2", "OAuth Integration", undefined],
    ["Milestone 4a: Import: CSV & JSON (Priority: P1) 🎯 MVP", "4a", "Import: CSV & JSON", 1],
    ["Milestone 3: Tours #2 | Kids [beta] (Priority: P3)", "3", "Tours #2 | Kids [beta]", 3],
  ])("%s", (heading, number, title, priority) => {
    expect(readNumberedHeading("Milestone", heading, "plan.md", 1)).toMatchObject({ number, title, priority });
  });

  test("a heading that is not a numbered item is not one", () => {
    expect(readNumberedHeading("Milestone", "Milestone Dependencies & Critical Path", "plan.md", 1)).toBeUndefined();
  });
});

describe("milestone fields", () => {
  const canonical = [
    "# Implementation Plan: X",
    "",
    "## Milestone 1: Core (Priority: P1)",
    "",
    "- **Objective**: Build the core",
    "- **Success Criteria**:",
    "  - Works offline",
    "  - Loads in 1s",
    "- **Deliverables**:",
    "  - `src/core.ts` with the model",
    "  - `src/api.ts`",
    "- **Timeline**: Weeks 1-2",
    "- **Dependencies**: None (foundational)",
    "- **Validation Approach**: Unit tests",
    "",
    "**Why this priority**: Everything needs it.",
    "",
    "**Independent Validation**: Run the CLI.",
    "",
    "**Acceptance Scenarios**:",
    "1. **Given** a file, **When** read, **Then** parsed",
    "2. **Given** no file, **When** read, **Then** an error",
  ];

  test("canonical form", () => {
    const m = plan(canonical).plan.milestones[0];
    expect(m.objective?.text).toBe("Build the core");
    expect(m.successCriteria.map((i) => i.text)).toEqual(["Works offline", "Loads in 1s"]);
    expect(m.deliverables.map((i) => [i.text, i.line])).toEqual([["`src/core.ts` with the model", 10], ["`src/api.ts`", 11]]);
    expect(m.timeline?.text).toBe("Weeks 1-2");
    expect(m.validationApproach.map((i) => i.text)).toEqual(["Unit tests"]);
    expect(m.why?.text).toBe("Everything needs it.");
    expect(m.independentValidation?.text).toBe("Run the CLI.");
    expect(m.acceptance.map((i) => i.line)).toEqual([21, 22]);
  });

  test("`**Field:**` form, reordered and missing fields, paragraphs instead of bullets", () => {
    const m = plan([
      "## Milestone 1: Core (P1)",
      "",
      "**Deliverables:**",
      "- `src/core.ts`",
      "",
      "**Objective:** Build the core",
      "",
      "**Acceptance Scenarios:**",
      "",
      "1. Given a file, when read, then parsed",
    ]).plan.milestones[0];
    expect(m.objective?.text).toBe("Build the core");
    expect(m.deliverables.map((i) => i.text)).toEqual(["`src/core.ts`"]);
    expect(m.acceptance).toHaveLength(1);
    expect(m.successCriteria).toEqual([]);
    expect(m.timeline).toBeUndefined();
  });

  test("fields joined on one line by the literal \\n", () => {
    const m = plan(["## Milestone 1: Core (P1)", "", "**Objective**: Build it \\n **Timeline**: Weeks 1-2 \\n **Dependencies**: None"]).plan.milestones[0];
    expect([m.objective?.text, m.timeline?.text, m.dependencyText?.text]).toEqual(["Build it", "Weeks 1-2", "None"]);
  });

  test("placeholders are left out of the model", () => {
    const m = plan(["## Milestone 1: Core (P1)", "", "- **Timeline**: [NEEDS CLARIFICATION: start]", "- **Deliverables**:", "  - [Validation Entity] in models/", "  - Real thing"]).plan.milestones[0];
    expect(m.timeline).toBeUndefined();
    expect(m.deliverables.map((i) => i.text)).toEqual(["Real thing"]);
  });

  test("a milestone without priority is reported at its heading", () => {
    const { diagnostics } = plan(["# Plan", "", "## Milestone 1: Core", ""]);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([["missing-priority", 3]]);
  });

  test("risks, quality standards and shared resources", () => {
    const p = plan([
      "## Risk Assessment",
      "",
      "- **Risk 1**: Vendor delay",
      "  - Impact: High",
      "  - **Probability**: Low",
      "  - Mitigation: Second vendor",
      "  - Owner: Ana",
      "",
      "## Quality",
      "",
      "- **QS-001**: Tests pass",
      "- **SR-001**: Shared types",
    ]).plan;
    expect(p.risks).toEqual([expect.objectContaining({ id: "Risk 1", text: "Vendor delay", impact: "High", probability: "Low", mitigation: "Second vendor", owner: "Ana", line: 3 })]);
    expect(p.qualityStandards.map((i) => [i.id, i.text])).toEqual([["QS-001", "Tests pass"]]);
    expect(p.sharedResources.map((i) => i.id)).toEqual(["SR-001"]);
  });
});

describe("dependency text", () => {
  test.each([
    // none
    ["None (foundational)", [], []],
    ["N/A", [], []],
    ["-", [], []],
    ["No dependencies (first milestone)", [], []],
    // single references
    ["Milestone 1 completion", ["1"], []],
    ["Requires M4a", ["4a"], []],
    ["Milestone #03 done", ["3"], []],
    ["Milestone 3 (after 2 weeks of testing)", ["3"], []],
    // ranges
    ["Milestones 4–6", ["4", "5", "6"], []],
    ["Milestones 1-2", ["1", "2"], []],
    ["4-6", ["4", "5", "6"], []],
    ["Milestones 1 to 3", ["1", "2", "3"], []],
    ["Milestones 1 through 3 complete", ["1", "2", "3"], []],
    ["M3–M5", ["3", "4", "5"], []],
    // lists
    ["M1, M3", ["1", "3"], []],
    ["M3, M5", ["3", "5"], []],
    ["2, 3", ["2", "3"], []],
    ["2 and 3", ["2", "3"], []],
    ["Milestones 2 and 3", ["2", "3"], []],
    ["Milestones 2, 3 and 5", ["2", "3", "5"], []],
    ["Milestone 2 and Milestone 3", ["2", "3"], []],
    ["M2/M3", ["2", "3"], []],
    // external dependencies, kept whole
    ["after Milestone 2 and research", ["2"], ["research"]],
    ["Milestone 2 completion and a signed SMS provider contract (ED-002)", ["2"], ["a signed SMS provider contract (ED-002)"]],
    ["Legal review and sign-off by the clinic board", [], ["Legal review and sign-off by the clinic board"]],
    ["Milestone 2 and 3 weeks of pilot data", ["2"], ["3 weeks of pilot data"]],
    ["Milestone 1, vendor API access (keys, sandbox), Milestone 4", ["1", "4"], ["vendor API access (keys, sandbox)"]],
    ["`config, schema` frozen", [], ["`config, schema` frozen"]],
  ])("%s", (text, numbers, external) => {
    const reading = readDependencies(text);
    expect(reading.numbers).toEqual(numbers);
    expect(reading.external).toEqual(external);
    expect(reading.allPrevious).toBe(false);
  });

  test.each(["All previous milestones", "all prior milestones complete", "Every earlier milestone"])("%s: every lower-numbered milestone", (text) => {
    const reading = readDependencies(text);
    expect(reading).toMatchObject({ allPrevious: true, numbers: [], external: [] });
  });

  test("the previous milestone: the one just below", () => {
    expect(readDependencies("The previous milestone")).toMatchObject({ previousOne: true, allPrevious: false, numbers: [] });
  });

  test("a range wider than any plan is reported, not expanded", () => {
    const reading = readDependencies("Milestones 1-5000");
    expect(reading.numbers).toEqual(["1", "5000"]);
    expect(reading.tooWide).toEqual(["1-5000"]);
  });

  test("time grows linearly with the length of the field", () => {
    const unit = "Milestone 2, a (b [c] d), `x, y` and 3 weeks; ";
    const time = (n: number): number => {
      const text = unit.repeat(n);
      const t0 = performance.now();
      for (let i = 0; i < 5; i++) readDependencies(text);
      return performance.now() - t0;
    };
    time(100);
    const small = Math.max(time(100), 0.5);
    expect(time(2000) / small).toBeLessThan(20 * 10);
  });
});

describe("vision, goal and strategy documents", () => {
  test("vision intents and ID'd bullets", () => {
    const v = parseVision(
      parseMarkdown("vision.md", [
        "# Vision Document: X",
        "",
        "### Intent 1 - Share lists (Priority: P1)",
        "",
        "People share lists.",
        "",
        "**Independent Validation**: Count lists.",
        "",
        "**Outcome Scenarios**:",
        "1. **Given** a, **When** b, **Then** c",
        "",
        "- **FR-001**: System must store lists",
        "- **SC-001**: 80% adoption",
        "- **VA-001**: Weekly count",
      ].join("\n")),
    );
    expect(v.intents[0]).toMatchObject({ number: "1", title: "Share lists", priority: 1, description: "People share lists." });
    expect(v.intents[0].scenarios).toHaveLength(1);
    expect([v.requirements[0].id, v.outcomes[0].id, v.validations[0].id]).toEqual(["FR-001", "SC-001", "VA-001"]);
  });

  test("goal objectives with (P2) and validation methods", () => {
    const g = parseGoal(parseMarkdown("goal.md", ["### Objective 2: Speed (P2)", "", "- **Metric**: p95 latency", "- **Target**: 200 ms", "", "- **VM-001**: Load test"].join("\n")));
    expect(g.objectives[0]).toMatchObject({ number: "2", title: "Speed", priority: 2 });
    expect(g.objectives[0].metric?.text).toBe("p95 latency");
    expect(g.validationMethods.map((i) => i.id)).toEqual(["VM-001"]);
  });

  test("the recommended strategy is found by number", () => {
    const s = parseStrategy(
      parseMarkdown("strategy.md", ["## Strategy 1: A", "", "- **Technology/Tools**: Go", "", "## Strategy 2: B", "", "- **Technology/Tools**:", "  - Rust", "", "## Recommended Strategy", "", "Strategy 2 fits best."].join("\n")),
    );
    expect(s.recommended?.number).toBe("2");
    expect(s.recommended?.tools.map((t) => t.text)).toEqual(["Rust"]);
  });
});

describe("small helpers", () => {
  test("placeholders are found, task markers and ordinary brackets are not", () => {
    const found = findPlaceholders("[DATE] [P] [M2] [US1] [P1] [x] [beta] [[link]] [text](url) [Title] [NEEDS CLARIFICATION: who?] [###-name]");
    expect(found.map((p) => p.text)).toEqual(["[DATE]", "[Title]", "[NEEDS CLARIFICATION: who?]", "[###-name]"]);
  });

  test.each([
    ["Weeks 3-5", 21],
    ["Week 2", 7],
    ["2026-03-01 to 2026-03-14", 14],
    ["Complete within 4 weeks", 28],
    ["10 days", 10],
    ["2-3 weeks", 21],
    ["(about 3 weeks)", 21],
  ])("timeline %s lasts %d days", (text, days) => {
    expect(timelineDays(parseTimeline(text))).toBe(days);
  });

  test.each(["1e308 days", "-5 weeks", "+2 weeks", "v2 days", "1.5.3 weeks"])("timeline %s is not read as a duration", (text) => {
    expect(parseTimeline(text)).toBeUndefined();
  });

  test("mojibake from Mac Roman and Windows-1252 is repaired", () => {
    expect(repairMojibake("üéØ MVP ‚ö†Ô∏è A ‚Üí B ðŸŽ¯ â†’ café")).toBe("🎯 MVP ⚠️ A → B 🎯 → café");
  });
});
