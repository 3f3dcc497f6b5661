/**
 * The DOM helpers Obsidian adds to elements (createEl, setText, addClass…) and to the global scope
 * (createFragment…), installed on jsdom's prototypes. Only what the plugin and its views use.
 */

export interface DomElementInfo {
  cls?: string | string[];
  text?: string | DocumentFragment;
  attr?: Record<string, string | number | boolean | null>;
  title?: string;
  parent?: Node;
  value?: string;
  type?: string;
  prepend?: boolean;
  placeholder?: string;
  href?: string;
}

type Info = DomElementInfo | string | undefined;
type Callback<T> = ((el: T) => void) | undefined;

function applyInfo(el: HTMLElement, o: Info): void {
  if (o === undefined) return;
  const info: DomElementInfo = typeof o === "string" ? { cls: o } : o;
  if (info.cls) el.classList.add(...(Array.isArray(info.cls) ? info.cls : info.cls.split(/\s+/)).filter(Boolean));
  if (info.text !== undefined) {
    if (typeof info.text === "string") el.textContent = info.text;
    else el.appendChild(info.text);
  }
  if (info.attr) for (const [k, v] of Object.entries(info.attr)) if (v !== null && v !== false) el.setAttribute(k, String(v));
  if (info.title !== undefined) el.title = info.title;
  if (info.value !== undefined) (el as HTMLInputElement).value = info.value;
  if (info.type !== undefined) el.setAttribute("type", info.type);
  if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
  if (info.href !== undefined) el.setAttribute("href", info.href);
  if (info.parent) {
    if (info.prepend) info.parent.insertBefore(el, info.parent.firstChild);
    else info.parent.appendChild(el);
  }
}

function make<K extends keyof HTMLElementTagNameMap>(parent: Node | undefined, tag: K, o?: Info, cb?: Callback<HTMLElementTagNameMap[K]>): HTMLElementTagNameMap[K] {
  const doc: Document = window.document;
  // The XHTML namespace gives the same element as createElement (this is createEl's implementation).
  const el = doc.createElementNS("http://www.w3.org/1999/xhtml", tag) as HTMLElementTagNameMap[K];
  applyInfo(el, o);
  if (parent && !(typeof o === "object" && o.parent)) {
    if (typeof o === "object" && o.prepend) parent.insertBefore(el, parent.firstChild);
    else parent.appendChild(el);
  }
  cb?.(el);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

function makeSvg(parent: Node | undefined, tag: string, o?: Info, cb?: Callback<SVGElement>): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  const info: DomElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
  if (info.cls) el.classList.add(...(Array.isArray(info.cls) ? info.cls : info.cls.split(/\s+/)).filter(Boolean));
  if (info.attr) for (const [k, v] of Object.entries(info.attr)) if (v !== null && v !== false) el.setAttribute(k, String(v));
  if (typeof info.text === "string") el.textContent = info.text;
  (info.parent ?? parent)?.appendChild(el);
  cb?.(el);
  return el;
}

let installed = false;

export function installDomHelpers(): void {
  if (installed || typeof window === "undefined") return;
  installed = true;
  const nodeProto = Node.prototype as unknown as Record<string, unknown>;
  const fragProto = DocumentFragment.prototype as unknown as Record<string, unknown>;
  const creators = {
    createEl(this: Node, tag: keyof HTMLElementTagNameMap, o?: Info, cb?: Callback<HTMLElement>) {
      return make(this, tag, o, cb);
    },
    createDiv(this: Node, o?: Info, cb?: Callback<HTMLDivElement>) {
      return make(this, "div", o, cb);
    },
    createSpan(this: Node, o?: Info, cb?: Callback<HTMLSpanElement>) {
      return make(this, "span", o, cb);
    },
    createSvg(this: Node, tag: string, o?: Info, cb?: Callback<SVGElement>) {
      return makeSvg(this, tag, o, cb);
    },
    empty(this: Node) {
      while (this.firstChild) this.removeChild(this.firstChild);
    },
    appendText(this: Node, text: string) {
      this.appendChild(document.createTextNode(text));
    },
    detach(this: Node) {
      this.parentNode?.removeChild(this);
    },
    setText(this: Node, text: string | DocumentFragment) {
      this.textContent = "";
      if (typeof text === "string") this.textContent = text;
      else this.appendChild(text);
    },
    getText(this: Node) {
      return this.textContent ?? "";
    },
  };
  for (const [k, fn] of Object.entries(creators)) {
    nodeProto[k] = fn;
    fragProto[k] = fn;
  }
  Object.assign(Element.prototype, {

    addClass(this: HTMLElement, ...cls: string[]) {
      this.classList.add(...cls);
    },
    addClasses(this: HTMLElement, cls: string[]) {
      this.classList.add(...cls);
    },
    removeClass(this: HTMLElement, ...cls: string[]) {
      this.classList.remove(...cls);
    },
    toggleClass(this: HTMLElement, cls: string | string[], value: boolean) {
      for (const c of Array.isArray(cls) ? cls : [cls]) this.classList.toggle(c, value);
    },
    hasClass(this: HTMLElement, cls: string) {
      return this.classList.contains(cls);
    },
    setAttr(this: HTMLElement, name: string, value: string | number | boolean | null) {
      if (value === null) this.removeAttribute(name);
      else this.setAttribute(name, String(value));
    },
    setAttrs(this: HTMLElement, attrs: Record<string, string | number | boolean | null>) {
      for (const [k, v] of Object.entries(attrs)) (this as unknown as { setAttr(k: string, v: unknown): void }).setAttr(k, v);
    },
    show(this: HTMLElement) {
      this.hidden = false;
    },
    hide(this: HTMLElement) {
      this.hidden = true;
    },
    toggle(this: HTMLElement, show: boolean) {
      this.hidden = !show;
    },
    isShown(this: HTMLElement) {
      return !this.hidden;
    },
    setCssProps(this: HTMLElement, props: Record<string, string>) {
      for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
    },
    setCssStyles(this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
      Object.assign(this.style, styles);
    },
    onClickEvent(this: HTMLElement, listener: (ev: MouseEvent) => void) {
      this.addEventListener("click", listener);
    },
  });
  const g = globalThis as unknown as Record<string, unknown>;
  g.createEl = (tag: keyof HTMLElementTagNameMap, o?: Info, cb?: Callback<HTMLElement>) => make(undefined, tag, o, cb);
  g.createDiv = (o?: Info, cb?: Callback<HTMLDivElement>) => make(undefined, "div", o, cb);
  g.createSvg = (tag: string, o?: Info, cb?: Callback<SVGElement>) => makeSvg(undefined, tag, o, cb);
  g.createSpan = (o?: Info, cb?: Callback<HTMLSpanElement>) => make(undefined, "span", o, cb);
  g.createFragment = (cb?: (f: DocumentFragment) => void) => {
    const doc: Document = window.document;
    const f = doc.createDocumentFragment.call(doc);
    cb?.(f);
    return f;
  };
  g.activeDocument = document;
  g.activeWindow = window;
}
