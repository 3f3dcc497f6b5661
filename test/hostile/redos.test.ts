import { outlineMilestones } from "../../src/core/vision/outline";
import { readAtx } from "../../src/core/markdown/atx";
import { matchKey, splitSegments } from "../../src/core/markdown/fields";
import { flattenForParse } from "../../src/core/markdown/flatten";
import { milestonesInNote } from "../../src/core/drift";
import { pathsIn } from "../../src/core/generate/paths";
import { displayText } from "../../src/core/graph/layout-text";
import { escapeMermaidLabel } from "../../src/core/graph/mermaid";
import { dotString } from "../../src/core/graph/dot";
import { findWikilinks, headingKey } from "../../src/core/links";
import { comparable, parseTaskLine, splitMeta } from "../../src/core/merge/tasks";
import { mergeTwoWay } from "../../src/core/merge/merge";
import { splitNote } from "../../src/core/merge/text";
import { applyPlanLinks, isPlanLinkLine } from "../../src/core/plan-links";
import { inlineRelations, isStatement, statementRelations, statusField } from "../../src/core/reader/dependencies";
import { readTaskHead } from "../../src/core/reader/ids";
import { atxText } from "../../src/core/reader/outline";
import { readPhaseHeading } from "../../src/core/reader/phase-heading";
import { dependsField } from "../../src/core/reader/phases";
import { readPlan } from "../../src/core/reader/read";
import { findKeywords, findRefs } from "../../src/core/reader/refs";
import { normalizeText, oneLine, slugify } from "../../src/core/text/normalize";
import { readDependencies } from "../../src/core/vision/dependency-text";
import { readNumberedHeading, readPriority, withoutMvp } from "../../src/core/vision/headings";
import { findPlaceholders } from "../../src/core/vision/placeholders";
import { parseTimeline } from "../../src/core/vision/timeline";
import { frontmatterOf } from "../../src/core/workspace";
import { MAX_LINE_CHARS } from "../../src/core/limits";
import { planTiming } from "../../src/core/schedule/timing";
import { fitWidth } from "../../src/core/text/graphemes";
import { parseCalendarDate } from "../../src/core/text/parse-date";
import { topLevelEntries, treeFiles } from "../../src/core/vision/tree";
import { splitDeliverables } from "../../src/core/generate/split-deliverables";
import { normalPlan, runPlan, timeOf, timeOfAsync } from "./helpers";

/**
 * ReDoS check: every exported core entry point that reads user text, run on one long adversarial
 * line (runs of spaces and of the tokens real notes are made of). Time must grow linearly: 100 KB
 * may take at most RATIO × the time of 10 KB (linear is 10×, quadratic 100×). Times under FLOOR ms
 * count as FLOOR, so timer noise on tiny inputs cannot fail the test.
 */
const RATIO = 40;
const FLOOR = 5;

const TOKENS = [" ", "\t", "- ", "1. ", "> ", "**", "*a ", "_", "~", "Milestone ", "T001 ", "T001-", "(", "（", "[", "](", "`", "| ",
  "\\n", ": ", "#", "-", "1", "— ", "depends on ", "Weeks 1-", "(P1", "🎯 ", "^a ", "<", "📅 ", "[P] "];

const line = (token: string, size: number): string => `${token.repeat(Math.ceil(size / token.length))}x`;

const LINE_READERS: [string, (s: string) => unknown][] = [
  ["parseTaskLine", (s) => parseTaskLine(`- [ ] T001 ${s}`)],
  ["splitMeta", (s) => splitMeta(s)],
  ["comparable", (s) => comparable(s)],
  ["readPhaseHeading", (s) => readPhaseHeading(`Phase 1: ${s}`)],
  ["readNumberedHeading", (s) => readNumberedHeading("Milestone", `Milestone 1: ${s}`, "plan.md", 1)],
  ["readPriority", (s) => readPriority(s)],
  ["withoutMvp", (s) => withoutMvp(s)],
  ["inlineRelations", (s) => inlineRelations(`T001 depends on ${s}`)],
  ["statementRelations", (s) => statementRelations(`T002 ${s} T001`)],
  ["isStatement", (s) => isStatement(s)],
  ["statusField", (s) => statusField(`**Status**: ${s}`)],
  ["dependsField", (s) => dependsField(`**Depends on**: ${s}`)],
  ["parseTimeline", (s) => parseTimeline(`Weeks ${s}`)],
  ["readDependencies", (s) => readDependencies(`Milestone 1 ${s}`)],
  ["milestonesInNote", (s) => milestonesInNote(`## Phase 3: Milestone 1 - ${s}`)],
  ["matchKey", (s) => matchKey(`**Key ${s}**: ${s}`, true)],
  ["splitSegments", (s) => splitSegments(s)],
  ["readAtx", (s) => readAtx(`## ${s}`)],
  ["atxText", (s) => atxText(`## ${s}`)],
  ["findRefs", (s) => findRefs(s)],
  ["findKeywords", (s) => findKeywords(s)],
  ["readTaskHead", (s) => readTaskHead(`T001 ${s}`)],
  ["findPlaceholders", (s) => findPlaceholders(s)],
  ["frontmatterOf", (s) => frontmatterOf(`---\nkey: ${s}\n---\nbody`)],
  ["splitNote", (s) => splitNote(`---\nkey: ${s}\n---\n${s}`)],
  ["normalizeText", (s) => normalizeText(s)],
  ["oneLine", (s) => oneLine(s)],
  ["slugify", (s) => slugify(s)],
  ["pathsIn", (s) => pathsIn(s)],
  ["displayText", (s) => displayText(s)],
  ["escapeMermaidLabel", (s) => escapeMermaidLabel(s)],
  ["dotString", (s) => dotString(s)],
  ["headingKey", (s) => headingKey(s)],
  ["findWikilinks", (s) => findWikilinks(`[[${s}]] [[a#${s}|${s}]]`)],
  ["isPlanLinkLine", (s) => isPlanLinkLine(`> [!intentk] ${s}`)],
  ["planTiming", (s) => planTiming([], { file: "plan.md", text: `- **Start Date**: 2026-01-05 ${s}\n**Overall Timeline**: ${s}` })],
  ["fitWidth", (s) => fitWidth(`Phase 4:${s}Milestone${s}2`, 60)],
  ["topLevelEntries", (s) => topLevelEntries(`src/${s}# comment\n${s}`)],
  ["treeFiles", (s) => treeFiles(`src/${s}# comment\n  ${s}`)],
  ["parseCalendarDate", (s) => parseCalendarDate(s)],
  ["splitDeliverables", (s) => splitDeliverables(`a in \`x.py\`, ${s} and b in \`y.py\``)],
  ["flattenForParse", (s) => flattenForParse(s)],
];

describe("ReDoS: line readers run in linear time on long adversarial lines", () => {
  test.each(LINE_READERS)("%s", (_name, read) => {
    const slow: string[] = [];
    for (const token of TOKENS) {
      const small = Math.max(FLOOR, timeOf(() => read(line(token, 10_000))));
      const big = Math.max(FLOOR, timeOf(() => read(line(token, 100_000)), 2));
      if (big > RATIO * small) slow.push(`${JSON.stringify(token)}: 10 KB ${small.toFixed(1)} ms, 100 KB ${big.toFixed(1)} ms`);
    }
    expect(slow).toEqual([]);
  });
});

/** Documents with the adversarial line placed where each reader looks: headings, fields, task lines, paragraphs. */
const DOC_TOKENS = [" ", "- ", "1. ", "> - ", "**", "*a ", "T001 ", "(", "[", "](", "`", "\\n"];
/** The whole generation is slower: the tokens that used to hang it. */
const GENERATE_TOKENS = [" ", "- ", "*a ", "(", "[", "\\n", "#", ": ", "— "];

const planWith = (s: string): string =>
  `${normalPlan()}\n\n## Milestone 9: ${s} (Priority: P2)\n\n- **Objective**: ${s}\n- **Dependencies**: Milestone 1 ${s}\n- **Timeline**: ${s}\n\n${s}\n`;
const noteWith = (s: string): string =>
  `# Execution Plan\n\n## Phase 1: Setup ${s}\n\n- [ ] T001 ${s}\n- [ ] T002 depends on ${s} T001\n\n${s}\n\n## Dependencies\n\n- T002 ${s} T001\n`;

const DOC_READERS: [string, (s: string) => unknown][] = [
  ["outlineMilestones (the index)", (s) => outlineMilestones("plan.md", planWith(s), [])],
  ["readPlan (scanner, remark fallback)", (s) => readPlan("execute.md", noteWith(s))],
  ["readPlan (remark)", (s) => readPlan("execute.md", noteWith(s), { parser: "remark" })],
  ["mergeTwoWay", (s) => mergeTwoWay(noteWith(s), noteWith("x"), { own: true })],
  ["applyPlanLinks", (s) => applyPlanLinks(planWith(s), [{ heading: "Milestone 1: Part 1 (Priority: P2)", line: 5, link: "[[execute#Phase 3|Phase 3]]" }])],
];

describe("ReDoS: document readers run in linear time with a long adversarial line", () => {
  test.each(DOC_READERS)("%s", (_name, read) => {
    const slow: string[] = [];
    for (const token of DOC_TOKENS) {
      const small = Math.max(FLOOR, timeOf(() => read(line(token, 10_000)), 2));
      const big = Math.max(FLOOR, timeOf(() => read(line(token, 100_000)), 1));
      if (big > RATIO * small) slow.push(`${JSON.stringify(token)}: 10 KB ${small.toFixed(1)} ms, 100 KB ${big.toFixed(1)} ms`);
    }
    expect(slow).toEqual([]);
  });

  // 1 KB against 10 KB: remark only sees the first MAX_LINE_CHARS of a line, which would hide a
  // quadratic step behind the cap if the sizes were larger.
  test("generate (parse, plan, render) on a plan with a long adversarial line", async () => {
    const slow: string[] = [];
    for (const token of GENERATE_TOKENS) {
      const small = Math.max(FLOOR, await timeOfAsync(() => runPlan(planWith(line(token, MAX_LINE_CHARS / 10)))));
      const big = Math.max(FLOOR, await timeOfAsync(() => runPlan(planWith(line(token, MAX_LINE_CHARS))), 1));
      if (big > RATIO * small) slow.push(`${JSON.stringify(token)}: 1 KB ${small.toFixed(1)} ms, 10 KB ${big.toFixed(1)} ms`);
    }
    expect(slow).toEqual([]);
  });
});
