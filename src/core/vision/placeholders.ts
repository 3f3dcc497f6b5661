/**
 * Template placeholders left in a note: `[NEEDS CLARIFICATION: …]`, `[DATE]`, `[###-name]`,
 * `[Title]`, `[Brief description of …]`. They are reported and never copied into generated text.
 * Task markers (`[P]`, `[M2]`, `[US1]`, `[P1]`), checkboxes, wikilinks and Markdown links are not
 * placeholders, nor is ordinary lower-case bracketed text such as `[beta]`.
 */
const TEMPLATE_WORDS = new Set([
  "title", "name", "description", "date", "link", "owner", "metric", "target", "baseline", "timeline",
  "objective", "approach", "technology", "framework", "entity", "service", "feature", "project name",
  "link to plan document", "validation entity", "validation service", "validation feature",
]);

const BRACKETS = /(^|[^[\]!])\[([^[\]\n]{1,200})\](?![[(:])/g;

function isPlaceholder(inner: string): boolean {
  const text = inner.trim();
  if (/^NEEDS CLARIFICATION\b/i.test(text)) return true;
  if (/^#{2,}/.test(text)) return true;
  if (/^(?:P\d|[xX ]|M\d+[a-z]?|US\d+[a-z]?|T\d+[a-z]?|[A-Z]{1,3}\d*)$/.test(text)) return false;
  if (/^[A-Z][A-Z0-9 _/#-]{2,}$/.test(text) && /[A-Z]{3}/.test(text)) return true;
  if (TEMPLATE_WORDS.has(text.toLowerCase())) return /^[A-Z]/.test(text);
  return /^(?:Brief description|How to|Add more|Describe|Mechanism \d|Trigger \d|Risk \d -|Method \d|Standard \d|Point \d|Process \d|Checkpoint \d|Metric \d|Document \d|Step \d)/.test(text) || /\be\.g\.,?\s/.test(text);
}

export interface Placeholder {
  text: string;
  index: number;
}

export function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const m of text.matchAll(BRACKETS)) {
    if (isPlaceholder(m[2])) found.push({ text: `[${m[2]}]`, index: (m.index ?? 0) + m[1].length });
  }
  return found;
}

export function hasPlaceholder(text: string): boolean {
  return findPlaceholders(text).length > 0;
}
