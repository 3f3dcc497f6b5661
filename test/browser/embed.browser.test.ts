import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import type { PlanGraph } from "../../src/core/graph/model";
import { buildGraph } from "../../src/core/graph/build";
import { readPlan } from "../../src/core/reader/read";
import { exampleExecuteNote } from "./example-graph";
import { pageHtml } from "./page";
import type { PageApi } from "./page-entry";

/**
 * The `intentk` code block rendered in Chromium, in a note-wide container with the plugin's
 * styles: the progress table with its bars, updating when a task is ticked, and the phase graph
 * as wide as the note. Screenshots go to test-output/ (and docs/ with UPDATE_SCREENSHOTS=1).
 */

jest.setTimeout(30_000);

const CHROMIUM = "/usr/bin/chromium";
const OUT = join(__dirname, "../../test-output");
const DOCS = join(__dirname, "../../docs");
const available = existsSync(CHROMIUM);

/** The page's global (graph.browser.test.ts declares `window.IK` with the view's half of it). */
type BlockPage = Window & { IK: { api: PageApi; mountBlock(graph: PlanGraph, name: string, source: string, parent: HTMLElement): void } };

(available ? describe : describe.skip)("the intentk code block in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let note: { file: string; text: string; name: string };
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    note = await exampleExecuteNote();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
    page = await browser.newPage({ viewport: { width: 800, height: 900 }, deviceScaleFactor: 1 });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.setContent(pageHtml("theme-light"));
    await page.evaluate(() => {
      document.getElementById("leaf")!.remove();
      for (const id of ["progress", "phases"]) {
        const el = document.body.createDiv({ attr: { id } });
        el.setCssStyles({ width: "700px", padding: "16px", background: "var(--background-primary)" });
      }
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test("progress: one row per phase with a bar, updated when a task is ticked", async () => {
    const graph = buildGraph(readPlan(note.file, note.text));
    await page.evaluate(([g, name]) => (window as unknown as BlockPage).IK.mountBlock(g, name, "show: progress", document.getElementById("progress")!), [graph, note.name] as const);
    const rows = () => page.$$eval("#progress tr", (trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")));
    expect(await rows()).toHaveLength(graph.phases.length);
    // The bars are drawn: a done phase's bar is as wide as its cell allows, and visible.
    const bar = await page.locator("#progress progress").first().boundingBox();
    expect(bar!.width).toBeGreaterThan(100);
    expect(bar!.height).toBeGreaterThan(4);
    const before = (await rows()).find((r) => r[0].startsWith("Milestone 1 "))!;
    const shot = (dir: string) => page.locator("#progress").screenshot({ path: join(dir, "embed-progress-light.png") });
    await shot(OUT);
    if (process.env.UPDATE_SCREENSHOTS) await shot(DOCS);

    const ticked = note.text.replace(/^- \[ \] (T\d+)(.*\[M1\])/m, "- [x] $1$2");
    expect(ticked).not.toBe(note.text);
    const next = buildGraph(readPlan(note.file, ticked));
    await page.evaluate((g) => (window as unknown as BlockPage).IK.api.changeBlocks(g), next);
    const after = (await rows()).find((r) => r[0].startsWith("Milestone 1 "))!;
    const count = (cell: string) => Number(cell.split("/")[0]);
    expect(count(after[2])).toBe(count(before[2]) + 1);
    expect(errors).toEqual([]);
  });

  test("phases: the graph is as wide as the note, and a phase opens the execute note at its line", async () => {
    const graph = buildGraph(readPlan(note.file, note.text));
    await page.evaluate(([g, name]) => (window as unknown as BlockPage).IK.mountBlock(g, name, "show: phases", document.getElementById("phases")!), [graph, note.name] as const);
    const width = await page.locator("#phases svg").evaluate((svg) => svg.getBoundingClientRect().width);
    expect(Math.round(width)).toBe(700);
    const phase = graph.phases[2];
    await page.click(`#phases [data-node="p:${phase.id}"]`);
    expect((await page.evaluate(() => (window as unknown as BlockPage).IK.api.opened.slice())).at(-1)).toMatchObject({ file: note.file, line: phase.line });
    await page.locator("#phases").screenshot({ path: join(OUT, "embed-phases-light.png") });
    expect(errors).toEqual([]);
  });
});
