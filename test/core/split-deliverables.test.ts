import { deliverableItems } from "../../src/core/generate/deliverables";
import { buildExecutionPlan } from "../../src/core/generate/plan-model";
import { parseMarkdown } from "../../src/core/markdown/parse";
import type { Vision } from "../../src/core/vision/model";
import { parsePlan } from "../../src/core/vision/parse-plan";
import { splitDeliverables } from "../../src/core/generate/split-deliverables";

describe("one-line deliverables are split the way a reader would", () => {
  test("the template's line: each item names its own file; 'and' inside one item stays", () => {
    expect(splitDeliverables("CSV export service in `a.py`, export form and download view in `b.py`, import test suite in `c.py`")).toEqual([
      "CSV export service in `a.py`",
      "export form and download view in `b.py`",
      "import test suite in `c.py`",
    ]);
  });

  test("semicolons always separate", () => {
    expect(splitDeliverables("Booking API; reminder worker; admin guide.")).toEqual(["Booking API", "reminder worker", "admin guide"]);
  });

  test("'and' splits where each side names its own file", () => {
    expect(splitDeliverables("Schema in `db/schema.sql` and seed script in `db/seed.py`")).toEqual(["Schema in `db/schema.sql`", "seed script in `db/seed.py`"]);
  });

  test("a comma list without files: 'A, B and C' and 'A, B, and C'", () => {
    expect(splitDeliverables("Reading list API, web sign-in page and weekly email digest")).toEqual(["Reading list API", "web sign-in page", "weekly email digest"]);
    expect(splitDeliverables("Reading list API, web sign-in page, and weekly email digest")).toEqual(["Reading list API", "web sign-in page", "weekly email digest"]);
  });

  test("single words are not deliverables of their own", () => {
    expect(splitDeliverables("Reports for admins, managers and staff")).toEqual(["Reports for admins, managers and staff"]);
    expect(splitDeliverables("Search and filter UI")).toEqual(["Search and filter UI"]);
    expect(splitDeliverables("Login page and password reset flow")).toEqual(["Login page and password reset flow"]);
  });

  test("never inside backticks, parentheses, brackets, links or quotes", () => {
    expect(splitDeliverables("Config loader (YAML, JSON and TOML) in `src/config.ts`")).toEqual(["Config loader (YAML, JSON and TOML) in `src/config.ts`"]);
    expect(splitDeliverables("CLI `intentk check, fix` in `src/cli.ts`")).toEqual(["CLI `intentk check, fix` in `src/cli.ts`"]);
    expect(splitDeliverables('Banner reading "Saved, synced and shared" in `ui/banner.tsx`')).toEqual(['Banner reading "Saved, synced and shared" in `ui/banner.tsx`']);
    expect(splitDeliverables("Guide per [setup, install and run](docs/setup.md), FAQ page in `docs/faq.md`")).toEqual([
      "Guide per [setup, install and run](docs/setup.md)",
      "FAQ page in `docs/faq.md`",
    ]);
    expect(splitDeliverables("Notes in [[Design, v2]] and API sketch")).toEqual(["Notes in [[Design, v2]] and API sketch"]);
  });

  test("items without a file after a filed item keep the filed one separate", () => {
    expect(splitDeliverables("API client in `src/client.ts`, admin dashboard page, audit report export")).toEqual([
      "API client in `src/client.ts`",
      "admin dashboard page",
      "audit report export",
    ]);
  });

  test("a path-less item before a filed one shares that file", () => {
    expect(splitDeliverables("Importer in `a.py`, parser, validator in `b.py`")).toEqual(["Importer in `a.py`", "parser, validator in `b.py`"]);
  });

  test("one deliverable stays one, words such as 'android' or 'brand' are not 'and'", () => {
    expect(splitDeliverables("Android brand kit in `design/brand.fig`")).toEqual(["Android brand kit in `design/brand.fig`"]);
    expect(splitDeliverables("Onboarding checklist")).toEqual(["Onboarding checklist"]);
  });

  test("unbalanced brackets or quotes never lose text", () => {
    const line = 'Export (CSV, "JSON and XML in `a.py`, viewer in `b.py`';
    expect(splitDeliverables(line).join(" ")).toBe(line);
  });

  test("linear time: a line 50 times longer takes well under 500 times as long", () => {
    const unit = "export form and download view in `b.py`, report (a, b) and chart in `c.py`; ";
    const time = (s: string): number => {
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) splitDeliverables(s);
      return performance.now() - t0;
    };
    const small = unit.repeat(20);
    const large = unit.repeat(1000);
    time(small);
    const ratio = time(large) / Math.max(time(small), 0.05);
    expect(splitDeliverables(large).length).toBeGreaterThan(1000);
    expect(ratio).toBeLessThan(500);
  });
});

test("a qualifying phrase after a comma stays with its deliverable", () => {
  expect(splitDeliverables("Adapter failure runbook, signed off by the practice manager")).toEqual(["Adapter failure runbook, signed off by the practice manager"]);
  expect(splitDeliverables("Export job in `jobs/export.py`, with retries and alerts")).toEqual(["Export job in `jobs/export.py`, with retries and alerts"]);
});

describe("deliverables of every shape the template produces", () => {
  const milestone = (body: string) => {
    const doc = parseMarkdown("plan.md", `# Implementation Plan: X\n\n## Milestone 1: Core (Priority: P1)\n${body}\n`);
    return parsePlan(doc, []).milestones[0];
  };

  test("nested bullets: each leaf is a deliverable, named with its parent", () => {
    const m = milestone("- **Deliverables**:\n  - Export module:\n    - CSV writer in `a.py`\n    - JSON writer in `b.py`\n  - Admin guide in `docs/admin.md`");
    expect(deliverableItems(m).map((d) => [d.text, d.line])).toEqual([
      ["Export module: CSV writer in `a.py`", 6],
      ["Export module: JSON writer in `b.py`", 7],
      ["Admin guide in `docs/admin.md`", 8],
    ]);
  });

  test("a numbered list under the field", () => {
    const m = milestone("**Deliverables**:\n1. Parser in `p.py`\n2. Preview page in `v.py`");
    expect(deliverableItems(m).map((d) => d.text)).toEqual(["Parser in `p.py`", "Preview page in `v.py`"]);
  });

  test("a one-line field keeps its line for every item", () => {
    const m = milestone("- **Deliverables**: CSV export service in `a.py`, export form and download view in `b.py`");
    expect(deliverableItems(m).map((d) => [d.text, d.line])).toEqual([
      ["CSV export service in `a.py`", 4],
      ["export form and download view in `b.py`", 4],
    ]);
  });

  test("no deliverables: the Objective is the build task, so the phase is not only verification", () => {
    const doc = parseMarkdown("visions/001-x/plan.md", "# Implementation Plan: X\n\n## Milestone 1: Core (Priority: P1)\n- **Objective**: Coordinators can export the rota.\n- **Validation Approach**: Compare four exports\n");
    const plan = parsePlan(doc, []);
    const vision = { ref: { id: "001-x", folder: "visions/001-x", kind: "vision", docs: { plan: "visions/001-x/plan.md" } }, name: "X", plan, order: ["1"], hashes: {} } as Vision;
    const tasks = buildExecutionPlan(vision).phases[2].tasks.map((t) => t.text);
    expect(tasks).toEqual(["Write the validation test, failing before the build: Compare four exports", "Achieve the milestone objective: Coordinators can export the rota"]);
  });
});

test("a list that is the object of 'with', 'of' or 'for' stays one deliverable", () => {
  expect(splitDeliverables("Stop list with room, object number and stop number (38 stops)")).toEqual(["Stop list with room, object number and stop number (38 stops)"]);
});
