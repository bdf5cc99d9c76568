import iconv from "iconv-lite";
import { decodeCsv, decodeRoster, detectSeparator, parseRoster, parseRosterDate } from "../../src/cli/roster";
import { CliError } from "../../src/cli/errors";
import { cliText } from "../../src/i18n/cli";

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
      expect((error as CliError).params.columns).toEqual({ "en-US": "Plan Start, Plan End", "zh-CN": "计划开始、计划结束" });
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

  test("dates as a spreadsheet exports them: a date cell with its time, a date cell shown as its serial number", () => {
    expect(parseRosterDate("2024/4/1 0:00")).toBe("2024-04-01");
    expect(parseRosterDate("2024-04-01 00:00:00")).toBe("2024-04-01");
    expect(parseRosterDate("4/1/2024 12:00 AM")).toBe("2024-04-01");
    // Excel's 1900 system: 45383 is 2024-04-01, 45292 is 2024-01-01
    expect(parseRosterDate("45383")).toBe("2024-04-01");
    expect(parseRosterDate("45292")).toBe("2024-01-01");
    // five digits outside 1950–2100 are not taken for a date (an id, a typo)
    expect(parseRosterDate("10024")).toBeNull();
    expect(parseRosterDate("99999")).toBeNull();
    expect(parseRosterDate("2024/13/1 0:00")).toBeNull();
  });

  test("headers 计划开始时间 / 计划结束时间 name the plan's dates", () => {
    const roster = parseRoster("姓名,工号,计划开始时间,计划结束时间\n李娜,E1,2024/4/1 0:00,45473\n", "r.csv");
    expect(roster.problems).toEqual([]);
    expect(roster.rows[0]?.values).toMatchObject({ planStart: "2024-04-01", planEnd: "2024-06-30" });
  });

  test("UTF-8 with BOM and GB18030 (Excel's Chinese CSV) decode to the same text", () => {
    const text = "姓名,工号\n李娜,E1\n";
    const utf8Bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    // "李娜" in GBK: C0EE C4C8; "姓名": D0D5 C3FB; "工号": B9A4 BAC5
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb9, 0xa4, 0xba, 0xc5, 0x0a, 0xc0, 0xee, 0xc4, 0xc8, 0x2c, 0x45, 0x31, 0x0a]);
    expect(decodeCsv(utf8Bom).replace(/^\uFEFF/, "")).toBe(text);
    expect(decodeCsv(gbk)).toBe(text);
  });

  const ROSTER = "姓名,工号,计划开始,计划结束\n李娜,E1,2024-04-01,2024-06-30\nJosé Müller,E2,2024/5/6,2024/8/4\n";

  test.each([
    ["UTF-16 LE with BOM (Excel's “Unicode text”)", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ROSTER, "utf16le")]), "utf-16le"],
    ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ROSTER, "utf16le").swap16()]), "utf-16be"],
    ["UTF-16 LE without BOM", Buffer.from(ROSTER, "utf16le"), "utf-16le"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROSTER)]), "utf-8"],
  ])("%s decodes to the same text", (_name, bytes, encoding) => {
    const decoded = decodeRoster(bytes);
    expect(decoded).toEqual({ text: ROSTER, encoding });
  });

  test("Windows-1252 (Excel's CSV in Western Europe) is not read as GB18030", () => {
    const text = "Employee Name,Employee ID,Plan Start,Plan End\nJosé Müller,E1,2024-04-01,2024-06-30\nZoë O’Neil,E2,2024-04-01,2024-06-30\nBob O’Neil,E3,2024-04-01,2024-06-30\n";
    const decoded = decodeRoster(iconv.encode(text, "windows-1252"));
    expect(decoded).toEqual({ text, encoding: "windows-1252" });
    expect(parseRoster(decoded.text, "r.csv").rows.map((r) => r.values.employeeName)).toEqual(["José Müller", "Zoë O’Neil", "Bob O’Neil"]);
  });

  test("GB18030 with a long roster and with a short one", () => {
    const long = "姓名,工号,部门,计划开始,计划结束\n" + ["周杰", "吴芳", "郑爽", "王小明"].map((n, i) => `${n},E${i},华东销售部,2024-04-01,2024-06-30`).join("\n");
    expect(decodeRoster(iconv.encode(long, "gb18030"))).toEqual({ text: long, encoding: "gb18030" });
    const short = "姓名,工号\n李娜,E1\n";
    expect(decodeRoster(iconv.encode(short, "gbk")).text).toBe(short);
  });

  test.each([
    [";", "Employee Name;Employee ID;Plan Start;Plan End\nLi Na;E1;2024-04-01;2024-06-30\n"],
    ["\t", "Employee Name\tEmployee ID\tPlan Start\tPlan End\nLi Na\tE1\t2024-04-01\t2024-06-30\n"],
    [",", 'Employee Name,Employee ID,Plan Start,Plan End,"Notes; more"\nLi Na,E1,2024-04-01,2024-06-30,a;b\n'],
  ])("separator %j is found from the header line", (separator, csv) => {
    expect(detectSeparator(csv)).toBe(separator);
    const roster = parseRoster(csv, "r.csv");
    expect(roster.rows[0].values).toMatchObject({ employeeId: "E1", planStart: "2024-04-01", planEnd: "2024-06-30" });
  });

  test("a header that does not match names what was read: encoding, separator, the columns found, the names to write", () => {
    const bytes = Buffer.from("Name|ID|Start|End\nLi|E1|2024-04-01|2024-06-30\n");
    const decoded = decodeRoster(bytes);
    let error: CliError | undefined;
    try {
      parseRoster(decoded.text, "r.csv", { encoding: decoded.encoding });
    } catch (e) {
      error = e as CliError;
    }
    expect(cliText("en-US", error!.key, error!.params)).toBe(
      "r.csv: row 1 (the header) lacks the column(s) Employee Name, Employee ID, Plan Start, Plan End; read as UTF-8 with the separator “,” it has 1 column(s): “Name|ID|Start|End”. Check the header names, the file's encoding and its separator",
    );
    expect(cliText("zh-CN", error!.key, error!.params)).toContain("缺少列 姓名、工号、计划开始、计划结束");
    expect(cliText("en-US", error!.key, error!.params)).not.toMatch(/employeeName|planStart/);
  });

  test("a quoted cell with line breaks is one row, and a blank line is a row, as a spreadsheet shows them", () => {
    const csv = '姓名,工号,部门,计划开始,计划结束\n李娜,E1,"华东\n销售部",2024-04-01,2024-06-30\n\n王强,E2,北区,2024-02-30,2024-06-30\n';
    const roster = parseRoster(csv, "r.csv");
    expect(roster.rows.map((r) => r.row)).toEqual([2]);
    // Row 3 is the blank line; 王强 is row 4 (csv-parse's file line would say 5).
    expect(roster.problems).toEqual([{ row: 4, key: "roster.badDate", params: { row: 4, column: "计划开始", value: "2024-02-30" } }]);
  });

  test("a zero-width space is not a name", () => {
    const roster = parseRoster("姓名,工号,计划开始,计划结束\n\u200b,E1,2024-04-01,2024-06-30\n\u200b李娜\u200b,E2,2024-04-01,2024-06-30\n", "r.csv");
    expect(roster.problems).toEqual([{ row: 2, key: "roster.emptyCell", params: { row: 2, column: "姓名" } }]);
    expect(roster.rows[0].values.employeeName).toBe("李娜");
  });
});

describe("malformed CSV is told in our words, not csv-parse's", () => {
  test.each([
    ['姓名,工号,计划开始,计划结束\n"李娜,E1,2024-04-01,2024-06-30\n', "a quote opened on row 2 is never closed", "引号没有闭合"],
    ['姓名,工号,计划开始,计划结束\n李"娜",E1,2024-04-01,2024-06-30\n', "a quote in the middle of a cell", "单元格中间出现引号"],
  ])("%j", (csv, en, zh) => {
    let error: CliError | undefined;
    try {
      parseRoster(csv, "r.csv");
    } catch (e) {
      error = e as CliError;
    }
    expect(error?.key).toBe("roster.badCsv");
    expect(cliText("en-US", error!.key, error!.params)).toContain(en);
    expect(cliText("zh-CN", error!.key, error!.params)).toContain(zh);
    expect(cliText("en-US", error!.key, error!.params)).not.toMatch(/Invalid|Quote Not Closed|delimiter/);
  });
});
