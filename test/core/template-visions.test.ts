import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { deliverableTask, namesIn } from "../../src/core/generate/deliverables";
import { generate, loadOne } from "../helpers";

/**
 * Vision folders written field for field in the intent-kit v0.0.22 template shapes
 * (test/fixtures/visions-template): what a user of intent-kit gets must read right.
 */
const TEMPLATE = join(__dirname, "..", "fixtures", "visions-template");
const APPROVALS = join(__dirname, "..", "approvals");

const taskLines = (note: string): string[] => note.split("\n").filter((l) => /^- \[ \] T\d{3}/.test(l));
const phase = (note: string, heading: RegExp): string => note.split(/^## /m).find((s) => heading.test(s.split("\n")[0])) ?? "";

describe("021: one-line deliverables, three strategies, one recommended", () => {
  const load = () => loadOne(TEMPLATE, "021-volunteer-rota-export");

  test("one task per deliverable, each with its file; 'and' inside one deliverable stays", async () => {
    const note = generate(await load());
    const m1 = taskLines(phase(note, /Milestone 1 - CSV Export/));
    expect(m1.filter((l) => /rota\/exports\//.test(l)).map((l) => l.replace(/^- \[ \] T\d+ (?:\[P\] )?\[M1\] /, "").replace(/ \^t\d+$/, ""))).toEqual([
      "Deliver CSV export service in `rota/exports/service.py`",
      "Deliver export form and download view in `rota/exports/views.py`",
      "Deliver clinicSoft API client in `rota/exports/clinicsoft.py`",
    ]);
    expect(taskLines(phase(note, /Milestone 2 - /)).filter((l) => /Deliver .* in `rota\/imports\//.test(l))).toHaveLength(3);
  });

  test("tests come first, in the Implementation Structure's test folders; then the build", async () => {
    const tasks = taskLines(phase(generate(await load()), /Milestone 2 - /));
    expect(tasks[0]).toContain("Write the validation test in `tests/validation/`, failing before the build: Import two partner spreadsheets");
    expect(tasks[1]).toContain("Write the integration test with Milestone 1 - CSV Export in `tests/integration/`");
    expect(tasks[2]).toContain("Deliver CSV parser");
  });

  test("setup and path conventions come from the Implementation Structure and the recommended strategy's tools", async () => {
    const note = generate(await load());
    expect(note).toContain("Paths follow the project structure in [[visions/021-volunteer-rota-export/plan|plan]] (line 22): `rota/`, `tests/`, `docs/`, `pyproject.toml`");
    const setup = taskLines(phase(note, /Phase 1: Setup/)).join("\n");
    expect(setup).toContain("Initialize the project with Python 3.12, Django 5 and install its dependencies in `pyproject.toml`");
    expect(setup).toContain("Configure linting and formatting: ruff");
    expect(setup).toContain("Set up the test tools: pytest");
    expect(note).not.toContain("research.md`");
  });

  test("strategy content only from the recommended strategy", async () => {
    const note = generate(await load());
    for (const rejected of ["marketplace dashboard", "how-to video", "Mailgun", "text message reminder", "Apps Script"]) expect(note).not.toContain(rejected);
    expect(note).toContain("Export and import events logged by the module, counted weekly");
    expect(note).toContain("If the import preview confuses coordinators, replace it with a row-by-row wizard");
  });

  test("adaptation keeps triggers with their responses, from the plan, the goal's AT- items and the strategy", async () => {
    const note = generate(await load());
    expect(note).toContain("If **Progress is behind schedule**: Move the usage report after the release; Tell the partner sites the new date");
    expect(note).toContain("- **AT-001**: If **Export still takes coordinators over 15 minutes a week after two weeks of use**:");
    expect(note).toContain("- **CM-001**: MT-001: Friday check-in with both coordinators");
  });

  test("explicit sources: every generated task has a document line", async () => {
    const { buildExecutionPlan } = await import("../../src/core/generate/plan-model");
    const { vision } = await load();
    for (const t of buildExecutionPlan(vision).phases.flatMap((p) => p.tasks)) {
      expect(t.source).toBeDefined();
      const line = readFileSync(join(TEMPLATE, t.source!.file), "utf8").split("\n")[t.source!.line - 1];
      expect(line.trim()).not.toBe("");
    }
  });
});

describe("022: template placeholders left in", () => {
  const load = () => loadOne(TEMPLATE, "022-library-holds-sms");

  test("no placeholder reaches the note; a [Title] milestone is named by its number", async () => {
    const note = generate(await load());
    expect(note).not.toMatch(/\[(?:Title|initial state|action|verified outcome|DATE|Describe[^\]]*|Start and end dates[^\]]*|People, tools[^\]]*)\]/);
    expect(note).toContain("## Phase 4: Milestone 2 (Priority: P2)");
    expect(note).toContain("**Plan**: [[visions/022-library-holds-sms/plan|M2]]");
  });

  test("check reports each placeholder with file and line, and the missing recommendation", async () => {
    const { diagnostics } = await load();
    const at = (file: string, line: number) => diagnostics.filter((d) => d.code === "placeholder" && d.file.endsWith(file) && d.line === line).map((d) => /placeholder (\[.*\]) is/.exec(d.message)![1]);
    expect(at("plan.md", 51)).toEqual(["[initial state]", "[action]", "[verified outcome]"]);
    expect(at("plan.md", 55)).toEqual(["[Title]"]);
    expect(at("plan.md", 40)).toEqual(["[Start and end dates - specific dates or duration]"]);
    expect(at("plan.md", 41)).toEqual(["[People, tools, systems required]"]);
    expect(diagnostics.find((d) => d.code === "no-recommended-strategy")).toMatchObject({ severity: "warning", file: "visions/022-library-holds-sms/strategy.md" });
  });

  test("several strategies and none recommended: no strategy content at all", async () => {
    const note = generate(await load());
    for (const s of ["Delivery receipts from the gateway", "second gateway", "Twilio", "vitest"]) expect(note).not.toContain(s);
  });
});

test("task text keeps the case of names and does not prefix actions", () => {
  expect(deliverableTask("clinicSoft API client in `a.py`")).toBe("Deliver clinicSoft API client in `a.py`");
  expect(deliverableTask("PostgreSQL schema")).toBe("Deliver PostgreSQL schema");
  expect(deliverableTask("Tables for teams")).toBe("Deliver tables for teams");
  expect(deliverableTask("End-to-end scenario")).toBe("Deliver end-to-end scenario");
  expect(deliverableTask("integrate the SMS gateway")).toBe("Integrate the SMS gateway");
  expect(deliverableTask("ClinicSoft API client")).toBe("Deliver ClinicSoft API client");
  expect(deliverableTask("Python poller for Modbus TCP", namesIn(["Raspberry Pi loggers, Python poller, MQTT"]))).toBe("Deliver Python poller for Modbus TCP");
  expect(deliverableTask("Weekly metrics report", namesIn(["Raspberry Pi loggers, Python poller, MQTT"]))).toBe("Deliver weekly metrics report");
  expect(deliverableTask("Children's scripts for 15 stops")).toBe("Deliver children's scripts for 15 stops");
});

test("no generated line ends with an empty value, in any approval file", () => {
  const empty = /^\s*(?:[-*]|\d+\.)\s.*:\s*$|^\s*(?:[-*]\s+)?\*\*[^*]+\*\*:?\s*:?\s*$/;
  for (const bad of ["- **CM-001**: Milestone Tracking: ", "- **Timeline**:", "**Goal**: ", "1. **Identify Evidence**:"]) expect(empty.test(bad)).toBe(true);
  const files = readdirSync(APPROVALS).filter((f) => f.endsWith(".md"));
  expect(files.length).toBeGreaterThanOrEqual(5);
  const offenders = files.flatMap((f) => readFileSync(join(APPROVALS, f), "utf8").split("\n").map((l, i) => `${f}:${i + 1}: ${l}`).filter((l) => empty.test(l.replace(/^[^:]+:\d+: /, ""))));
  expect(offenders).toEqual([]);
});

describe("the recommended strategy", () => {
  const strategies = "# Strategy Exploration: X\n\n## Strategy 1: Add-on\n- **Approach**: A\n\n**Evidence Collection Approach**:\n- Add-on installs\n\n## Strategy 2: Module\n- **Approach**: B\n\n**Evidence Collection Approach**:\n- Module events\n";

  test("the plan's Selected Strategy names it when the strategy document does not", async () => {
    const { parseMarkdown } = await import("../../src/core/markdown/parse");
    const { parseStrategy } = await import("../../src/core/vision/parse-docs");
    const { parsePlan } = await import("../../src/core/vision/parse-plan");
    const { settleRecommendation } = await import("../../src/core/vision/checks");
    const strategy = parseStrategy(parseMarkdown("s.md", strategies));
    const plan = parsePlan(parseMarkdown("p.md", "# Implementation Plan: X\n\n## Milestone Overview\n\n**Selected Strategy**: Strategy 2 - Module\n"), []);
    const diagnostics: import("../../src/core/diagnostics").Diagnostic[] = [];
    settleRecommendation(strategy, plan, diagnostics);
    expect(strategy.recommended?.number).toBe("2");
    expect(strategy.recommended?.evidence.map((e) => e.text)).toEqual(["Module events"]);
    expect(diagnostics).toEqual([]);
  });

  test("a Selected Approach field wins over a rationale that mentions another strategy first", async () => {
    const { parseMarkdown } = await import("../../src/core/markdown/parse");
    const { parseStrategy } = await import("../../src/core/vision/parse-docs");
    const text = `${strategies}\n## Recommended Strategy\n\nUnlike Strategy 1, it serves both objectives.\n\n**Selected Approach**: Strategy 2 - Module\n`;
    expect(parseStrategy(parseMarkdown("s.md", text)).recommended?.number).toBe("2");
  });
});
