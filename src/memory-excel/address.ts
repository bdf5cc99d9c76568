/**
 * A1 addresses for the in-memory Excel: PIPbook's one A1 module (src/a1/address.ts) — column letters, cell and range
 * parsing, sheet-name quoting as Excel does it — re-exported for the stand-in's files, plus `parseAddress`, which
 * fails with the stand-in's own InvalidArgument error as Office.js does for a malformed address.
 */
import { parseLocalRect, splitSheet, type Rect } from "../a1/address";
import { invalidArgument } from "./errors";

export {
  MAX_COLUMNS,
  MAX_ROWS,
  boundingRect,
  columnIndex,
  columnLetters,
  formatAddress,
  formatRect,
  intersectRects,
  isEntireColumns,
  isEntireRows,
  normalizeRect,
  parseCell,
  parseLocalRect,
  quoteSheetName,
  rectColumns,
  rectContains,
  rectInBounds,
  rectRows,
  rectsIntersect,
  sameRect,
  sheetNameNeedsQuotes,
  splitSheet,
  subtractRect,
  type Rect,
} from "../a1/address";

export function parseAddress(address: string, location?: string): { sheet: string | null; rect: Rect } {
  const { sheet, local } = splitSheet(address);
  const rect = parseLocalRect(local);
  if (!rect) throw invalidArgument(`not an A1 address: "${address}"`, location);
  return { sheet, rect };
}
