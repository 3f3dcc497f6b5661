import type { Diagnostic } from "../diagnostics";
import { basename, dirname } from "../files";
import { folderNameProblem, safeFolderName } from "./folder-name";
import type { DocRole, VisionRef } from "./model";

/** File names of each role, preferred name first (FORMAT.md §1). */
export const ROLE_FILES: Record<"vision" | "spec", Partial<Record<DocRole, string[]>>> = {
  vision: {
    vision: ["vision.md"],
    goal: ["goal.md"],
    strategy: ["strategy.md", "strategies.md"],
    plan: ["plan.md", "milestones.md"],
    execute: ["execute.md", "execution.md", "tasks.md"],
  },
  spec: { spec: ["spec.md"], plan: ["plan.md"], execute: ["tasks.md"] },
};

const ROLES = new Set<string>(["vision", "goal", "strategy", "plan", "execute", "spec"]);
/** Every file name that can hold a role: the cheap first test that most notes of a vault fail. */
const ROLE_NAMES = new Set(Object.values(ROLE_FILES).flatMap((roles) => Object.values(roles).flat()));
const NAME_LENGTHS = [...ROLE_NAMES].map((n) => n.length);
const MIN_NAME = Math.min(...NAME_LENGTHS);
const MAX_NAME = Math.max(...NAME_LENGTHS);
const FIRST_LETTERS = new Uint8Array(128);
for (const n of ROLE_NAMES) FIRST_LETTERS[n.charCodeAt(0)] = FIRST_LETTERS[n.toUpperCase().charCodeAt(0)] = 1;

/**
 * Whether a path's file name could be a role document, decided without allocating: detection runs
 * over every note of the vault on startup, and nearly all of them fail here.
 */
function mayHoldRole(path: string): boolean {
  const start = path.lastIndexOf("/") + 1;
  const length = path.length - start;
  return length >= MIN_NAME && length <= MAX_NAME && FIRST_LETTERS[path.charCodeAt(start)] === 1;
}
const NUMBERED_FOLDER = /^\d{3}-\S/;

export interface DetectOptions {
  /** Folder path that holds vision folders; "" (default) means any folder named `visions`. */
  visionsRoot?: string;
  /** Same for spec-kit feature folders; "" means any folder named `specs`. */
  specsRoot?: string;
}

export interface NoteInfo {
  path: string;
  /** The note's frontmatter when known (metadata cache, or read by the CLI). */
  frontmatter?: Record<string, unknown>;
}

function folderKind(folder: string, options: DetectOptions): "vision" | "spec" | undefined {
  if (!NUMBERED_FOLDER.test(basename(folder))) return undefined;
  const parent = dirname(folder);
  const matches = (root: string | undefined, name: string): boolean => (root ? parent === root.replace(/^\/+|\/+$/g, "") : basename(parent).toLowerCase() === name);
  if (matches(options.visionsRoot, "visions")) return "vision";
  if (matches(options.specsRoot, "specs")) return "spec";
  return undefined;
}

/** Why a vision folder's path cannot be used to build paths, links or YAML (undefined when it can). */
function unsafeFolder(folder: string): string | undefined {
  for (const segment of folder.split("/")) {
    const problem = folderNameProblem(segment);
    if (problem) return `The folder name "${JSON.stringify(segment).slice(1, -1)}" holds ${problem}; rename it to "${safeFolderName(segment)}"`;
  }
  return undefined;
}

/** The role a frontmatter `intentk:` property declares, if any. */
export function declaredRole(frontmatter: Record<string, unknown> | undefined): DocRole | undefined {
  const value = frontmatter?.intentk;
  return typeof value === "string" && ROLES.has(value.trim().toLowerCase()) ? (value.trim().toLowerCase() as DocRole) : undefined;
}

/**
 * Groups notes into visions (and spec-kit features) from their paths and frontmatter alone: no note
 * is read. A folder with none of the role documents is not a vision.
 */
export function detectVisions(notes: Iterable<NoteInfo>, options: DetectOptions = {}, diagnostics: Diagnostic[] = []): VisionRef[] {
  const byFolder = new Map<string, VisionRef>();
  const unsafe = new Set<string>();
  const claim = (folder: string, kind: "vision" | "spec", role: DocRole, path: string, explicit: boolean): void => {
    if (unsafe.has(folder)) return;
    let ref = byFolder.get(folder);
    // A folder's name is checked once, when its first document is claimed.
    const problem = ref ? undefined : unsafeFolder(folder);
    if (problem) {
      unsafe.add(folder);
      diagnostics.push({ code: "unsafe-folder-name", severity: "error", message: `${problem}; it is left out (nothing is generated into it)`, file: path, line: 1 });
      return;
    }
    if (!ref) {
      ref = { id: basename(folder) || folder || "vault", folder, kind, docs: {} };
      byFolder.set(folder, ref);
    }
    const existing = ref.docs[role];
    if (existing === undefined || explicit) {
      ref.docs[role] = path;
      return;
    }
    const names = ROLE_FILES[kind][role] ?? [];
    const [keep, drop] = names.indexOf(basename(existing)) <= names.indexOf(basename(path)) ? [existing, path] : [path, existing];
    ref.docs[role] = keep;
    diagnostics.push({ code: "duplicate-document", severity: "warning", message: `Two ${role} documents in ${folder}: using ${basename(keep)}, ignoring ${basename(drop)}.`, file: drop, line: 1 });
  };

  for (const note of notes) {
    const declared = note.frontmatter === undefined ? undefined : declaredRole(note.frontmatter);
    if (!declared && !mayHoldRole(note.path)) continue;
    let name = basename(note.path);
    if (!ROLE_NAMES.has(name)) {
      if (/[A-Z]/.test(name)) name = name.toLowerCase();
      if (!declared && !ROLE_NAMES.has(name)) continue;
    }
    const folder = dirname(note.path);
    const kind = folderKind(folder, options);
    if (declared) {
      if (name.endsWith(".md")) claim(folder, kind ?? (declared === "spec" ? "spec" : "vision"), declared, note.path, true);
      continue;
    }
    if (!kind) continue;
    for (const [role, names] of Object.entries(ROLE_FILES[kind]) as [DocRole, string[]][]) {
      if (names.includes(name)) claim(folder, kind, role, note.path, false);
    }
  }
  return [...byFolder.values()].sort((a, b) => a.folder.localeCompare(b.folder));
}
