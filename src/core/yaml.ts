/**
 * YAML reaches the core through this interface: the plugin installs Obsidian's `parseYaml` (so the
 * bundle carries no YAML library), the CLI and the tests install the `yaml` package.
 */
export interface YamlParser {
  /** Parses one YAML document; may throw on malformed input. */
  parse(text: string): unknown;
}

let installed: YamlParser | undefined;

/** Installs the YAML parser the core uses (once, at start-up). */
export function useYamlParser(parser: YamlParser): void {
  installed = parser;
}

/** A YAML mapping read leniently: a malformed block, or one that is not a mapping, yields {}. */
export function parseYamlObject(text: string): Record<string, unknown> {
  // Outside the try: a missing parser is a wiring mistake, not a malformed note.
  if (!installed) throw new Error("No YAML parser installed: call useYamlParser() at start-up.");
  try {
    const value = installed.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
