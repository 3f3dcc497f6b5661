import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { PlanDoc } from "../../src/core/reader/model";

export const PLANS = join(__dirname, "..", "fixtures", "plans");
export const ROOT = join(__dirname, "..", "..");

export function fixture(name: string): string {
  return readFileSync(join(PLANS, name), "utf8");
}

/** Every Markdown plan the reader is tested on: the fixtures, the example spec, the approval notes. */
export function planFiles(): { name: string; text: string }[] {
  const fixtures = readdirSync(PLANS)
    .filter((f) => f.endsWith(".md"))
    .map((f) => ({ name: f, text: fixture(f) }));
  const approvals = readdirSync(join(ROOT, "test", "approvals")).map((f) => ({ name: `approvals/${f}`, text: readFileSync(join(ROOT, "test", "approvals", f), "utf8") }));
  const example = { name: "examples/specs/001-photo-albums/tasks.md", text: readFileSync(join(ROOT, "examples", "vault", "specs", "001-photo-albums", "tasks.md"), "utf8") };
  return [...fixtures, example, ...approvals];
}

/** `[task, dependency]` pairs between tasks that exist, sorted. */
export function dependencyPairs(doc: PlanDoc): [string, string][] {
  const ids = new Set(doc.tasks.map((t) => t.id));
  return doc.tasks
    .flatMap((t) => t.dependsOn.filter((d) => ids.has(d)).map((d): [string, string] => [t.id, d]))
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

/** A spec-kit–style plan with `n` tasks over `phases` phases, some done, [P], labelled and dependent. */
export function syntheticPlan(n: number, phases: number): string {
  const out = ["# Tasks: Synthetic", ""];
  const per = Math.ceil(n / phases);
  let id = 1;
  for (let p = 1; p <= phases; p++) {
    const title = p === 1 ? "Setup" : p === 2 ? "Foundational" : p === phases ? "Polish & Cross-Cutting Concerns" : `User Story ${p - 2} - Feature ${p} (Priority: P${(p % 3) + 1})`;
    out.push(`## Phase ${p}: ${title}`, "", `### Tests for phase ${p}`, "");
    for (let k = 0; k < per && id <= n; k++, id++) {
      const tid = (i: number): string => `T${String(i).padStart(5, "0")}`;
      const dep = k > 2 && id % 3 === 0 ? ` (depends on ${tid(id - 1)}, ${tid(id - 2)})` : "";
      const label = p > 2 && p < phases ? ` [US${p - 2}]` : "";
      out.push(`- [${id % 4 === 0 ? "x" : " "}] ${tid(id)}${id % 2 ? " [P]" : ""}${label} Implement feature ${id} in src/mod${p}/file${k}.ts${dep}`);
    }
    out.push("", "---", "");
  }
  return out.join("\n");
}
