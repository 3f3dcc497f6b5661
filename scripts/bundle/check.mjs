// What main.js must never contain, checked on every production build so that a dependency update
// cannot bring it back. Regex lookbehind: the WebViews of iOS before 16.4 cannot parse the file at all.
// eval and innerHTML/outerHTML: flagged by the plugin review and by security scanners.

/** main.js's size budget, in bytes. */
export const MAX_BUNDLE_BYTES = 420_000;

const forbidden = [
  { name: "regex lookbehind", pattern: /\(\?<[=!]/g },
  { name: "eval", pattern: /(?:^|[^\w$])eval\s*[()]/g },
  { name: "innerHTML/outerHTML", pattern: /\b(?:inner|outer)HTML\b/g },
];

/** The problems of a bundle's text, each a line naming what was found and a stretch around it. */
export function bundleProblems(text, bytes = Buffer.byteLength(text)) {
  const problems = [];
  for (const { name, pattern } of forbidden) {
    for (const m of text.matchAll(pattern)) {
      problems.push(`${name} at offset ${m.index}: …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
    }
  }
  if (bytes > MAX_BUNDLE_BYTES) problems.push(`${bytes} bytes, over the budget of ${MAX_BUNDLE_BYTES}`);
  return problems;
}
