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

  test("a deleted heading line leaves its line to the user: it no longer sits under a heading", () => {
    const once = applyPlanLinks(PLAN, TARGETS);
    const withoutSecond = once.replace("## Milestone 2: Second (Priority: P2)\n", "");
    expect(applyPlanLinks(withoutSecond, [TARGETS[0]])).toBe(withoutSecond);
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

  test("a copy of the line elsewhere is the user's: kept, and not taken for the owned one", () => {
    const once = applyPlanLinks(PLAN, TARGETS);
    const copy = planLinkLine(TARGETS[0].link);
    const doubled = once.replace(copy, `${copy}\n\n${copy}`);
    expect(applyPlanLinks(doubled, TARGETS)).toBe(doubled);
    const moved = [{ ...TARGETS[0], link: link(7) }, TARGETS[1]];
    expect(applyPlanLinks(doubled, moved)).toBe(doubled.replace(copy, planLinkLine(link(7))));
  });

  test("look-alike lines are never touched: other case, other text, quoted, after a blank line, under other headings", () => {
    const lookAlikes = [
      "> [!INTENTK] Execute: [[a|b]]",
      "> [!intentk]",
      ">[!intentk] Execute: [[a|Phase 1]]",
      "  > [!intentk] Execute: [[a|Phase 1]]",
      "> [!intentk] Execute: [[a|Phase 1]] and more",
      "> > [!intentk] Execute: [[a|Phase 1]]",
      "- > [!intentk] Execute: [[a|Phase 1]]",
    ];
    const text = ["## Milestone 1: A", ...lookAlikes, "", planLinkLine("[[a|Phase 1]]"), "## Notes", ...lookAlikes, ""].join("\n");
    const out = applyPlanLinks(text, [target("Milestone 1: A", 1)]);
    expect(out).toBe(text.replace("## Milestone 1: A\n", `## Milestone 1: A\n${planLinkLine(link(1, "Milestone 1: A"))}\n\n`));
    expect(applyPlanLinks(out, [])).toBe(text.replace("## Milestone 1: A\n", "## Milestone 1: A\n\n"));
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

/** A text as lines with their line endings, so that comparisons are byte for byte. */
const tokens = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
const bare = (token: string): string => token.replace(/\r?\n$/, "");

/**
 * Every line of `original` is in `out`, in order, byte for byte (the last one may gain a line
 * ending); the only other lines are the wanted owned lines and blank lines.
 */
function userLinesKept(original: string, out: string, wanted: ReadonlySet<string>, blankAnywhere: boolean): void {
  const orig = tokens(original);
  let p = 0;
  let afterOwned = false;
  for (const tok of tokens(out)) {
    const o = orig[p];
    const lastGainedEol = o !== undefined && p === orig.length - 1 && !/\n$/.test(o) && bare(tok) === o;
    if (o !== undefined && (tok === o || lastGainedEol)) {
      p++;
      afterOwned = false;
      continue;
    }
    const extraOk = wanted.has(bare(tok)) || (bare(tok) === "" && (afterOwned || blankAnywhere));
    if (!extraOk) throw new Error(`line ${JSON.stringify(tok)} is not in the original at that place (expected ${JSON.stringify(o)})`);
    afterOwned = wanted.has(bare(tok));
  }
  expect(orig.slice(p)).toEqual([]);
}

describe("property: the plan-link writer touches only its own lines", () => {
  const word = fc.stringMatching(/^[A-Za-z0-9#|[\]^:%\\ *_!>é🎯-]{1,12}$/u);
  const lookAlike = fc.oneof(
    fc.constantFrom("> [!intentk]", "> [!INTENTK] Execute: [[x|Phase 1]]", "> [!IntentK] Execute: y", ">[!intentk] Execute: [[a]]", "   > [!intentk] Execute: [[a|Phase 2]]"),
    word.map((w) => `> [!intentk] ${w}`),
    word.map((w) => `> [!intentk] Execute: [[elsewhere#${w.replace(/[[\]]/g, "")}|Phase 9]] ${w} (mine)`),
    // The owned shape itself, but not directly under a heading: a paragraph line comes first.
    word.map((w) => `user line ${w}\n> [!intentk] Execute: [[elsewhere#${w.replace(/[[\]|]/g, "")}|Phase 9]]`),
  );
  const milestone = fc.tuple(fc.integer({ min: 1, max: 5 }), word).map(([n, w]) => `## Milestone ${n}: ${w.trim() || "t"}`);
  const setext = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom("---", "===")).map(([n, u]) => `Milestone ${n}: setext\n${u}`);
  const block = fc.oneof(
    { weight: 2, arbitrary: fc.constant("") },
    { weight: 3, arbitrary: lookAlike },
    { weight: 3, arbitrary: milestone },
    { weight: 1, arbitrary: setext },
    { weight: 1, arbitrary: fc.constantFrom("---", "```", "~~~", "- **Objective**: x", "> quote", "# Plan", "## Notes", "\uFEFF", "\t> [!intentk] in code") },
    { weight: 2, arbitrary: word.map((w) => `text ${w}`) },
  );
  const plan = fc.record({
    blocks: fc.array(block, { maxLength: 30 }),
    eols: fc.array(fc.constantFrom("\n", "\r\n"), { minLength: 1, maxLength: 3 }),
    trailing: fc.boolean(),
    frontmatter: fc.boolean(),
    pickA: fc.array(fc.boolean(), { maxLength: 12 }),
    pickB: fc.array(fc.boolean(), { maxLength: 12 }),
  });

  test("every user line survives byte for byte, and re-running is idempotent", () => {
    fc.assert(
      fc.property(plan, ({ blocks, eols, trailing, frontmatter, pickA, pickB }) => {
        const lines = [...(frontmatter ? ["---", "title: > [!intentk] x", "---"] : []), ...blocks.flatMap((b) => b.split("\n"))];
        const text = lines.map((l, i) => l + (i < lines.length - 1 || trailing ? eols[i % eols.length] : "")).join("");
        const headings = lines.flatMap((l, i) => (/^## Milestone/.test(l) ? [l.slice(3).trim()] : /^(?:---|===)$/.test(lines[i + 1] ?? "") && /^Milestone/.test(l) ? [l] : []));
        const targetsOf = (pick: boolean[]): MilestoneLinkTarget[] => headings.flatMap((h, i) => (pick[i] ? [{ heading: h, link: link(i + 1, h) }] : []));
        const [a, b] = [targetsOf(pickA), targetsOf(pickB)];
        const wanted = (ts: MilestoneLinkTarget[]): Set<string> => new Set(ts.map((t) => planLinkLine(t.link)));

        const once = applyPlanLinks(text, a);
        userLinesKept(text, once, wanted(a), false);
        expect(applyPlanLinks(once, a)).toBe(once);
        // The plan changes: other milestones, other phases. Still only owned lines change.
        const again = applyPlanLinks(once, b);
        userLinesKept(text, again, wanted(b), true);
        expect(applyPlanLinks(again, b)).toBe(again);
      }),
      { numRuns: 1500 },
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
