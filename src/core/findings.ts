/**
 * A finding: one thing wrong (error) or worth a look (warning) in a plan, with its place.
 * The core speaks of places as entity + row + field; the workbook reader maps them to cells
 * (sheet + A1 address) through the layout, so the task pane and the CLI can point at a cell.
 */
import type { EntityName } from "./model";

export type Severity = "error" | "warning";

export interface FindingLocation {
  entity: EntityName;
  /** 0-based index in the entity's list (goals[2] → 2); absent for single-record entities (header, evaluation). */
  row?: number;
  /** The model's field name (e.g. "target", "planEnd"). */
  field?: string;
  /** Filled by the workbook reader: the worksheet name as it is in the workbook now. */
  sheet?: string;
  /** Filled by the workbook reader: A1 address of the cell, without the sheet (e.g. "D7"). */
  cell?: string;
}

export interface Finding {
  /** Stable code, e.g. "PLAN_END_BEFORE_START"; tests, docs and translations key on it. */
  code: string;
  severity: Severity;
  location: FindingLocation;
  message: { "zh-CN": string; "en-US": string };
}
