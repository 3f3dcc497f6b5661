/** @jest-environment jsdom */
import { cpSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { NodeFiles } from "../../src/cli/node-files";
import { isPlanLinkLine } from "../../src/core/plan-links";
import { frontmatterOf } from "../../src/core/workspace";
import { loadVision } from "../../src/core/vision/load";
import type { BaseRecord } from "../../src/core/base-store";
import { DiagnosticsModal, NewVisionModal, VisionPickerModal } from "../../src/obsidian/modals";
import { VIEW_TYPE_PHASE_GRAPH } from "../../src/obsidian/graph-view/view";
import { IndexGraphHost } from "../../src/obsidian/graph-host";
import { type FuzzySuggestModal as MockFuzzy, type MarkdownView, Modal } from "../obsidian-mock";
import { type Harness, answerModal, loadPlugin, registry, waitFor } from "./harness";
import { SETTINGS_VERSION } from "../../src/obsidian/settings";
import { EXAMPLES, scratchDir } from "../helpers";

const V1 = "visions/001-team-reading-list";
const PLAN = `${V1}/plan.md`;
const EXECUTE = `${V1}/execute.md`;

const linkLines = (text: string): string[] => text.split(/\r?\n/).filter(isPlanLinkLine);
function activeView(h: Harness): MarkdownView {
  return h.app.workspace.activeLeaf!.view as MarkdownView;
}

describe("the plugin in a fake Obsidian over the example vault", () => {
  let h: Harness;
  afterEach(async () => {
    await h?.cleanup();
  });

  test("onload registers everything and reads nothing; the index is built at layout-ready from vision documents only", async () => {
    h = await loadPlugin({ layoutReady: false });
    const ids = Object.keys(h.app.commands.commands).sort();
    expect(ids).toEqual(
      ["check-vision", "copy-graph-mermaid", "copy-timeline-gantt", "create-vision", "export-graph-canvas", "export-graph-svg", "generate-execute-note", "next-ready-task", "open-phase-graph", "open-task-graph", "regenerate-all"].map((c) => `intent-kit:${c}`),
    );
    for (const c of Object.values(h.app.commands.commands)) expect(c.hotkeys).toBeUndefined();
    expect(h.app.ribbonEl.querySelectorAll(".side-dock-ribbon-action")).toHaveLength(1);
    expect(h.app.statusBarEl.querySelectorAll(".status-bar-item")).toHaveLength(1);
    expect(h.app.viewRegistry.has(VIEW_TYPE_PHASE_GRAPH)).toBe(true);
    expect(h.app.settingTabs).toHaveLength(1);
    expect(h.app.vault.reads.size).toBe(0);
    expect(h.app.vault.listenerCount()).toBe(0);

    h.app.workspace.triggerLayoutReady();
    await h.plugin.index.ready;
    const list = h.plugin.index.list();
    expect(list.map((e) => `${e.ref.kind}:${e.ref.folder}`).sort()).toEqual([
      "spec:specs/001-photo-albums",
      "vision:visions/001-team-reading-list",
      "vision:visions/002-offline-notes-sync",
      "vision:visions/003-field-survey-app",
    ]);
    const docs = new Set(list.flatMap((e) => Object.values(e.ref.docs)));
    for (const [path, n] of h.app.vault.reads) {
      expect(docs.has(path)).toBe(true);
      expect(n).toBe(1);
    }
    expect(h.app.vault.reads.has("README.md")).toBe(false);
    expect(h.plugin.index.get("001-team-reading-list")!.outline!.milestones).toHaveLength(4);
    expect(h.plugin.index.get("003-field-survey-app")!.diagnostics.map((d) => d.code)).toContain("dependency-cycle");
    // create is only listened to after layout-ready
    expect(h.app.vault.listenerCount("create")).toBe(1);
  });

  test("Generate execute note writes the note, one link line per milestone and the execute property; twice changes nothing", async () => {
    h = await loadPlugin();
    const originalPlan = h.read(PLAN);
    expect(h.run("generate-execute-note")).toBe(false); // no active note
    await h.open(PLAN);
    expect(h.run("generate-execute-note")).toBe(true);
    await waitFor(() => h.notices().some((n) => n.startsWith("Created")));
    await h.settle();
    expect(h.notices()).toContain(`Created ${EXECUTE} (${(h.read(EXECUTE).match(/^- \[ \] T\d+/gm) ?? []).length} tasks).`);
    const notice = document.querySelector(".notice a.intentk-notice-link") as HTMLAnchorElement;
    expect(notice.textContent).toBe(EXECUTE);

    const execute = h.read(EXECUTE);
    expect(execute).toContain("# Execution Plan: Team Reading List");
    const plan = h.read(PLAN);
    expect(linkLines(plan)).toEqual([
      `> [!intentk] Execute: [[${V1}/execute#Phase 3: Milestone 1 - Shared List Core (Priority: P1) 🎯 MVP|Phase 3]]`,
      `> [!intentk] Execute: [[${V1}/execute#Phase 5: Milestone 2 - Import & Export: CSV (Priority: P3)|Phase 5]]`,
      `> [!intentk] Execute: [[${V1}/execute#Phase 4: Milestone 3 - Reading Status (Priority: P2)|Phase 4]]`,
      `> [!intentk] Execute: [[${V1}/execute#Phase 6: Milestone 4 - Takeaways and Discussions (Priority: P3)|Phase 6]]`,
    ]);
    for (const line of linkLines(plan)) expect(execute).toContain(`## ${line.slice(line.indexOf("#") + 1, line.lastIndexOf("|"))}`);
    expect(plan.split("\n").filter((l) => !isPlanLinkLine(l)).join("\n").replace(/^---\n[\s\S]*?---\n/, "")).toBe(originalPlan);
    expect(frontmatterOf(plan).execute).toBe(`[[${V1}/execute]]`);
    expect(frontmatterOf(h.read(`${V1}/vision.md`)).execute).toBe(`[[${V1}/execute]]`);
    expect(h.read(`${V1}/vision.md`)).toMatch(/^---\nexecute: "\[\[visions\/001-team-reading-list\/execute\]\]"\n---\n/);

    // The execute note was generated from the plan as it is now: it records the plan's current hash.
    const files = new NodeFiles(h.dir);
    const loaded = await loadVision(h.plugin.index.get("001-team-reading-list")!.ref, (p) => files.read(p));
    expect(String(h.read(EXECUTE))).toContain(`plan: { file: "plan.md", hash: "${loaded.vision.hashes.plan}" }`);

    // Backlinks both ways: the plan links to the execute note and the execute note to the plan.
    expect(h.app.metadataCache.resolvedLinks[PLAN][EXECUTE]).toBeGreaterThanOrEqual(4);
    expect(h.app.metadataCache.resolvedLinks[EXECUTE][PLAN]).toBeGreaterThanOrEqual(4);

    // Second run: nothing changes, not a byte.
    const writes = h.app.vault.writes.length;
    await h.open(EXECUTE);
    expect(h.run("generate-execute-note")).toBe(true);
    await waitFor(() => h.notices().some((n) => n.endsWith("is already up to date.")));
    await h.settle();
    expect(h.read(PLAN)).toBe(plan);
    expect(h.read(EXECUTE)).toBe(execute);
    expect(h.app.vault.writes.length).toBe(writes);
    expect(linkLines(h.read(PLAN))).toHaveLength(4);
  });

  test("merge bases go to the folder the plugin is installed in (manifest.dir), not a fixed one", async () => {
    h = await loadPlugin({ manifest: { dir: ".obsidian/plugins/intent-kit-beta" } });
    await h.plugin.kit.generate(h.plugin.index.get("001-team-reading-list")!);
    await h.settle();
    const bases = join(h.dir, ".obsidian/plugins/intent-kit-beta/bases");
    const texts = readdirSync(bases).filter((f) => f.endsWith(".md"));
    expect(texts).toHaveLength(1);
    expect(h.read(`.obsidian/plugins/intent-kit-beta/bases/${texts[0]}`)).toBe(h.read(EXECUTE));
    expect(existsSync(join(h.dir, ".obsidian/plugins/intent-kit"))).toBe(false);
  });

  test("the graph host reports loading until the index is ready, then a change", async () => {
    h = await loadPlugin({ layoutReady: false });
    const host = new IndexGraphHost(h.app as never, h.plugin.index);
    const changed = jest.fn();
    const unsubscribe = host.onChange(changed);
    expect(host.isReady()).toBe(false);
    expect(host.listPlans()).toEqual([]);
    h.app.workspace.triggerLayoutReady();
    await h.plugin.index.ready;
    await Promise.resolve();
    expect(host.isReady()).toBe(true);
    expect(changed).toHaveBeenCalled();
    unsubscribe();
  });

  test("checkmarks survive regeneration; a note Intent Kit did not write is refused and the plan left alone", async () => {
    h = await loadPlugin();
    await h.plugin.kit.generate(h.plugin.index.get("001-team-reading-list")!);
    await h.settle();
    await h.app.vault.process(h.app.vault.getFileByPath(EXECUTE)!, (t) => t.replace("- [ ] T001", "- [x] T001"));
    await h.settle();
    const again = await h.plugin.kit.generate(h.plugin.index.get("001-team-reading-list")!);
    expect(["unchanged", "update"]).toContain(again.action);
    expect(h.read(EXECUTE)).toContain("- [x] T001");

    await h.app.vault.create("visions/002-offline-notes-sync/execute.md", "# Execution Plan: by hand\n\n- [ ] T001 Something\n");
    await h.settle();
    const plan = h.read("visions/002-offline-notes-sync/plan.md");
    await h.open("visions/002-offline-notes-sync/plan.md");
    h.run("generate-execute-note");
    expect(await answerModal("Cancel")).toBe("Take over execute.md?");
    await waitFor(() => h.notices().some((n) => n.startsWith("Not written:")));
    expect(h.notices().find((n) => n.startsWith("Not written:"))).toMatch(/^Not written: visions\/002-offline-notes-sync\/execute\.md\. .*not generated by Intent Kit/);
    expect(h.read("visions/002-offline-notes-sync/plan.md")).toBe(plan);
    expect(h.read("visions/002-offline-notes-sync/execute.md")).toBe("# Execution Plan: by hand\n\n- [ ] T001 Something\n");
  });

  test("an unfilled execution.md left by intent-kit's scripts is not taken over: execute.md is written beside it", async () => {
    h = await loadPlugin();
    const template = "# Execution Plan: [EXECUTION NAME]\n\n**Date**: [DATE]\n\n## Phase 1: Setup\n\n- [ ] TXXX Initialize [technology] project\n";
    await h.app.vault.create("visions/002-offline-notes-sync/execution.md", template);
    await h.settle();
    // The template is no execution plan: no graph or progress is read from it.
    expect(h.plugin.index.get("002-offline-notes-sync")!.graph).toBeUndefined();
    const result = await h.plugin.kit.generate(h.plugin.index.get("002-offline-notes-sync")!);
    expect(result).toMatchObject({ action: "create", path: "visions/002-offline-notes-sync/execute.md" });
    expect(h.read("visions/002-offline-notes-sync/execution.md")).toBe(template);
    expect(h.read("visions/002-offline-notes-sync/execute.md")).toContain("intentk: execute");
    expect(h.notices().some((n) => n.includes("execution.md is an unfilled intent-kit template"))).toBe(true);
  });

  test("the confirmWrite seam can cancel, and the base store hears about each write", async () => {
    h = await loadPlugin();
    const asked: string[] = [];
    h.plugin.writer.hooks.confirmWrite = async (d) => {
      asked.push(`${d.action} ${d.path}`);
      return false;
    };
    const entry = h.plugin.index.get("002-offline-notes-sync")!;
    const plan = h.read(entry.ref.docs.plan!);
    const cancelled = await h.plugin.kit.generate(entry);
    expect(cancelled.action).toBe("cancelled");
    expect(asked).toEqual(["create visions/002-offline-notes-sync/execute.md"]);
    expect(existsSync(join(h.dir, "visions/002-offline-notes-sync/execute.md"))).toBe(false);
    expect(h.read(entry.ref.docs.plan!)).toBe(plan);

    const bases = new Map<string, BaseRecord>();
    const backups: string[] = [];
    h.plugin.writer.hooks = {
      confirmWrite: async () => true,
      baseStore: {
        load: async (id) => bases.get(id),
        save: async (id, record) => void bases.set(id, record),
        backup: async (id, note) => void backups.push(`${id} ${note}`),
      },
    };
    const done = await h.plugin.kit.generate(entry);
    expect(done.action).toBe("create");
    expect(bases.get("visions/002-offline-notes-sync")?.note).toBe("visions/002-offline-notes-sync/execute.md");
    expect(bases.get("visions/002-offline-notes-sync")?.text).toBe(h.read("visions/002-offline-notes-sync/execute.md"));
    expect(backups).toEqual([]);
  });

  test("Regenerate all execute notes shows progress and a summary", async () => {
    h = await loadPlugin();
    expect(h.run("regenerate-all")).toBe(true);
    await waitFor(() => h.notices().some((n) => n.startsWith("Execute notes:")));
    const notices = h.notices();
    expect(notices).toContain("Generating 1/3…");
    expect(notices).toContain("Generating 3/3…");
    expect(notices.find((n) => n.startsWith("Execute notes:"))).toBe("Execute notes: 3 created.");
    for (const v of ["001-team-reading-list", "002-offline-notes-sync", "003-field-survey-app"]) expect(existsSync(join(h.dir, "visions", v, "execute.md"))).toBe(true);
    await h.settle();
    // Every milestone of every plan has exactly one link line.
    expect(linkLines(h.read("visions/003-field-survey-app/milestones.md")).length).toBe(h.plugin.index.get("003-field-survey-app")!.outline!.milestones.length);

    // A second run: nothing changes; a note Intent Kit did not write is listed as refused.
    await h.app.fileManager.trashFile(h.app.vault.getFileByPath("visions/002-offline-notes-sync/execute.md")!);
    await h.app.vault.create("visions/002-offline-notes-sync/execute.md", "# Execution Plan: mine\n");
    await h.settle();
    h.run("regenerate-all");
    await waitFor(() => h.notices().filter((n) => n.startsWith("Execute notes:")).length === 2);
    const summary = h.notices().filter((n) => n.startsWith("Execute notes:"))[1];
    expect(summary).toMatch(/^Execute notes: 2 unchanged, 1 refused\.visions\/002-offline-notes-sync\/execute\.md: .*not generated by Intent Kit/);
  });

  test("Create new vision asks a name, creates the next folder from the templates and opens the vision note", async () => {
    h = await loadPlugin();
    expect(h.run("create-vision")).toBe(true);
    const modal = Modal.last(NewVisionModal)!;
    expect(modal.titleEl.textContent).toBe("Create new vision");
    const input = modal.contentEl.querySelector("input")!;
    input.value = "Garden Planner";
    input.dispatchEvent(new Event("input"));
    (modal.contentEl.querySelector("button.mod-cta") as HTMLButtonElement).click();
    await waitFor(() => h.notices().some((n) => n.startsWith("Created visions/004-garden-planner")));
    for (const f of ["vision", "goal", "strategy", "plan"]) expect(existsSync(join(h.dir, `visions/004-garden-planner/${f}.md`))).toBe(true);
    expect(h.app.workspace.getActiveFile()?.path).toBe("visions/004-garden-planner/vision.md");
    expect(h.read("visions/004-garden-planner/vision.md")).toMatch(/^# Vision Document: Garden Planner\n\n\*\*Vision ID\*\*: `004-garden-planner` \| \*\*Created\*\*: \d{4}-\d\d-\d\d/);
    await h.settle();
    const entry = h.plugin.index.get("004-garden-planner")!;
    expect(entry.diagnostics).toEqual([]);
    expect(entry.outline!.milestones).toHaveLength(1);
  });

  test("user templates in the templates folder override the built-in ones by file name", async () => {
    h = await loadPlugin({ data: { settingsVersion: 1, templatesFolder: "Templates/intent", visionsFolder: "visions" } });
    await h.app.vault.createFolder("Templates/intent");
    await h.app.vault.create("Templates/intent/plan.md", "# Implementation Plan: {{title}}\n\nMine, {{id}}, {{date}}.\n\n## Milestone 1: Start (Priority: P1)\n\n- **Objective**: begin\n");
    await h.plugin.kit.createVision("Bird Count");
    expect(h.read("visions/004-bird-count/plan.md")).toMatch(/^# Implementation Plan: Bird Count\n\nMine, 004-bird-count, \d{4}-\d\d-\d\d\./);
    expect(h.read("visions/004-bird-count/goal.md")).toMatch(/^# Goal Definition: Bird Count/);
  });

  test("Check vision lists diagnostics in a modal; an item opens its file at its line", async () => {
    h = await loadPlugin();
    expect(h.run("check-vision")).toBe(false);
    await h.open("visions/003-field-survey-app/vision.md");
    expect(h.run("check-vision")).toBe(true);
    await waitFor(() => Modal.last(DiagnosticsModal) !== undefined);
    const modal = Modal.last(DiagnosticsModal)!;
    expect(modal.titleEl.textContent).toBe("Check 003-field-survey-app");
    const items = [...modal.contentEl.querySelectorAll("li.intentk-diagnostic")];
    expect(items.length).toBeGreaterThan(0);
    const cycle = items.find((li) => li.className.includes("intentk-severity-") && /cycle/i.test(li.textContent ?? ""))!;
    expect(cycle).toBeDefined();
    const d = h.plugin.index.get("003-field-survey-app")!.diagnostics.find((x) => x.code === "dependency-cycle")!;
    (cycle.querySelector("button") as HTMLButtonElement).click();
    await waitFor(() => h.app.workspace.getActiveFile()?.path === d.file);
    expect(activeView(h).eState).toEqual({ line: d.line - 1 });
    expect(Modal.open).not.toContain(modal);
  });

  test("the spec-kit feature shows its progress in the status bar", async () => {
    h = await loadPlugin();
    const bar = (): string => h.app.statusBarEl.querySelector(".intentk-status-text")?.textContent ?? "";
    const hidden = (): boolean => h.app.statusBarEl.querySelector(".intentk-status")!.classList.contains("intentk-hidden");
    expect(hidden()).toBe(true);
    await h.open("specs/001-photo-albums/tasks.md");
    expect(bar()).toBe("001-photo-albums: 4/22 tasks");
    expect(hidden()).toBe(false);
    await h.open("README.md");
    expect(hidden()).toBe(true);
    // Ticking a task updates the count.
    await h.open("specs/001-photo-albums/spec.md");
    await h.app.vault.process(h.app.vault.getFileByPath("specs/001-photo-albums/tasks.md")!, (t) => t.replace("- [ ] T005", "- [x] T005"));
    await h.settle();
    expect(bar()).toBe("001-photo-albums: 5/22 tasks");
    // The ticked task is ready no more; the next one in its phase is.
    const graph = h.plugin.index.get("001-photo-albums")!.graph!;
    expect(graph.tasks.find((t) => t.id === "T005")!.status).toBe("done");
  });

  test("an execute note generated from an older plan is marked out of date in the status bar and the graph", async () => {
    h = await loadPlugin();
    const bar = (): string => h.app.statusBarEl.querySelector(".intentk-status-text")?.textContent ?? "";
    await h.plugin.kit.generate(h.plugin.index.get("001-team-reading-list")!);
    await h.settle();
    await h.open(EXECUTE);
    expect(bar()).toBe("001-team-reading-list: 0/79 tasks");
    expect(h.plugin.index.get("001-team-reading-list")!.drift).toBeUndefined();

    await h.app.vault.process(h.app.vault.getFileByPath(PLAN)!, (t) => t.replace("## Milestone 3: Reading Status", "## Milestone 3: Reading Progress"));
    await h.settle();
    const entry = h.plugin.index.get("001-team-reading-list")!;
    expect(entry.drift?.details).toEqual(['milestone 3 renamed "Reading Status" → "Reading Progress"']);
    expect(bar()).toBe("001-team-reading-list: 0/79 tasks · out of date");
    const host = new IndexGraphHost(h.app as never, h.plugin.index);
    const first = host.getGraph(host.listPlans().find((p) => p.file === EXECUTE)!.id)!.diagnostics[0];
    expect(first).toMatchObject({ code: "out-of-date", file: EXECUTE, line: 1 });
    expect(first.message).toContain("plan.md changed since generation");

    // Regenerating shows the preview first; applying it brings the note up to date.
    const regenerated = h.plugin.kit.generate(entry);
    expect(await answerModal("Apply")).toBe("Regenerate execute.md");
    expect((await regenerated).action).toBe("update");
    await h.settle();
    expect(h.read(EXECUTE)).toContain("## Phase 4: Milestone 3 - Reading Progress (Priority: P2)");
    expect(h.plugin.index.get("001-team-reading-list")!.drift).toBeUndefined();
    expect(bar()).toBe("001-team-reading-list: 0/79 tasks");
  });

  test("Go to next ready task opens the execute note at the first ready task", async () => {
    h = await loadPlugin();
    await h.open("specs/001-photo-albums/spec.md");
    expect(h.run("next-ready-task")).toBe(true);
    await waitFor(() => h.app.workspace.getActiveFile()?.path === "specs/001-photo-albums/tasks.md");
    const line = (activeView(h).eState as { line: number }).line;
    expect(h.read("specs/001-photo-albums/tasks.md").split("\n")[line]).toMatch(/^- \[ \] T005 /);
  });

  test("the ribbon opens the graph of the active vision, or a picker of visions", async () => {
    h = await loadPlugin();
    const ribbon = h.app.ribbonEl.querySelector(".side-dock-ribbon-action") as HTMLElement;
    ribbon.click();
    const picker = Modal.last(VisionPickerModal)!;
    expect(picker.getItems().map((e) => e.ref.id)).toEqual(["001-photo-albums"]);
    (picker as unknown as MockFuzzy<unknown>).choose("photo");
    await waitFor(() => h.app.workspace.getLeavesOfType(VIEW_TYPE_PHASE_GRAPH).length === 1);
    const leaf = h.app.workspace.getLeavesOfType(VIEW_TYPE_PHASE_GRAPH)[0];
    expect(leaf.side).toBe("right");
    await waitFor(() => h.app.workspace.revealed.includes(leaf));
    expect(leaf.getViewState().state).toMatchObject({ plan: "001-photo-albums" });
    // The spec-kit feature's five phases are drawn, each with an accessible name.
    await waitFor(() => leaf.view.containerEl.querySelectorAll('[role="button"][aria-label]').length >= 5);
    const names = [...leaf.view.containerEl.querySelectorAll('[role="button"][aria-label]')].map((e) => e.getAttribute("aria-label") ?? "");
    expect(names.some((n) => n.includes("User Story 1"))).toBe(true);

    await h.open("specs/001-photo-albums/tasks.md");
    ribbon.click();
    await waitFor(() => h.app.workspace.revealed.length === 2);
    expect(h.app.workspace.getLeavesOfType(VIEW_TYPE_PHASE_GRAPH)).toHaveLength(1);
  });

  test("the ribbon without any execute note says how to get one", async () => {
    const source = scratchDir();
    try {
      cpSync(join(EXAMPLES, "visions"), join(source.dir, "visions"), { recursive: true });
      h = await loadPlugin({ source: source.dir });
      (h.app.ribbonEl.querySelector(".side-dock-ribbon-action") as HTMLElement).click();
      expect(h.notices().pop()).toMatch(/No vision has an execute note yet/);
      expect(h.app.workspace.getLeavesOfType(VIEW_TYPE_PHASE_GRAPH)).toHaveLength(0);
    } finally {
      source.cleanup();
    }
  });

  test("a plan edit re-indexes that vision after a quiet period, reading only the edited note", async () => {
    h = await loadPlugin();
    const changes: string[][] = [];
    h.plugin.registerEvent(h.plugin.index.onChange((folders) => changes.push(folders)));
    h.app.vault.reads.clear();
    const plan = h.app.vault.getFileByPath(PLAN)!;
    await h.app.vault.process(plan, (t) => `${t}\n## Milestone 5: Mobile App (Priority: P3)\n\n- **Objective**: Read on the phone.\n- **Dependencies**: M1\n`);
    await waitFor(() => changes.length > 0);
    expect(changes).toEqual([[V1]]);
    expect(h.plugin.index.get("001-team-reading-list")!.outline!.milestones.map((m) => m.number)).toEqual(["1", "2", "3", "4", "5"]);
    expect([...h.app.vault.reads.keys()]).toEqual([PLAN]);

    // Touching a note without changing it parses nothing again; unrelated notes are ignored.
    await h.app.vault.process(h.app.vault.getFileByPath("README.md")!, (t) => `${t}\nmore\n`);
    await h.settle();
    expect(changes).toHaveLength(1);

    // A renamed vision folder moves the entry.
    await h.app.vault.rename(h.app.vault.getFolderByPath("visions/002-offline-notes-sync")!, "visions/002-offline-sync");
    await h.settle();
    expect(h.plugin.index.get("002-offline-sync")?.ref.docs.plan).toBe("visions/002-offline-sync/plan.md");
    expect(h.plugin.index.get("visions/002-offline-notes-sync")).toBeUndefined();

    // A deleted plan: the vision reports it.
    await h.app.fileManager.trashFile(h.app.vault.getFileByPath("visions/002-offline-sync/plan.md")!);
    await h.settle();
    expect(h.plugin.index.get("002-offline-sync")).toBeUndefined();
  });

  test("changing the visions folder setting re-detects visions", async () => {
    h = await loadPlugin();
    await h.plugin.updateSettings({ visionsFolder: "elsewhere" });
    await h.settle();
    expect(h.plugin.index.list().map((e) => e.ref.folder)).toEqual(["specs/001-photo-albums"]);
    await h.plugin.updateSettings({ visionsFolder: "visions" });
    await h.settle();
    expect(h.plugin.index.list()).toHaveLength(4);
    expect(h.app.pluginData.get("intent-kit")).toMatchObject({ settingsVersion: SETTINGS_VERSION, visionsFolder: "visions" });
  });

  test("unload leaves no listener, interval, timer or DOM node behind", async () => {
    h = await loadPlugin();
    await h.open(PLAN);
    h.run("generate-execute-note");
    await waitFor(() => h.notices().some((n) => n.startsWith("Created")));
    await h.app.vault.process(h.app.vault.getFileByPath(PLAN)!, (t) => `${t}\nmore\n`);
    h.run("check-vision");
    await waitFor(() => Modal.last(DiagnosticsModal) !== undefined);
    Modal.last(DiagnosticsModal)!.close();
    await h.open("specs/001-photo-albums/tasks.md");
    (h.app.ribbonEl.querySelector(".side-dock-ribbon-action") as HTMLElement).click();
    await waitFor(() => h.app.workspace.revealed.length === 1);
    expect(registry.domListeners.size).toBeGreaterThan(0);

    (h.plugin as unknown as { unload(): void }).unload();
    expect(registry.domListeners.size).toBe(0);
    expect(registry.intervals.size).toBe(0);
    expect(registry.pendingDebounces.size).toBe(0);
    expect(h.app.vault.listenerCount()).toBe(0);
    expect(h.app.metadataCache.listenerCount()).toBe(0);
    expect(h.app.workspace.listenerCount()).toBe(0);
    expect(Object.keys(h.app.commands.commands)).toEqual([]);
    expect(h.app.viewRegistry.size).toBe(0);
    expect(h.app.settingTabs).toEqual([]);
    expect(h.app.ribbonEl.children).toHaveLength(0);
    expect(h.app.statusBarEl.children).toHaveLength(0);
    expect(document.querySelectorAll("[class*='intentk-']:not(.notice *)")).toHaveLength(0);
    for (const e of registry.emitters) expect(e.listenerCount()).toBe(0);
  });
});
