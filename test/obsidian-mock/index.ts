/**
 * A small hand-written stand-in for the `obsidian` module (jest maps `obsidian` here). It implements
 * only what the plugin uses, with real behaviour where the plugin depends on it: a vault over a real
 * folder, a metadata cache computed from the notes' text, events, a workspace that tracks the
 * active file and opened leaves, components that account for every registration, notices, modals
 * and settings on jsdom.
 */
import { installDomHelpers } from "./dom";
import { installIntervalTracking } from "./events";

installDomHelpers();
installIntervalTracking();
if (typeof globalThis.TextDecoder === "undefined" || typeof globalThis.TextEncoder === "undefined") {
  // jsdom leaves these out; the core's text repair uses TextDecoder.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a test-only polyfill of a Node built-in
  const util = require("node:util") as typeof import("node:util");
  Object.assign(globalThis, { TextDecoder: util.TextDecoder, TextEncoder: util.TextEncoder });
}

export { App, Commands, MarkdownRenderChild, Plugin, type MarkdownPostProcessorContext, type PluginManifest } from "./app";
export { Component, Events, debounce, registry, type Debouncer, type MockEventRef as EventRef } from "./events";
export { FileManager, MetadataCache, TAbstractFile, TFile, TFolder, Vault, computeCache } from "./vault";
export { EmptyView, ItemView, MarkdownView, View, Workspace, WorkspaceLeaf } from "./workspace";
export {
  AbstractInputSuggest,
  ButtonComponent,
  DropdownComponent,
  FuzzySuggestModal,
  Keymap,
  Menu,
  Modal,
  Notice,
  Platform,
  PluginSettingTab,
  Scope,
  Setting,
  SettingTab,
  SuggestModal,
  TextComponent,
  ToggleComponent,
  setIcon,
  setTooltip,
  type FuzzyMatch,
} from "./ui";
export { normalizePath, parseYaml, stringifyYaml } from "./util";
