/** @jest-environment jsdom */
/**
 * The plugin runs one generation at a time: a command while a bulk regeneration runs waits for it
 * instead of merging against the same base at the same time.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BaseRecord } from "../../src/core/base-store";
import { type Harness, loadPlugin } from "../plugin/harness";
import { expectNoDuplicates } from "./fs-helpers";

// Real processes and disks on a shared machine: generous, never an assertion about time.
jest.setTimeout(60000);

const V2 = "visions/002-offline-notes-sync";

let h: Harness;
afterEach(async () => {
  await h?.cleanup();
});

test("concurrent generations of the same vault run one after the other and never duplicate tasks", async () => {
  h = await loadPlugin();
  const bases = new Map<string, BaseRecord>();
  let inFlight = 0;
  let most = 0;
  h.plugin.writer.hooks = {
    confirmWrite: async () => true,
    baseStore: {
      // From loading the base to saving the new one is one generation.
      load: async (id) => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 20));
        return bases.get(id);
      },
      save: async (id, record) => {
        inFlight--;
        bases.set(id, record);
      },
      backup: async () => undefined,
    },
  };
  const entry = h.plugin.index.get("002-offline-notes-sync")!;
  await Promise.all([h.plugin.writer.generate(entry.ref), h.plugin.writer.generate(entry.ref)]);
  const note = join(h.dir, `${V2}/execute.md`);
  writeFileSync(note, readFileSync(note, "utf8").replace("- [ ] T003 ", "- [x] T003 "));
  const plan = join(h.dir, `${V2}/plan.md`);
  writeFileSync(plan, readFileSync(plan, "utf8").replace("  - Conflict copy", "  - Retry backoff in `src/sync/retry.ts`\n  - Conflict copy"));
  await h.settle();
  const results = await Promise.all([h.plugin.writer.generate(entry.ref, false), h.plugin.writer.generateAll([entry.ref]), h.plugin.writer.generate(entry.ref, false)]);
  expect(results.flat().map((r) => r.action)).not.toContain("refuse");
  expect(most).toBe(1);
  const text = readFileSync(note, "utf8");
  expectNoDuplicates(text);
  expect(text).toContain("- [x] T003 ");
  expect(text).toContain("Deliver retry backoff");
});
