/**
 * Columns a person added inside a PIP list table (not in the layout). The reader keeps their cells
 * (ExtraColumnRead), src/excel/rewrite.ts aligns them with the rows of the plan being written, the save journal
 * keeps them, and the writer puts them back after the layout's columns.
 */

/** A cell of such a column: what `values` and `numberFormat` gave, and its formula (the port loads formulas). */
export interface ExtraCell {
  value: unknown;
  numberFormat: string;
  formula?: string;
}

/** A column to write back after the layout's columns: its header and one cell per model row (null: a new row). */
export interface ExtraColumnWrite {
  header: string;
  cells: (ExtraCell | null)[];
}
