/**
 * Print areas in the .xlsx: the layout gives one or several areas ("A1:I27,K5:AA22", each printing on pages of its
 * own, as Office.js `PageLayout.setPrintArea` takes "the range or ranges of the content to print"). ExcelJS 4.4
 * writes each corner as "$" + the cell ("A1" → "$A1", a mixed reference LibreOffice ignores as a print area) and
 * each area of an "&&"-joined list as its own `_xlnm.Print_Area` defined name, while a sheet has exactly one such
 * name whose value is the union, areas comma-separated (ECMA-376 Part 1 §18.2.5 definedName; Excel repairs a file
 * with duplicates). So ExcelJS is given "A$1:I$27&&K$5:AA$22" and the workbook part is mended after it.
 */
import { group } from "../../core/indexed";
import type { WorkbookSnapshot } from "../../memory-excel";

type NameSnapshot = WorkbookSnapshot["names"][number];

/** The print area as ExcelJS's `pageSetup.printArea` wants it: absolute rows, areas joined by "&&". */
export function excelJsPrintArea(area: string): string {
  return area
    .replace(/\$/g, "")
    .split(",")
    .map((a) => a.trim().replace(/([A-Z]+)(\d+)/g, "$1$$$2"))
    .join("&&");
}

const PRINT_AREA = /<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)">([^<]*)<\/definedName>/g;

/** workbook.xml with one `_xlnm.Print_Area` per sheet: duplicates merged into the first, values comma-joined. */
export function mergePrintAreas(workbookXml: string): string {
  const areas = new Map<string, string[]>();
  for (const m of workbookXml.matchAll(PRINT_AREA)) {
    const sheet = group(m, 1);
    areas.set(sheet, [...(areas.get(sheet) ?? []), group(m, 2)]);
  }
  if ([...areas.values()].every((list) => list.length === 1)) return workbookXml;
  const written = new Set<string>();
  return workbookXml.replace(PRINT_AREA, (_whole, sheet: string) => {
    if (written.has(sheet)) return "";
    written.add(sheet);
    return `<definedName name="_xlnm.Print_Area" localSheetId="${sheet}">${areas.get(sheet)!.join(",")}</definedName>`;
  });
}

// ---- the workbook's own defined names ---------------------------------------------------------------------------

/** Element text: `&`, `<`, `>` as entities, a carriage return as a reference (a raw one is read as a line feed). */
function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** Attribute value: also `"`, and tabs and line breaks as references (a raw one is read as a space, XML 1.0 §3.3.3). */
function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

/** CT_Workbook's elements after <definedNames>, in schema order (ECMA-376 Part 1 §18.2.27 workbook). */
const AFTER_DEFINED_NAMES = /<(?:calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)[\s/>]|<\/workbook>/;

const attributeOf = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * workbook.xml with the names a workbook brought with it (the snapshot's `names`: a person's range names, constants,
 * hidden names, their own sheets' print areas) added to what ExcelJS wrote. ExcelJS 4.4 is not given them: its
 * `definedNames` holds ranges only (`lib/doc/defined-names.js` keeps a name only when its text parses as
 * `$col$row` cells), with no comment, no `hidden`, and no scope (`localSheetId` is written only for the print areas
 * and titles it derives from `pageSetup`), so a constant `=0.8` or a sheet's own name would be lost or widened.
 *
 * A sheet-scoped name gets `localSheetId` = its sheet's index in `sheetOrder` (the sheets as written, since a rewrite
 * adds and reorders them). Where the writer already wrote a name with the same name and scope, compared ignoring
 * case as Excel compares names, the writer's wins and the brought one is left out: these are the print areas and
 * print titles PIPbook sets on its own sheets (a sheet has one `_xlnm.Print_Area`; a second is an error Excel
 * repairs). A person's print area or titles on their own sheet, or on a PIP sheet the layout gives none, stay.
 * The formula text is written as it was read; nothing is rewritten (a name whose sheet is gone keeps its text).
 */
export function withDefinedNames(workbookXml: string, names: readonly NameSnapshot[], sheetOrder: readonly string[]): string {
  if (names.length === 0) return workbookXml;
  const key = (name: string, localSheetId: string | undefined) => `${name.toLocaleLowerCase("en-US")}\u0000${localSheetId ?? ""}`;
  const written = new Set<string>();
  for (const m of workbookXml.matchAll(/<definedName\b[^>]*>/g)) {
    const name = attributeOf(m[0], "name");
    if (name !== undefined) written.add(key(name.replace(/&amp;/g, "&"), attributeOf(m[0], "localSheetId")));
  }
  const elements: string[] = [];
  for (const n of names) {
    const localSheetId = n.scope ? sheetOrder.indexOf(n.scope) : null;
    if (localSheetId === -1) continue;
    const k = key(n.name, localSheetId === null ? undefined : String(localSheetId));
    if (written.has(k)) continue;
    written.add(k);
    const formula = n.formula.startsWith("=") ? n.formula.slice(1) : n.formula;
    const attributes = [
      `name="${xmlAttribute(n.name)}"`,
      n.comment ? `comment="${xmlAttribute(n.comment)}"` : "",
      localSheetId !== null ? `localSheetId="${localSheetId}"` : "",
      n.visible ? "" : `hidden="1"`,
    ].filter(Boolean);
    elements.push(`<definedName ${attributes.join(" ")}>${xmlText(formula)}</definedName>`);
  }
  if (elements.length === 0) return workbookXml;
  const inner = elements.join("");
  // Replacement functions, not strings: a name's text may hold "$&" or "$$", which a replacement string would expand.
  if (/<\/definedNames>/.test(workbookXml)) return workbookXml.replace(/<\/definedNames>/, () => `${inner}</definedNames>`);
  if (/<definedNames\s*\/>/.test(workbookXml)) return workbookXml.replace(/<definedNames\s*\/>/, () => `<definedNames>${inner}</definedNames>`);
  const next = AFTER_DEFINED_NAMES.exec(workbookXml);
  if (!next) throw new Error("workbook XML has no closing tag");
  return `${workbookXml.slice(0, next.index)}<definedNames>${inner}</definedNames>${workbookXml.slice(next.index)}`;
}
