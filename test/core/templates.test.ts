import { NodeFiles } from "../../src/cli/node-files";
import { buildExecutionPlan } from "../../src/core/generate/plan-model";
import { renderExecuteNote } from "../../src/core/generate/render";
import { findPlaceholders } from "../../src/core/vision/placeholders";
import { loadVision } from "../../src/core/vision/load";
import { scanVisions } from "../../src/core/workspace";
import { BUILTIN_TEMPLATES, TEMPLATE_ROLES, chooseTemplates, fillTemplate, nextVisionNumber, planNewVision, visionSlug } from "../../src/core/templates";
import { TODAY, scratchDir } from "../helpers";

describe("templates", () => {
  test("fills title, date and id, with or without spaces in the braces, and leaves other braces", () => {
    expect(fillTemplate("# {{title}} {{ date }} `{{ID}}` {{other}}", { title: "T", date: "2026-01-02", id: "001-t" })).toBe("# T 2026-01-02 `001-t` {{other}}");
  });

  test("the built-in templates use the FORMAT.md headings and hold no placeholder", () => {
    expect(BUILTIN_TEMPLATES.vision).toMatch(/^# Vision Document: \{\{title\}\}$/m);
    expect(BUILTIN_TEMPLATES.goal).toMatch(/^# Goal Definition: \{\{title\}\}$/m);
    expect(BUILTIN_TEMPLATES.strategy).toMatch(/^# Strategy Exploration: \{\{title\}\}$/m);
    expect(BUILTIN_TEMPLATES.plan).toMatch(/^# Implementation Plan: \{\{title\}\}$/m);
    expect(BUILTIN_TEMPLATES.plan).toMatch(/^## Milestone 1: .+ \(Priority: P1\)$/m);
    for (const role of TEMPLATE_ROLES) {
      const filled = fillTemplate(BUILTIN_TEMPLATES[role], { title: "Garden Planner", date: "2026-01-02", id: "004-garden-planner" });
      expect(filled.split("\n").flatMap(findPlaceholders)).toEqual([]);
      expect(filled).not.toContain("{{");
    }
  });

  test("user templates override the built-in ones by file name, case-insensitively", () => {
    const chosen = chooseTemplates(new Map([["Templates/Intent/PLAN.md", "# Implementation Plan: {{title}}\n"], ["notes.md", "x"]]));
    expect(chosen.plan).toEqual({ text: "# Implementation Plan: {{title}}\n", source: "user" });
    expect(chosen.vision.source).toBe("builtin");
  });

  test("next free number and slug", () => {
    expect(nextVisionNumber([])).toBe("001");
    expect(nextVisionNumber(["visions/001-a", "007-b", "notes", "12-c", "999-z"])).toBe("1000");
    expect(nextVisionNumber(["001-a", "007-b", "readme"])).toBe("008");
    expect(visionSlug("Café & Crème: v2!")).toBe("cafe-creme-v2");
    expect(visionSlug("???")).toBe("vision");
    expect(visionSlug("写真アルバム")).toBe("写真アルバム");
  });

  test("a vision created from the built-in templates loads cleanly and generates one milestone phase", async () => {
    const { dir, cleanup } = scratchDir();
    try {
      const files = new NodeFiles(dir);
      const plan = planNewVision({ name: "  Garden   Planner ", root: "visions", existing: ["001-old"], date: "2026-01-02" });
      expect(plan.id).toBe("002-garden-planner");
      expect(plan.folder).toBe("visions/002-garden-planner");
      expect(plan.files.map((f) => f.path)).toEqual(["vision", "goal", "strategy", "plan"].map((r) => `visions/002-garden-planner/${r}.md`));
      for (const f of plan.files) await files.write(f.path, f.content);
      const { refs } = await scanVisions(files);
      expect(refs).toHaveLength(1);
      const { vision, diagnostics } = await loadVision(refs[0], (p) => files.read(p));
      expect(diagnostics).toEqual([]);
      expect(vision.name).toBe("Garden Planner");
      expect(vision.plan!.milestones.map((m) => [m.number, m.title, m.priority])).toEqual([["1", "First usable version", 1]]);
      expect(vision.vision!.intents).toHaveLength(1);
      expect(vision.goal!.objectives).toHaveLength(1);
      expect(vision.strategy!.recommended?.number).toBe("1");
      const note = renderExecuteNote(vision, buildExecutionPlan(vision), { today: TODAY });
      expect(note).toContain("## Phase 3: Milestone 1 - First usable version (Priority: P1) 🎯 MVP");
      expect(note).not.toContain("{{");
      expect(note.split("\n").flatMap(findPlaceholders)).toEqual([]);
    } finally {
      cleanup();
    }
  });
});
