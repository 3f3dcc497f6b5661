import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { graphCommand, registerGraphFormat } from "../../src/cli/commands/graph";
import { statusCommand } from "../../src/cli/commands/status";
import type { GraphJson } from "../../src/core/graph/model";
import { EXAMPLES, TODAY, scratchCopy, scratchDir } from "../helpers";
import { runCommand } from "../cli-run";

const run = runCommand;

describe("intentk graph", () => {
  let vault: { dir: string; cleanup: () => void };
  beforeAll(() => {
    vault = scratchCopy(EXAMPLES);
  });
  afterAll(() => vault.cleanup());

  test("a spec-kit folder: the JSON contract of its tasks.md", async () => {
    const r = await run(graphCommand, vault.dir, "graph", "specs/001-photo-albums", "--format", "json");
    expect(r).toMatchObject({ code: 0, err: "" });
    const json = JSON.parse(r.out) as GraphJson;
    expect(json.tasks).toHaveLength(22);
    expect(json.phases.map((p) => [p.kind, p.done, p.total])).toEqual([
      ["setup", 3, 3],
      ["foundational", 1, 4],
      ["story", 0, 8],
      ["story", 0, 4],
      ["polish", 0, 3],
    ]);
    expect(json.criticalPath).toEqual(["phase-1", "phase-2", "phase-3", "phase-5"]);
    expect(json.edges.filter((e) => e.kind === "task")).toHaveLength(8);
    expect(json.diagnostics).toEqual([]);
  });

  test("a vision without an execute note: generated in memory, weighted by milestone timelines", async () => {
    const r = await run(graphCommand, vault.dir, "graph", "visions/001-team-reading-list");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as GraphJson;
    expect(json.tasks).toHaveLength(79);
    expect(json.phases.map((p) => p.title)).toEqual([
      "Setup (Shared Infrastructure)",
      "Foundational (Blocking Prerequisites)",
      "Milestone 1 - Shared List Core",
      "Milestone 3 - Reading Status",
      "Milestone 2 - Import & Export: CSV",
      "Milestone 4 - Takeaways and Discussions",
      "Polish & Cross-Cutting Concerns",
    ]);
    // M3 and M2 both take three weeks after M1; M4 needs both. Ties keep the earlier phase.
    expect(json.criticalPath).toEqual(["phase-1", "phase-2", "phase-3", "phase-4", "phase-6", "phase-7"]);
  });

  test("a single file, and the vault folder with --vision", async () => {
    const file = await run(graphCommand, vault.dir, "graph", "specs/001-photo-albums/tasks.md");
    const folder = await run(graphCommand, vault.dir, "graph", ".", "--vision", "001-photo-albums");
    expect(file.code).toBe(0);
    expect(JSON.parse(file.out)).toEqual(JSON.parse(folder.out));
  });

  test("other formats come from the registry", async () => {
    registerGraphFormat("count", (g) => `${g.tasks.length} tasks`);
    expect((await run(graphCommand, vault.dir, "graph", "specs/001-photo-albums", "--format", "count")).out).toBe("22 tasks");
    expect((await run(graphCommand, vault.dir, "graph", "specs/001-photo-albums", "--format", "mermaid")).out).toMatch(/^flowchart/);
  });

  test("clear one-line errors", async () => {
    expect(await run(graphCommand, vault.dir, "graph")).toMatchObject({ code: 2, err: "Missing <file|folder> argument; see --help." });
    expect(await run(graphCommand, vault.dir, "graph", "nowhere")).toMatchObject({ code: 2, err: "No such file or folder: nowhere" });
    expect((await run(graphCommand, vault.dir, "graph", ".")).err).toMatch(/^\. holds 4 plans \(001-photo-albums, 001-team-reading-list, 002-offline-notes-sync, 003-field-survey-app\); pick one/);
    expect((await run(graphCommand, vault.dir, "graph", "specs/001-photo-albums", "--format", "png")).err).toMatch(/^Unknown --format "png"; use one of: json/);
  });
});

describe("intentk status", () => {
  test("one block per plan: phases, overall progress, next ready tasks, diagnostics", async () => {
    const vault = scratchCopy(EXAMPLES);
    try {
      const r = await run(statusCommand, vault.dir, "status", ".");
      const blocks = r.out.split("\n\n");
      expect(blocks).toHaveLength(4);
      expect(blocks[0].split("\n").slice(0, 3)).toEqual([
        "specs/001-photo-albums/tasks.md — Photo Albums",
        "  Progress: 4/22 tasks done (18%)",
        expect.stringMatching(/^ {2}Phase 1: Setup \(Shared Infrastructure\) +3\/3 {2}done, critical path$/),
      ]);
      expect(blocks[0]).toContain("    T005  Set up the Alembic migration environment in migrations/env.py  (specs/001-photo-albums/tasks.md:34)");
      expect(blocks[1]).toContain("visions/001-team-reading-list/execute.md — Team Reading List (not written yet: generated from the plan)");
      // 003 has a milestone cycle in its plan: reported as file:line: severity: message, exit code 1.
      expect(blocks[3]).toMatch(/visions\/003-field-survey-app\/execute\.md:\d+: error: Phases wait for each other in a cycle/);
      expect(r.code).toBe(1);
    } finally {
      vault.cleanup();
    }
  });

  test("--json, --next and a file with duplicate IDs", async () => {
    const scratch = scratchDir();
    try {
      writeFileSync(join(scratch.dir, "tasks.md"), "## Phase 1: Setup\n- [x] T001 a\n- [ ] T002 b\n- [ ] T002 c\n- [ ] T003 d (depends on T002)\n");
      const r = await run(statusCommand, scratch.dir, "status", "tasks.md", "--json", "--next", "1");
      expect(r.code).toBe(1);
      const [status] = JSON.parse(r.out) as { done: number; total: number; next: { id: string; line: number }[]; diagnostics: { code: string; line: number }[] }[];
      expect(status).toMatchObject({ done: 1, total: 4, next: [{ id: "T002", line: 3 }] });
      expect(status.diagnostics.map((d) => [d.code, d.line])).toEqual([
        ["duplicate-task-id", 3],
        ["duplicate-task-id", 4],
      ]);
      expect((await run(statusCommand, scratch.dir, "status", "tasks.md", "--next", "x")).err).toBe('--next must be a whole number, not "x".');
    } finally {
      scratch.cleanup();
    }
  });
});

describe("graph and status on any document of a vision", () => {
  const V1 = "visions/001-team-reading-list";
  let vault: { dir: string; cleanup: () => void };
  beforeEach(() => {
    vault = scratchCopy(EXAMPLES);
  });
  afterEach(() => vault.cleanup());

  test.each(["plan.md", "vision.md", "goal.md", "strategy.md", ""])("graph %s shows the vision's graph", async (doc) => {
    const folder = JSON.parse((await run(graphCommand, vault.dir, "graph", V1)).out) as GraphJson;
    const r = await run(graphCommand, vault.dir, "graph", doc ? `${V1}/${doc}` : V1);
    expect(r).toMatchObject({ code: 0, err: "" });
    const json = JSON.parse(r.out) as GraphJson;
    expect(json.tasks).toHaveLength(79);
    expect(json).toEqual(folder);
  });

  test("status on plan.md shows the vision's progress", async () => {
    const r = await run(statusCommand, vault.dir, "status", `${V1}/plan.md`, "--json");
    const [status] = JSON.parse(r.out) as { file: string; total: number }[];
    expect(status).toMatchObject({ file: `${V1}/execute.md`, total: 79 });
  });

  test("a plan cycle and an execute note older than the plan both show in the graph JSON", async () => {
    const { runCli } = await import("../../src/cli/main");
    await runCli(["generate", vault.dir, "--vision", "001"], { out: () => undefined, err: () => undefined, today: TODAY });
    const plan = join(vault.dir, V1, "plan.md");
    const { readFileSync } = await import("node:fs");
    writeFileSync(plan, readFileSync(plan, "utf8").replace("- **Dependencies**: None (foundational)", "- **Dependencies**: Milestone 4"));
    for (const target of [`${V1}/plan.md`, `${V1}/execute.md`, V1]) {
      const json = JSON.parse((await run(graphCommand, vault.dir, "graph", target)).out) as GraphJson;
      const codes = json.diagnostics.map((d) => [d.code, d.file]);
      expect(codes).toContainEqual(["dependency-cycle", `${V1}/plan.md`]);
      expect(codes).toContainEqual(["out-of-date", `${V1}/execute.md`]);
    }
    const status = await run(statusCommand, vault.dir, "status", `${V1}/plan.md`);
    expect(status.code).toBe(1);
    expect(status.out).toMatch(/plan\.md:\d+: error: Milestone dependencies form a cycle/);
  });
});
