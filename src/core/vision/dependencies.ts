import type { Diagnostic } from "../diagnostics";
import { MinHeap } from "../graph/critical";
import type { Milestone } from "./model";
import { numberedBefore, readDependencies } from "./dependency-text";

/** Fills `dependsOn` and `external` of every milestone and reports references that name no milestone. */
export function resolveDependencies(milestones: Milestone[], diagnostics: Diagnostic[]): void {
  const known = new Set(milestones.map((m) => m.number));
  const numbers = [...known];
  for (const m of milestones) {
    const dep = m.dependencyText;
    if (!dep) continue;
    const reading = readDependencies(dep.text);
    const at = { file: dep.file, line: dep.line };
    const lower = numbers.filter((n) => numberedBefore(n, m.number));
    const named = [...reading.numbers];
    if (reading.allPrevious) named.push(...lower);
    if (reading.previousOne && lower.length > 0) named.push(lower.reduce((a, b) => (numberedBefore(a, b) ? b : a)));
    if ((reading.allPrevious || reading.previousOne) && lower.length === 0) {
      diagnostics.push({ code: "unknown-milestone", severity: "warning", message: `Milestone ${m.number} depends on "${dep.text}", but no milestone comes before it; remove that dependency.`, ...at });
    }
    const unknown: string[] = [];
    for (const n of named) {
      if (n === m.number) {
        diagnostics.push({ code: "self-dependency", severity: "warning", message: `Milestone ${m.number} depends on itself; remove that reference.`, ...at });
      } else if (!known.has(n)) unknown.push(n);
      else if (!m.dependsOn.includes(n)) m.dependsOn.push(n);
    }
    // One finding per field, also for a range that runs past the last milestone ("Milestones 4-9").
    if (unknown.length > 0) {
      const which = unknown.length === 1 ? `Milestone ${unknown[0]}, which is` : `Milestones ${unknown.join(", ")}, which are`;
      diagnostics.push({ code: "unknown-milestone", severity: "warning", message: `Milestone ${m.number} depends on ${which} not in the plan; fix the number or add the milestone.`, ...at });
    }
    for (const range of reading.tooWide) {
      diagnostics.push({ code: "unknown-milestone", severity: "warning", message: `Milestone ${m.number} depends on Milestones ${range}, a range wider than any plan; fix the numbers.`, ...at });
    }
    m.external = reading.external;
    for (const text of reading.external) {
      diagnostics.push({
        code: "external-dependency",
        severity: "info",
        message: `Milestone ${m.number} depends on "${text}", which names no milestone; it is shown in the phase as an external dependency, not a phase edge.`,
        ...at,
      });
    }
  }
}

function compareMilestones(a: Milestone, b: Milestone): number {
  const pa = a.priority ?? Number.MAX_SAFE_INTEGER;
  const pb = b.priority ?? Number.MAX_SAFE_INTEGER;
  return pa - pb || parseInt(a.number, 10) - parseInt(b.number, 10) || a.number.localeCompare(b.number) || a.line - b.line;
}

/** Finds one cycle among the given milestones (by number), following dependsOn. */
function findCycle(pending: Map<string, Milestone>): string[] | undefined {
  const state = new Map<string, "visiting" | "done">();
  for (const root of pending.keys()) {
    if (state.has(root)) continue;
    // Depth-first with an explicit stack: a chain of thousands of milestones cannot overflow the call stack.
    const stack = [root];
    const next = [0];
    state.set(root, "visiting");
    while (stack.length > 0) {
      const n = stack[stack.length - 1];
      const deps = pending.get(n)?.dependsOn ?? [];
      const i = next[next.length - 1]++;
      if (i >= deps.length) {
        stack.pop();
        next.pop();
        state.set(n, "done");
        continue;
      }
      const d = deps[i];
      if (!pending.has(d)) continue;
      if (state.get(d) === "visiting") return [...stack.slice(stack.indexOf(d)), d];
      if (!state.has(d)) {
        state.set(d, "visiting");
        stack.push(d);
        next.push(0);
      }
    }
  }
  return undefined;
}

/**
 * Execution order: every milestone after the milestones it depends on; among those free to start,
 * higher priority first (then lower number). A cycle is reported and broken at its highest-priority
 * milestone so that generation can still go on.
 */
export function orderMilestones(milestones: Milestone[], diagnostics: Diagnostic[]): string[] {
  const pending = new Map<string, Milestone>();
  for (const m of milestones) if (!pending.has(m.number)) pending.set(m.number, m);
  // Kahn's algorithm with a heap on priority rank: scanning every pending milestone for the best free
  // one at each step is quadratic (minutes at 10,000 milestones).
  const ranked = [...pending.values()].sort(compareMilestones);
  const rank = new Map(ranked.map((m, i) => [m.number, i]));
  const waiting = ranked.map(() => 0);
  const dependents: number[][] = ranked.map(() => []);
  ranked.forEach((m, i) => {
    for (const d of new Set(m.dependsOn)) {
      const j = rank.get(d);
      if (j === undefined) continue;
      waiting[i]++;
      dependents[j].push(i);
    }
  });
  const free = new MinHeap();
  ranked.forEach((_, i) => {
    if (waiting[i] === 0) free.push(i);
  });
  const order: string[] = [];
  while (pending.size > 0) {
    let next: Milestone;
    if (free.size > 0) next = ranked[free.pop()];
    else {
      const cycle = findCycle(pending) ?? [...pending.keys()];
      const first = pending.get(cycle[0])!;
      diagnostics.push({
        code: "dependency-cycle",
        severity: "error",
        message: `Milestone dependencies form a cycle: ${cycle.map((n) => `Milestone ${n} (line ${pending.get(n)?.dependencyText?.line ?? pending.get(n)?.line})`).join(" → ")}. Remove one of these dependencies.`,
        file: first.dependencyText?.file ?? first.file,
        line: first.dependencyText?.line ?? first.line,
      });
      next = cycle.map((n) => pending.get(n)!).sort(compareMilestones)[0];
    }
    order.push(next.number);
    pending.delete(next.number);
    for (const j of dependents[rank.get(next.number)!]) if (--waiting[j] === 0 && pending.has(ranked[j].number)) free.push(j);
  }
  return order;
}
