import type { TaskStatus } from "./model";
import type { PlanPhase, PlanTask } from "../reader/model";
import { cycleThrough, stronglyConnected } from "../reader/cycles";

/**
 * Task states over one graph of tasks and phase gates. A gate stands for "every task of phase P
 * is finished"; a task waits for its explicit dependencies, for the gates of the phases its phase
 * waits for, and for the gates of phases it names itself. Using gates keeps the graph linear in
 * size (no task-to-every-task edges), so 10,000-task plans stay fast.
 *
 * - done: checked off;
 * - ready: not done, and everything it waits for is finished, transitively (done, and all that
 *   waited for in turn finished);
 * - blocked: otherwise, with `blockedBy` naming the open tasks at the front of what holds it up.
 */
export interface TaskStates {
  status: TaskStatus[];
  /** Arrays may be shared between tasks: treat them as read-only. */
  blockedBy: string[][];
  wave: number[];
  /** Gate of each phase clear: all its tasks finished, transitively. */
  phaseClear: boolean[];
  /** Cycles that pass through phase order and task dependencies together, as readable node names. */
  mixedCycles: { names: string[]; line: number }[];
}

const EMPTY: string[] = [];

/** Union of ID lists; shares the input when only one distinct list is non-empty. */
function union(lists: string[][]): string[] {
  const distinct: string[][] = [];
  for (const l of lists) if (l.length && !distinct.includes(l)) distinct.push(l);
  if (distinct.length === 0) return EMPTY;
  if (distinct.length === 1) return distinct[0];
  const set = new Set<string>();
  for (const l of distinct) for (const id of l) set.add(id);
  return [...set];
}

export function computeStates(phases: PlanPhase[], tasks: PlanTask[], phaseCycles: Set<string>, taskCycleMembers: Set<number>): TaskStates {
  const T = tasks.length;
  const P = phases.length;
  const phaseIndex = new Map(phases.map((p, i) => [p.id, i]));
  const byId = new Map<string, number[]>();
  tasks.forEach((t, i) => {
    const list = byId.get(t.id);
    if (list) list.push(i);
    else byId.set(t.id, [i]);
  });
  const members: number[][] = phases.map(() => []);
  tasks.forEach((t, i) => members[phaseIndex.get(t.phase) ?? 0]?.push(i));

  // Nodes 0..T-1 are tasks, T..T+P-1 the phase gates.
  const edges: number[][] = new Array<number[]>(T + P);
  tasks.forEach((t, i) => {
    const list: number[] = [];
    for (const id of t.dependsOn) for (const j of byId.get(id) ?? []) if (j !== i) list.push(j);
    const own = phaseIndex.get(t.phase);
    for (const q of own !== undefined ? phases[own].dependsOn : []) {
      const k = phaseIndex.get(q);
      if (k !== undefined && k !== own) list.push(T + k);
    }
    for (const q of t.dependsOnPhases ?? []) {
      const k = phaseIndex.get(q);
      if (k !== undefined && k !== own) list.push(T + k);
    }
    edges[i] = list;
  });
  for (let k = 0; k < P; k++) edges[T + k] = members[k];

  const done = tasks.map((t) => t.state === "done");
  const clear = new Uint8Array(T + P);
  const frontier: string[][] = new Array<string[]>(T + P).fill(EMPTY);
  const status: TaskStatus[] = new Array<TaskStatus>(T).fill("blocked");
  const blockedBy: string[][] = new Array<string[]>(T).fill(EMPTY);
  const wave = new Array<number>(T + P).fill(0);
  const mixedCycles: { names: string[]; line: number }[] = [];

  // What holds a node up, for the nodes after it: an open task is itself the blocker; a finished
  // but unclear task passes on what holds it up (its task dependencies first, else its phase
  // order); an unclear phase gate stands for its open tasks (else for what holds up its finished ones).
  const openIds: string[][] = members.map((list) => list.filter((i) => !done[i]).map((i) => tasks[i].id));
  // The nearest blockers win: open task dependencies, else what holds up finished ones, else the
  // phase order. This keeps the lists short and shared instead of repeating whole phases.
  const gateUnions = new Map<string, string[]>();
  const blockers = (n: number): string[] => {
    const open: string[] = [];
    const passed: string[][] = [];
    const gates: number[] = [];
    for (const d of edges[n]) {
      if (clear[d]) continue;
      if (d >= T) gates.push(d);
      else if (!done[d]) {
        if (!open.includes(tasks[d].id)) open.push(tasks[d].id);
      } else passed.push(frontier[d]);
    }
    if (open.length) return open;
    if (passed.length) return union(passed);
    // Tasks of one phase share their phase-order blockers: merge each set of gates once.
    const key = gates.join(",");
    let merged = gateUnions.get(key);
    if (!merged) gateUnions.set(key, (merged = union(gates.map((g) => frontier[g]))));
    return merged;
  };

  const components = stronglyConnected(T + P, edges);
  for (const component of components) {
    const cyclic = component.length > 1 || edges[component[0]].includes(component[0]);
    if (!cyclic) {
      const n = component[0];
      const isClear = edges[n].every((d) => clear[d] === 1);
      let w = 0;
      for (const d of edges[n]) w = Math.max(w, d < T ? wave[d] + 1 : wave[d]);
      if (n < T) {
        wave[n] = w;
        if (done[n]) {
          status[n] = "done";
          clear[n] = isClear ? 1 : 0;
          frontier[n] = isClear ? EMPTY : blockers(n);
        } else {
          frontier[n] = [tasks[n].id];
          if (isClear) status[n] = "ready";
          else blockedBy[n] = blockers(n);
        }
      } else {
        // A gate's wave is the first wave after all of its tasks.
        let gw = 0;
        for (const d of edges[n]) gw = Math.max(gw, wave[d] + 1);
        wave[n] = gw;
        clear[n] = isClear ? 1 : 0;
        const open = openIds[n - T];
        frontier[n] = isClear ? EMPTY : open.length ? open : union(edges[n].filter((d) => !clear[d]).map((d) => frontier[d]));
      }
      continue;
    }
    // A cycle: nothing in it is clear. Its open tasks block each other; a finished member passes on
    // the cycle's open tasks (and what holds the cycle up from outside).
    const inside = new Set(component);
    const external = component.flatMap((n) => edges[n].filter((d) => !inside.has(d) && !clear[d]));
    const open = component.filter((n) => n < T && !done[n]).map((n) => tasks[n].id);
    const shared = union([open, ...external.map((d) => frontier[d])]);
    let w = 0;
    for (const n of component) for (const d of edges[n]) if (!inside.has(d)) w = Math.max(w, d < T ? wave[d] + 1 : wave[d]);
    for (const n of component) {
      wave[n] = w;
      frontier[n] = n < T && !done[n] ? [tasks[n].id] : shared;
    }
    // A finished member whose own dependencies include open tasks passes on just those.
    for (const n of component) {
      if (n >= T || !done[n]) continue;
      const direct = edges[n].filter((d) => d < T && !done[d]).map((d) => tasks[d].id);
      if (direct.length) frontier[n] = direct;
    }
    for (const n of component) {
      if (n >= T) continue;
      if (done[n]) {
        status[n] = "done";
        continue;
      }
      const found = blockers(n);
      // Waiting only for itself (through finished tasks of the cycle) is no wait at all.
      const others = found.includes(tasks[n].id) ? found.filter((id) => id !== tasks[n].id) : found;
      if (others.length === 0) status[n] = "ready";
      else blockedBy[n] = others;
    }
    const gates = component.filter((n) => n >= T);
    const taskNodes = component.filter((n) => n < T);
    if (gates.length && !gates.some((g) => phaseCycles.has(phases[g - T].id)) && !taskNodes.some((n) => taskCycleMembers.has(n))) {
      const start = taskNodes.reduce((a, b) => (tasks[b].line < tasks[a].line ? b : a), taskNodes[0]);
      const path = cycleThrough(start, edges, (x) => inside.has(x));
      mixedCycles.push({
        names: path.map((x) => (x < T ? tasks[x].id : `all of ${phases[x - T].heading || phases[x - T].title}`)),
        line: tasks[start].line,
      });
    }
  }
  return { status, blockedBy, wave: wave.slice(0, T), phaseClear: phases.map((_, k) => clear[T + k] === 1), mixedCycles };
}
