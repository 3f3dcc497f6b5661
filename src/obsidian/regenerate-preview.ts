import { type App, Modal, Setting } from "obsidian";
import type { WriteDecision } from "../core/generate/write";
import { type DiffHunk, diffHunks } from "../core/merge/diff";
import { type MergeReport, reportItems, summarizeReport } from "../core/merge/report";

type Writable = Extract<WriteDecision, { content: string }>;

/** Rows shown before the rest of a very long diff is summarised, so huge notes stay responsive. */
const MAX_ROWS = 1500;

function fileName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * A modal that asks one yes/no question: the answer is given once, by its buttons; closing it any
 * other way answers no.
 */
abstract class QuestionModal extends Modal {
  private answered = false;

  constructor(
    app: App,
    private readonly answer: (yes: boolean) => void,
  ) {
    super(app);
  }

  /** Apply/Cancel-style buttons at the bottom of the content. */
  protected addButtons(el: HTMLElement, yes: string): void {
    new Setting(el)
      .setClass("intentk-merge-buttons")
      .addButton((b) =>
        b
          .setButtonText(yes)
          .setCta()
          .onClick(() => this.choose(true)),
      )
      .addButton((b) => b.setButtonText("Cancel").onClick(() => this.choose(false)));
  }

  override onClose(): void {
    this.contentEl.empty();
    this.settle(false);
  }

  private choose(yes: boolean): void {
    this.settle(yes);
    this.close();
  }

  private settle(yes: boolean): void {
    if (this.answered) return;
    this.answered = true;
    this.answer(yes);
  }
}

/**
 * Shows what regeneration will change in an execute note, as a readable line diff with the merge
 * report (conflicts where the user's text was kept, tasks added, kept or removed), and waits for
 * Apply or Cancel. Closing the modal any other way cancels.
 */
export class RegeneratePreviewModal extends QuestionModal {
  constructor(
    app: App,
    private readonly decision: Writable,
    answer: (apply: boolean) => void,
  ) {
    super(app, answer);
  }

  override onOpen(): void {
    const d = this.decision;
    const name = fileName(d.path);
    this.setTitle(d.action === "create" ? `Create ${name}` : d.report?.mode === "two-way" && d.needsConfirmation ? `Merge the plan into ${name}` : `Regenerate ${name}`);
    this.modalEl.addClass("intentk-merge-modal");
    const el = this.contentEl;
    el.empty();
    el.addClass("intentk-merge-preview");
    el.createEl("p", { cls: "intentk-merge-path", text: d.path });
    el.createEl("p", { cls: "intentk-merge-summary", text: this.summary() });
    if (d.report) this.renderReport(el, d.report);
    const hunks = diffHunks(d.previous ?? "", d.content, 3);
    if (hunks.length === 0) el.createEl("p", { cls: "intentk-merge-empty", text: "The note's text stays the same." });
    else this.renderDiff(el.createDiv({ cls: "intentk-merge-diff" }), hunks);
    this.addButtons(el, "Apply");
  }

  private summary(): string {
    const d = this.decision;
    if (d.action === "create") return `A new execute note with ${(d.content.match(/^\s*- \[[ xX]\] T\d+/gm) ?? []).length} tasks.`;
    const said = d.report ? summarizeReport(d.report) : "";
    const backup = " The current version is kept as a backup.";
    return `${said ? `${said[0].toUpperCase()}${said.slice(1)}.` : "The generated parts follow the plan."} Your checkmarks, edits and additions are kept.${backup}`;
  }

  private renderReport(el: HTMLElement, report: MergeReport): void {
    const items = reportItems(report);
    if (items.length === 0) return;
    const box = el.createDiv({ cls: "intentk-merge-report" });
    if (report.conflicts.length) {
      box.createEl("p", { cls: "intentk-merge-report-title", text: "Where you and the plan changed the same lines, your text was kept:" });
    }
    const list = box.createEl("ul");
    for (const item of items) {
      const li = list.createEl("li", { cls: `intentk-merge-item intentk-merge-item-${item.kind}` });
      if (item.line !== undefined) li.createSpan({ cls: "intentk-merge-item-line", text: `Line ${item.line}: ` });
      li.createSpan({ text: item.text });
    }
  }

  private renderDiff(el: HTMLElement, hunks: DiffHunk[]): void {
    let shown = 0;
    for (const h of hunks) {
      if (shown >= MAX_ROWS) {
        const rest = hunks.slice(hunks.indexOf(h)).reduce((n, x) => n + x.rows.length, 0);
        el.createDiv({ cls: "intentk-merge-more", text: `… ${rest} more lines of changes` });
        return;
      }
      const hunk = el.createDiv({ cls: "intentk-merge-hunk" });
      hunk.createDiv({ cls: "intentk-merge-hunk-header", text: h.newLines ? `Lines ${h.newStart}–${h.newStart + h.newLines - 1}` : `After line ${h.newStart}` });
      for (const r of h.rows) {
        shown++;
        const row = hunk.createDiv({ cls: `intentk-merge-row intentk-merge-${r.kind}` });
        row.createSpan({ cls: "intentk-merge-line-number", text: r.kind === "remove" ? String(r.oldLine ?? "") : String(r.newLine ?? "") });
        row.createSpan({ cls: "intentk-merge-sign", text: r.kind === "add" ? "+" : r.kind === "remove" ? "−" : " " });
        row.createSpan({ cls: "intentk-merge-text", text: r.text === "" ? " " : r.text });
      }
    }
  }
}

/**
 * Shows the preview of a rewrite and resolves true when the user applies it. A new note (nothing to
 * lose), "unchanged" and "refuse" need no answer.
 */
export function previewWrite(app: App, decision: WriteDecision): Promise<boolean> {
  if (decision.action === "refuse") return Promise.resolve(false);
  if (decision.action === "unchanged" || decision.action === "create") return Promise.resolve(true);
  return new Promise((resolve) => new RegeneratePreviewModal(app, decision, resolve).open());
}

/**
 * Asks before Intent Kit takes over an execution plan it did not write (the decision was refused
 * with `canAdopt`). Resolves true to merge the plan into it; the preview still follows.
 */
export class AdoptNoteModal extends QuestionModal {
  constructor(
    app: App,
    private readonly path: string,
    answer: (adopt: boolean) => void,
  ) {
    super(app, answer);
  }

  override onOpen(): void {
    this.setTitle(`Take over ${fileName(this.path)}?`);
    const el = this.contentEl;
    el.empty();
    el.addClass("intentk-merge-preview");
    el.createEl("p", { text: `${this.path} was not written by Intent Kit.` });
    el.createEl("p", {
      text: "Merging adds the tasks and sections the plan calls for. Every checkmark and every line already in the note is kept, and nothing is written before you have seen the changes.",
    });
    this.addButtons(el, "Merge the plan into it");
  }
}

export function confirmAdopt(app: App, decision: WriteDecision): Promise<boolean> {
  if (decision.action !== "refuse" || !decision.canAdopt) return Promise.resolve(false);
  return new Promise((resolve) => new AdoptNoteModal(app, decision.path, resolve).open());
}
