import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../../src/core/diagnostics";
import { EXAMPLES, loadAll, loadOne, scratchDir } from "../helpers";

const pick = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code).map((d) => `${d.file}:${d.line}`);
const PLAN = "visions/003-field-survey-app/milestones.md";

describe("diagnostics of the messy example vision point at the exact file and line", () => {
  let diagnostics: Diagnostic[];
  beforeAll(async () => {
    diagnostics = (await loadOne(EXAMPLES, "003-field-survey-app")).diagnostics;
  });

  test("a placeholder left in a field", () => {
    expect(pick(diagnostics, "placeholder")).toEqual([`${PLAN}:39`]);
    expect(diagnostics.find((d) => d.code === "placeholder")!.message).toContain("[NEEDS CLARIFICATION: pilot date]");
  });

  test("a milestone without priority", () => {
    expect(pick(diagnostics, "missing-priority")).toEqual([`${PLAN}:48`]);
  });

  test("a dependency that names no milestone", () => {
    expect(pick(diagnostics, "unknown-milestone")).toEqual([`${PLAN}:41`]);
    expect(diagnostics.find((d) => d.code === "unknown-milestone")!.message).toContain("Milestone 7");
  });

  test("a dependency cycle, spelled out, as an error", () => {
    const cycle = diagnostics.filter((d) => d.code === "dependency-cycle");
    expect(cycle).toHaveLength(1);
    expect(cycle[0]).toMatchObject({ severity: "error", file: PLAN, line: 53 });
    expect(cycle[0].message).toContain("Milestone 3 (line 53) → Milestone 4 (line 75) → Milestone 3 (line 53)");
  });

  test("the complete and the minimal visions have no warnings or errors", async () => {
    for (const l of await loadAll(EXAMPLES)) {
      if (l.vision.ref.id === "003-field-survey-app") continue;
      expect(l.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    }
  });
});

describe("diagnostics on small hand-made vaults", () => {
  function vault(files: Record<string, string>): { dir: string; cleanup: () => void } {
    const s = scratchDir();
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(s.dir, path, ".."), { recursive: true });
      writeFileSync(join(s.dir, path), text);
    }
    return s;
  }

  test("a vision without a plan is reported as missing its plan", async () => {
    const s = vault({ "visions/004-empty/vision.md": "# Vision Document: Empty\n" });
    try {
      const [l] = await loadAll(s.dir);
      expect(l.diagnostics.map((d) => [d.code, d.severity, d.file, d.line])).toEqual([["missing-plan", "error", "visions/004-empty/vision.md", 1]]);
    } finally {
      s.cleanup();
    }
  });

  test("duplicate milestone numbers are reported at the second heading, naming the first", async () => {
    const plan = ["# Implementation Plan: Dup", "", "## Milestone 1: A (Priority: P1)", "", "## Milestone 1: B (Priority: P2)", ""].join("\n");
    const s = vault({ "visions/005-dup/plan.md": plan });
    try {
      const [l] = await loadAll(s.dir);
      const dup = l.diagnostics.filter((d) => d.code === "duplicate-milestone");
      expect(dup.map((d) => [d.severity, d.line])).toEqual([["error", 5]]);
      expect(dup[0].message).toContain("line 3");
    } finally {
      s.cleanup();
    }
  });
});

describe("hostile input", () => {
  test("a list nested hundreds deep is read (no hang) and reported at its first over-indented line", async () => {
    const lines = ["# Implementation Plan: Deep", "", "## Milestone 1: A (P1)", "", "- **Deliverables**:"];
    for (let i = 1; i <= 400; i++) lines.push(`${"  ".repeat(i)}- item ${i}`);
    const s = scratchDir();
    try {
      mkdirSync(join(s.dir, "visions/001-deep"), { recursive: true });
      writeFileSync(join(s.dir, "visions/001-deep/plan.md"), lines.join("\n"));
      const [l] = await loadAll(s.dir);
      const deep = l.diagnostics.filter((d) => d.code === "deep-nesting");
      expect(deep.map((d) => [d.file, d.line])).toEqual([["visions/001-deep/plan.md", 54]]);
      expect(l.vision.plan!.milestones[0].deliverables[0].text).toBe("item 1");
    } finally {
      s.cleanup();
    }
  });
});
