import { parseCell, sheetReference } from "../../a1";
import type { Finding } from "../../core/findings";
import type { FindingGroups } from "./Check.types";

/** Errors first, then warnings; each group in sheet order (sheet, then row, then column of the cell). */
export function groupFindings(findings: readonly Finding[]): FindingGroups {
  const sorted = [...findings].sort(compareByPlace);
  return { errors: sorted.filter((f) => f.severity === "error"), warnings: sorted.filter((f) => f.severity === "warning") };
}

function cellOrder(cell: string | undefined): [number, number] {
  const place = cell ? parseCell(cell) : null;
  return place ? [place.row, place.col] : [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
}

function compareByPlace(a: Finding, b: Finding): number {
  const sheetA = a.location.sheet ?? "\uffff";
  const sheetB = b.location.sheet ?? "\uffff";
  if (sheetA !== sheetB) return sheetA < sheetB ? -1 : 1;
  const [rowA, colA] = cellOrder(a.location.cell);
  const [rowB, colB] = cellOrder(b.location.cell);
  return rowA - rowB || colA - colB;
}

/** "Sheet!A1", quoting a sheet name that needs it as Excel does ('Tracking log'!B5). */
export function placeOf(f: Finding): string | null {
  const { sheet, cell } = f.location;
  if (!sheet || !cell) return null;
  return sheetReference(sheet, cell);
}
