import type { PlanDoc, PlanTask } from "./model";

/**
 * The common edit to an execution plan is ticking a checkbox. Re-reading the whole note for that
 * costs a full parse; here the change is located by comparing the old and new text from both ends,
 * and when it is exactly one checkbox of one known task flipping between `[ ]`, `[x]` and `[X]`, the
 * previous reading is reused with that task's state changed. Anything else returns undefined and
 * the caller reads the note again. Tests check that the result always equals a full read.
 */
export function updateCheckbox(previousText: string, previous: PlanDoc, nextText: string): PlanDoc | undefined {
  if (previousText.length !== nextText.length) return undefined;
  let start = 0;
  while (start < nextText.length && previousText.charCodeAt(start) === nextText.charCodeAt(start)) start++;
  if (start === nextText.length) return previous;
  let end = nextText.length - 1;
  while (end > start && previousText.charCodeAt(end) === nextText.charCodeAt(end)) end--;
  if (end !== start) return undefined;

  const was = previousText[start];
  const now = nextText[start];
  if (!isCheckMark(was) || !isCheckMark(now) || previousText[start - 1] !== "[" || previousText[start + 1] !== "]") return undefined;

  const line = lineOf(previousText, start);
  const index = taskAtLine(previous.tasks, line);
  if (index < 0) return undefined;
  const task = previous.tasks[index];
  // Only the checkbox of the task itself: its `[ ]` must be the first bracket pair on the line.
  const lineStart = previousText.lastIndexOf("\n", start - 1) + 1;
  if (task.state === null || previousText.indexOf("[", lineStart) !== start - 1) return undefined;

  const state: PlanTask["state"] = now === " " ? "open" : "done";
  if (state === task.state) return { ...previous };
  const tasks = previous.tasks.slice();
  tasks[index] = { ...task, state };
  return { ...previous, tasks };
}

function isCheckMark(ch: string | undefined): boolean {
  return ch === " " || ch === "x" || ch === "X";
}

/** 1-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Index of the task that starts on `line` (tasks are in line order), or -1. */
function taskAtLine(tasks: readonly PlanTask[], line: number): number {
  let lo = 0;
  let hi = tasks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = tasks[mid].line;
    if (l === line) return mid;
    if (l < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
