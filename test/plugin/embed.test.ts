/** @jest-environment jsdom */
import { join } from "node:path";
import type { CanvasDocument } from "../../src/core/graph/canvas";
import { type PhaseGraphView, VIEW_TYPE_PHASE_GRAPH } from "../../src/obsidian/graph-view/view";
import type { MarkdownView } from "../obsidian-mock";
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
async function withExecuteNote(): Promise<Harness> {
  const h = await loadPlugin();
  await h.open(`${V1}/plan.md`);
  expect(h.run("generate-execute-note")).toBe(true);
  await waitFor(() => h.notices().some((n) => n.startsWith("Created")));
  await h.settle();
  return h;
}

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
});
