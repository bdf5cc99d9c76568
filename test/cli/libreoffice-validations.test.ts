/**
 * LibreOffice Calc's own .xlsx import (through the Python-UNO bridge, test/support/uno-validations.py) applies
 * the data validation the layout declares to the first and last body cell of every input column: type, operator,
 * both formulas, stop alert, blanks allowed, and the message with its line break. Before PIPbook wrote the rules
 * itself, LibreOffice showed the Tracking log's date rule as 37196 … 37226 and the message's line break as a space.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { VALIDATION_ALERTS } from "../../src/i18n/workbook";
import { TABLES, defaultSheetNames, isInput, tableColumns, columnLetter, recordRowOf, type TableDecl, type ColumnDecl } from "../../src/workbook";
import { ROOT } from "./harness";
import { buildCorpus, type CorpusWorkbook } from "./xlsx-corpus";
import { expectedRule } from "./xlsx-expectations";

jest.setTimeout(300_000);

interface UnoRule {
  sheet: string;
  cell: string;
  type: string;
  operator: string;
  formula1: string;
  formula2: string;
  errorAlertStyle: string;
  showErrorMessage: boolean;
  ignoreBlankCells: boolean;
  errorTitle: string;
  errorMessage: string;
}

const SCRIPT = path.join(ROOT, "test/support/uno-validations.py");

function unoRead(requests: { file: string; cells: [string, string][] }[]): Promise<{ file: string; cells: UnoRule[] }[]> {
  return new Promise((resolve, reject) => {
    const child = execFile("/usr/bin/python3", [SCRIPT], { maxBuffer: 256 * 1024 * 1024, timeout: 240_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`LibreOffice/UNO could not read the files (apt-get install -y libreoffice-calc python3-uno): ${stderr || String(error)}`));
      else resolve(JSON.parse(stdout) as { file: string; cells: UnoRule[] }[]);
    });
    child.stdin!.end(JSON.stringify(requests));
  });
}

/** LibreOffice's reference `$Sheet.$B$11` / `$'Tracking log'.$A$4:$A$9` in Excel's form `Sheet!$B$11`. */
function excelReference(text: string): string {
  const m = /^\$?('(?:[^']|'')*'|[^.'!]+)\.(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(text);
  return m ? `${m[1]}!${m[2]}` : text;
}

/** LibreOffice's list literal `"a";"b"` as the file's `"a,b"`. */
function excelList(text: string): string {
  const items = [...text.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]);
  return items.length > 0 ? `"${items.join(",")}"` : excelReference(text);
}

const TYPES: Record<string, string> = { DATE: "date", DECIMAL: "decimal", LIST: "list", WHOLE: "whole", CUSTOM: "custom", TIME: "time", TEXT_LEN: "textLength" };
const OPERATORS: Record<string, string | null> = { BETWEEN: null, GREATER_EQUAL: "greaterThanOrEqual", LESS_EQUAL: "lessThanOrEqual", EQUAL: "equal" };

interface Probe {
  where: string;
  column: ColumnDecl;
}

/** First and last body cell of every validated input column (list tables: one row per plan row, at least one). */
function probes(w: CorpusWorkbook): { cells: [string, string][]; probes: Probe[] } {
  const names = defaultSheetNames(w.language);
  const cells: [string, string][] = [];
  const out: Probe[] = [];
  const plan = w.plan as unknown as Record<string, unknown[]>;
  for (const decl of TABLES.filter((t): t is TableDecl => t.entity !== null)) {
    for (const column of tableColumns(decl).filter((c) => c.validation && isInput(c))) {
      const addresses: string[] = [];
      if (decl.shape === "list") {
        const letter = columnLetter(decl.anchor.col + decl.columns.indexOf(column));
        const n = Math.max(1, plan[decl.entity!]?.length ?? 0);
        addresses.push(`${letter}${decl.anchor.row + 1}`, `${letter}${decl.anchor.row + n}`);
      } else {
        addresses.push(`${columnLetter(decl.anchor.col + 1)}${recordRowOf(decl, column.key)}`);
      }
      for (const address of addresses) {
        cells.push([names[decl.sheet], address]);
        out.push({ where: `${w.label} ${decl.name}.${column.key} ${address}`, column });
      }
    }
  }
  return { cells, probes: out };
}

let corpus: CorpusWorkbook[];
beforeAll(async () => {
  corpus = await buildCorpus();
});

test("LibreOffice applies every declared rule to the first and last cell of its column, as declared", async () => {
  const requests = corpus.map((w) => ({ w, ...probes(w) }));
  const read = await unoRead(requests.map((r) => ({ file: r.w.file, cells: r.cells })));
  let checked = 0;
  requests.forEach((request, i) => {
    const names = defaultSheetNames(request.w.language);
    request.probes.forEach((probe, k) => {
      const got = read[i].cells[k];
      const expected = expectedRule(probe.column, names, request.w.language);
      const matcher = (f: string | RegExp | null | undefined) => (f instanceof RegExp ? expect.stringMatching(f) : f === undefined ? null : f);
      const binary = got.operator === "BETWEEN" && got.type !== "LIST";
      expect([probe.where, TYPES[got.type], OPERATORS[got.operator], excelList(got.formula1), binary ? excelReference(got.formula2) : null]).toEqual([
        probe.where,
        expected.type,
        expected.operator,
        matcher(expected.formula1),
        matcher(expected.formula2),
      ]);
      expect([probe.where, got.errorAlertStyle, got.showErrorMessage, got.ignoreBlankCells, got.errorTitle, got.errorMessage]).toEqual([
        probe.where,
        "STOP",
        true,
        true,
        VALIDATION_ALERTS.title,
        expected.error,
      ]);
      checked++;
    });
  });
  expect(checked).toBeGreaterThan(corpus.length * 20);
});
