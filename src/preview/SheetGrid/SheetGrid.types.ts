import type { GridSheet } from "../grid-model";

export interface SheetGridProps {
  sheet: GridSheet;
  /** A1 addresses of cells that hold a finding on this sheet. */
  marked: ReadonlySet<string>;
  /** A1 address of the selected cell on this sheet, if any. */
  selected: string | null;
  /** A cell was clicked (mouse convenience; keyboard users type the address in the cell editor). */
  onPick: (cell: string) => void;
  /** Accessible name of the scrollable grid. */
  label: string;
}
