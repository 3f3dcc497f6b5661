import { type App, Component, FuzzySuggestModal, Keymap, Modal, type PaneType, Setting } from "obsidian";
import type { Diagnostic } from "../core/diagnostics";
import { sortDiagnostics } from "../core/diagnostics";
import type { VisionEntry } from "./vision-index";

/** Asks for the name of a new vision. */
export class NewVisionModal extends Modal {
  private name = "";

  constructor(
    app: App,
    private readonly onSubmit: (name: string) => unknown,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle("Create new vision");
    this.contentEl.createEl("p", { text: "A folder with vision, goal, strategy and plan notes is created from the templates.", cls: "setting-item-description" });
    new Setting(this.contentEl).setName("Name").addText((text) => {
      text.setPlaceholder("Team reading list").onChange((value) => (this.name = value));
      text.inputEl.focus();
    });
    new Setting(this.contentEl).addButton((b) => b.setButtonText("Create").setCta().onClick(() => this.submit()));
    this.scope.register([], "Enter", (evt) => {
      evt.preventDefault();
      this.submit();
      return false;
    });
  }

  /** Creates the vision with the name typed so far (empty names are ignored). */
  submit(): void {
    const name = this.name.trim();
    if (!name) return;
    this.close();
    void this.onSubmit(name);
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The diagnostics of a vision, grouped by file; each one opens its file at its line. */
export class DiagnosticsModal extends Modal {
  private readonly component = new Component();

  constructor(
    app: App,
    private readonly title: string,
    private readonly diagnostics: readonly Diagnostic[],
    private readonly openAt: (d: Diagnostic, newLeaf: PaneType | boolean) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.component.load();
    this.setTitle(this.title);
    this.modalEl.addClass("intentk-diagnostics-modal");
    const list = sortDiagnostics([...this.diagnostics]);
    const errors = list.filter((d) => d.severity === "error").length;
    this.contentEl.createEl("p", {
      cls: "intentk-diagnostics-summary",
      text: list.length === 0 ? "No problems found." : `${errors} error${errors === 1 ? "" : "s"}, ${list.length - errors} other finding${list.length - errors === 1 ? "" : "s"}.`,
    });
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of list) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
    for (const [file, items] of byFile) {
      const group = this.contentEl.createDiv({ cls: "intentk-diagnostics-group" });
      group.createDiv({ cls: "intentk-diagnostics-file", text: file });
      const ul = group.createEl("ul", { cls: "intentk-diagnostics-list" });
      for (const d of items.sort((a, b) => a.line - b.line || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])) {
        const li = ul.createEl("li", { cls: `intentk-diagnostic intentk-severity-${d.severity}` });
        const button = li.createEl("button", { cls: "intentk-diagnostic-open", attr: { "aria-label": `Open ${file} at line ${d.line}` } });
        button.createSpan({ cls: "intentk-diagnostic-where", text: `Line ${d.line}` });
        button.createSpan({ cls: "intentk-diagnostic-severity", text: d.severity });
        button.createSpan({ cls: "intentk-diagnostic-message", text: d.message });
        this.component.registerDomEvent(button, "click", (evt) => {
          this.close();
          this.openAt(d, Keymap.isModEvent(evt));
        });
      }
    }
  }

  override onClose(): void {
    this.component.unload();
    this.contentEl.empty();
  }
}

/** A fuzzy picker of visions (for the ribbon button when the active note belongs to none). */
export class VisionPickerModal extends FuzzySuggestModal<VisionEntry> {
  constructor(
    app: App,
    private readonly visions: readonly VisionEntry[],
    private readonly onPick: (entry: VisionEntry) => void,
  ) {
    super(app);
    this.setPlaceholder("Choose a vision to show its phase graph");
  }

  getItems(): VisionEntry[] {
    return [...this.visions];
  }

  getItemText(entry: VisionEntry): string {
    return `${entry.ref.id} — ${entry.name}`;
  }

  onChooseItem(entry: VisionEntry): void {
    this.onPick(entry);
  }
}
