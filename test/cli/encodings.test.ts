/**
 * Text in the encodings people's editors save: a plan JSON that is not UTF-8 is refused with its line, byte offset
 * and a hint (never decoded into "����" and written to a workbook); a roster in UTF-16 with ";" runs through batch.
 */
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { EXAMPLE_PLAN, hasStackTrace, runCli, tempDir } from "./harness";

jest.setTimeout(120_000);

let work: string;
let planText: string;

beforeAll(async () => {
  work = tempDir();
  planText = await fs.readFile(EXAMPLE_PLAN, "utf8");
});

describe("a plan JSON that is not UTF-8", () => {
  test("saved as GBK: generate refuses it with line, byte offset and the hint, and writes no workbook", async () => {
    const file = path.join(work, "gbk.plan.json");
    const bytes = iconv.encode(planText, "gbk");
    await fs.writeFile(file, bytes);
    const firstHigh = bytes.findIndex((b) => b >= 0x80);
    const line = bytes.subarray(0, firstHigh).filter((b) => b === 0x0a).length + 1;
    const out = path.join(work, "gbk.xlsx");
    const run = await runCli(["generate", file, "-o", out]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `pipbook: ${file}: not UTF-8 text: line ${line} (byte ${firstHigh}, 0x${bytes[firstHigh].toString(16).toUpperCase()}) cannot be read as UTF-8, it looks like GB18030/GBK; save the file as UTF-8 (Notepad: Save as → Encoding UTF-8)`,
    );
    expect(existsSync(out)).toBe(false);
    const zh = await runCli(["validate", file, "--lang", "zh-CN"]);
    expect(zh.code).toBe(1);
    expect(zh.stdout + zh.stderr).toContain("请把文件另存为 UTF-8");
  });

  test("one invalid byte in the middle of an otherwise UTF-8 file: validate --json places it", async () => {
    const file = path.join(work, "one-bad-byte.plan.json");
    const good = Buffer.from(planText, "utf8");
    const at = good.indexOf(Buffer.from("华东销售部"));
    const bytes = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
    await fs.writeFile(file, bytes);
    const run = await runCli(["validate", file, "--json"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { findings: { code: string; location: { line?: number; byte?: number } }[] };
    expect(json.findings).toHaveLength(1);
    expect(json.findings[0]).toMatchObject({ code: "PLAN_NOT_UTF8", location: { byte: at, line: planText.slice(0, planText.indexOf("华东销售部")).split("\n").length } });
  });

  test("UTF-16 (Notepad's “Unicode”) is named as such", async () => {
    const file = path.join(work, "utf16.plan.json");
    await fs.writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(planText, "utf16le")]));
    const run = await runCli(["analyze", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the file is UTF-16 LE; a plan JSON must be UTF-8");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe("rosters in other encodings and separators run through batch", () => {
  test("UTF-16 LE with BOM and “;” (Excel's Unicode text in a comma-decimal locale)", async () => {
    const csv = "姓名;工号;计划开始;计划结束\r\n周杰;E3001;2024/4/1;2024/6/30\r\n";
    const roster = path.join(work, "roster-utf16.csv");
    await fs.writeFile(roster, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")]));
    const out = path.join(work, "batch-utf16");
    const run = await runCli(["batch", roster, "--template", EXAMPLE_PLAN, "-o", out]);
    expect(run.code).toBe(0);
    expect(await fs.readdir(out)).toEqual(["PIP-E3001-周杰.xlsx"]);
  });

  test("a Windows-1252 roster keeps “José O’Neil” (not GB18030 mojibake)", async () => {
    const csv = "Employee Name,Employee ID,Plan Start,Plan End\r\nJosé O’Neil,E7,4/1/2024,6/30/2024\r\n";
    const roster = path.join(work, "roster-1252.csv");
    await fs.writeFile(roster, iconv.encode(csv, "windows-1252"));
    const out = path.join(work, "batch-1252");
    const run = await runCli(["batch", roster, "--template", EXAMPLE_PLAN, "-o", out]);
    expect(run.code).toBe(0);
    const [name] = await fs.readdir(out);
    expect(name).toBe("PIP-E7-José O’Neil.xlsx");
    const analyzed = JSON.parse((await runCli(["analyze", path.join(out, name), "--json", "--as-of", "2024-05-01"])).stdout) as { employee: { name: string }; plan: { start: string } };
    expect(analyzed.employee.name).toBe("José O’Neil");
    expect(analyzed.plan.start).toBe("2024-04-01");
  });
});
