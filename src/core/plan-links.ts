import { readAtx } from "./markdown/atx";
import { fenceTracker } from "./markdown/fences";
import { wikilink } from "./links";
import { isClosingFence } from "./merge/text";
import type { ExecutionPlan } from "./generate/plan-model";
import { phaseHeadingText } from "./generate/render";
import type { Milestone } from "./vision/model";

/**
 * The forward link from each milestone of a plan to its phase in the execute note: one line,
 * owned by Intent Kit, written right under the milestone heading as a one-line callout
 *
 *     > [!intentk] Execute: [[visions/001-x/execute#Phase 3: Milestone 1 - Title (Priority: P1)|Phase 3]]
 *
 * so it renders as a small box, is easy to recognise (and to search for), and puts the execute
 * note in the plan's outgoing links. A line is Intent Kit's only when it has exactly that shape
 * AND sits directly under a heading (the line after an ATX heading or a setext underline): a
 * look-alike anywhere else (a copy, a quote, another case, after a blank line) is the user's and
 * is never touched. The owned line is updated in place, never duplicated, and removed when its
 * heading stops being a milestone of the plan.
 */

/** The callout type that marks the plugin's line. */
export const PLAN_LINK_CALLOUT = "intentk";

const OWNED_PREFIX = `> [!${PLAN_LINK_CALLOUT}] Execute: [[`;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** Lines that cannot be the text of a setext heading (list items, quotes, tables, indented code). */
const NOT_PARAGRAPH = /^(?: {4}|\t| {0,3}(?:[-*+][ \t]|\d+[.)][ \t]|>|\|))/;

export interface MilestoneLinkTarget {
  /** The milestone heading text as written in the plan, without the `#` marks. */
  heading: string;
  /** 1-based line of that heading, when known: decides between two headings with the same text. */
  line?: number;
  /** The Markdown link the line shows (a wikilink to the phase heading in the execute note). */
  link: string;
}

/** The full text of the plugin-owned line for a link. */
export function planLinkLine(link: string): string {
  return `> [!${PLAN_LINK_CALLOUT}] Execute: ${link}`;
}

/**
 * Whether a line has the exact shape of the plugin-owned link line (what `planLinkLine` writes
 * for a wikilink). Only such a line directly under a heading is owned.
 */
export function isPlanLinkLine(line: string): boolean {
  return line.startsWith(OWNED_PREFIX) && line.endsWith("]]");
}

/**
 * The targets for a generated execution plan: one per milestone phase, pointing at the phase
 * heading in the execute note at `executePath`.
 */
export function milestoneLinkTargets(plan: ExecutionPlan, executePath: string): MilestoneLinkTarget[] {
  return plan.phases.flatMap((p) => {
    const m: Milestone | undefined = p.milestone;
    return m ? [{ heading: m.heading, line: m.line, link: wikilink(executePath, phaseHeadingText(p), `Phase ${p.number}`) }] : [];
  });
}

interface Line {
  text: string;
  /** "\n", "\r\n", "\r" or "" (last line without a line ending). */
  eol: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) {
      lines.push({ text: text.slice(start), eol: "" });
      break;
    }
    const cr = nl > start && text.charCodeAt(nl - 1) === 13;
    lines.push({ text: text.slice(start, cr ? nl - 1 : nl), eol: cr ? "\r\n" : "\n" });
    start = nl + 1;
  }
  return lines;
}

const isBlank = (line: Line | undefined): boolean => line !== undefined && line.text.trim() === "";

/** Which lines are prose (not frontmatter, not inside fenced code). */
function proseMask(lines: Line[]): boolean[] {
  const prose = lines.map(() => true);
  let i = 0;
  const first = lines[0]?.text.replace(/^\uFEFF/, "");
  if (first === "---") {
    const end = lines.findIndex((l, k) => k > 0 && isClosingFence(l.text));
    if (end > 0) {
      for (; i <= end; i++) prose[i] = false;
    }
  }
  const inCode = fenceTracker();
  for (; i < lines.length; i++) if (inCode(lines[i].text)) prose[i] = false;
  return prose;
}

interface HeadingAt {
  /** Index of the line the owned line goes after (the underline of a setext heading). */
  after: number;
  /** 1-based line of the heading text. */
  line: number;
  text: string;
}

function headingsOf(lines: Line[], prose: boolean[]): HeadingAt[] {
  const out: HeadingAt[] = [];
  lines.forEach((l, i) => {
    if (!prose[i]) return;
    const atx = readAtx(l.text);
    if (atx) {
      out.push({ after: i, line: i + 1, text: atx.text });
      return;
    }
    const next = lines[i + 1];
    if (next && prose[i + 1] && l.text.trim() !== "" && !NOT_PARAGRAPH.test(l.text) && SETEXT_UNDERLINE.test(next.text)) {
      out.push({ after: i + 1, line: i + 1, text: l.text.trim() });
    }
  });
  return out;
}

/** Loose comparison for headings whose text changed in spacing or Markdown emphasis only. */
function looseKey(text: string): string {
  return text.replace(/[*_`]/g, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * Writes one plugin-owned link line under each target milestone heading of `text` and removes
 * owned lines whose heading is no longer a target. Idempotent; returns `text` itself (the same
 * string) when nothing changes. Line endings of the file are kept, and new lines use the line
 * ending of the heading they follow.
 */
export function applyPlanLinks(text: string, targets: readonly MilestoneLinkTarget[]): string {
  const lines = splitLines(text);
  const prose = proseMask(lines);
  const headings = headingsOf(lines, prose);
  const docEol = lines.find((l) => l.eol !== "")?.eol ?? "\n";

  // Match each target to a heading: same text at the stated line, else same text, else loosely.
  const used = new Set<HeadingAt>();
  const matched: { heading: HeadingAt; target: MilestoneLinkTarget }[] = [];
  const pick = (target: MilestoneLinkTarget, same: (h: HeadingAt) => boolean): HeadingAt | undefined =>
    headings.find((h) => !used.has(h) && same(h) && h.line === target.line) ?? headings.find((h) => !used.has(h) && same(h));
  for (const target of targets) {
    const want = target.heading.trim();
    const h = pick(target, (x) => x.text === want) ?? pick(target, (x) => looseKey(x.text) === looseKey(want));
    if (!h) continue;
    used.add(h);
    matched.push({ heading: h, target });
  }

  // The owned line of a heading is the line right under it, when it has the owned shape.
  const ownedUnder = (h: HeadingAt): number | undefined => {
    const j = h.after + 1;
    return j < lines.length && prose[j] && isPlanLinkLine(lines[j].text) ? j : undefined;
  };
  const replace = new Map<number, string>();
  const insertAfter = new Map<number, string>();
  for (const { heading, target } of matched) {
    const wanted = planLinkLine(target.link);
    const j = ownedUnder(heading);
    if (j !== undefined) {
      if (lines[j].text !== wanted) replace.set(j, wanted);
    } else insertAfter.set(heading.after, wanted);
  }
  // Owned lines under headings that are no longer milestones of the plan go.
  const orphans = new Set<number>();
  for (const h of headings) {
    const j = used.has(h) ? undefined : ownedUnder(h);
    if (j !== undefined) orphans.add(j);
  }
  if (replace.size === 0 && insertAfter.size === 0 && orphans.size === 0) return text;

  const out: Line[] = [];
  lines.forEach((l, i) => {
    // (A blank line the insertion may have added after an orphan stays: it cannot be told from
    // one the user typed, and a blank line too many loses nothing.)
    if (orphans.has(i)) return;
    const line: Line = { text: replace.get(i) ?? l.text, eol: l.eol };
    out.push(line);
    const wanted = insertAfter.get(i);
    if (wanted === undefined) return;
    const eol = l.eol || docEol;
    const last = line.eol === "";
    line.eol = eol;
    const next = lines[i + 1];
    if (last || next === undefined) {
      out.push({ text: wanted, eol: last ? "" : eol });
    } else {
      out.push({ text: wanted, eol });
      // A callout would swallow a following paragraph line: keep a blank line after it.
      if (!isBlank(next)) out.push({ text: "", eol });
    }
  });
  // A removed last line leaves the file ending as it did before the line was added.
  if (lines.length > 0 && lines[lines.length - 1].eol === "" && orphans.has(lines.length - 1) && out.length > 0) {
    out[out.length - 1].eol = "";
  }
  const result = out.map((l) => l.text + l.eol).join("");
  return result === text ? text : result;
}
