import { buildGraph, nextReadyTasks } from "../../src/core/graph/build";
import { toGraphJson } from "../../src/core/graph/json";
import type { PlanGraph } from "../../src/core/graph/model";
import { readPlan } from "../../src/core/reader/read";

const graphOf = (lines: string[], weights?: Record<string, number>): PlanGraph =>
  buildGraph(readPlan("plan.md", lines.join("\n")), weights ? { phaseWeights: new Map(Object.entries(weights)) } : {});
const taskOf = (g: PlanGraph, id: string) => g.tasks.find((t) => t.id === id)!;
const states = (g: PlanGraph): Record<string, string> => Object.fromEntries(g.tasks.map((t) => [t.id, t.status]));

/** Setup → Foundational → two stories side by side → Polish. */
const DIAMOND = [
  "## Phase 1: Setup",
  "- [x] T001 Init",
  "- [ ] T002 Lint",
  "## Phase 2: Foundational",
  "- [ ] T003 Schema",
  "## Phase 3: User Story 1 - Big (Priority: P1)",
  "- [ ] T004 [US1] a",
  "- [ ] T005 [US1] b (depends on T004)",
  "- [ ] T006 [US1] c",
  "- [ ] T007 [US1] d",
  "## Phase 4: User Story 2 - Small (Priority: P2)",
  "- [ ] T008 [US2] e",
  "## Phase 5: Polish",
  "- [ ] T009 Docs",
];

describe("phase order", () => {
  const g = graphOf(DIAMOND);

  test("topological order and parallel waves", () => {
    expect(g.order).toEqual(["phase-1", "phase-2", "phase-3", "phase-4", "phase-5"]);
    expect(g.waves).toEqual([["phase-1"], ["phase-2"], ["phase-3", "phase-4"], ["phase-5"]]);
    expect(g.phases.map((p) => p.wave)).toEqual([0, 1, 2, 2, 3]);
    expect(g.edges.filter((e) => e.kind === "phase").map((e) => `${e.from}>${e.to}`)).toEqual([
      "phase-1>phase-2",
      "phase-2>phase-3",
      "phase-2>phase-4",
      "phase-3>phase-5",
      "phase-4>phase-5",
    ]);
  });

  test("critical path by task count", () => {
    expect(g.criticalPath).toEqual(["phase-1", "phase-2", "phase-3", "phase-5"]);
    expect(g.phases.map((p) => p.weight)).toEqual([2, 1, 4, 1, 1]);
    expect(g.phases.filter((p) => p.critical).map((p) => p.id)).toEqual(g.criticalPath);
  });

  test("critical path by milestone durations when they are known", () => {
    const m = graphOf(
      [
        "## Phase 1: Setup",
        "- [ ] T001 a",
        "## Phase 2: Milestone 1 - Many tasks, short",
        "- [ ] T002 [M1] b",
        "- [ ] T003 [M1] c",
        "- [ ] T004 [M1] d",
        "## Phase 3: Milestone 2 - One task, long",
        "- [ ] T005 [M2] e",
        "## Phase 4: Polish",
        "- [ ] T006 f",
      ],
      { M1: 5, M2: 30 },
    );
    expect(m.criticalPath).toEqual(["phase-1", "phase-3", "phase-4"]);
    expect(m.phases.map((p) => p.weight)).toEqual([1, 5, 30, 1]);
    expect(graphOf(["## Phase 1: Setup", "- [ ] T001 a", "## Phase 2: Milestone 1 - A", "- [ ] T002 [M1] b", "- [ ] T003 [M1] c", "## Phase 3: Milestone 2 - B", "- [ ] T004 [M2] d"]).criticalPath).toEqual([
      "phase-1",
      "phase-2",
    ]);
  });

  test("per-phase progress and status", () => {
    expect(g.phases.map((p) => [p.done, p.total, p.status])).toEqual([
      [1, 2, "ready"],
      [0, 1, "blocked"],
      [0, 4, "blocked"],
      [0, 1, "blocked"],
      [0, 1, "blocked"],
    ]);
  });
});

describe("task states", () => {
  test("phase gating: a phase waits for every task of the phases it depends on", () => {
    const g = graphOf(DIAMOND);
    expect(states(g)).toMatchObject({ T001: "done", T002: "ready", T003: "blocked", T004: "blocked", T009: "blocked" });
    expect(taskOf(g, "T003").blockedBy).toEqual(["T002"]);
    expect(taskOf(g, "T004").blockedBy).toEqual(["T003"]);
    expect(taskOf(g, "T009").blockedBy.slice().sort()).toEqual(["T004", "T005", "T006", "T007", "T008"]);

    const next = graphOf(DIAMOND.map((l) => l.replace("- [ ] T002", "- [x] T002").replace("- [ ] T003", "- [x] T003")));
    expect(states(next)).toMatchObject({ T004: "ready", T005: "blocked", T006: "ready", T008: "ready", T009: "blocked" });
    expect(taskOf(next, "T005").blockedBy).toEqual(["T004"]);
    expect(next.phases.map((p) => p.status)).toEqual(["done", "done", "ready", "ready", "blocked"]);
  });

  test("ready means every dependency is done, transitively", () => {
    const g = graphOf(["## Phase 1: Work", "- [ ] T001 a", "- [x] T002 b (depends on T001)", "- [ ] T003 c (depends on T002)", "- [ ] T004 d (depends on T003)"]);
    expect(states(g)).toEqual({ T001: "ready", T002: "done", T003: "blocked", T004: "blocked" });
    // T003's own dependency is done, but what that one waits for is not.
    expect(taskOf(g, "T003").blockedBy).toEqual(["T001"]);
    expect(taskOf(g, "T004").blockedBy).toEqual(["T003"]);
  });

  test("phase order is transitive too: a finished phase does not release its successors while an earlier one is open", () => {
    const g = graphOf(["## Phase 1: Setup", "- [ ] T001 a", "## Phase 2: Foundational", "- [x] T002 b", "## Phase 3: User Story 1 - X", "- [ ] T003 [US1] c"]);
    expect(states(g)).toEqual({ T001: "ready", T002: "done", T003: "blocked" });
    expect(taskOf(g, "T003").blockedBy).toEqual(["T001"]);
  });

  test("a task that waits for a whole milestone (depends on M1 completion)", () => {
    const g = graphOf(["## Phase 1: Milestone 1 - A", "- [ ] T001 [M1] a", "## Phase 2: Milestone 2 - B", "**Depends on**: None", "- [ ] T002 [M2] b", "- [ ] T003 [M2] c (depends on M1 completion)"]);
    expect(states(g)).toMatchObject({ T001: "ready", T003: "blocked" });
    expect(taskOf(g, "T003").blockedBy).toEqual(["T001"]);
  });

  test("task waves follow dependencies and phase order", () => {
    const g = graphOf(DIAMOND);
    expect(Object.fromEntries(g.tasks.map((t) => [t.id, t.wave]))).toEqual({ T001: 0, T002: 0, T003: 1, T004: 2, T005: 3, T006: 2, T007: 2, T008: 2, T009: 4 });
  });

  test("next ready tasks: phases in order, then document order, at most n", () => {
    const g = graphOf(DIAMOND.map((l) => l.replace("- [ ] T002", "- [x] T002").replace("- [ ] T003", "- [x] T003")));
    expect(nextReadyTasks(g, 10).map((t) => t.id)).toEqual(["T004", "T006", "T007", "T008"]);
    expect(nextReadyTasks(g, 2).map((t) => t.id)).toEqual(["T004", "T006"]);
    expect(nextReadyTasks(g, 0)).toEqual([]);
  });
});

describe("cycles never hang the graph", () => {
  test("a task cycle: its tasks block each other and the reader's diagnostic is kept", () => {
    const g = graphOf(["## Phase 1: Work", "- [ ] T001 a (depends on T002)", "- [ ] T002 b (depends on T001)", "- [ ] T003 c"]);
    expect(states(g)).toEqual({ T001: "blocked", T002: "blocked", T003: "ready" });
    expect(taskOf(g, "T001").blockedBy).toEqual(["T002"]);
    expect(g.diagnostics.filter((d) => d.code === "dependency-cycle")).toHaveLength(1);
  });

  test("a cycle whose other tasks are done leaves the last one ready", () => {
    const g = graphOf(["## Phase 1: Work", "- [x] T001 a (depends on T002)", "- [ ] T002 b (depends on T001)"]);
    expect(states(g)).toEqual({ T001: "done", T002: "ready" });
  });

  test("a phase cycle: every phase is still ordered and waved", () => {
    const g = graphOf(["## Phase 1: Milestone 1 - A", "**Depends on**: Milestone 2", "- [ ] T001 a", "## Phase 2: Milestone 2 - B", "**Depends on**: Milestone 1", "- [ ] T002 b", "## Phase 3: Polish", "- [ ] T003 c"]);
    expect(g.order.slice().sort()).toEqual(["phase-1", "phase-2", "phase-3"]);
    expect(g.waves.flat()).toHaveLength(3);
    expect(g.diagnostics.map((d) => d.code)).toEqual(["phase-cycle"]);
    expect(states(g)).toEqual({ T001: "blocked", T002: "blocked", T003: "blocked" });
  });

  test("a task dependency against the phase order is reported with the path", () => {
    const g = graphOf(["## Phase 1: Setup", "- [ ] T001 a (depends on T002)", "## Phase 2: Foundational", "- [ ] T002 b"]);
    const cycle = g.diagnostics.find((d) => d.code === "dependency-cycle");
    expect(cycle?.message).toContain("T001 → T002 → all of Phase 1: Setup → T001");
    expect(cycle?.line).toBe(2);
  });

  test("a 5,000-task ring is reported as one cycle, every task blocked (no hang, no stack overflow)", () => {
    const lines = ["## Phase 1: Ring"];
    for (let i = 1; i <= 5000; i++) lines.push(`- [ ] T${i} step (depends on T${i === 1 ? 5000 : i - 1})`);
    const g = graphOf(lines);
    expect(g.diagnostics.filter((d) => d.code === "dependency-cycle")).toHaveLength(1);
    expect(g.tasks.every((t) => t.status === "blocked")).toBe(true);
  });
});

describe("the JSON contract", () => {
  test("exactly the contract's fields; state null without a checkbox; only story/milestone labels", () => {
    const g = graphOf(["# Tasks: X", "- T000 Early bullet task", "## Phase 1 — Setup", "- T001 [P] [US1] First", "  - Status: done", "- T002 [Foundation] Second (depends on T001)"]);
    const json = toGraphJson(g);
    expect(Object.keys(json)).toEqual(["phases", "tasks", "edges", "criticalPath", "diagnostics"]);
    expect(json.phases).toEqual([
      { id: "phase-1", title: "Unphased tasks", kind: "other", line: 2, done: 0, total: 1, implicit: true },
      { id: "phase-2", title: "Setup", kind: "setup", line: 3, done: 1, total: 2 },
    ]);
    expect(json.tasks).toEqual([
      { id: "T000", phase: "phase-1", state: null, parallel: false, labels: [], dependsOn: [], line: 2 },
      { id: "T001", phase: "phase-2", state: "done", parallel: true, labels: ["US1"], dependsOn: [], line: 4 },
      { id: "T002", phase: "phase-2", state: null, parallel: false, labels: [], dependsOn: ["T001"], line: 6 },
    ]);
    // The implicit phase is "other" and first; a setup phase waits for nothing.
    expect(json.edges).toEqual([{ from: "T001", to: "T002", kind: "task" }]);
    expect(json.criticalPath).toEqual(["phase-2"]);
    expect(json.diagnostics.map((d) => Object.keys(d))).toEqual([["code", "severity", "message", "file", "line"]]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  test("tasks that wait for whole phases say so", () => {
    const json = toGraphJson(graphOf(["## Phase 1: Milestone 1 - A", "- [ ] T001 [M1] a", "## Phase 2: Setup", "- [ ] T002 b (depends on M1 completion)"]));
    expect(json.tasks[1]).toEqual({ id: "T002", phase: "phase-2", state: "open", parallel: false, labels: [], dependsOn: [], line: 4, dependsOnPhases: ["phase-1"] });
  });
});
