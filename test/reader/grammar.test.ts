import { readTaskHead } from "../../src/core/reader/ids";
import type { PlanDoc } from "../../src/core/reader/model";
import { readPhaseHeading } from "../../src/core/reader/phase-heading";
import { readPlan } from "../../src/core/reader/read";

const read = (text: string): PlanDoc => readPlan("plan.md", text);
const task = (doc: PlanDoc, id: string) => {
  const found = doc.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id} in ${doc.tasks.map((t) => t.id).join(",")}`);
  return found;
};
const codes = (doc: PlanDoc): string[] => doc.diagnostics.map((d) => d.code);

describe("phase headings", () => {
  test.each([
    ["Phase 3: User Story 1 - Title (Priority: P1) 🎯 MVP", { number: "3", kind: "story", label: "US1", priority: 1, mvp: true, title: "User Story 1 - Title" }],
    ["Phase 3 : Core", { number: "3", kind: "other", title: "Core" }],
    ["Phase 3.1: Setup", { number: "3.1", kind: "setup", title: "Setup" }],
    ["Phase 1: Setup (Shared Infrastructure)", { number: "1", kind: "setup" }],
    ["Phase 2: Foundational (Blocking Prerequisites)", { number: "2", kind: "foundational" }],
    ["Phase 7: Polish & Cross-Cutting Concerns", { number: "7", kind: "polish" }],
    ["Phase 5: Milestone 2 - Import & Export: CSV (Priority: P3)", { kind: "milestone", label: "M2", priority: 3, title: "Milestone 2 - Import & Export: CSV" }],
    ["Fase 2: Fundacional (Bloqueante)", { number: "2", kind: "foundational" }],
    ["Fase 1: Configuração inicial", { number: "1", kind: "setup" }],
    ["Fase 4: História de Usuário 2 - Agenda (Prioridade: P2)", { kind: "story", label: "US2", priority: 2 }],
    ["Fase 5: Polimento", { number: "5", kind: "polish" }],
    ["阶段 3：用户故事 1 - 导入（优先级: P1）🎯 MVP", { number: "3", kind: "story", label: "US1", priority: 1, mvp: true }],
    ["阶段二：用户故事 2 - 自动分类（优先级：P2）", { number: "2", kind: "story", label: "US2", priority: 2 }],
    ["阶段 1：设置", { number: "1", kind: "setup" }],
    ["阶段 2：基础", { number: "2", kind: "foundational" }],
    ["阶段 6：完善", { number: "6", kind: "polish" }],
    ["3단계: 사용자 스토리 2 (P1) - 재고", { number: "3", kind: "story", label: "US2", priority: 1 }],
    ["4단계: 사용자 스토리 1 - 주문 (우선순위: P1) 🎯 MVP", { number: "4", kind: "story", label: "US1", priority: 1, mvp: true }],
    ["1단계: 설정 (공유 인프라)", { number: "1", kind: "setup" }],
    ["2단계: 기반", { number: "2", kind: "foundational" }],
    ["6단계: 마무리 및 공통 관심사", { number: "6", kind: "polish" }],
    ["フェーズ2: 基盤（Foundational）", { number: "2", kind: "foundational" }],
    ["M1: Waiting list", { number: "M1", kind: "milestone", label: "M1", title: "Waiting list" }],
    ["[P] Milestone 3: Plot map", { kind: "milestone", label: "M3" }],
    ["Phase 4 : User Story 1 – Book (US1, Priority: P1) 🎯 MVP", { number: "4", kind: "story", label: "US1", priority: 1, mvp: true }],
    ["Phase 3: Módulo 1 — Catálogo (M1) 🎯 Primer incremento", { kind: "milestone", label: "M1", mvp: true }],
    ["Fase 5 — Polish [P3]", { number: "5", kind: "polish", priority: 3 }],
    ["Phase 1 — Ownership (US1)", { kind: "story", label: "US1" }],
  ])("%s", (heading, expected) => {
    expect(readPhaseHeading(heading)).toMatchObject(expected);
  });

  test("a label mentioned later does not make a section a phase", () => {
    expect(readPhaseHeading("Parallel Example: Milestone 1").numbered).toBe(false);
    expect(readPhaseHeading("Milestone 1: Shared list").numbered).toBe(true);
  });
});

describe("task IDs and markers", () => {
  test.each([
    ["T001 Create", { id: "T001", parallel: false, labels: [], rest: "Create" }],
    ["T010a [US1] Fall back", { id: "T010a", labels: ["US1"], rest: "Fall back" }],
    ["T1: Role value object", { id: "T1", rest: "Role value object" }],
    ["**T001** [P] Bold", { id: "T001", parallel: true, rest: "Bold" }],
    ["**T001:** Bold with colon", { id: "T001", rest: "Bold with colon" }],
    ["T003 [P][US1] No space", { id: "T003", parallel: true, labels: ["US1"] }],
    ["T015 [P] [M4a] Queue", { id: "T015", parallel: true, labels: ["M4a"] }],
    ["T002 [P]Add serial", { id: "T002", parallel: true, rest: "Add serial" }],
    ["T007: [US1] Colon", { id: "T007", labels: ["US1"], rest: "Colon" }],
    ["T008 — [US1] Dash", { id: "T008", labels: ["US1"], rest: "Dash" }],
    ["T201 [US1] [US4] [P] Two labels", { labels: ["US1", "US4"], parallel: true }],
    ["T012 [Foundation] Not a label", { labels: [], rest: "Not a label" }],
    ["T014 Mentions [P] and [US3] later", { parallel: false, labels: [], rest: "Mentions [P] and [US3] later" }],
    ["T2 [P]: Principal", { id: "T2", parallel: true, rest: "Principal" }],
    ["T5 [link](https://x) text", { rest: "[link](https://x) text" }],
    ["T067a-1 [US14] Sub-task of T067a", { id: "T067a-1", labels: ["US14"], rest: "Sub-task of T067a" }],
    ["T067a-9 [P] [US14] Ninth", { id: "T067a-9", parallel: true, labels: ["US14"], rest: "Ninth" }],
  ])("%s", (text, expected) => {
    expect(readTaskHead(text)).toMatchObject(expected);
  });

  test.each(["TXXX [P] placeholder", "TODO decide", "[T017] bracketed", "FR-004 requirement", "T", "Task 1"])("%s is not a task ID", (text) => {
    expect(readTaskHead(text)).toBeUndefined();
  });
});

describe("checkbox tasks", () => {
  const doc = read(
    [
      "# Tasks: Sample",
      "## Phase 1: Setup",
      "- [ ] T001 Dash",
      "* [x] T002 Star",
      "+ [X] T003 Plus",
      "1. [ ] T004 Ordered",
      "2) [ ] T005 Paren",
      "- Backend:",
      "  - [ ] T006 [P] Nested under a plain bullet",
      "    Wrapped onto a second line",
      "    - Depends on: T001, T002",
      "\t- [ ] T007 Tab indented",
      "- [ ] T008 [US1] Parent",
      "  - [ ] T009 [US1] Child task (depends on T008)",
      "- [~] T010 custom status is not a checkbox",
      "- [ ]T011 no space after the box",
      "- [ ] TODO no ID",
      "- T012 bullet without box",
    ].join("\n"),
  );

  test("every list marker, indented and nested tasks count; other items do not", () => {
    expect(doc.form).toBe("checkbox");
    expect(doc.tasks.map((t) => t.id)).toEqual(["T001", "T002", "T003", "T004", "T005", "T006", "T007", "T008", "T009"]);
    expect(doc.tasks.map((t) => t.state)).toEqual(["open", "done", "done", "open", "open", "open", "open", "open", "open"]);
  });

  test("continuation lines join the text; sub-bullets add dependencies; nested tasks keep their own", () => {
    expect(task(doc, "T006").text).toBe("Nested under a plain bullet Wrapped onto a second line");
    expect(task(doc, "T006").dependsOn).toEqual(["T001", "T002"]);
    expect(task(doc, "T008").dependsOn).toEqual([]);
    expect(task(doc, "T009").dependsOn).toEqual(["T008"]);
    expect(task(doc, "T009").text).toBe("Child task");
  });

  test("the block id of a generated line is stripped into blockId", () => {
    const d = read("## Phase 1: Setup\n- [ ] T012 [P] [M2] Build it (depends on T010) ^t012\n- [ ] T010 First ^t010");
    expect(task(d, "T012")).toMatchObject({ text: "Build it", blockId: "t012", parallel: true, labels: ["M2"], dependsOn: ["T010"] });
  });
});

describe("dependencies", () => {
  const doc = read(
    [
      "## Phase 1: Setup",
      "- [x] T001 One",
      "- [x] T002 Two",
      "- [ ] T003 Three (depends on T001, T002)",
      "- [ ] T004 Four (Depends on T003)",
      "- [ ] T005 Five (blocks T006)",
      "- [ ] T006 Six",
      "- [ ] T007 Seven (depends on T001-T004)",
      "- [ ] T008 Ocho (depende de T005, T006)",
      "- [ ] T009 九（依赖 T008）",
      "- [ ] T010 T009の後に実装する",
      "- [ ] T011 Eleven",
      "  - Depends on: T010",
      "- [ ] T012 Twelve (depends on T099)",
      "",
      "## Dependencies & Execution Order",
      "",
      "- T006 depends on T004",
      "- T011 → T012",
      "- T002 blocks T005",
      "- T001 和 T002 可顺序执行",
      "- T003 and T004 can run in parallel",
      "- T013 depends on T001",
    ].join("\n"),
  );

  test("inline notes, ranges, blocks, other languages and sub-bullets", () => {
    expect(task(doc, "T003").dependsOn).toEqual(["T001", "T002"]);
    expect(task(doc, "T004").dependsOn).toEqual(["T003"]);
    expect(task(doc, "T006").dependsOn).toEqual(["T005", "T004"]);
    expect(task(doc, "T007").dependsOn).toEqual(["T001", "T002", "T003", "T004"]);
    expect(task(doc, "T008").dependsOn).toEqual(["T005", "T006"]);
    expect(task(doc, "T009").dependsOn).toEqual(["T008"]);
    expect(task(doc, "T010").dependsOn).toEqual(["T009"]);
    expect(task(doc, "T011").dependsOn).toEqual(["T010"]);
  });

  test("dependency sections: statements are read, cross-reference bullets are not tasks", () => {
    expect(doc.tasks).toHaveLength(12);
    expect(task(doc, "T012").dependsOn).toEqual(["T099", "T011"]);
    expect(task(doc, "T005").dependsOn).toEqual(["T002"]);
    expect(task(doc, "T002").dependsOn).toEqual([]);
  });

  test("notes are removed from the text", () => {
    expect(task(doc, "T003").text).toBe("Three");
    expect(task(doc, "T009").text).toBe("九");
  });

  test("unknown IDs are kept as written and reported", () => {
    expect(doc.diagnostics.filter((d) => d.code === "unknown-dependency").map((d) => [d.line, d.message.includes("T099")])).toEqual([[14, true]]);
    expect(doc.diagnostics.some((d) => d.code === "unknown-task" && d.message.includes("T013"))).toBe(true);
  });

  test("Tasks plugin 🆔 / ⛔ fields map to task IDs", () => {
    const d = read(
      ["## Phase 1: Build", "- [x] T001 Dig 🆔 dig1 ✅ 2026-03-02", "- [ ] T002 Level ⛔ dig1 🆔 lvl2 ⏫ 📅 2026-03-15", "- [ ] T003 Beds ⛔️ lvl2,t001", "- [ ] T004 Water ⛔ zz9"].join("\n"),
    );
    expect(d.tasks.map((t) => t.dependsOn)).toEqual([[], ["T001"], ["T002", "T001"], ["zz9"]]);
    expect(d.tasks.map((t) => t.text)).toEqual(["Dig", "Level", "Beds", "Water"]);
  });

  test("depends on a milestone: the task waits for that milestone's phase", () => {
    const d = read(
      [
        "## Phase 1: Setup",
        "- [ ] T001 Setup",
        "## Phase 2: Milestone 1 - Scan (Priority: P1)",
        "- [ ] T002 [M1] Scan",
        "## Phase 3: Milestone 2 - Alerts (Priority: P2)",
        "- [ ] T003 [M2] Integrate with Milestone 1 (depends on M1 completion)",
        "- [ ] T004 [M2] Needs a milestone nobody has (depends on M9 completion)",
      ].join("\n"),
    );
    expect(task(d, "T003").dependsOn).toEqual([]);
    expect(task(d, "T003").dependsOnPhases).toEqual(["phase-2"]);
    expect(codes(d)).toContain("unknown-reference");
  });
});

describe("fallback forms when there are no checkbox tasks", () => {
  test("ID-first bullets, with Status sub-bullets", () => {
    const d = read(["## Phase 1 — Setup", "- T001 [P] First", "  - Status: done", "- T002 — Second", "  - Depends on: T001", "## Notes", "- T001 and T002 are easy"].join("\n"));
    expect(d.form).toBe("bullet");
    expect(d.tasks.map((t) => [t.id, t.state, t.parallel, t.dependsOn])).toEqual([
      ["T001", "done", true, []],
      ["T002", null, false, ["T001"]],
    ]);
  });

  test("### T1: headings, with Depends on / Status lines in their bodies", () => {
    const d = read(
      ["## Phase 1: Domain", "### T1: Role", "**Depends on**: None", "**Status**: done", "### T2 [P]: Principal", "**Depends on**: T1", "#### T2a: Sub", "**Status**: open"].join("\n"),
    );
    expect(d.form).toBe("heading");
    expect(d.tasks.map((t) => [t.id, t.state, t.parallel, t.dependsOn, t.text])).toEqual([
      ["T1", "done", false, [], "Role"],
      ["T2", null, true, ["T1"], "Principal"],
      ["T2a", "open", false, [], "Sub"],
    ]);
  });

  test("table rows whose first cell is an ID, with status and dependency columns", () => {
    const d = read(
      ["## Phase 1: Ingest", "| ID | Task | Status | Depends on |", "|---|---|---|---|", "| T001 | Review | Done | – |", "| **T002** | [P] [US1] Presign | In progress | T001 |", "| T003 | Store | ✅ Done | T001, T002 |"].join("\n"),
    );
    expect(d.form).toBe("table");
    expect(d.tasks.map((t) => [t.id, t.state, t.parallel, t.labels, t.dependsOn, t.text])).toEqual([
      ["T001", "done", false, [], [], "Review"],
      ["T002", "open", true, ["US1"], ["T001"], "Presign"],
      ["T003", "done", false, [], ["T001", "T002"], "Store"],
    ]);
  });

  test("checkbox tasks win over every other form", () => {
    const d = read(["## Phase 1: Setup", "- [ ] T001 Box", "- T002 Bullet", "### T3: Heading", "| ID | Task |", "|---|---|", "| T004 | Row |"].join("\n"));
    expect([d.form, d.tasks.map((t) => t.id)]).toEqual(["checkbox", ["T001"]]);
  });

  test("no tasks at all: form none", () => {
    expect(read("# Notes\n\nNothing here.").form).toBe("none");
  });
});

describe("what is not a task", () => {
  test("fenced code (backticks, tildes, nested, inside list items) and HTML comments", () => {
    const d = read(
      [
        "## Phase 1: Setup",
        "```markdown",
        "- [ ] T050 in a fence",
        "```",
        "~~~",
        "- [ ] T051 tilde fence",
        "~~~",
        "- [ ] T001 Real",
        "  ```",
        "  - [ ] T052 inside the item's fence",
        "  ```",
        "````",
        "```",
        "- [ ] T053 nested fence",
        "```",
        "````",
        "<!--",
        "- [ ] T054 commented out",
        "-->",
        "- [ ] T002 Real too",
      ].join("\n"),
    );
    expect(d.tasks.map((t) => t.id)).toEqual(["T001", "T002"]);
  });

  test("YAML frontmatter is read, not scanned for tasks", () => {
    const d = read(["---", "intentk: execute", "notes: |", "  - [ ] T901 not a task", "---", "# Execution Plan: Pantry", "## Phase 1: Setup", "- [ ] T001 Real"].join("\n"));
    expect(d.frontmatter).toMatchObject({ intentk: "execute" });
    expect(d.title).toBe("Pantry");
    expect(d.tasks.map((t) => t.id)).toEqual(["T001"]);
  });
});

describe("text as it comes", () => {
  const clean = ["# Tasks: X", "", "## Phase 1: Setup", "", "- [x] T001 First 🎯", "- [ ] T002 [P] Second → third (depends on T001)", ""].join("\n");
  const base = read(clean);

  test.each([
    ["CRLF line endings", clean.replace(/\n/g, "\r\n")],
    ["a byte-order mark", `\uFEFF${clean}`],
    ["no trailing newline", clean.trimEnd()],
    ["mojibake (UTF-8 read as Mac Roman)", clean.replace("🎯", "üéØ").replace("→", "‚Üí")],
  ])("%s: same plan", (_name, text) => {
    expect(read(text)).toEqual(base);
  });

  test("U+FFFD replacement characters are kept as text", () => {
    const d = read("## Phase 1: Setup\n- [ ] T001 Replace the \uFFFD glyph");
    expect(task(d, "T001").text).toBe("Replace the \uFFFD glyph");
  });
});

describe("phases", () => {
  test("level-3 headings are groups; tasks before any level-2 heading form one implicit phase", () => {
    const d = read(["# Tasks: X", "- [ ] T001 Early", "### Index", "- [ ] T002 Early too", "## Phase 2: UI", "### Tests", "- [ ] T003 [US1] Test", "### Build", "- [ ] T004 Build"].join("\n"));
    expect(d.phases.map((p) => [p.id, p.implicit, p.groups.map((g) => g.title)])).toEqual([
      ["phase-1", true, ["Index"]],
      ["phase-2", false, ["Tests", "Build"]],
    ]);
    expect(d.tasks.map((t) => [t.id, t.phase, t.group])).toEqual([
      ["T001", "phase-1", undefined],
      ["T002", "phase-1", "Index"],
      ["T003", "phase-2", "Tests"],
      ["T004", "phase-2", "Build"],
    ]);
    expect(d.diagnostics.map((x) => [x.code, x.line])).toEqual([["task-outside-phase", 2]]);
  });

  test("conventional order: setup → foundational → stories → polish; other → previous", () => {
    const d = read(
      [
        "## Phase 1: Setup",
        "- [ ] T001 a",
        "## Phase 2: Foundational",
        "- [ ] T002 b",
        "## Phase 3: User Story 1 - A",
        "- [ ] T003 c",
        "## Phase 4: User Story 2 - B",
        "- [ ] T004 d",
        "## Phase 5: Review",
        "- [ ] T005 e",
        "## Phase 6: Polish",
        "- [ ] T006 f",
      ].join("\n"),
    );
    expect(d.phases.map((p) => [p.kind, p.dependsOn])).toEqual([
      ["setup", []],
      ["foundational", ["phase-1"]],
      ["story", ["phase-2"]],
      ["story", ["phase-2"]],
      ["other", ["phase-4"]],
      ["polish", ["phase-3", "phase-4"]],
    ]);
  });

  test("explicit Depends on lines win; phases without tasks pass their order through", () => {
    const d = read(
      [
        "## Phase 1: Setup",
        "- [ ] T001 a",
        "## Phase 2: Foundational (Blocking Prerequisites)",
        "- No foundational tasks.",
        "## Phase 3: Milestone 1 - One (Priority: P1)",
        "**Depends on**: Foundational (Phase 2)",
        "- [ ] T002 [M1] b",
        "## Phase 4: Milestone 2 - Two (Priority: P2)",
        "**Depends on**: Milestone 1 (Phase 3)",
        "- [ ] T003 [M2] c",
        "## Phase 5: Milestone 3 - Three (Priority: P3)",
        "- [ ] T004 [M3] d",
        "## Dependencies & Execution Order",
        "- **Milestone 3 (P3)**: Starts after Milestone 2 (Phase 4)",
      ].join("\n"),
    );
    expect(d.phases.map((p) => [p.number, p.dependsOn])).toEqual([
      ["1", []],
      ["3", ["phase-1"]],
      ["4", ["phase-2"]],
      ["5", ["phase-3"]],
    ]);
  });
});

describe("diagnostics", () => {
  test("duplicate IDs: both tasks kept, both lines reported", () => {
    const d = read("## Phase 1: Setup\n- [ ] T001 a\n- [ ] T001 b");
    expect(d.tasks).toHaveLength(2);
    expect(d.diagnostics.filter((x) => x.code === "duplicate-task-id").map((x) => x.line)).toEqual([2, 3]);
    expect(d.diagnostics[0].message).toContain("lines 2, 3");
  });

  test("cycles are spelled out, once per knot", () => {
    const d = read("## Phase 1: Setup\n- [ ] T001 a (depends on T003)\n- [ ] T002 b (depends on T001)\n- [ ] T003 c (depends on T002)\n- [ ] T004 d (depends on T005)\n- [ ] T005 e (depends on T004)");
    const cycles = d.diagnostics.filter((x) => x.code === "dependency-cycle");
    expect(cycles.map((c) => [c.line, c.severity])).toEqual([
      [2, "error"],
      [5, "error"],
    ]);
    expect(cycles[0].message).toContain("T001 → T003 → T002 → T001");
    expect(cycles[1].message).toContain("T004 → T005 → T004");
  });

  test("phase cycles from explicit lines", () => {
    const d = read(
      ["## Phase 1: Milestone 1 - A", "**Depends on**: Milestone 2", "- [ ] T001 a", "## Phase 2: Milestone 2 - B", "**Depends on**: Milestone 1", "- [ ] T002 b"].join("\n"),
    );
    expect(codes(d)).toEqual(["phase-cycle"]);
    expect(d.diagnostics[0].message).toContain("Phase 1: Milestone 1 - A → Phase 2: Milestone 2 - B → Phase 1: Milestone 1 - A");
  });

  test("every diagnostic names the file and a 1-based line", () => {
    const d = readPlan("specs/001/tasks.md", "## Phase 1: Setup\n- [ ] T001 a (depends on T404)");
    expect(d.diagnostics).toEqual([expect.objectContaining({ code: "unknown-dependency", severity: "warning", file: "specs/001/tasks.md", line: 2 })]);
  });
});

describe("task IDs seen in real files", () => {
  const doc = read(
    [
      "## Phase 1: Setup",
      "- [ ] T001 Plain",
      "- [X] T001.1 A sub-step numbered under T001",
      "- [x] T010A Upper-case suffix letter",
      "- [ ] T013-1 Hyphenated sub-number",
      "- [ ] T020 [P] [us1] Lower-case story label (depends on T001.1)",
      "- [ ] T067a [US14] Parent with a suffix letter",
      "- [ ] T067a-1 [US14] Its first sub-task",
      "- [ ] T067a-2 [US14] Its second sub-task (depends on T067a-1)",
      "- [ ] T068 [US14] After both sub-tasks (depends on T067a-1, T067a-2)",
    ].join("\n"),
  );

  test("sub-numbers and suffix letters are part of the ID, not duplicates of it", () => {
    expect(doc.tasks.map((t) => t.id)).toEqual(["T001", "T001.1", "T010A", "T013-1", "T020", "T067a", "T067a-1", "T067a-2", "T068"]);
    expect(doc.tasks.slice(5).map((t) => t.labels)).toEqual([["US14"], ["US14"], ["US14"], ["US14"]]);
    // A dependency on a sub-task is that sub-task, not a range down to T1.
    expect(doc.tasks.slice(7).map((t) => t.dependsOn)).toEqual([["T067a-1"], ["T067a-1", "T067a-2"]]);
    expect(doc.diagnostics.filter((d) => d.code === "duplicate-task-id")).toEqual([]);
    expect(read(["## P", "- [ ] T001 a", "- [ ] T001 b"].join("\n")).diagnostics.filter((d) => d.code === "duplicate-task-id")).toHaveLength(2);
  });

  test("a lower-case story label is the same label; a dependency on a sub-numbered ID resolves", () => {
    const t = doc.tasks.find((x) => x.id === "T020")!;
    expect(t.labels).toEqual(["US1"]);
    expect(t.parallel).toBe(true);
    expect(t.dependsOn).toEqual(["T001.1"]);
  });
});
