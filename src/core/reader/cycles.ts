/**
 * Cycle finding on a graph given as adjacency lists over node indexes (`edges[a]` = nodes `a`
 * waits for). Iterative, so deep dependency chains cannot overflow the stack.
 */

/**
 * Strongly connected components (Tarjan). Components come out dependencies-first: every node a
 * component waits for lies in an earlier component (or in the same one).
 */
export function stronglyConnected(count: number, edges: readonly (readonly number[])[]): number[][] {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const out: number[][] = [];
  let next = 0;
  const work: { node: number; edge: number }[] = [];
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    work.push({ node: root, edge: 0 });
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const frame = work[work.length - 1];
      const targets = edges[frame.node];
      if (frame.edge < targets.length) {
        const w = targets[frame.edge++];
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = 1;
          work.push({ node: w, edge: 0 });
        } else if (onStack[w]) low[frame.node] = Math.min(low[frame.node], index[w]);
        continue;
      }
      work.pop();
      if (work.length) low[work[work.length - 1].node] = Math.min(low[work[work.length - 1].node], low[frame.node]);
      if (low[frame.node] === index[frame.node]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== frame.node);
        out.push(component.reverse());
      }
    }
  }
  return out;
}

/** Components that hold a cycle: two or more nodes, or one node that waits for itself. */
export function cyclicComponents(count: number, edges: readonly (readonly number[])[]): number[][] {
  return stronglyConnected(count, edges).filter((c) => c.length > 1 || edges[c[0]].includes(c[0]));
}

/**
 * One shortest cycle through `start` inside its component, as the node sequence
 * `start → … → start` (following the "waits for" edges).
 */
export function cycleThrough(start: number, edges: readonly (readonly number[])[], inComponent: (n: number) => boolean): number[] {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q];
    for (const w of edges[node]) {
      if (!inComponent(w)) continue;
      if (w === start) {
        const path = [start];
        for (let n = node; n !== start; n = parent.get(n)!) path.push(n);
        path.push(start);
        // path is start ← … ← node ← start read backwards; reverse it into waiting order
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!parent.has(w)) {
        parent.set(w, node);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** A cycle as readable text, shortened in the middle when it is long: `T1 → T2 → … → T9 → T1`. */
export function spellCycle(names: string[], limit = 16): string {
  if (names.length <= limit) return names.join(" → ");
  const head = names.slice(0, Math.ceil(limit / 2));
  const tail = names.slice(names.length - Math.floor(limit / 2));
  return `${head.join(" → ")} → … (${names.length - head.length - tail.length} more) → ${tail.join(" → ")}`;
}
