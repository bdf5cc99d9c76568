/**
 * The one A1 module (src/a1): what each copy it replaced did — column letters both ways (workbook layout, Office.js
 * port, .xlsx writer, task pane's Check, preview grid, in-memory Excel, reader checks, self-test), cell and range
 * parsing, and sheet-name quoting as Excel does it (the layout's, the stand-in's and the pane's three rules).
 */
import fc from "fast-check";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  cellAddress,
  columnIndex,
  columnLetters,
  formatRect,
  parseCell,
  parseLocalRect,
  quoteSheetName,
  sheetNameNeedsQuotes,
  sheetReference,
  splitSheet,
} from "../../src/a1";

const column = fc.integer({ min: 0, max: MAX_COLUMNS - 1 });
const row = fc.integer({ min: 0, max: MAX_ROWS - 1 });

describe("column letters both ways", () => {
  it("knows the fixed points: A, Z, AA, AZ, BA, ZZ, AAA, XFD", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect(MAX_COLUMNS).toBe(columnIndex("XFD") + 1);
  });

  it("round-trips every column up to XFD, index → letters → index", () => {
    fc.assert(fc.property(column, (c) => columnIndex(columnLetters(c)) === c));
  });

  it("round-trips letters → index → letters, in either case", () => {
    const letters = fc.stringMatching(/^[A-Z]{1,3}$/).filter((s) => columnIndex(s) < MAX_COLUMNS);
    fc.assert(
      fc.property(letters, fc.boolean(), (s, lower) => {
        expect(columnLetters(columnIndex(lower ? s.toLowerCase() : s))).toBe(s);
      }),
    );
  });

  it("orders columns as their letters do by length, then alphabet (what the Check list sorts by)", () => {
    fc.assert(
      fc.property(column, column, (a, b) => {
        const [la, lb] = [columnLetters(a), columnLetters(b)];
        const byLetters = la.length - lb.length || (la < lb ? -1 : la > lb ? 1 : 0);
        expect(Math.sign(a - b)).toBe(Math.sign(byLetters));
      }),
    );
  });

  it("refuses what is no column instead of computing nonsense", () => {
    expect(() => columnLetters(-1)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
    expect(() => columnIndex("")).toThrow(RangeError);
    expect(() => columnIndex("A1")).toThrow(RangeError);
    expect(() => columnIndex("É")).toThrow(RangeError);
  });
});

describe("cells and ranges", () => {
  it("round-trips every cell of the sheet, with and without $", () => {
    fc.assert(
      fc.property(row, column, fc.boolean(), (r, c, absolute) => {
        expect(parseCell(cellAddress(r, c, absolute))).toEqual({ row: r, col: c });
      }),
    );
  });

  it("reads no cell outside A1:XFD1048576 and nothing that is not one cell", () => {
    for (const text of ["XFE1", "A0", "A1048577", "A", "1", "A1:B2", "Sheet1", "$$A1", "A-1", ""]) expect(parseCell(text)).toBeNull();
    expect(parseCell(" b7 ")).toEqual({ row: 6, col: 1 });
  });

  it("reads exactly what the regular expression it replaced reads (any text of $, letters, digits, spaces and signs)", () => {
    // The reference: parseCell as it was written before it read characters one at a time.
    const reference = (a1: string) => {
      const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
      if (!m) return null;
      const col = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const r = Number(m[2]) - 1;
      return col >= MAX_COLUMNS || r < 0 || r >= MAX_ROWS ? null : { row: r, col };
    };
    const piece = fc.constantFrom("$", "A", "b", "Z", "x", "F", "D", "0", "1", "9", "7", " ", "@", "[", "`", "{", ":", "-", "\t", "é", "\u00a0", "\u3000");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (chars) => {
        const text = chars.join("");
        expect([text, parseCell(text)]).toEqual([text, reference(text)]);
      }),
      { numRuns: 5000 },
    );
    for (const text of ["XFD1048576", "xfd1048576", "$XFD$1048576", "XFE1", "AAAA1", "A12345678", "A01", "A0000001"]) expect([text, parseCell(text)]).toEqual([text, reference(text)]);
  });

  it("round-trips ranges, whole columns and whole rows through formatRect and parseLocalRect", () => {
    fc.assert(
      fc.property(row, row, column, column, (r0, r1, c0, c1) => {
        const rect = { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
        expect(parseLocalRect(formatRect(rect))).toEqual(rect);
        expect(parseLocalRect(formatRect(rect, true))).toEqual(rect);
      }),
    );
    expect(parseLocalRect("B:D")).toEqual({ r0: 0, r1: MAX_ROWS - 1, c0: 1, c1: 3 });
    expect(parseLocalRect("3:5")).toEqual({ r0: 2, r1: 4, c0: 0, c1: MAX_COLUMNS - 1 });
    expect(parseLocalRect("C3:A1")).toEqual({ r0: 0, r1: 2, c0: 0, c1: 2 });
  });
});

describe("sheet names quoted as Excel does", () => {
  it("leaves plain names bare, in any script", () => {
    for (const name of ["Goals", "概览", "改进目标", "Sheet1", "Sheet_1", "Sheet.1", "École1", "_PIPbook", "Cat", "RA", "RCX", "XFE1", "A1048577"]) {
      expect([name, sheetNameNeedsQuotes(name)]).toEqual([name, false]);
      expect(quoteSheetName(name)).toBe(name);
    }
  });

  it("quotes names with spaces or punctuation, doubling apostrophes", () => {
    expect(quoteSheetName("Tracking log")).toBe("'Tracking log'");
    expect(quoteSheetName("Sign-off")).toBe("'Sign-off'");
    expect(quoteSheetName("Resources & responsibilities")).toBe("'Resources & responsibilities'");
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheetName("''")).toBe("''''''");
    expect(quoteSheetName("跟踪 记录")).toBe("'跟踪 记录'");
    expect(quoteSheetName("")).toBe("''");
  });

  it("quotes a name starting with a digit or a dot", () => {
    for (const name of ["1Sheet", "2024", "2024_Q2", ".Sheet", "1透视"]) expect(quoteSheetName(name)).toBe(`'${name}'`);
  });

  it("quotes a name Excel would read as a cell (A1 style, either case, within XFD1048576)", () => {
    for (const name of ["A1", "Q1", "q2", "XFD1048576", "ab12"]) expect(quoteSheetName(name)).toBe(`'${name}'`);
  });

  it("quotes a name that starts like an R1C1 reference, and TRUE/FALSE", () => {
    for (const name of ["R", "C", "RC", "r", "R1C1", "R2", "C3", "RC2", "R1C", "C1_FOO", "R9x", "TRUE", "false"]) expect(quoteSheetName(name)).toBe(`'${name}'`);
  });

  it("round-trips any name through a reference and splitSheet", () => {
    const name = fc.oneof(
      fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[\\/?*[\]:]/.test(s)),
      fc.constantFrom("Tracking log", "O'Brien", "概览", "R1C1", "A1", "1st", "it's 1'"),
    );
    fc.assert(
      fc.property(name, row, column, (sheet, r, c) => {
        const reference = sheetReference(sheet, cellAddress(r, c));
        expect(splitSheet(reference)).toEqual({ sheet, local: cellAddress(r, c) });
        if (sheetNameNeedsQuotes(sheet)) expect(reference.startsWith("'")).toBe(true);
      }),
    );
  });

  it("quotes always when asked (the formula engine wants every name quoted)", () => {
    expect(quoteSheetName("Goals", true)).toBe("'Goals'");
  });
});
