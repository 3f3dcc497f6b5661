import type { Diagnostic } from "../diagnostics";
import { fenceTracker } from "../markdown/fences";
import { flattenForParse, flattenMessages } from "../markdown/flatten";
import { type MarkdownDoc, parseMarkdown } from "../markdown/parse";
import { basename } from "../files";
import { hashText, normalizeText } from "../text/normalize";
import { checkHasPlan, displayName, settleMilestones, settleRecommendation } from "./checks";
import type { DocRole, Vision, VisionRef } from "./model";
import { parseGoal, parseStrategy, parseVision } from "./parse-docs";
import { parsePlan } from "./parse-plan";
import { findPlaceholders } from "./placeholders";

export const SOURCE_ROLES = ["vision", "goal", "strategy", "plan"] as const;
export type SourceRole = (typeof SOURCE_ROLES)[number];

export interface LoadedVision {
  vision: Vision;
  diagnostics: Diagnostic[];
}

/** Reports every placeholder outside code blocks and HTML comments, with its line. */
export function placeholderDiagnostics(file: string, text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const inCode = fenceTracker();
  let comment = false;
  text.split(/\r?\n/).forEach((line, i) => {
    if (inCode(line)) return;
    if (comment || line.includes("<!--")) {
      comment = !line.includes("-->");
      return;
    }
    for (const p of findPlaceholders(line)) {
      out.push({
        code: "placeholder",
        severity: "warning",
        message: `Template placeholder ${p.text} is still in ${basename(file)}; replace it with real content (it is left out of the execute note).`,
        file,
        line: i + 1,
      });
    }
  });
  return out;
}

export interface SourceTexts {
  /** Each readable source document, in role order, normalised. */
  texts: [SourceRole, { path: string; text: string }][];
  hashes: Partial<Record<DocRole, string>>;
}

/**
 * Reads a vision's source documents (normalised, hashed) and reports their placeholders; a document
 * that cannot be read is reported, not thrown. Shared by the full parse and the index's outline.
 */
export async function readSources(ref: VisionRef, read: (path: string) => Promise<string>, diagnostics: Diagnostic[]): Promise<SourceTexts> {
  const texts: SourceTexts["texts"] = [];
  const hashes: SourceTexts["hashes"] = {};
  for (const role of SOURCE_ROLES) {
    const path = ref.docs[role];
    if (!path) continue;
    let text: string;
    try {
      text = normalizeText(await read(path));
    } catch (e) {
      diagnostics.push({ code: "unreadable", severity: "error", message: `Cannot read ${path}: ${(e as Error).message}`, file: path, line: 1 });
      continue;
    }
    hashes[role] = hashText(text);
    if (ref.kind === "vision") diagnostics.push(...placeholderDiagnostics(path, text));
    for (const f of flattenMessages(flattenForParse(text).issues)) {
      const code = f.kind === "long-line" ? "long-line" : "deep-nesting";
      diagnostics.push({ code, severity: "warning", message: `${basename(path)}: ${f.message}`, file: path, line: f.line });
    }
    texts.push([role, { path, text }]);
  }
  return { texts, hashes };
}

/**
 * Reads and parses the source documents of one vision. `read` returns a document's text; a document
 * that cannot be read is reported, not thrown.
 */
export async function loadVision(ref: VisionRef, read: (path: string) => Promise<string>): Promise<LoadedVision> {
  const diagnostics: Diagnostic[] = [];
  const docs: Partial<Record<SourceRole, MarkdownDoc>> = {};
  const { texts, hashes } = await readSources(ref, read, diagnostics);
  for (const [role, { path, text }] of texts) docs[role] = parseMarkdown(path, text);
  return { vision: buildVision(ref, docs, hashes, diagnostics), diagnostics };
}

export function buildVision(
  ref: VisionRef,
  docs: Partial<Record<SourceRole, MarkdownDoc>>,
  hashes: Partial<Record<DocRole, string>>,
  diagnostics: Diagnostic[],
): Vision {
  const vision = docs.vision ? parseVision(docs.vision) : undefined;
  const goal = docs.goal ? parseGoal(docs.goal) : undefined;
  const strategy = docs.strategy ? parseStrategy(docs.strategy) : undefined;
  const plan = ref.kind === "vision" && docs.plan ? parsePlan(docs.plan, diagnostics) : undefined;
  if (strategy) settleRecommendation(strategy, plan, diagnostics);
  const order = plan ? settleMilestones(plan.milestones, plan.file, diagnostics) : [];
  checkHasPlan(ref, diagnostics);
  const name = displayName(ref, [vision?.name, plan?.name, goal?.name, strategy?.name]);
  return { ref, name, vision, goal, strategy, plan, order, hashes };
}
