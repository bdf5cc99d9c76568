/**
 * Helpers for the workbook tests: an in-memory Excel (the stand-in from src/memory-excel, not Excel),
 * optionally with HyperFormula computing the formulas, and plans of a given size.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createMemoryExcel, type MemoryExcel } from "../../src/memory-excel";
import { parsePlanJson } from "../../src/core/plan-file";
import { HyperFormulaEngine } from "../../src/memory-excel/hyperformula-engine";
import type { Plan } from "../../src/core/model";
import type { ExcelRun } from "../../src/excel/office-port";

export function memoryExcel(withFormulas = true): { excel: MemoryExcel; run: ExcelRun } {
  const excel = createMemoryExcel({ engine: withFormulas ? new HyperFormulaEngine() : null });
  return { excel, run: (batch) => excel.run(batch) };
}

const MS_PER_DAY = 86_400_000;
const iso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const dayOf = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / MS_PER_DAY;

/**
 * A valid plan of a given size (deterministic): `goals` goals with weights summing to 1, `actions` actions spread
 * over them, `tracking` check-ins spread over the window, Chinese and formula-like text included.
 */
export function sizedPlan(goals: number, actions: number, tracking: number, language: Plan["header"]["language"] = "zh-CN"): Plan {
  const start = "2024-01-01";
  const end = "2024-12-31";
  const span = dayOf(end) - dayOf(start) + 1;
  const ids = Array.from({ length: goals }, (_, i) => `G${i + 1}`);
  const base = Math.floor(100 / goals);
  const weights = ids.map((_, i) => (i === 0 ? 100 - base * (goals - 1) : base) / 100);
  return {
    schemaVersion: 1,
    header: {
      title: "2024 年度绩效改进计划",
      employeeName: "李娜",
      employeeId: "E1024",
      department: "华东销售部",
      position: "销售代表",
      manager: "王强",
      hrPartner: "陈敏",
      planStart: start,
      planEnd: end,
      cadence: "weekly",
      scenario: "post-review",
      language,
    },
    gaps: [{ metric: "季度销售额", period: "2023 Q4", target: 50, actual: 32, unit: "万元", direction: "increase", benchmark: null, description: "Q1 销售目标 50 万元，实际完成 32 万元" }],
    goals: ids.map((id, i) => ({
      id,
      title: `目标 ${i + 1}：销售额提升至 ${45 + i} 万元`,
      metric: "销售额",
      unit: i % 3 === 1 ? "%" : "万元",
      baseline: i % 3 === 1 ? 0.05 : 32 + i,
      target: i % 3 === 1 ? 0.03 : 45 + i,
      direction: i % 3 === 1 ? "decrease" : "increase",
      aggregation: (["sum", "average", "latest"] as const)[i % 3],
      weight: weights[i],
      dueDate: end,
      method: i % 4 === 3 ? "progress" : "ratio",
    })),
    causes: ids.map((id, i) => ({
      id: `C${i + 1}`, goalId: id, factor: i % 2 ? "external" : "personal", category: "method",
      description: "谈判中未抓住客户核心需求", why: "产品知识不足", what: "需求识别", where: "客户谈判", when: "Q1", who: "李娜", how: "缺少提问清单", howMuch: "3 个客户",
    })),
    actions: Array.from({ length: actions }, (_, k) => ({
      id: `A${k + 1}`, goalId: ids[k % goals], causeId: `C${(k % goals) + 1}`, measure: k % 7 === 0 ? "=每周 2 小时产品培训" : "每日整理 3 个客户高频问题",
      owner: "李娜", ownerRole: "employee", start: iso(dayOf(start) + (k % 30)), end: iso(dayOf(start) + 30 + (k % 300)),
      completionCriterion: "经理审核通过", resources: "HR 培训", status: (["not-started", "in-progress", "done", "cancelled"] as const)[k % 4],
    })),
    resources: [{ what: "产品培训", provider: "HR", due: "2024-01-15", delivered: true }],
    responsibilities: [
      { role: "employee", name: "李娜", duties: "执行改进措施" },
      { role: "manager", name: "王强", duties: "指导与监督" },
    ],
    signOff: [
      { role: "employee", name: "李娜", date: "2023-12-28", comment: "" },
      { role: "manager", name: "王强", date: "2023-12-28", comment: "承诺提供资源与监督" },
    ],
    tracking: Array.from({ length: tracking }, (_, k) => ({
      date: iso(dayOf(start) + Math.floor((k * span) / Math.max(1, tracking))),
      goalId: ids[k % goals],
      actual: ((k * 7919) % 1000) / 100,
      note: k % 5 === 0 ? "+86 电话回访" : "完成 3 个客户问题清单",
      coachFeedback: k % 3 === 0 ? "@王强 请审核" : "",
      enteredBy: "王强",
    })),
    adjustments: [{ date: "2024-06-01", change: "延长培训至 7 月", reason: "培训效果不足", approvedBy: "王强" }],
    evaluation: { date: null, outcome: null, decision: null, measuresToStandardise: "", reasons: "", extensionEnd: null, notes: "" },
    thresholds: { onTrack: 0.9, atRisk: 0.7, met: 1, partiallyMet: 0.8 },
  };
}

/** DOMAIN.md's worked example (examples/sales-q2-2024.plan.json), written in `language`. */
export function examplePlan(language: Plan["header"]["language"] = "zh-CN"): Plan {
  const parsed = parsePlanJson(readFileSync(path.join(__dirname, "../../examples/sales-q2-2024.plan.json"), "utf8"));
  if (!parsed.ok) throw new Error("examples/sales-q2-2024.plan.json does not parse");
  return { ...parsed.plan, header: { ...parsed.plan.header, language } };
}
