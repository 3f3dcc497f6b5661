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

export function touchesOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => touches(x, y)));
}
