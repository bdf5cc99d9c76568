/**
 * The reader never throws and reports every bad cell with its address, whatever a person pasted, deleted or renamed.
 * The workbook is the in-memory Excel stand-in with HyperFormula (so "=1/0" really becomes #DIV/0!).
 */
import fc from "fast-check";
import { writePlan } from "../../src/excel/writer";
import { readPlan } from "../../src/excel/reader";
import { LIST_LABELS } from "../../src/i18n/workbook";
import { columnLetter, listTable, type ColumnDecl, type ListTableDecl, type TableName } from "../../src/workbook";
import { MemoryExcel, type WorkbookSnapshot } from "../../src/memory-excel";
import { HyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";
import { memoryExcel, sizedPlan } from "./support";

const TABLES: TableName[] = ["PIP_Goals", "PIP_Actions", "PIP_Causes", "PIP_Tracking", "PIP_Adjustments", "PIP_SignOff", "PIP_Resources", "PIP_Gaps"];

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("abc", "12", " 7 ", "2024-04-01", "4/1/2024", "2024年4月1日", "next Monday", "TRUE", "#REF!", "#N/A", "=1/0", "=NA()", '=1+"x"', "", " ", "=", "-", "+", "@", "sideways", "Done", "完成", "🚀", "1e400"),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.integer({ min: -5, max: 80_000 }),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
);

/** A cell as Excel shows it: Range.valueTypes and Range.values. */
interface Shown {
  type: string;
  value: unknown;
}

/** What a person would call a bad cell for the column kind, judged from the cell as Excel shows it. */
function isBad(column: ColumnDecl, cell: Shown): boolean {
  const { type, value } = cell;
  if (type === "Error") return true;
  const blank = type === "Empty" || (typeof value === "string" && value.trim() === "");
  if (blank) return false;
  switch (column.kind) {
    case "number":
    case "percent":
      return type !== "Double";
    case "date":
      return type !== "Double" || (value as number) < 1 || Math.floor(value as number) === 60;
    case "list": {
      if (column.list?.kind !== "labels") return false;
      if (column.list.list === "yesNo" && type === "Boolean") return false;
      const labels = LIST_LABELS[column.list.list] as Record<string, { "zh-CN": string; "en-US": string }>;
      const ok = Object.entries(labels).flatMap(([k, l]) => [k, l["zh-CN"], l["en-US"]]).map((s) => s.toLowerCase());
      return !ok.includes(String(value).trim().toLowerCase());
    }
    default:
      return false;
  }
}

/**
 * Where a table is now, read from the stand-in's state (a snapshot per edit would compute every cell of the
 * workbook with HyperFormula just to find one table's range: it was most of this file's time).
 */
function tableInfo(excel: MemoryExcel, name: TableName) {
  const state = excel.workbookState;
  const t = state.tables.find((x) => x.name === name)!;
  const sheet = state.sheets.find((s) => s.id === t.sheetId)!;
  return {
    sheet: sheet.name,
    headers: t.columns.map((c) => c.name),
    headerRow: t.rect.r0 + 1,
    lastRow: t.rect.r1 + 1,
    letterOf: (j: number) => columnLetter(t.rect.c0 + j),
  };
}

interface Edit {
  table: TableName;
  row: number;
  column: number;
  value: unknown;
}

/**
 * A fresh copy of the plan as the writer leaves it, per language: written once (with HyperFormula) and made again
 * from its snapshot for each run — a workbook made from a snapshot is the one snapshotted
 * (test/memory-excel/snapshot.test.ts), and the property's 20 runs wrote the same two workbooks 20 times.
 */
const writtenOnce = new Map<"zh-CN" | "en-US", WorkbookSnapshot>();
async function writtenWorkbook(lang: "zh-CN" | "en-US"): Promise<MemoryExcel> {
  let snapshot = writtenOnce.get(lang);
  if (!snapshot) {
    const { excel } = memoryExcel(true);
    await excel.run((ctx) => writePlan(ctx, sizedPlan(3, 6, 6, lang), { language: lang }));
    snapshot = excel.snapshot();
    writtenOnce.set(lang, snapshot);
  }
  return MemoryExcel.fromSnapshot(snapshot, { engine: new HyperFormulaEngine() });
}

describe("reader fuzz: pasted junk, deleted and extra columns, renamed sheets", () => {
  test("property: never throws, every bad cell is a finding at its address, the rest still reads", async () => {
    const edit = fc.record({
      table: fc.constantFrom(...TABLES),
      row: fc.nat({ max: 5 }),
      column: fc.nat({ max: 20 }),
      value: junk,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        fc.constantFrom("zh-CN", "en-US") as fc.Arbitrary<"zh-CN" | "en-US">,
        fc.boolean(),
        fc.option(fc.constantFrom<TableName>("PIP_Tracking", "PIP_Adjustments"), { nil: null }),
        async (edits: Edit[], lang, rename, dropColumnOf) => {
          const excel = await writtenWorkbook(lang);
          if (rename) excel.renameSheet(lang === "zh-CN" ? "改进目标" : "Goals", "My goals");
          let dropped: string | null = null;
          if (dropColumnOf) {
            const decl = listTable(dropColumnOf);
            const column = decl.columns.find((c) => c.key === (dropColumnOf === "PIP_Tracking" ? "note" : "reason"))!;
            excel.deleteTableColumn(dropColumnOf, column.header[lang]);
            dropped = column.key;
          }
          const written = new Map<string, { sheet: string; cell: string; column: ColumnDecl }>();
          for (const e of edits) {
            const decl: ListTableDecl = listTable(e.table);
            const info = tableInfo(excel, e.table);
            const inputs = decl.columns.filter((c) => c.field && c.kind !== "formula" && info.headers.includes(c.header[lang]));
            const column = inputs[e.column % inputs.length];
            const j = info.headers.indexOf(column.header[lang]);
            const rows = info.lastRow - info.headerRow;
            const cell = `${info.letterOf(j)}${info.headerRow + 1 + (e.row % rows)}`;
            const before = excel.getCellFormula(info.sheet, cell);
            const refused = await excel.setCellValues(info.sheet, cell, [[e.value]]).then(
              () => null,
              (error: unknown) => error,
            );
            if (refused) {
              // Excel refuses what it cannot parse as a formula ("+ ", "=SUM(") and keeps the cell as it was.
              expect(refused).toMatchObject({ code: "InvalidArgument" });
              expect(excel.getCellFormula(info.sheet, cell)).toBe(before);
              continue;
            }
            written.set(`${info.sheet}!${cell}`, { sheet: info.sheet, cell, column });
          }
          const read = await excel.run((ctx) => readPlan(ctx));
          expect(read.plan).not.toBeNull();
          expect(read.plan!.goals).toHaveLength(3);
          // The written cells as Excel shows them, in one batch (a whole-workbook snapshot would compute every cell).
          const cells = [...written.values()];
          const shown = await excel.run(async (ctx) => {
            const ranges = cells.map(({ sheet, cell }) => ctx.workbook.worksheets.getItem(sheet).getRange(cell).load("values,valueTypes"));
            await ctx.sync();
            return ranges.map((r): Shown => ({ type: String(r.valueTypes[0][0]), value: r.values[0][0] }));
          });
          cells.forEach(({ sheet, cell, column }, i) => {
            if (!isBad(column, shown[i])) return;
            const hit = read.findings.find((f) => f.location.sheet === sheet && f.location.cell === cell);
            expect({ sheet, cell, value: shown[i].value, found: hit?.code ?? null }).toEqual({ sheet, cell, value: shown[i].value, found: expect.stringMatching(/^CELL_/) });
          });
          if (dropped) {
            expect(read.findings.some((f) => (f.code === "COLUMN_MISSING" || f.code === "COLUMN_MOVED") && f.location.field === dropped)).toBe(true);
          }
          for (const f of read.findings) {
            expect(f.location.sheet).toBeTruthy();
            expect(f.message["zh-CN"].length).toBeGreaterThan(0);
            expect(f.message["en-US"].length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 240_000);

  test("a missing table is a finding and every other table still reads", async () => {
    const plan = sizedPlan(2, 4, 5);
    const { excel } = memoryExcel(false);
    await excel.run((ctx) => writePlan(ctx, plan, { language: "en-US" }));
    await excel.run(async (ctx) => {
      ctx.workbook.tables.getItem("PIP_Adjustments").delete();
      await ctx.sync();
    });
    const read = await excel.run((ctx) => readPlan(ctx));
    expect(read.findings.find((f) => f.code === "TABLE_MISSING")?.location.entity).toBe("adjustments");
    expect(read.plan?.tracking).toEqual(plan.tracking);
    expect(read.plan?.adjustments).toEqual([]);
    expect(read.syncs).toBeLessThanOrEqual(3);
  });

  test("a workbook without PIP tables reads as no plan and no finding", async () => {
    const { excel } = memoryExcel(false);
    const read = await excel.run((ctx) => readPlan(ctx));
    expect(read).toMatchObject({ plan: null, findings: [] });
  });

  test("a date typed as text, text in a number cell and #REF! each point at their cell", async () => {
    const plan = sizedPlan(2, 2, 3);
    const { excel } = memoryExcel(true);
    await excel.run((ctx) => writePlan(ctx, plan, { language: "en-US" }));
    await excel.setCellValues("Tracking log", "A5", [["'2024-04-01"]]);
    await excel.setCellValues("Tracking log", "C4", [["n/a"]]);
    await excel.setCellValues("Tracking log", "C6", [["=#REF!+1"]]);
    const read = await excel.run((ctx) => readPlan(ctx));
    const at = (cell: string) => read.findings.find((f) => f.location.sheet === "Tracking log" && f.location.cell === cell);
    expect(at("A5")).toMatchObject({ code: "CELL_BAD_DATE", location: { entity: "tracking", row: 1, field: "date" } });
    expect(at("C4")).toMatchObject({ code: "CELL_NOT_NUMBER", location: { entity: "tracking", row: 0, field: "actual" } });
    expect(at("C6")?.code).toBe("CELL_ERROR");
    expect(at("C4")?.message["en-US"]).toBe("Tracking row 1: Actual should be a number, the cell holds “n/a”");
    expect(at("C4")?.message["zh-CN"]).toBe("跟踪记录第 1 行：实际值应为数字，单元格中是“n/a”");
    // the typed text stays in the plan, so regenerating writes it back
    expect(read.plan?.tracking[0].actual).toBe("n/a");
  });
});
