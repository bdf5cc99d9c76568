import {
  goalSchema,
  actionSchema,
  rootCauseSchema,
  trackingEntrySchema,
  adjustmentSchema,
  signOffSchema,
  resourceSchema,
  responsibilitySchema,
  performanceGapSchema,
  planHeaderSchema,
  thresholdsSchema,
  evaluationSchema,
  LANGUAGES,
} from "../../src/core/model";
import { LIST_LABELS, VALIDATION_ALERTS } from "../../src/i18n/workbook";
import { SHEETS, TABLES, cellOf, defaultSheetNames, listTable, recordTable, parseListValue, tableColumns, type TableName } from "../../src/workbook";

const FORBIDDEN = /[\\/?*[\]:]/;

describe("workbook layout", () => {
  test.each([...LANGUAGES])("sheet names in %s are ≤ 31 characters, unique and free of \\ / ? * [ ] :", (lang) => {
    const names = SHEETS.map((s) => s.name[lang]);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(FORBIDDEN);
      expect(name.trim()).toBe(name);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  test("table names are stable PIP_ names, unique across the workbook", () => {
    const names = TABLES.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^PIP_[A-Za-z]+$/);
  });

  test.each([
    ["PIP_Goals", goalSchema],
    ["PIP_Actions", actionSchema],
    ["PIP_Causes", rootCauseSchema],
    ["PIP_Tracking", trackingEntrySchema],
    ["PIP_Adjustments", adjustmentSchema],
    ["PIP_SignOff", signOffSchema],
    ["PIP_Resources", resourceSchema],
    ["PIP_Responsibilities", responsibilitySchema],
    ["PIP_Gaps", performanceGapSchema],
  ] as const)("%s has exactly one column per model field", (name, schema) => {
    const fields = tableColumns(listTable(name as TableName)).flatMap((c) => (c.field && c.kind !== "formula" ? [c.field] : []));
    expect([...fields].sort()).toEqual(Object.keys(schema.shape).sort());
  });

  test("the Overview's header table holds every header field and every threshold once", () => {
    const fields = recordTable("PIP_Header").fields;
    const header = fields.filter((f) => f.entity !== "thresholds").map((f) => f.field);
    const thresholds = fields.filter((f) => f.entity === "thresholds").map((f) => f.field);
    expect([...header].sort()).toEqual(Object.keys(planHeaderSchema.shape).sort());
    expect([...thresholds].sort()).toEqual(Object.keys(thresholdsSchema.shape).sort());
    expect(recordTable("PIP_Evaluation").fields.map((f) => f.field).sort()).toEqual(Object.keys(evaluationSchema.shape).sort());
  });

  test("headers are unique within each table in each language (the reader finds columns by header)", () => {
    for (const table of TABLES) {
      for (const lang of LANGUAGES) {
        const headers = tableColumns(table).map((c) => c.header[lang].trim().toLowerCase());
        expect(new Set(headers).size).toBe(headers.length);
      }
    }
  });

  test("list labels have no commas (Excel's list separator) and are unique per list in both languages together", () => {
    for (const [name, labels] of Object.entries(LIST_LABELS)) {
      const all = Object.values(labels).flatMap((l) => [l["zh-CN"], l["en-US"]]);
      for (const label of all) expect(label).not.toContain(",");
      const perValue = Object.entries(labels).map(([value, l]) => new Set([value, l["zh-CN"], l["en-US"]].map((s) => s.toLowerCase())));
      for (let i = 0; i < perValue.length; i++) {
        for (let j = i + 1; j < perValue.length; j++) {
          for (const s of perValue[i]) expect(perValue[j].has(s)).toBe(false);
        }
      }
      for (const [value, l] of Object.entries(labels)) {
        expect(parseListValue(name as keyof typeof LIST_LABELS, l["zh-CN"])).toBe(value);
        expect(parseListValue(name as keyof typeof LIST_LABELS, ` ${l["en-US"].toUpperCase()} `)).toBe(value);
      }
    }
  });

  test("validation alert titles fit Excel's 32 characters and messages its 225", () => {
    expect(VALIDATION_ALERTS.title.length).toBeLessThanOrEqual(32);
    for (const [key, text] of Object.entries(VALIDATION_ALERTS)) if (key !== "title") expect(text.length).toBeLessThanOrEqual(225);
  });

  test("tables on one sheet never overlap, and growing tables have nothing below them", () => {
    for (const sheet of SHEETS) {
      const boxes = sheet.tables.map((t) => ({
        t,
        c0: t.anchor.col,
        c1: t.anchor.col + (t.shape === "list" ? t.columns.length : 2) - 1,
        r0: t.anchor.row,
        r1: t.shape === "record" ? t.anchor.row + t.fields.length : Infinity,
      }));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          const colsOverlap = a.c0 <= b.c1 && b.c0 <= a.c1;
          const rowsOverlap = a.r0 <= b.r1 && b.r0 <= a.r1;
          expect(colsOverlap && rowsOverlap).toBe(false);
        }
      }
    }
  });

  test("cellOf: a goal's target, a tracking row, a header field, a threshold, a table, the evaluation", () => {
    const en = defaultSheetNames("en-US");
    expect(cellOf({ entity: "goals", row: 2, field: "target" }, "en-US")).toEqual({ sheet: en.goals, cell: "F6" });
    expect(cellOf({ entity: "tracking", row: 0, field: "actual" }, "zh-CN")).toEqual({ sheet: "跟踪记录", cell: "C4" });
    expect(cellOf({ entity: "header", field: "planEnd" }, "en-US")).toEqual({ sheet: "Overview", cell: "B12" });
    expect(cellOf({ entity: "thresholds", field: "onTrack" }, "en-US")).toEqual({ sheet: "Overview", cell: "B16" });
    expect(cellOf({ entity: "goals" }, "en-US")).toEqual({ sheet: "Goals", cell: "A3" });
    const evaluation = recordTable("PIP_Evaluation");
    const decisionRow = evaluation.anchor.row + 1 + evaluation.fields.findIndex((f) => f.key === "decision");
    expect(cellOf({ entity: "evaluation", field: "decision" }, "en-US")).toEqual({ sheet: "Evaluation", cell: `B${decisionRow}` });
    expect(cellOf({ entity: "signOff", row: 1, field: "date" }, "en-US")).toEqual({ sheet: "Sign-off", cell: "C11" });
  });

  test("cellOf with the reader's placement follows a renamed sheet, a moved column and skipped rows", () => {
    const placement = { PIP_Goals: { sheet: "My goals", headerRow: 5, columns: { id: 1, target: 9 }, rows: [6, 8, 9] } };
    expect(cellOf({ entity: "goals", row: 1, field: "target" }, "en-US", placement)).toEqual({ sheet: "My goals", cell: "J8" });
    expect(cellOf({ entity: "goals", row: 2 }, "en-US", placement)).toEqual({ sheet: "My goals", cell: "B9" });
  });
});
