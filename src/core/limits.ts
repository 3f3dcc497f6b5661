/**
 * Limits on hostile or runaway input, in one place (documented in the README, "Limits"). Each was
 * chosen from measurement: real plans stay far below them, and above them the reader degrades
 * (with a diagnostic naming the file, the size and the limit) instead of freezing or crashing.
 */

/** Indentation (columns) beyond which a line is read as if it were less indented. */
export const MAX_INDENT = 96;

/**
 * Container markers (`>`, `- `, `1. `) opening one line, and emphasis delimiters in one run, beyond
 * which the line is flattened before it reaches remark: remark's time and our tree walks grow with
 * nesting, and no plan nests more than a handful of levels.
 */
export const MAX_NESTING = 32;

/** Emphasis delimiter runs and brackets on one line beyond which the further ones are ignored when parsing. */
export const MAX_INLINE_MARKERS = 256;

/** Dependency keywords ("depends on", "blocks", arrows) read on one line; each is matched against every reference. */
export const MAX_KEYWORDS_PER_LINE = 64;

/** Characters of a task or phase text turned into a graph label (a label shows at most three lines). */
export const MAX_LABEL_SOURCE_CHARS = 2_000;

/** Longest line the Markdown parser sees; longer lines are cut for parsing only (never when writing). */
export const MAX_LINE_CHARS = 10_000;

/**
 * Largest YAML frontmatter (characters) given to the YAML parser, whose time grows with the square
 * of the key count (1 s at 4,000 keys). Larger blocks are read in a simple mode: top-level
 * `key: value` lines only.
 */
export const MAX_FRONTMATTER_CHARS = 16_384;

/** Longest milestone timeline, in days (about 20 years): longer ones cannot be put on a calendar. */
export const MAX_TIMELINE_DAYS = 7_300;

/** Dependencies written out on one task line of the execute note; more are summarised. */
export const MAX_TASK_DEPENDENCIES = 12;

/** Tasks above which the task graph is drawn as its phases, with a diagnostic. */
export const MAX_GRAPH_TASKS = 2_000;

/**
 * Milestone dependencies above which a milestone's integration work is one test and one task
 * (with the milestones it does not already reach through the others), instead of one of each per
 * dependency: "All previous milestones" in a 300-milestone plan made a 90,000-task note.
 */
export const MAX_MILESTONE_INTEGRATIONS = 12;
