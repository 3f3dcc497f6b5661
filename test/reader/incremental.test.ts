import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { updateCheckbox } from "../../src/core/reader/incremental";
import { readPlan } from "../../src/core/reader/read";
import { largeExecuteNote } from "../../bench/synthetic";

/** Ticking a box through the incremental path must give exactly what a full read gives. */
const FIXTURES = join(__dirname, "..", "fixtures", "plans");
const texts: [string, string][] = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".md"))
    .map((f): [string, string] => [f, readFileSync(join(FIXTURES, f), "utf8")]),
  ["large synthetic", largeExecuteNote(3, 1000)],
  ["spec-kit example", readFileSync(join(__dirname, "..", "..", "examples", "vault", "specs", "001-photo-albums", "tasks.md"), "utf8")],
];

/** Offsets of every `[ ]`, `[x]`, `[X]` mark in the text (inside the brackets). */
function checkMarks(text: string): number[] {
  return [...text.matchAll(/\[[ xX]\]/g)].map((m) => (m.index ?? 0) + 1);
}

describe.each(texts)("%s", (_name, text) => {
  const previous = readPlan("plan.md", text);
  const marks = checkMarks(text);

  test("any single check mark flipped: incremental result equals a full read, or it declines", () => {
    if (marks.length === 0) return;
    fc.assert(
      fc.property(fc.constantFrom(...marks), fc.constantFrom(" ", "x", "X"), (offset, mark) => {
        const next = text.slice(0, offset) + mark + text.slice(offset + 1);
        const fast = updateCheckbox(text, previous, next);
        if (fast) expect(fast).toEqual(readPlan("plan.md", next));
      }),
      { numRuns: Math.min(60, marks.length * 3) },
    );
  });

  test("task checkboxes are handled incrementally (it does not just decline)", () => {
    const task = previous.form === "checkbox" ? previous.tasks.find((t) => t.state === "open") : undefined;
    if (!task) return;
    const lines = text.split("\n");
    const offset = lines.slice(0, task.line - 1).reduce((n, l) => n + l.length + 1, 0) + lines[task.line - 1].indexOf("[ ]") + 1;
    const next = text.slice(0, offset) + "x" + text.slice(offset + 1);
    const fast = updateCheckbox(text, previous, next);
    expect(fast?.tasks.find((t) => t.line === task.line)?.state).toBe("done");
  });
});

test("any other edit declines", () => {
  const text = texts[0][1];
  const doc = readPlan("plan.md", text);
  expect(updateCheckbox(text, doc, text.replace("T001", "T101"))).toBeUndefined();
  expect(updateCheckbox(text, doc, `${text}\n- [ ] T999 New`)).toBeUndefined();
  expect(updateCheckbox(text, doc, text)).toBe(doc);
});
