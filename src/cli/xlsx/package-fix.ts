/**
 * An .xlsx as other tools write it, made readable for ExcelJS before it loads it — without changing what a cell
 * holds. Each repair answers a file seen in the wild:
 *
 * - absolute part names in relationships (`Target="/xl/worksheets/sheet1.xml"`, openpyxl, Google Sheets): ECMA-376
 *   Part 2 §9.3 allows them; ExcelJS resolves only relative ones, so they are made relative to the source part;
 * - drawings, charts and images (openpyxl's re-saved charts, WPS's extensions): ExcelJS 4.4 fails on chart XML it
 *   does not model ("reading 'anchors'"); the reader does not look at drawings, so they are left out of the read;
 * - `t="d"` cells (ISO 8601 text, ECMA-376 Part 1 §18.18.11 ST_CellType "d"; openpyxl with iso_dates, LibreOffice):
 *   ExcelJS parses the text as a number ("2024-04-01" → 2024 → 1905-07-16); they become the serial of their date in
 *   the workbook's own date system;
 * - a shared-string index outside the shared-string table: ExcelJS fails or yields undefined; the cell is emptied
 *   and reported as a problem on its cell, so one bad cell is a finding rather than a refusal of the whole file;
 * - a table's autoFilter naming more columns than the table has (a column removed by a tool that left its filter):
 *   ExcelJS fails ("setting 'filterButton'"); the filter entries of columns that are gone are dropped;
 * - cached formula errors (`t="e"`, #DIV/0!): ExcelJS reads them as NaN; they are reported with their text.
 *
 * The workbook's date system (`workbookPr/@date1904`, ECMA-376 Part 1 §18.2.28) is read here too.
 */
import JSZip from "jszip";
import { isoToSerial } from "../../core/dates";

/** A cell the repair had to empty: the sheet's name as the workbook shows it and the A1 address. */
export interface CellRepair {
  sheet: string;
  cell: string;
  kind: "brokenSharedString";
}

export interface NormalizedPackage {
  bytes: Uint8Array;
  /** Cached error results of formula cells (t="e"), by sheet name then A1 address: "#DIV/0!". */
  cellErrors: Map<string, Map<string, string>>;
  date1904: boolean;
  repairs: CellRepair[];
  /** Whether anything had to change (the original bytes are returned untouched when not). */
  changed: boolean;
}

const DAYS_1900_TO_1904 = 1462;

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? "") : undefined;
}

/** The folder a .rels part describes: "xl/_rels/workbook.xml.rels" → "xl/"; "_rels/.rels" → "". */
function sourceFolderOf(relsPath: string): string {
  return relsPath.replace(/_rels\/[^/]*$/, "");
}

function relativePath(fromFolder: string, target: string): string {
  const from = fromFolder.split("/").filter(Boolean);
  const to = target.split("/").filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** Resolve a relationship target against its source folder to a part name without a leading "/". */
function resolveTarget(folder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `${folder}${target}`.split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

const DRAWING_PART = /^xl\/(drawings|charts|media|chartsheets|diagrams)\//;
const DRAWING_REL_TYPE = /\/(drawing|chart|image|vmlDrawing|chartsheet|diagram\w*)$/;

/** ISO date text of a `t="d"` cell → serial in the workbook's date system; time of day kept as the fraction. */
function isoCellSerial(text: string, date1904: boolean): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return null;
  const day = isoToSerial(m[1]);
  if (day === null) return null;
  const fraction = m[2] !== undefined ? (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) / 86400 : 0;
  return (date1904 ? day - DAYS_1900_TO_1904 : day) + fraction;
}

export async function normalizePackage(bytes: Uint8Array): Promise<NormalizedPackage> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  const repairs: CellRepair[] = [];
  const cellErrors = new Map<string, Map<string, string>>();

  // 0. Tables: autoFilter entries of columns the table no longer has.
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    const count = Number(attr(/<tableColumns\b[^>]*>/.exec(xml)?.[0] ?? "", "count") ?? NaN);
    const columns = Number.isFinite(count) ? count : (xml.match(/<tableColumn\b/g) ?? []).length;
    const fixed = xml.replace(/<filterColumn\b[^>]*?(?:\/>|>[\s\S]*?<\/filterColumn>)/g, (tag) => (Number(attr(tag, "colId") ?? 0) >= columns ? "" : tag));
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }

  // 1. Relationships: absolute targets made relative; drawing relationships dropped.
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".rels") && !zip.files[n].dir)) {
    const xml = await zip.file(name)!.async("string");
    const folder = sourceFolderOf(name);
    const fixed = xml.replace(/<Relationship\b[^>]*?\/>/g, (tag) => {
      const type = attr(tag, "Type") ?? "";
      const target = attr(tag, "Target") ?? "";
      if (attr(tag, "TargetMode") === "External") return tag;
      if (DRAWING_REL_TYPE.test(type)) return "";
      if (target.startsWith("/")) return tag.replace(/(\sTarget\s*=\s*)("[^"]*"|'[^']*')/, `$1"${relativePath(folder, target.slice(1))}"`);
      return tag;
    });
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  for (const name of Object.keys(zip.files)) {
    if (DRAWING_PART.test(name)) {
      zip.remove(name);
      changed = true;
    }
  }
  const typesXml = await zip.file("[Content_Types].xml")?.async("string");
  if (typesXml !== undefined) {
    const fixed = typesXml.replace(/<Override\b[^>]*?\/>/g, (tag) => (DRAWING_PART.test((attr(tag, "PartName") ?? "").replace(/^\//, "")) ? "" : tag));
    if (fixed !== typesXml) zip.file("[Content_Types].xml", fixed);
  }

  // 2. The workbook: date system, and which part is which sheet (for the repairs' places).
  const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const workbookPr = /<workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? "";
  const date1904Attr = attr(workbookPr, "date1904");
  const date1904 = date1904Attr === "1" || date1904Attr === "true";
  const workbookRels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targetOfRel = new Map<string, string>();
  for (const tag of workbookRels.match(/<Relationship\b[^>]*?\/>/g) ?? []) {
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (id && target) targetOfRel.set(id, resolveTarget("xl/", target));
  }
  const sheetOfPart = new Map<string, string>();
  for (const tag of workbookXml.match(/<sheet\b[^>]*?\/?>/g) ?? []) {
    const name = attr(tag, "name");
    const id = attr(tag, "r:id") ?? /\s\w+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const part = id ? targetOfRel.get(id) : undefined;
    if (name !== undefined && part) sheetOfPart.set(part, name);
  }

  // 3. Shared strings: how many there are.
  const sharedXml = await zip.file("xl/sharedStrings.xml")?.async("string");
  const sharedCount = sharedXml === undefined ? 0 : (sharedXml.match(/<si[\s>/]/g) ?? []).length;

  // 4. Cells of each worksheet.
  for (const [part, sheet] of sheetOfPart) {
    const file = zip.file(part);
    if (!file) continue;
    const xml = await file.async("string");
    let sheetChanged = false;
    const errors = new Map<string, string>();
    cellErrors.set(sheet, errors);
    let fixed = xml.replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, _end: string, inner: string | undefined) => {
      const type = attr(` ${attrs}`, "t");
      if (type !== "d" && type !== "s" && type !== "e") return whole;
      const ref = attr(` ${attrs}`, "r") ?? "";
      const valueMatch = inner === undefined ? null : /<v>([\s\S]*?)<\/v>/.exec(inner);
      if (type === "e") {
        if (valueMatch) errors.set(ref, decodeEntities(valueMatch[1]));
        return whole;
      }
      const keptAttrs = attrs.replace(/\s+t\s*=\s*("[^"]*"|'[^']*')/, "");
      if (type === "d") {
        if (!valueMatch) return whole;
        const serial = isoCellSerial(decodeEntities(valueMatch[1]), date1904);
        sheetChanged = true;
        if (serial === null) return `<c${keptAttrs} t="inlineStr"><is><t>${valueMatch[1]}</t></is></c>`;
        return `<c${keptAttrs}><v>${serial}</v></c>`;
      }
      if (!valueMatch) return whole;
      const index = Number(valueMatch[1].trim());
      if (Number.isInteger(index) && index >= 0 && index < sharedCount) return whole;
      sheetChanged = true;
      repairs.push({ sheet, cell: ref, kind: "brokenSharedString" });
      return `<c${keptAttrs}/>`;
    });
    // The sheet's own references to drawings (their relationships are gone).
    const withoutDrawings = fixed.replace(/<(drawing|legacyDrawing|legacyDrawingHF|picture)\b[^>]*?\/>/g, "");
    if (withoutDrawings !== fixed) {
      fixed = withoutDrawings;
      sheetChanged = true;
    }
    if (sheetChanged) {
      zip.file(part, fixed);
      changed = true;
    }
  }
  if (!changed) return { bytes, date1904, repairs, changed, cellErrors };
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
  return { bytes: out, date1904, repairs, changed, cellErrors };
}
