/**
 * Template placeholders left in a note: `[NEEDS CLARIFICATION: …]`, `[DATE]`, `[###-name]`,
 * `[Title]`, `[Brief description of …]`. They are reported and never copied into generated text.
 * Every bracketed shape of the intent-kit v0.0.22 templates is one: capitalised prompts
 * ("What specifically…", "Method 1 - e.g., …"), lower-case slots ending in a template noun
 * (`[initial state]`, `[user action]`, `[timeframe]`). Task markers (`[P]`, `[M2]`, `[US1]`, `[P1]`),
 * checkboxes, wikilinks, Markdown links and references such as `[Milestone 1]` are not, nor is
 * ordinary bracketed text such as `[beta]`. Every pattern is anchored and bounded (linear time).
 */
const TEMPLATE_WORDS = new Set([
  "title", "name", "description", "date", "link", "owner", "metric", "target", "baseline", "timeline",
  "objective", "approach", "technology", "framework", "entity", "service", "feature", "project name",
  "link to plan document", "validation entity", "validation service", "validation feature", "analysis",
  "sub-milestone", "validation test", "integration test",
]);

/** Lower-case template slots (`[initial state]`, `[user action]`, `[timeframe]`) end in one of these words. */
const SLOT_NOUNS =
  /(?:^|\s)(?:state|action|outcome|condition|scenario|pattern|capability|interaction|requirement|behavior|behaviour|need|problem|timeframe|volume|percentage|type|metric|value|technology|framework|entity|service|location|file|name|structure|feature|insufficient|document|amount|role|date|link)$/;

/** Capitalised template prompts: "What specifically…", "How to…", "Method 1 - …", "Start and end dates - …". */
const PROMPT = /^(?:Brief|Title|How|What|When|Who|Why|Where|Which|Describe|Explain|Extract|Add more|Document the|Name of|Total|Key|Specific|Tangible|Other work|People|Contingency|Action to|Detailed|Description|Likelihood|Effect on|Resource used|Risk \d|Risk specific|Risk from|Measurable|User satisfaction|Business metric|Learning metric|Assumption|Constraint|Technical|Resource,|Primary|Secondary|Tertiary|Outcome Area|Advantage|Trade-off|Alternative|Step \d|Mechanism \d|Trigger \d|Method \d|Standard \d|Point \d|Process \d|Checkpoint \d|Metric \d|Document \d|Indicator \d|Condition \d|Dependency \d|Role \d|Budget item|Resource \d|Difference \d|Plan [A-C]\b|Milestone sequence|Milestones\/activities|Start and end|Current value)/;

const BRACKETS = /(^|[^[\]!])\[([^[\]\n]{1,200})\](?![[(:])/g;

/** Names that are real references, not slots: `[Milestone 1]`, `[Phase 2]`. */
const REFERENCE = /^(?:Milestone|Phase|Intent|Objective|Strategy|Step)\s+\d+[a-z]?$/;

function isPlaceholder(inner: string): boolean {
  const text = inner.trim();
  if (/^NEEDS CLARIFICATION\b/i.test(text)) return true;
  if (/^#{2,}/.test(text)) return true;
  if (/^(?:P\d|[xX ]|M\d+[a-z]?|US\d+[a-z]?|T\d+[a-z]?|[A-Z]{1,3}\d*)$/.test(text)) return false;
  if (/^[A-Z][A-Z0-9 _/#-]{2,}$/.test(text) && /[A-Z]{3}/.test(text)) return true;
  if (/\be\.g\.,?\s/.test(text) || /^\d\/\d\/Tie$/.test(text)) return true;
  if (REFERENCE.test(text)) return false;
  if (TEMPLATE_WORDS.has(text.toLowerCase())) return /^[A-Z]/.test(text) || text.length > 3;
  if (/^[a-z]/.test(text)) return SLOT_NOUNS.test(text) || /^(?:why|how|what|when|specific|current|domain-specific|link to|platform-specific|process requirement|key interaction|behavior|specific capability)\b/.test(text);
  return PROMPT.test(text) || (/^[A-Z][a-z]+(?:\s+\S+){3,}/.test(text) && /\s-\s|,|\b(?:this|each|to be|needs?|should|must)\b/.test(text));
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
