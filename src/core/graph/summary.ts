import type { GraphLayout } from "./layout";

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A one-line summary of what a drawn graph shows, for screen readers (the view's live region):
 * "6 phases: 1 done, 1 ready, 4 blocked; 3 on the critical path." In task mode the tasks are
 * counted (the phase lanes are not nodes a reader moves between).
 */
export function graphSummary(layout: GraphLayout): string {
  const kind = layout.mode === "tasks" ? "task" : "phase";
  const nodes = layout.nodes.filter((n) => n.kind === kind);
  const by = { done: 0, ready: 0, blocked: 0 };
  let critical = 0;
  for (const n of nodes) {
    by[n.status]++;
    if (n.critical) critical++;
  }
  const head = count(nodes.length, kind, `${kind}s`);
  const parts = [`${by.done} done`, `${by.ready} ready`, `${by.blocked} blocked`];
  return `${head}: ${parts.join(", ")}${critical > 0 ? `; ${critical} on the critical path` : ""}.`;
}
