import type { Diagnostic } from "../diagnostics";
import { sortDiagnostics } from "../diagnostics";
import { flattenForParse, flattenMessages } from "../markdown/flatten";
import { readFrontmatter } from "../markdown/parse";
import { normalizeText } from "../text/normalize";
import { cycleThrough, cyclicComponents, spellCycle } from "./cycles";
import { statementRelations } from "./dependencies";
import { compareIds, idKey } from "./ids";
import type { PlanDoc, PlanPhase, PlanTask } from "./model";
import type { Outline } from "./outline";
import { type PhaseCandidate, dependsField, phaseDependencies } from "./phases";
import { type Ref, findRefs } from "./refs";
import { remarkOutline } from "./remark-outline";
import { withoutRemoved } from "./removed";
import { scanOutline } from "./scan";
import { type DraftTask, chooseForm, draftTasks } from "./tasks";
import { type Structure, walkOutline } from "./walk";

/**
 * The tolerant reader of execution plans (our execute.md, agents' execute.md, spec-kit tasks.md).
 * The text is normalised (BOM, mojibake, line endings), outlined by the line scanner — or by the
 * full Markdown parser when the scanner declines — and interpreted into phases and tasks.
 */
export type ParserChoice = "auto" | "scan" | "remark";

export interface ReadOptions {
  /** "auto" (default): the scanner, falling back to remark; tests force one or the other. */
  parser?: ParserChoice;
}

export interface OutlineResult {
  outline: Outline;
  parser: "scan" | "remark";
  /** Why the scanner declined, when it did. */
  declined?: { line: number; reason: string };
}

/** The text every reader path sees: BOM removed, mojibake repaired, `\n` line endings. */
export function prepareText(text: string): string {
  return normalizeText(text).replace(/\r\n?/g, "\n");
}

export function outlineOf(text: string, parser: ParserChoice = "auto"): OutlineResult {
  const prepared = prepareText(text);
  if (parser === "remark") return { outline: remarkOutline(prepared), parser: "remark" };
  const scanned = scanOutline(prepared);
  if ("outline" in scanned) return { outline: scanned.outline, parser: "scan" };
  if (parser === "scan") throw new Error(`line ${scanned.ambiguous.line}: ${scanned.ambiguous.reason}`);
  return { outline: remarkOutline(prepared), parser: "remark", declined: scanned.ambiguous };
}

export function readPlan(file: string, text: string, options: ReadOptions = {}): PlanDoc {
  const result = outlineOf(text, options.parser);
  const doc = interpretOutline(file, result.outline);
  if (result.parser === "remark") {
    // remark read a flattened copy of hostile lines (see markdown/flatten.ts): say which.
    for (const f of flattenMessages(flattenForParse(prepareText(text)).issues)) {
      doc.diagnostics.push({ code: f.kind === "long-line" ? "long-line" : "deep-nesting", severity: "warning", message: f.message, file, line: f.line });
    }
    sortDiagnostics(doc.diagnostics);
  }
  return doc;
}

function refText(ref: Ref): string {
  switch (ref.kind) {
    case "task":
      return ref.id;
    case "range":
      return `${ref.from}-${ref.to}`;
    case "label":
      return ref.label;
    case "phase":
      return `Phase ${ref.number}`;
    default:
      return ref.phaseKind;
  }
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
};

/** Builds the plan from an outline: forms, phases, dependencies, diagnostics. */
export function interpretOutline(file: string, full: Outline): PlanDoc {
  const outline = withoutRemoved(full);
  const structure = walkOutline(outline);
  const form = chooseForm(structure);
  const drafts = draftTasks(structure, form);
  const diagnostics: Diagnostic[] = [];
  const diag = (code: string, severity: Diagnostic["severity"], line: number, message: string): void => {
    diagnostics.push({ code, severity, message, file, line });
  };

  const candidates = phaseCandidates(structure, drafts);
  const candidateOfSection = new Map(candidates.map((c, i) => [c.section, i]));
  const taskCandidate = drafts.map((d) => candidateOfSection.get(d.candidate.place.section)!);

  // Lookups for resolving references.
  const byId = new Map<string, number[]>();
  drafts.forEach((d, i) => push(byId, d.id, i));
  // Ranges (`T005-T009`) need the IDs in numeric order; sorted on first use only.
  let sorted: { id: string; key: [string, string] }[] | undefined;
  const atOrAfter = (key: [string, string]): number => {
    let lo = 0;
    let hi = sorted!.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const k = sorted![mid].key;
      if (k[0] < key[0] || (k[0] === key[0] && k[1] < key[1])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const aliasToId = new Map<string, string>();
  for (const d of drafts) if (d.alias && !aliasToId.has(d.alias)) aliasToId.set(d.alias, d.id);
  const byLabel = new Map<string, number[]>();
  const byTaskLabel = new Map<string, number[]>();
  const byNumber = new Map<string, number[]>();
  const byKind = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    if (c.info.label) push(byLabel, c.info.label, i);
    if (c.info.number !== undefined) push(byNumber, c.info.number, i);
    push(byKind, c.info.kind, i);
  });
  drafts.forEach((d, i) => {
    for (const l of d.labels) push(byTaskLabel, l, taskCandidate[i]);
  });

  const expand = (ref: Ref): string[] => {
    if (ref.kind === "task") return [ref.id];
    if (ref.kind !== "range") return [];
    let [from, to] = [idKey(ref.from), idKey(ref.to)];
    if (from[0] > to[0] || (from[0] === to[0] && from[1] > to[1])) [from, to] = [to, from];
    sorted ??= [...byId.keys()].sort(compareIds).map((id) => ({ id, key: idKey(id) }));
    const inRange: string[] = [];
    for (let k = atOrAfter(from); k < sorted.length; k++) {
      const key = sorted[k].key;
      if (key[0] > to[0] || (key[0] === to[0] && key[1] > to[1])) break;
      inRange.push(sorted[k].id);
    }
    return inRange.length ? inRange : [ref.from, ref.to];
  };
  const phasesOf = (ref: Ref): number[] => {
    switch (ref.kind) {
      case "label":
        return byLabel.get(ref.label) ?? byTaskLabel.get(ref.label) ?? [];
      case "phase":
        return byNumber.get(ref.number) ?? [];
      case "phaseKind":
        return byKind.get(ref.phaseKind) ?? [];
      default:
        return [];
    }
  };
  const isTaskRef = (r: Ref): boolean => r.kind === "task" || r.kind === "range";

  // Task dependencies: the task's own lines, Tasks-plugin fields, "blocks", then dependency sections.
  const dependsOn: string[][] = drafts.map(() => []);
  const waitsForPhases: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(drafts.length);
  const addAfter = (i: number, ref: Ref, line: number): void => {
    if (isTaskRef(ref)) {
      for (const id of expand(ref)) dependsOn[i].push(id);
      return;
    }
    const phases = phasesOf(ref);
    if (phases.length === 0) {
      diag("unknown-reference", "warning", line, `${drafts[i].id} waits for ${refText(ref)}, but no phase or task here carries it; name the tasks or the phase it waits for.`);
    }
    for (const p of phases) (waitsForPhases[i] ??= new Set()).add(p);
  };
  drafts.forEach((d, i) => {
    for (const { ref, line } of d.after) addAfter(i, ref, line);
    for (const alias of d.blockedByAliases) {
      const id = aliasToId.get(alias) ?? (byId.has(alias.toUpperCase()) ? alias.toUpperCase() : alias);
      dependsOn[i].push(id);
    }
  });
  drafts.forEach((d) => {
    for (const { ref } of d.before) {
      for (const id of expand(ref)) for (const j of byId.get(id) ?? []) dependsOn[j].push(d.id);
    }
  });
  const applyStatement = (text: string, line: number): void => {
    for (const { waiting, on } of statementRelations(text)) {
      const waitingTasks = waiting.filter(isTaskRef);
      if (waitingTasks.length) {
        for (const id of waitingTasks.flatMap(expand)) {
          const holders = byId.get(id);
          if (!holders) {
            diag("unknown-task", "warning", line, `This line states a dependency of ${id}, but no task has that ID; fix the ID.`);
            continue;
          }
          for (const j of holders) for (const ref of on) addAfter(j, ref, line);
        }
        continue;
      }
      const subjects = [...new Set(waiting.flatMap(phasesOf))];
      if (subjects.length !== 1) continue;
      const stated = candidates[subjects[0]].stated;
      for (const p of on.flatMap(phasesOf)) if (p !== subjects[0] && !stated.includes(p)) stated.push(p);
    }
  };
  for (const s of structure.statements) applyStatement(s.text, s.line);
  for (const table of structure.dependencyTables) {
    const col = table.header.findIndex((h) => /depend|blocked|after|依赖|依賴|의존|依存|前置/i.test(h));
    for (const row of table.rows) {
      if (row.cells.length > 1) applyStatement(`${row.cells[0]} depends on ${row.cells[col > 0 ? col : 1]}`, row.line);
    }
  }

  // Explicit `**Depends on**:` lines in phase bodies.
  candidates.forEach((c) => {
    const found: number[] = [];
    for (const block of c.body) {
      const lines = block.kind === "para" || block.kind === "item" ? block.lines : [];
      for (const line of lines) {
        const value = dependsField(line);
        if (value === undefined) continue;
        for (const t of findRefs(value)) for (const p of phasesOf(t.ref)) if (!found.includes(p)) found.push(p);
      }
    }
    if (found.length) c.explicit = found;
  });

  // Phases with tasks, their ids and final order.
  const order = phaseDependencies(candidates);
  const phaseDeps = order.deps;
  const phaseIdOf = new Map<number, string>();
  candidates.forEach((c, i) => {
    if (c.tasks > 0) phaseIdOf.set(i, `phase-${phaseIdOf.size + 1}`);
  });

  const groupsOf = new Map<number, { title: string; line: number }[]>();
  drafts.forEach((d, i) => {
    const g = d.candidate.place.group;
    if (!g) return;
    const list = groupsOf.get(taskCandidate[i]);
    if (!list) groupsOf.set(taskCandidate[i], [{ title: g.title, line: g.line }]);
    else if (list[list.length - 1].line !== g.line && !list.some((x) => x.line === g.line)) list.push({ title: g.title, line: g.line });
  });
  const phases: PlanPhase[] = [];
  candidates.forEach((c, i) => {
    const id = phaseIdOf.get(i);
    if (!id) return;
    const groups = groupsOf.get(i) ?? [];
    const phase: PlanPhase = {
      id,
      title: c.section < 0 ? "Unphased tasks" : c.info.title,
      heading: c.heading,
      kind: c.info.kind,
      mvp: c.info.mvp,
      line: c.line,
      implicit: c.section < 0,
      groups,
      dependsOn: (phaseDeps.get(i) ?? []).map((d) => phaseIdOf.get(d)!).filter(Boolean),
    };
    if (c.info.number !== undefined) phase.number = c.info.number;
    if (c.info.priority !== undefined) phase.priority = c.info.priority;
    if (c.info.label) phase.label = c.info.label;
    phases.push(phase);
  });

  // A task's own wait for a phase is dropped when its phase already waits for that phase.
  const ancestors = new Map<number, Set<number>>();
  const ancestorsOf = (c: number): Set<number> => {
    let set = ancestors.get(c);
    if (set) return set;
    set = new Set<number>();
    ancestors.set(c, set);
    const queue = [...(phaseDeps.get(c) ?? [])];
    for (let q = 0; q < queue.length; q++) {
      if (set.has(queue[q])) continue;
      set.add(queue[q]);
      queue.push(...(phaseDeps.get(queue[q]) ?? []));
    }
    return set;
  };
  const tasks: PlanTask[] = drafts.map((d, i) => {
    const own = taskCandidate[i];
    const task: PlanTask = {
      id: d.id,
      phase: phaseIdOf.get(own)!,
      state: d.state,
      parallel: d.parallel,
      labels: d.labels,
      // In the order first stated, each once, never the task itself.
      dependsOn: (dependsOn[i].length > 1 ? [...new Set(dependsOn[i])] : dependsOn[i]).filter((id) => id !== d.id),
      line: d.candidate.line,
      text: d.text,
    };
    const named = waitsForPhases[i];
    if (named) {
      const waits = [...new Set([...named].flatMap((p) => order.through(p)))].filter((p) => p !== own && !ancestorsOf(own).has(p)).map((p) => phaseIdOf.get(p)!);
      if (waits.length) task.dependsOnPhases = waits;
    }
    if (d.candidate.place.group) task.group = d.candidate.place.group.title;
    if (d.blockId) task.blockId = d.blockId;
    return task;
  });

  diagnoseTasks(file, tasks, byId, diagnostics);
  diagnosePhases(file, phases, diagnostics);
  const implicit = phases.find((p) => p.implicit);
  if (implicit && phases.length > 1) {
    const loose = tasks.filter((t) => t.phase === implicit.id);
    diag(
      "task-outside-phase",
      "warning",
      loose[0].line,
      `${loose.length === 1 ? `Task ${loose[0].id} is` : `${loose.length} tasks (${loose[0].id} to ${loose[loose.length - 1].id}) are`} not under a level-2 phase heading; move ${loose.length === 1 ? "it" : "them"} under a "## Phase N: …" heading.`,
    );
  }

  return {
    file,
    form,
    phases,
    tasks,
    diagnostics: sortDiagnostics(diagnostics),
    frontmatter: outline.frontmatter !== undefined ? readFrontmatter(outline.frontmatter) : {},
    ...(structure.title ? { title: structure.title } : {}),
  };
}

function phaseCandidates(structure: Structure, drafts: DraftTask[]): PhaseCandidate[] {
  const counts = new Map<number, number>();
  for (const d of drafts) counts.set(d.candidate.place.section, (counts.get(d.candidate.place.section) ?? 0) + 1);
  const out: PhaseCandidate[] = [];
  const loose = drafts.filter((d) => d.candidate.place.section < 0);
  if (loose.length) {
    out.push({
      section: -1,
      line: loose[0].candidate.line,
      heading: "",
      info: { title: "Unphased tasks", kind: "other", mvp: false, numbered: false },
      tasks: loose.length,
      body: [],
      stated: [],
    });
  }
  structure.sections.forEach((s, i) => {
    const tasks = counts.get(i) ?? 0;
    if (tasks > 0 || (s.phase.numbered && !s.crossReference)) {
      out.push({ section: i, line: s.heading.line, heading: s.heading.text, info: s.phase, tasks, body: s.body, stated: [] });
    }
  });
  return out.sort((a, b) => a.line - b.line);
}

function diagnoseTasks(file: string, tasks: PlanTask[], byId: Map<string, number[]>, out: Diagnostic[]): void {
  for (const [id, holders] of byId) {
    if (holders.length < 2) continue;
    const lines = holders.map((i) => tasks[i].line);
    for (const i of holders) {
      out.push({
        code: "duplicate-task-id",
        severity: "error",
        message: `Task ID ${id} is used ${holders.length} times (lines ${lines.join(", ")}); give each task its own ID.`,
        file,
        line: tasks[i].line,
      });
    }
  }
  tasks.forEach((t) => {
    for (const dep of t.dependsOn) {
      if (!byId.has(dep)) {
        out.push({
          code: "unknown-dependency",
          severity: "warning",
          message: `${t.id} depends on ${dep}, but no task has that ID; fix the ID or remove the dependency.`,
          file,
          line: t.line,
        });
      }
    }
  });
  const edges = tasks.map((t, i) => t.dependsOn.flatMap((id) => (byId.get(id) ?? []).filter((j) => j !== i)));
  for (const component of cyclicComponents(tasks.length, edges)) {
    const members = new Set(component);
    const start = component.reduce((a, b) => (tasks[b].line < tasks[a].line ? b : a));
    const cycle = cycleThrough(start, edges, (n) => members.has(n)).map((i) => tasks[i].id);
    const more = component.length > cycle.length - 1 ? ` (${component.length} tasks are caught in this knot)` : "";
    out.push({
      code: "dependency-cycle",
      severity: "error",
      message: `Tasks wait for each other in a cycle: ${spellCycle(cycle)}${more}; remove one of these dependencies.`,
      file,
      line: tasks[start].line,
    });
  }
}

function diagnosePhases(file: string, phases: PlanPhase[], out: Diagnostic[]): void {
  const index = new Map(phases.map((p, i) => [p.id, i]));
  const edges = phases.map((p) => p.dependsOn.map((d) => index.get(d)!));
  for (const component of cyclicComponents(phases.length, edges)) {
    const members = new Set(component);
    const start = Math.min(...component);
    const cycle = cycleThrough(start, edges, (n) => members.has(n)).map((i) => phases[i].heading || phases[i].title);
    out.push({
      code: "phase-cycle",
      severity: "error",
      message: `Phases wait for each other in a cycle: ${spellCycle(cycle)}; fix their "Depends on" lines.`,
      file,
      line: phases[start].line,
    });
  }
}
