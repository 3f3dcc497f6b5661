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

const withMarks = texts.filter(([, text]) => checkMarks(text).length > 0);
const withCheckboxTasks = texts.filter(([, text]) => {
  const doc = readPlan("plan.md", text);
  return doc.form === "checkbox" && doc.tasks.some((t) => t.state === "open");
});

test("the fixtures exercise both cases", () => {
  expect(withMarks.length).toBeGreaterThan(15);
  expect(withCheckboxTasks.length).toBeGreaterThan(12);
});

describe.each(withMarks)("%s: any single check mark flipped", (_name, text) => {
  test("the incremental result equals a full read, or it declines", () => {
    const previous = readPlan("plan.md", text);
    const marks = checkMarks(text);
    fc.assert(
      fc.property(fc.constantFrom(...marks), fc.constantFrom(" ", "x", "X"), (offset, mark) => {
        const next = text.slice(0, offset) + mark + text.slice(offset + 1);
        const fast = updateCheckbox(text, previous, next);
        if (fast) expect(fast).toEqual(readPlan("plan.md", next));
      }),
      { numRuns: Math.min(60, marks.length * 3) },
    );
  });
});

describe.each(withCheckboxTasks)("%s: ticking an open task", (_name, text) => {
  test("is handled incrementally (it does not just decline)", () => {
    const previous = readPlan("plan.md", text);
    const task = previous.tasks.find((t) => t.state === "open")!;
    const lines = text.split("\n");
    const offset = lines.slice(0, task.line - 1).reduce((n, l) => n + l.length + 1, 0) + lines[task.line - 1].indexOf("[ ]") + 1;
    const next = text.slice(0, offset) + "x" + text.slice(offset + 1);
    const fast = updateCheckbox(text, previous, next);
    expect(fast?.tasks.find((t) => t.line === task.line)?.state).toBe("done");
    expect(fast).toEqual(readPlan("plan.md", next));
  });
});

test("any other edit declines", () => {
  const text = texts[0][1];
  const doc = readPlan("plan.md", text);
  expect(updateCheckbox(text, doc, text.replace("T001", "T101"))).toBeUndefined();
  expect(updateCheckbox(text, doc, `${text}\n- [ ] T999 New`)).toBeUndefined();
  expect(updateCheckbox(text, doc, text)).toBe(doc);
});
