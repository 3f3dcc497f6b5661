/**
 * Plans for the merge tests, built as plan.md text and read by the core parser, so the tests see
 * exactly what a user's plan would produce.
 */
import { parseMarkdown } from "../../src/core/markdown/parse";
import { hashText, normalizeText } from "../../src/core/text/normalize";
import { buildVision } from "../../src/core/vision/load";
import type { Vision, VisionRef } from "../../src/core/vision/model";

export interface MilestoneModel {
  number: number;
  title: string;
  priority: number;
  deliverables: string[];
  acceptance: string[];
  criteria: string[];
  dependsOn: number[];
}

export interface PlanModel {
  name: string;
  milestones: MilestoneModel[];
}

export function planText(p: PlanModel): string {
  const out = [`# Implementation Plan: ${p.name}`, "", "**Branch**: `042-test` | **Date**: 2026-10-01", ""];
  p.milestones.forEach((m, i) => {
    out.push(`## Milestone ${m.number}: ${m.title} (Priority: P${m.priority})`, "");
    out.push(`- **Objective**: Reach the point where ${m.title.toLowerCase()} works.`);
    if (m.criteria.length) out.push("- **Success Criteria**:", ...m.criteria.map((c) => `  - ${c}`));
    if (m.deliverables.length) out.push("- **Deliverables**:", ...m.deliverables.map((d) => `  - ${d}`));
    out.push(`- **Dependencies**: ${m.dependsOn.length ? m.dependsOn.map((d) => `Milestone ${d}`).join(", ") : "None (foundational)"}`, "");
    if (m.acceptance.length) out.push("**Acceptance Scenarios**:", "", ...m.acceptance.map((a, k) => `${k + 1}. ${a}`), "");
    if (i < p.milestones.length - 1) out.push("---", "");
  });
  return out.join("\n");
}

export const REF: VisionRef = { id: "042-test", folder: "visions/042-test", kind: "vision", docs: { plan: "visions/042-test/plan.md" } };

/** A vision from document texts, as the loader would build it from files. */
export function visionOf(docs: { plan: string }, ref: VisionRef = REF): Vision {
  const text = normalizeText(docs.plan);
  return buildVision(ref, { plan: parseMarkdown(ref.docs.plan!, text) }, { plan: hashText(text) }, []);
}

export const visionOfModel = (p: PlanModel): Vision => visionOf({ plan: planText(p) });
