import { join } from "node:path";
import { NodeFiles } from "../../src/cli/node-files";
import { buildGraph } from "../../src/core/graph/build";
import { findPlans } from "../../src/core/reader/locate";
import type { PlanGraph } from "../../src/core/graph/model";
import { readPlan } from "../../src/core/reader/read";
import type { PlanTiming } from "../../src/core/schedule/timing";
import { EXAMPLES, TODAY } from "../helpers";

/** A milestone of a hand-written test plan. */
export interface TestMilestone {
  n: number;
  deps?: number[];
  tasks?: number;
  timeline?: string;
}

/** An execute note: Setup, Foundational, the milestones in the order given (each with its tasks and Depends on line), Polish. */
export function executeNote(milestones: TestMilestone[]): string {
  const lines = ["# Execution Plan: test", "", "## Phase 1: Setup", "- [ ] T001 Init", "## Phase 2: Foundational", "- [ ] T002 Schema"];
  const phaseOf = new Map(milestones.map((m, i) => [m.n, i + 3]));
  let t = 3;
  for (const m of milestones) {
    lines.push(`## Phase ${phaseOf.get(m.n)}: Milestone ${m.n} - Work ${m.n} (Priority: P1)`, "");
    const deps = m.deps?.length ? m.deps.map((d) => `Milestone ${d} (Phase ${phaseOf.get(d)})`).join(", ") : "Foundational (Phase 2)";
    lines.push(`**Depends on**: ${deps}`, "");
    for (let k = 0; k < (m.tasks ?? 1); k++) lines.push(`- [ ] T${String(t++).padStart(3, "0")} [M${m.n}] Task ${k + 1}`);
  }
  lines.push(`## Phase ${milestones.length + 3}: Polish & Cross-Cutting Concerns`, `- [ ] T${String(t).padStart(3, "0")} Docs`);
  return lines.join("\n");
}

/** Timing as the plan would state it: each milestone's Timeline on line 10·n of plan.md. */
export function timingOf(milestones: TestMilestone[], start?: string, overall?: string): PlanTiming {
  const timelines = new Map<string, { text: string; file: string; line: number }>();
  for (const m of milestones) if (m.timeline !== undefined) timelines.set(`M${m.n}`, { text: m.timeline, file: "plan.md", line: 10 * m.n });
  const timing: PlanTiming = { timelines };
  if (start) timing.start = new Date(`${start}T00:00:00`);
  if (overall) timing.overall = { text: overall, file: "plan.md", line: 3 };
  return timing;
}

/** The graph, with milestone durations as the CLI gives them (days by label) when `weights` is set. */
export function graphOf(milestones: TestMilestone[], weights?: Record<string, number>): PlanGraph {
  return buildGraph(readPlan("execute.md", executeNote(milestones)), weights ? { phaseWeights: new Map(Object.entries(weights)) } : {});
}

/** The example vault's complete vision: its execute note (generated in memory), graph and plan timing. */
export async function exampleVision(): Promise<{ graph: PlanGraph; timing: PlanTiming }> {
  const files = new NodeFiles(join(EXAMPLES, "visions", "001-team-reading-list"));
  const [source] = await findPlans(files, { folderName: "001-team-reading-list", today: TODAY });
  return { graph: buildGraph(readPlan(source.path, source.text), { phaseWeights: source.phaseWeights }), timing: source.timing! };
}
