import type { Diagnostic } from "../diagnostics";
import { matchKey, normalizeKey, splitSegments } from "../markdown/fields";
import { readAtx } from "../markdown/atx";
import { fenceTracker } from "../markdown/fences";
import { oneLine } from "../text/normalize";
import { checkHasPlan, checkMilestoneHeadings, displayName, settleMilestones } from "./checks";
import { readNumberedHeading } from "./headings";
import { type SourceRole, readSources } from "./load";
import type { DocRole, Milestone, VisionRef } from "./model";
import { hasPlaceholder } from "./placeholders";

/**
 * What the index needs of a vision, read line by line without a Markdown parser: the plan's
 * milestone headings with their Dependencies and Timeline, and the diagnostics. remark costs ~20× more than this
 * on plans of dozens of milestones; the full parse is kept for generation. Tests check that both
 * agree on every fixture.
 */
export interface VisionOutline {
  ref: VisionRef;
  name: string;
  milestones: Milestone[];
  order: string[];
  hashes: Partial<Record<DocRole, string>>;
  diagnostics: Diagnostic[];
}

interface Line {
  text: string;
  number: number;
}

/** Lines outside fenced code blocks and frontmatter, with their 1-based numbers. */
function proseLines(text: string): Line[] {
  const out: Line[] = [];
  const lines = text.split(/\r?\n/);
  let i = 0;
  if (lines[0] === "---") {
    const end = lines.indexOf("---", 1);
    if (end > 0) i = end + 1;
  }
  const inCode = fenceTracker();
  for (; i < lines.length; i++) if (!inCode(lines[i])) out.push({ text: lines[i], number: i + 1 });
  return out;
}

const BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;

/** One field of a milestone section (Dependencies, Timeline), as the full parser's FieldReader reads it. */
function fieldIn(section: Line[], file: string, names: readonly string[]): Milestone["dependencyText"] {
  for (let k = 0; k < section.length; k++) {
    const bullet = BULLET.exec(section[k].text);
    const body = bullet ? bullet[2] : section[k].text.trim();
    for (const seg of splitSegments(body)) {
      const key = matchKey(seg.trim(), bullet !== null);
      if (!key || key.isId || !names.includes(normalizeKey(key.key))) continue;
      const value = [key.value];
      const items: string[] = [];
      const indent = bullet ? bullet[1].length : -1;
      for (let j = k + 1; j < section.length; j++) {
        const next = section[j].text;
        if (next.trim() === "") {
          if (!bullet) break;
          continue;
        }
        const sub = BULLET.exec(next);
        if (sub && sub[1].length > indent) items.push(oneLine(sub[2]));
        else if (!sub && !bullet && !/^\s*(\*\*|__|#)/.test(next)) value.push(next);
        else break;
      }
      const text = (value.length > 1 ? oneLine(value.join(" ")) : value[0]) || items.join("; ");
      if (!text || hasPlaceholder(text)) return undefined;
      return { text, file, line: section[k].number, children: [] };
    }
  }
  return undefined;
}

/** Milestone headings and Dependencies of a plan, read line by line. */
export function outlineMilestones(file: string, text: string, diagnostics: Diagnostic[]): { name: string; milestones: Milestone[] } {
  const lines = proseLines(text);
  const headings: { depth: number; text: string; index: number }[] = [];
  lines.forEach((l, index) => {
    const m = readAtx(l.text);
    if (m) headings.push({ ...m, index });
  });
  const h1 = headings.find((h) => h.depth === 1);
  const name = h1 ? h1.text.replace(/^[^:：]*[:：]\s*/, "").trim() || h1.text : "";
  // Where each heading's section ends (the next heading of the same or a higher level), found in one
  // backward pass: searching forward from every heading is quadratic in a plan of thousands of milestones.
  const ends: number[] = [];
  const open: number[] = [];
  for (let k = headings.length - 1; k >= 0; k--) {
    while (open.length > 0 && headings[open[open.length - 1]].depth > headings[k].depth) open.pop();
    ends[k] = open.length > 0 ? headings[open[open.length - 1]].index : lines.length;
    open.push(k);
  }
  const milestones: Milestone[] = [];
  headings.forEach((h, k) => {
    const head = readNumberedHeading("Milestone", h.text, file, lines[h.index].number);
    if (!head) return;
    const end = ends[k];
    milestones.push({
      ...head,
      successCriteria: [],
      deliverables: [],
      resources: [],
      dependencyText: fieldIn(lines.slice(h.index + 1, end), file, ["dependencies", "depends on"]),
      timeline: fieldIn(lines.slice(h.index + 1, end), file, ["timeline"]),
      dependsOn: [],
      validationApproach: [],
      acceptance: [],
      tasks: [],
    });
  });
  checkMilestoneHeadings(milestones, diagnostics);
  return { name, milestones };
}

/** First-heading names of the other documents (for the vision's display name). */
function firstHeadingName(text: string): string {
  for (const l of proseLines(text)) {
    const m = readAtx(l.text);
    if (m && m.depth === 1) return m.text.replace(/^[^:：]*[:：]\s*/, "").trim();
  }
  return "";
}

/** The index-level reading of a vision: every diagnostic the full parse gives, at a fraction of its cost. */
export async function outlineVision(ref: VisionRef, read: (path: string) => Promise<string>): Promise<VisionOutline> {
  const diagnostics: Diagnostic[] = [];
  const names: Partial<Record<SourceRole, string>> = {};
  let milestones: Milestone[] | undefined;
  const { texts, hashes } = await readSources(ref, read, diagnostics);
  for (const [role, { path, text }] of texts) {
    if (role === "plan" && ref.kind === "vision") {
      const plan = outlineMilestones(path, text, diagnostics);
      milestones = plan.milestones;
      names.plan = plan.name;
    } else names[role] = firstHeadingName(text);
  }
  const order = milestones && ref.docs.plan ? settleMilestones(milestones, ref.docs.plan, diagnostics) : [];
  checkHasPlan(ref, diagnostics);
  const name = displayName(ref, [names.vision, names.plan, names.goal, names.strategy]);
  return { ref, name, milestones: milestones ?? [], order, hashes, diagnostics };
}
