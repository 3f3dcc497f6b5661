import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildExecutionPlan } from "../../src/core/generate/plan-model";
import { wikilink } from "../../src/core/links";
import { parseMarkdown } from "../../src/core/markdown/parse";
import { type MilestoneLinkTarget, applyPlanLinks, isPlanLinkLine, milestoneLinkTargets, planLinkLine } from "../../src/core/plan-links";
import { buildVision, loadVision } from "../../src/core/vision/load";
import { EXAMPLES, loadOne } from "../helpers";

const link = (n: number, title = `Milestone ${n}`): string => wikilink("visions/001-x/execute", `Phase ${n + 2}: ${title}`, `Phase ${n + 2}`);
const target = (heading: string, n: number, line?: number): MilestoneLinkTarget => ({ heading, line, link: link(n, heading) });
const owned = (text: string): string[] => text.split(/\r?\n/).filter(isPlanLinkLine);

const PLAN = [
  "# Implementation Plan: X",
  "",
  "## Milestone 1: First (Priority: P1)",
  "",
  "- **Objective**: one",
  "",
  "---",
  "",
  "## Milestone 2: Second (Priority: P2)",
  "",
  "- **Objective**: two",
  "",
].join("\n");

const TARGETS = [target("Milestone 1: First (Priority: P1)", 1, 3), target("Milestone 2: Second (Priority: P2)", 2, 9)];

describe("applyPlanLinks", () => {
  test("writes one line right under each milestone heading and nothing else", () => {
    const out = applyPlanLinks(PLAN, TARGETS);
    const lines = out.split("\n");
    expect(lines[2]).toBe("## Milestone 1: First (Priority: P1)");
    expect(lines[3]).toBe(planLinkLine(TARGETS[0].link));
    expect(lines[4]).toBe("");
    expect(lines[10]).toBe(planLinkLine(TARGETS[1].link));
    expect(lines.filter((l) => !isPlanLinkLine(l)).join("\n")).toBe(PLAN);
    expect(owned(out)).toHaveLength(2);
  });

  test("the line is a one-line intentk callout holding the wikilink", () => {
    expect(planLinkLine("[[a/execute#Phase 3|Phase 3]]")).toBe("> [!intentk] Execute: [[a/execute#Phase 3|Phase 3]]");
  });

  test("is idempotent and returns the very same string when nothing changes", () => {
    const once = applyPlanLinks(PLAN, TARGETS);
    const twice = applyPlanLinks(once, TARGETS);
    expect(twice).toBe(once);
    const untouched = "# Plan\n\nno milestones here\n";
    expect(applyPlanLinks(untouched, [])).toBe(untouched);
  });

  test("updates the line in place when the phase changes, leaving the rest byte for byte", () => {
    const once = applyPlanLinks(PLAN, TARGETS);
    const moved = [{ ...TARGETS[0], link: link(7) }, TARGETS[1]];
    const out = applyPlanLinks(once, moved);
    expect(out.split("\n")[3]).toBe(planLinkLine(link(7)));
    expect(out.replace(planLinkLine(link(7)), planLinkLine(TARGETS[0].link))).toBe(once);
  });

  test("keeps CRLF line endings and writes new lines with CRLF", () => {
    const crlf = PLAN.replace(/\n/g, "\r\n");
    const out = applyPlanLinks(crlf, TARGETS);
    expect(out.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(out.split("\r\n").filter((l) => !isPlanLinkLine(l)).join("\r\n")).toBe(crlf);
    expect(applyPlanLinks(out, TARGETS)).toBe(out);
  });

  test("keeps mixed line endings as they are", () => {
    const mixed = "# P\r\n\r\n## Milestone 1: A\n\ntext\r\n";
    const out = applyPlanLinks(mixed, [target("Milestone 1: A", 1)]);
    expect(out).toBe(`# P\r\n\r\n## Milestone 1: A\n${planLinkLine(link(1, "Milestone 1: A"))}\n\ntext\r\n`);
  });

  test("a heading on the last line without a newline", () => {
    const text = "# P\n\n## Milestone 1: A";
    const out = applyPlanLinks(text, [target("Milestone 1: A", 1)]);
    expect(out).toBe(`# P\n\n## Milestone 1: A\n${planLinkLine(link(1, "Milestone 1: A"))}`);
    expect(applyPlanLinks(out, [target("Milestone 1: A", 1)])).toBe(out);
    // The milestone goes away: the file ends as it did.
    expect(applyPlanLinks(out, [])).toBe(text);
  });

  test("no trailing newline after the milestone's content", () => {
    const text = "## Milestone 1: A\n\n- **Objective**: x";
    const out = applyPlanLinks(text, [target("Milestone 1: A", 1)]);
    expect(out.endsWith("- **Objective**: x")).toBe(true);
    expect(applyPlanLinks(out, [])).toBe(text);
  });

  test("a heading directly followed by text gets a blank line so the callout does not swallow it", () => {
    const text = "## Milestone 1: A\nSome words right under.\n";
    const out = applyPlanLinks(text, [target("Milestone 1: A", 1)]);
    expect(out).toBe(`## Milestone 1: A\n${planLinkLine(link(1, "Milestone 1: A"))}\n\nSome words right under.\n`);
    expect(applyPlanLinks(out, [target("Milestone 1: A", 1)])).toBe(out);
  });

  test("headings with characters that break wikilinks", () => {
    const heading = "Milestone 3: Tours #2 | Kids [beta] ^x: a\\b %% c (Priority: P1) 🎯 MVP";
    const text = `# P\n\n## ${heading}\n\nbody\n`;
    const t = { heading, line: 3, link: wikilink("visions/001-x/execute", `Phase 5: ${heading}`, "Phase 5") };
    const out = applyPlanLinks(text, [t]);
    expect(out.split("\n")[3]).toBe(planLinkLine(t.link));
    expect(t.link).toMatch(/^\[\[visions\/001-x\/execute#[^|#[\]^]*\|Phase 5\]\]$/);
    expect(applyPlanLinks(out, [t])).toBe(out);
  });

  test("closing hashes and emphasis in the heading still match", () => {
    const text = "## **Milestone 1**: A ##\n\nx\n";
    const out = applyPlanLinks(text, [target("Milestone 1: A", 1)]);
    expect(owned(out)).toHaveLength(1);
    expect(out.split("\n")[1]).toBe(planLinkLine(link(1, "Milestone 1: A")));
  });

  test("a removed milestone heading takes its line with it", () => {
    const once = applyPlanLinks(PLAN, TARGETS);
    const withoutSecond = once.replace("## Milestone 2: Second (Priority: P2)\n", "");
    const out = applyPlanLinks(withoutSecond, [TARGETS[0]]);
    expect(owned(out)).toEqual([planLinkLine(TARGETS[0].link)]);
    expect(out).toBe(withoutSecond.replace(`${planLinkLine(TARGETS[1].link)}\n\n`, ""));
  });

  test("a renamed milestone heading keeps exactly one, updated, line", () => {
    const once = applyPlanLinks(PLAN, TARGETS);
    const renamed = once.replace("Milestone 2: Second (Priority: P2)", "Milestone 2: Second, renamed (Priority: P1)");
    const t2 = target("Milestone 2: Second, renamed (Priority: P1)", 2, 11);
    const out = applyPlanLinks(renamed, [TARGETS[0], t2]);
    expect(owned(out)).toEqual([planLinkLine(TARGETS[0].link), planLinkLine(t2.link)]);
    expect(out.split("\n")[10]).toBe(planLinkLine(t2.link));
    expect(out).toBe(renamed.replace(planLinkLine(TARGETS[1].link), planLinkLine(t2.link)));
  });

  test("a heading that stops being a milestone loses its line", () => {
    const once = applyPlanLinks(PLAN, TARGETS);
    const out = applyPlanLinks(once.replace("## Milestone 2: Second (Priority: P2)", "## Notes"), [TARGETS[0]]);
    expect(owned(out)).toHaveLength(1);
    expect(out).toContain("## Notes\n\n- **Objective**: two");
  });

  test("duplicated lines (copied by hand) are reduced to one", () => {
    const once = applyPlanLinks(PLAN, TARGETS);
    const doubled = once.replace(planLinkLine(TARGETS[0].link), `${planLinkLine(TARGETS[0].link)}\n\n${planLinkLine(TARGETS[0].link)}`);
    const out = applyPlanLinks(doubled, TARGETS);
    expect(owned(out)).toHaveLength(2);
    expect(out).toBe(once);
  });

  test("user text next to the line is kept: a quote continuation, a user callout, a paragraph", () => {
    const text = [
      "## Milestone 1: A",
      "> [!note] My own callout",
      "> with two lines",
      "",
      "Paragraph.",
      "",
    ].join("\n");
    const out = applyPlanLinks(text, [target("Milestone 1: A", 1)]);
    expect(out).toBe(["## Milestone 1: A", planLinkLine(link(1, "Milestone 1: A")), "", ...text.split("\n").slice(1)].join("\n"));
    // The user writes right after the plugin's line: it is kept when the line is updated.
    const edited = out.replace(`${planLinkLine(link(1, "Milestone 1: A"))}\n`, `${planLinkLine(link(1, "Milestone 1: A"))}\nMy remark.\n`);
    const updated = applyPlanLinks(edited, [{ ...target("Milestone 1: A", 1), link: link(4) }]);
    expect(updated).toBe(edited.replace(planLinkLine(link(1, "Milestone 1: A")), planLinkLine(link(4))));
  });

  test("two headings with the same text are told apart by line", () => {
    const text = "## Milestone 1: A\n\nx\n\n## Milestone 1: A\n\ny\n";
    const out = applyPlanLinks(text, [target("Milestone 1: A", 1, 5)]);
    const lines = out.split("\n");
    expect(lines[1]).toBe("");
    expect(lines[5]).toBe(planLinkLine(link(1, "Milestone 1: A")));
  });

  test("ignores headings and look-alike lines in fenced code and frontmatter", () => {
    const text = [
      "---",
      "title: '## Milestone 1: A'",
      "---",
      "```md",
      "## Milestone 1: A",
      "> [!intentk] Execute: [[inside code]]",
      "```",
      "## Milestone 1: A",
      "",
    ].join("\n");
    const out = applyPlanLinks(text, [target("Milestone 1: A", 1)]);
    const lines = out.split("\n");
    expect(lines.slice(0, 8)).toEqual(text.split("\n").slice(0, 8));
    expect(lines[8]).toBe(planLinkLine(link(1, "Milestone 1: A")));
    expect(out.split("\n").filter((l) => l.includes("[[inside code]]"))).toHaveLength(1);
  });

  test("setext headings get the line after their underline", () => {
    const text = "Milestone 1: A\n--------------\n\nbody\n";
    const out = applyPlanLinks(text, [target("Milestone 1: A", 1, 1)]);
    expect(out).toBe(`Milestone 1: A\n--------------\n${planLinkLine(link(1, "Milestone 1: A"))}\n\nbody\n`);
  });

  test("a byte-order mark and frontmatter are kept", () => {
    const text = "\uFEFF---\nexecute: \"[[x]]\"\n---\n## Milestone 1: A\n\nx\n";
    const out = applyPlanLinks(text, [target("Milestone 1: A", 1)]);
    expect(out.startsWith("\uFEFF---\nexecute: \"[[x]]\"\n---\n## Milestone 1: A\n> [!intentk]")).toBe(true);
  });

  test("targets whose heading is not in the text are skipped", () => {
    expect(applyPlanLinks(PLAN, [target("Milestone 9: Gone", 9)])).toBe(PLAN);
  });

  test("property: idempotent, one line per matched milestone, and removable without a trace", () => {
    const word = fc.stringMatching(/^[A-Za-z0-9#|[\]^:%\\ ]{1,12}$/);
    const block = fc.oneof(
      fc.constant(""),
      fc.constant("---"),
      fc.constant("- **Objective**: x"),
      fc.constant("> quote"),
      fc.constant("```"),
      word.map((w) => `text ${w}`),
      fc.tuple(fc.integer({ min: 1, max: 4 }), word).map(([n, w]) => `## Milestone ${n}: ${w.trim() || "t"}`),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 25 }), fc.constantFrom("\n", "\r\n"), fc.boolean(), (blocks, eol, trailing) => {
        // Every heading is followed by a blank line, as in the templates: then removal is exact.
        const lines = blocks.flatMap((b) => (b.startsWith("## ") ? [b, ""] : [b]));
        const text = lines.join(eol) + (trailing ? eol : "");
        const headings = lines.filter((l) => l.startsWith("## Milestone")).map((l) => l.slice(3).trim());
        const targets = headings.map((h, i) => ({ heading: h, link: link(i + 1, h) }));
        const once = applyPlanLinks(text, targets);
        expect(applyPlanLinks(once, targets)).toBe(once);
        const inCode = (t: string): number => t.split(/\r?\n/).filter(isPlanLinkLine).length;
        expect(inCode(once)).toBeLessThanOrEqual(targets.length);
        expect(applyPlanLinks(once, [])).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("milestoneLinkTargets on the example vision", () => {
  test("one target per milestone, pointing at its phase heading, and the plan still parses the same", async () => {
    const { vision } = await loadOne(EXAMPLES, "001-team-reading-list");
    const plan = buildExecutionPlan(vision);
    const targets = milestoneLinkTargets(plan, "visions/001-team-reading-list/execute.md");
    expect(targets.map((t) => t.heading)).toEqual(plan.phases.flatMap((p) => (p.milestone ? [p.milestone.heading] : [])));
    expect(targets[0].link).toBe("[[visions/001-team-reading-list/execute#Phase 3: Milestone 1 - Shared List Core (Priority: P1) 🎯 MVP|Phase 3]]");

    const planPath = join(EXAMPLES, "visions/001-team-reading-list/plan.md");
    const original = readFileSync(planPath, "utf8");
    const linked = applyPlanLinks(original, targets);
    expect(owned(linked)).toHaveLength(4);
    const reparsed = buildVision(vision.ref, { ...docsOf(vision.ref.docs), plan: parseMarkdown(vision.ref.docs.plan!, linked) }, {}, []);
    expect(reparsed.plan!.milestones.map((m) => [m.number, m.heading, m.dependsOn, m.deliverables.length, m.acceptance.length])).toEqual(
      vision.plan!.milestones.map((m) => [m.number, m.heading, m.dependsOn, m.deliverables.length, m.acceptance.length]),
    );
  });

  test("loadVision reports nothing new for a plan with link lines", async () => {
    const { vision, diagnostics } = await loadOne(EXAMPLES, "001-team-reading-list");
    const targets = milestoneLinkTargets(buildExecutionPlan(vision), "visions/001-team-reading-list/execute.md");
    const texts = new Map<string, string>();
    for (const p of Object.values(vision.ref.docs)) texts.set(p, readFileSync(join(EXAMPLES, p), "utf8"));
    texts.set(vision.ref.docs.plan!, applyPlanLinks(texts.get(vision.ref.docs.plan!)!, targets));
    const again = await loadVision(vision.ref, async (p) => texts.get(p)!);
    expect(again.diagnostics.map((d) => d.code)).toEqual(diagnostics.map((d) => d.code));
  });
});

function docsOf(docs: Record<string, string | undefined>): Record<string, ReturnType<typeof parseMarkdown>> {
  const out: Record<string, ReturnType<typeof parseMarkdown>> = {};
  for (const role of ["vision", "goal", "strategy"] as const) {
    const p = docs[role];
    if (p) out[role] = parseMarkdown(p, readFileSync(join(EXAMPLES, p), "utf8"));
  }
  return out;
}
