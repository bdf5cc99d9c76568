/**
 * The .xlsx writer's data validation, read from the worksheet XML itself: date rules keep their references and
 * literal dates as serials (ExcelJS 4.4 would write `new Date(formula)`: 37196/37226, 22282, NaN), messages keep
 * their line breaks as &#10;, and the element sits where CT_Worksheet orders it.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import { readFileSync } from "node:fs";
import { generateWorkbook } from "../../src/cli/workbook-io";
import { sheetParts } from "../../src/cli/xlsx/charts";
import { dataValidationsXml, fileValidationOf, insertDataValidations, operandText } from "../../src/cli/xlsx/data-validations";
import { parsePlanJson } from "../../src/core/plan-file";
import type { Plan } from "../../src/core/model";
import { VALIDATION_ALERTS } from "../../src/i18n/workbook";
import { defaultSheetNames, listTable, columnIndexOf, columnLetter, firstDataRow, quoteSheet, recordRowOf, recordTable } from "../../src/workbook";
import { EXAMPLE_PLAN } from "./harness";

const examplePlan = (): Plan => {
  const parsed = parsePlanJson(readFileSync(EXAMPLE_PLAN, "utf8"));
  if (!parsed.ok) throw new Error("example plan does not parse");
  return parsed.plan;
};

interface RawRule {
  "@_type": string;
  "@_operator"?: string;
  "@_sqref": string;
  "@_errorStyle"?: string;
  "@_error"?: string;
  formula1?: string;
  formula2?: string;
}

async function rulesOf(bytes: Uint8Array, sheet: string): Promise<{ xml: string; rules: RawRule[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const path = (await sheetParts(zip)).get(sheet);
  if (!path) throw new Error(`no sheet ${sheet}`);
  const xml = await zip.file(path)!.async("string");
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, parseAttributeValue: false, htmlEntities: true });
  const ws = parser.parse(xml).worksheet as { dataValidations?: { dataValidation: RawRule | RawRule[] } };
  const list = ws.dataValidations?.dataValidation;
  return { xml, rules: list === undefined ? [] : Array.isArray(list) ? list : [list] };
}

describe("data validation in the .xlsx", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await generateWorkbook(examplePlan(), { language: "zh-CN", asOf: "2024-05-15" });
  });

  test("the Tracking log's date rule is between the Overview's plan start and end cells, not ExcelJS's 37196 … 37226", async () => {
    const names = defaultSheetNames("zh-CN");
    const header = recordTable("PIP_Header");
    const valueCell = (key: string) => `${quoteSheet(names.overview)}!$${columnLetter(header.anchor.col + 1)}$${recordRowOf(header, key)}`;
    const tracking = listTable("PIP_Tracking");
    const dateColumn = columnLetter(columnIndexOf(tracking, "date"));
    const { rules } = await rulesOf(bytes, names.tracking);
    const rule = rules.find((r) => r["@_sqref"].split(" ").some((area) => area.startsWith(`${dateColumn}${firstDataRow(tracking)}`)));
    expect(rule).toMatchObject({ "@_type": "date", formula1: valueCell("planStart"), formula2: valueCell("planEnd"), "@_errorStyle": "stop" });
    expect(rule?.["@_operator"] ?? "between").toBe("between");
  });

  test("every date rule of every sheet holds a reference or 61 (1900-03-01), never a serial from 2001 or NaN", async () => {
    const names = defaultSheetNames("zh-CN");
    const serial19000301 = (Date.UTC(1900, 2, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
    let dateRules = 0;
    for (const sheet of Object.values(names)) {
      const { rules } = await rulesOf(bytes, sheet);
      for (const rule of rules.filter((r) => r["@_type"] === "date")) {
        dateRules++;
        for (const formula of [rule.formula1, rule.formula2].filter((f) => f !== undefined)) {
          expect(formula).toMatch(new RegExp(`^(${quoteSheet(names.overview)}!\\$B\\$\\d+|${serial19000301})$`));
        }
      }
    }
    expect(dateRules).toBeGreaterThanOrEqual(8);
  });

  test("error messages keep their line break as &#10; in the attribute", async () => {
    const names = defaultSheetNames("zh-CN");
    const { xml, rules } = await rulesOf(bytes, names.tracking);
    expect(VALIDATION_ALERTS.dateInWindow).toContain("\n");
    expect(xml).toContain(VALIDATION_ALERTS.dateInWindow.replace("\n", "&#10;"));
    expect(rules.map((r) => r["@_error"])).toContain(VALIDATION_ALERTS.dateInWindow);
  });

  test("the element goes before pageMargins / tableParts, after conditional formats", async () => {
    const { xml } = await rulesOf(bytes, defaultSheetNames("zh-CN").goals);
    const at = (tag: string) => xml.indexOf(`<${tag}`);
    expect(at("dataValidations")).toBeGreaterThan(at("conditionalFormatting"));
    expect(at("dataValidations")).toBeLessThan(at("pageMargins"));
    expect(at("dataValidations")).toBeLessThan(at("tableParts"));
    expect(() => insertDataValidations(xml, "<dataValidations/>")).toThrow(/already/);
  });

  test("Office.js operands: ISO dates become serials, formulas lose their '=', lists are quoted, times are fractions", () => {
    expect(operandText("2024-04-01", "date")).toBe("45383");
    expect(operandText("=Overview!$B$11", "date")).toBe("Overview!$B$11");
    expect(operandText("=MAXIFS(A:A,B:B,1)", "decimal")).toBe("_xlfn.MAXIFS(A:A,B:B,1)");
    expect(operandText(0.5, "decimal")).toBe("0.5");
    expect(operandText("12:00", "time")).toBe("0.5");
    const base = { range: "A2:A9,C2:C9", errorAlert: { showAlert: true, style: "Warning", title: "t", message: "a\nb" }, prompt: { showPrompt: false, title: "", message: "" }, ignoreBlanks: false };
    const list = fileValidationOf({ ...base, rule: { list: { inCellDropDown: true, source: 'yes,"no"' } } })!;
    expect(list).toMatchObject({ type: "list", formula1: '"yes,""no"""', sqref: "A2:A9 C2:C9", errorStyle: "warning", allowBlank: false });
    const xml = dataValidationsXml([list]);
    expect(xml).toContain('error="a&#10;b"');
    expect(xml).toContain('errorStyle="warning"');
    expect(xml).not.toContain("allowBlank");
  });

  test("ExcelJS 4.4's own writer still renders a date rule's reference as a serial: why PIPbook writes the element (fails once ExcelJS is fixed)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Tracking");
    workbook.addWorksheet("Overview");
    (sheet as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add("A4:A9", {
      type: "date",
      operator: "between",
      allowBlank: true,
      formulae: ["Overview!$B$11", "Overview!$B$12"],
    });
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const formula1 = /<formula1>([^<]*)<\/formula1>/.exec(xml)?.[1];
    expect(formula1).toBeDefined();
    expect(formula1).not.toBe("Overview!$B$11");
  });
});

