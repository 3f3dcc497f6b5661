import { slugify } from "../text/normalize";
import { basename, joinPath } from "../files";
import { GOAL_TEMPLATE, PLAN_TEMPLATE, STRATEGY_TEMPLATE, VISION_TEMPLATE } from "./builtin";

/**
 * Note templates for a new vision: the built-in ones, overridden by user templates of the same
 * file name, filled with `{{title}}`, `{{date}}` and `{{id}}`; and where the new vision goes.
 */

export type TemplateRole = "vision" | "goal" | "strategy" | "plan";

/** In creation order; the file name is both the note's name and the user template's name. */
export const TEMPLATE_FILES: Readonly<Record<TemplateRole, string>> = {
  vision: "vision.md",
  goal: "goal.md",
  strategy: "strategy.md",
  plan: "plan.md",
};

export const TEMPLATE_ROLES: readonly TemplateRole[] = ["vision", "goal", "strategy", "plan"];

export const BUILTIN_TEMPLATES: Readonly<Record<TemplateRole, string>> = {
  vision: VISION_TEMPLATE,
  goal: GOAL_TEMPLATE,
  strategy: STRATEGY_TEMPLATE,
  plan: PLAN_TEMPLATE,
};

export interface TemplateValues {
  title: string;
  date: string;
  id: string;
}

/** Replaces `{{title}}`, `{{date}}` and `{{id}}` (spaces inside the braces allowed); other `{{…}}` stay. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{\{\s*(title|date|id)\s*\}\}/gi, (_, key: string) => values[key.toLowerCase() as keyof TemplateValues]);
}

/**
 * The template text for each role: a user template (looked up by file name among `userTemplates`,
 * a map of file name → text, case-insensitive) wins over the built-in one.
 */
export function chooseTemplates(userTemplates: ReadonlyMap<string, string> = new Map()): Record<TemplateRole, { text: string; source: "user" | "builtin" }> {
  const byName = new Map([...userTemplates].map(([name, text]) => [basename(name).toLowerCase(), text]));
  const out = {} as Record<TemplateRole, { text: string; source: "user" | "builtin" }>;
  for (const role of TEMPLATE_ROLES) {
    const user = byName.get(TEMPLATE_FILES[role]);
    out[role] = user !== undefined ? { text: user, source: "user" } : { text: BUILTIN_TEMPLATES[role], source: "builtin" };
  }
  return out;
}

export interface NewVision {
  /** `001-team-reading-list`. */
  id: string;
  /** `visions/001-team-reading-list`. */
  folder: string;
  /** Files to create, in order (the vision note first). */
  files: { role: TemplateRole; path: string; content: string }[];
}

/**
 * The next free vision number in a visions root, from the names of the folders already in it
 * (`001-x`, `007-y` → 8). Numbers are three digits; more digits are kept once past 999.
 */
export function nextVisionNumber(existingFolderNames: Iterable<string>): string {
  let max = 0;
  for (const name of existingFolderNames) {
    const m = /^(\d{3,})-/.exec(basename(name));
    if (m) max = Math.max(max, parseInt(m[1], 10));
  }
  return String(max + 1).padStart(3, "0");
}

/** The folder slug of a vision name; "vision" when the name has no letters or digits. */
export function visionSlug(name: string): string {
  return slugify(name) || "vision";
}

/** Everything needed to create a new vision: its id, folder and filled-in notes. */
export function planNewVision(options: {
  name: string;
  /** Folder that holds the vision folders (`visions`). */
  root: string;
  /** Names (or paths) of the folders already in the root. */
  existing: Iterable<string>;
  /** The date as it should appear in the notes. */
  date: string;
  userTemplates?: ReadonlyMap<string, string>;
}): NewVision {
  const title = options.name.replace(/\s+/g, " ").trim();
  const id = `${nextVisionNumber(options.existing)}-${visionSlug(title)}`;
  const folder = joinPath(options.root, id);
  const templates = chooseTemplates(options.userTemplates);
  const files = TEMPLATE_ROLES.map((role) => ({
    role,
    path: joinPath(folder, TEMPLATE_FILES[role]),
    content: fillTemplate(templates[role].text, { title, date: options.date, id }),
  }));
  return { id, folder, files };
}
