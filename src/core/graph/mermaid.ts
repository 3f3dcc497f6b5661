import { type ExportOptions, criticalEdges, shownPhases } from "./select";
import { displayText } from "./layout-text";
import type { GraphPhase, GraphTask, PlanGraph, TaskStatus } from "./model";
import { xmlSafeText } from "../text/safe-chars";

/**
 * Mermaid flowchart of a plan graph (`flowchart LR`), for Obsidian notes and GitHub. Phases by
 * default; with `tasks: true`, one subgraph per phase holding its tasks and their dependencies.
 * Status is shown three ways: class colour, border (dashed when blocked) and a word/mark in the label.
 */

export type MermaidOptions = ExportOptions;

const CLASS_DEFS = [
  "classDef done fill:#e9f6ec,stroke:#1a7f37,stroke-width:1.5px,color:#1f2328",
  "classDef ready fill:#ffffff,stroke:#0969da,stroke-width:2px,color:#1f2328",
  "classDef blocked fill:#f6f8fa,stroke:#6e7781,stroke-width:1.5px,stroke-dasharray:6 4,color:#424a53",
  "classDef critical stroke:#bc4c00,stroke-width:3px",
];

const CRITICAL_LINK_STYLE = "stroke:#bc4c00,stroke-width:3px";

/** Escape text for a quoted Mermaid label: entity codes for characters Mermaid or HTML would read. */
export function escapeMermaidLabel(text: string): string {
  let out = "";
  for (const ch of xmlSafeText(text).replace(/\s+/g, " ").trim()) {
    switch (ch) {
      case "#":
        out += "#35;";
        break;
      case '"':
        out += "#quot;";
        break;
      case "&":
        out += "#amp;";
        break;
      case "<":
        out += "#lt;";
        break;
      case ">":
        out += "#gt;";
        break;
      case "[":
        out += "#91;";
        break;
      case "]":
        out += "#93;";
        break;
      case "{":
        out += "#123;";
        break;
      case "}":
        out += "#125;";
        break;
      case "|":
        out += "#124;";
        break;
      case "`":
        out += "#96;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/** Node ids: letters, digits and `_` only, never a Mermaid keyword, unique. */
function idMaker(): (prefix: string, raw: string) => string {
  const used = new Set<string>();
  return (prefix, raw) => {
    const base = `${prefix}_${raw.replace(/[^A-Za-z0-9_]/g, "_")}`;
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    return id;
  };
}

const STATUS_MARK: Record<TaskStatus, string> = { done: "✓ done", ready: "ready", blocked: "blocked" };

function shorten(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

function phaseLabel(p: GraphPhase): string {
  const marks = [p.priority !== undefined ? `P${p.priority}` : "", p.mvp ? "🎯 MVP" : ""].filter(Boolean).join(" · ");
  const head = escapeMermaidLabel(shorten(displayText(p.title || p.heading) || p.id, 80));
  const detail = escapeMermaidLabel(`${STATUS_MARK[p.status]} · ${p.done}/${p.total}${marks ? ` · ${marks}` : ""}`);
  return `${head}<br/>${detail}`;
}

function taskLabel(t: GraphTask): string {
  const mark = t.status === "done" ? "✓ " : t.status === "blocked" ? "⏸ " : "";
  return `${escapeMermaidLabel(`${mark}${t.id}`)}<br/>${escapeMermaidLabel(shorten(displayText(t.text) || t.id, 60))}`;
}

export function toMermaid(graph: PlanGraph, options: MermaidOptions = {}): string {
  const phases = shownPhases(graph, options);
  const makeId = idMaker();
  const phaseIds = new Map(phases.map((p) => [p.id, makeId("p", p.id)]));
  const lines: string[] = ["flowchart LR"];
  const classes: Record<string, string[]> = { done: [], ready: [], blocked: [], critical: [] };
  const links: string[] = [];
  const criticalLinks: number[] = [];
  const onCriticalPath = criticalEdges(graph);

  const phaseEdges = graph.edges.filter((e) => e.kind === "phase" && phaseIds.has(e.from) && phaseIds.has(e.to) && e.from !== e.to);

  if (!options.tasks) {
    for (const p of phases) {
      const id = phaseIds.get(p.id) as string;
      lines.push(`  ${id}["${phaseLabel(p)}"]`);
      classes[p.status].push(id);
      if (p.critical) classes.critical.push(id);
    }
  } else {
    const taskIds = new Map<string, string>();
    for (const p of phases) {
      const id = phaseIds.get(p.id) as string;
      lines.push(`  subgraph ${id}["${phaseLabel(p)}"]`, "    direction TB");
      const tasks = graph.tasks.filter((t) => t.phase === p.id && !(options.hideDone && t.status === "done"));
      for (const t of tasks) {
        if (taskIds.has(t.id)) continue;
        const tid = makeId("t", t.id);
        taskIds.set(t.id, tid);
        lines.push(`    ${tid}["${taskLabel(t)}"]`);
        classes[t.status].push(tid);
      }
      lines.push("  end");
      classes[p.status].push(id);
      if (p.critical) classes.critical.push(id);
    }
    for (const t of graph.tasks) {
      const to = taskIds.get(t.id);
      if (!to) continue;
      for (const dep of new Set(t.dependsOn)) {
        const from = taskIds.get(dep);
        if (from && from !== to) links.push(`  ${from} --> ${to}`);
      }
    }
  }
  for (const e of phaseEdges) {
    const isCritical = onCriticalPath(e.from, e.to);
    if (isCritical) criticalLinks.push(links.length);
    links.push(`  ${phaseIds.get(e.from) as string} ${isCritical ? "==>" : "-->"} ${phaseIds.get(e.to) as string}`);
  }
  lines.push(...links);
  for (const def of CLASS_DEFS) lines.push(`  ${def}`);
  for (const [name, ids] of Object.entries(classes)) if (ids.length > 0) lines.push(`  class ${ids.join(",")} ${name}`);
  if (criticalLinks.length > 0) lines.push(`  linkStyle ${criticalLinks.join(",")} ${CRITICAL_LINK_STYLE}`);
  return `${lines.join("\n")}\n`;
}
