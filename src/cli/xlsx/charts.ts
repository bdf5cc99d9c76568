/**
 * Native Excel charts for an .xlsx that ExcelJS wrote (ExcelJS 4.4 cannot write charts).
 *
 * The package is opened with jszip and, per sheet with charts, gets the DrawingML parts Excel itself writes:
 * xl/charts/chartN.xml (c:chartSpace), xl/drawings/drawingN.xml (xdr:wsDr with one anchor per chart) and their
 * .rels, [Content_Types].xml overrides, and a <drawing r:id> in the worksheet. Every XML part is built or
 * rewritten with fast-xml-parser (XMLBuilder / XMLParser), so text is escaped by the library; in the worksheet,
 * whose cell data we do not want to round-trip, the built <drawing> element is inserted at the place the
 * schema (CT_Worksheet) orders it: before legacyDrawing / tableParts / extLst.
 *
 * Series refer to worksheet ranges (c:f), so Excel and LibreOffice draw them from the live formula results.
 */
import JSZip from "jszip";
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { kept } from "../../a1";
import { toXmlTextDeep } from "../../core/xml-text";

export type ChartKind = "line" | "column" | "bar";

export interface ChartSeriesSpec {
  /** Literal series name (shown in the legend). */
  name: string;
  /** A1 reference with sheet, e.g. `'Evaluation'!$B$5:$B$17`. */
  values: string;
  /** Category labels reference (x axis), with sheet. */
  categories?: string;
  /** This series' own type in a combination chart (a line over columns); default: the chart's. */
  kind?: ChartKind;
  /** Column fill or line colour, "#RRGGBB". */
  color?: string;
  /** Line dash (DrawingML preset: dash, sysDot, dashDot, lgDash …); absent = solid. */
  dash?: string;
  /** Line marker symbol (circle, square, none …); default circle for line series. */
  marker?: string;
  markerSize?: number;
}

/** Where the chart sits: a cell range (0-based, `to` exclusive like Excel's twoCellAnchor) or points. */
export type ChartAnchor =
  | { kind: "cells"; from: { col: number; row: number }; to: { col: number; row: number } }
  | { kind: "points"; left: number; top: number; width: number; height: number };

export interface ChartSpec {
  kind: ChartKind;
  /** Name of the chart object (Office.js chart.name). */
  name: string;
  title: string;
  anchor: ChartAnchor;
  series: ChartSeriesSpec[];
  /** Number format of the value axis, e.g. "0%". */
  valueFormat?: string;
  valueTitle?: string | null;
  categoryTitle?: string | null;
  valueMin?: number;
  valueMax?: number;
  /** Show the legend (default: when there is more than one series). */
  legend?: boolean;
  /** Gap between column groups, % of a column's width (default 150). */
  gapWidth?: number;
  /** Legend position: r, l, t, b (default b). */
  legendPosition?: "r" | "l" | "t" | "b";
}

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/main",
  sheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  relDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  relChart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  ctDrawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  ctChart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

const EMU_PER_POINT = 12700;
const XML_DECLARATION = { "?xml": { "@_version": "1.0", "@_encoding": "UTF-8", "@_standalone": "yes" } };

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: true });
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseAttributeValue: false, parseTagValue: false });

/**
 * Parts already built, by what they were built from. The workbooks of a `pipbook batch` share their template's
 * charts (the same goal titles, the same series ranges) and so the same chart, drawing, relationship and
 * content-type parts: each is built once per worker, not once per workbook (the chart parts were ~10 % of the
 * .xlsx writer's CPU). Bounded: cleared when full.
 */
const builtParts = new Map<string, string>();
const BUILT_PARTS_SIZE = 256;
/** The sheet relationships part with the drawing's added, and the drawing's rId, by the part before and the target. */
const builtSheetRels = new Map<string, { relId: string; xml: string }>();

/** A key equal for equal JSON-like inputs, undefined and non-finite numbers kept apart from null. */
function inputKey(kind: string, input: unknown): string {
  return `${kind}\u0000${JSON.stringify(input, (_k, v: unknown) =>
    v === undefined ? "\u0000undefined" : typeof v === "number" && !Number.isFinite(v) ? `\u0000${String(v)}` : v,
  )}`;
}

function built(key: string, build: () => string): string {
  return kept(builtParts, key, BUILT_PARTS_SIZE, build);
}

type XmlNode = Record<string, unknown>;

function val(v: string | number): XmlNode {
  return { "@_val": v };
}

function richText(text: string, size = 1200): XmlNode {
  return {
    "c:tx": {
      "c:rich": {
        "a:bodyPr": {},
        "a:lstStyle": {},
        "a:p": { "a:pPr": { "a:defRPr": { "@_sz": size, "@_b": 1 } }, "a:r": { "a:rPr": { "@_lang": "en-US", "@_sz": size, "@_b": 1 }, "a:t": text } },
      },
    },
    "c:overlay": val(0),
  };
}

function axisTitle(text: string | null | undefined): XmlNode {
  return text ? { "c:title": richText(text, 1000) } : {};
}

function srgb(color: string | undefined): XmlNode | null {
  const hex = color?.replace(/^#/, "");
  return hex && /^[0-9a-fA-F]{6}$/.test(hex) ? { "a:solidFill": { "a:srgbClr": val(hex.toUpperCase()) } } : null;
}

function seriesNode(series: ChartSeriesSpec, index: number, kind: ChartKind): XmlNode {
  const node: XmlNode = {
    "c:idx": val(index),
    "c:order": val(index),
    "c:tx": { "c:v": series.name },
  };
  const fill = srgb(series.color);
  if (kind === "line") {
    const line: XmlNode = { "@_w": 22225, ...(fill ?? {}) };
    if (series.dash) line["a:prstDash"] = val(series.dash);
    node["c:spPr"] = { "a:ln": line };
    const symbol = series.marker ?? "circle";
    node["c:marker"] =
      symbol === "none"
        ? { "c:symbol": val("none") }
        : { "c:symbol": val(symbol), "c:size": val(series.markerSize ?? 5), ...(fill ? { "c:spPr": { ...fill, "a:ln": fill } } : {}) };
  } else {
    if (fill) node["c:spPr"] = fill;
    node["c:invertIfNegative"] = val(0);
  }
  if (series.categories) node["c:cat"] = { "c:strRef": { "c:f": series.categories } };
  node["c:val"] = { "c:numRef": { "c:f": series.values } };
  if (kind === "line") node["c:smooth"] = val(0);
  return node;
}

const CAT_AXIS_ID = 500000001;
const VAL_AXIS_ID = 500000002;

/** The c:chartSpace of one chart. */
export function chartXml(chartSpec: ChartSpec): string {
  // Titles and series names come from goal titles: text XML cannot hold is cleaned here too (core/xml-text).
  const spec = toXmlTextDeep(chartSpec);
  // Series are numbered across the chart; a combination chart has one plot group per type over the same axes.
  const numbered = spec.series.map((series, index) => ({ series, index, kind: series.kind ?? spec.kind }));
  const groups: XmlNode = {};
  for (const kind of [spec.kind, ...(["column", "bar", "line"] as const).filter((k) => k !== spec.kind)]) {
    const members = numbered.filter((n) => n.kind === kind);
    if (members.length === 0) continue;
    const series = members.map((n) => seriesNode(n.series, n.index, kind));
    if (kind === "line") {
      groups["c:lineChart"] = {
        "c:grouping": val("standard"),
        "c:varyColors": val(0),
        "c:ser": series,
        "c:marker": val(1),
        "c:axId": [val(CAT_AXIS_ID), val(VAL_AXIS_ID)],
      };
    } else if (!groups["c:barChart"]) {
      groups["c:barChart"] = {
        "c:barDir": val(kind === "bar" ? "bar" : "col"),
        "c:grouping": val("clustered"),
        "c:varyColors": val(0),
        "c:ser": series,
        "c:gapWidth": val(spec.gapWidth ?? 150),
        "c:axId": [val(CAT_AXIS_ID), val(VAL_AXIS_ID)],
      };
    }
  }
  const horizontal = spec.kind === "bar";
  const showLegend = spec.legend ?? spec.series.length > 1;
  const chart: XmlNode = {
    "c:title": richText(spec.title),
    "c:autoTitleDeleted": val(0),
    "c:plotArea": {
      "c:layout": {},
      ...groups,
      "c:catAx": {
        "c:axId": val(CAT_AXIS_ID),
        "c:scaling": { "c:orientation": val("minMax") },
        "c:delete": val(0),
        "c:axPos": val(horizontal ? "l" : "b"),
        ...axisTitle(spec.categoryTitle),
        "c:numFmt": { "@_formatCode": "General", "@_sourceLinked": 1 },
        "c:majorTickMark": val("out"),
        "c:minorTickMark": val("none"),
        "c:tickLblPos": val("low"),
        "c:crossAx": val(VAL_AXIS_ID),
        "c:crosses": val("autoZero"),
        "c:auto": val(1),
        "c:lblAlgn": val("ctr"),
        "c:lblOffset": val(100),
        "c:noMultiLvlLbl": val(0),
      },
      "c:valAx": {
        "c:axId": val(VAL_AXIS_ID),
        "c:scaling": {
          "c:orientation": val("minMax"),
          ...(spec.valueMax !== undefined ? { "c:max": val(spec.valueMax) } : {}),
          ...(spec.valueMin !== undefined ? { "c:min": val(spec.valueMin) } : {}),
        },
        "c:delete": val(0),
        "c:axPos": val(horizontal ? "b" : "l"),
        "c:majorGridlines": {},
        ...axisTitle(spec.valueTitle),
        "c:numFmt": { "@_formatCode": spec.valueFormat ?? "General", "@_sourceLinked": spec.valueFormat ? 0 : 1 },
        "c:majorTickMark": val("out"),
        "c:minorTickMark": val("none"),
        "c:tickLblPos": val("nextTo"),
        "c:crossAx": val(CAT_AXIS_ID),
        "c:crosses": val("autoZero"),
        "c:crossBetween": val("between"),
      },
    },
    ...(showLegend ? { "c:legend": { "c:legendPos": val(spec.legendPosition ?? "b"), "c:overlay": val(0) } } : {}),
    "c:plotVisOnly": val(1),
    "c:dispBlanksAs": val("gap"),
  };
  return builder.build({
    ...XML_DECLARATION,
    "c:chartSpace": {
      "@_xmlns:c": NS.chart,
      "@_xmlns:a": NS.drawing,
      "@_xmlns:r": NS.rel,
      "c:roundedCorners": val(0),
      "c:chart": chart,
    },
  });
}

function anchorNode(spec: ChartSpec, index: number, relId: string): [string, XmlNode] {
  const frame: XmlNode = {
    "@_macro": "",
    "xdr:nvGraphicFramePr": {
      "xdr:cNvPr": { "@_id": index + 2, "@_name": spec.name },
      "xdr:cNvGraphicFramePr": {},
    },
    "xdr:xfrm": { "a:off": { "@_x": 0, "@_y": 0 }, "a:ext": { "@_cx": 0, "@_cy": 0 } },
    "a:graphic": {
      "a:graphicData": {
        "@_uri": NS.chart,
        "c:chart": { "@_xmlns:c": NS.chart, "@_r:id": relId },
      },
    },
  };
  const a = spec.anchor;
  if (a.kind === "cells") {
    const marker = (m: { col: number; row: number }) => ({ "xdr:col": m.col, "xdr:colOff": 0, "xdr:row": m.row, "xdr:rowOff": 0 });
    return ["xdr:twoCellAnchor", { "xdr:from": marker(a.from), "xdr:to": marker(a.to), "xdr:graphicFrame": frame, "xdr:clientData": {} }];
  }
  const emu = (points: number) => Math.round(points * EMU_PER_POINT);
  return [
    "xdr:absoluteAnchor",
    {
      "xdr:pos": { "@_x": emu(a.left), "@_y": emu(a.top) },
      "xdr:ext": { "@_cx": emu(a.width), "@_cy": emu(a.height) },
      "xdr:graphicFrame": frame,
      "xdr:clientData": {},
    },
  ];
}

/** The xdr:wsDr of a sheet's charts, chart i bound to relationship `rId{i+1}`. */
export function drawingXml(chartSpecs: readonly ChartSpec[]): string {
  const specs = toXmlTextDeep([...chartSpecs]);
  const anchors: Record<string, XmlNode[]> = {};
  specs.forEach((spec, i) => {
    const [tag, node] = anchorNode(spec, i, `rId${i + 1}`);
    (anchors[tag] ??= []).push(node);
  });
  return builder.build({
    ...XML_DECLARATION,
    "xdr:wsDr": { "@_xmlns:xdr": NS.sheetDrawing, "@_xmlns:a": NS.drawing, "@_xmlns:r": NS.rel, ...anchors },
  });
}

interface Relationship {
  "@_Id": string;
  "@_Type": string;
  "@_Target": string;
  "@_TargetMode"?: string;
}

function relationshipsXml(relationships: Relationship[]): string {
  return builder.build({ ...XML_DECLARATION, Relationships: { "@_xmlns": NS.pkgRel, Relationship: relationships } });
}

function parseRelationships(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  const parsed = parser.parse(xml) as { Relationships?: { Relationship?: Relationship | Relationship[] } };
  const list = parsed.Relationships?.Relationship;
  return list === undefined ? [] : Array.isArray(list) ? list : [list];
}

function asList<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** Resolve a relationship target relative to the folder of the part that owns the .rels. */
function resolveTarget(ownerDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ownerDir.split("/").filter(Boolean);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

/**
 * The parts of a package as the chart code and the compressors read them: an opened JSZip, or the .xlsx writer's
 * PackageParts (write-xlsx.ts). `files` in package order, folders included.
 */
export interface PackageFiles {
  readonly files: Readonly<Record<string, { readonly name: string; readonly dir: boolean; readonly date: Date; async(type: "uint8array"): Promise<Uint8Array> }>>;
  file(name: string): { async(type: "string"): Promise<string> } | null;
  file(name: string, data: string): unknown;
}

/** Worksheet part path (e.g. xl/worksheets/sheet3.xml) of every sheet name. */
export async function sheetParts(zip: PackageFiles): Promise<Map<string, string>> {
  const workbook = parser.parse(await zip.file("xl/workbook.xml")!.async("string")) as {
    workbook: { sheets: { sheet: XmlNode | XmlNode[] } };
  };
  const rels = parseRelationships(await zip.file("xl/_rels/workbook.xml.rels")?.async("string"));
  const targetOf = new Map(rels.map((r) => [r["@_Id"], resolveTarget("xl", r["@_Target"])]));
  const map = new Map<string, string>();
  for (const sheet of asList(workbook.workbook.sheets.sheet)) {
    const target = targetOf.get(String(sheet["@_r:id"]));
    if (target) map.set(String(sheet["@_name"]), target);
  }
  return map;
}

function nextIndex(zip: PackageFiles, folder: string, stem: string): number {
  let n = 1;
  while (zip.file(`${folder}/${stem}${n}.xml`)) n++;
  return n;
}

/** CT_Worksheet's elements after <drawing>, in schema order, and the closing tag. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/**
 * Where `<name` starts as an element of the XML at or after `start` (the name not continued: "<drawing" is not
 * "<drawingHF"), or -1. Text and attribute values hold "<" only as "&lt;", so the first such place is the element.
 */
function elementIndex(xml: string, name: string, start = 0): number {
  for (let from = start; ; ) {
    const at = xml.indexOf(`<${name}`, from);
    if (at < 0) return -1;
    const next = xml.charAt(at + name.length + 1);
    if (!/[\w.:-]/.test(next)) return at;
    from = at + 1;
  }
}

/** Insert the worksheet's <drawing r:id> where CT_Worksheet's element order puts it. */
function insertDrawingElement(sheetXml: string, relId: string): string {
  // <drawing> and what follows it come after <sheetData> (CT_Worksheet): the cells, most of the part, are not searched.
  const start = Math.max(0, sheetXml.lastIndexOf("</sheetData>"));
  if (elementIndex(sheetXml, "drawing", start) >= 0) throw new Error("worksheet already has a drawing part");
  const element = builder.build({ drawing: { "@_r:id": relId } }) as string;
  const found = AFTER_DRAWING.map((name) => elementIndex(sheetXml, name, start)).filter((i) => i >= 0);
  const closing = sheetXml.lastIndexOf("</worksheet>");
  const index = found.length > 0 ? Math.min(...found) : closing;
  if (index < 0) throw new Error("worksheet XML has no closing tag");
  let xml = sheetXml.slice(0, index) + element + sheetXml.slice(index);
  if (!/<worksheet\b[^>]*\sxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.rel}"`);
  return xml;
}

/**
 * Add native charts to an .xlsx package. `chartsBySheet` maps a sheet name (as in the workbook) to its charts.
 * Returns the new package bytes.
 */
export async function addChartsToXlsx(xlsx: Uint8Array, chartsBySheet: ReadonlyMap<string, readonly ChartSpec[]>): Promise<Uint8Array> {
  const withCharts = [...chartsBySheet].filter(([, specs]) => specs.length > 0);
  if (withCharts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  await addChartsToZip(zip, chartsBySheet);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** addChartsToXlsx on an opened package (the .xlsx writer post-processes the package once, charts among other parts). */
export async function addChartsToZip(
  zip: PackageFiles,
  chartsBySheet: ReadonlyMap<string, readonly ChartSpec[]>,
  /** sheetParts(zip), when the caller has it already (the .xlsx writer needs it for data validation too). */
  knownSheetParts?: ReadonlyMap<string, string>,
): Promise<void> {
  const withCharts = [...chartsBySheet].filter(([, specs]) => specs.length > 0);
  if (withCharts.length === 0) return;
  const parts = knownSheetParts ?? (await sheetParts(zip));
  const overrides: { "@_PartName": string; "@_ContentType": string }[] = [];

  for (const [sheetName, specs] of withCharts) {
    const sheetPath = parts.get(sheetName);
    if (!sheetPath) throw new Error(`no worksheet named ${sheetName}`);
    const drawingNumber = nextIndex(zip, "xl/drawings", "drawing");
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    const chartRels: Relationship[] = [];
    for (const [i, spec] of specs.entries()) {
      const chartNumber = nextIndex(zip, "xl/charts", "chart");
      const chartPath = `xl/charts/chart${chartNumber}.xml`;
      zip.file(chartPath, built(inputKey("chart", spec), () => chartXml(spec)));
      overrides.push({ "@_PartName": `/${chartPath}`, "@_ContentType": NS.ctChart });
      chartRels.push({ "@_Id": `rId${i + 1}`, "@_Type": NS.relChart, "@_Target": `../charts/chart${chartNumber}.xml` });
    }
    zip.file(drawingPath, built(inputKey("drawing", specs), () => drawingXml(specs)));
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, built(inputKey("rels", chartRels), () => relationshipsXml(chartRels)));
    overrides.push({ "@_PartName": `/${drawingPath}`, "@_ContentType": NS.ctDrawing });

    const sheetDir = sheetPath.slice(0, sheetPath.lastIndexOf("/"));
    const sheetFile = sheetPath.slice(sheetPath.lastIndexOf("/") + 1);
    const sheetRelsPath = `${sheetDir}/_rels/${sheetFile}.rels`;
    const sheetRelsXml = await zip.file(sheetRelsPath)?.async("string");
    const drawingTarget = `../drawings/drawing${drawingNumber}.xml`;
    // The sheet's relationships with the drawing's added under the first free rId, and that rId.
    const { relId: drawingRelId, xml: withDrawing } = kept(builtSheetRels, inputKey("sheetRels", [sheetRelsXml, drawingTarget]), BUILT_PARTS_SIZE, () => {
      const sheetRels = parseRelationships(sheetRelsXml);
      const used = new Set(sheetRels.map((r) => r["@_Id"]));
      let n = sheetRels.length + 1;
      while (used.has(`rId${n}`)) n++;
      sheetRels.push({ "@_Id": `rId${n}`, "@_Type": NS.relDrawing, "@_Target": drawingTarget });
      return { relId: `rId${n}`, xml: relationshipsXml(sheetRels) };
    });
    zip.file(sheetRelsPath, withDrawing);
    zip.file(sheetPath, insertDrawingElement(await zip.file(sheetPath)!.async("string"), drawingRelId));
  }

  const typesXml = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    built(inputKey("types", [typesXml, overrides]), () => {
      const types = parser.parse(typesXml) as { Types: { Default?: XmlNode | XmlNode[]; Override?: XmlNode | XmlNode[] } };
      return builder.build({
        ...XML_DECLARATION,
        Types: {
          "@_xmlns": "http://schemas.openxmlformats.org/package/2006/content-types",
          Default: asList(types.Types.Default),
          Override: [...asList(types.Types.Override), ...overrides],
        },
      }) as string;
    }),
  );
}

/** Read back the charts of an .xlsx (sheet name → chart titles and series refs); used by the tests. */
/** Every a:t text under a node, in document order. */
function textRuns(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textRuns);
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node as XmlNode).flatMap(([key, value]) =>
    key === "a:t" ? asList(value as unknown).map((t) => String(t)) : key.startsWith("@_") ? [] : textRuns(value),
  );
}

export interface ChartRefs {
  title: string;
  /** The first plot group's element name, e.g. lineChart, barChart. */
  kind: string;
  series: { kind: string; values: string; categories?: string }[];
}

export async function readChartRefs(xlsx: Uint8Array): Promise<Map<string, ChartRefs[]>> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  const result = new Map<string, ChartRefs[]>();
  for (const [sheetName, sheetPath] of parts) {
    const sheetDir = sheetPath.slice(0, sheetPath.lastIndexOf("/"));
    const sheetFile = sheetPath.slice(sheetPath.lastIndexOf("/") + 1);
    const rels = parseRelationships(await zip.file(`${sheetDir}/_rels/${sheetFile}.rels`)?.async("string"));
    for (const rel of rels.filter((r) => r["@_Type"] === NS.relDrawing)) {
      const drawingPath = resolveTarget(sheetDir, rel["@_Target"]);
      const drawingDir = drawingPath.slice(0, drawingPath.lastIndexOf("/"));
      const drawingFile = drawingPath.slice(drawingPath.lastIndexOf("/") + 1);
      const chartRels = parseRelationships(await zip.file(`${drawingDir}/_rels/${drawingFile}.rels`)?.async("string"));
      for (const chartRel of chartRels.filter((r) => r["@_Type"] === NS.relChart)) {
        const chartPath = resolveTarget(drawingDir, chartRel["@_Target"]);
        const xml = await zip.file(chartPath)?.async("string");
        if (!xml) continue;
        const space = (parser.parse(xml) as { "c:chartSpace": { "c:chart": XmlNode } })["c:chartSpace"]["c:chart"];
        const plotArea = space["c:plotArea"] as XmlNode;
        const groupKeys = Object.keys(plotArea).filter((k) => /Chart$/.test(k));
        const title = textRuns(space["c:title"]).join("");
        const series = groupKeys
          .flatMap((key) =>
            asList((plotArea[key] as XmlNode)["c:ser"] as XmlNode | XmlNode[]).map((s) => {
              const values = String(((s["c:val"] as XmlNode)?.["c:numRef"] as XmlNode)?.["c:f"] ?? "");
              const catNode = s["c:cat"] as XmlNode | undefined;
              const categories = catNode ? String(((catNode["c:strRef"] ?? catNode["c:numRef"]) as XmlNode)?.["c:f"] ?? "") : undefined;
              return { order: Number((s["c:order"] as XmlNode)?.["@_val"] ?? 0), kind: key.replace(/^c:/, ""), values, categories };
            }),
          )
          .sort((a, b) => a.order - b.order)
          .map(({ kind, values, categories }) => ({ kind, values, categories }));
        const kindKey = groupKeys[0] ?? "";
        const list = result.get(sheetName) ?? [];
        list.push({ title, kind: kindKey.replace(/^c:/, ""), series });
        result.set(sheetName, list);
      }
    }
  }
  return result;
}
