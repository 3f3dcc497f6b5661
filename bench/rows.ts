import type { BenchContext } from "./run";

/** Rows for the execution-plan reader and the graph (added as those land). */
export async function extraRows(_ctx: BenchContext): Promise<void> {}
