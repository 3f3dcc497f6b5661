/**
 * Readable line diffs of a note before and after regeneration: hunks with context (for the preview
 * modal) and the unified-diff text printed by `intentk generate --dry-run`. Built on node-diff3's
 * longest-common-subsequence diff.
 */
import { diffIndices } from "node-diff3";

export interface DiffRow {
  kind: "context" | "add" | "remove";
  /** 1-based line in the old text (context and removed rows). */
  oldLine?: number;
  /** 1-based line in the new text (context and added rows). */
  newLine?: number;
  text: string;
}

export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  rows: DiffRow[];
}

function linesOf(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The changed places between two texts, each with up to `context` unchanged lines around it. */
export function diffHunks(oldText: string, newText: string, context = 3): DiffHunk[] {
  const a = linesOf(oldText);
  const b = linesOf(newText);
  const changes = diffIndices(a, b).map((h) => ({ a: h.buffer1[0], aLen: h.buffer1[1], b: h.buffer2[0], bLen: h.buffer2[1] }));
  const groups: (typeof changes)[] = [];
  for (const c of changes) {
    const last = groups[groups.length - 1]?.slice(-1)[0];
    if (last && c.a - (last.a + last.aLen) <= 2 * context) groups[groups.length - 1].push(c);
    else groups.push([c]);
  }
  return groups.map((g) => {
    const first = g[0];
    const lastChange = g[g.length - 1];
    const aStart = Math.max(0, first.a - context);
    const bStart = first.b - (first.a - aStart);
    const aEnd = Math.min(a.length, lastChange.a + lastChange.aLen + context);
    const rows: DiffRow[] = [];
    let i = aStart;
    let j = bStart;
    for (const c of g) {
      for (; i < c.a; i++, j++) rows.push({ kind: "context", oldLine: i + 1, newLine: j + 1, text: a[i] });
      for (let k = 0; k < c.aLen; k++, i++) rows.push({ kind: "remove", oldLine: i + 1, text: a[i] });
      for (let k = 0; k < c.bLen; k++, j++) rows.push({ kind: "add", newLine: j + 1, text: b[j] });
    }
    for (; i < aEnd; i++, j++) rows.push({ kind: "context", oldLine: i + 1, newLine: j + 1, text: a[i] });
    const oldLines = rows.filter((r) => r.kind !== "add").length;
    const newLines = rows.filter((r) => r.kind !== "remove").length;
    // Unified-diff convention: an empty range starts at the line before it.
    return { oldStart: oldLines ? aStart + 1 : aStart, oldLines, newStart: newLines ? bStart + 1 : bStart, newLines, rows };
  });
}

export interface UnifiedDiffOptions {
  oldLabel?: string;
  newLabel?: string;
  context?: number;
}

/** A unified diff (`--- a/…`, `+++ b/…`, `@@ -l,n +l,n @@`), or "" when the texts have the same lines. */
export function unifiedDiff(oldText: string, newText: string, opts: UnifiedDiffOptions = {}): string {
  const hunks = diffHunks(oldText, newText, opts.context ?? 3);
  if (hunks.length === 0) return "";
  const out = [`--- ${opts.oldLabel ?? "a"}`, `+++ ${opts.newLabel ?? "b"}`];
  for (const h of hunks) {
    out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
    for (const r of h.rows) out.push(`${r.kind === "add" ? "+" : r.kind === "remove" ? "-" : " "}${r.text}`);
  }
  return `${out.join("\n")}\n`;
}
