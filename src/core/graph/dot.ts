import { type ExportOptions, criticalEdges, shownPhases } from "./select";
import type { GraphPhase, GraphTask, PlanGraph, TaskStatus } from "./model";
import { displayText, GRAPH_METRICS, wrapText } from "./layout";
import { xmlSafeText } from "../text/safe-chars";

/**
 * Graphviz DOT of a plan graph (`dot -Tsvg`). Phases by default; with `tasks: true`, one cluster
 * per phase with its tasks. Blocked nodes are dashed, done nodes carry a check mark, critical path
 * edges are thick.
 */

export type DotOptions = ExportOptions;

const COLORS: Record<TaskStatus, { fill: string; line: string; style: string }> = {
  done: { fill: "#e9f6ec", line: "#1a7f37", style: "rounded,filled" },
  ready: { fill: "#ffffff", line: "#0969da", style: "rounded,filled,bold" },
  blocked: { fill: "#f6f8fa", line: "#6e7781", style: "rounded,filled,dashed" },
};
const CRITICAL = "#bc4c00";

/**
 * A DOT double-quoted string: backslashes and quotes escaped, line breaks (also a lone CR) as
 * `\n`, and the characters Graphviz cannot read or put into its XML output (NUL, other C0
 * controls, U+FFFE/U+FFFF) replaced by U+FFFD.
 */
export function dotString(text: string): string {
  return `"${xmlSafeText(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r\n?|\n/g, "\\n")}"`;
}

function wrapped(text: string, width: number): string[] {
  return wrapText(text, width, GRAPH_METRICS.task.title, 3).lines;
}

function phaseLabelLines(p: GraphPhase): string[] {
  const marks = [p.priority !== undefined ? `P${p.priority}` : "", p.mvp ? "🎯 MVP" : ""].filter(Boolean);
  const status = p.status === "done" ? "✓ done" : p.status;
  return [...wrapped(displayText(p.title || p.heading) || p.id, 200), `${status} · ${p.done}/${p.total}${marks.length > 0 ? ` · ${marks.join(" · ")}` : ""}`];
}

function taskLabelLines(t: GraphTask): string[] {
  const mark = t.status === "done" ? "✓ " : "";
  return [`${mark}${t.id}${t.labels.length > 0 ? ` [${t.labels.join(", ")}]` : ""}`, ...wrapped(displayText(t.text) || t.id, 180)];
}

function nodeAttrs(label: string[], tooltip: string, status: TaskStatus, critical: boolean): string {
  const c = COLORS[status];
  const attrs = [
    `label=${dotString(label.join("\n"))}`,
    `tooltip=${dotString(tooltip)}`,
    `style=${dotString(c.style)}`,
    `fillcolor=${dotString(c.fill)}`,
    `color=${dotString(critical ? CRITICAL : c.line)}`,
  ];
  if (critical) attrs.push("penwidth=2.5");
  return attrs.join(", ");
}

export function toDot(graph: PlanGraph, options: DotOptions = {}): string {
  const phases = shownPhases(graph, options);
  const shown = new Set(phases.map((p) => p.id));
  const onCriticalPath = criticalEdges(graph);
  const out: string[] = [
    "digraph plan {",
    '  graph [rankdir=LR, nodesep=0.35, ranksep=0.7, fontname="Helvetica", compound=true];',
    '  node [shape=box, fontname="Helvetica", fontsize=11, margin="0.15,0.08"];',
    '  edge [color="#6e7781", arrowsize=0.8];',
  ];
  if (!options.tasks) {
    for (const p of phases) out.push(`  ${dotString(p.id)} [${nodeAttrs(phaseLabelLines(p), p.heading || p.title, p.status, p.critical)}];`);
  } else {
    const seen = new Set<string>();
    phases.forEach((p, i) => {
      out.push(`  subgraph ${dotString(`cluster_${i}`)} {`);
      out.push(`    label=${dotString(phaseLabelLines(p).join("\n"))}; style="rounded${p.status === "blocked" ? ",dashed" : ""}"; color=${dotString(p.critical ? CRITICAL : COLORS[p.status].line)};${p.critical ? " penwidth=2.5;" : ""}`);
      for (const t of graph.tasks) {
        if (t.phase !== p.id || seen.has(t.id) || (options.hideDone && t.status === "done")) continue;
        seen.add(t.id);
        out.push(`    ${dotString(t.id)} [${nodeAttrs(taskLabelLines(t), `${t.id} ${t.text}`, t.status, false)}];`);
      }
      out.push("  }");
    });
    for (const t of graph.tasks) {
      if (!seen.has(t.id)) continue;
      for (const dep of new Set(t.dependsOn)) if (seen.has(dep) && dep !== t.id) out.push(`  ${dotString(dep)} -> ${dotString(t.id)};`);
    }
  }
  if (!options.tasks) {
    for (const e of graph.edges) {
      if (e.kind !== "phase" || !shown.has(e.from) || !shown.has(e.to) || e.from === e.to) continue;
      const isCritical = onCriticalPath(e.from, e.to);
      out.push(`  ${dotString(e.from)} -> ${dotString(e.to)}${isCritical ? ` [color=${dotString(CRITICAL)}, penwidth=3]` : ""};`);
    }
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}
