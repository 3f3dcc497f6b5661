import { sortDiagnostics } from "../diagnostics";
import { toScheduleJson } from "../schedule/json";
import type { Schedule } from "../schedule/model";
import type { GraphJson, PlanGraph } from "./model";

/**
 * The stable JSON contract of `intentk graph --format json`. Fields are listed explicitly so that
 * internal fields of the graph never leak into it; `dependsOnPhases` and `implicit` appear only
 * when they have something to say. With a schedule, its phases are in `schedule` and its
 * diagnostics join the graph's.
 */
export function toGraphJson(graph: PlanGraph, schedule?: Schedule): GraphJson {
  const implicit = new Set(graph.phases.filter((p) => p.heading === "").map((p) => p.id));
  return {
    phases: graph.phases.map((p) => ({
      id: p.id,
      title: p.title,
      kind: p.kind,
      line: p.line,
      done: p.done,
      total: p.total,
      ...(implicit.has(p.id) ? { implicit: true } : {}),
    })),
    tasks: graph.tasks.map((t) => ({
      id: t.id,
      phase: t.phase,
      state: t.state,
      parallel: t.parallel,
      labels: t.labels.filter((l) => /^(?:US|M)\d+[a-z]?$/.test(l)),
      dependsOn: t.dependsOn,
      line: t.line,
      ...(t.dependsOnPhases?.length ? { dependsOnPhases: t.dependsOnPhases } : {}),
      ...(t.file !== undefined ? { file: t.file } : {}),
    })),
    edges: graph.edges.map((e) => ({ from: e.from, to: e.to, kind: e.kind })),
    criticalPath: graph.criticalPath,
    ...(schedule ? { schedule: toScheduleJson(schedule) } : {}),
    diagnostics: sortDiagnostics([...graph.diagnostics, ...(schedule?.diagnostics ?? [])]).map((d) => ({ code: d.code, severity: d.severity, message: d.message, file: d.file, line: d.line })),
  };
}
