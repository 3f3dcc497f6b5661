/** @jest-environment jsdom */
import { join } from "node:path";
import type { CanvasDocument } from "../../src/core/graph/canvas";
import { defaultAnalyzer } from "../../src/obsidian/default-analyzer";
import { FrontmatterSync } from "../../src/obsidian/frontmatter-sync";
import { type PhaseGraphView, VIEW_TYPE_PHASE_GRAPH } from "../../src/obsidian/graph-view/view";
import { frontmatterOf } from "../../src/core/workspace";
import { graphCommand } from "../../src/cli/commands/graph";
import { toGraphJson } from "../../src/core/graph/json";
import { runCommand } from "../cli-run";
import { type MarkdownView, registry } from "../obsidian-mock";
import { validateCanvas } from "../graph-model/canvas-schema";
import { type Harness, loadPlugin, waitFor } from "./harness";

const V1 = "visions/001-team-reading-list";
const NOTES = join(__dirname, "..", "fixtures", "tasks-notes");

/** The line (0-based) the active Markdown view was opened at. */
function activeLine(h: Harness): number | undefined {
  return ((h.app.workspace.activeLeaf!.view as MarkdownView).eState as { line?: number } | undefined)?.line;
}
const EXECUTE = `${V1}/execute.md`;

/** Loads the example vault and generates the execute note of the first vision. */
async function withExecuteNote(data?: unknown): Promise<Harness> {
  const h = await loadPlugin(data === undefined ? {} : { data });
  await h.open(`${V1}/plan.md`);
  expect(h.run("generate-execute-note")).toBe(true);
  await waitFor(() => h.notices().some((n) => n.startsWith("Created")));
  await h.settle();
  return h;
}

// Generating the example execute note takes a few seconds on a loaded machine.
jest.setTimeout(30_000);

describe("progress and graphs in the vault", () => {
  let h: Harness;
  afterEach(async () => {
    await h?.cleanup();
  });

  test("Export graph as Canvas writes a valid canvas next to the execute note, never over an existing one, and opens it", async () => {
    h = await withExecuteNote();
    expect(h.run("export-graph-canvas")).toBe(true);
    await waitFor(() => h.app.workspace.getActiveFile()?.path === `${V1}/execute-graph.canvas`);
    const canvas = JSON.parse(h.read(`${V1}/execute-graph.canvas`)) as CanvasDocument;
    expect(validateCanvas(canvas)).toEqual([]);
    const files = canvas.nodes.filter((n) => n.type === "file");
    expect(files.length).toBe(h.plugin.index.get("001-team-reading-list")!.graph!.phases.length);
    const execute = h.read(EXECUTE);
    for (const n of files) {
      expect(n.file).toBe(EXECUTE);
      expect(execute).toContain(`\n## ${n.subpath!.slice(1)}\n`);
    }
    await h.open(`${V1}/plan.md`);
    expect(h.run("export-graph-canvas")).toBe(true);
    await waitFor(() => h.app.workspace.getActiveFile()?.path === `${V1}/execute-graph 1.canvas`);
    expect(h.notices()).toContain(`Graph exported to ${V1}/execute-graph 1.canvas.`);
  });

  test("Open task graph of current note: a plain note's Tasks 🆔/⛔ graph in task mode; nodes open their line, in other notes too", async () => {
    h = await loadPlugin({ source: NOTES });
    await h.open("house.md");
    expect(h.run("open-task-graph")).toBe(true);
    await waitFor(() => h.app.workspace.getLeavesOfType(VIEW_TYPE_PHASE_GRAPH).length === 1);
    const leaf = h.app.workspace.getLeavesOfType(VIEW_TYPE_PHASE_GRAPH)[0];
    expect(leaf.getViewState().state).toMatchObject({ plan: "note:house.md", mode: "tasks" });
    const view = leaf.view as unknown as PhaseGraphView;
    await waitFor(() => leaf.view.containerEl.querySelectorAll('[role="button"][aria-label]').length >= 9);
    const names = [...leaf.view.containerEl.querySelectorAll('[role="button"][aria-label]')].map((e) => e.getAttribute("aria-label") ?? "");
    expect(names.some((n) => n.includes("Paint the fence"))).toBe(true);
    expect(names.some((n) => n.includes("Set the spring budget"))).toBe(true);
    // The same graph as the CLI gives for the same vault: tasks, states, external notes.
    const graph = h.plugin.kit["deps"].host.getGraph("note:house.md")!;
    expect(graph.tasks.map((t) => [t.id, t.status, t.file ?? "house.md"])).toEqual([
      ["paint", "done", "shopping.md"],
      ["brush", "blocked", "shopping.md"],
      ["curtains", "ready", "shopping.md"],
      ["budget", "ready", "garden/budget.md"],
      ["fence", "blocked", "house.md"],
      ["sand", "done", "house.md"],
      ["L12", "blocked", "house.md"],
      ["L16", "ready", "house.md"],
      ["L17", "blocked", "house.md"],
    ]);

    const cli = await runCommand(graphCommand, NOTES, "graph", "house.md", "--vault", ".");
    expect(toGraphJson(graph)).toEqual(JSON.parse(cli.out));

    view.openNode("t:L16");
    await waitFor(() => h.app.workspace.getActiveFile()?.path === "house.md" && activeLine(h) === 15);
    expect(h.read("house.md").split("\n")[activeLine(h)!]).toBe("- [ ] Clean the windows");
    view.openNode("t:budget");
    await waitFor(() => h.app.workspace.getActiveFile()?.path === "garden/budget.md");
    expect(h.read("garden/budget.md").split("\n")[activeLine(h)!]).toContain("Set the spring budget");
  });

  test("Go to next ready task works in a plain note, and the graph follows a ticked task", async () => {
    h = await loadPlugin({ source: NOTES });
    await h.open("house.md");
    expect(h.run("next-ready-task")).toBe(true);
    await waitFor(() => activeLine(h) === 15);
    expect(h.run("open-task-graph")).toBe(true);
    const host = h.plugin.kit["deps"].host;
    await waitFor(() => host.getGraph("note:house.md") !== undefined);
    // Buying the brush and the budget (in other notes) unblocks painting the fence.
    for (const [path, from, to] of [["garden/budget.md", "- [ ] Set", "- [x] Set"], ["shopping.md", "- [ ] Buy a brush", "- [x] Buy a brush"]]) {
      await h.app.vault.process(h.app.vault.getFileByPath(path)!, (t) => t.replace(from, to));
    }
    await waitFor(() => host.getGraph("note:house.md")!.tasks.find((t) => t.id === "fence")!.status === "ready");
    expect(h.app.commands.isAvailable("intent-kit:open-task-graph")).toBe(true);
    await h.app.vault.create("plain.md", "# Plain\n\n- a list item, no checkbox\n");
    await h.settle();
    await h.open("plain.md");
    expect(h.run("open-task-graph")).toBe(false);
  });

  test("an intentk block shows per-phase progress in reading view and follows a ticked task; unloading it stops listening", async () => {
    h = await withExecuteNote();
    const domListeners = registry.domListeners.size;
    const block = h.app.renderCodeBlock("intentk", "vision: 001   # the reading list\nshow: progress\n", "Dashboard.md");
    const graph = h.plugin.index.get("001-team-reading-list")!.graph!;
    const rows = (): string[][] => [...block.el.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""));
    expect(rows()).toHaveLength(graph.phases.length);
    expect(rows()[0]).toEqual(["Setup (Shared Infrastructure)", "", `0/${graph.phases[0].total}`, "ready"]);
    expect(block.el.querySelector(".intentk-embed-title")!.textContent).toBe(`001-team-reading-list — Team Reading List · 0/79 tasks`);
    const bar = block.el.querySelector("progress")!;
    expect([bar.getAttribute("value"), bar.getAttribute("max")]).toEqual(["0", String(graph.phases[0].total)]);

    await h.app.vault.process(h.app.vault.getFileByPath(EXECUTE)!, (t) => t.replace(/^- \[ \] T001 /m, "- [x] T001 "));
    await h.settle();
    await waitFor(() => rows()[0][2] === `1/${graph.phases[0].total}`);
    expect(block.el.querySelector(".intentk-embed-title")!.textContent).toContain("1/79 tasks");

    // The phase name opens the execute note at its heading.
    (block.el.querySelector("td a") as HTMLAnchorElement).click();
    await waitFor(() => h.app.workspace.getActiveFile()?.path === EXECUTE);
    expect(h.read(EXECUTE).split("\n")[activeLine(h)!]).toBe("## Phase 1: Setup (Shared Infrastructure)");

    block.unload();
    expect(registry.domListeners.size).toBe(domListeners);
    await h.app.vault.process(h.app.vault.getFileByPath(EXECUTE)!, (t) => t.replace(/^- \[ \] T002 /m, "- [x] T002 "));
    await h.settle();
    expect(rows()[0][2]).toBe(`1/${graph.phases[0].total}`);
  });

  test("next lists ready tasks as links to their lines; phases draws the graph as wide as the note, clickable", async () => {
    h = await withExecuteNote();
    const next = h.app.renderCodeBlock("intentk", "show: next\nlimit: 2", `${V1}/vision.md`);
    const links = [...next.el.querySelectorAll("li a")] as HTMLAnchorElement[];
    expect(links.map((a) => a.textContent?.split(" ")[0])).toEqual(["T001", "T002"]);
    links[1].click();
    await waitFor(() => h.app.workspace.getActiveFile()?.path === EXECUTE);
    expect(h.read(EXECUTE).split("\n")[activeLine(h)!]).toMatch(/^- \[ \] T002 /);

    const phases = h.app.renderCodeBlock("intentk", "show: phases", `${V1}/plan.md`);
    const svg = phases.el.querySelector("svg")!;
    expect(svg.getAttribute("width")).toBe("100%");
    expect(svg.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
    expect(svg.querySelectorAll("[data-node^='p:']")).toHaveLength(7);
    const polish = [...svg.querySelectorAll("[data-node^='p:']")].pop()!;
    polish.querySelector("rect")!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    await waitFor(() => h.read(EXECUTE).split("\n")[activeLine(h) ?? 0].startsWith("## Phase 7"));
    const tasks = h.app.renderCodeBlock("intentk", "show: tasks", `${V1}/plan.md`);
    expect(tasks.el.querySelectorAll("[data-node^='t:']")).toHaveLength(79);
    for (const b of [next, phases, tasks]) b.unload();
  });

  test("bad options, an unknown vision, a note of no vision, a vision without an execute note: clear inline messages, never an exception", async () => {
    h = await withExecuteNote();
    const text = (source: string, path = "Dashboard.md"): string => {
      const b = h.app.renderCodeBlock("intentk", source, path);
      const t = b.el.textContent ?? "";
      b.unload();
      return t;
    };
    expect(text("show: gantt")).toBe('This block cannot be drawn: "show: gantt" (line 1) is not known; use one of progress, phases, tasks, timeline, next.');
    expect(text("show: next\nlimit: lots")).toContain('"limit: lots" (line 2) must be a whole number from 1 to 100');
    expect(text("vision: 042")).toContain('vision: "042" names no vision; give an id, number or path (the visions are ');
    expect(text("show: progress")).toContain('This note belongs to no vision: add "vision: <id>"');
    expect(text("vision: visions/001-team-reading-list/goal.md\nshow: progress")).toContain("Team Reading List");
    expect(text("vision: 002\nshow: progress")).toContain("002-offline-notes-sync has no execute note yet");
    expect(text("vision: 002\nshow: timeline")).toContain("002-offline-notes-sync has no execute note yet");
  });

  test("timeline draws the example vision's phases on a calendar from its plan's Start Date, as wide as the note; a bar opens its phase", async () => {
    h = await withExecuteNote();
    const block = h.app.renderCodeBlock("intentk", "vision: 001\nshow: timeline", "Dashboard.md");
    const svg = block.el.querySelector("svg")!;
    expect(block.el.querySelector(".intentk-embed-error, .intentk-embed-message")).toBeNull();
    expect(svg.getAttribute("width")).toBe("100%");
    expect(svg.getAttribute("viewBox")).toMatch(/^0 0 [\d.]+ [\d.]+$/);
    const graph = h.plugin.index.get("001-team-reading-list")!.graph!;
    const rows = [...svg.querySelectorAll(".intentk-timeline-row")];
    expect(rows.map((r) => r.getAttribute("data-phase"))).toEqual(graph.order);
    const row = (label: string) => rows[graph.order.indexOf(graph.phases.find((p) => p.label === label)!.id)];
    // One bar per milestone, placed by its Timeline: "Weeks 1-2" from the Start Date 2026-11-02, M4 on its stated dates.
    for (const label of ["M1", "M2", "M3", "M4"]) expect(Number(row(label).querySelector(".intentk-timeline-bar")!.getAttribute("width"))).toBeGreaterThan(0);
    expect(row("M1").querySelector("title")!.textContent).toContain("Nov 2 – Nov 15 · 14 days");
    expect(row("M4").querySelector("title")!.textContent).toContain("Dec 14 – Dec 23");
    expect(row("M4").classList.contains("is-stated")).toBe(true);
    expect(svg.querySelectorAll(".intentk-timeline-arrow").length).toBeGreaterThan(0);

    // The graph view's Timeline mode gets the same timing from the plugin's host.
    const host = h.plugin.kit["deps"].host;
    expect(host.getTiming("001-team-reading-list")!.timelines.get("M1")!.text).toBe("Weeks 1-2");
    expect(host.getTiming("001-team-reading-list")!.start).toBeDefined();
    expect(host.getTiming("note:house.md")).toBeUndefined();
    await h.open(`${V1}/plan.md`);
    expect(h.run("open-phase-graph")).toBe(true);
    await waitFor(() => h.app.workspace.getLeavesOfType(VIEW_TYPE_PHASE_GRAPH).length === 1);
    const leaf = h.app.workspace.getLeavesOfType(VIEW_TYPE_PHASE_GRAPH)[0];
    (leaf.view as unknown as PhaseGraphView).setMode("timeline");
    await waitFor(() => leaf.view.containerEl.querySelectorAll(".intentk-timeline-row").length === graph.phases.length);
    expect(leaf.view.containerEl.querySelector(`.intentk-timeline-row[data-phase="${graph.phases.find((p) => p.label === "M1")!.id}"] title`)!.textContent).toContain("Nov 2 – Nov 15");

    row("M2").querySelector(".intentk-timeline-bar")!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    await waitFor(() => h.app.workspace.getActiveFile()?.path === EXECUTE && /^## Phase \d+: Milestone 2/.test(h.read(EXECUTE).split("\n")[activeLine(h) ?? 0]));
    block.unload();
  });

  test("the execute note's frontmatter carries progress and next: one write per burst of ticks, none while the note is being edited, none when turned off", async () => {
    // The plugin's own sync is off; this one writes soon after a change, and counts the active note
    // as being typed in for the whole test.
    h = await withExecuteNote({ frontmatterProgress: false });
    let enabled = true;
    const sync = new FrontmatterSync(h.app as never, h.plugin.index, () => ({ ...h.plugin.settings, frontmatterProgress: enabled }), defaultAnalyzer, { quietMs: 50, idleMs: 60_000 });
    sync.load();
    const writes = jest.spyOn(h.app.fileManager, "processFrontMatter");
    const tick = async (id: string): Promise<void> => {
      await h.app.vault.process(h.app.vault.getFileByPath(EXECUTE)!, (t) => t.replace(new RegExp(`^- \\[ \\] ${id} `, "m"), `- [x] ${id} `));
    };
    const body = (): string => h.read(EXECUTE).replace(/^---\n[\s\S]*?\n---\n/, "");
    try {
      await h.open(`${V1}/plan.md`);
      await tick("T001");
      await tick("T002");
      await h.settle();
      await waitFor(() => frontmatterOf(h.read(EXECUTE)).progress === "2/79");
      expect(writes).toHaveBeenCalledTimes(1);
      const next = h.plugin.index.get("001-team-reading-list")!.graph!.tasks.find((t) => t.status === "ready")!;
      expect(frontmatterOf(h.read(EXECUTE))).toMatchObject({ intentk: "execute", progress: "2/79", next: next.text });
      // Every other byte of the note is as it was, and the index reads it again without complaint.
      const before = body();
      await h.settle();
      expect(body()).toBe(before);

      // Ticking in the open execute note: nothing is written while it is being edited...
      await h.open(EXECUTE);
      await tick("T003");
      await h.settle();
      await sync.flush();
      expect(frontmatterOf(h.read(EXECUTE)).progress).toBe("2/79");
      // ...and leaving it catches up.
      await h.open(`${V1}/plan.md`);
      await waitFor(() => frontmatterOf(h.read(EXECUTE)).progress === "3/79");
      expect(writes).toHaveBeenCalledTimes(2);

      // Regenerating keeps the two fields and the checkmarks; nothing is refused.
      const result = await h.plugin.kit.generate(h.plugin.index.get("001-team-reading-list")!);
      expect(["unchanged", "update"]).toContain(result.action);
      expect(frontmatterOf(h.read(EXECUTE))).toMatchObject({ progress: "3/79" });
      expect(h.read(EXECUTE)).toMatch(/^- \[x\] T003 /m);

      enabled = false;
      await tick("T004");
      await h.settle();
      await sync.flush();
      expect(frontmatterOf(h.read(EXECUTE)).progress).toBe("3/79");
      expect(writes).toHaveBeenCalledTimes(2);
    } finally {
      sync.unload();
    }
  });
});
