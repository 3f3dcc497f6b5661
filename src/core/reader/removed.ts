import type { Outline, OutlineBlock, OutlineItem } from "./outline";

/**
 * What a regeneration keeps after the plan dropped it: tasks the user worked on, with the mark
 * below, and the user's notes from dropped phases, gathered in one section at the end of the
 * execute note. None of it is part of the plan any more, so none of it counts in progress.
 */

/** Appended to the description of a task whose source left the plan but that the user had worked on. */
export const REMOVED_MARK = " — removed from plan";

/** The title of the section at the end of the note (a level-2 heading). */
export const REMOVED_SECTION = "Removed from plan";
export const REMOVED_HEADING = `## ${REMOVED_SECTION}`;

/** Whether a body line is the section's heading. */
export const isRemovedHeading = (line: string): boolean => line.trimEnd() === REMOVED_HEADING;

const MARKED = REMOVED_MARK.trim();

/** A task line whose description carries the mark (before any trailing fields). */
function marked(item: OutlineItem): boolean {
  const first = item.lines[0] ?? "";
  const at = first.indexOf(MARKED);
  return at >= 0 && (first.length === at + MARKED.length || /\s/.test(first[at + MARKED.length]));
}

function keepItems(items: OutlineItem[]): OutlineItem[] {
  return items.filter((i) => !marked(i)).map((i) => (i.children.length ? { ...i, children: keepItems(i.children) } : i));
}

/** The outline without the "Removed from plan" section and without marked tasks elsewhere. */
export function withoutRemoved(outline: Outline): Outline {
  const blocks: OutlineBlock[] = [];
  let inSection = false;
  for (const b of outline.blocks) {
    if (b.kind === "heading" && b.depth <= 2) inSection = b.depth === 2 && b.text.trim() === REMOVED_SECTION;
    if (inSection) continue;
    if (b.kind === "item") {
      if (!marked(b)) blocks.push(b.children.length ? { ...b, children: keepItems(b.children) } : b);
    } else blocks.push(b);
  }
  return { ...outline, blocks };
}
