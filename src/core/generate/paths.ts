/**
 * The file paths a task names, which decide whether tasks of a phase can run side by side ([P]):
 * backticked tokens and bare tokens that look like paths (`src/api/lists.ts`, `docs/`).
 */
const BACKTICK = /`([^`\s][^`]*)`/g;
const BARE = /(?:^|[\s(])((?:[\w.@-]+\/)+[\w.@-]*|[\w-]+\.(?:md|ts|tsx|js|jsx|py|go|rs|java|kt|swift|rb|json|ya?ml|toml|sql|css|html|sh))(?=$|[\s),;:])/g;

function looksLikePath(token: string): boolean {
  return /\/|\.[a-z0-9]{1,5}$/i.test(token) && !/^https?:/i.test(token) && !/\s/.test(token);
}

export function pathsIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(BACKTICK)) if (looksLikePath(m[1])) found.add(normalize(m[1]));
  for (const m of text.replace(BACKTICK, " ").matchAll(BARE)) if (looksLikePath(m[1])) found.add(normalize(m[1]));
  return [...found];
}

function normalize(path: string): string {
  return path.replace(/^\.\//, "").replace(/\/+$/, "/");
}

/** Two paths touch when they are equal or one is a folder that holds the other. */
function touches(a: string, b: string): boolean {
  if (a === b) return true;
  const folder = (p: string): string => (p.endsWith("/") ? p : `${p}/`);
  return b.startsWith(folder(a)) || a.startsWith(folder(b));
}

/**
 * For each path list, whether it touches a path of another list (the `[P]` rule for a whole phase)
 * in linear time: paths are indexed by themselves and by their parent folders, so no pair of
 * tasks is compared (20,000 deliverables in one milestone took minutes pairwise).
 */
export function touchingOthers(lists: readonly (readonly string[])[]): boolean[] {
  const base = (p: string): string => p.replace(/\/$/, "");
  const parents = (b: string): string[] => {
    const out: string[] = [];
    for (let i = b.indexOf("/", 1); i > 0; i = b.indexOf("/", i + 1)) out.push(b.slice(0, i));
    return out;
  };
  const keys = lists.map((l) => new Set(l.map(base)));
  const folders = keys.map((k) => new Set([...k].flatMap(parents)));
  const count = (sets: Set<string>[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const s of sets) for (const k of s) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const ownCount = count(keys);
  const folderCount = count(folders);
  const others = (m: Map<string, number>, key: string, mine: boolean): number => (m.get(key) ?? 0) - (mine ? 1 : 0);
  return keys.map(
    (k, i) =>
      [...k].some((x) => others(ownCount, x, true) > 0 || others(folderCount, x, folders[i].has(x)) > 0) ||
      [...folders[i]].some((f) => others(ownCount, f, k.has(f)) > 0),
  );
}

export function touchesOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => touches(x, y)));
}
