import { cyclicComponents } from "../reader/cycles";

/**
 * Order of the phase graph: a topological order that keeps document order wherever the
 * dependencies allow, parallel waves, and the critical path (the longest chain by weight).
 * Dependencies inside a cycle are ignored for ordering (the cycle is reported elsewhere), so a
 * cyclic plan still gets an order.
 */
export interface PhaseNode {
  id: string;
  dependsOn: string[];
  weight: number;
}

export interface PhaseSchedule {
  /** Phase ids, dependencies first. */
  order: string[];
  /** 0-based wave of each phase. */
  wave: Map<string, number>;
  waves: string[][];
  /** Phase ids of the longest chain, first to last. */
  criticalPath: string[];
  /** Groups of phase ids that wait for each other. */
  cycles: string[][];
}

/** A binary min-heap of numbers: Kahn's algorithm picks the earliest phase that is free. */
export class MinHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(v: number): void {
    const a = this.items;
    a.push(v);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Topological order of nodes `0..n-1` (`deps[i]` = nodes i waits for) that takes the lowest free
 * index first; edges inside cyclic components are left out.
 */
export function stableOrder(n: number, deps: number[][]): { order: number[]; acyclicDeps: number[][]; cycles: number[][] } {
  const cycles = cyclicComponents(n, deps);
  const component = new Int32Array(n).fill(-1);
  cycles.forEach((c, k) => c.forEach((i) => (component[i] = k)));
  const acyclicDeps = deps.map((list, i) => list.filter((d) => d !== i && (component[i] < 0 || component[d] !== component[i])));
  const dependents: number[][] = Array.from({ length: n }, () => []);
  const waiting = new Int32Array(n);
  acyclicDeps.forEach((list, i) => {
    const unique = [...new Set(list)];
    acyclicDeps[i] = unique;
    waiting[i] = unique.length;
    for (const d of unique) dependents[d].push(i);
  });
  const heap = new MinHeap();
  for (let i = 0; i < n; i++) if (waiting[i] === 0) heap.push(i);
  const order: number[] = [];
  while (heap.size) {
    const i = heap.pop();
    order.push(i);
    for (const j of dependents[i]) if (--waiting[j] === 0) heap.push(j);
  }
  return { order, acyclicDeps, cycles };
}

export function schedulePhases(phases: PhaseNode[]): PhaseSchedule {
  const index = new Map(phases.map((p, i) => [p.id, i]));
  const deps = phases.map((p) => p.dependsOn.flatMap((d) => (index.has(d) ? [index.get(d)!] : [])));
  const { order, acyclicDeps, cycles } = stableOrder(phases.length, deps);

  const wave = new Array<number>(phases.length).fill(0);
  const dist = new Array<number>(phases.length).fill(0);
  const via = new Array<number>(phases.length).fill(-1);
  for (const i of order) {
    let w = 0;
    let best = -1;
    for (const d of acyclicDeps[i]) {
      w = Math.max(w, wave[d] + 1);
      if (best < 0 || dist[d] > dist[best] || (dist[d] === dist[best] && d < best)) best = d;
    }
    wave[i] = w;
    via[i] = best;
    dist[i] = phases[i].weight + (best >= 0 ? dist[best] : 0);
  }
  const waves: string[][] = [];
  for (const i of order) (waves[wave[i]] ??= []).push(phases[i].id);

  const criticalPath: string[] = [];
  if (order.length) {
    // The chain that ends last; among equals, the one ending latest in the order (the final phase).
    let end = order[0];
    for (const i of order) if (dist[i] >= dist[end]) end = i;
    for (let i = end; i >= 0; i = via[i]) criticalPath.unshift(phases[i].id);
  }
  return {
    order: order.map((i) => phases[i].id),
    wave: new Map(order.map((i) => [phases[i].id, wave[i]])),
    waves: waves.filter(Boolean),
    criticalPath,
    cycles: cycles.map((c) => c.map((i) => phases[i].id)),
  };
}
