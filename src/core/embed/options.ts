/**
 * The options of an `intentk` code block:
 *
 *     vision: 001-team-reading-list   # id, number or path; omitted = the vision of this note
 *     show: progress | phases | tasks | timeline | next
 *     limit: 5                         # for next
 *
 * One `key: value` per line; `#` starts a comment (after a blank, or at the start of a line).
 * Every problem is reported with its line and the accepted values; parsing never throws.
 */
export const EMBED_VIEWS = ["progress", "phases", "tasks", "timeline", "next"] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];

export interface EmbedOptions {
  /** Vision id (`001-slug`), number (`001`) or a path; undefined = the vision of the note. */
  vision?: string;
  show: EmbedView;
  /** How many tasks `next` lists. */
  limit: number;
}

export interface EmbedOptionError {
  /** The option named, or "" for a line that is no option at all. */
  option: string;
  /** 1-based line inside the block. */
  line: number;
  message: string;
}

export const EMBED_KEYS = ["vision", "show", "limit"] as const;
export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 100;

const LINE = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/;

export function parseEmbedOptions(source: string): { options: EmbedOptions; errors: EmbedOptionError[] } {
  const options: EmbedOptions = { show: "progress", limit: DEFAULT_LIMIT };
  const errors: EmbedOptionError[] = [];
  const seen = new Set<string>();
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const text = stripComment(raw).trim();
    if (!text) return;
    const m = LINE.exec(text);
    if (!m) {
      errors.push({ option: "", line, message: `Line ${line} is not an option: write "key: value" with one of ${EMBED_KEYS.join(", ")}.` });
      return;
    }
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (!(EMBED_KEYS as readonly string[]).includes(key)) {
      errors.push({ option: m[1], line, message: `Unknown option "${m[1]}" (line ${line}); the options are ${EMBED_KEYS.join(", ")}.` });
      return;
    }
    if (seen.has(key)) errors.push({ option: key, line, message: `"${key}" is given twice (line ${line}); keep one.` });
    seen.add(key);
    switch (key) {
      case "vision":
        if (value) options.vision = value;
        else errors.push({ option: key, line, message: `"vision" is empty (line ${line}): give a vision id (001-slug), number (001) or path, or leave the line out for the vision of this note.` });
        break;
      case "show": {
        const view = value.toLowerCase();
        if ((EMBED_VIEWS as readonly string[]).includes(view)) options.show = view as EmbedView;
        else errors.push({ option: key, line, message: `"show: ${value}" (line ${line}) is not known; use one of ${EMBED_VIEWS.join(", ")}.` });
        break;
      }
      case "limit": {
        const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
        if (n >= 1 && n <= MAX_LIMIT) options.limit = n;
        else errors.push({ option: key, line, message: `"limit: ${value}" (line ${line}) must be a whole number from 1 to ${MAX_LIMIT}.` });
        break;
      }
    }
  });
  return { options, errors };
}

/** The text before a `#` comment; `#` inside a value (a heading link) needs a blank before it to start one. */
function stripComment(line: string): string {
  if (/^\s*#/.test(line)) return "";
  const at = line.search(/[ \t]#/);
  return at < 0 ? line : line.slice(0, at);
}
