import { buildGraph } from "../../src/core/graph/build";
import { toMermaid } from "../../src/core/graph/mermaid";
import { taskLevel } from "../../src/core/graph/select";
import { MAX_GRAPH_TASKS } from "../../src/core/limits";
import { readPlan } from "../../src/core/reader/read";

const note = (tasks: number): string => {
  const out = ["# Execution Plan", "", "## Phase 1: Setup", ""];
  for (let i = 1; i <= tasks; i++) {
    if (i % 500 === 1 && i > 1) out.push("", `## Phase ${Math.ceil(i / 500) + 1}: Part`, "");
    out.push(`- [ ] T${String(i).padStart(5, "0")} Task ${i}`);
  }
  return out.join("\n");
};

describe("a task graph too large to draw", () => {
  test("above the limit, the task graph is drawn as its phases with a diagnostic naming the count and the limit", () => {
    const graph = buildGraph(readPlan("execute.md", note(MAX_GRAPH_TASKS + 1)));
    const level = taskLevel(graph, true);
    expect(level.tasks).toBe(false);
    expect(level.diagnostic).toMatchObject({ code: "graph-too-large", file: "execute.md" });
    expect(level.diagnostic!.message).toContain(`${MAX_GRAPH_TASKS + 1} tasks`);
    expect(level.diagnostic!.message).toContain(`limit ${MAX_GRAPH_TASKS}`);
    const mermaid = toMermaid(graph, { tasks: level.tasks });
    expect(mermaid).not.toContain("T02001");
  });

  test("at the limit, or one phase at a time, tasks are drawn", () => {
    const graph = buildGraph(readPlan("execute.md", note(MAX_GRAPH_TASKS + 1)));
    expect(taskLevel(graph, true, [graph.phases[1].id])).toEqual({ tasks: true });
    expect(taskLevel(buildGraph(readPlan("execute.md", note(MAX_GRAPH_TASKS))), true)).toEqual({ tasks: true });
  });
});
