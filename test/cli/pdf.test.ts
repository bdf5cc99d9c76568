/**
 * `pipbook pdf`: the worked example printed by real headless LibreOffice, in both languages, read back with
 * poppler (pdfinfo, pdftotext, pdffonts, pdftoppm) — readers we did not write. LibreOffice and poppler-utils are
 * required (CI installs libreoffice-calc, fonts-noto-cjk and poppler-utils); without them this test fails, naming
 * what to install.
 */
import { execFileSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { findSoffice } from "../../src/cli/libreoffice";
import { SHEET_NOTES, SHEET_TITLES } from "../../src/i18n/workbook";
import { CHART_TITLES, fillTemplate } from "../../src/i18n/evaluation";
import type { Language } from "../../src/core/model";
import { EXAMPLE_PLAN, runCli, tempDir } from "./harness";

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${tool} is missing: apt-get install -y poppler-utils`);
    throw error;
  }
}

const pageCount = (pdf: string) => Number(/^Pages:\s+(\d+)/m.exec(poppler("pdfinfo", [pdf]))?.[1]);
const pageText = (pdf: string, page: number) => poppler("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"]);

/** Text with line breaks and runs of spaces made one space (en-US), or removed (zh-CN, which has no spaces). */
function flat(text: string, language: Language): string {
  return language === "zh-CN" ? text.replace(/\s+/g, "") : text.replace(/\s+/g, " ");
}

describe.each<Language>(["en-US", "zh-CN"])("pipbook pdf of the worked example (%s)", (language) => {
  const dir = tempDir();
  const pdf = path.join(dir, `plan-${language}.pdf`);
  let pages: string[] = [];

  beforeAll(async () => {
    if (findSoffice() === null) throw new Error("LibreOffice is missing: apt-get install -y --no-install-recommends libreoffice-calc fonts-noto-cjk");
    const run = await runCli(["pdf", EXAMPLE_PLAN, "-o", pdf, "--lang", language, "--as-of", "2024-05-15"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const n = pageCount(pdf);
    // the message is in the language asked for: "(9 pages)" / "（9 页）"
    expect(run.stdout).toMatch(new RegExp(`[(（]${n} (pages|页)[)）]`));
    pages = Array.from({ length: n }, (_, i) => pageText(pdf, i + 1));
  }, 120_000);

  test("prints on at most 12 pages, every sheet's title on a page of its own", () => {
    // 9 sheets on a page each, and the Evaluation sheet's 3 rows of charts (attainment; G1's two; G2's two)
    expect(pages.length).toBeGreaterThanOrEqual(12);
    expect(pages.length).toBeLessThanOrEqual(12);
    for (const title of Object.values(SHEET_TITLES).map((t) => t[language])) {
      expect([title, pages.filter((p) => flat(p, language).includes(flat(title, language))).length]).toEqual([title, 1]);
    }
  });

  test("the Sign-off sheet is one page holding the whole receipt-not-agreement wording, the names and the dates", () => {
    const signOff = pages.filter((p) => flat(p, language).includes(flat(SHEET_TITLES.signOff[language], language)));
    expect(signOff).toHaveLength(1);
    const text = flat(signOff[0], language);
    expect(text).toContain(flat(SHEET_NOTES.signOff[language], language));
    for (const name of ["李娜", "王强", "陈敏", "E1024"]) expect(text).toContain(name);
    expect(text.match(/2024-03-29/g)).toHaveLength(3);
    expect(text).toContain(flat("2024-04-01 – 2024-06-30", language));
  });

  test("each chart prints whole on one page: its title and its last period (W26) on the same page, nowhere else", () => {
    const bare = (text: string) => text.replace(/\s+/g, "");
    const goal = (i: number) => (i === 0 ? "G1 Q2 销售额提升至 45 万元" : "G2 客户投诉率降至 3% 以下");
    const titles = [
      CHART_TITLES.attainment[language],
      fillTemplate(CHART_TITLES.actualSum[language], { goal: goal(0) }),
      fillTemplate(CHART_TITLES.change[language], { goal: goal(0) }),
      fillTemplate(CHART_TITLES.actual[language], { goal: goal(1) }),
      fillTemplate(CHART_TITLES.change[language], { goal: goal(1) }),
    ];
    for (const title of titles) {
      const holding = pages.filter((p) => bare(p).includes(bare(title)));
      expect([title, holding.length]).toEqual([title, 1]);
      // axis labels may wrap ("2024-" over "W26"), so the week alone
      expect([title, bare(holding[0]).includes("W26")]).toEqual([title, true]);
    }
  });

  test("CJK glyphs are embedded (pdffonts: a Noto CJK font, embedded)", () => {
    const fonts = poppler("pdffonts", [pdf]).split("\n").filter((l) => /CJK/i.test(l));
    expect(fonts.length).toBeGreaterThan(0);
    // columns: name type encoding emb sub uni object-id …; "emb" is the first yes/no column
    for (const line of fonts) expect(line).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  test("the Sign-off page renders to an A4 portrait image (pdftoppm)", () => {
    const page = pages.findIndex((p) => flat(p, language).includes(flat(SHEET_TITLES.signOff[language], language))) + 1;
    const stem = path.join(dir, `signoff-${language}`);
    poppler("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "50", "-png", "-singlefile", pdf, stem]);
    const png = `${stem}.png`;
    expect(existsSync(png)).toBe(true);
    return fs.readFile(png).then((bytes) => {
      // PNG IHDR: width and height at bytes 16 and 20
      const ratio = bytes.readUInt32BE(20) / bytes.readUInt32BE(16);
      expect(ratio).toBeCloseTo(297 / 210, 1);
    });
  });
});

describe("pipbook pdf of a workbook (.xlsx)", () => {
  test("prints the .xlsx as it is, without changing it: the same 12 pages as from the plan file", async () => {
    const dir = tempDir();
    const xlsx = path.join(dir, "plan.xlsx");
    expect((await runCli(["generate", EXAMPLE_PLAN, "-o", xlsx, "--lang", "en-US", "--as-of", "2024-05-15"])).code).toBe(0);
    const before = await fs.readFile(xlsx);
    const pdf = path.join(dir, "plan.pdf");
    const run = await runCli(["pdf", xlsx, "-o", pdf]);
    expect(run.code).toBe(0);
    expect(pageCount(pdf)).toBe(12);
    expect(flat(poppler("pdftotext", [pdf, "-"]), "en-US")).toContain(flat(SHEET_NOTES.signOff["en-US"], "en-US"));
    expect(Buffer.compare(await fs.readFile(xlsx), before)).toBe(0);
    // LibreOffice worked on a private copy: nothing but the two files is left in the folder
    expect((await fs.readdir(dir)).sort()).toEqual(["plan.pdf", "plan.xlsx"]);
  }, 120_000);
});

describe("pipbook pdf: usage", () => {
  test("an output that is not .pdf is a usage error (exit 2), nothing written", async () => {
    const dir = tempDir();
    const run = await runCli(["pdf", EXAMPLE_PLAN, "-o", path.join(dir, "plan.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("plan.xlsx: the output file must end in .pdf");
    expect(await fs.readdir(dir)).toEqual([]);
  }, 30_000);
});
