/**
 * Entry for test bundles of the phase graph view: the view and the Obsidian stand-in it is
 * bundled with (`obsidian` aliased to ./obsidian-stub), so tests share the stub's instances
 * (Notice messages, the stub app). Used by the jsdom tests (load-view.ts) and the browser page.
 */
export * from "../../src/obsidian/graph-view/view";
export * from "../../src/obsidian/graph-view/viewport";
export * from "./obsidian-stub";
