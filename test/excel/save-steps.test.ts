/**
 * The save's phases (src/excel/write/steps.ts) as data: the head (preflight + journal) puts every sheet in place and
 * ends with the journal's marker before any PIP table exists; a data step asks for its sheet from the preflight's
 * SaveSheets, and says so when it runs out of order.
 */
import { JOURNAL_MARKER, JOURNAL_SHEET } from "../../src/excel/journal";
import { SaveSheets, saveSteps } from "../../src/excel/write/steps";
import { assignSheets, probeShape } from "../../src/excel/write/shape";
import { journalColumn, journalOf } from "../../src/excel/journal";
import { META_SHEET, SHEETS } from "../../src/workbook";
import { examplePlan, memoryExcel } from "./support";

describe("a save's steps", () => {
  test("SaveSheets gives a sheet only once the preflight placed it", () => {
    const sheets = new SaveSheets();
    expect(() => sheets.get("goals")).toThrow("writer: the goals sheet is used before the preflight placed it");
  });

  test("the head alone: every layout sheet, the meta and the journal sheet exist, the marker is set, no PIP table yet; a data step needs the head first", async () => {
    const { excel } = memoryExcel(false);
    const plan = examplePlan("en-US");
    const outcome = await excel.run(async (context) => {
      const shape = await probeShape(context);
      const sheets = assignSheets(shape, "en-US");
      const journal = journalColumn(journalOf({ savedAt: "2024-05-15T00:00:00.000Z", language: "en-US", asOf: null, plan, extraColumns: {}, sheetNames: sheets.names }));
      const steps = saveSteps({ context, plan, options: { language: "en-US" }, shape, sheets, journal, debris: [] });
      // Built fresh, the data steps have no sheets to write to.
      const fresh = saveSteps({ context, plan, options: { language: "en-US" }, shape, sheets, journal, debris: [] });
      expect(() => fresh.data.forEach((s) => s.run())).toThrow(/used before the preflight placed it/);
      for (const step of steps.head) step.run();
      await context.sync();
      const marker = context.workbook.worksheets.getItem(JOURNAL_SHEET).getRange("A2");
      marker.load("values");
      const all = context.workbook.worksheets;
      all.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      return { names: all.items.map((s) => s.name), tables: tables.items.map((t) => t.name), marker: marker.values[0]?.[0], expected: sheets.names };
    });
    expect(outcome.names).toEqual(expect.arrayContaining([...SHEETS.map((s) => outcome.expected[s.key]), META_SHEET, JOURNAL_SHEET]));
    expect(outcome.marker).toBe(JOURNAL_MARKER);
    expect(outcome.tables.filter((t) => t.startsWith("PIP_"))).toEqual([]);
  });
});
