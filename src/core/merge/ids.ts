/**
 * Stable task IDs. A task's ID belongs to its source item (`m3:deliverable:build the api`), not to
 * its position: the map from source to ID is kept with the merge base, never shrinks (an ID whose
 * source left the plan is retired, not reused), and new sources get the next number above every
 * ID ever given or present in the note.
 */
import { type ExecutionPlan, type PlannedTask, formatId } from "../generate/plan-model";
import { type TaskFields, comparable, labelsOf } from "./tasks";

/** Source key → task ID. A plain record so it survives JSON. */
export type IdMap = Record<string, string>;

/** Every task of the plan with its source key; a second task from the same source gets `key#2`. */
export function keyedTasks(plan: ExecutionPlan): { task: PlannedTask; key: string }[] {
  const seen = new Map<string, number>();
  return plan.phases.flatMap((p) =>
    p.tasks.map((task) => {
      const n = (seen.get(task.key) ?? 0) + 1;
      seen.set(task.key, n);
      return { task, key: n === 1 ? task.key : `${task.key}#${n}` };
    }),
  );
}

const idNumber = (id: string): number => {
  const m = /^T(\d+)/.exec(id);
  return m ? parseInt(m[1], 10) : 0;
};

/**
 * Gives every task of the plan its ID: the one its source had before, else the next free number.
 * `reserved` are IDs that must not be given to a new source (tasks the user wrote into the note).
 * Rewrites the plan's IDs and dependencies in place and returns the map to keep.
 */
export function assignIds(plan: ExecutionPlan, previous: Readonly<IdMap>, reserved: Iterable<string> = []): IdMap {
  const map: IdMap = { ...previous };
  let next = 1;
  for (const id of [...Object.values(previous), ...reserved]) next = Math.max(next, idNumber(id) + 1);
  const reservedSet = new Set(reserved);
  const used = new Set<string>();
  const rename = new Map<string, string>();
  const keyed = keyedTasks(plan);
  const moved = movedSources(keyed.map((k) => k.key), previous);
  for (const { task, key } of keyed) {
    let id = previous[key];
    const from = id === undefined ? moved.get(key) : undefined;
    if (from !== undefined && !used.has(previous[from])) {
      id = previous[from];
      map[key] = id;
      delete map[from];
    }
    if (id === undefined || used.has(id)) {
      do id = formatId(next++);
      while (reservedSet.has(id));
      map[key] = id;
    }
    used.add(id);
    rename.set(task.id, id);
  }
  for (const p of plan.phases) {
    for (const t of p.tasks) {
      t.id = rename.get(t.id) ?? t.id;
      t.dependsOn = t.dependsOn.map((d) => rename.get(d) ?? d);
    }
  }
  return map;
}

/** `m3:deliverable:build the api` → `deliverable:build the api`; undefined outside milestones. */
function milestoneTail(key: string): string | undefined {
  const m = /^m[^:]*:(.*)$/.exec(key);
  return m && !m[1].startsWith("integrate:") ? m[1] : undefined;
}

/**
 * Sources that are new only in appearance, mapped to the stored source they continue: the same
 * item (same kind and text, found once) under a milestone that was renumbered. Their tasks keep
 * their IDs, and so their checkmarks. (A reworded item is a new item: its old task is dropped, or
 * kept as "removed from plan" when the user had worked on it.)
 */
function movedSources(keys: readonly string[], previous: Readonly<IdMap>): Map<string, string> {
  const current = new Set(keys);
  const orphans = Object.keys(previous).filter((k) => !current.has(k));
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const fresh = keys.filter((k) => previous[k] === undefined);
  for (const key of fresh) {
    const tail = milestoneTail(key);
    if (tail === undefined) continue;
    const same = orphans.filter((o) => !taken.has(o) && milestoneTail(o) === tail);
    if (same.length === 1) {
      out.set(key, same[0]);
      taken.add(same[0]);
    }
  }
  return out;
}

const words = (text: string): string[] => comparable(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);

function dice(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const w of a) pool.set(w, (pool.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = pool.get(w) ?? 0;
    if (n > 0) {
      common++;
      pool.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/**
 * Without a stored ID map: which task of the note each planned task is, matched by description
 * (exactly first, then by shared words), never across milestone labels. Returns source key → the
 * note's ID for the tasks matched.
 */
export function recoverIds(noteTasks: readonly TaskFields[], plan: ExecutionPlan, threshold = 0.6): IdMap {
  const out: IdMap = {};
  const planned = keyedTasks(plan).map(({ task, key }) => ({ key, label: task.label, text: comparable(task.text), words: words(task.text) }));
  const notes = noteTasks.map((f) => ({ id: f.id, labels: labelsOf(f), text: comparable(f.text), words: words(f.text) }));
  const labelOk = (label: string | undefined, labels: string[]): boolean => !label || labels.length === 0 || labels.includes(label);
  const takenNote = new Set<number>();
  const takenPlan = new Set<number>();
  planned.forEach((p, i) => {
    const j = notes.findIndex((n, k) => !takenNote.has(k) && n.text === p.text && labelOk(p.label, n.labels));
    if (j >= 0) {
      out[p.key] = notes[j].id;
      takenNote.add(j);
      takenPlan.add(i);
    }
  });
  const pairs: { i: number; j: number; score: number }[] = [];
  planned.forEach((p, i) => {
    if (takenPlan.has(i)) return;
    notes.forEach((n, j) => {
      if (takenNote.has(j) || !labelOk(p.label, n.labels)) return;
      const score = dice(p.words, n.words);
      if (score >= threshold) pairs.push({ i, j, score });
    });
  });
  pairs.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  for (const { i, j } of pairs) {
    if (takenPlan.has(i) || takenNote.has(j)) continue;
    out[planned[i].key] = notes[j].id;
    takenPlan.add(i);
    takenNote.add(j);
  }
  return out;
}
