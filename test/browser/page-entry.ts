/**
 * The browser test page: installs the DOM shim, then mounts the real PhaseGraphView (bundled with
 * the Obsidian stand-in) on a host that serves one graph and records navigation.
 */
import { installDomShim } from "../dom-shim";
import type { PlanGraph } from "../../src/core/graph/model";
import type { GraphViewHost } from "../../src/obsidian/graph-view/host";
import { makeStubApp, PhaseGraphView } from "../graph-view/view-entry";
import { IntentkBlock } from "../../src/obsidian/code-block";
import { defaultAnalyzer } from "../../src/obsidian/default-analyzer";
import type { VisionEntry, VisionIndex } from "../../src/obsidian/vision-index";
import { EXAMPLE_TODAY, localDay, timingFromJson, type TimingJson } from "./timing-json";

installDomShim(window);

export interface OpenCall {
  file: string;
  line: number;
  heading: string | undefined;
  newTab: boolean;
}

export interface PageApi {
  opened: OpenCall[];
  hovers: number;
  view?: PhaseGraphView;
  change(graph: PlanGraph): void;
  /** The `intentk` blocks: a new graph for their vision, as the index reports a change. */
  changeBlocks(graph: PlanGraph): void;
}

const api: PageApi = { opened: [], hovers: 0, change: () => undefined, changeBlocks: () => undefined };

const blockListeners = new Set<(folders: string[]) => void>();
let blockEntry: VisionEntry | undefined;

function setBlockGraph(entry: VisionEntry, graph: PlanGraph): void {
  entry.graph = graph;
  entry.progress = { done: graph.tasks.filter((t) => t.state === "done").length, total: graph.tasks.filter((t) => t.state !== null).length };
}

/**
 * Renders an `intentk` code block (the real IntentkBlock) for the example vision into `parent`, over
 * a one-vision index; clicks on its links and nodes are recorded in `api.opened`.
 */
export function mountBlock(graph: PlanGraph, name: string, source: string, parent: HTMLElement): void {
  const folder = graph.file.replace(/\/[^/]*$/, "");
  if (!blockEntry) {
    blockEntry = { ref: { id: folder.split("/").pop()!, kind: "vision", folder, docs: { execute: graph.file } }, name, diagnostics: [] } as unknown as VisionEntry;
    setBlockGraph(blockEntry, graph);
  }
  const entry = blockEntry;
  const index = {
    list: () => [entry],
    get: (id: string) => (id === entry.ref.id || id === folder ? entry : undefined),
    visionOf: () => entry,
    onChange: (cb: (folders: string[]) => void) => (blockListeners.add(cb), cb),
    offref: (cb: (folders: string[]) => void) => blockListeners.delete(cb),
  } as unknown as VisionIndex;
  api.changeBlocks = (next) => {
    setBlockGraph(entry, next);
    for (const cb of blockListeners) cb([folder]);
  };
  const app = Object.assign(makeStubApp(), {
    vault: { getFileByPath: (path: string) => ({ path }) },
  });
  Object.assign(app.workspace, {
    getLeaf: (newTab: unknown) => ({
      openFile: (file: { path: string }, state: { eState?: { line: number } }) => {
        api.opened.push({ file: file.path, line: (state.eState?.line ?? -1) + 1, heading: undefined, newTab: Boolean(newTab) });
        return Promise.resolve();
      },
    }),
  });
  new IntentkBlock(app as never, parent, source, "Dashboard.md", { index, analyzer: defaultAnalyzer }).load();
}

/** Mounts the view on one plan; with `timing` (its plan's Start Date and Timelines) it has a Timeline mode, today fixed. */
export async function mount(graph: PlanGraph, name: string, parent: HTMLElement, timing?: TimingJson): Promise<void> {
  let current = graph;
  const listeners = new Set<() => void>();
  const app = makeStubApp();
  app.workspace.on("hover-link", () => api.hovers++);
  const host: GraphViewHost = {
    app: app as unknown as GraphViewHost["app"],
    listPlans: () => [{ id: "example", name, file: graph.file }],
    getGraph: () => current,
    onChange: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    openAt: (file, line, heading, newTab) => {
      api.opened.push({ file, line, heading, newTab });
    },
    saveFile: (fileName) => fileName,
    getTiming: () => (timing ? timingFromJson(timing) : undefined),
    today: () => localDay(EXAMPLE_TODAY),
  };
  api.change = (next) => {
    current = next;
    for (const cb of listeners) cb();
  };
  const view = new PhaseGraphView({ app } as never, host);
  api.view = view;
  const shown = view as unknown as { open(parent: HTMLElement): Promise<void>; titleEl: HTMLElement };
  await shown.open(parent);
  // Obsidian writes the view's display text into its header.
  shown.titleEl.setText(view.getDisplayText());
  view.onResize();
}

export { api };
