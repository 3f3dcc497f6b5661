import type { PhaseKind } from "./model";
import type { OutlineBlock } from "./outline";
import type { PhaseHeading } from "./phase-heading";

/**
 * Phase candidates — level-2 sections that hold tasks, and numbered phase headings that do not
 * (yet) — and the order between them: explicit `**Depends on**:` lines, else the conventional
 * order (setup → foundational → milestones/stories → polish), plus what dependency sections state.
 * Candidates without tasks are then contracted away so their ordering passes through.
 */
export interface PhaseCandidate {
  /** Section index, or -1 for the implicit phase. */
  section: number;
  line: number;
  heading: string;
  info: PhaseHeading;
  /** Tasks it holds. */
  tasks: number;
  /** Direct body blocks, for explicit `Depends on` lines. */
  body: OutlineBlock[];
  /** Explicit dependencies (candidate indexes), when the body states some. */
  explicit?: number[];
  /** Dependencies stated in dependency sections. */
  stated: number[];
}

const DEPENDS_FIELD = /^(?:\*\*|__)?(?:depends on|dependencies|depend on|depende de|dependências|dependencias|prerequisites|依赖|依賴|前置|의존성?|선행|依存)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(.+)$/i;

/** The value of a `**Depends on**: …` line in a phase body, if the line is one. */
export function dependsField(line: string): string | undefined {
  return DEPENDS_FIELD.exec(line.trim())?.[1];
}

/**
 * The conventional predecessors of every candidate, in document order: setup waits for nothing;
 * foundational for the setup phases before it; a milestone or story for the foundational phases
 * before it (else the nearest setup phase); polish for every milestone and story phase (else the
 * phase before it); any other phase for the phase before it. One pass, so long plans stay linear.
 */
export function conventionalDependencies(kinds: PhaseKind[]): number[][] {
  const setups: number[] = [];
  const foundationals: number[] = [];
  const work = kinds.flatMap((k, j) => (k === "milestone" || k === "story" ? [j] : []));
  return kinds.map((kind, i) => {
    let deps: number[];
    switch (kind) {
      case "setup":
        deps = [];
        break;
      case "foundational":
        deps = [...setups];
        break;
      case "milestone":
      case "story":
        deps = foundationals.length ? [...foundationals] : setups.length ? [setups[setups.length - 1]] : [];
        break;
      case "polish":
        deps = work.length ? work : i > 0 ? [i - 1] : [];
        break;
      default:
        deps = i > 0 ? [i - 1] : [];
    }
    if (kind === "setup") setups.push(i);
    if (kind === "foundational") foundationals.push(i);
    return deps;
  });
}

export interface PhaseOrder {
  /** Dependencies of each candidate that holds tasks, on candidates that hold tasks. */
  deps: Map<number, number[]>;
  /** The candidates with tasks that a candidate stands for: itself, or (without tasks) what it waits for. */
  through: (candidate: number) => number[];
}

export function phaseDependencies(candidates: PhaseCandidate[]): PhaseOrder {
  const n = candidates.length;
  const conventional = conventionalDependencies(candidates.map((x) => x.info.kind));
  const raw: number[][] = candidates.map((c, i) => {
    const base = c.explicit ?? (c.stated.length ? [...new Set([...conventional[i], ...c.stated])] : conventional[i]);
    return base.filter((d) => d !== i);
  });
  const through = (i: number, seen = new Set<number>()): number[] => {
    if (candidates[i].tasks > 0) return [i];
    if (seen.has(i)) return [];
    seen.add(i);
    return [...new Set(raw[i].flatMap((d) => through(d, seen)))];
  };
  const deps = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (candidates[i].tasks > 0) deps.set(i, [...new Set(raw[i].flatMap((d) => through(d, new Set([i]))))].filter((d) => d !== i));
  }
  // Drop implied dependencies (only where the order was inferred, and only for plans of sane size).
  if (deps.size <= 400) {
    const reaches = (from: number, to: number, skip: number): boolean => {
      const seen = new Set<number>([from]);
      const queue = [from];
      for (let q = 0; q < queue.length; q++) {
        for (const d of deps.get(queue[q]) ?? []) {
          if (d === to) return true;
          if (d === skip || seen.has(d)) continue;
          seen.add(d);
          queue.push(d);
        }
      }
      return false;
    };
    for (const [i, list] of deps) {
      if (candidates[i].explicit || list.length < 2) continue;
      deps.set(
        i,
        list.filter((d) => !list.some((other) => other !== d && reaches(other, d, i) && !reaches(d, other, i))),
      );
    }
  }
  return { deps, through: (i) => through(i) };
}
