import type { App } from "./app";
import { Component } from "./events";

/** Notices, modals, suggesters, settings: minimal DOM (jsdom) with the behaviour tests drive. */

export class Notice {
  /** Test helper: every notice shown, oldest first. */
  static shown: Notice[] = [];
  /** Test helper: every message any notice showed (set at creation or later), oldest first. */
  static messages: string[] = [];
  containerEl: HTMLElement;
  messageEl: HTMLElement;
  noticeEl: HTMLElement;
  hidden = false;

  constructor(
    message: string | DocumentFragment,
    public duration?: number,
  ) {
    this.containerEl = createDiv({ cls: "notice" });
    this.messageEl = this.containerEl.createDiv({ cls: "notice-message" });
    this.noticeEl = this.messageEl;
    this.setMessage(message);
    document.body.appendChild(this.containerEl);
    Notice.shown.push(this);
  }

  get text(): string {
    return this.messageEl.textContent ?? "";
  }

  setMessage(message: string | DocumentFragment): this {
    this.messageEl.empty();
    if (typeof message === "string") this.messageEl.setText(message);
    else this.messageEl.appendChild(message);
    Notice.messages.push(this.messageEl.textContent ?? "");
    return this;
  }

  hide(): void {
    this.hidden = true;
    this.containerEl.remove();
  }

  /** Test helper: hides every notice and forgets them. */
  static reset(): void {
    for (const n of Notice.shown) n.hide();
    Notice.shown = [];
    Notice.messages = [];
  }
}

export class Scope {
  keys: { modifiers: string[] | null; key: string | null; func: (evt: KeyboardEvent) => unknown }[] = [];
  register(modifiers: string[] | null, key: string | null, func: (evt: KeyboardEvent) => unknown): object {
    const handler = { modifiers, key, func };
    this.keys.push(handler);
    return handler;
  }
  unregister(handler: object): void {
    this.keys = this.keys.filter((k) => k !== handler);
  }
}

export class Modal {
  /** Test helper: modals currently open. */
  static open: Modal[] = [];
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  scope = new Scope();
  shouldRestoreSelection = false;

  constructor(public app: App) {
    this.containerEl = createDiv({ cls: "modal-container" });
    this.modalEl = this.containerEl.createDiv({ cls: "modal" });
    this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
    this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
  }

  open(): void {
    document.body.appendChild(this.containerEl);
    Modal.open.push(this);
    void this.onOpen();
  }

  close(): void {
    Modal.open = Modal.open.filter((m) => m !== this);
    this.onClose();
    this.containerEl.remove();
  }

  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }

  setContent(content: string | DocumentFragment): this {
    this.contentEl.setText(content);
    return this;
  }

  onOpen(): void | Promise<void> {}
  onClose(): void {}

  /** Test helper: the last modal opened that is an instance of `type`. */
  static last<T>(type: abstract new (...args: never[]) => T): T | undefined {
    return [...Modal.open].reverse().find((m) => m instanceof type) as T | undefined;
  }
}

export interface FuzzyMatch<T> {
  item: T;
  match: { score: number; matches: [number, number][] };
}

export abstract class SuggestModal<T> extends Modal {
  inputEl: HTMLInputElement;
  resultContainerEl: HTMLElement;
  emptyStateText = "No results found.";
  limit = 100;
  instructions: { command: string; purpose: string }[] = [];

  constructor(app: App) {
    super(app);
    this.inputEl = this.modalEl.createEl("input", { cls: "prompt-input" });
    this.resultContainerEl = this.modalEl.createDiv({ cls: "prompt-results" });
  }

  setPlaceholder(text: string): void {
    this.inputEl.placeholder = text;
  }

  setInstructions(instructions: { command: string; purpose: string }[]): void {
    this.instructions = instructions;
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;

  /** Test helper: suggestions for a query, rendered into the result list. */
  async query(text: string): Promise<T[]> {
    this.inputEl.value = text;
    const items = (await this.getSuggestions(text)).slice(0, this.limit);
    this.resultContainerEl.empty();
    for (const item of items) this.renderSuggestion(item, this.resultContainerEl.createDiv({ cls: "suggestion-item" }));
    return items;
  }

  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.close();
    this.onChooseSuggestion(value, evt);
  }
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;

  getSuggestions(query: string): FuzzyMatch<T>[] {
    const q = query.toLowerCase().replace(/\s+/g, "");
    return this.getItems().flatMap((item) => {
      const text = this.getItemText(item).toLowerCase();
      let at = 0;
      for (const ch of q) {
        at = text.indexOf(ch, at);
        if (at < 0) return [];
        at++;
      }
      return [{ item, match: { score: -text.length, matches: [] as [number, number][] } }];
    });
  }

  renderSuggestion(value: FuzzyMatch<T>, el: HTMLElement): void {
    el.setText(this.getItemText(value.item));
  }

  onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    this.onChooseItem(item.item, evt);
  }

  /** Test helper: chooses the first item whose text contains `text`. */
  choose(text: string): T {
    const item = this.getItems().find((i) => this.getItemText(i).includes(text));
    if (item === undefined) throw new Error(`No item "${text}" in ${this.getItems().map((i) => this.getItemText(i)).join(", ")}`);
    this.selectSuggestion({ item, match: { score: 0, matches: [] } }, new MouseEvent("click"));
    return item;
  }
}

abstract class BaseComponent {
  disabled = false;
  then(cb: (component: this) => unknown): this {
    cb(this);
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
}

export class TextComponent extends BaseComponent {
  inputEl: HTMLInputElement;
  private changed: ((value: string) => unknown) | undefined;

  constructor(containerEl: HTMLElement) {
    super();
    this.inputEl = containerEl.createEl("input", { type: "text" });
    this.inputEl.addEventListener("input", () => void this.changed?.(this.inputEl.value));
  }
  getValue(): string {
    return this.inputEl.value;
  }
  setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }
  setPlaceholder(placeholder: string): this {
    this.inputEl.placeholder = placeholder;
    return this;
  }
  onChange(cb: (value: string) => unknown): this {
    this.changed = cb;
    return this;
  }
  onChanged(): void {
    void this.changed?.(this.inputEl.value);
  }
  /** Test helper: types a value, as the user would. */
  type(value: string): unknown {
    this.inputEl.value = value;
    return this.changed?.(value);
  }
}

export class DropdownComponent extends BaseComponent {
  selectEl: HTMLSelectElement;
  private changed: ((value: string) => unknown) | undefined;

  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
    this.selectEl.addEventListener("change", () => void this.changed?.(this.selectEl.value));
  }
  addOption(value: string, display: string): this {
    this.selectEl.createEl("option", { value, text: display });
    return this;
  }
  addOptions(options: Record<string, string>): this {
    for (const [v, d] of Object.entries(options)) this.addOption(v, d);
    return this;
  }
  getValue(): string {
    return this.selectEl.value;
  }
  setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }
  onChange(cb: (value: string) => unknown): this {
    this.changed = cb;
    return this;
  }
  /** Test helper: picks an option, as the user would. */
  select(value: string): unknown {
    this.selectEl.value = value;
    return this.changed?.(value);
  }
}

export class ToggleComponent extends BaseComponent {
  toggleEl: HTMLElement;
  private value = false;
  private changed: ((value: boolean) => unknown) | undefined;
  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = containerEl.createDiv({ cls: "checkbox-container" });
  }
  getValue(): boolean {
    return this.value;
  }
  setValue(on: boolean): this {
    this.value = on;
    this.toggleEl.toggleClass("is-enabled", on);
    return this;
  }
  onChange(cb: (value: boolean) => unknown): this {
    this.changed = cb;
    return this;
  }
  /** Test helper. */
  flip(): unknown {
    this.setValue(!this.value);
    return this.changed?.(this.value);
  }
}

export class ButtonComponent extends BaseComponent {
  buttonEl: HTMLButtonElement;
  private clicked: ((evt: MouseEvent) => unknown) | undefined;
  constructor(containerEl: HTMLElement) {
    super();
    this.buttonEl = containerEl.createEl("button");
    this.buttonEl.addEventListener("click", (evt) => void this.clicked?.(evt));
  }
  setButtonText(name: string): this {
    this.buttonEl.setText(name);
    return this;
  }
  setCta(): this {
    this.buttonEl.addClass("mod-cta");
    return this;
  }
  setWarning(): this {
    this.buttonEl.addClass("mod-warning");
    return this;
  }
  setIcon(icon: string): this {
    this.buttonEl.setAttr("data-icon", icon);
    return this;
  }
  setTooltip(tooltip: string): this {
    this.buttonEl.setAttr("aria-label", tooltip);
    return this;
  }
  onClick(cb: (evt: MouseEvent) => unknown): this {
    this.clicked = cb;
    return this;
  }
}

export class Setting {
  settingEl: HTMLElement;
  infoEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  components: BaseComponent[] = [];

  constructor(containerEl: HTMLElement) {
    this.settingEl = containerEl.createDiv({ cls: "setting-item" });
    this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
    this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
    this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
    this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
  }
  setName(name: string | DocumentFragment): this {
    this.nameEl.setText(name);
    return this;
  }
  setDesc(desc: string | DocumentFragment): this {
    this.descEl.setText(desc);
    return this;
  }
  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }
  setHeading(): this {
    this.settingEl.addClass("setting-item-heading");
    return this;
  }
  setTooltip(tooltip: string): this {
    this.nameEl.setAttr("aria-label", tooltip);
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.settingEl.toggleClass("is-disabled", disabled);
    return this;
  }
  private add<C extends BaseComponent>(c: C, cb: (c: C) => unknown): this {
    this.components.push(c);
    cb(c);
    return this;
  }
  addText(cb: (c: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb);
  }
  addDropdown(cb: (c: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb);
  }
  addToggle(cb: (c: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(this.controlEl), cb);
  }
  addButton(cb: (c: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb);
  }
  then(cb: (setting: this) => unknown): this {
    cb(this);
    return this;
  }
}

export abstract class SettingTab {
  containerEl: HTMLElement;
  constructor(public app: App) {
    this.containerEl = createDiv({ cls: "vertical-tab-content" });
  }
  abstract display(): void;
  hide(): void {
    this.containerEl.empty();
  }
}

export abstract class PluginSettingTab extends SettingTab {
  constructor(
    app: App,
    public plugin: Component,
  ) {
    super(app);
  }
}

export class Menu extends Component {
  items: { title: string; icon?: string; onClick?: (evt: MouseEvent | KeyboardEvent) => unknown }[] = [];
  addItem(cb: (item: { setTitle(t: string): unknown; setIcon(i: string): unknown; onClick(f: (evt: MouseEvent | KeyboardEvent) => unknown): unknown }) => unknown): this {
    const entry: Menu["items"][number] = { title: "" };
    const item = {
      setTitle: (t: string) => ((entry.title = t), item),
      setIcon: (i: string) => ((entry.icon = i), item),
      setChecked: () => item,
      setSection: () => item,
      onClick: (f: (evt: MouseEvent | KeyboardEvent) => unknown) => ((entry.onClick = f), item),
    };
    cb(item);
    this.items.push(entry);
    return this;
  }
  addSeparator(): this {
    return this;
  }
  showAtMouseEvent(_evt: MouseEvent): this {
    return this;
  }
  showAtPosition(_pos: { x: number; y: number }): this {
    return this;
  }
  hide(): this {
    return this;
  }
}

export function setIcon(parent: HTMLElement, iconId: string): void {
  parent.setAttribute("data-icon", iconId);
}

export function setTooltip(el: HTMLElement, tooltip: string): void {
  el.setAttribute("aria-label", tooltip);
}

export class Keymap {
  static isModifier(evt: MouseEvent | KeyboardEvent, modifier: string): boolean {
    return modifier === "Mod" ? evt.ctrlKey || evt.metaKey : modifier === "Shift" ? evt.shiftKey : modifier === "Alt" ? evt.altKey : false;
  }
  static isModEvent(evt?: MouseEvent | KeyboardEvent | null): "tab" | "split" | "window" | boolean {
    if (!evt) return false;
    if ("button" in evt && evt.button === 1) return "tab";
    return evt.ctrlKey || evt.metaKey ? "tab" : false;
  }
}

export const Platform = { isMobile: false, isMobileApp: false, isDesktop: true, isDesktopApp: true, isPhone: false, isTablet: false, isMacOS: false, isWin: false, isLinux: true };

/**
 * Type-ahead on an input, as Obsidian's: typing asks `getSuggestions` for the input's value (the
 * current list is `suggestions`); choosing one calls `selectSuggestion`.
 */
export abstract class AbstractInputSuggest<T> {
  suggestions: T[] = [];
  limit = 100;

  constructor(
    public app: App,
    private readonly textInputEl: HTMLInputElement,
  ) {
    textInputEl.addEventListener("input", () => void this.refresh());
  }

  private async refresh(): Promise<void> {
    this.suggestions = (await this.getSuggestions(this.getValue())).slice(0, this.limit || undefined);
  }

  protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;

  setValue(value: string): void {
    this.textInputEl.value = value;
  }
  getValue(): string {
    return this.textInputEl.value;
  }
  selectSuggestion(_value: T, _evt?: MouseEvent | KeyboardEvent): void {}
  close(): void {
    this.suggestions = [];
  }
}
