import type { FileAccess } from "../files";
import type { PlanDoc, PlanGraph } from "../graph/model";
import { type NoteTask, missingIds, noteTaskDoc, noteTaskGraph, readNoteTasks } from "./note-tasks";

/**
 * The task graph of a plain note, looking up the `🆔` it waits for in the other Markdown notes of
 * the same folder or vault (`files` is rooted there). The CLI and the plugin both come here, so a
 * note gives the same graph in both. Other notes are read only when the note names IDs it does
 * not define, and only those that contain a `🆔`.
 */
export async function noteGraphOf(files: FileAccess, path: string, text: string): Promise<{ doc: PlanDoc; graph: PlanGraph }> {
  const tasks = readNoteTasks(path, text);
  const external = new Map<string, NoteTask>();
  if (missingIds(tasks).length > 0) {
    const others = (await files.list()).filter((p) => p !== path && /\.md$/i.test(p)).sort();
    for (const other of others) {
      let body: string;
      try {
        body = await files.read(other);
      } catch {
        continue; // unreadable: its IDs stay unknown and the diagnostic says so
      }
      if (!body.includes("🆔")) continue;
      // Every 🆔: a task of another note may wait for tasks of a third one.
      for (const t of readNoteTasks(other, body)) if (t.named && !external.has(t.id)) external.set(t.id, t);
    }
  }
  const doc = noteTaskDoc(path, tasks, external);
  return { doc, graph: noteTaskGraph(doc) };
}

/** Whether a note is read as a plain task note: it has checkbox items, and no execution-plan tasks. */
export function isTaskNote(planTasks: number, text: string): boolean {
  return planTasks === 0 && readNoteTasks("", text).length > 0;
}
