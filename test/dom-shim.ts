/**
 * The DOM helpers Obsidian adds to its window (createEl, createDiv, createSpan, createSvg, setText,
 * addClass, empty, …), implemented on the prototypes of a plain DOM: jsdom in jest tests, a real
 * page in the browser test. Only what the plugin's views use; behaviour follows Obsidian's API docs.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

interface ElementInfo {
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

type Callback = (el: Element) => void;
/** A prototype or global object seen as a bag of properties, to add the helpers to. */
type Bag = Record<string, unknown>;

function classList(cls: string | string[] | undefined): string[] {
  if (!cls) return [];
  return (Array.isArray(cls) ? cls : cls.split(" ")).filter((c) => c.length > 0);
}

function setAttr(el: Element, name: string, value: string | number | boolean | null): void {
  if (value === null || value === false) el.removeAttribute(name);
  else el.setAttribute(name, value === true ? "" : String(value));
}

function setText(el: Element, text: string | DocumentFragment): void {
  if (typeof text === "string") el.textContent = text;
  else {
    el.textContent = "";
    el.appendChild(text);
  }
}

function apply(el: Element, info: ElementInfo | string | undefined, parent: Node | undefined, callback: Callback | undefined): void {
  const o: ElementInfo = typeof info === "string" ? { cls: info } : info ?? {};
  const cls = classList(o.cls);
  if (cls.length > 0) el.classList.add(...cls);
  if (o.text !== undefined) setText(el, o.text);
  if (o.attr) for (const [k, v] of Object.entries(o.attr)) setAttr(el, k, v);
  if (o.title !== undefined) el.setAttribute("title", o.title);
  const props = el as unknown as Bag;
  if (o.value !== undefined) props.value = o.value;
  if (o.type !== undefined) props.type = o.type;
  if (o.placeholder !== undefined) props.placeholder = o.placeholder;
  if (o.href !== undefined) props.href = o.href;
  const target = o.parent ?? parent;
  if (target) {
    if (o.prepend) target.insertBefore(el, target.firstChild);
    else target.appendChild(el);
  }
  callback?.(el);
}

/** Install the helpers on `win` (idempotent). */
export function installDomShim(win: Window & typeof globalThis): void {
  const w = win as unknown as Bag;
  if (w.__ikDomShim) return;
  w.__ikDomShim = true;
  const doc = win.document;
  const nodeProto = win.Node.prototype as unknown as Bag;
  const elementProto = win.Element.prototype as unknown as Bag;
  const htmlProto = win.HTMLElement.prototype as unknown as Bag;

  const make = (tag: string, info: ElementInfo | string | undefined, parent: Node | undefined, cb: Callback | undefined, ownerDoc: Document): Element => {
    const el = ownerDoc.createElement(tag);
    apply(el, info, parent, cb);
    return el;
  };
  const makeSvg = (tag: string, info: ElementInfo | string | undefined, parent: Node | undefined, cb: Callback | undefined, ownerDoc: Document): Element => {
    const el = ownerDoc.createElementNS(SVG_NS, tag);
    apply(el, info, parent, cb);
    return el;
  };
  const ownerOf = (node: Node): Document => (node.nodeType === 9 ? (node as Document) : node.ownerDocument ?? doc);

  nodeProto.createEl = function (this: Node, tag: string, info?: ElementInfo | string, cb?: Callback) {
    return make(tag, info, this, cb, ownerOf(this));
  };
  nodeProto.createDiv = function (this: Node, info?: ElementInfo | string, cb?: Callback) {
    return make("div", info, this, cb, ownerOf(this));
  };
  nodeProto.createSpan = function (this: Node, info?: ElementInfo | string, cb?: Callback) {
    return make("span", info, this, cb, ownerOf(this));
  };
  nodeProto.createSvg = function (this: Node, tag: string, info?: ElementInfo | string, cb?: Callback) {
    return makeSvg(tag, info, this, cb, ownerOf(this));
  };
  nodeProto.empty = function (this: Node) {
    while (this.firstChild) this.removeChild(this.firstChild);
  };
  nodeProto.detach = function (this: Node) {
    this.parentNode?.removeChild(this);
  };
  nodeProto.appendText = function (this: Node, text: string) {
    this.appendChild(ownerOf(this).createTextNode(text));
  };
  nodeProto.instanceOf = function (this: Node, type: new () => unknown) {
    return this instanceof type;
  };
  Object.defineProperty(nodeProto, "doc", { configurable: true, get(this: Node) { return ownerOf(this); } });
  Object.defineProperty(nodeProto, "win", { configurable: true, get(this: Node) { return ownerOf(this).defaultView ?? win; } });

  elementProto.setText = function (this: Element, text: string | DocumentFragment) {
    setText(this, text);
  };
  elementProto.getText = function (this: Element) {
    return this.textContent ?? "";
  };
  elementProto.addClass = function (this: Element, ...cls: string[]) {
    this.classList.add(...cls.flatMap((c) => classList(c)));
  };
  elementProto.addClasses = function (this: Element, cls: string[]) {
    this.classList.add(...cls);
  };
  elementProto.removeClass = function (this: Element, ...cls: string[]) {
    this.classList.remove(...cls.flatMap((c) => classList(c)));
  };
  elementProto.removeClasses = function (this: Element, cls: string[]) {
    this.classList.remove(...cls);
  };
  elementProto.toggleClass = function (this: Element, cls: string | string[], value: boolean) {
    for (const c of Array.isArray(cls) ? cls : classList(cls)) this.classList.toggle(c, value);
  };
  elementProto.hasClass = function (this: Element, cls: string) {
    return this.classList.contains(cls);
  };
  elementProto.setAttr = function (this: Element, name: string, value: string | number | boolean | null) {
    setAttr(this, name, value);
  };
  elementProto.setAttrs = function (this: Element, attrs: Record<string, string | number | boolean | null>) {
    for (const [k, v] of Object.entries(attrs)) setAttr(this, k, v);
  };
  elementProto.getAttr = function (this: Element, name: string) {
    return this.getAttribute(name);
  };
  elementProto.find = function (this: Element, selector: string) {
    return this.querySelector(selector);
  };
  elementProto.findAll = function (this: Element, selector: string) {
    return Array.from(this.querySelectorAll(selector));
  };
  htmlProto.isShown = function (this: HTMLElement) {
    return this.isConnected && !this.closest("[hidden]");
  };
  htmlProto.show = function (this: HTMLElement) {
    this.hidden = false;
  };
  htmlProto.hide = function (this: HTMLElement) {
    this.hidden = true;
  };
  htmlProto.toggle = function (this: HTMLElement, show: boolean) {
    this.hidden = !show;
  };
  htmlProto.setCssProps = function (this: HTMLElement, props: Record<string, string>) {
    for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
  };
  htmlProto.setCssStyles = function (this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
    Object.assign(this.style, styles);
  };
  htmlProto.onClickEvent = function (this: HTMLElement, listener: (ev: MouseEvent) => void) {
    this.addEventListener("click", listener);
  };

  w.createEl = (tag: string, info?: ElementInfo | string, cb?: Callback) => make(tag, info, undefined, cb, doc);
  w.createDiv = (info?: ElementInfo | string, cb?: Callback) => make("div", info, undefined, cb, doc);
  w.createSpan = (info?: ElementInfo | string, cb?: Callback) => make("span", info, undefined, cb, doc);
  w.createSvg = (tag: string, info?: ElementInfo | string, cb?: Callback) => makeSvg(tag, info, undefined, cb, doc);
  w.createFragment = (cb?: (f: DocumentFragment) => void) => {
    const f = doc.createDocumentFragment();
    cb?.(f);
    return f;
  };
  w.activeDocument = doc;
  w.activeWindow = win;
}
