import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCommand } from "../../src/cli/commands/generate";
import { graphCommand } from "../../src/cli/commands/graph";
import type { CanvasDocument, CanvasNode } from "../../src/core/graph/canvas";
import { headingKey } from "../../src/core/links";
import { runCommand } from "../cli-run";
import { EXAMPLES, scratchCopy } from "../helpers";
import { validateCanvas } from "./canvas-schema";

/** Whether a file node opens a real heading (or block) of a real note in the vault. */
function resolves(vault: string, node: CanvasNode): boolean {
  let text: string;
  try {
    text = readFileSync(join(vault, node.file!), "utf8");
  } catch {
    return false;
  }
  if (!node.subpath) return true;
  const lines = text.split(/\r?\n/);
  if (node.subpath.startsWith("#^")) return lines.some((l) => l.trimEnd().endsWith(` ${node.subpath!.slice(1)}`));
  const wanted = headingKey(node.subpath.slice(1));
  return lines.some((l) => /^#{1,6} /.test(l) && headingKey(l.replace(/^#+ /, "")) === wanted);
}

describe("intentk graph --format canvas", () => {
  let vault: { dir: string; cleanup: () => void };
  beforeAll(async () => {
    vault = scratchCopy(EXAMPLES);
    expect((await runCommand(generateCommand, vault.dir, "generate", ".")).code).toBe(0);
  });
  afterAll(() => vault.cleanup());

  test("the phase graph is valid JSON Canvas 1.0 whose file nodes open real headings", async () => {
    const r = await runCommand(graphCommand, vault.dir, "graph", "visions/001-team-reading-list", "--format", "canvas");
    expect(r).toMatchObject({ code: 0, err: "" });
    const canvas = JSON.parse(r.out) as CanvasDocument;
    expect(validateCanvas(canvas)).toEqual([]);
    const files = canvas.nodes.filter((n) => n.type === "file");
    expect(files).toHaveLength(7);
    for (const n of files) {
      expect(n.file).toBe("visions/001-team-reading-list/execute.md");
      expect(n.subpath).toMatch(/^#Phase \d/);
      expect(resolves(vault.dir, n)).toBe(true);
    }
    // Colours follow the states of the JSON contract; the critical path is orange.
    const json = JSON.parse((await runCommand(graphCommand, vault.dir, "graph", "visions/001-team-reading-list")).out) as { phases: { id: string; done: number; total: number }[]; criticalPath: string[] };
    const done = json.phases.filter((p) => p.total > 0 && p.done === p.total).map((p) => p.id);
    expect(files.filter((n) => n.color === "4").map((n) => n.id)).toEqual(done);
    expect(files.every((n) => ["1", "4", "5"].includes(n.color!))).toBe(true);
    expect(canvas.edges.filter((e) => e.color === "2")).toHaveLength(json.criticalPath.length - 1);
    expect(canvas.edges.length).toBeGreaterThanOrEqual(json.criticalPath.length - 1);
  });

  test("the task level: tasks open their block in the note", async () => {
    const r = await runCommand(graphCommand, vault.dir, "graph", "visions/001-team-reading-list", "--format", "canvas", "--tasks");
    const canvas = JSON.parse(r.out) as CanvasDocument;
    expect(validateCanvas(canvas)).toEqual([]);
    const tasks = canvas.nodes.filter((n) => n.id.startsWith("task-"));
    expect(tasks).toHaveLength(79);
    for (const n of tasks) expect(resolves(vault.dir, n)).toBe(true);
  });

  test("--vault makes paths relative to the vault; outside it, or without an execute note, one line says what to do", async () => {
    const r = await runCommand(graphCommand, join(vault.dir, ".."), "graph", join(vault.dir, "visions/001-team-reading-list/execute.md"), "--format", "canvas", "--vault", vault.dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as CanvasDocument).nodes[0].file).toBe("visions/001-team-reading-list/execute.md");
    const outside = await runCommand(graphCommand, join(vault.dir, "visions/002-offline-notes-sync"), "graph", "../001-team-reading-list/execute.md", "--format", "canvas");
    expect(outside).toMatchObject({ code: 2 });
    expect(outside.err).toMatch(/not inside the current folder; run from the vault folder or pass --vault/);
    const fresh = scratchCopy(EXAMPLES);
    try {
      const none = await runCommand(graphCommand, fresh.dir, "graph", "visions/001-team-reading-list", "--format", "canvas");
      expect(none.code).toBe(2);
      expect(none.err).toMatch(/no execute note yet.*intentk generate/);
    } finally {
      fresh.cleanup();
    }
  });

  test("the schema check rejects what the spec forbids", () => {
    expect(validateCanvas({ nodes: [{ id: "a", type: "file", x: 0.5, y: 0, width: 1, height: 1, file: "x.md", subpath: "h" }], edges: [{ id: "e", fromNode: "a", toNode: "b", fromSide: "middle" }] })).toEqual([
      "nodes[0]: x must be an integer",
      "nodes[0]: subpath must start with #",
      "edges[0]: toNode names no node",
      "edges[0]: fromSide must be one of top, right, bottom, left",
    ]);
    expect(validateCanvas({ nodes: [{ id: "a", type: "text", x: 0, y: 0, width: 1, height: 1, text: "", color: "7" }] })).toEqual(['nodes[0].color: not a preset "1"–"6" or #RRGGBB: 7']);
  });

  test("a plain note's task graph: tasks of other notes open those notes", async () => {
    const notes = join(__dirname, "..", "fixtures", "tasks-notes");
    const r = await runCommand(graphCommand, notes, "graph", "house.md", "--format", "canvas", "--tasks");
    expect(r.code).toBe(0);
    const canvas = JSON.parse(r.out) as CanvasDocument;
    expect(validateCanvas(canvas)).toEqual([]);
    const budget = canvas.nodes.find((n) => n.id === "task-budget")!;
    expect(budget).toMatchObject({ type: "file", file: "garden/budget.md" });
    expect(budget.subpath).toBeUndefined();
    for (const n of canvas.nodes.filter((n) => n.type === "file")) expect(resolves(notes, n)).toBe(true);
  });
});
