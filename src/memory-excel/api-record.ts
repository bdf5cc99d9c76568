/**
 * Proxies for objects that are recorded, not computed: conditional-format rules and formats, chart titles,
 * legends, axes, series formats, page layout. Their properties are kept in a plain JSON record inside the
 * workbook state (which the snapshot exports); reading back returns what was set, or Excel's default.
 */
import { invalidArgument } from "./errors";
import { type MemoryRequestContext, type PropSpec, ProxyBase, type ProxySpec } from "./proxy";

export type Json = Record<string, unknown>;

export interface RecordSchema {
  typeName: string;
  props: string[];
  /** Values read back before anything was set. */
  defaults?: Record<string, unknown>;
  children?: Record<string, RecordSchema>;
  /** Methods that edit the record: (record, args) → void. */
  methods?: Record<string, (record: Json, args: unknown[]) => void>;
  /** Normalises a value being set (e.g. colours to "#RRGGBB"). */
  normalize?: Record<string, (value: unknown) => unknown>;
}

const specCache = new WeakMap<RecordSchema, ProxySpec<RecordProxy>>();

function specFor(schema: RecordSchema): ProxySpec<RecordProxy> {
  let spec = specCache.get(schema);
  if (!spec) {
    const props: Record<string, PropSpec<RecordProxy>> = {};
    for (const p of schema.props) {
      props[p] = {
        get: (self) => {
          const rec = self._record(false);
          const v = rec?.[p];
          return v === undefined ? (schema.defaults?.[p] ?? null) : v;
        },
        set: (self, value) => {
          const norm = schema.normalize?.[p];
          self._record(true)![p] = norm ? norm(value) : value;
          self._touched();
        },
      };
    }
    const navs: ProxySpec<RecordProxy>["navs"] = {};
    for (const [name, child] of Object.entries(schema.children ?? {})) {
      navs[name] = (self) => self._child(name, child);
    }
    spec = { typeName: schema.typeName, props, navs };
    specCache.set(schema, spec);
  }
  return spec;
}

/** The schema whose accessors a RecordProxy class's prototype carries (installed by its first instance). */
const INSTALLED = Symbol("record schema");

/**
 * A recorded object's proxy. Its properties, child records and methods are accessors and methods on the
 * prototype of a class that serves one schema — `recordProxy()` picks the class for a schema; a subclass with a
 * fixed schema (PageLayoutProxy) is its own — installed once, not defined on every instance (a write makes a few
 * hundred of these, and per-instance definitions were a tenth of its time on the in-memory Excel).
 */
export class RecordProxy extends ProxyBase<Json> {
  // Declared and assigned in the constructor, as in ProxyBase: class-field definitions cost a share of every proxy.
  private declare readonly schema: RecordSchema;
  private declare readonly locate: (create: boolean) => Json | null;
  private declare readonly onWrite: () => void;

  /**
   * `locate(create)` finds the record in the state (creating it when `create`), or returns null when the
   * owning object is gone. `onWrite` tells the state something changed (for onChange listeners).
   */
  constructor(
    context: MemoryRequestContext,
    path: string,
    schema: RecordSchema,
    locate: (create: boolean) => Json | null,
    onWrite: () => void,
    owner: () => unknown,
  ) {
    super(context, path, () => (owner() === null ? null : (locate(false) ?? {})));
    if (new.target === RecordProxy) throw new Error("RecordProxy serves many schemas: make one with recordProxy()");
    this.schema = schema;
    this.locate = locate;
    this.onWrite = onWrite;
    const proto = new.target.prototype as unknown as Record<symbol, RecordSchema | undefined>;
    if (!Object.prototype.hasOwnProperty.call(proto, INSTALLED)) installRecordAccessors(proto, schema);
    else if (proto[INSTALLED] !== schema) throw new Error(`a RecordProxy class serves one schema (${proto[INSTALLED]?.typeName}, not ${schema.typeName})`);
  }

  get _spec(): ProxySpec<this> {
    return specFor(this.schema) as unknown as ProxySpec<this>;
  }

  _record(create: boolean): Json | null {
    this._require(this.schema.typeName);
    return this.locate(create);
  }

  _touched(): void {
    this.onWrite();
  }

  _child(name: string, schema: RecordSchema): RecordProxy {
    return recordProxy(
      this.context,
      `${this._path}.${name}`,
      schema,
      (create) => {
        const parent = this.locate(create);
        if (!parent) return null;
        let rec = parent[name] as Json | undefined;
        if (!rec && create) {
          rec = {};
          parent[name] = rec;
        }
        return rec ?? null;
      },
      this.onWrite,
      () => this._resolve(),
    );
  }
}

function installRecordAccessors(proto: Record<PropertyKey, unknown>, schema: RecordSchema): void {
  Object.defineProperty(proto, INSTALLED, { value: schema, enumerable: false });
  for (const [name, fn] of Object.entries(schema.methods ?? {})) {
    Object.defineProperty(proto, name, {
      enumerable: false,
      value(this: RecordProxy, ...args: unknown[]) {
        this._command(name, args, () => {
          this._require(`${schema.typeName}.${name}`);
          fn(this._record(true)!, args);
          this._touched();
        });
      },
    });
  }
  for (const p of schema.props) {
    Object.defineProperty(proto, p, {
      configurable: true,
      enumerable: true,
      get(this: RecordProxy) {
        return this._get(p);
      },
      set(this: RecordProxy, value: unknown) {
        this._setProp(p, value);
      },
    });
  }
  for (const [name, child] of Object.entries(schema.children ?? {})) {
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: true,
      get(this: RecordProxy) {
        return this._nav(name, () => this._child(name, child));
      },
    });
  }
}

const classes = new WeakMap<RecordSchema, new (...args: ConstructorParameters<typeof RecordProxy>) => RecordProxy>();

/** A proxy of the record `locate` finds, of the class that serves `schema` (see RecordProxy). */
export function recordProxy(...args: ConstructorParameters<typeof RecordProxy>): RecordProxy {
  const schema = args[2];
  let cls = classes.get(schema);
  if (!cls) {
    cls = class extends RecordProxy {};
    classes.set(schema, cls);
  }
  return new cls(...args);
}

// ---- colours and shared schemas -----------------------------------------------------------------------------

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  purple: "#800080",
  lightgray: "#D3D3D3",
  lightgreen: "#90EE90",
};

/** Excel reads colours back as "#RRGGBB" in upper case; it accepts that form, "#RGB"-less names and a few HTML names. */
export function normalizeColor(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "string") throw invalidArgument(`a colour must be a string like "#FF0000", got ${typeof value}`);
  const v = value.trim();
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${v.slice(1).split("").map((c) => c + c).join("")}`.toUpperCase();
  const named = NAMED_COLORS[v.toLowerCase()];
  if (named) return named;
  throw invalidArgument(`not a colour: "${value}"`);
}

const color = { color: normalizeColor };

export const FONT_SCHEMA: RecordSchema = {
  typeName: "Font",
  props: ["bold", "color", "italic", "name", "size", "underline", "strikethrough"],
  normalize: color,
  methods: {
    clear: (r) => {
      for (const k of Object.keys(r)) delete r[k];
    },
  },
};

export const FILL_SCHEMA: RecordSchema = {
  typeName: "Fill",
  props: ["color", "pattern"],
  normalize: color,
  methods: {
    setSolidColor: (r, [c]) => {
      r.color = normalizeColor(c);
    },
    clear: (r) => {
      delete r.color;
    },
  },
};

export const LINE_SCHEMA: RecordSchema = {
  typeName: "LineFormat",
  props: ["color", "lineStyle", "weight"],
  normalize: color,
  methods: {
    clear: (r) => {
      for (const k of Object.keys(r)) delete r[k];
    },
  },
};

export const CONDITIONAL_FORMAT_SCHEMA: RecordSchema = {
  typeName: "ConditionalRangeFormat",
  props: ["numberFormat"],
  children: {
    fill: FILL_SCHEMA,
    font: FONT_SCHEMA,
  },
};
