/** The workbook's formula rewrites read quoted sheet names with src/a1's reader ('' for ', CJK bare). */
import { moveRefs, renameSheets } from "../../src/workbook/formula-text";

describe("formula-text: sheet names in references", () => {
  it("renameSheets follows quoted and bare names, and quotes the new name as Excel does", () => {
    const names = new Map([
      ["O'Brien", "Tracking log"],
      ["Goals", "目标"],
    ]);
    expect(renameSheets("='O''Brien'!A1+Goals!B2+Other!C3", names)).toBe("='Tracking log'!A1+目标!B2+Other!C3");
    expect(renameSheets("=目标!B2", new Map([["目标", "1st"]]))).toBe("='1st'!B2");
  });

  it("moveRefs moves only references on the host sheet, named with or without quotes", () => {
    const down = (row: number, col: number) => ({ row: row + 1, col });
    expect(moveRefs("='It''s log'!B2+Goals!B2+B2", "It's log", down)).toBe("='It''s log'!B3+Goals!B2+B3");
  });
});
