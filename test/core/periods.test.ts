import { dayToIso, isoToDay } from "../../src/core/dates";
import { civilToDay, dayToYearMonth, periodIndexOf, planPeriods, type Period } from "../../src/core/periods";

const spans = (periods: Period[]) => periods.map((p) => [p.label, p.start, p.end]);

describe("weekly periods: ISO weeks, Monday to Sunday", () => {
  test("Q2 2024 is thirteen whole weeks W14..W26", () => {
    const weeks = planPeriods("2024-04-01", "2024-06-30", "weekly");
    expect(weeks).toHaveLength(13);
    expect(weeks[0]).toEqual({ index: 0, label: "2024-W14", start: "2024-04-01", end: "2024-04-07" });
    expect(weeks[12]).toEqual({ index: 12, label: "2024-W26", start: "2024-06-24", end: "2024-06-30" });
    expect(weeks.map((w) => w.index)).toEqual([...Array(13).keys()]);
  });

  test("a window starting mid-week gets the whole week holding planStart and planEnd", () => {
    // 2024-04-03 is a Wednesday, 2024-04-09 a Tuesday.
    expect(spans(planPeriods("2024-04-03", "2024-04-09", "weekly"))).toEqual([
      ["2024-W14", "2024-04-01", "2024-04-07"],
      ["2024-W15", "2024-04-08", "2024-04-14"],
    ]);
  });

  test("2026 has a week 53 (1 January 2026 is a Thursday), then 2027-W01 starts on 4 January", () => {
    expect(spans(planPeriods("2026-12-24", "2027-01-05", "weekly"))).toEqual([
      ["2026-W52", "2026-12-21", "2026-12-27"],
      ["2026-W53", "2026-12-28", "2027-01-03"],
      ["2027-W01", "2027-01-04", "2027-01-10"],
    ]);
  });

  test("a week belongs to the year of its Thursday: 2024-12-30 starts 2025-W01, 2021-01-03 ends 2020-W53", () => {
    expect(planPeriods("2024-12-30", "2024-12-30", "weekly")[0].label).toBe("2025-W01");
    expect(planPeriods("2021-01-03", "2021-01-03", "weekly")[0]).toEqual({
      index: 0,
      label: "2020-W53",
      start: "2020-12-28",
      end: "2021-01-03",
    });
  });
});

describe("biweekly periods: 14-day blocks anchored at planStart", () => {
  test("blocks start at planStart whatever its weekday; the last reaches past planEnd", () => {
    expect(spans(planPeriods("2024-04-03", "2024-05-01", "biweekly"))).toEqual([
      ["2024-04-03 – 2024-04-16", "2024-04-03", "2024-04-16"],
      ["2024-04-17 – 2024-04-30", "2024-04-17", "2024-04-30"],
      ["2024-05-01 – 2024-05-14", "2024-05-01", "2024-05-14"],
    ]);
  });

  test("a window of exactly 28 days is two blocks; one more day is a third", () => {
    expect(planPeriods("2024-02-01", "2024-02-28", "biweekly")).toHaveLength(2);
    expect(planPeriods("2024-02-01", "2024-02-29", "biweekly")).toHaveLength(3);
  });

  test("a block across the leap day is still 14 days: 2024-02-20 .. 2024-03-04", () => {
    expect(planPeriods("2024-02-20", "2024-02-21", "biweekly")[0].end).toBe("2024-03-04");
    expect(planPeriods("2023-02-20", "2023-02-21", "biweekly")[0].end).toBe("2023-03-05");
  });
});

describe("monthly and quarterly periods: calendar months and quarters", () => {
  test("months across a year end, February of a leap year ends on the 29th", () => {
    expect(spans(planPeriods("2023-12-15", "2024-03-01", "monthly"))).toEqual([
      ["2023-12", "2023-12-01", "2023-12-31"],
      ["2024-01", "2024-01-01", "2024-01-31"],
      ["2024-02", "2024-02-01", "2024-02-29"],
      ["2024-03", "2024-03-01", "2024-03-31"],
    ]);
  });

  test("February ends on the 28th in 2023 and 2100, on the 29th in 2000", () => {
    expect(planPeriods("2023-02-10", "2023-02-10", "monthly")[0].end).toBe("2023-02-28");
    expect(planPeriods("2100-02-10", "2100-02-10", "monthly")[0].end).toBe("2100-02-28");
    expect(planPeriods("2000-02-10", "2000-02-10", "monthly")[0].end).toBe("2000-02-29");
  });

  test("quarters Q4 2023 .. Q1 2025 with their calendar ends", () => {
    expect(spans(planPeriods("2023-11-30", "2025-01-01", "quarterly"))).toEqual([
      ["2023-Q4", "2023-10-01", "2023-12-31"],
      ["2024-Q1", "2024-01-01", "2024-03-31"],
      ["2024-Q2", "2024-04-01", "2024-06-30"],
      ["2024-Q3", "2024-07-01", "2024-09-30"],
      ["2024-Q4", "2024-10-01", "2024-12-31"],
      ["2025-Q1", "2025-01-01", "2025-03-31"],
    ]);
  });

  test("a window on a quarter's last day and the next quarter's first day spans two quarters", () => {
    expect(planPeriods("2024-06-30", "2024-07-01", "quarterly").map((q) => q.label)).toEqual(["2024-Q2", "2024-Q3"]);
  });
});

describe("invalid windows give no periods", () => {
  test.each([
    ["end before start", "2024-05-01", "2024-04-30"],
    ["impossible start date", "2023-02-29", "2023-06-30"],
    ["not a date", "soon", "2024-06-30"],
    ["empty end", "2024-04-01", ""],
  ])("%s", (_name, start, end) => {
    for (const kind of ["weekly", "biweekly", "monthly", "quarterly"] as const) {
      expect(planPeriods(start, end, kind)).toEqual([]);
    }
  });

  test("a one-day window has one period of each kind", () => {
    for (const kind of ["weekly", "biweekly", "monthly", "quarterly"] as const) {
      expect(planPeriods("2024-04-10", "2024-04-10", kind)).toHaveLength(1);
    }
  });
});

describe("periodIndexOf", () => {
  const weeks = planPeriods("2024-04-01", "2024-06-30", "weekly");

  test("finds the week of each day, first and last days included", () => {
    expect(periodIndexOf(weeks, "2024-04-01")).toBe(0);
    expect(periodIndexOf(weeks, "2024-04-07")).toBe(0);
    expect(periodIndexOf(weeks, "2024-04-08")).toBe(1);
    expect(periodIndexOf(weeks, "2024-06-24")).toBe(12);
    expect(periodIndexOf(weeks, "2024-06-30")).toBe(12);
  });

  test("-1 outside every period, for impossible dates and for no periods", () => {
    expect(periodIndexOf(weeks, "2024-03-31")).toBe(-1);
    expect(periodIndexOf(weeks, "2024-07-01")).toBe(-1);
    expect(periodIndexOf(weeks, "2024-02-30")).toBe(-1);
    expect(periodIndexOf(weeks, "2024-4-1")).toBe(-1);
    expect(periodIndexOf([], "2024-04-01")).toBe(-1);
  });

  test("agrees with a scan for every day of a two-year monthly window", () => {
    const months = planPeriods("2023-01-01", "2024-12-31", "monthly");
    for (let day = isoToDay("2022-12-25")!; day <= isoToDay("2025-01-05")!; day++) {
      const iso = dayToIso(day);
      const scanned = months.findIndex((m) => m.start <= iso && iso <= m.end);
      expect(periodIndexOf(months, iso)).toBe(scanned);
    }
  });
});

describe("day arithmetic without Date objects", () => {
  test("civilToDay and dayToYearMonth agree with dates.ts for every day 1899-12-01 .. 2101-03-01", () => {
    const from = isoToDay("1899-12-01")!;
    const to = isoToDay("2101-03-01")!;
    for (let day = from; day <= to; day++) {
      const [y, m, d] = dayToIso(day).split("-").map(Number);
      if (civilToDay(y, m, d) !== day) throw new Error(`civilToDay(${y}, ${m}, ${d}) is not ${day}`);
      const ym = dayToYearMonth(day);
      if (ym.year !== y || ym.month !== m) throw new Error(`dayToYearMonth(${day}) is not ${y}-${m}`);
    }
    expect(civilToDay(1970, 1, 1)).toBe(0);
    expect(civilToDay(2000, 3, 1)).toBe(isoToDay("2000-03-01"));
  });
});
