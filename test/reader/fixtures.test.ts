import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readPlan } from "../../src/core/reader/read";
import { PLANS, dependencyPairs, fixture } from "./helpers";

/** Independent counts per fixture file, written by hand for this project (see expected.json). */
interface Expected {
  file: string;
  form: string;
  tasks: number;
  done: number;
  parallel: number;
  labels: string[];
  duplicateIds: string[];
  phasesWithTasks: number;
  dependencies?: [string, string][];
  unknownDependencies?: string[];
}

const expected = JSON.parse(readFileSync(join(PLANS, "expected.json"), "utf8")) as Expected[];

describe.each(expected)("$file", (e) => {
  const doc = readPlan(e.file, fixture(e.file));
  const ids = doc.tasks.map((t) => t.id);

  test("form, task, done and [P] counts", () => {
    expect({ form: doc.form, tasks: doc.tasks.length, done: doc.tasks.filter((t) => t.state === "done").length, parallel: doc.tasks.filter((t) => t.parallel).length }).toEqual({
      form: e.form,
      tasks: e.tasks,
      done: e.done,
      parallel: e.parallel,
    });
  });

  test("story/milestone labels, duplicated IDs, phases holding tasks", () => {
    expect([...new Set(doc.tasks.flatMap((t) => t.labels))].sort()).toEqual([...e.labels].sort());
    expect([...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))].sort()).toEqual([...e.duplicateIds].sort());
    expect(doc.phases.length).toBe(e.phasesWithTasks);
    expect(doc.phases.every((p) => doc.tasks.some((t) => t.phase === p.id))).toBe(true);
  });

  if (e.dependencies) {
    test("dependencies between tasks", () => {
      const want = [...e.dependencies!].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
      expect(dependencyPairs(doc)).toEqual(want);
    });
  }
  if (e.unknownDependencies) {
    test("dependencies on unknown IDs are kept as written and reported", () => {
      const unknown = [...new Set(doc.tasks.flatMap((t) => t.dependsOn.filter((d) => !ids.includes(d))))].sort();
      expect(unknown).toEqual([...e.unknownDependencies!].sort());
      for (const id of unknown) expect(doc.diagnostics.some((d) => d.code === "unknown-dependency" && d.message.includes(id))).toBe(true);
    });
  }

  test("duplicate IDs are reported on every line that uses them", () => {
    for (const id of e.duplicateIds) {
      const lines = doc.tasks.filter((t) => t.id === id).map((t) => t.line);
      const reported = doc.diagnostics.filter((d) => d.code === "duplicate-task-id" && d.message.includes(`${id} `)).map((d) => d.line);
      expect(reported.sort((a, b) => a - b)).toEqual(lines.sort((a, b) => a - b));
    }
  });
});

test("every fixture listed in expected.json exists and every fixture is listed", () => {
  const listed = new Set(expected.map((e) => e.file));
  const files = readdirSync(PLANS).filter((f) => f.endsWith(".md"));
  expect(files.filter((f) => !listed.has(f))).toEqual([]);
});
