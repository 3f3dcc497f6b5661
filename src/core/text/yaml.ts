/**
 * A YAML double-quoted scalar for any string: the one way generated frontmatter writes a value
 * that comes from outside (folder and file names), so a `"`, `\`, newline or CR can neither break
 * the note's frontmatter nor add lines to it. JSON strings are YAML double-quoted scalars; the
 * characters YAML does not allow unescaped but JSON leaves as they are are escaped too.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
