import { buildGraph } from "../src/core/graph/build";
import { layoutPhaseGraph } from "../src/core/graph/layout";
import { renderGraphSvg } from "../src/core/graph/svg";
import { renderTimelineSvg } from "../src/core/graph/timeline-svg";
import { buildExecutionPlan } from "../src/core/generate/plan-model";
import { renderExecuteNote } from "../src/core/generate/render";
import { parseMarkdown } from "../src/core/markdown/parse";
import { milestoneWeights } from "../src/core/reader/locate";
import { readPlan } from "../src/core/reader/read";
import { buildSchedule } from "../src/core/schedule/cpm";
import { planTiming } from "../src/core/schedule/timing";
import { buildVision } from "../src/core/vision/load";
import { time } from "./measure";
import type { BenchContext } from "./run";
import { planNote, prng } from "./synthetic";

/** The schedule and timeline SVG of a 50-milestone plan against the dagre phase graph (layout and SVG) of the same plan. */
export async function scheduleRow(ctx: BenchContext): Promise<void> {
  const { warmup: W, repeats: R, add } = ctx;
  const ref = { id: "050-fifty", folder: "visions/050-fifty", kind: "vision" as const, docs: { plan: "visions/050-fifty/plan.md" } };
  const text = planNote(prng(50), ref.id, 50);
  const vision = buildVision(ref, { plan: parseMarkdown(ref.docs.plan, text) }, {}, []);
  const today = new Date(2026, 10, 24);
  const note = renderExecuteNote(vision, buildExecutionPlan(vision), { today });
  const graph = buildGraph(readPlan("execute.md", note), { phaseWeights: milestoneWeights(vision.plan!.milestones) });
  const timing = planTiming(vision.plan!.milestones, { file: ref.docs.plan, text });
  // Each sample times a batch, so the timer's resolution does not dominate the smaller figure.
  const BATCH = 10;
  const timeline = await time(() => {
    for (let i = 0; i < BATCH; i++) renderTimelineSvg(buildSchedule(graph, timing, { today }), { today });
  }, W, R * 3);
  const phases = await time(() => {
    for (let i = 0; i < BATCH; i++) renderGraphSvg(layoutPhaseGraph(graph));
  }, W, R * 3);
  add({
    id: "schedule-50",
    what: `schedule (critical path method) and timeline SVG of a 50-milestone plan (${graph.phases.length} phases)`,
    value: timeline.median / BATCH,
    unit: "ms",
    baseline: { what: "the phase graph of the same plan: dagre layout and SVG", value: phases.median / BATCH },
    budget: { max: 0.25, text: "≤ 1/4 of the phase graph" },
  });
}
