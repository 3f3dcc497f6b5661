import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EXAMPLES, generate, loadAll } from "../helpers";

const TEMPLATE_VISIONS = join(__dirname, "..", "fixtures", "visions-template");

/**
 * Approval files: the execute note generated from each example vision, reviewed line by line.
 * After an intended change, run `UPDATE_APPROVALS=1 npx jest generate-approval` and read the diff.
 */
const APPROVALS = join(__dirname, "..", "approvals");

describe("execute notes of the example vault match their approved files", () => {
  const ids: [string, string][] = [
    ["001-team-reading-list", EXAMPLES],
    ["002-offline-notes-sync", EXAMPLES],
    ["003-field-survey-app", EXAMPLES],
    // Written field for field in the intent-kit v0.0.22 template shapes.
    ["021-volunteer-rota-export", TEMPLATE_VISIONS],
    ["022-library-holds-sms", TEMPLATE_VISIONS],
  ];
  test.each(ids)("%s", async (id, root) => {
    const loaded = (await loadAll(root)).find((l) => l.vision.ref.id === id)!;
    const note = generate(loaded);
    const file = join(APPROVALS, `${id}.execute.md`);
    if (process.env.UPDATE_APPROVALS) writeFileSync(file, note);
    if (!existsSync(file)) {
      writeFileSync(file, note);
      throw new Error(`New approval file ${file} written: review it line by line and commit it.`);
    }
    expect(note).toBe(readFileSync(file, "utf8"));
  });
});
