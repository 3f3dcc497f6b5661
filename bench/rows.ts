import { graphlib, layout as dagreLayout } from "@dagrejs/dagre";
import MarkdownIt from "markdown-it";
import { buildGraph } from "../src/core/graph/build";
import { layoutPhaseGraph, layoutTaskGraph } from "../src/core/graph/layout";
import { renderGraphSvg } from "../src/core/graph/svg";
import { updateCheckbox } from "../src/core/reader/incremental";
import { readPlan } from "../src/core/reader/read";
import { time } from "./measure";
import type { BenchContext } from "./run";
import { largeExecuteNote } from "./synthetic";
import { scheduleRow } from "./schedule-row";

/** Rows for the execution-plan reader, the incremental update and the graph. */
export async function extraRows(ctx: BenchContext): Promise<void> {
  const { warmup: W, repeats: R, largeNote: text, add } = ctx;
  const md = new MarkdownIt();

  const read = await time(() => readPlan("execute.md", text), W, R * 3);
  const mdit = await time(() => md.parse(text, {}), W, R * 3);
  // A fresh RegExp each time: V8 caches the result of splitting the same string by the same string.
  const split = await time(() => text.split(new RegExp("\\r?\\n")).length, W, R * 3);
  const tasks = readPlan("execute.md", text).tasks.length;
  add({ id: "read-1000", what: `read a ${tasks}-task execute note (phases, tasks, dependencies, diagnostics)`, value: read.median, unit: "ms", baseline: { what: "markdown-it parsing the same text", value: mdit.median } });
  add({ id: "read-1000-floor", what: "the same reading, against the floor", value: read.median, unit: "ms", baseline: { what: "splitting the text into lines", value: split.median } });

  // One checkbox ticked in the middle of the note.
  const doc = readPlan("execute.md", text);
  const target = doc.tasks[Math.floor(doc.tasks.length / 2)];
  const lines = text.split("\n");
  const offset = lines.slice(0, target.line - 1).reduce((n, l) => n + l.length + 1, 0) + lines[target.line - 1].indexOf("[") + 1;
  const ticked = text.slice(0, offset) + (target.state === "done" ? " " : "x") + text.slice(offset + 1);
  if (!updateCheckbox(text, doc, ticked)) throw new Error("the incremental path declined a plain checkbox change");
  const incremental = await time(() => updateCheckbox(text, doc, ticked), W, R * 20);
  const full = await time(() => readPlan("execute.md", ticked), W, R * 3);
  add({
    id: "incremental-1000",
    what: "update after one checkbox changes in that note",
    value: incremental.median,
    unit: "ms",
    baseline: { what: "a full read of the note", value: full.median },
    budget: { max: 0.1, text: "≤ 1/10 of a full read" },
  });

  const phases = await time(() => renderGraphSvg(layoutPhaseGraph(buildGraph(readPlan("execute.md", text)))), W, R);
  add({ id: "graph-phases-1000", what: `phase graph of the ${tasks}-task plan: read, model, dagre layout, SVG`, value: phases.median, unit: "ms", baseline: { what: "reading the note alone", value: read.median } });
  await scheduleRow(ctx);

  // The task-level graph against dagre's default layout of the same task graph (same boxes, same edges).
  for (const style of ["generated", "sparse"] as const) {
    const size = ctx.quick ? 300 : 1000;
    const note = largeExecuteNote(11, size, style);
    const parsed = readPlan("execute.md", note);
    const ours = await time(() => renderGraphSvg(layoutTaskGraph(buildGraph(parsed))), W, R);
    const graph = buildGraph(parsed);
    const boxes = new Map(layoutTaskGraph(graph).nodes.map((n) => [n.id, n]));
    let edges = 0;
    const dagre = await time(() => {
      const g = new graphlib.Graph();
      g.setGraph({});
      g.setDefaultEdgeLabel(() => ({}));
      for (const t of graph.tasks) g.setNode(t.id, { width: boxes.get(t.id)?.width ?? 224, height: boxes.get(t.id)?.height ?? 60 });
      edges = 0;
      for (const t of graph.tasks) {
        for (const d of t.dependsOn) {
          if (!boxes.has(d)) continue;
          g.setEdge(d, t.id);
          edges++;
        }
      }
      dagreLayout(g);
    }, 0, 1);
    add({
      id: `graph-tasks-${size}${style === "sparse" ? "-sparse" : ""}`,
      what: `task graph of a ${size}-task plan with ${style === "generated" ? "generated-note" : "sparse, spec-kit-like"} dependencies (${edges} edges): model, layout, SVG`,
      value: ours.median,
      unit: "ms",
      baseline: { what: "dagre's default layout of the same task graph", value: dagre.median },
      budget: size === 1000 && style === "generated" ? { max: 0.1, text: "≤ 1/10 of dagre" } : undefined,
    });
  }
}
