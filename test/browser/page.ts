import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundleViewSource } from "../graph-view/load-view";

/**
 * The HTML of the browser test page: Obsidian-like theme variables for `.theme-light` and
 * `.theme-dark` (values close to Obsidian's default theme), a little of Obsidian's base styling
 * for the view chrome, the plugin's styles.css, and the bundled page script (global `IK`).
 */

const THEME_CSS = `
body { margin: 0; font-family: var(--font-interface); font-size: 14px; background: var(--background-secondary); color: var(--text-normal); }
.theme-light {
  --background-primary: #ffffff; --background-secondary: #f6f6f6; --background-modifier-border: #e0e0e0;
  --background-modifier-border-hover: #d4d4d4; --background-modifier-hover: rgba(0, 0, 0, 0.067);
  --text-normal: #222222; --text-muted: #5c5c5c; --text-faint: #ababab; --text-on-accent: #ffffff;
  --interactive-normal: #ffffff; --interactive-hover: #f0f0f0; --interactive-accent: #7852ee; --interactive-accent-hover: #6a41eb;
  --color-red: #e93147; --color-red-rgb: 233, 49, 71; --color-orange: #ec7500; --color-orange-rgb: 236, 117, 0;
  --color-green: #08b94e; --color-green-rgb: 8, 185, 78; --color-blue: #086ddd; --color-blue-rgb: 8, 109, 221;
}
.theme-dark {
  --background-primary: #1e1e1e; --background-secondary: #262626; --background-modifier-border: #363636;
  --background-modifier-border-hover: #474747; --background-modifier-hover: rgba(255, 255, 255, 0.075);
  --text-normal: #dadada; --text-muted: #b3b3b3; --text-faint: #666666; --text-on-accent: #ffffff;
  --interactive-normal: #363636; --interactive-hover: #3f3f3f; --interactive-accent: #8a5cf5; --interactive-accent-hover: #9a70f7;
  --color-red: #fb464c; --color-red-rgb: 251, 70, 76; --color-orange: #e9973f; --color-orange-rgb: 233, 151, 63;
  --color-green: #44cf6e; --color-green-rgb: 68, 207, 110; --color-blue: #027aff; --color-blue-rgb: 2, 122, 255;
}
body {
  --font-interface: -apple-system, BlinkMacSystemFont, "Segoe UI", Inter, Ubuntu, sans-serif;
  --font-ui-small: 13px; --font-ui-smaller: 12px; --font-ui-large: 18px;
  --radius-s: 4px; --radius-m: 8px; --size-4-1: 4px; --size-4-2: 8px; --size-4-3: 12px; --size-4-4: 16px; --size-4-8: 32px;
}
.workspace-leaf { width: 1280px; height: 760px; display: flex; flex-direction: column; margin: 12px; background: var(--background-primary); border: 1px solid var(--background-modifier-border); border-radius: 8px; overflow: hidden; }
body.is-phone .workspace-leaf { width: 100vw; height: 100vh; margin: 0; border: none; border-radius: 0; }
.workspace-leaf-content { display: flex; flex-direction: column; height: 100%; }
.view-header { display: flex; align-items: center; height: 40px; padding: 0 12px; border-bottom: 1px solid var(--background-modifier-border); }
.view-header-title { flex: 1; font-weight: 600; }
.view-actions { display: flex; gap: 4px; }
.view-content { flex: 1; min-height: 0; }
button { font: inherit; color: var(--text-normal); background: var(--interactive-normal); border: 1px solid var(--background-modifier-border); border-radius: var(--radius-s); padding: 4px 10px; cursor: pointer; }
button.clickable-icon { border: none; background: transparent; color: var(--text-muted); padding: 4px 8px; }
select { font: inherit; color: var(--text-normal); background: var(--interactive-normal); border: 1px solid var(--background-modifier-border); border-radius: var(--radius-s); padding: 3px 6px; }
`;

let script: string | undefined;

/** The page in a theme; `phone`: the leaf fills the (phone-sized) viewport, as on Obsidian mobile. */
export function pageHtml(theme: "theme-light" | "theme-dark" = "theme-light", options: { phone?: boolean } = {}): string {
  const styles = readFileSync(join(__dirname, "../../styles.css"), "utf8");
  script ??= bundleViewSource("iife", join(__dirname, "page-entry.ts"), "IK");
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Phase graph test page</title>
<style>${THEME_CSS}</style>
<style>${styles}</style>
</head>
<body class="${theme}${options.phone ? " is-phone" : ""}"><div id="leaf" class="workspace-leaf"></div>
<script>${script}</script>
</body></html>`;
}
