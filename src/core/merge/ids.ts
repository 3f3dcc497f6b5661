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

/** The number of an ID, exactly: IDs are strings, and `T` followed by 22 digits is no float. */
const idNumber = (id: string): bigint => {
  const m = /^T(\d+)/.exec(id);
  return m ? BigInt(m[1]) : 0n;
};

/**
 * Gives every task of the plan its ID: the one its source had before, else the next free number.
 * `reserved` are IDs that must not be given to a new source (tasks the user wrote into the note).
 * Rewrites the plan's IDs and dependencies in place and returns the map to keep.
 */
export function assignIds(plan: ExecutionPlan, previous: Readonly<IdMap>, reserved: Iterable<string> = [], reworded?: string[]): IdMap {
  const map: IdMap = { ...previous };
  let next = 1n;
  for (const id of [...Object.values(previous), ...reserved]) {
    const n = idNumber(id) + 1n;
    if (n > next) next = n;
  }
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
      if (rewording(key, from)) reworded?.push(id);
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

/**
 * What a milestone's source item is, whatever the milestone's number: `m3:deliverable:build the
 * api` → `deliverable:build the api`; an integration task, `m3:integrate:2:sharing → core`, is the
 * pair of milestone titles it joins (`integrate:sharing → core`; the same for its integration test,
 * `integration-test:…`). Undefined outside milestones, and
 * for keys of earlier versions that name the milestones by number only (`m3:integrate:2`).
 */
function milestoneTail(key: string): string | undefined {
  const m = /^m[^:]*:(.*)$/.exec(key);
  if (!m) return undefined;
  const pair = /^(integrate|integration-test):([^:]*)(?::(.+))?$/.exec(m[1]);
  if (!pair) return m[1];
  return pair[3] !== undefined ? `${pair[1]}:${pair[3]}` : undefined;
}

/** `m3:integrate:2` for an integration key of any version (the milestones by number); else undefined. */
function integrationByNumber(key: string): string | undefined {
  return /^m[^:]*:(?:integrate|integration-test):[^:]*/.exec(key)?.[0];
}

/**
 * Sources that are new only in appearance, mapped to the stored source they continue: the same
 * item (same kind and text, found once) under a milestone that was renumbered; an integration task
 * whose milestones were renumbered (same titles) or renamed (same numbers). Their tasks keep their
 * IDs, and so their checkmarks. (A reworded item is a new item: its old task is dropped, or kept
 * as "removed from plan" when the user had worked on it.)
 */
function movedSources(keys: readonly string[], previous: Readonly<IdMap>): Map<string, string> {
  const current = new Set(keys);
  const orphans = Object.keys(previous).filter((k) => !current.has(k));
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const fresh = keys.filter((k) => previous[k] === undefined);
  const claim = (key: string, same: (o: string) => boolean): void => {
    if (out.has(key)) return;
    const found = orphans.filter((o) => !taken.has(o) && same(o));
    if (found.length === 1) {
      out.set(key, found[0]);
      taken.add(found[0]);
    }
  };
  for (const key of fresh) {
    const tail = milestoneTail(key);
    if (tail !== undefined) claim(key, (o) => milestoneTail(o) === tail);
  }
  for (const key of fresh) {
    const byNumber = integrationByNumber(key);
    if (byNumber !== undefined) claim(key, (o) => integrationByNumber(o) === byNumber);
  }
  // Reworded items: same milestone, same kind, similar words; the most similar pairs first.
  const pairs: { key: string; from: string; score: number }[] = [];
  for (const key of fresh) {
    if (out.has(key) || !REWORDABLE.test(key)) continue;
    for (const o of orphans) {
      if (taken.has(o) || scopeAndKind(o) !== scopeAndKind(key)) continue;
      const score = jaccard(itemWords(key), itemWords(o));
      if (score >= REWORDED_AT_LEAST) pairs.push({ key, from: o, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  for (const { key, from } of pairs) {
    if (out.has(key) || taken.has(from)) continue;
    out.set(key, from);
    taken.add(from);
  }
  return out;
}

/**
 * A reworded item: the same milestone's deliverable (or task) whose normalised tokens share at
 * least half of their union with the old one's (token-set Jaccard ≥ 0.5). Tokens: each inline code
 * span (a file path) as a whole, and the other words of three or more letters or digits, in lower
 * case, without a few function words. "Order form in `web/order.html`" → "Online order form in
 * `web/order.html`" is a rewording (3 of 4); "Cache in `src/cache.ts`" → "Backup in
 * `src/backup.ts`" is not (0 of 4).
 */
export const REWORDED_AT_LEAST = 0.5;
const REWORDABLE = /^m[^:]*:(?:deliverable|task):/;
const FUNCTION_WORDS = new Set(["and", "for", "from", "into", "the", "with", "that", "this", "its", "per", "via", "und", "der", "die", "das", "les", "des", "pour", "para", "con", "por"]);
const scopeAndKind = (key: string): string => /^[^:]*:[^:]*:/.exec(key)?.[0] ?? key;

function itemWords(key: string): Set<string> {
  const text = key.slice(scopeAndKind(key).length);
  const tokens = new Set<string>();
  for (const m of text.matchAll(/`([^`]+)`/g)) tokens.add(m[1].trim());
  for (const w of comparable(text.replace(/`[^`]+`/g, " ")).split(/[^\p{L}\p{N}]+/u)) {
    if ([...w].length >= 3 && !FUNCTION_WORDS.has(w)) tokens.add(w);
  }
  return tokens;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

/** Whether a continued source is a rewording (its text changed), not a renumbered milestone's same item. */
function rewording(key: string, from: string): boolean {
  return REWORDABLE.test(key) && scopeAndKind(key) === scopeAndKind(from) && key !== from;
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

interface Planned {
  key: string;
  label?: string;
  text: string;
}

/**
 * Matches planned tasks to the note's tasks by description (exactly first, then, unless
 * `threshold` is undefined, by shared words), never across milestone labels. Returns source key →
 * the note's ID for the tasks matched.
 */
function matchByText(plannedTasks: readonly Planned[], noteTasks: readonly TaskFields[], threshold: number | undefined): IdMap {
  const out: IdMap = {};
  const planned = plannedTasks.map((p) => ({ key: p.key, label: p.label, text: comparable(p.text), words: words(p.text) }));
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
  if (threshold === undefined) return out;
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

/**
 * Without a stored ID map: which task of the note each planned task is, matched by description
 * (exactly first, then by shared words), never across milestone labels. Returns source key → the
 * note's ID for the tasks matched.
 */
export function recoverIds(noteTasks: readonly TaskFields[], plan: ExecutionPlan, threshold = 0.6): IdMap {
  return matchByText(
    keyedTasks(plan).map(({ task, key }) => ({ key, label: task.label, text: task.text })),
    noteTasks,
    threshold,
  );
}

/**
 * The ID map, plus the plan items it does not know that the note already holds (same milestone
 * label, same description) under an ID no other item of the plan has: they keep that ID instead of
 * getting a second one. (A map older than the note, from a run that stopped before saving it,
 * lacks the items that run added.)
 */
export function withPresentIds(ids: Readonly<IdMap>, noteTasks: readonly TaskFields[], plan: ExecutionPlan): IdMap {
  const keyed = keyedTasks(plan);
  const unknown = keyed.filter((k) => ids[k.key] === undefined);
  if (unknown.length === 0) return { ...ids };
  const live = new Set(keyed.flatMap((k) => ids[k.key] ?? []));
  const free = noteTasks.filter((f) => !live.has(f.id));
  const found = matchByText(
    unknown.map(({ task, key }) => ({ key, label: task.label, text: task.text })),
    free,
    undefined,
  );
  return { ...ids, ...found };
}
