import { join } from "node:path";
import { graphCommand } from "../../src/cli/commands/graph";
import { statusCommand } from "../../src/cli/commands/status";
import type { GraphJson } from "../../src/core/graph/model";
import { noteTaskDoc, noteTaskGraph, readNoteTasks } from "../../src/core/notes/note-tasks";
import { runCommand } from "../cli-run";

const NOTES = join(__dirname, "..", "fixtures", "tasks-notes");

describe("the task graph of a plain note", () => {
  test("the issue's line: a Tasks-plugin task without a T-ID is a task named by its 🆔", () => {
    const [task] = readNoteTasks("note.md", "- [ ] Paint the fence ⛔ paint,brush 🆔 fence\n");
    expect(task).toMatchObject({ id: "fence", named: true, text: "Paint the fence", state: "open", dependsOn: ["paint", "brush"], line: 1 });
  });

  test("intentk graph: every checkbox is a task, lanes by heading, other notes' tasks as external nodes", async () => {
    const r = await runCommand(graphCommand, NOTES, "graph", "house.md", "--tasks", "--vault", ".");
    expect(r).toMatchObject({ code: 0, err: "" });
    const json = JSON.parse(r.out) as GraphJson;
    const own = json.tasks.filter((t) => !t.file);
    // Lines of the fixture: the code block's checkbox is no task; tasks without 🆔 are named by line.
    expect(own.map((t) => [t.id, t.line, t.state, t.dependsOn])).toEqual([
      ["fence", 10, "open", ["paint", "brush"]],
      ["sand", 11, "done", []],
      ["L12", 12, "open", ["fence"]],
      ["L16", 16, "open", []],
      ["L17", 17, "open", ["curtains"]],
    ]);
    const lanes = new Map(json.phases.map((p) => [p.id, p.title]));
    expect(own.map((t) => lanes.get(t.phase))).toEqual(["Fence", "Fence", "Fence", "Inside", "Inside"]);
    // External: the tasks it waits for, and what those wait for in a third note.
    expect(json.tasks.filter((t) => t.file).map((t) => [t.id, t.file, t.line])).toEqual([
      ["paint", "shopping.md", 3],
      ["brush", "shopping.md", 4],
      ["curtains", "shopping.md", 5],
      ["budget", "garden/budget.md", 5],
    ]);
    expect(json.edges).toContainEqual({ from: "budget", to: "brush", kind: "task" });
    expect(json.diagnostics).toEqual([]);
    // The longest open chain: budget → brush → fence → gate crosses three lanes.
    expect(json.criticalPath.map((p) => lanes.get(p))).toEqual(["budget (another note)", "shopping (another note)", "Fence"]);
  });

  test("intentk status: ready and blocked tasks; the next ready task is one of this note", async () => {
    const r = await runCommand(statusCommand, NOTES, "status", "house.md", "--json", "--vault", ".");
    expect(r.code).toBe(0);
    const [status] = JSON.parse(r.out) as { next: { id: string }[] }[];
    expect(status.next.map((t) => t.id)).toEqual(["L16"]);
    const graph = noteTaskGraph(noteTaskDoc("house.md", readNoteTasks("house.md", "## A\n- [ ] one 🆔 a\n- [ ] two ⛔ a\n- [x] three (depends on a)\n")));
    expect(graph.tasks.map((t) => [t.id, t.status])).toEqual([
      ["a", "ready"],
      ["L3", "blocked"],
      ["L4", "done"],
    ]);
  });

  test("an ID nobody carries, and a 🆔 used twice, are diagnostics with file and line", async () => {
    const doc = noteTaskDoc("n.md", readNoteTasks("n.md", "- [ ] a 🆔 x\n- [ ] b 🆔 x\n- [ ] c ⛔ nowhere\n"));
    expect(doc.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ["duplicate-task-id", "n.md", 2],
      ["unknown-dependency", "n.md", 3],
    ]);
  });

  test("without --vault, the note's folder is searched: the same note names its folder's notes only", async () => {
    const r = await runCommand(graphCommand, NOTES, "graph", "garden/budget.md");
    const json = JSON.parse(r.out) as GraphJson;
    expect(json.tasks.map((t) => t.id)).toEqual(["budget", "L6"]);
    expect(json.diagnostics.map((d) => [d.code, d.line])).toEqual([["unknown-dependency", 6]]);
  });

  test("a long chain of tasks: no stack overflow, time grows about linearly (ratio to a normal note)", () => {
    const note = (n: number): string =>
      Array.from({ length: n }, (_, i) => `${i % 50 === 0 ? `## Part ${i / 50}\n` : ""}- [ ] step ${i} 🆔 s${i}${i ? ` ⛔ s${i - 1}` : ""}`).join("\n");
    const graphOf = (text: string) => noteTaskGraph(noteTaskDoc("n.md", readNoteTasks("n.md", text)));
    const time = (text: string): number => {
      const start = performance.now();
      graphOf(text);
      return performance.now() - start;
    };
    const small = note(200);
    const large = note(4000);
    time(small);
    const base = Math.max(time(small), 0.5);
    const big = time(large);
    const graph = graphOf(large);
    expect(graph.tasks.filter((t) => t.status === "ready").map((t) => t.id)).toEqual(["s0"]);
    expect(graph.criticalPath).toHaveLength(80);
    expect(big / base).toBeLessThan(200);
  });
});
