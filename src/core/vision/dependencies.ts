import type { Diagnostic } from "../diagnostics";
import { MinHeap } from "../graph/critical";
import { charIn, trimCharsEnd } from "../text/trim";
import type { Milestone } from "./model";

/** Words that may surround milestone references without being a dependency of their own. */
const FILLER = new Set([
  "after", "and", "or", "both", "all", "the", "of", "on", "upon", "to", "be", "is", "are", "must", "needs", "need",
  "requires", "require", "required", "depends", "depend", "dependent", "completion", "complete", "completed", "done",
  "finished", "delivered", "none", "no", "n/a", "foundational", "foundation", "milestone", "milestones", "phase",
  "before", "being", "having", "been", "from", "with", "its", "their", "prior", "previous", "first", "in", "place",
  "ready", "shipped", "outputs", "output", "results", "work", "m", "partial", "partially", "at", "least", "a",
]);

const REFERENCE = /\b(?:Milestones?\s*(?:#\s*)?|M\s?)(\d+[a-z]?)((?:\s*(?:,|&|\/|\band\b|\bor\b)\s*(?:M\s?)?\d+[a-z]?\b)*)/gi;

export interface DependencyRefs {
  numbers: string[];
  /** Text that is left once milestone references and filler words are removed. */
  rest: string;
}

/** Finds milestone references in free text: "Milestone 1 completion", "M1, M3", "Milestones 2 and 3". */
export function readDependencyText(text: string): DependencyRefs {
  const numbers: string[] = [];
  const rest = text.replace(REFERENCE, (_all, first: string, more: string) => {
    numbers.push(first.toLowerCase());
    for (const m of more.matchAll(/\d+[a-z]?/gi)) numbers.push(m[0].toLowerCase());
    return " ";
  });
  const meaningful = rest
    .replace(/[()[\].,;:!?*_`"'—–-]/g, " ")
    .split(/\s+/)
    .some((w) => w !== "" && !FILLER.has(w.toLowerCase()));
  // Report what is left as the user wrote it, minus the references and the words that joined them.
  const leftover = trimCharsEnd(
    rest.replace(/\s+/g, " ").replace(/^[\s,;:&()[\].-]*(?:(?:and|or|after|completion|complete|completed)\b[\s,;:&()[\].-]*)*/i, ""),
    charIn(/[\s,;:&()[\].-]/), // a scan: the regex `[…]+$` is quadratic on long runs
  )
    .replace(/^\(|\)$/g, "")
    .trim();
  return { numbers: [...new Set(numbers)], rest: meaningful ? leftover : "" };
}

/** Fills `dependsOn` of every milestone and reports references that name no milestone. */
export function resolveDependencies(milestones: Milestone[], diagnostics: Diagnostic[]): void {
  const known = new Set(milestones.map((m) => m.number));
  for (const m of milestones) {
    const dep = m.dependencyText;
    // "None (foundational)", "N/A", "No dependencies (…)": nothing to resolve or report.
    if (!dep || /^\s*(?:none|n\/a|no dependenc(?:y|ies)|-|—)(?:\W|$)/i.test(dep.text)) continue;
    const refs = readDependencyText(dep.text);
    for (const n of refs.numbers) {
      if (n === m.number) {
        diagnostics.push({ code: "self-dependency", severity: "warning", message: `Milestone ${m.number} depends on itself; remove that reference.`, file: dep.file, line: dep.line });
      } else if (!known.has(n)) {
        diagnostics.push({
          code: "unknown-milestone",
          severity: "warning",
          message: `Milestone ${m.number} depends on Milestone ${n}, which is not in the plan; fix the number or add the milestone.`,
          file: dep.file,
          line: dep.line,
        });
      } else if (!m.dependsOn.includes(n)) m.dependsOn.push(n);
    }
    if (refs.rest !== "") {
      diagnostics.push({
        code: "external-dependency",
        severity: "info",
        message: `Milestone ${m.number} depends on "${refs.rest}", which names no milestone; it is kept as a note, not a phase edge.`,
        file: dep.file,
        line: dep.line,
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
