/**
 * Task-level layout + SVG of a 1,000-task plan against dagre's default layout of the same graph
 * (same node sizes, same dependency edges). Budget: ours ≤ 1/10 of dagre's time.
 *
 *   npx tsx test/graph-view/bench-layout.ts [tasks=1000] [runs=15] [dagreRuns=1]
 *
 * Prints one JSON line: median milliseconds of each and the ratio. dagre takes about half a
 * minute per run at 1,000 tasks, hence one run by default.
 */
import { graphlib, layout as dagreLayout } from "@dagrejs/dagre";
import { layoutTaskGraph } from "../../src/core/graph/layout";
import { renderGraphSvg } from "../../src/core/graph/svg";
import { largeGraph } from "./fixtures";

export interface LayoutBenchResult {
  tasks: number;
  edges: number;
  oursMs: number;
  oursLayoutMs: number;
  oursSvgMs: number;
  svgBytes: number;
  dagreMs: number;
  ratio: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function benchLayout(taskCount = 1000, runs = 15, dagreRuns = 1): LayoutBenchResult {
  const graph = largeGraph(taskCount, 12);
  const layoutTimes: number[] = [];
  const svgTimes: number[] = [];
  let svgBytes = 0;
  let nodes = layoutTaskGraph(graph).nodes;
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    const layout = layoutTaskGraph(graph);
    const t1 = performance.now();
    const svg = renderGraphSvg(layout);
    const t2 = performance.now();
    if (i >= 2) {
      layoutTimes.push(t1 - t0);
      svgTimes.push(t2 - t1);
    }
    svgBytes = svg.length;
    nodes = layout.nodes;
  }

  // dagre's default layout (no options) of the same task graph: same boxes, same dependency edges.
  const sizes = new Map(nodes.filter((n) => n.kind === "task").map((n) => [n.id, n]));
  const dagreTimes: number[] = [];
  let edges = 0;
  for (let i = 0; i < Math.max(1, dagreRuns); i++) {
    const g = new graphlib.Graph();
    g.setGraph({});
    g.setDefaultEdgeLabel(() => ({}));
    for (const t of graph.tasks) {
      const n = sizes.get(t.id);
      g.setNode(t.id, { width: n?.width ?? 224, height: n?.height ?? 60 });
    }
    edges = 0;
    for (const t of graph.tasks) for (const d of t.dependsOn) if (sizes.has(d)) {
      g.setEdge(d, t.id);
      edges++;
    }
    const t0 = performance.now();
    dagreLayout(g);
    dagreTimes.push(performance.now() - t0);
  }
  const oursLayoutMs = median(layoutTimes);
  const oursSvgMs = median(svgTimes);
  const oursMs = median(layoutTimes.map((t, i) => t + svgTimes[i]));
  const dagreMs = median(dagreTimes);
  const r = (n: number) => Math.round(n * 100) / 100;
  return { tasks: graph.tasks.length, edges, oursMs: r(oursMs), oursLayoutMs: r(oursLayoutMs), oursSvgMs: r(oursSvgMs), svgBytes, dagreMs: r(dagreMs), ratio: Math.round((oursMs / dagreMs) * 10000) / 10000 };
}

if (require.main === module) {
  const tasks = Number(process.argv[2] ?? 1000);
  const runs = Number(process.argv[3] ?? 15);
  const dagreRuns = Number(process.argv[4] ?? 1);
  process.stdout.write(`${JSON.stringify(benchLayout(tasks, runs, dagreRuns))}\n`);
}
