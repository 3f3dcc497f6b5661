import { type App, Component, debounce, normalizePath } from "obsidian";
import type { PlanAnalyzer } from "./plan-analysis";
import type { IntentKitSettings } from "./settings";
import type { VisionEntry, VisionIndex } from "./vision-index";

/**
 * Keeps `progress` ("3/24") and `next` (the next ready task's text) in each vision's execute note
 * frontmatter, so that a Dataview query or an Obsidian Base can list every vision with its
 * progress. Changes are collected and written after a quiet period, one `processFrontMatter` per
 * note, and only when a value differs. A note the user is editing is left alone until it has been
 * idle for a while or is no longer the active note: a write under the cursor would disturb typing.
 */
export interface FrontmatterValues {
  progress: string;
  next: string;
}

export function frontmatterValues(entry: VisionEntry, analyzer: PlanAnalyzer | undefined): FrontmatterValues | undefined {
  if (!entry.graph || !entry.progress) return undefined;
  const [task] = analyzer?.nextReady?.(entry.graph, 1) ?? [];
  return { progress: `${entry.progress.done}/${entry.progress.total}`, next: task?.text ?? "" };
}

export class FrontmatterSync extends Component {
  private readonly pending = new Set<string>();
  /** When each execute note was last modified (ms), to tell typing from a finished edit. */
  private readonly lastModified = new Map<string, number>();
  private readonly flushSoon = debounce(() => void this.flush(), this.timing.quietMs, true);

  constructor(
    private readonly app: App,
    private readonly index: VisionIndex,
    private readonly settings: () => IntentKitSettings,
    private readonly analyzer: PlanAnalyzer | undefined,
    /** quietMs: wait after the last change before writing; idleMs: an active note edited this recently is being typed in. */
    private readonly timing = { quietMs: 2000, idleMs: 5000 },
  ) {
    super();
  }

  private watching = false;

  override onload(): void {
    const ref = this.index.onChange((folders) => {
      this.watch();
      for (const f of folders) this.pending.add(f);
      if (folders.length) this.flushSoon();
    });
    this.register(() => this.index.offref(ref));
  }

  /** Follows edits and note switches from the index's first change on (loading registers nothing on the vault). */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    this.registerEvent(this.app.vault.on("modify", (file) => this.lastModified.set(file.path, Date.now())));
    // Leaving a note is the moment to catch up with it.
    this.registerEvent(this.app.workspace.on("active-leaf-change", () => this.pending.size && this.flushSoon()));
  }

  override onunload(): void {
    this.watching = false;
    this.flushSoon.cancel();
    this.pending.clear();
  }

  /** Whether the user may be typing in this note right now. */
  private busy(path: string): boolean {
    const active = this.app.workspace.getActiveFile()?.path === path;
    return active && Date.now() - (this.lastModified.get(path) ?? 0) < this.timing.idleMs;
  }

  /** Writes what changed; notes being edited wait for the next round. */
  async flush(): Promise<void> {
    if (!this.settings().frontmatterProgress) {
      this.pending.clear();
      return;
    }
    const folders = [...this.pending];
    this.pending.clear();
    for (const folder of folders) {
      const entry = this.index.get(folder);
      const path = entry?.ref.kind === "vision" ? entry.ref.docs.execute : undefined;
      const values = entry && path ? frontmatterValues(entry, this.analyzer) : undefined;
      const file = path ? this.app.vault.getFileByPath(normalizePath(path)) : null;
      if (!values || !file) continue;
      if (this.busy(file.path)) {
        this.pending.add(folder);
        continue;
      }
      const current = this.app.metadataCache.getFileCache(file)?.frontmatter ?? {};
      if (String(current.progress ?? "") === values.progress && String(current.next ?? "") === values.next) continue;
      try {
        await this.app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
          fm.progress = values.progress;
          fm.next = values.next;
        });
      } catch {
        // Malformed frontmatter: Obsidian refuses to rewrite it, and the note stays as the user wrote it.
      }
    }
    if (this.pending.size) this.flushSoon();
  }
}
