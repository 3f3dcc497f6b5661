import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import type { GraphJson } from "../../src/core/graph/model";
import { EXAMPLES, TODAY, scratchCopy } from "../helpers";

/** Runs `intentk …` in `cwd`, as a user would from that folder. */
async function intentk(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), today: TODAY });
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    process.chdir(previous);
  }
}

const VISION = "visions/001-team-reading-list";

describe("the schedule in intentk graph --format json", () => {
  let vault: { dir: string; cleanup: () => void };
  beforeAll(() => {
    vault = scratchCopy(EXAMPLES);
  });
  afterAll(() => vault.cleanup());

  test("the example vision: Start Date 2026-11-02, M1 weeks 1-2, M2 three weeks after M1, M3 weeks 3-5, M4 dated, week 6 a buffer", async () => {
    const r = await intentk(vault.dir, "graph", VISION, "--format", "json");
    expect(r).toMatchObject({ code: 0, err: "" });
    const json = JSON.parse(r.out) as GraphJson;
    const title = (id: string) => json.phases.find((p) => p.id === id)!.title;
    expect(json.schedule!.map((s) => [title(s.phase), s.start, s.end, s.earliestStart, s.latestStart, s.slackDays, s.estimated])).toEqual([
      ["Setup (Shared Infrastructure)", "2026-11-02", "2026-11-02", "2026-11-02", "2026-11-09", 7, false],
      ["Foundational (Blocking Prerequisites)", "2026-11-02", "2026-11-02", "2026-11-02", "2026-11-09", 7, false],
      ["Milestone 1 - Shared List Core", "2026-11-02", "2026-11-15", "2026-11-02", "2026-11-09", 7, false],
      ["Milestone 3 - Reading Status", "2026-11-16", "2026-12-06", "2026-11-16", "2026-11-23", 7, false],
      ["Milestone 2 - Import & Export: CSV", "2026-11-16", "2026-12-06", "2026-11-16", "2026-11-23", 7, false],
      ["Milestone 4 - Takeaways and Discussions", "2026-12-14", "2026-12-23", "2026-12-14", "2026-12-14", 0, false],
      ["Polish & Cross-Cutting Concerns", "2026-12-24", "2026-12-24", "2026-12-24", "2026-12-24", 0, false],
    ]);
    // The plan's own words: "Critical path: Milestone 1 → Milestone 3 → Milestone 4".
    expect(json.criticalPath.map(title).filter((t) => t.startsWith("Milestone"))).toEqual([
      "Milestone 1 - Shared List Core",
      "Milestone 3 - Reading Status",
      "Milestone 4 - Takeaways and Discussions",
    ]);
  });

  test("schedule diagnostics point at the plan's lines, as the user wrote the path", async () => {
    const planPath = join(vault.dir, VISION, "plan.md");
    const original = readFileSync(planPath, "utf8");
    const lines = original.split("\n");
    const summary = lines.indexOf("## Summary");
    lines.splice(summary, 0, "## Milestone Overview", "", "**Overall Timeline**: 6 weeks", "");
    const text = lines.join("\n").replace("- **Timeline**: Weeks 3-5", "- **Timeline**: 2026-11-09 to 2026-11-27").replace("- **Timeline**: Complete within 3 weeks", "- **Timeline**: when the team has time");
    writeFileSync(planPath, text);
    try {
      const r = await intentk(vault.dir, "graph", VISION, "--format", "json");
      const json = JSON.parse(r.out) as GraphJson;
      const lineOf = (needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
      const file = `${VISION}/plan.md`;
      const found = json.diagnostics.filter((d) => d.file === file && /^(?:timeline|schedule)-/.test(d.code));
      expect(found.map((d) => [d.code, d.line])).toEqual([
        ["timeline-short", lineOf("**Overall Timeline**")],
        ["timeline-unreadable", lineOf("when the team has time")],
        ["schedule-conflict", lineOf("2026-11-09 to 2026-11-27")],
      ]);
      expect(found[0].message).toContain("6 weeks");
      expect(found[2].message).toMatch(/^Milestone 3 is dated to start on 2026-11-09, before Milestone 1, which it depends on, ends on 2026-11-15/);
      // The estimated milestone (M2: 9 tasks → two weeks).
      const m2 = json.phases.find((p) => p.title.startsWith("Milestone 2"))!;
      expect(json.schedule!.find((s) => s.phase === m2.id)).toMatchObject({ estimated: true, start: "2026-11-16", end: "2026-12-06" });
    } finally {
      writeFileSync(planPath, original);
    }
  });

  test("a plan without timing still gets a schedule, estimated from its tasks, from today", async () => {
    const r = await intentk(vault.dir, "graph", "specs/001-photo-albums", "--format", "json");
    const json = JSON.parse(r.out) as GraphJson;
    expect(json.schedule!.length).toBe(json.phases.length);
    expect(json.schedule![0].start).toBe("2026-11-24");
    expect(json.schedule!.some((s) => s.estimated)).toBe(true);
  });
});

describe("intentk check reports the schedule's problems", () => {
  test("a milestone dated before its dependency ends, in file:line form, once an execute note exists", async () => {
    const vault = scratchCopy(EXAMPLES);
    try {
      const planPath = join(vault.dir, VISION, "plan.md");
      const text = readFileSync(planPath, "utf8").replace("- **Timeline**: 2026-12-14 to 2026-12-23", "- **Timeline**: 2026-11-30 to 2026-12-11");
      writeFileSync(planPath, text);
      expect((await intentk(vault.dir, "generate", ".", "--vision", "001")).code).toBe(0);
      const r = await intentk(vault.dir, "check", ".", "--vision", "001");
      const line = text.split("\n").findIndex((l) => l.includes("2026-11-30 to 2026-12-11")) + 1;
      expect(r.out.split("\n").filter((l) => l.includes("[schedule-"))).toEqual([
        `${VISION}/plan.md:${line}: warning: Milestone 4 is dated to start on 2026-11-30, before Milestone 3, which it depends on, ends on 2026-12-06; move its dates or remove the dependency. [schedule-conflict]`,
      ]);
    } finally {
      vault.cleanup();
    }
  });
});
