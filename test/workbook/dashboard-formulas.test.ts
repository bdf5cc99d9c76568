/**
 * The HR dashboard's formulas (src/workbook/dashboard.ts) computed by HyperFormula — the third engine of
 * ../shared/guide/TOOLCHAIN.md (LibreOffice: test/cli/dashboard.test.ts) — equal counts taken directly from the
 * plans, for 40 generated plans (every status, phase, band, an empty department, recorded outcomes), both languages.
 */
import HyperFormula from "hyperformula";
import type { GoalStatus } from "../../src/core/analysis";
import { cliText } from "../../src/i18n/cli";
import { dashboardText } from "../../src/i18n/dashboard";
import { columnLetter } from "../../src/workbook";
import { dashboardContent, DASHBOARD_STATUSES, phaseOn, quarterOf, type DashboardCell, type DashboardContent, type DashboardPlan } from "../../src/workbook/dashboard";

const AS_OF = "2024-05-15";

function plans(): DashboardPlan[] {
  const out: DashboardPlan[] = [];
  for (let i = 0; i < 40; i++) {
    const start = new Date(Date.UTC(2023, 6 + (i % 13), 1 + ((i * 7) % 27)));
    const end = new Date(start.getTime() + (60 + (i % 4) * 30) * 86_400_000);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const daysLeft = Math.max(0, Math.round((end.getTime() - Date.parse(`${AS_OF}T00:00:00Z`)) / 86_400_000));
    out.push({
      file: `p${i}.xlsx`,
      employeeName: `员工${i}`,
      employeeId: `E${i}`,
      department: ["销售一部", "Marketing", "", "财务部"][i % 4],
      manager: "王强",
      planStart: iso(start),
      planEnd: iso(end),
      daysLeft,
      phase: phaseOn(iso(start), iso(end), AS_OF),
      overallAttainment: i % 6 === 5 ? null : [0.2, 0.55, 0.75, 0.95, 1.1][i % 5],
      status: DASHBOARD_STATUSES[i % 5],
      outcomeSuggestion: i % 6 === 5 ? null : (["met", "partially-met", "not-met"] as const)[i % 3],
      recordedOutcome: i % 7 === 0 ? "met" : null,
      overdueActions: i % 3,
      missedCheckIns: i % 4,
      changedAfterSigning: i % 9 === 0 ? 1 : 0,
    });
  }
  return out;
}

/** Both sheets in HyperFormula; returns a reader of a sheet's computed cells (the Dashboard sheet by default). */
function compute(content: DashboardContent): (address: string, sheetName?: string) => unknown {
  const cells = (rows: Record<string, DashboardCell>) => {
    const grid: (string | number | null)[][] = [];
    for (const [address, cell] of Object.entries(rows)) {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      const r = Number(m[2]) - 1;
      grid[r] ??= [];
      grid[r][col - 1] = cell.formula ?? cell.value ?? null;
    }
    return Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
  };
  const plansCells: Record<string, DashboardCell> = { ...content.plansCells };
  content.columns.forEach((c, i) => (plansCells[`${columnLetter(i)}${content.tableHeaderRow}`] = { value: c.header }));
  content.tableRows.forEach((row, r) => row.forEach((cell, i) => (plansCells[`${columnLetter(i)}${content.tableHeaderRow + 1 + r}`] = cell)));
  const hf = HyperFormula.buildFromSheets({ [content.plansSheet]: cells(plansCells), [content.dashboardSheet]: cells(content.dashboardCells) }, { licenseKey: "gpl-v3" });
  return (address: string, sheetName = content.dashboardSheet) => {
    const sheet = hf.getSheetId(sheetName)!;
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return hf.getCellValue({ sheet, col: col - 1, row: Number(m[2]) - 1 });
  };
}

for (const language of ["en-US", "zh-CN"] as const) describe(`the dashboard's formulas in HyperFormula (${language})`, () => {
  const rows = plans();
  const content = dashboardContent(rows, { language, asOf: AS_OF });
  const value = compute(content);
  const block = (key: string) => content.blocks.find((b) => b.key === key)!;
  const column = (key: string, c: number) => {
    const b = block(key);
    return b.labels.map((_l, i) => value(`${columnLetter(c)}${b.firstRow + i}`));
  };
  const count = (pred: (p: DashboardPlan) => boolean) => rows.filter(pred).length;

  test("by status, by phase, by status per department (an empty department counted under its own row)", () => {
    expect(column("status", 1)).toEqual(DASHBOARD_STATUSES.map((s) => count((p) => p.status === s)));
    expect(column("phase", 1)).toEqual((["upcoming", "running", "ended"] as const).map((ph) => count((p) => p.phase === ph)));
    const none = dashboardText(language, "noDepartment");
    const dept = (p: DashboardPlan) => (p.department === "" ? none : p.department);
    const departments = [...new Set(rows.map(dept))].sort((a, b) => a.localeCompare(b, language));
    expect(departments).toContain(none);
    expect(block("department").labels).toEqual(departments);
    DASHBOARD_STATUSES.forEach((s: GoalStatus, k) => {
      expect(column("department", k + 1)).toEqual(departments.map((d) => count((p) => dept(p) === d && p.status === s)));
    });
    expect(column("department", DASHBOARD_STATUSES.length + 1)).toEqual(departments.map((d) => count((p) => dept(p) === d)));
    expect(block("status").labels).toEqual(DASHBOARD_STATUSES.map((s) => cliText(language, `status.${s}`)));
  });

  test("attainment bands and running plans ending within 30 days", () => {
    const att = (lo: number, hi: number) => count((p) => p.overallAttainment !== null && p.overallAttainment >= lo && p.overallAttainment < hi);
    expect(column("attainment", 1)).toEqual([att(-Infinity, 0.5), att(0.5, 0.7), att(0.7, 0.9), att(0.9, 1), att(1, Infinity), count((p) => p.overallAttainment === null)]);
    const running = (lo: number, hi: number) => count((p) => p.phase === "running" && p.daysLeft >= lo && p.daysLeft <= hi);
    expect(column("ending", 1)).toEqual([running(0, 7), running(8, 14), running(15, 21), running(22, 30)]);
  });

  test("per quarter: opened, closed, outcomes (recorded, else suggested), mean attainment or #N/A", () => {
    const b = block("quarters");
    b.labels.forEach((q, i) => {
      const r = b.firstRow + i;
      const closed = rows.filter((p) => p.phase === "ended" && quarterOf(p.planEnd) === q);
      const outcome = (o: string) => closed.filter((p) => (p.recordedOutcome ?? p.outcomeSuggestion) === o).length;
      expect([1, 2, 3, 4, 5].map((c) => value(`${columnLetter(c)}${r}`))).toEqual([
        count((p) => quarterOf(p.planStart) === q),
        closed.length,
        outcome("met"),
        outcome("partially-met"),
        outcome("not-met"),
      ]);
      const withData = closed.filter((p) => p.overallAttainment !== null);
      const mean = value(`G${r}`);
      if (withData.length === 0) expect(String((mean as { value?: string }).value ?? mean)).toBe("#N/A");
      else expect(mean as number).toBeCloseTo(withData.reduce((a, p) => a + p.overallAttainment!, 0) / withData.length, 9);
    });
    expect(rows.some((p) => p.recordedOutcome !== null && p.phase === "ended")).toBe(true);
  });

  test("the table's days left and phase, computed from the as-of cell, are the rollup's", () => {
    const col = (key: string) => columnLetter(content.columns.findIndex((c) => c.key === key));
    rows.forEach((p, i) => {
      const r = content.tableHeaderRow + 1 + i;
      expect(value(`${col("daysLeft")}${r}`, content.plansSheet)).toBe(p.daysLeft);
      expect(value(`${col("phase")}${r}`, content.plansSheet)).toBe(dashboardText(language, `phase.${p.phase}`));
    });
  });
});
