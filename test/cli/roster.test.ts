import { decodeCsv, parseRoster, parseRosterDate } from "../../src/cli/roster";
import { CliError } from "../../src/cli/errors";

describe("roster CSV", () => {
  test("English headers map to fields; rows are numbered as a spreadsheet shows them (header = row 1)", () => {
    const csv = [
      "Employee Name,Employee ID,Department,Position,Manager,HR Partner,Plan Start,Plan End",
      "Li Na,E1,Sales East,Rep,Wang Qiang,Chen Min,2024-04-01,2024-06-30",
      "Zhou Yu,E2,Sales North,Rep,Wang Qiang,Chen Min,2024-05-06,2024-08-04",
    ].join("\n");
    const roster = parseRoster(csv, "r.csv");
    expect(roster.problems).toEqual([]);
    expect(roster.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(roster.rows[1].values).toEqual({
      employeeName: "Zhou Yu",
      employeeId: "E2",
      department: "Sales North",
      position: "Rep",
      manager: "Wang Qiang",
      hrPartner: "Chen Min",
      planStart: "2024-05-06",
      planEnd: "2024-08-04",
    });
  });

  test("Chinese headers in any order, optional columns may be absent", () => {
    const roster = parseRoster("计划结束,姓名,计划开始,工号,直属上级\n2024-06-30,李娜,2024-04-01,E1024,王强\n", "r.csv");
    expect(roster.rows[0].values).toMatchObject({ employeeName: "李娜", employeeId: "E1024", manager: "王强", department: "", planEnd: "2024-06-30" });
  });

  test("a bad date names its row and column and the other rows still parse", () => {
    const roster = parseRoster("姓名,工号,计划开始,计划结束\n李娜,E1,2024-04-01,2024-06-30\n王强,E2,2024-02-30,2024-06-30\n陈敏,E3,2024-04-01,2024-06-30\n", "r.csv");
    expect(roster.rows.map((r) => r.values.employeeId)).toEqual(["E1", "E3"]);
    expect(roster.problems).toEqual([{ row: 3, key: "roster.badDate", params: { row: 3, column: "计划开始", value: "2024-02-30" } }]);
  });

  test("an empty required cell and an end before the start are row problems", () => {
    const roster = parseRoster("name,id,start,end\n,E1,2024-04-01,2024-06-30\nB,E2,2024-04-01,2024-03-01\n", "r.csv");
    expect(roster.problems.map((p) => [p.row, p.key])).toEqual([
      [2, "roster.emptyCell"],
      [3, "roster.endBeforeStart"],
    ]);
  });

  test("a header without the plan dates is a file error naming the missing columns", () => {
    expect(() => parseRoster("name,id\nA,E1\n", "r.csv")).toThrow(CliError);
    try {
      parseRoster("name,id\nA,E1\n", "r.csv");
    } catch (error) {
      expect((error as CliError).key).toBe("roster.missingColumns");
      expect((error as CliError).params.columns).toBe("planStart, planEnd");
    }
  });

  test("dates: ISO, slashes, dots and 年月日 are accepted; impossible dates are not", () => {
    expect(parseRosterDate("2024-4-1")).toBe("2024-04-01");
    expect(parseRosterDate("2024/04/30")).toBe("2024-04-30");
    expect(parseRosterDate("2024.6.30")).toBe("2024-06-30");
    expect(parseRosterDate("2024年2月29日")).toBe("2024-02-29");
    expect(parseRosterDate("2023-02-29")).toBeNull();
    expect(parseRosterDate("30/06/2024")).toBeNull();
    expect(parseRosterDate("")).toBeNull();
  });

  test("UTF-8 with BOM and GB18030 (Excel's Chinese CSV) decode to the same text", () => {
    const text = "姓名,工号\n李娜,E1\n";
    const utf8Bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    // "李娜" in GBK: C0EE C4C8; "姓名": D0D5 C3FB; "工号": B9A4 BAC5
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb9, 0xa4, 0xba, 0xc5, 0x0a, 0xc0, 0xee, 0xc4, 0xc8, 0x2c, 0x45, 0x31, 0x0a]);
    expect(decodeCsv(utf8Bom).replace(/^\uFEFF/, "")).toBe(text);
    expect(decodeCsv(gbk)).toBe(text);
  });
});
