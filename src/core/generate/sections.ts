import { basename } from "../files";
import { headingName } from "../vision/headings";
import { hasPlaceholder } from "../vision/placeholders";
import type { Milestone, SourceItem, Vision } from "../vision/model";
import { deliverableItems } from "./deliverables";
import { type ExecutionPlan, type PlannedPhase, chosenStrategy } from "./plan-model";

/**
 * The sections after the phases, filled only from what the vision documents say. Where the sources
 * are silent, the section says so and which document would hold the information.
 */
export interface SectionContext {
  phaseOf: Map<string, PlannedPhase>;
  milestones: Milestone[];
  polish: PlannedPhase;
  fmt: (d: Date) => string;
}

/** An entry of a numbered list: source items that already carry an ID of the list's prefix keep it. */
type Entry = string | SourceItem;

function numbered(prefix: string, entries: Entry[], silence: string): string[] {
  if (entries.length === 0) return [`- ${silence}`];
  const own = (e: Entry): string | undefined => (typeof e !== "string" && e.id?.startsWith(`${prefix}-`) ? e.id : undefined);
  const taken = new Set(entries.map(own).filter(Boolean));
  let next = 1;
  const fresh = (): string => {
    let id: string;
    do id = `${prefix}-${String(next++).padStart(3, "0")}`;
    while (taken.has(id));
    return id;
  };
  return entries.map((e) => {
    const id = own(e) ?? fresh();
    return `- **${id}**: ${typeof e === "string" ? e : own(e) ? e.text : withId(e)}`;
  });
}

const withId = (i: SourceItem): string => (i.id ? `${i.id}: ${i.text}` : i.text);
const bare = (text: string): string => text.replace(/[.;]+$/, "");
/** A source value that is really filled in: template placeholders (`[Who monitors this risk]`) never reach the note. */
const filled = <T extends { text: string } | string>(value: T | undefined): T | undefined =>
  value === undefined || hasPlaceholder(typeof value === "string" ? value : value.text) ? undefined : value;
const fileOf = (v: Vision, role: "vision" | "goal" | "strategy" | "plan"): string => {
  const path = v.ref.docs[role];
  return path ? basename(path) : `${role}.md`;
};


function dependencySection(v: Vision, plan: ExecutionPlan, ctx: SectionContext): string[] {
  const { phaseOf, milestones, polish } = ctx;
  const first = milestones.length ? phaseOf.get(milestones[0].number)!.number : undefined;
  const last = milestones.length ? phaseOf.get(milestones[milestones.length - 1].number)!.number : undefined;
  const out = ["## Dependencies & Execution Order", "", "### Phase Dependencies", ""];
  out.push("- **Setup (Phase 1)**: No dependencies - can start immediately");
  out.push("- **Foundational (Phase 2)**: Depends on Setup completion - BLOCKS all milestones");
  if (first !== undefined) {
    out.push(`- **Milestones (Phase ${first}${last !== first ? `-${last}` : ""})**: All depend on Foundational phase completion`);
    out.push("  - Each also waits for the milestones it depends on (below)");
  }
  out.push(`- **Polish (Phase ${polish.number})**: Depends on all milestones being complete`, "");
  out.push("### Milestone Dependencies", "");
  if (milestones.length === 0) out.push(`- ${fileOf(v, "plan")} defines no milestones`);
  for (const m of milestones) {
    const p = m.priority !== undefined ? ` (P${m.priority})` : "";
    const deps = m.dependsOn.map((d) => `Milestone ${d} (Phase ${phaseOf.get(d)?.number})`);
    const text = deps.length ? `Starts after ${deps.join(" and ")}` : "Can start after Foundational (Phase 2) - No dependencies on other milestones";
    out.push(`- **Milestone ${m.number}${p}**: ${text}`);
    if (m.external?.length) out.push(`  - External: ${m.external.join("; ")}`);
  }
  out.push("", "### Within Each Milestone", "");
  out.push("- Validation and integration tests (when included) first: written, and failing, before the build");
  out.push("- Deliverables next; those marked [P] can be built side by side");
  out.push("- Integration tasks once the milestones they integrate with are complete");
  out.push("- Acceptance scenarios, success criteria and validation after the deliverables they check");
  out.push("- Milestone complete (its checkpoint) before the milestones that depend on it start", "");
  out.push("### Parallel Opportunities", "");
  for (const p of plan.phases) {
    const parallel = p.tasks.filter((t) => t.parallel).map((t) => t.id);
    if (parallel.length > 1) out.push(`- Phase ${p.number} (${p.milestone ? `Milestone ${p.milestone.number}` : p.title.replace(/ \(.*$/, "")}): ${parallel.join(", ")} can run in parallel`);
  }
  plan.waves.forEach((w, i) => {
    if (w.length > 1) out.push(`- Wave ${i + 1}: Milestones ${w.join(", ")} can be worked on at the same time once their dependencies are done`);
  });
  if (out[out.length - 1] === "") out.push("- No tasks or milestones can run in parallel in this plan");
  out.push("", "---", "");
  return out;
}

function learningLoops(v: Vision): string[] {
  const strategy = chosenStrategy(v);
  const feedback = [...(v.goal?.schedule ?? []).map(withId), ...(strategy?.validationMethods ?? []).map((i) => `${withId(i)} (${strategy!.heading.replace(/\s*\(.*$/, "")})`)];
  const measures = [
    ...(v.vision?.outcomes ?? []).map(withId),
    ...(v.goal?.objectives ?? []).flatMap((o) => {
      const [metric, target, baseline, when] = [o.metric, o.target, o.baseline, o.timeline].map((f) => filled(f));
      const parts = [metric && `metric: ${bare(metric.text)}`, target && `target: ${bare(target.text)}`, baseline && `baseline: ${bare(baseline.text)}`, when && `when: ${bare(when.text)}`].filter(Boolean);
      return parts.length ? [`${headingName("Objective", o)}: ${parts.join("; ")}`] : [];
    }),
  ];
  return [
    "## Learning Loops Setup",
    "",
    "### Feedback Mechanisms",
    ...numbered("FM", feedback, `The sources name no feedback mechanism (${fileOf(v, "goal")} has no Validation Schedule and the chosen strategy no Validation Methods)`),
    "",
    "### Measurement Points",
    ...numbered("MP", measures, `The sources name no measurable outcome (${fileOf(v, "vision")} has no SC- items and ${fileOf(v, "goal")} no objective metrics)`),
    "",
    "### Evidence Collection Points",
    ...numbered("ECP", evidence(v), `The sources name no evidence collection (${fileOf(v, "strategy")} has ${v.strategy && !chosenStrategy(v) ? "no recommended strategy" : "no Evidence Collection Approach"})`),
    "",
  ];
}

/** The recommended strategy's Evidence Collection Approach and the document's ECP- points (only when a strategy is recommended). */
function evidence(v: Vision): Entry[] {
  const chosen = chosenStrategy(v);
  return chosen ? [...(v.strategy?.evidencePoints ?? []), ...chosen.evidence] : [];
}

function adaptation(v: Vision): string[] {
  const chosen = chosenStrategy(v);
  const goalTriggers = v.goal?.triggers ?? [];
  const triggers: Entry[] = [
    ...goalTriggers.map((i) => ({ ...i, text: `If **${bare(i.text)}**: follow the adaptation process below` })),
    ...(v.plan?.adaptiveResponses ?? []).map(withId),
    ...(chosen ? [...(goalTriggers.length ? [] : (v.strategy?.triggers ?? [])), ...chosen.adaptation] : []).map(withId),
  ];
  const ecp = evidence(v).length;
  const range = (prefix: string, n: number): string => (n > 1 ? `${prefix}-001 to ${prefix}-${String(n).padStart(3, "0")}` : `${prefix}-001`);
  return [
    "## Adaptation Protocols",
    "",
    "### When to Adapt",
    ...numbered("AT", triggers, `The sources name no adaptation trigger (${fileOf(v, "plan")} has no Adaptive Response Plan and ${fileOf(v, "strategy")} no Adaptation Mechanism)`),
    "",
    "### Adaptation Process",
    `1. **Identify Evidence**: ${ecp ? `gather what the evidence collection points (${range("ECP", ecp)}) show` : "gather evidence from the measurement points above"}`,
    `2. **Analyze Impact**: compare it with the intents in ${fileOf(v, "vision")} and the objectives in ${fileOf(v, "goal")}`,
    `3. **Propose Changes**: write the proposed change into ${fileOf(v, "plan")} (milestones, deliverables, dependencies)`,
    "4. **Validate Changes**: check the change against the acceptance scenarios of the milestones it touches",
    "5. **Implement Changes**: regenerate this execution plan; checkmarks and your edits are kept",
    "",
    "### Change Management",
    ...numbered("CM", (v.plan?.progressTracking ?? []).map(withId), `The sources name no change-management practice (${fileOf(v, "plan")} has no Progress Tracking section)`),
    "",
  ];
}

function qualityAssurance(v: Vision, ctx: SectionContext): string[] {
  const approaches: Entry[] = [
    ...(v.vision?.validations ?? []),
    ...ctx.milestones.flatMap((m) => m.validationApproach.map((i) => `Milestone ${m.number}: ${i.text}`)),
  ];
  return [
    "## Quality Assurance",
    "",
    "### Validation Approach",
    ...numbered("VA", approaches, `The sources name no validation approach (${fileOf(v, "vision")} has no VA- items and no milestone has a Validation Approach)`),
    "",
    "### Quality Standards",
    ...numbered("QS", v.plan?.qualityStandards ?? [], `The sources name no quality standard (${fileOf(v, "plan")} has no QS- items)`),
    "",
  ];
}

function riskManagement(v: Vision): string[] {
  // A risk still in template words is no risk; a filled risk keeps only its filled facts.
  const risks = (v.plan?.risks ?? [])
    .filter((r) => filled(r.text) !== undefined)
    .map((r) => ({ ...r, impact: filled(r.impact), probability: filled(r.probability), mitigation: filled(r.mitigation), owner: filled(r.owner) }));
  const monitor = risks.map((r) => {
    const facts = [r.impact && `Impact: ${r.impact}`, r.probability && `Probability: ${r.probability}`].filter(Boolean).join(", ");
    return `${r.id}: ${r.text}${facts ? ` (${facts})` : ""}${r.mitigation ? `; mitigation: ${r.mitigation}` : ""}`;
  });
  const serious = risks.filter((r) => /high|critical|severe/i.test(`${r.impact ?? ""} ${r.probability ?? ""}`));
  const escalate = serious.map((r) => `${r.id} (${[r.impact && `Impact: ${r.impact}`, r.probability && `Probability: ${r.probability}`].filter(Boolean).join(", ")}): escalate${r.owner ? ` to ${r.owner}` : ""} when its mitigation does not contain it`);
  return [
    "## Risk Management",
    "",
    "### Active Risk Monitoring",
    ...numbered("RM", monitor, `The sources name no risk (${fileOf(v, "plan")} has no Risk Assessment)`),
    "",
    "### Risk Escalation",
    ...numbered("RE", escalate, risks.length ? "No risk is rated high; escalate as the risk owners decide" : `The sources name no risk to escalate (${fileOf(v, "plan")} has no Risk Assessment)`),
    "",
  ];
}

function intentAlignment(v: Vision): string[] {
  const checkpoints = (v.vision?.intents ?? []).map((i) => {
    const p = i.priority !== undefined ? ` (P${i.priority})` : "";
    const how = i.independentValidation?.text ?? i.description;
    return `${headingName("Intent", i)}${p}${how ? `: ${how}` : ""}`;
  });
  const metrics = [
    ...(v.goal?.objectives ?? []).flatMap((o) => o.successCriteria.map((c) => `${headingName("Objective", o)}: ${c.text}`)),
    ...(v.vision?.thresholds ?? []).map(withId),
  ];
  return [
    "## Intent Alignment Verification",
    "",
    "Regular checkpoints to ensure continued alignment with original user intent:",
    "",
    ...numbered("IAV", checkpoints, `The sources state no intents (${fileOf(v, "vision")} has no "### Intent N" sections)`),
    "",
    "### Alignment Metrics",
    ...numbered("AM", metrics, `The sources state no alignment metric (${fileOf(v, "goal")} has no objective success criteria and ${fileOf(v, "vision")} no success thresholds)`),
    "",
  ];
}

const DOC_HINT = /(?:^|[\s`/])(?:docs?\/|README|[\w-]+\.md\b)|\b(?:documentation|guide|handbook|runbook|playbook)\b/i;

function documentation(v: Vision, ctx: SectionContext): string[] {
  const docs = ctx.milestones.flatMap((m) => deliverableItems(m).filter((d) => DOC_HINT.test(d.text)).map((d) => `${d.text} (Milestone ${m.number})`));
  return [
    "## Documentation Requirements",
    "",
    "### Required Documentation",
    ...numbered("DR", docs, "The sources name no documentation deliverable"),
    "",
    "---",
    "",
  ];
}

function parallelExample(plan: ExecutionPlan, ctx: SectionContext): string[] {
  const m = ctx.milestones.find((x) => x.number === plan.mvp) ?? ctx.milestones[0];
  if (!m) return ["## Parallel Example", "", "- The plan has no milestones yet", "", "---", ""];
  const tasks = ctx.phaseOf.get(m.number)!.tasks.filter((t) => t.parallel);
  const out = [`## Parallel Example: Milestone ${m.number}`, ""];
  if (tasks.length < 2) out.push(`- Milestone ${m.number} has no tasks that can run in parallel`);
  else out.push("```text", `# Start these Milestone ${m.number} tasks together:`, ...tasks.map((t) => `Task: "${t.id} ${t.text.replace(/"/g, "'")}"`), "```");
  return [...out, "", "---", ""];
}

function implementationStrategy(plan: ExecutionPlan, ctx: SectionContext): string[] {
  const { milestones, phaseOf } = ctx;
  const mvp = milestones.find((m) => m.number === plan.mvp) ?? milestones[0];
  const out = ["## Implementation Strategy", ""];
  out.push(`### MVP First (${mvp ? `Milestone ${mvp.number}` : "Foundation"} Only)`, "");
  out.push("1. Complete Phase 1: Setup", "2. Complete Phase 2: Foundational (CRITICAL - blocks all milestones)");
  if (mvp) {
    const needed = prerequisites(mvp, milestones);
    let step = 3;
    for (const n of needed) out.push(`${step++}. Complete Phase ${phaseOf.get(n)!.number}: Milestone ${n}`);
    out.push(`${step++}. Complete Phase ${phaseOf.get(mvp.number)!.number}: ${headingName("Milestone", mvp)}`);
    out.push(`${step++}. **STOP and VALIDATE**: check Milestone ${mvp.number} against its acceptance scenarios and success criteria`);
    out.push(`${step}. Deploy or demo if validation passes`);
  }
  out.push("", "### Incremental Delivery", "", "1. Complete Setup + Foundational");
  milestones.forEach((m, i) => out.push(`${i + 2}. Add ${headingName("Milestone", m)} → validate independently → deploy/demo${m.number === plan.mvp ? " (MVP!)" : ""}`));
  out.push("", "### Parallel Team Strategy", "", "With several people:", "", "1. Complete Setup + Foundational together");
  plan.waves.forEach((w, i) => out.push(`${i + 2}. ${w.length > 1 ? "In parallel: " : ""}${w.map((n) => `Milestone ${n}`).join(", ")}${i === 0 ? "" : " (after the wave before)"}`));
  out.push("", "---", "");
  return out;
}

/** Milestones that must be done before `m`, in execution order. */
function prerequisites(m: Milestone, milestones: Milestone[]): string[] {
  const byNumber = new Map(milestones.map((x) => [x.number, x]));
  const needed = new Set<string>();
  // An explicit work list, not recursion: a chain of thousands of milestones stays off the call stack.
  const todo = [m.number];
  for (let n = todo.pop(); n !== undefined; n = todo.pop()) {
    for (const d of byNumber.get(n)?.dependsOn ?? []) {
      if (!needed.has(d)) {
        needed.add(d);
        todo.push(d);
      }
    }
  }
  return milestones.map((x) => x.number).filter((n) => needed.has(n));
}

function notes(): string[] {
  return [
    "## Notes",
    "",
    "- [P] tasks = different files, no dependencies inside their phase",
    "- [Milestone] label maps each task to its milestone for traceability",
    "- Each milestone should be independently completable and validatable",
    "- Check a task off when it is done; the phase graph and progress follow",
    "- Add your own tasks and notes anywhere: regeneration keeps them",
    "- Change the plan, not this note, when milestones or deliverables change, then regenerate",
  ];
}

export function derivedSections(v: Vision, plan: ExecutionPlan, ctx: SectionContext): string[] {
  return [
    ...dependencySection(v, plan, ctx),
    ...learningLoops(v),
    ...adaptation(v),
    ...qualityAssurance(v, ctx),
    ...riskManagement(v),
    ...intentAlignment(v),
    ...documentation(v, ctx),
    ...parallelExample(plan, ctx),
    ...implementationStrategy(plan, ctx),
    ...notes(),
  ];
}
