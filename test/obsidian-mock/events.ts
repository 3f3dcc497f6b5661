/** Events, Component and debounce with real behaviour, plus the bookkeeping tests assert on. */

export interface MockEventRef {
  e: Events;
  name: string;
  fn: (...data: unknown[]) => unknown;
  ctx?: unknown;
}

/** What is still registered, across the whole mock: checked after a plugin unloads. */
export const registry = {
  /** DOM listeners added through Component.registerDomEvent and not removed yet. */
  domListeners: new Set<object>(),
  /** Interval ids created through window.setInterval and not cleared yet. */
  intervals: new Set<number>(),
  /** Debounced calls waiting on a timer. */
  pendingDebounces: new Set<object>(),
  /** Every Events instance created (vault, metadata cache, workspace, the plugin's own). */
  emitters: new Set<Events>(),
};

export class Events {
  private handlers = new Map<string, MockEventRef[]>();

  constructor() {
    registry.emitters.add(this);
  }

  on(name: string, fn: (...data: never[]) => unknown, ctx?: unknown): MockEventRef {
    const ref: MockEventRef = { e: this, name, fn: fn as (...data: unknown[]) => unknown, ctx };
    const list = this.handlers.get(name) ?? [];
    list.push(ref);
    this.handlers.set(name, list);
    return ref;
  }

  off(name: string, fn: (...data: never[]) => unknown): void {
    const list = this.handlers.get(name);
    if (list) this.handlers.set(name, list.filter((r) => r.fn !== fn));
  }

  offref(ref: MockEventRef): void {
    const list = this.handlers.get(ref.name);
    if (list) this.handlers.set(ref.name, list.filter((r) => r !== ref));
  }

  trigger(name: string, ...data: unknown[]): void {
    for (const ref of [...(this.handlers.get(name) ?? [])]) this.tryTrigger(ref, data);
  }

  tryTrigger(ref: MockEventRef, args: unknown[]): void {
    ref.fn.apply(ref.ctx, args);
  }

  /** Test helper: listeners currently registered, optionally for one event name. */
  listenerCount(name?: string): number {
    if (name !== undefined) return this.handlers.get(name)?.length ?? 0;
    let n = 0;
    for (const list of this.handlers.values()) n += list.length;
    return n;
  }
}

export class Component {
  _loaded = false;
  /** Test helper: the promise of the last onload (Obsidian awaits a plugin's async onload). */
  loading: Promise<void> = Promise.resolve();
  private _children: Component[] = [];
  private _cleanups: (() => unknown)[] = [];

  load(): void {
    if (this._loaded) return;
    this._loaded = true;
    this.loading = Promise.resolve(this.onload());
    for (const c of [...this._children]) c.load();
  }

  onload(): void | Promise<void> {}

  unload(): void {
    if (!this._loaded) return;
    this._loaded = false;
    for (const c of this._children.splice(0)) c.unload();
    for (const fn of this._cleanups.splice(0).reverse()) fn();
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(child: T): T {
    this._children.push(child);
    if (this._loaded) child.load();
    return child;
  }

  removeChild<T extends Component>(child: T): T {
    const i = this._children.indexOf(child);
    if (i >= 0) {
      this._children.splice(i, 1);
      child.unload();
    }
    return child;
  }

  register(cb: () => unknown): void {
    this._cleanups.push(cb);
  }

  registerEvent(ref: MockEventRef): void {
    this.register(() => ref.e.offref(ref));
  }

  registerDomEvent(el: EventTarget, type: string, callback: (evt: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
    el.addEventListener(type, callback, options);
    const token = { el, type };
    registry.domListeners.add(token);
    this.register(() => {
      el.removeEventListener(type, callback, options);
      registry.domListeners.delete(token);
    });
  }

  registerInterval(id: number): number {
    this.register(() => window.clearInterval(id));
    return id;
  }

  /** Test helper: how many cleanups are registered. */
  get registeredCount(): number {
    return this._cleanups.length;
  }
}

export interface Debouncer<T extends unknown[], V> {
  (...args: [...T]): Debouncer<T, V>;
  cancel(): Debouncer<T, V>;
  run(): V | void;
}

export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastArgs: T | undefined;
  const token = {};
  const clear = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    registry.pendingDebounces.delete(token);
  };
  const fire = (): V | void => {
    clear();
    if (!lastArgs) return;
    const args = lastArgs;
    lastArgs = undefined;
    return cb(...args);
  };
  const d = ((...args: T) => {
    lastArgs = args;
    if (timer !== undefined && !resetTimer) return d;
    clear();
    timer = setTimeout(fire, timeout);
    registry.pendingDebounces.add(token);
    return d;
  }) as Debouncer<T, V>;
  d.cancel = () => {
    clear();
    lastArgs = undefined;
    return d;
  };
  d.run = () => fire();
  return d;
}

/** Tracks window.setInterval so a test can see intervals nobody cleared. */
export function installIntervalTracking(): void {
  if (typeof window === "undefined" || (window as unknown as { __intentkTracked?: boolean }).__intentkTracked) return;
  (window as unknown as { __intentkTracked?: boolean }).__intentkTracked = true;
  const set = window.setInterval.bind(window);
  const clear = window.clearInterval.bind(window);
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = set(handler, ms, ...args);
    registry.intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) registry.intervals.delete(id);
    clear(id);
  }) as typeof window.clearInterval;
}
