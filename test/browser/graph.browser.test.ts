import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import type { PlanGraph } from "../../src/core/graph/model";
import { graphToGantt } from "../../src/core/graph/export";
import { toMermaid } from "../../src/core/graph/mermaid";
import { largeGraph } from "../graph-view/fixtures";
import { exampleGraph, type ExampleGraph } from "./example-graph";
import { pageHtml } from "./page";
import type { PageApi } from "./page-entry";
import { EXAMPLE_TODAY, localDay, timingFromJson, type TimingJson } from "./timing-json";

/**
 * The phase graph view in a real browser (Debian's Chromium, driven by playwright-core): the
 * example vision's graph in a page that hosts the view with Obsidian-like light and dark themes.
 * Screenshots go to test-output/. Skipped, with a message, where /usr/bin/chromium is missing
 * (`apt-get install -y chromium`); CI installs it.
 */

jest.setTimeout(30_000);

const CHROMIUM = "/usr/bin/chromium";
const OUT = join(__dirname, "../../test-output");
const DOCS = join(__dirname, "../../docs");
const available = existsSync(CHROMIUM);
if (!available) console.warn(`graph.browser.test.ts skipped: ${CHROMIUM} not found (install it with: apt-get install -y chromium)`);

declare global {
  interface Window {
    IK: { api: PageApi; mount(graph: PlanGraph, name: string, parent: HTMLElement, timing?: TimingJson): Promise<void> };
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
    const boxes = Array.from(document.querySelectorAll(".intentk-graph-node")).map((g) => ({
      key: g.getAttribute("data-node") ?? "",
      r: (g.querySelector(".intentk-graph-node-box") as SVGRectElement).getBoundingClientRect(),
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

/**
 * Timeline labels whose rendered boxes overlap another label, or reach into the calendar (the left
 * edge of the first bar, diamond or slack).
 */
async function timelineLabelClashes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const labels = Array.from(document.querySelectorAll(".intentk-timeline-label")).map((t) => ({ text: t.textContent ?? "", r: t.getBoundingClientRect() }));
    const calendar = Math.min(...Array.from(document.querySelectorAll(".intentk-timeline-bar, .intentk-timeline-slack")).map((b) => b.getBoundingClientRect().left));
    const out: string[] = [];
    labels.forEach((a, i) => {
      if (a.r.right > calendar + 0.5) out.push(`"${a.text}" ends at ${a.r.right.toFixed(1)}, the calendar starts at ${calendar.toFixed(1)}`);
      for (const b of labels.slice(i + 1)) {
        if (a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5 && a.r.top < b.r.bottom - 0.5 && b.r.top < a.r.bottom - 0.5) out.push(`"${a.text}" overlaps "${b.text}"`);
      }
    });
    return out;
  });
}

/** Text that does not fit inside its node: rendered extent against the node box, and title line lengths. */
async function misfits(page: Page): Promise<Misfit[]> {
  return page.evaluate(() => {
    const out: { node: string; text: string; why: string }[] = [];
    for (const g of Array.from(document.querySelectorAll(".intentk-graph-node"))) {
      const key = g.getAttribute("data-node") ?? "";
      const box = g.querySelector(".intentk-graph-node-box") as SVGRectElement;
      const outer = box.getBoundingClientRect();
      const width = box.width.baseVal.value;
      const padX = g.classList.contains("is-phase") ? 12 : 10;
      for (const text of Array.from(g.querySelectorAll("text"))) {
        const r = text.getBoundingClientRect();
        const label = text.textContent ?? "";
        if (r.left < outer.left - 0.5 || r.right > outer.right + 0.5 || r.top < outer.top - 0.5 || r.bottom > outer.bottom + 0.5) {
          out.push({ node: key, text: label, why: `text box ${r.left.toFixed(1)}–${r.right.toFixed(1)} × ${r.top.toFixed(1)}–${r.bottom.toFixed(1)} outside node ${outer.left.toFixed(1)}–${outer.right.toFixed(1)} × ${outer.top.toFixed(1)}–${outer.bottom.toFixed(1)}` });
        }
        if (text.classList.contains("intentk-graph-node-title")) {
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
    if (process.env.UPDATE_SCREENSHOTS) mkdirSync(DOCS, { recursive: true });
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
    await page.evaluate(([graph, name, timing]) => window.IK.mount(graph, name, document.getElementById("leaf") as HTMLElement, timing), [example.graph, example.name, example.timing] as const);
    await page.waitForSelector(".intentk-graph-node");
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test("renders every phase of the example vision, without overlaps, every label inside its node", async () => {
    const count = await page.locator(".intentk-graph-node.is-phase").count();
    expect(count).toBe(example.graph.phases.length);
    expect(await overlaps(page)).toEqual([]);
    expect(await misfits(page)).toEqual([]);
    // All three states and the critical path are on screen.
    for (const cls of ["is-done", "is-ready", "is-blocked", "is-critical"]) expect(await page.locator(`.intentk-graph-node.${cls}`).count()).toBeGreaterThan(0);
    expect(await page.locator(".intentk-graph-edge.is-critical").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, "graph-light.png") });
    await page.evaluate(() => document.body.classList.replace("theme-light", "theme-dark"));
    await page.screenshot({ path: join(OUT, "graph-dark.png") });
    await page.evaluate(() => document.body.classList.replace("theme-dark", "theme-light"));
    expect(errors).toEqual([]);
  });

  test("README screenshots: the whole phase graph and the task graph, light and dark", async () => {
    // UPDATE_SCREENSHOTS=1 writes them to docs/ (committed, shown at the top of the README).
    const dirs = process.env.UPDATE_SCREENSHOTS ? [OUT, DOCS] : [OUT];
    const shoot = async (name: string) => {
      for (const dir of dirs) await page.locator("#leaf").screenshot({ path: join(dir, `${name}.png`) });
      const png = readFileSync(join(OUT, `${name}.png`));
      // PNG header: width and height of the picture, the leaf's size.
      return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    };
    const setTheme = (theme: string) => page.evaluate((t) => (document.body.className = t), theme);
    const resize = (height: number) =>
      page.evaluate((h) => {
        (document.getElementById("leaf") as HTMLElement).style.height = `${h}px`;
        window.IK.api.view?.fit();
      }, height);

    // The phase graph is wide and low: a shorter leaf frames it without empty space.
    await resize(430);
    const inside = await page.evaluate(() => {
      const canvas = (document.querySelector(".intentk-graph-canvas") as Element).getBoundingClientRect();
      return Array.from(document.querySelectorAll(".intentk-graph-node")).every((n) => {
        const r = n.getBoundingClientRect();
        return r.left >= canvas.left && r.right <= canvas.right && r.top >= canvas.top && r.bottom <= canvas.bottom;
      });
    });
    expect(inside).toBe(true);
    expect(await shoot("graph-phases-light")).toEqual({ width: 1282, height: 432 });
    await setTheme("theme-dark");
    await shoot("graph-phases-dark");
    await resize(760);
    await page.click('[data-mode="tasks"]');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await shoot("graph-tasks-dark")).toEqual({ width: 1282, height: 762 });
    await setTheme("theme-light");
    await shoot("graph-tasks-light");
    await page.click('[data-mode="phases"]');
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

  test("the graph is one tab stop: Tab enters it once, a second Tab leaves it; Enter opens, arrows move", async () => {
    const first = example.graph.order[0];
    const firstPhase = example.graph.phases.find((p) => p.id === first)!;
    const active = () => page.evaluate(() => document.activeElement?.getAttribute("data-node") ?? document.activeElement?.tagName ?? null);
    // The tab stop is the node focused last (here: the first), whatever was clicked before.
    await page.focus(`[data-node="p:${first}"]`);
    expect(await page.locator('.intentk-graph-canvas [tabindex="0"]').count()).toBe(1);
    await page.focus(".intentk-graph-plan-select");
    const visited: (string | null)[] = [];
    for (let i = 0; i < 25 && !visited.at(-1)?.startsWith("p:"); i++) {
      await page.keyboard.press("Tab");
      visited.push(await active());
    }
    expect(visited.at(-1)).toBe(`p:${first}`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest(".intentk-graph-canvas")))).toBe(false);
    await page.keyboard.press("Shift+Tab");
    expect(await active()).toBe(`p:${first}`);

    const before = (await opened(page)).length;
    await page.keyboard.press("Enter");
    const calls = await opened(page);
    expect(calls).toHaveLength(before + 1);
    expect(calls.at(-1)).toEqual({ file: example.graph.file, line: firstPhase.line, heading: firstPhase.heading, newTab: false });
    await page.keyboard.press("ArrowRight");
    const second = example.graph.order[1];
    expect(await active()).toBe(`p:${second}`);
    await page.keyboard.press(" ");
    expect((await opened(page)).at(-1)?.line).toBe(example.graph.phases.find((p) => p.id === second)!.line);
    // Moving with the arrows moved the tab stop along: still one, on the focused node.
    expect(await page.locator('.intentk-graph-canvas [tabindex="0"]').getAttribute("data-node")).toBe(`p:${second}`);
  });

  test("task mode: every task in lanes, no overlaps, labels fit; a task click opens its line", async () => {
    await page.click('[data-mode="tasks"]');
    expect(await page.locator(".intentk-graph-node.is-task").count()).toBe(example.graph.tasks.length);
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

  test("timeline mode: every phase on a calendar in light and dark, no label overlaps; a click opens the phase, hover tells its dates", async () => {
    await page.click('[data-mode="timeline"]');
    await page.waitForSelector(".intentk-timeline-row");
    expect(await page.locator(".intentk-timeline-row").count()).toBe(example.graph.phases.length);
    // The example plan has dated, week-range and estimated milestones, a critical path and today (Nov 24) inside it.
    for (const cls of ["is-critical", "is-stated", "is-done"]) expect(await page.locator(`.intentk-timeline-row.${cls}`).count()).toBeGreaterThan(0);
    expect(await page.locator(".intentk-timeline-progress").count()).toBeGreaterThan(0);
    expect(await page.locator(".intentk-timeline-arrow.is-critical").count()).toBeGreaterThan(0);
    expect(await page.locator(".intentk-timeline-today-line").count()).toBe(1);

    const dirs = process.env.UPDATE_SCREENSHOTS ? [OUT, DOCS] : [OUT];
    // The timeline is wide and low: a shorter leaf frames it.
    const resize = (height: number) =>
      page.evaluate((h) => {
        (document.getElementById("leaf") as HTMLElement).style.height = `${h}px`;
        window.IK.api.view?.fit();
      }, height);
    await resize(400);
    for (const theme of ["light", "dark"]) {
      await page.evaluate((t) => (document.body.className = `theme-${t}`), theme);
      expect(await timelineLabelClashes(page)).toEqual([]);
      // Themed: the labels take the theme's text colour.
      const fill = await page.evaluate(() => getComputedStyle(document.querySelector(".intentk-timeline-row:not(.is-done) .intentk-timeline-label") as Element).fill);
      expect(fill).toBe(theme === "light" ? "rgb(34, 34, 34)" : "rgb(218, 218, 218)");
      for (const dir of dirs) await page.locator("#leaf").screenshot({ path: join(dir, `timeline-${theme}.png`) });
    }
    await page.evaluate(() => (document.body.className = "theme-light"));
    await resize(760);

    const phase = example.graph.phases.find((p) => p.label === "M2")!;
    await page.click(`.intentk-timeline-row[data-phase="${phase.id}"] .intentk-timeline-bar`);
    expect((await opened(page)).at(-1)).toEqual({ file: example.graph.file, line: phase.line, heading: phase.heading, newTab: false });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const next = example.graph.phases.find((p) => p.id === example.graph.order[example.graph.order.indexOf(phase.id) + 1])!;
    expect((await opened(page)).at(-1)).toEqual({ file: example.graph.file, line: next.line, heading: next.heading, newTab: false });
    const tip = await page.locator(`.intentk-timeline-row[data-phase="${phase.id}"] > title`).textContent();
    expect(tip).toMatch(/^Milestone 2\b.*\n\w{3} \d+ – \w{3} \d+ · \d+ days · .*(slack|late).* · \d+\/\d+ tasks done/);
    await page.click('[data-mode="phases"]');
    expect(errors).toEqual([]);
  });

  test("the Mermaid gantt export of the example's schedule renders with Mermaid itself, one bar per phase", async () => {
    const mermaidPage = await browser.newPage();
    mermaidPage.on("pageerror", (e) => errors.push(e.message));
    await mermaidPage.setContent("<!doctype html><html><body></body></html>");
    await mermaidPage.addScriptTag({ path: require.resolve("mermaid/dist/mermaid.min.js") });
    const text = graphToGantt(example.graph, { timing: timingFromJson(example.timing), today: localDay(EXAMPLE_TODAY), title: example.name });
    const svg = await mermaidPage.evaluate(async (source) => {
      const m = (window as unknown as { mermaid: { initialize(o: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: "strict" });
      return (await m.render(`g${Math.random().toString(36).slice(2)}`, source)).svg;
    }, text);
    // Every phase is a bar (or, taking no time, a milestone diamond), with its name as text.
    expect((svg.match(/<rect [^>]*class="task\b/g) ?? []).length).toBe(example.graph.phases.length);
    // Setup, Foundational and Polish take no time in this plan: Mermaid milestones.
    expect((svg.match(/<rect [^>]*class="task milestone\b/g) ?? []).length).toBe(3);
    for (const p of example.graph.phases.filter((q) => q.label)) expect(svg).toContain(p.title.slice(0, 20));
    await mermaidPage.close();
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

  test("on a phone with touch: two fingers pinch-zoom and pan the graph, a tap opens a phase", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const touchPage = await phone.newPage();
    touchPage.on("pageerror", (e) => errors.push(e.message));
    await touchPage.setContent(pageHtml("theme-light", { phone: true }));
    await touchPage.evaluate(([graph, name]) => window.IK.mount(graph, name, document.getElementById("leaf") as HTMLElement), [example.graph, example.name] as const);
    await touchPage.waitForSelector(".intentk-graph-node");
    expect(await touchPage.evaluate(() => matchMedia("(pointer: coarse)").matches && navigator.maxTouchPoints > 0)).toBe(true);
    // Only the canvas turns off the browser's own touch gestures; the toolbar scrolls and zooms as usual.
    expect(await touchPage.evaluate(() => getComputedStyle(document.querySelector(".intentk-graph-canvas") as Element).touchAction)).toBe("none");
    expect(await touchPage.evaluate(() => getComputedStyle(document.querySelector(".intentk-graph-toolbar") as Element).touchAction)).toBe("auto");

    // Touch input is acknowledged before the page handles it: wait two frames before reading.
    const scale = async () => {
      await touchPage.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const t = (await touchPage.locator(".intentk-graph-viewport").getAttribute("transform")) ?? "";
      const m = /translate\((-?[\d.]+) (-?[\d.]+)\) scale\(([\d.]+)\)/.exec(t);
      if (!m) throw new Error(`unexpected transform ${t}`);
      return { x: Number(m[1]), y: Number(m[2]), k: Number(m[3]) };
    };
    const box = (await touchPage.locator(".intentk-graph-canvas").boundingBox())!;
    const cx = Math.round(box.x + box.width / 2);
    const cy = Math.round(box.y + box.height / 2);
    // Real touch input through the DevTools protocol: Chromium turns it into pointer events.
    const cdp = await phone.newCDPSession(touchPage);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", points: [number, number][]) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });

    const before = await scale();
    await touch("touchStart", [[cx - 40, cy], [cx + 40, cy]]);
    for (let spread = 50; spread <= 100; spread += 10) await touch("touchMove", [[cx - spread, cy], [cx + spread, cy]]);
    const pinched = await scale();
    // Fingers 80 px apart, then 200: the graph is 2.5 times larger, around their midpoint.
    expect(pinched.k / before.k).toBeCloseTo(2.5, 1);
    const anchor = (v: { x: number; y: number; k: number }) => ({ x: (cx - box.x - v.x) / v.k, y: (cy - box.y - v.y) / v.k });
    expect(anchor(pinched).x).toBeCloseTo(anchor(before).x, 0);
    expect(anchor(pinched).y).toBeCloseTo(anchor(before).y, 0);
    // Both fingers down by 60 px: a two-finger pan, no zoom.
    for (let dy = 20; dy <= 60; dy += 20) await touch("touchMove", [[cx - 100, cy + dy], [cx + 100, cy + dy]]);
    const panned = await scale();
    expect(panned.k).toBeCloseTo(pinched.k, 3);
    expect(panned.y - pinched.y).toBeCloseTo(60, 0);
    await touch("touchEnd", []);
    expect(await touchPage.evaluate(() => window.IK.api.opened.length)).toBe(0);

    // Fit again, then a tap on a phase opens it.
    await touchPage.click('[data-action="maximize"]');
    const phase = example.graph.phases[0];
    await touchPage.tap(`[data-node="p:${phase.id}"]`);
    await touchPage.waitForFunction(() => window.IK.api.opened.length > 0, undefined, { timeout: 3000 });
    // Once: the click the browser may send after the tap is not a second open.
    await touchPage.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(await touchPage.evaluate(() => window.IK.api.opened.length)).toBe(1);
    expect(await touchPage.evaluate(() => window.IK.api.opened.at(-1))).toEqual({ file: example.graph.file, line: phase.line, heading: phase.heading, newTab: false });
    await touchPage.screenshot({ path: join(OUT, "graph-phone.png") });
    await phone.close();
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
    expect(await big.locator(".intentk-graph-node.is-task").count()).toBe(1000);
    expect(await overlaps(big)).toEqual([]);
    await big.screenshot({ path: join(OUT, "graph-1000-tasks.png") });
    await big.close();
    expect(errors).toEqual([]);
  }, 60_000);
});
