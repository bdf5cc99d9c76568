/**
 * The batched writer: layout + plan into a workbook in as few `context.sync()` calls as the 5 MB request limit
 * of Excel on the web allows (a plan of 20 goals, 100 actions and 1,000 tracking rows: one probe + one write).
 *
 * `writePlan` below is the whole save, read top to bottom: what the workbook holds (src/excel/write/shape.ts:
 * probe, the sheet each layout sheet gets, names Excel would refuse), the save's steps phase by phase
 * (src/excel/write/steps.ts: preflight, journal, data, closing), a refusal of any step larger than one request,
 * the steps packed into batches under the byte budget (src/excel/write/budget.ts) with one sync each, and the last
 * batch. The cells themselves come from src/workbook/render (grids, rules, page — pure) and are queued by
 * src/excel/write/queue.ts: per table number formats first ("@" for text, so user text is never evaluated), then
 * ONE 2-D `formulas` assignment of header + body, then `tables.add` — never `rows.add`; a table too big for one
 * batch is split into row chunks. Each batch starts with `suspendApiCalculationUntilNextSync()`.
 *
 * Existing PIP sheets are reused (found by their tables, so a renamed sheet is found): unprotected, their PIP
 * tables rewritten in place and the layout's blocks cleared — only PIPbook's footprint (src/workbook/footprint.ts),
 * so a note or table a person keeps elsewhere on a PIP sheet stays where it is — renamed to the layout's name and
 * rewritten; other sheets are never touched. Columns a person added inside a PIP table come back after the layout's
 * columns (`extraColumns`). Merging what the workbook already holds (nothing entered is lost) and checking that the
 * new footprint covers no one's cells happen before, in the port.
 */
import type { Plan } from "../core/model";
import { preflightMessage } from "../i18n/workbook";
import type { SheetNames, TableName } from "../workbook";
import type { ExtraColumnWrite } from "./extra-columns";
import { journalBytes, journalColumn, journalOf } from "./journal";
import { PreflightError, type WriteOptions, type WriteReport } from "./port";
import { DEFAULT_MAX_BATCH_BYTES, PROBE_BYTES, REQUEST_LIMIT_BYTES, packSteps } from "./write/budget";
import { findDebris, journalMarked, undoPreflight } from "./write/recovery";
import { assignSheets, checkNames, completeShape, probeShape, type WorkbookShape } from "./write/shape";
import { saveSteps } from "./write/steps";

export type { Step } from "./write/budget";
export { ID_LIST_LAST_ROW, RULE_BAND_ROWS } from "../workbook/render/rules";
export { derivedSteps } from "./write/queue";

export interface SaveInput extends WriteOptions {
  /** A fixed as-of date (ISO) for the Overview's as-of cell; default: the live formula =TODAY(). */
  asOf?: string | null;
  /** The workbook as last read; when absent the writer probes it (one extra sync). */
  shape?: WorkbookShape;
  /** Upper bound of the estimated request bytes per batch (default 4,000,000: under Excel on the web's 5 MB). */
  maxBatchBytes?: number;
  /** Rows kept from the workbook by the merge, reported back as WriteReport.keptRows. */
  keptRows?: number;
  /** Columns a person added inside PIP list tables, aligned with the plan's rows (the port aligns them). */
  extraColumns?: Partial<Record<TableName, ExtraColumnWrite[]>>;
  /** The time the save journal records (ISO); default: now. */
  savedAt?: string;
  /**
   * Sheets to reuse for a layout sheet whose tables are not in the workbook (finishing an interrupted save: the
   * sheets it had added before it stopped, from its journal). Only sheets of exactly that name are adopted.
   */
  adoptSheets?: Partial<SheetNames>;
  /**
   * Finishing an interrupted save: a table the interrupted save had added but not yet named (Excel's "Table1", left
   * at a PIP table's anchor when the failure fell between tables.add and the name) is removed before the table is
   * added again. Costs one sync to look at the other tables' ranges on the PIP sheets.
   */
  clearDebris?: boolean;
}

/**
 * `batchBytes`: the writer's estimate of each of its batches (an upper bound of the UTF-8 JSON of the queued
 * commands, which is what the in-memory Excel measures), the probe included when the writer made one.
 */
export interface SaveOutcome extends WriteReport {
  /** The worksheet name each layout sheet got. */
  sheetNames: SheetNames;
  /** Estimated request bytes of the save journal (part of the first batch). */
  journalBytes: number;
}

/**
 * Writes the plan into the workbook, crash-safe:
 * 1. preflight — every command whose success depends on the workbook's state (unprotect, sheets added and
 *    renamed) comes first and changes nothing a person entered; name collisions and sizes are checked before
 *    anything is queued (PreflightError);
 * 2. the save journal (src/excel/journal.ts) with its "saving" marker, still before any data changes;
 * 3. the data: PIP tables rewritten in place (cleared, Table.resize'd, written — never converted to a range and
 *    added again, so a structured reference to them elsewhere keeps following them), under
 *    suspendApiCalculationUntilNextSync;
 * 4. a last batch: protection, application.calculate (Office leaves it to the add-in after suspending), and
 *    the journal emptied — the marker goes last.
 * A failure anywhere before the marker leaves the workbook as it was; after it, the reader reports the
 * interrupted save and finishing it writes the same plan again.
 */
export async function writePlan(context: Excel.RequestContext, plan: Plan, options: SaveInput): Promise<SaveOutcome> {
  // Each sync's estimated request bytes, in order: probes and loads first, then the batches.
  const batchBytes: number[] = [];
  const probed = options.shape ?? (await probeShape(context));
  if (!options.shape) batchBytes.push(PROBE_BYTES);
  const sheets = assignSheets(probed, options.language, options.adoptSheets);
  checkNames(probed);
  const { shape, syncs: loads } = await completeShape(context, plan, probed, sheets.existing);
  for (let i = 0; i < loads; i++) batchBytes.push(PROBE_BYTES);
  const debris = options.clearDebris ? await findDebris(context, shape, sheets) : [];
  if (options.clearDebris) batchBytes.push(PROBE_BYTES);
  const journal = journalColumn(
    journalOf({
      savedAt: options.savedAt ?? new Date().toISOString(),
      language: options.language,
      asOf: options.asOf ?? null,
      plan,
      extraColumns: options.extraColumns ?? {},
      sheetNames: sheets.names,
    }),
  );
  const outcome = () => ({ syncs: batchBytes.length, batchBytes, keptRows: options.keptRows ?? 0, sheetNames: sheets.names, journalBytes: journalBytes(journal) });
  const { head, data, closing } = saveSteps({ context, plan, options, shape, sheets, journal, debris });

  // Excel on the web refuses a request over 5 MB (office-js-docs-pr issue 2846): a step that cannot fit in one is
  // refused here, before anything is queued.
  const maxBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const oversized = [...head, ...data, ...closing].find((s) => s.bytes > Math.max(maxBytes, REQUEST_LIMIT_BYTES));
  if (oversized) throw new PreflightError("tooLarge", oversized.sheet ?? null, preflightMessage("tooLarge", { sheet: oversized.sheet ?? "—" }));

  const batches = packSteps([...head, ...data], maxBytes);
  for (const [i, batch] of batches.entries()) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const step of batch) step.run();
    batchBytes.push(batch.reduce((sum, s) => sum + s.bytes, 0));
    try {
      // One sync per packed batch (each under the request limit), not per table or row.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // The head (preflight + journal) runs in the first batch: a failure there before the marker is undone.
      if (i === 0) await undoPreflight(context, shape, sheets);
      throw error;
    }
    options.onProgress?.((i + 1) / (batches.length + 1));
  }
  // Not suspended: "Once set, it is the developer's responsibility to re-calc the workbook, to ensure that any
  // dependencies are propagated" (Application.suspendApiCalculationUntilNextSync, ExcelApi 1.6). "Recalculate"
  // computes the cells Excel marked dirty — every cell these batches wrote and their dependants
  // (Excel.CalculationType, https://learn.microsoft.com/javascript/api/excel/excel.calculationtype).
  for (const step of closing) step.run();
  batchBytes.push(closing.reduce((sum, s) => sum + s.bytes, 0));
  try {
    await context.sync();
  } catch (error) {
    // The marker is emptied by the batch's next-to-last command; only the journal's content goes after it. With the
    // marker gone the save is complete (what is left of the journal is inert, and the next save clears it). The look
    // took two syncs: the failed one and journalMarked's.
    if (await journalMarked(context)) throw error;
    batchBytes.push(PROBE_BYTES);
    return outcome();
  }
  options.onProgress?.(1);
  return outcome();
}
