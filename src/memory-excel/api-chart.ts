/**
 * Excel.Chart, recorded in memory (nothing is drawn here; the preview draws from the snapshot).
 * See https://learn.microsoft.com/javascript/api/excel/excel.chart.
 */
import { type Rect, parseAddress, rectColumns, rectRows } from "./address";
import { FILL_SCHEMA, FONT_SCHEMA, LINE_SCHEMA, type Json, RecordProxy, type RecordSchema, recordProxy } from "./api-record";
import { RangeProxy } from "./api-range";
import { isEngineError } from "./engine";
import { MemoryExcelError, invalidArgument } from "./errors";
import { type MemoryRequestContext, CollectionProxy, ProxyBase, type ProxySpec, installAccessors } from "./proxy";
import type { ChartSeriesState, ChartState, SheetState, WorkbookState } from "./state";

/** Excel's default chart size: 5 × 3 inches = 360 × 216 points. */
export const DEFAULT_CHART_WIDTH = 360;
export const DEFAULT_CHART_HEIGHT = 216;

interface ChartTarget {
  sheet: SheetState;
  chart: ChartState;
}

export class ChartCollectionProxy extends CollectionProxy<true, ChartProxy> {
  constructor(
    context: MemoryRequestContext,
    path: string,
    private readonly sheetId: () => string,
  ) {
    super(context, path, () => true);
  }

  get _spec(): ProxySpec<this> {
    return { typeName: "ChartCollection", props: { count: { get: (self: ChartCollectionProxy) => self._sheet().charts.length } } } as unknown as ProxySpec<this>;
  }

  get _itemSpec(): ProxySpec<ChartProxy> {
    return CHART_SPEC;
  }

  _sheet(): SheetState {
    return this.context.state.sheetById(this.sheetId());
  }

  _listTargets(): ChartState[] {
    return this._sheet().charts;
  }

  _itemProxy(target: unknown, index: number): ChartProxy {
    const id = (target as ChartState).id;
    return new ChartProxy(this.context, `${this._path}.items[${index}]`, () => this._byId(id));
  }

  _byId(id: string | null): ChartTarget | null {
    if (id === null) return null;
    const sheet = this._sheet();
    const chart = sheet.charts.find((c) => c.id === id);
    return chart ? { sheet, chart } : null;
  }

  /** charts.add(type, sourceData, seriesBy): series are laid out from the source range as Excel does. */
  add(type: string, sourceData: RangeProxy, seriesBy: string = "Auto"): ChartProxy {
    let id: string | null = null;
    this._command("add", [type, sourceData, seriesBy], () => {
      const location = "ChartCollection.add";
      const st = this.context.state;
      const sheet = this._sheet();
      st.assertEditable(sheet, null, "objects", location);
      if (typeof type !== "string" || type === "") throw invalidArgument("a chart type is required", location);
      if (!(sourceData instanceof RangeProxy)) throw invalidArgument("sourceData must be a Range", location);
      const source = sourceData._target(location);
      let n = sheet.charts.length + 1;
      const taken = new Set(this.context.state.sheets.flatMap((s) => s.charts.map((c) => c.name)));
      while (taken.has(`Chart ${n}`)) n++;
      const chart: ChartState = {
        id: st.newId("ch"),
        name: `Chart ${n}`,
        chartType: type,
        seriesBy: "Auto",
        source: null,
        series: [],
        props: {},
        // Excel centres a new chart in the window; here it goes to the right of its source data.
        top: st.topOf(sheet, source.rect.r0),
        left: st.leftOf(sheet, source.rect.c1 + 2),
        width: DEFAULT_CHART_WIDTH,
        height: DEFAULT_CHART_HEIGHT,
        anchor: null,
      };
      layoutSeries(st, chart, source.sheet, source.rect, seriesBy);
      sheet.charts.push(chart);
      id = chart.id;
      st.noteChange(sheet.id, source.rect, "structure");
    });
    return new ChartProxy(this.context, `${this._path}.add(${JSON.stringify(type)})`, () => this._byId(id));
  }

  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, `${this._path}.getItem(${JSON.stringify(name)})`, () => this._byName(name));
  }

  _byName(name: string): ChartTarget | null {
    const sheet = this._sheet();
    const chart = sheet.charts.find((c) => c.name === name || c.id === name);
    return chart ? { sheet, chart } : null;
  }
}

function isText(v: unknown): boolean {
  return typeof v === "string" && v !== "";
}

/**
 * Excel's layout of a source range: seriesBy Auto takes series from columns when there are more rows than
 * columns; a first row of text holds series names, a first column of text (or a blank top-left cell) holds
 * categories.
 */
export function layoutSeries(st: WorkbookState, chart: ChartState, sheet: SheetState, rect: Rect, seriesBy: string): void {
  const rows = rectRows(rect);
  const cols = rectColumns(rect);
  const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && rows > cols);
  const v = (r: number, c: number) => st.value(sheet, r, c);
  const topLeftBlank = v(rect.r0, rect.c0) === null || v(rect.r0, rect.c0) === "";
  let headerRow = false;
  let labelCol = false;
  if (byColumns) {
    headerRow = rows > 1 && (topLeftBlank || Array.from({ length: cols }, (_, j) => v(rect.r0, rect.c0 + j)).every((x) => isText(x) || x === null));
    labelCol = cols > 1 && (topLeftBlank || Array.from({ length: rows - (headerRow ? 1 : 0) }, (_, i) => v(rect.r0 + i + (headerRow ? 1 : 0), rect.c0)).every((x) => isText(x) || x === null));
  } else {
    headerRow = cols > 1 && (topLeftBlank || Array.from({ length: rows }, (_, i) => v(rect.r0 + i, rect.c0)).every((x) => isText(x) || x === null));
    labelCol = rows > 1 && (topLeftBlank || Array.from({ length: cols - (headerRow ? 1 : 0) }, (_, j) => v(rect.r0, rect.c0 + j + (headerRow ? 1 : 0))).every((x) => isText(x) || x === null));
  }
  const abs = (r: Rect) => st.address(sheet, r, true);
  const series: ChartSeriesState[] = [];
  if (byColumns) {
    const dataR0 = rect.r0 + (headerRow ? 1 : 0);
    for (let c = rect.c0 + (labelCol ? 1 : 0); c <= rect.c1; c++) {
      const nameValue = headerRow ? v(rect.r0, c) : null;
      series.push({
        name: nameValue !== null && nameValue !== undefined && !isEngineError(nameValue) ? String(nameValue) : `Series${series.length + 1}`,
        values: dataR0 <= rect.r1 ? abs({ r0: dataR0, c0: c, r1: rect.r1, c1: c }) : null,
        xValues: labelCol && dataR0 <= rect.r1 ? abs({ r0: dataR0, c0: rect.c0, r1: rect.r1, c1: rect.c0 }) : null,
        chartType: null,
        props: {},
      });
    }
  } else {
    const dataC0 = rect.c0 + (headerRow ? 1 : 0);
    for (let r = rect.r0 + (labelCol ? 1 : 0); r <= rect.r1; r++) {
      const nameValue = headerRow ? v(r, rect.c0) : null;
      series.push({
        name: nameValue !== null && nameValue !== undefined && !isEngineError(nameValue) ? String(nameValue) : `Series${series.length + 1}`,
        values: dataC0 <= rect.c1 ? abs({ r0: r, c0: dataC0, r1: r, c1: rect.c1 }) : null,
        xValues: labelCol && dataC0 <= rect.c1 ? abs({ r0: rect.r0, c0: dataC0, r1: rect.r0, c1: rect.c1 }) : null,
        chartType: null,
        props: {},
      });
    }
  }
  chart.series = series;
  chart.seriesBy = byColumns ? "Columns" : "Rows";
  chart.source = abs(rect);
}

const TITLE_SCHEMA: RecordSchema = {
  typeName: "ChartTitle",
  props: ["text", "visible", "overlay", "position", "height", "width", "left", "top", "showShadow", "horizontalAlignment", "verticalAlignment", "textOrientation"],
  defaults: { text: "", visible: false, overlay: false },
  children: { format: { typeName: "ChartTitleFormat", props: [], children: { font: FONT_SCHEMA, fill: FILL_SCHEMA, border: LINE_SCHEMA } } },
};

const AXIS_TITLE_SCHEMA: RecordSchema = {
  typeName: "ChartAxisTitle",
  props: ["text", "visible", "textOrientation"],
  defaults: { text: "", visible: false },
  children: { format: { typeName: "ChartAxisTitleFormat", props: [], children: { font: FONT_SCHEMA, fill: FILL_SCHEMA, border: LINE_SCHEMA } } },
};

const GRIDLINES_SCHEMA: RecordSchema = {
  typeName: "ChartGridlines",
  props: ["visible"],
  children: { format: { typeName: "ChartGridlinesFormat", props: [], children: { line: LINE_SCHEMA } } },
};

const AXIS_SCHEMA: RecordSchema = {
  typeName: "ChartAxis",
  props: [
    "numberFormat",
    "linkNumberFormat",
    "minimum",
    "maximum",
    "majorUnit",
    "minorUnit",
    "visible",
    "displayUnit",
    "reversePlotOrder",
    "categoryType",
    "tickLabelPosition",
    "majorTickMark",
    "minorTickMark",
    "position",
    "scaleType",
    "logBase",
    "axisGroup",
    "type",
    "textOrientation",
  ],
  defaults: { visible: true },
  children: {
    title: AXIS_TITLE_SCHEMA,
    majorGridlines: GRIDLINES_SCHEMA,
    minorGridlines: GRIDLINES_SCHEMA,
    format: { typeName: "ChartAxisFormat", props: [], children: { font: FONT_SCHEMA, line: LINE_SCHEMA, fill: FILL_SCHEMA } },
  },
};

const LEGEND_SCHEMA: RecordSchema = {
  typeName: "ChartLegend",
  props: ["visible", "position", "overlay", "showShadow", "height", "width", "left", "top"],
  defaults: { visible: true, position: "Right", overlay: false },
  children: { format: { typeName: "ChartLegendFormat", props: [], children: { font: FONT_SCHEMA, fill: FILL_SCHEMA, border: LINE_SCHEMA } } },
};

const CHART_FORMAT_SCHEMA: RecordSchema = {
  typeName: "ChartAreaFormat",
  props: ["colorScheme", "roundedCorners"],
  children: { font: FONT_SCHEMA, fill: FILL_SCHEMA, border: LINE_SCHEMA },
};

const PLOT_AREA_SCHEMA: RecordSchema = {
  typeName: "ChartPlotArea",
  props: ["left", "top", "width", "height", "insideLeft", "insideTop", "insideWidth", "insideHeight", "position"],
  children: { format: { typeName: "ChartPlotAreaFormat", props: [], children: { fill: FILL_SCHEMA, border: LINE_SCHEMA } } },
};

const SERIES_FORMAT_SCHEMA: RecordSchema = {
  typeName: "ChartSeriesFormat",
  props: [],
  children: { fill: FILL_SCHEMA, line: LINE_SCHEMA },
};

export class ChartProxy extends ProxyBase<ChartTarget> {
  get _spec(): ProxySpec<this> {
    return CHART_SPEC as unknown as ProxySpec<this>;
  }

  _chart(location = "Chart"): ChartTarget {
    return this._require(location);
  }

  _touch(): void {
    const t = this._resolve();
    if (t) this.context.state.noteChange(t.sheet.id, { r0: 0, c0: 0, r1: 0, c1: 0 }, "structure");
  }

  /** A recorded sub-object stored at chart.props[key]. */
  _part(key: string, schema: RecordSchema, path = key): RecordProxy {
    return recordProxy(
      this.context,
      `${this._path}.${path}`,
      schema,
      (create) => {
        const { chart } = this._chart(`Chart.${path}`);
        let rec = chart.props[key] as Json | undefined;
        if (!rec && create) {
          rec = {};
          chart.props[key] = rec;
        }
        return rec ?? null;
      },
      () => this._touch(),
      () => this._resolve(),
    );
  }

  /** setPosition(startCell, endCell?): the chart covers the cells from start to end (or keeps its size). */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this._command("setPosition", [startCell, endCell ?? null], () => {
      const location = "Chart.setPosition";
      const { sheet, chart } = this._chart(location);
      const st = this.context.state;
      const cell = (x: RangeProxy | string): Rect => (x instanceof RangeProxy ? x._target(location).rect : parseAddress(String(x), location).rect);
      const a = cell(startCell);
      chart.top = st.topOf(sheet, a.r0);
      chart.left = st.leftOf(sheet, a.c0);
      if (endCell !== undefined && endCell !== null) {
        const b = cell(endCell);
        chart.width = st.leftOf(sheet, b.c1 + 1) - chart.left;
        chart.height = st.topOf(sheet, b.r1 + 1) - chart.top;
        chart.anchor = { from: st.localAddress({ r0: a.r0, c0: a.c0, r1: a.r0, c1: a.c0 }), to: st.localAddress({ r0: b.r1, c0: b.c1, r1: b.r1, c1: b.c1 }) };
      } else {
        chart.anchor = { from: st.localAddress({ r0: a.r0, c0: a.c0, r1: a.r0, c1: a.c0 }), to: null };
      }
      this._touch();
    });
  }

  delete(): void {
    this._command("delete", [], () => {
      const { sheet, chart } = this._chart("Chart.delete");
      sheet.charts = sheet.charts.filter((c) => c !== chart);
      this._touch();
      this.context.state.noteChange(sheet.id, { r0: 0, c0: 0, r1: 0, c1: 0 }, "structure");
    });
  }
}

function chartNumber(key: "top" | "left" | "width" | "height") {
  return {
    get: (self: ChartProxy) => self._chart().chart[key] as unknown,
    set: (self: ChartProxy, v: unknown) => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw invalidArgument(`Chart.${key} must be a number ≥ 0`, `Chart.${key}`);
      const { chart } = self._chart(`Chart.${key}`);
      chart[key] = v;
      chart.anchor = null;
      self._touch();
    },
  };
}

const CHART_SPEC: ProxySpec<ChartProxy> = {
  typeName: "Chart",
  props: {
    id: { get: (self) => self._chart().chart.id },
    name: {
      get: (self) => self._chart().chart.name,
      set: (self, v) => {
        const { sheet, chart } = self._chart("Chart.name");
        const name = String(v);
        if (name === "") throw invalidArgument("a chart name can't be blank", "Chart.name");
        if (sheet.charts.some((c) => c !== chart && c.name === name)) {
          throw new MemoryExcelError("ItemAlreadyExists", `A chart named "${name}" already exists on the sheet.`, "Chart.name");
        }
        chart.name = name;
        self._touch();
      },
    },
    chartType: {
      get: (self) => self._chart().chart.chartType,
      set: (self, v) => {
        self._chart("Chart.chartType").chart.chartType = String(v);
        self._touch();
      },
    },
    top: chartNumber("top"),
    left: chartNumber("left"),
    width: chartNumber("width"),
    height: chartNumber("height"),
    style: {
      get: (self) => (self._chart().chart.props.style as number | undefined) ?? 2,
      set: (self, v) => {
        self._chart("Chart.style").chart.props.style = v;
      },
    },
  },
  navs: {
    title: (self) => self._part("title", TITLE_SCHEMA),
    legend: (self) => self._part("legend", LEGEND_SCHEMA),
    format: (self) => self._part("format", CHART_FORMAT_SCHEMA),
    plotArea: (self) => self._part("plotArea", PLOT_AREA_SCHEMA),
    axes: (self) => new ChartAxesProxy(self),
    series: (self) => new ChartSeriesCollectionProxy(self),
  },
};
installAccessors(ChartProxy, CHART_SPEC);

export class ChartAxesProxy extends ProxyBase<ChartTarget> {
  constructor(readonly chart: ChartProxy) {
    super(chart.context, `${chart._path}.axes`, () => chart._resolve());
  }

  get _spec(): ProxySpec<this> {
    return AXES_SPEC as unknown as ProxySpec<this>;
  }

  _axis(key: string): RecordProxy {
    return this.chart._part(`axis:${key}`, AXIS_SCHEMA, `axes.${key}`);
  }

  getItem(type: string, group: string = "Primary"): RecordProxy {
    const key = { Category: "categoryAxis", Value: "valueAxis", Series: "seriesAxis" }[type];
    if (!key) throw invalidArgument(`axis type "${type}" is not Category, Value or Series`, "ChartAxes.getItem");
    return group === "Secondary" ? this.chart._part(`axis:secondary:${key}`, AXIS_SCHEMA, `axes.secondary.${key}`) : this._axis(key);
  }
}

const AXES_SPEC: ProxySpec<ChartAxesProxy> = {
  typeName: "ChartAxes",
  props: {},
  navs: {
    categoryAxis: (self) => self._axis("categoryAxis"),
    valueAxis: (self) => self._axis("valueAxis"),
  },
};
installAccessors(ChartAxesProxy, AXES_SPEC);

// ---- series -------------------------------------------------------------------------------------------

export class ChartSeriesCollectionProxy extends CollectionProxy<ChartTarget, ChartSeriesProxy> {
  constructor(readonly chart: ChartProxy) {
    super(chart.context, `${chart._path}.series`, () => chart._resolve());
  }

  get _spec(): ProxySpec<this> {
    return {
      typeName: "ChartSeriesCollection",
      props: { count: { get: (self: ChartSeriesCollectionProxy) => self.chart._chart().chart.series.length } },
    } as unknown as ProxySpec<this>;
  }

  get _itemSpec(): ProxySpec<ChartSeriesProxy> {
    return SERIES_SPEC;
  }

  _listTargets(): ChartSeriesState[] {
    return this.chart._chart("ChartSeriesCollection").chart.series;
  }

  _itemProxy(target: unknown, index: number): ChartSeriesProxy {
    const s = target as ChartSeriesState;
    return new ChartSeriesProxy(this.chart, `${this._path}.items[${index}]`, (list) => (list.includes(s) ? s : null));
  }

  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.chart, `${this._path}.getItemAt(${index})`, (list) => {
      const s = list[index];
      if (!s) throw invalidArgument(`series index ${index} is out of range`, "ChartSeriesCollection.getItemAt");
      return s;
    });
  }

  /** add(name?, index?): a series without data; bind it with setValues / setXAxisValues. */
  add(name?: string, index?: number): ChartSeriesProxy {
    let added: ChartSeriesState | null = null;
    this._command("add", [name ?? null, index ?? null], () => {
      const { chart } = this.chart._chart("ChartSeriesCollection.add");
      added = { name: name ?? `Series${chart.series.length + 1}`, values: null, xValues: null, chartType: null, props: {} };
      const at = index === undefined || index === null ? chart.series.length : index;
      if (at < 0 || at > chart.series.length) throw invalidArgument(`series index ${at} is out of range`, "ChartSeriesCollection.add");
      chart.series.splice(at, 0, added);
      this.chart._touch();
    });
    return new ChartSeriesProxy(this.chart, `${this._path}.add(${JSON.stringify(name ?? null)})`, (list) => (added && list.includes(added) ? added : null));
  }
}

export class ChartSeriesProxy extends ProxyBase<{ chart: ChartState; series: ChartSeriesState }> {
  constructor(
    readonly chart: ChartProxy,
    path: string,
    find: (list: ChartSeriesState[]) => ChartSeriesState | null,
  ) {
    super(chart.context, path, () => {
      const { chart: c } = chart._chart("ChartSeries");
      const series = find(c.series);
      return series ? { chart: c, series } : null;
    });
  }

  get _spec(): ProxySpec<this> {
    return SERIES_SPEC as unknown as ProxySpec<this>;
  }

  _series(location = "ChartSeries"): ChartSeriesState {
    return this._require(location).series;
  }

  _part(key: string, schema: RecordSchema): RecordProxy {
    return recordProxy(
      this.context,
      `${this._path}.${key}`,
      schema,
      (create) => {
        const s = this._series(`ChartSeries.${key}`);
        let rec = s.props[key] as Json | undefined;
        if (!rec && create) {
          rec = {};
          s.props[key] = rec;
        }
        return rec ?? null;
      },
      () => this.chart._touch(),
      () => this._resolve(),
    );
  }

  _bind(key: "values" | "xValues", source: RangeProxy, location: string): void {
    if (!(source instanceof RangeProxy)) throw invalidArgument("expected a Range", location);
    const t = source._target(location);
    this._series(location)[key] = this.context.state.address(t.sheet, t.rect, true);
    this.chart._touch();
  }

  setValues(sourceData: RangeProxy): void {
    this._command("setValues", [sourceData], () => this._bind("values", sourceData, "ChartSeries.setValues"));
  }

  setXAxisValues(sourceData: RangeProxy): void {
    this._command("setXAxisValues", [sourceData], () => this._bind("xValues", sourceData, "ChartSeries.setXAxisValues"));
  }

  delete(): void {
    this._command("delete", [], () => {
      const { chart, series } = this._require("ChartSeries.delete");
      chart.series = chart.series.filter((s) => s !== series);
      this.chart._touch();
    });
  }
}

function seriesProp(key: string, fallback: unknown) {
  return {
    get: (self: ChartSeriesProxy) => (self._series().props[key] as unknown) ?? fallback,
    set: (self: ChartSeriesProxy, v: unknown) => {
      self._series(`ChartSeries.${key}`).props[key] = v;
      self.chart._touch();
    },
  };
}

const SERIES_SPEC: ProxySpec<ChartSeriesProxy> = {
  typeName: "ChartSeries",
  props: {
    name: {
      get: (self) => self._series().name,
      set: (self, v) => {
        self._series("ChartSeries.name").name = String(v);
        self.chart._touch();
      },
    },
    chartType: {
      get: (self) => self._series().chartType ?? self._require("ChartSeries.chartType").chart.chartType,
      set: (self, v) => {
        self._series("ChartSeries.chartType").chartType = String(v);
        self.chart._touch();
      },
    },
    markerStyle: seriesProp("markerStyle", "Automatic"),
    markerSize: seriesProp("markerSize", 5),
    markerBackgroundColor: seriesProp("markerBackgroundColor", null),
    markerForegroundColor: seriesProp("markerForegroundColor", null),
    gapWidth: seriesProp("gapWidth", 150),
    overlap: seriesProp("overlap", 0),
  },
  navs: {
    format: (self) => self._part("format", SERIES_FORMAT_SCHEMA),
  },
};
installAccessors(ChartSeriesProxy, SERIES_SPEC);
