/**
 * Print areas in the .xlsx: the layout gives one or several areas ("A1:I27,K5:AA22", each printing on pages of its
 * own, as Office.js `PageLayout.setPrintArea` takes "the range or ranges of the content to print"). ExcelJS 4.4
 * writes each corner as "$" + the cell ("A1" → "$A1", a mixed reference LibreOffice ignores as a print area) and
 * each area of an "&&"-joined list as its own `_xlnm.Print_Area` defined name, while a sheet has exactly one such
 * name whose value is the union, areas comma-separated (ECMA-376 Part 1 §18.2.5 definedName; Excel repairs a file
 * with duplicates). So ExcelJS is given "A$1:I$27&&K$5:AA$22" and the workbook part is mended after it.
 */
import { group } from "../../core/indexed";

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
