/**
 * Wikilinks that survive any heading text. Obsidian matches heading links after stripping the
 * characters that have a meaning inside a link; we write links with those characters replaced
 * by spaces, so `Milestone 2: Tours #2 | Kids [beta]` stays one valid link.
 */
const LINK_BREAKERS = /[#|^[\]\\]|%%/g;

/** The subpath to write after `#` for a heading. */
export function headingSubpath(heading: string): string {
  return heading.replace(LINK_BREAKERS, " ").replace(/\s+/g, " ").trim();
}

/** How Obsidian compares heading subpaths: special characters dropped, spaces collapsed. */
export function headingKey(heading: string): string {
  return heading
    .replace(/[#|^:[\]\\*_`]|%%/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Alias text must not contain `|` or `]]`. */
function aliasText(alias: string): string {
  return alias.replace(/\|/g, "/").replace(/\]\]/g, "] ]").replace(/[[\]]/g, "");
}

/** `[[path/to/note#Heading|alias]]` for a vault path (with or without `.md`). */
export function wikilink(path: string, heading?: string, alias?: string): string {
  const target = path.replace(/\.md$/i, "");
  const sub = heading ? `#${headingSubpath(heading)}` : "";
  return `[[${target}${sub}${alias ? `|${aliasText(alias)}` : ""}]]`;
}

export interface ParsedLink {
  path: string;
  subpath?: string;
  alias?: string;
  line: number;
}

/** Every wikilink in a text (embeds included), with its line. */
export function findWikilinks(text: string): ParsedLink[] {
  const links: ParsedLink[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(/!?\[\[([^[\]|#]*)(?:#([^[\]|]*))?(?:\|([^[\]]*))?\]\]/g)) {
      links.push({ path: m[1].trim(), subpath: m[2]?.trim(), alias: m[3], line: i + 1 });
    }
  });
  return links;
}
