import { parse, stringify } from "yaml";

/** Obsidian's path normalisation: forward slashes, no leading/trailing or doubled slash, NFC. */
export function normalizePath(path: string): string {
  const p = path
    .replace(/[\\/]+/g, "/")
    .replace(/\u00a0|\u202f/g, " ")
    .replace(/^\/+|\/+$/g, "")
    .normalize("NFC");
  return p === "" ? "/" : p;
}

/** Obsidian's YAML functions; like Obsidian's, `parseYaml` throws on malformed YAML. */
export function parseYaml(text: string): unknown {
  return parse(text);
}

export function stringifyYaml(value: unknown): string {
  return stringify(value);
}
