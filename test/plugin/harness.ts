import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { App as ObsidianApp, PluginManifest } from "obsidian";
import IntentKitPlugin from "../../src/main";
import { App, Modal, Notice, registry } from "../obsidian-mock";
import { EXAMPLES, scratchCopy } from "../helpers";

export const MANIFEST = JSON.parse(readFileSync(join(__dirname, "..", "..", "manifest.json"), "utf8")) as PluginManifest;

export interface Harness {
  dir: string;
  app: App;
  plugin: IntentKitPlugin;
  /** Runs a command by its id without the plugin prefix; false when it is not available. */
  run(id: string): boolean;
  /** Waits for queued metadata-cache events and index updates. */
  settle(): Promise<void>;
  read(path: string): string;
  open(path: string, line?: number): Promise<void>;
  /** Every message notices showed, oldest first. */
  notices(): string[];
  cleanup(): Promise<void>;
}

/** Loads the plugin into a fake app over a scratch copy of the example vault (or another folder). */
export async function loadPlugin(options: { source?: string; layoutReady?: boolean; data?: unknown; manifest?: Partial<PluginManifest> } = {}): Promise<Harness> {
  const { dir, cleanup } = scratchCopy(options.source ?? EXAMPLES);
  const app = await App.create(dir);
  if (options.data !== undefined) app.pluginData.set(MANIFEST.id, options.data);
  const plugin = new IntentKitPlugin(app as unknown as ObsidianApp, { ...MANIFEST, ...options.manifest });
  const mock = plugin as unknown as { load(): void; loading: Promise<void>; _loaded: boolean; unload(): void };
  mock.load();
  await mock.loading;
  if (options.layoutReady !== false) {
    app.workspace.triggerLayoutReady();
    await plugin.index.ready;
  }
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) {
      await app.metadataCache.settled();
      await plugin.index.settle();
    }
  };
  return {
    dir,
    app,
    plugin,
    run: (id) => app.commands.executeCommandById(`${MANIFEST.id}:${id}`),
    settle,
    read: (path) => readFileSync(join(dir, path), "utf8"),
    open: async (path, line) => {
      await app.workspace.openFile(path, line === undefined ? undefined : { line });
    },
    notices: () => [...Notice.messages],
    cleanup: async () => {
      if (mock._loaded) mock.unload();
      for (const m of [...Modal.open]) m.close();
      Notice.reset();
      app.destroy();
      cleanup();
    },
  };
}

/** Waits until `check` holds (polling), failing after `ms`. */
export async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits for an open modal with a button of that text, clicks it, and returns the modal's title. */
export async function answerModal(button: string): Promise<string> {
  let target: HTMLButtonElement | undefined;
  let title = "";
  await waitFor(() => {
    for (const m of Modal.open) {
      target = [...m.contentEl.querySelectorAll("button")].find((b) => b.textContent === button);
      if (target) {
        title = m.titleEl.textContent ?? "";
        return true;
      }
    }
    return false;
  });
  target!.click();
  return title;
}

export { registry };
