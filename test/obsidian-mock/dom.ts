import { installDomShim } from "../dom-shim";

/**
 * The DOM helpers Obsidian adds to elements and to the global scope (createEl, setText, addClass,
 * createFragment…), on jsdom: the same shim the graph view's tests and the browser page use.
 */
export function installDomHelpers(): void {
  if (typeof window === "undefined") return;
  installDomShim(window);
}
