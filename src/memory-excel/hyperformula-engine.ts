/**
 * FormulaEngine over HyperFormula 3.5 (GPL-3.0: dev, tests, browser preview and CLI only — never import this
 * from src/excel or src/taskpane; the in-memory Excel receives it by injection).
 */
import { CellError, DetailedCellError, HyperFormula } from "hyperformula";
import type { EngineError, EngineInput, EngineValue, ExcelErrorValue, FormulaEngine } from "./engine";
import { isEngineError } from "./engine";
import { render, tokenize, type RefPart } from "../a1/formula";
import { kept } from "../a1/kept";

const firstRow = (p: RefPart): RefPart => (p.row === null ? p : { ...p, row: 0 });

/**
 * The formula with the row of every cell or row reference set to 1 (tokenize's references; text, names and
 * literals as they are), or null when tokenize and render do not give the formula back exactly (then nothing may
 * be assumed about its shape). Sheet names are quoted, as the in-memory Excel writes them for the engine.
 */
export function rowFree(formula: string): string | null {
  const tokens = tokenize(formula);
  if (render(tokens, { quoteAllSheets: true }) !== formula) return null;
  return render(
    tokens.map((t) => (t.kind === "ref" ? { ...t, a: firstRow(t.a), b: t.b ? firstRow(t.b) : null } : t)),
    { quoteAllSheets: true },
  );
}

const HF_TO_EXCEL: Record<string, ExcelErrorValue> = {
  "#DIV/0!": "#DIV/0!",
  "#VALUE!": "#VALUE!",
  "#REF!": "#REF!",
  "#NAME?": "#NAME?",
  "#N/A": "#N/A",
  "#NUM!": "#NUM!",
  "#NULL!": "#NULL!",
  "#SPILL!": "#SPILL!",
  // HyperFormula's own errors have no Excel counterpart: a parse error shows as #NAME? (what Excel shows for a
  // formula it reads but cannot resolve), a circular reference as #REF!, a licence error as #VALUE!.
  "#ERROR!": "#NAME?",
  "#CYCLE!": "#REF!",
  "#LIC!": "#VALUE!",
};

function toExcelError(value: DetailedCellError | CellError): EngineError {
  const raw = value instanceof DetailedCellError ? value.value : `#${String(value.type)}`;
  return { error: HF_TO_EXCEL[raw] ?? "#VALUE!" };
}

function toEngineValue(raw: unknown): EngineValue {
  if (raw instanceof DetailedCellError || raw instanceof CellError) return toExcelError(raw);
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean") return raw;
  return { error: "#VALUE!" };
}

export interface HyperFormulaEngineOptions {
  /** Extra HyperFormula configuration (licenseKey and useArrayArithmetic are fixed). */
  config?: Record<string, unknown>;
}

export class HyperFormulaEngine implements FormulaEngine {
  private hf: HyperFormula;
  private suspended = false;
  private readonly config: Record<string, unknown>;
  /** validateFormula's verdicts, by the formula's row-free shape (parseError). */
  private readonly verdicts = new Map<string, boolean>();

  constructor(options: HyperFormulaEngineOptions = {}) {
    this.config = {
      ...options.config,
      licenseKey: "gpl-v3",
      useArrayArithmetic: true,
      // Excel's grid and en-US date parsing (text dates in criteria such as ">=2024-04-01"). The default
      // nullDate 1899-12-30 gives Excel's serials for every date from 1900-03-01 on.
      maxRows: 1_048_576,
      maxColumns: 16_384,
      dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY-MM-DD", "YYYY/MM/DD"],
      // Nothing here undoes through the engine (the in-memory Excel keeps the cells; HyperFormula only computes them),
      // so it keeps no undo history: by default it holds 20 actions' old data and prunes it after each change
      // (https://hyperformula.handsontable.com/guide/undo-redo.html; "undoLimit" in its configuration options).
      undoLimit: 0,
    };
    this.hf = HyperFormula.buildEmpty(this.config);
  }

  private sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`formula engine: no sheet "${name}"`);
    return id;
  }

  /** Writes are batched (evaluation suspended) until the next read, so a batch of writes recalculates once. */
  private write(fn: () => void): void {
    if (!this.suspended) {
      this.hf.suspendEvaluation();
      this.suspended = true;
    }
    fn();
  }

  private flush(): void {
    if (this.suspended) {
      this.suspended = false;
      this.hf.resumeEvaluation();
    }
  }

  addSheet(name: string): void {
    this.write(() => this.hf.addSheet(name));
  }

  removeSheet(name: string): void {
    this.write(() => this.hf.removeSheet(this.sheetId(name)));
  }

  renameSheet(oldName: string, newName: string): void {
    this.write(() => this.hf.renameSheet(this.sheetId(oldName), newName));
  }

  setCell(sheet: string, row: number, column: number, input: EngineInput): void {
    let content: unknown;
    if (input === null) content = null;
    else if (typeof input === "string") content = `'${input}`; // a leading apostrophe keeps HyperFormula from parsing text
    else if (typeof input === "number" || typeof input === "boolean") content = input;
    else if (isEngineError(input)) content = `=${errorFormula(input.error)}`;
    else content = input.formula;
    this.write(() => this.hf.setCellContents({ sheet: this.sheetId(sheet), row, col: column }, [[content as never]]));
  }

  getValue(sheet: string, row: number, column: number): EngineValue {
    this.flush();
    return toEngineValue(this.hf.getCellValue({ sheet: this.sheetId(sheet), row, col: column }));
  }

  parseError(formula: string): string | null {
    // Whether a formula parses does not depend on the rows its references name, and the cells of a column differ
    // only in those: HyperFormula's verdict on the formula with every reference moved to row 1 is kept, so a write
    // of a thousand rows asks it once per column, not once per cell (validateFormula parses in full each time; it
    // was a quarter of a save on this stand-in with the engine on).
    const shape = rowFree(formula);
    if (shape === null) return this.hf.validateFormula(formula) ? null : `HyperFormula cannot parse ${formula}`;
    const parses = kept(this.verdicts, shape, 4096, () => this.hf.validateFormula(shape));
    return parses ? null : `HyperFormula cannot parse ${formula}`;
  }

  evaluate(sheet: string, formula: string): EngineValue {
    this.flush();
    const raw = this.hf.calculateFormula(formula, this.sheetId(sheet));
    if (Array.isArray(raw)) return toEngineValue(raw[0]?.[0]);
    return toEngineValue(raw);
  }

  reset(): void {
    this.flush();
    this.hf.destroy();
    this.hf = HyperFormula.buildEmpty(this.config);
  }
}

function errorFormula(error: ExcelErrorValue): string {
  switch (error) {
    case "#N/A":
      return "NA()";
    case "#DIV/0!":
      return "1/0";
    case "#REF!":
      return "#REF!";
    case "#NAME?":
      return "#NAME?";
    case "#NUM!":
      return "#NUM!";
    default:
      return "#VALUE!";
  }
}

export function createHyperFormulaEngine(options?: HyperFormulaEngineOptions): FormulaEngine {
  return new HyperFormulaEngine(options);
}
