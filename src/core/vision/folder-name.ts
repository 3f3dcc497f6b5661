/**
 * Folder names that cannot become paths, links or YAML safely. A vision's folder name is used to
 * build the execute note's path, its wikilinks and its frontmatter, so a name holding a path
 * separator, `..`, a link-breaking character or a control character is reported and never written
 * through (FORMAT.md §1: vision folders are `NNN-slug`).
 */
const UNSAFE: [RegExp, string][] = [
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  [/[\u0000-\u001f\u007f]/, "a control character (a newline, tab, NUL…)"],
  [/\\/, "a backslash, a path separator on Windows"],
  [/\.\./, `"..", which can step out of a folder`],
  [/[#|^[\]]/, "a character that breaks wikilinks (# | ^ [ ])"],
  [/"/, "a double quote"],
];

/** What is wrong with a folder name, or undefined when it is safe. */
export function folderNameProblem(name: string): string | undefined {
  return UNSAFE.find(([re]) => re.test(name))?.[1];
}

/** The name with every unsafe character replaced: what to rename the folder to. */
export function safeFolderName(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex -- see UNSAFE
      .replace(/[\u0000-\u001f\u007f\\#|^[\]"]+/g, "-")
      .replace(/\.{2,}/g, ".")
      .replace(/-{2,}/g, "-")
      .replace(/-$/, "") || "001-vision"
  );
}
