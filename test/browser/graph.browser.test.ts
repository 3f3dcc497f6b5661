import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import type { PlanGraph } from "../../src/core/graph/model";
import { toMermaid } from "../../src/core/graph/mermaid";
import { largeGraph } from "../graph-view/fixtures";
import { exampleGraph, type ExampleGraph } from "./example-graph";
import { pageHtml } from "./page";
import type { PageApi } from "./page-entry";

/**
 * The phase graph view in a real browser (Debian's Chromium, driven by playwright-core): the
 * example vision's graph in a page that hosts the view with Obsidian-like light and dark themes.
 * Screenshots go to test-output/. Skipped, with a message, where /usr/bin/chromium is missing
 * (`apt-get install -y chromium`); CI installs it.
 */

jest.setTimeout(30_000);

const CHROMIUM = "/usr/bin/chromium";
const OUT = join(__dirname, "../../test-output");
const available = existsSync(CHROMIUM);
if (!available) console.warn(`graph.browser.test.ts skipped: ${CHROMIUM} not found (install it with: apt-get install -y chromium)`);

declare global {
  interface Window {
    IK: { api: PageApi; mount(graph: PlanGraph, name: string, parent: HTMLElement): Promise<void> };
  }
}

interface Overlap {
  a: string;
  b: string;
}

interface Misfit {
  node: string;
  text: string;
  why: string;
}

/** Node boxes (screen rectangles) that overlap each other. */
async function overlaps(page: Page): Promise<Overlap[]> {
  return page.evaluate(() => {
    const boxes = Array.from(document.querySelectorAll(".ik-graph-node")).map((g) => ({
      key: g.getAttribute("data-node") ?? "",
      r: (g.querySelector(".ik-graph-node-box") as SVGRectElement).getBoundingClientRect(),
    }));
    // Sweep by left edge: only boxes that start before this one ends can overlap it.
    boxes.sort((p, q) => p.r.left - q.r.left);
    const out: { a: string; b: string }[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length && boxes[j].r.left < boxes[i].r.right - 0.5; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        if (a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push({ a: boxes[i].key, b: boxes[j].key });
      }
    return out;
  });
}

/** Text that does not fit inside its node: rendered extent against the node box, and title line lengths. */
async function misfits(page: Page): Promise<Misfit[]> {
  return page.evaluate(() => {
    const out: { node: string; text: string; why: string }[] = [];
    for (const g of Array.from(document.querySelectorAll(".ik-graph-node"))) {
      const key = g.getAttribute("data-node") ?? "";
      const box = g.querySelector(".ik-graph-node-box") as SVGRectElement;
      const outer = box.getBoundingClientRect();
      const width = box.width.baseVal.value;
      const padX = g.classList.contains("is-phase") ? 12 : 10;
      for (const text of Array.from(g.querySelectorAll("text"))) {
        const r = text.getBoundingClientRect();
        const label = text.textContent ?? "";
        if (r.left < outer.left - 0.5 || r.right > outer.right + 0.5 || r.top < outer.top - 0.5 || r.bottom > outer.bottom + 0.5) {
          out.push({ node: key, text: label, why: `text box ${r.left.toFixed(1)}–${r.right.toFixed(1)} × ${r.top.toFixed(1)}–${r.bottom.toFixed(1)} outside node ${outer.left.toFixed(1)}–${outer.right.toFixed(1)} × ${outer.top.toFixed(1)}–${outer.bottom.toFixed(1)}` });
        }
        if (text.classList.contains("ik-graph-node-title")) {
          const length = text.getComputedTextLength();
          if (length > width - 2 * padX + 0.5) out.push({ node: key, text: label, why: `title line ${length.toFixed(1)}px wide, room ${width - 2 * padX}px` });
        }
      }
    }
    return out;
  });
}

const opened = (page: Page) => page.evaluate(() => window.IK.api.opened.slice());

(available ? describe : describe.skip)("phase graph in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let example: ExampleGraph;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    example = await exampleGraph();
    console.debug(`example graph: ${example.graph.phases.length} phases, ${example.graph.tasks.length} tasks, critical path ${example.graph.criticalPath.join(" → ")}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = await browser.newPage({ viewport: { width: 1304, height: 784 }, deviceScaleFactor: 1 });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.setContent(pageHtml("theme-light"));
    await page.evaluate(([graph, name]) => window.IK.mount(graph, name, document.getElementById("leaf") as HTMLElement), [example.graph, example.name] as const);
    await page.waitForSelector(".ik-graph-node");
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test("renders every phase of the example vision, without overlaps, every label inside its node", async () => {
    const count = await page.locator(".ik-graph-node.is-phase").count();
    expect(count).toBe(example.graph.phases.length);
    expect(await overlaps(page)).toEqual([]);
    expect(await misfits(page)).toEqual([]);
    // All three states and the critical path are on screen.
    for (const cls of ["is-done", "is-ready", "is-blocked", "is-critical"]) expect(await page.locator(`.ik-graph-node.${cls}`).count()).toBeGreaterThan(0);
    expect(await page.locator(".ik-graph-edge.is-critical").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, "graph-light.png") });
    await page.evaluate(() => document.body.classList.replace("theme-light", "theme-dark"));
    await page.screenshot({ path: join(OUT, "graph-dark.png") });
    await page.evaluate(() => document.body.classList.replace("theme-dark", "theme-light"));
    expect(errors).toEqual([]);
  });

  test("clicking a phase opens the execute note at its heading; Ctrl-click in a new tab", async () => {
    const phase = example.graph.phases.find((p) => p.kind === "milestone") ?? example.graph.phases[0];
    await page.click(`[data-node="p:${phase.id}"]`);
    expect((await opened(page)).at(-1)).toEqual({ file: example.graph.file, line: phase.line, heading: phase.heading, newTab: false });
    await page.click(`[data-node="p:${phase.id}"]`, { modifiers: ["Control"] });
    expect((await opened(page)).at(-1)).toEqual({ file: example.graph.file, line: phase.line, heading: phase.heading, newTab: true });
    await page.hover(`[data-node="p:${example.graph.phases[0].id}"]`);
    expect(await page.evaluate(() => window.IK.api.hovers)).toBeGreaterThan(0);
  });

  test("Tab reaches the first node, Enter opens it, arrows move along the graph", async () => {
    const first = example.graph.order[0];
    const firstPhase = example.graph.phases.find((p) => p.id === first)!;
    await page.focus(".ik-graph-plan-select");
    let focused: string | null = null;
    for (let i = 0; i < 25 && !focused; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.getAttribute("data-node") ?? null);
    }
    expect(focused).toBe(`p:${first}`);
    const before = (await opened(page)).length;
    await page.keyboard.press("Enter");
    const calls = await opened(page);
    expect(calls).toHaveLength(before + 1);
    expect(calls.at(-1)).toEqual({ file: example.graph.file, line: firstPhase.line, heading: firstPhase.heading, newTab: false });
    await page.keyboard.press("ArrowRight");
    const second = example.graph.order[1];
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-node"))).toBe(`p:${second}`);
    await page.keyboard.press(" ");
    expect((await opened(page)).at(-1)?.line).toBe(example.graph.phases.find((p) => p.id === second)!.line);
  });

  test("task mode: every task in lanes, no overlaps, labels fit; a task click opens its line", async () => {
    await page.click('[data-mode="tasks"]');
    expect(await page.locator(".ik-graph-node.is-task").count()).toBe(example.graph.tasks.length);
    expect(await overlaps(page)).toEqual([]);
    expect(await misfits(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, "graph-tasks-light.png") });
    await page.evaluate(() => document.body.classList.replace("theme-light", "theme-dark"));
    await page.screenshot({ path: join(OUT, "graph-tasks-dark.png") });
    await page.evaluate(() => document.body.classList.replace("theme-dark", "theme-light"));
    const task = example.graph.tasks.find((t) => t.status === "ready") ?? example.graph.tasks[0];
    // The fitted task view may be small: zoom to 1 around the task before clicking it.
    await page.evaluate(() => window.IK.api.view?.setViewport({ k: 1, x: 0, y: 0 }));
    await page.focus(`[data-node="t:${task.id}"]`);
    await page.click(`[data-node="t:${task.id}"]`);
    expect((await opened(page)).at(-1)).toEqual({ file: example.graph.file, line: task.line, heading: undefined, newTab: false });
    await page.click('[data-mode="phases"]');
  });

  test("a live update redraws with the new state and keeps zoom, pan and focus", async () => {
    await page.evaluate(() => window.IK.api.view?.setViewport({ k: 0.8, x: 10, y: 20 }));
    const target = example.graph.phases[1];
    await page.focus(`[data-node="p:${target.id}"]`);
    const viewport = await page.evaluate(() => window.IK.api.view?.getViewport());
    const next = structuredClone(example.graph);
    for (const p of next.phases) if (p.id === target.id) Object.assign(p, { done: p.total, status: "done" });
    await page.evaluate((g) => window.IK.api.change(g), next);
    await page.waitForSelector(`[data-node="p:${target.id}"].is-done`, { timeout: 2000 });
    expect(await page.evaluate(() => window.IK.api.view?.getViewport())).toEqual(viewport);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-node"))).toBe(`p:${target.id}`);
    expect(errors).toEqual([]);
  });

  test("the Mermaid export renders with Mermaid itself: phases and tasks, every node drawn", async () => {
    const mermaidPage = await browser.newPage();
    mermaidPage.on("pageerror", (e) => errors.push(e.message));
    await mermaidPage.setContent("<!doctype html><html><body></body></html>");
    await mermaidPage.addScriptTag({ path: require.resolve("mermaid/dist/mermaid.min.js") });
    for (const tasks of [false, true]) {
      const text = toMermaid(example.graph, { tasks });
      const svg = await mermaidPage.evaluate(async (source) => {
        const m = (window as unknown as { mermaid: { initialize(o: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        m.initialize({ startOnLoad: false, securityLevel: "strict" });
        return (await m.render(`g${Math.random().toString(36).slice(2)}`, source)).svg;
      }, text);
      // Phases are nodes of the phase graph, and boxes (subgraphs) around their tasks in the task graph.
      expect((svg.match(/class="node /g) ?? []).length).toBe(tasks ? example.graph.tasks.length : example.graph.phases.length);
      if (tasks) expect((svg.match(/<g class="cluster[ "]/g) ?? []).length).toBe(example.graph.phases.length);
      expect(svg).toContain("Milestone 1");
    }
    await mermaidPage.close();
    expect(errors).toEqual([]);
  });

  test("1,000 tasks: the task view draws without freezing and without overlaps", async () => {
    const big = await browser.newPage({ viewport: { width: 1304, height: 784 } });
    big.on("pageerror", (e) => errors.push(e.message));
    await big.setContent(pageHtml("theme-light"));
    const graph = largeGraph(1000, 12);
    const ms = await big.evaluate(async (g) => {
      const t0 = performance.now();
      await window.IK.mount(g, "Large plan", document.getElementById("leaf") as HTMLElement);
      (document.querySelector('[data-mode="tasks"]') as HTMLButtonElement).click();
      // Let layout and paint happen before stopping the clock.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return performance.now() - t0;
    }, graph);
    console.debug(`1,000-task view: mounted, switched to tasks and painted in ${ms.toFixed(0)} ms`);
    expect(await big.locator(".ik-graph-node.is-task").count()).toBe(1000);
    expect(await overlaps(big)).toEqual([]);
    await big.screenshot({ path: join(OUT, "graph-1000-tasks.png") });
    await big.close();
    expect(errors).toEqual([]);
  }, 60_000);
});
