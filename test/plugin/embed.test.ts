/** @jest-environment jsdom */
import type { CanvasDocument } from "../../src/core/graph/canvas";
import { validateCanvas } from "../graph-model/canvas-schema";
import { type Harness, loadPlugin, waitFor } from "./harness";

const V1 = "visions/001-team-reading-list";
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
});
