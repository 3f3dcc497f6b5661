import type { Diagnostic } from "../diagnostics";
import { MAX_MILESTONE_INTEGRATIONS, MAX_TIMELINE_DAYS } from "../limits";
import { orderMilestones, resolveDependencies } from "./dependencies";
import type { Milestone, NumberedHeading, PlanDocument, StrategyDocument, VisionRef } from "./model";
import { strategyNamed } from "./strategy-choice";
import { hasPlaceholder } from "./placeholders";
import { parseTimeline, timelineFits } from "./timeline";

/** Duplicate numbers and missing priorities among a plan's milestone headings. */
export function checkMilestoneHeadings(heads: readonly NumberedHeading[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, number>();
  for (const head of heads) {
    const previous = seen.get(head.number);
    if (previous !== undefined) {
      diagnostics.push({
        code: "duplicate-milestone",
        severity: "error",
        message: `Milestone ${head.number} is numbered twice (first at line ${previous}); renumber one of them.`,
        file: head.file,
        line: head.line,
      });
    } else seen.set(head.number, head.line);
    if (head.priority === undefined) {
      diagnostics.push({
        code: "missing-priority",
        severity: "warning",
        message: `Milestone ${head.number} "${head.title}" has no priority; add "(Priority: P1)" (or P2, P3…) to its heading.`,
        file: head.file,
        line: head.line,
      });
    }
  }
}

/** Resolves dependencies and returns the execution order, reporting an empty plan. */
export function settleMilestones(milestones: Milestone[], planFile: string, diagnostics: Diagnostic[]): string[] {
  if (milestones.length === 0) {
    diagnostics.push({ code: "no-milestones", severity: "warning", message: `No milestones found; write each as "## Milestone 1: Title (Priority: P1)".`, file: planFile, line: 1 });
  }
  checkTimelines(milestones, diagnostics);
  resolveDependencies(milestones, diagnostics);
  checkIntegrations(milestones, diagnostics);
  return orderMilestones(milestones, diagnostics);
}

/** A milestone with more dependencies than the limit gets one integration task for all of them: say so. */
function checkIntegrations(milestones: readonly Milestone[], diagnostics: Diagnostic[]): void {
  for (const m of milestones) {
    if (m.dependsOn.length <= MAX_MILESTONE_INTEGRATIONS) continue;
    const at = m.dependencyText ?? m;
    diagnostics.push({
      code: "many-dependencies",
      severity: "info",
      message: `Milestone ${m.number} depends on ${m.dependsOn.length} milestones, over the limit of ${MAX_MILESTONE_INTEGRATIONS}: its execute-note phase has one integration test and one integration task for all of them instead of one of each per milestone.`,
      file: at.file,
      line: at.line,
    });
  }
}

/** A vision folder without a milestone plan cannot be generated (one with an execute note can still be tracked). */
export function checkHasPlan(ref: VisionRef, diagnostics: Diagnostic[]): void {
  if (ref.kind !== "vision" || ref.docs.plan || ref.docs.execute) return;
  const where = ref.docs.vision ?? ref.docs.goal ?? ref.docs.strategy ?? `${ref.folder}/plan.md`;
  diagnostics.push({ code: "missing-plan", severity: "error", message: `Vision ${ref.id} has no milestone plan; add ${ref.folder}/plan.md to generate its execute note.`, file: where, line: 1 });
}

/** The vision's display name: from the vision, plan, goal or strategy heading, else the folder slug. */
export function displayName(ref: VisionRef, names: (string | undefined)[]): string {
  // A template heading ("# Vision Document: [VISION NAME]") names nothing.
  return names.find((n) => n && !hasPlaceholder(n)) ?? ref.id.replace(/^\d+-/, "").replace(/-/g, " ");
}

/**
 * The recommended strategy: the strategy document's own recommendation, else the one the plan's
 * Selected Strategy names. Several strategies and no recommendation: a warning, and the note takes
 * content from none of them.
 */
export function settleRecommendation(strategy: StrategyDocument, plan: PlanDocument | undefined, diagnostics: Diagnostic[]): void {
  if (strategy.recommended) return;
  const selected = plan?.selectedStrategy;
  strategy.recommended = selected ? strategyNamed(strategy.strategies, selected.text) : undefined;
  if (strategy.recommended || strategy.strategies.length < 2) return;
  diagnostics.push({
    code: "no-recommended-strategy",
    severity: "warning",
    message: `${strategy.strategies.length} strategies and none recommended; name one under "## Recommended Strategy" as "**Selected Approach**: Strategy N - Title" (the execute note takes no strategy content until then).`,
    file: strategy.file,
    line: 1,
  });
}

/** Timelines too long to put on a calendar ("Weeks 1-100000000") are reported and left undated. */
function checkTimelines(milestones: readonly Milestone[], diagnostics: Diagnostic[]): void {
  for (const m of milestones) {
    const t = m.timeline ? parseTimeline(m.timeline.text) : undefined;
    if (!m.timeline || !t || timelineFits(t)) continue;
    diagnostics.push({
      code: "timeline-too-long",
      severity: "warning",
      message: `Milestone ${m.number} timeline "${m.timeline.text.slice(0, 60)}" is longer than ${MAX_TIMELINE_DAYS} days (about 20 years); write a shorter range (e.g. "Weeks 1-12"). It is left without dates.`,
      file: m.timeline.file,
      line: m.timeline.line,
    });
  }
}
