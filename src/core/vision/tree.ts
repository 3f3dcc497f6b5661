/** Reading project-structure tree blocks (`├── src/`, `│   └── api/`). */

/** The first-level folders and files of a project-structure tree. */
export function topLevelEntries(tree: string): string[] {
  const lines = tree.split("\n").filter((l) => l.trim() !== "");
  const depth = (l: string): number => l.search(/[^\s│├└─|`-]/);
  const names = lines.map((l) => ({ d: depth(l), name: entryName(l) })).filter((e) => e.name && !e.name.startsWith("#"));
  if (names.length === 0) return [];
  // A single root line ("project/") holds everything: list what is directly under it.
  const rootOnly = names.filter((e) => e.d === names[0].d).length === 1 && names.length > 1;
  const level = rootOnly ? Math.min(...names.slice(1).map((e) => e.d)) : names[0].d;
  // Entries under a single root keep it in their path (`notices/src/`), so every path is real.
  const prefix = rootOnly && names[0].name.endsWith("/") ? names[0].name : "";
  return names.filter((e, i) => e.d === level && (!rootOnly || i > 0)).map((e) => `${prefix}${e.name}`).slice(0, 12);
}

/** A tree line's entry without its drawing and its `# comment` (a comment line stays "#…"). */
function entryName(line: string): string {
  const name = line.replace(/^[\s│├└─|`-]+/, "");
  // A search for " #" rather than /\s+#.*$/, which backtracks on long runs of spaces.
  const comment = name.search(/\s#/);
  return (comment < 0 ? name : name.slice(0, comment)).trim();
}

/** Every entry of a tree block as a path from its root (`tests/integration/`, `pyproject.toml`). */
export function treeFiles(tree: string): string[] {
  const out: string[] = [];
  const stack: { depth: number; name: string }[] = [];
  for (const line of tree.split("\n")) {
    const depth = line.search(/[^\s│├└─|`-]/);
    const name = entryName(line);
    if (depth < 0 || !name || name.startsWith("#")) continue;
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1].name : "";
    const path = `${parent}${name}`;
    out.push(path);
    if (name.endsWith("/")) stack.push({ depth, name: path });
  }
  return out;
}
