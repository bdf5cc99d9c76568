/**
 * The Office.js proxy machinery, in memory: a request context with a queue, proxy objects whose property
 * reads need load() + sync() first, and sync() that runs the queue in order.
 *
 * Mirrors "Application-specific API model" (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model):
 * setting properties and calling methods queue commands; `load` queues a read; `context.sync()` runs the batch
 * and only then are loaded properties readable — reading one earlier throws PropertyNotLoaded.
 *
 * What a failing batch does here: the commands before the failing one have taken effect, nothing after it
 * runs, no loaded value of that batch reaches its proxy, and sync() rejects with the error (code and
 * debugInfo.errorLocation set). Object paths (getItem, getRange, …) are resolved when a command first uses
 * them, as Office does; `*OrNullObject` paths are resolved in the batch that follows their creation so that
 * `isNullObject` can be read after that sync, loaded or not. Setting a property or calling a method on a null
 * object fails the batch with ItemNotFound (the documentation is silent on it; failing loudly finds bugs).
 */
import { utf8Length } from "../a1";
import { MemoryExcelError, invalidArgument, propertyNotLoaded } from "./errors";
import type { WorkbookState } from "./state";

export interface QueuedCommand {
  /** What Office would send for the command (counted for batchBytes). */
  json: unknown;
  run: (batch: BatchResult) => void;
}

export interface BatchResult {
  /** Values delivered to proxies when the whole batch succeeds. */
  deliveries: (() => void)[];
}

export interface MemoryExcelHost {
  state: WorkbookState;
  /** Whether recordSync wants the batch's bytes (else it gets 0 and nothing is serialised). */
  readonly countBytes: boolean;
  recordSync(bytes: number): void;
  afterSync(): void;
  /** Event handlers registered through `onChanged.add`, keyed by the object that raises them. */
  addHandler(source: string, handler: (args: unknown) => unknown): number;
  removeHandler(id: number): void;
  /**
   * Called before each queued command runs; throwing fails the batch at that command (fault injection: the
   * commands before it stay applied and the later ones do not run, as in Office).
   */
  beforeCommand?(json: unknown): void;
  /** Called after a batch whose commands included suspendApiCalculationUntilNextSync (see the application proxy). */
  afterBatch?(commands: readonly unknown[]): void;
}

/**
 * Proxies that a lower module hands out but cannot build without importing a module that imports it:
 * `Range.worksheet`, `Table.worksheet`, `Chart.worksheet` (api-range, api-table, api-chart sit below
 * api-workbook). attachWorkbook, the one module that sees every proxy class, fills them in per context — in
 * place of a mutable module-level hook.
 */
export interface ProxyConstructors {
  worksheet(path: string, find: () => { id: string } | null): ProxyBase;
}

export class MemoryRequestContext {
  private queue: QueuedCommand[] = [];
  private nextProxyId = 1;
  closed = false;
  /** Filled by attachWorkbook (api-workbook.ts) right after construction, as are `construct` and `application`. */
  workbook!: unknown;
  construct!: ProxyConstructors;
  application!: unknown;
  debugInfo: Record<string, unknown> = {};

  constructor(readonly host: MemoryExcelHost) {}

  get state(): WorkbookState {
    return this.host.state;
  }

  newProxyId(): number {
    return this.nextProxyId++;
  }

  enqueue(json: unknown, run: QueuedCommand["run"]): void {
    if (this.closed) {
      throw new MemoryExcelError(
        "InvalidRequestContext",
        "Cannot use the object across different request contexts (its Excel.run batch has finished).",
      );
    }
    this.queue.push({ json, run });
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const commands = this.queue;
    this.queue = [];
    // A sync with nothing queued makes no round trip.
    if (commands.length === 0) {
      await Promise.resolve();
      return passThroughValue as T;
    }
    const bytes = this.host.countBytes ? utf8Length(JSON.stringify(commands.map((c) => c.json))) : 0;
    this.host.recordSync(bytes);
    await Promise.resolve();
    const batch: BatchResult = { deliveries: [] };
    try {
      for (const command of commands) {
        this.host.beforeCommand?.(command.json);
        command.run(batch);
      }
    } finally {
      this.host.afterBatch?.(commands.map((c) => c.json));
      this.host.afterSync();
    }
    for (const deliver of batch.deliveries) deliver();
    return passThroughValue as T;
  }
}

// ---- load specs -----------------------------------------------------------------------------------------

/** Normalises the forms `load` accepts into paths: "a", "a/b/c"; [] means "all scalar properties". */
export function loadPaths(spec: unknown): string[] {
  if (spec === undefined || spec === null || spec === "") return [];
  if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      return [...loadPaths(o.select), ...loadPaths(o.expand)];
    }
    const out: string[] = [];
    for (const [key, value] of Object.entries(o)) {
      if (key === "$all" && value) continue;
      if (value === true) out.push(key);
      else if (value && typeof value === "object") {
        const inner = loadPaths(value);
        if (inner.length === 0) out.push(key);
        else out.push(...inner.map((p) => `${key}/${p}`));
      }
    }
    return out;
  }
  throw invalidArgument(`load() takes a string, an array or an object, got ${typeof spec}`);
}

// ---- proxy base ---------------------------------------------------------------------------------------

// Method-style signatures keep Self bivariant, so a spec of a subclass is still a spec of the base class.
type Bivariant<F extends (...args: never[]) => unknown> = { fn(...args: Parameters<F>): ReturnType<F> }["fn"];

export interface PropSpec<Self> {
  get: Bivariant<(self: Self) => unknown>;
  set?: Bivariant<(self: Self, value: unknown) => void>;
}

export interface ProxySpec<Self> {
  typeName: string;
  props: Record<string, PropSpec<Self>>;
  /** Navigation properties: child proxies created on first access and cached. */
  navs?: Record<string, Bivariant<(self: Self) => ProxyBase>>;
}

type Resolver<T> = () => T | null;

export abstract class ProxyBase<T = unknown> {
  // Declared, and assigned in the constructor in one fixed order: a write makes ~1,500 proxies, and class-field
  // definitions (ES2022's [[Define]] of every field) cost a fifth of a proxy's construction in the profile.
  declare readonly context: MemoryRequestContext;
  declare readonly _proxyId: number;
  /** Path-like description of how the object was reached (for batch JSON and error messages). */
  declare readonly _path: string;
  /** Loaded values and navigation children, made on first use (most proxies of a write are only ever set). */
  private declare _loadedMap: Map<string, unknown> | undefined;
  private declare _childMap: Map<string, ProxyBase> | undefined;
  private declare _resolver: Resolver<T>;
  private declare _resolved: boolean;
  private declare _resolvedTarget: T | null;
  private declare _nullKnown: boolean | undefined;
  protected declare readonly _orNull: boolean;

  constructor(context: MemoryRequestContext, path: string, resolver: Resolver<T>, orNull = false) {
    this.context = context;
    this._proxyId = context.newProxyId();
    this._path = path;
    this._loadedMap = undefined;
    this._childMap = undefined;
    this._resolver = resolver;
    this._resolved = false;
    this._resolvedTarget = null;
    this._nullKnown = undefined;
    this._orNull = orNull;
    if (orNull) {
      context.enqueue({ o: path, m: "instantiate" }, (batch) => {
        const isNull = this._resolve() === null;
        batch.deliveries.push(() => {
          this._nullKnown = isNull;
        });
      });
    }
  }

  abstract get _spec(): ProxySpec<this>;

  protected get _loaded(): Map<string, unknown> {
    return (this._loadedMap ??= new Map());
  }

  private get _children(): Map<string, ProxyBase> {
    return (this._childMap ??= new Map());
  }

  /** The target in the workbook state; resolved on first use, then kept. Null for a null object. */
  _resolve(): T | null {
    if (!this._resolved) {
      this._resolvedTarget = this._resolver();
      this._resolved = true;
      if (this._resolvedTarget === null && !this._orNull) {
        throw new MemoryExcelError("ItemNotFound", `The requested resource doesn't exist. (${this._path})`, this._spec.typeName);
      }
    }
    return this._resolvedTarget;
  }

  /** The target, for a command that changes it: a null object fails the batch. */
  _require(location: string): T {
    const t = this._resolve();
    if (t === null) {
      throw new MemoryExcelError("ItemNotFound", `The object is a null object (${this._path}); check isNullObject first.`, location);
    }
    return t;
  }

  get isNullObject(): boolean {
    if (this._nullKnown === undefined) {
      if (!this._orNull && this._resolved) return false;
      if (!this._orNull && (this._loadedMap?.size ?? 0) > 0) return false;
      throw propertyNotLoaded("isNullObject", this._spec.typeName);
    }
    return this._nullKnown;
  }

  _get(name: string): unknown {
    const loaded = this._loadedMap;
    if (!loaded?.has(name)) throw propertyNotLoaded(name, this._spec.typeName);
    return loaded.get(name);
  }

  _setProp(name: string, value: unknown): void {
    const spec = this._spec.props[name];
    if (!spec?.set) throw invalidArgument(`${this._spec.typeName}.${name} is read-only`, `${this._spec.typeName}.${name}`);
    this._loaded.set(name, value);
    const setter = spec.set;
    this._command("set", [name, value], () => setter(this, value));
  }

  /** Queues a command that runs `run` at sync, with `[name, args]` for the batch JSON. */
  _command(method: string, args: unknown[], run: () => void): void {
    this.context.enqueue({ o: this._path, m: method, a: jsonArgs(args) }, () => run());
  }

  _nav<C extends ProxyBase>(name: string, make: () => C): C {
    let child = this._children.get(name) as C | undefined;
    if (!child) {
      child = make();
      this._children.set(name, child);
    }
    return child;
  }

  load(spec?: unknown): this {
    const paths = loadPaths(spec);
    this._queueLoad(paths);
    return this;
  }

  /** Splits paths into own scalar props and child paths; queues one load command for the own part. */
  _queueLoad(paths: string[]): void {
    const own = new Set<string>();
    const childPaths = new Map<string, string[]>();
    const spec = this._spec;
    if (paths.length === 0) for (const p of Object.keys(spec.props)) own.add(p);
    for (const path of paths) {
      const [head = "", ...rest] = path.split("/");
      if (head === "*") {
        for (const p of Object.keys(spec.props)) own.add(p);
      } else if (spec.props[head] && rest.length === 0) {
        own.add(head);
      } else if (spec.navs?.[head]) {
        const list = childPaths.get(head) ?? [];
        if (rest.length) list.push(rest.join("/"));
        childPaths.set(head, list);
      } else if (head === "isNullObject") {
        // resolved with the object
      } else {
        throw invalidArgument(`${spec.typeName} has no property "${head}" to load`, `${spec.typeName}.load`);
      }
    }
    if (own.size > 0 || this._orNull) {
      const names = [...own];
      this.context.enqueue({ o: this._path, m: "load", a: names }, (batch) => {
        const target = this._resolve();
        const values = new Map<string, unknown>();
        if (target !== null) for (const n of names) values.set(n, spec.props[n]?.get(this));
        else for (const n of names) values.set(n, null);
        batch.deliveries.push(() => {
          for (const [k, v] of values) this._loaded.set(k, v);
          this._nullKnown = target === null;
        });
      });
    }
    for (const [nav, sub] of childPaths) {
      (this as unknown as Record<string, ProxyBase | undefined>)[nav]?._queueLoad(sub);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._loadedMap ?? []) out[k] = v;
    for (const [name, child] of this._childMap ?? []) {
      const json = child.toJSON();
      if (Object.keys(json).length > 0) out[name] = json;
    }
    return out;
  }

  /** Reads props now (inside a running command) and returns a function that delivers them after the batch. */
  _loadNow(paths: string[]): () => void {
    const spec = this._spec;
    const own = new Set<string>();
    const children = new Map<string, string[]>();
    if (paths.length === 0) for (const p of Object.keys(spec.props)) own.add(p);
    for (const path of paths) {
      const [head = "", ...rest] = path.split("/");
      if (spec.props[head] && rest.length === 0) own.add(head);
      else if (spec.navs?.[head]) {
        const list = children.get(head) ?? [];
        if (rest.length) list.push(rest.join("/"));
        children.set(head, list);
      } else if (head === "*") for (const p of Object.keys(spec.props)) own.add(p);
      else throw invalidArgument(`${spec.typeName} has no property "${head}" to load`, `${spec.typeName}.load`);
    }
    const values = new Map<string, unknown>();
    this._resolve();
    for (const n of own) values.set(n, spec.props[n]?.get(this));
    const childDeliveries: (() => void)[] = [];
    for (const [nav, sub] of children) {
      const child = (this as unknown as Record<string, ProxyBase | undefined>)[nav];
      if (child) childDeliveries.push(child._loadNow(sub));
    }
    return () => {
      for (const [k, v] of values) this._loaded.set(k, v);
      childDeliveries.forEach((d) => d());
    };
  }
}

function jsonArgs(args: unknown[]): unknown[] {
  return args.map((a) => (a instanceof ProxyBase ? { ref: a._path } : a));
}

/** Installs property accessors for a proxy class from its spec (values come from `_get`, sets queue commands). */
export function installAccessors<Self extends ProxyBase>(cls: { prototype: Self }, spec: ProxySpec<Self>): void {
  for (const [name, prop] of Object.entries(spec.props)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ProxyBase) {
        return this._get(name);
      },
      set: prop.set
        ? function (this: ProxyBase, value: unknown) {
            this._setProp(name, value);
          }
        : undefined,
    });
  }
  for (const [name, make] of Object.entries(spec.navs ?? {})) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: Self) {
        return this._nav(name, () => make(this));
      },
    });
  }
}

// ---- collections -----------------------------------------------------------------------------------------

/** A collection proxy: `items` after load, `getCount()`, and item props loaded through "items/…" or plain names. */
export abstract class CollectionProxy<T, Item extends ProxyBase> extends ProxyBase<T> {
  private _items: Item[] | undefined;

  /** The items' targets, in order, at the time a command runs. */
  abstract _listTargets(): unknown[];
  abstract _itemProxy(target: unknown, index: number): Item;
  abstract get _itemSpec(): ProxySpec<Item>;

  get items(): Item[] {
    if (!this._items) throw propertyNotLoaded("items", this._spec.typeName);
    return this._items;
  }

  /** Collections with a loadable `count` (tables, table rows and columns, charts, series). */
  get count(): number {
    return this._get("count") as number;
  }

  /**
   * A collection's load paths split into its own properties and its items' paths. Office lets a collection load its
   * items' properties by name ("name" on worksheets = "items/name"); no path at all loads the items.
   */
  private _splitLoadPaths(paths: string[]): { own: string[]; itemPaths: string[]; wantsItems: boolean } {
    const ownProps = new Set(Object.keys(this._spec.props));
    const own: string[] = [];
    const itemPaths: string[] = [];
    let wantsItems = paths.length === 0;
    for (const p of paths) {
      const [head = "", ...rest] = p.split("/");
      if (head === "items") {
        wantsItems = true;
        if (rest.length) itemPaths.push(rest.join("/"));
      } else if (ownProps.has(head) && rest.length === 0) {
        own.push(head);
      } else {
        wantsItems = true;
        itemPaths.push(p);
      }
    }
    return { own, itemPaths, wantsItems };
  }

  override _queueLoad(paths: string[]): void {
    const { own, itemPaths, wantsItems } = this._splitLoadPaths(paths);
    if (own.length) super._queueLoad(own);
    if (!wantsItems) return;
    this.context.enqueue({ o: this._path, m: "loadItems", a: itemPaths }, (batch) => {
      batch.deliveries.push(this._loadItemsNow(itemPaths));
    });
  }

  /** Lists the items now (inside a running command), reads their props, returns the delivery. */
  _loadItemsNow(itemPaths: string[]): () => void {
    this._require(`${this._spec.typeName}.load`);
    const items = this._listTargets().map((t, i) => this._itemProxy(t, i));
    const loads = items.map((item) => item._loadNow(itemPaths));
    return () => {
      this._items = items;
      loads.forEach((deliver) => deliver());
    };
  }

  /** Nested loads ("items/series/items/name", "series/count") reach collections through here. */
  override _loadNow(paths: string[]): () => void {
    const { own, itemPaths, wantsItems } = this._splitLoadPaths(paths);
    const deliverOwn = own.length ? super._loadNow(own) : () => undefined;
    const deliverItems = wantsItems ? this._loadItemsNow(itemPaths) : () => undefined;
    return () => {
      deliverOwn();
      deliverItems();
    };
  }
}

// ---- events -------------------------------------------------------------------------------------------

/**
 * `onChanged` of a worksheet, a table or the worksheet collection: `add(handler)` registers at the next sync
 * and returns an EventHandlerResult whose `remove()` unregisters (also at a sync), as in Office.js.
 */
export class EventSource {
  constructor(
    private readonly context: MemoryRequestContext,
    private readonly path: string,
    private readonly source: () => string,
  ) {}

  add(handler: (args: unknown) => unknown): { context: MemoryRequestContext; remove: () => void } {
    let id: number | null = null;
    this.context.enqueue({ o: this.path, m: "add" }, () => {
      id = this.context.host.addHandler(this.source(), handler);
    });
    const context = this.context;
    return {
      context,
      remove: () => {
        context.enqueue({ o: this.path, m: "remove" }, () => {
          if (id !== null) context.host.removeHandler(id);
        });
      },
    };
  }
}
