import { Plugin } from "obsidian";

/** Lifecycle only: everything is registered here and real work waits for the layout to be ready. */
export default class IntentKitPlugin extends Plugin {
  override async onload(): Promise<void> {
    this.app.workspace.onLayoutReady(() => {
      // The vision index, commands and views are registered by later changes.
    });
  }
}
