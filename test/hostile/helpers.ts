import { parseMarkdown } from "../../src/core/markdown/parse";
import type { Diagnostic } from "../../src/core/diagnostics";
import { buildExecutionPlan } from "../../src/core/generate/plan-model";
import { renderExecuteNote } from "../../src/core/generate/render";
import { buildVision } from "../../src/core/vision/load";
import { readSources } from "../../src/core/vision/load";
import type { Vision } from "../../src/core/vision/model";
import { TODAY } from "../helpers";

export const PLAN_PATH = "visions/001-x/plan.md";
const REF = { id: "001-x", folder: "visions/001-x", kind: "vision" as const, docs: { plan: PLAN_PATH } };

/** A normal plan: the yardstick hostile inputs are timed against. */
export function normalPlan(milestones = 3): string {
  const out = ["# Implementation Plan: Normal", "", "**Start Date**: 2026-03-02", ""];
  for (let i = 1; i <= milestones; i++) {
    out.push(`## Milestone ${i}: Part ${i} (Priority: P${1 + (i % 3)})`, "");
    out.push("- **Objective**: Ship a useful part of the product to readers.");
    out.push("- **Deliverables**:", "  - A list view in `src/list.ts`", "  - Tests for the list view");
    out.push(`- **Dependencies**: ${i > 1 ? `Milestone ${i - 1} completion` : "None"}`);
    out.push("- **Timeline**: Weeks 1-2", "");
  }
  return out.join("\n");
}

/** The plan read the way `generate` and `check` read it: diagnostics, vision and rendered note. */
export async function runPlan(text: string): Promise<{ vision: Vision; diagnostics: Diagnostic[]; note: string }> {
  const diagnostics: Diagnostic[] = [];
  await readSources(REF, () => Promise.resolve(text), diagnostics);
  const vision = buildVision(REF, { plan: parseMarkdown(PLAN_PATH, text) }, {}, diagnostics);
  const note = renderExecuteNote(vision, buildExecutionPlan(vision), { today: TODAY });
  return { vision, diagnostics, note };
}

/** Milliseconds `f` takes (best of `runs`, so one pause of a shared machine does not decide). */
export function timeOf(f: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

export async function timeOfAsync(f: () => Promise<unknown>, runs = 2): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}
