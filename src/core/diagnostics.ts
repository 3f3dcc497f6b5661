export type Severity = "error" | "warning" | "info";

/** A problem found in a user's note, always with the file and 1-based line that needs fixing. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
}

/** Control characters (a newline in a folder name) shown escaped, so a finding stays one line. */
// eslint-disable-next-line no-control-regex -- control characters are what this replaces
const CONTROL = /[\u0000-\u001f\u007f]/g;
const escapeControls = (text: string): string => text.replace(CONTROL, (c) => JSON.stringify(c).slice(1, -1));

export function formatDiagnostic(d: Diagnostic): string {
  return escapeControls(`${d.file}:${d.line}: ${d.severity}: ${d.message} [${d.code}]`);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Stable order for reports: by file, then line, then code. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code));
}
