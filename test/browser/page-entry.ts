/**
 * The browser test page: installs the DOM shim, then mounts the real PhaseGraphView (bundled with
 * the Obsidian stand-in) on a host that serves one graph and records navigation.
 */
import { installDomShim } from "../dom-shim";
import type { PlanGraph } from "../../src/core/graph/model";
import type { GraphViewHost } from "../../src/obsidian/graph-view/host";
import { makeStubApp, PhaseGraphView } from "../graph-view/view-entry";

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
}

const api: PageApi = { opened: [], hovers: 0, change: () => undefined };

export async function mount(graph: PlanGraph, name: string, parent: HTMLElement): Promise<void> {
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
