/** Timing with warm-up and the median of repeated runs; heap with forced collection when available. */
export interface Timing {
  median: number;
  runs: number[];
}

export async function time(fn: () => unknown, warmup: number, repeats: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, runs };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Bytes of heap retained by what `build` returns (needs node --expose-gc for a precise figure). */
export function retainedHeap(build: () => unknown): { bytes: number; kept: unknown } {
  gc?.();
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  gc?.();
  gc?.();
  const bytes = process.memoryUsage().heapUsed - before;
  return { bytes, kept };
}

/** Same, for an index built asynchronously. */
export async function retainedHeapAsync(build: () => Promise<unknown>): Promise<{ bytes: number; kept: unknown }> {
  gc?.();
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = await build();
  gc?.();
  gc?.();
  return { bytes: process.memoryUsage().heapUsed - before, kept };
}

export const hasGc = gc !== undefined;
