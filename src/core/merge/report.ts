/** What a regeneration did to a note, in terms a user can act on. */

export type MergeMode = "fresh" | "three-way" | "two-way";

export interface MergeConflict {
  /** 1-based line in the merged note where the user's version was kept. */
  line: number;
  /** The task concerned, when the conflict is inside one task line. */
  taskId?: string;
  /** The lines of the last generation, of the user's note, and of the new generation. */
  base: string[];
  ours: string[];
  theirs: string[];
  message: string;
}

export interface TaskNote {
  id: string;
  text: string;
  /** 1-based line in the merged note, when the task is in it. */
  line?: number;
}

export interface MergeReport {
  mode: MergeMode;
  /** Places where both the user and the plan changed the same lines: the user's text was kept. */
  conflicts: MergeConflict[];
  /** New tasks from the plan. */
  added: TaskNote[];
  /** Tasks whose source left the plan, kept (the user had checked or edited them) and marked. */
  keptRemoved: TaskNote[];
  /** Tasks whose source left the plan and that nobody had touched: removed from the note. */
  dropped: TaskNote[];
  /** Tasks whose plan item was reworded (see `REWORDED_AT_LEAST`): same ID and checkmark, the plan's new words. */
  reworded: TaskNote[];
  /** Anything else worth knowing (merging without a base, generated lines replaced…). */
  notes: string[];
}

export function emptyReport(mode: MergeMode): MergeReport {
  return { mode, conflicts: [], added: [], keptRemoved: [], dropped: [], reworded: [], notes: [] };
}

const quote = (s: string): string => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`;

export interface ReportItem {
  kind: "conflict" | "kept" | "removed" | "reworded" | "added" | "note";
  /** 1-based line of the merged note, when the item is about one. */
  line?: number;
  text: string;
}

/** The report as a list of readable items, most important first. */
export function reportItems(report: MergeReport): ReportItem[] {
  return [
    ...report.conflicts.map((c): ReportItem => ({ kind: "conflict", line: c.line, text: c.message })),
    ...report.keptRemoved.map((t): ReportItem => ({ kind: "kept", line: t.line, text: `${t.id} is no longer in the plan, but you checked or edited it or wrote under it: kept in "Removed from plan" at the end of the note: ${quote(t.text)}` })),
    ...report.dropped.map((t): ReportItem => ({ kind: "removed", text: `${t.id} is no longer in the plan and was untouched: removed: ${quote(t.text)}` })),
    ...report.reworded.map((t): ReportItem => ({ kind: "reworded", line: t.line, text: `${t.id} reworded in the plan: it keeps its ID and checkmark: ${quote(t.text)}` })),
    ...report.added.map((t): ReportItem => ({ kind: "added", line: t.line, text: `${t.id} added: ${quote(t.text)}` })),
    ...report.notes.map((n): ReportItem => ({ kind: "note", text: n })),
  ];
}

/** The report as lines of plain text (`path:line: kind: …`), for the CLI. */
export function formatReport(report: MergeReport, path: string): string[] {
  return reportItems(report).map((i) => `${path}${i.line !== undefined ? `:${i.line}` : ""}: ${i.kind === "note" ? "note" : i.kind}: ${i.text}`);
}

/** One line: "2 tasks added, 1 conflict (your text kept)…", or "" when nothing happened. */
export function summarizeReport(report: MergeReport): string {
  const parts: string[] = [];
  const n = (count: number, one: string, many: string): void => {
    if (count) parts.push(`${count} ${count === 1 ? one : many}`);
  };
  n(report.added.length, "task added", "tasks added");
  n(report.dropped.length, "task removed", "tasks removed");
  n(report.reworded.length, "task reworded", "tasks reworded");
  n(report.keptRemoved.length, "task kept though removed from plan", "tasks kept though removed from plan");
  n(report.conflicts.length, "conflict (your text kept)", "conflicts (your text kept)");
  if (report.mode === "two-way") parts.push("merged without a base");
  return parts.join(", ");
}
