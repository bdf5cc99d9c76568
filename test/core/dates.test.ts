/**
 * src/core/dates.ts against independent computations: Howard Hinnant's days_from_civil for day counts and
 * Sakamoto's method for weekdays (neither uses Date), plus Excel's documented anchors.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { resolve } from "node:path";
import {
  FICTITIOUS_1900_02_29,
  addDays,
  dayToIso,
  isValidIsoDate,
  isoToDay,
  isoToSerial,
  isoWeek,
  isoWeekday,
  serialToIso,
} from "../../src/core/dates";

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 0 = Sunday … 6 = Saturday (Tomohiko Sakamoto). */
function sakamotoWeekday(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const yy = m < 3 ? y - 1 : y;
  return (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + t[m - 1] + d) % 7;
}

function monthLength(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function* calendar(fromYear: number, toYear: number): Generator<[number, number, number]> {
  for (let y = fromYear; y <= toYear; y++) for (let m = 1; m <= 12; m++) for (let d = 1; d <= monthLength(y, m); d++) yield [y, m, d];
}

describe("Excel serials (1900 date system)", () => {
  test("known anchors: 1900-01-01 = 1, 1900-02-28 = 59, 60 is the fictitious 1900-02-29, 1900-03-01 = 61, 2024-04-01 = 45383", () => {
    expect(isoToSerial("1900-01-01")).toBe(1);
    expect(isoToSerial("1900-02-28")).toBe(59);
    expect(FICTITIOUS_1900_02_29).toBe(60);
    expect(serialToIso(60)).toBeNull();
    expect(isoToSerial("1900-02-29")).toBeNull();
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("2024-04-01")).toBe(45383);
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(59)).toBe("1900-02-28");
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(45383)).toBe("2024-04-01");
  });

  test("every day 1900-03-01 … 2100-12-31 maps to days since 1899-12-30 and back", () => {
    const epoch = daysFromCivil(1899, 12, 30);
    let checked = 0;
    const mismatches: string[] = [];
    for (const [y, m, d] of calendar(1900, 2100)) {
      if (y === 1900 && m < 3) continue;
      const date = iso(y, m, d);
      const serial = daysFromCivil(y, m, d) - epoch;
      if (isoToSerial(date) !== serial || serialToIso(serial) !== date) mismatches.push(date);
      checked++;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(daysFromCivil(2101, 1, 1) - daysFromCivil(1900, 3, 1));
  });

  test("1900-01-01 … 1900-02-28 are one below the day count (before the fictitious leap day)", () => {
    const epoch = daysFromCivil(1899, 12, 30);
    for (let d = 1; d <= 59; d++) {
      const [m, dd] = d <= 31 ? [1, d] : [2, d - 31];
      const date = iso(1900, m, dd);
      expect(isoToSerial(date)).toBe(daysFromCivil(1900, m, dd) - epoch - 1);
      expect(serialToIso(d)).toBe(date);
    }
  });

  test("a serial's time of day is dropped; non-serials give null", () => {
    expect(serialToIso(45383.999)).toBe("2024-04-01");
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(-5)).toBeNull();
    expect(serialToIso(Number.NaN)).toBeNull();
    expect(serialToIso(Number.POSITIVE_INFINITY)).toBeNull();
    expect(isoToSerial("1899-12-31")).toBeNull();
    expect(isoToSerial("not a date")).toBeNull();
  });
});

describe("ISO calendar dates", () => {
  test("leap days: 2028-02-29 and 2000-02-29 exist; 2027-02-29, 1900-02-29 and 2100-02-29 do not", () => {
    expect(isValidIsoDate("2028-02-29")).toBe(true);
    expect(isValidIsoDate("2000-02-29")).toBe(true);
    expect(isValidIsoDate("2027-02-29")).toBe(false);
    expect(isValidIsoDate("1900-02-29")).toBe(false);
    expect(isValidIsoDate("2100-02-29")).toBe(false);
  });

  test.each(["2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-4-1", "2024-04-01T00:00", " 2024-04-01", ""])(
    "%p is not a calendar date",
    (text) => expect(isoToDay(text)).toBeNull(),
  );

  test("day numbers equal days_from_civil for every day 1899 … 2101, and dayToIso inverts them", () => {
    const mismatches: string[] = [];
    for (const [y, m, d] of calendar(1899, 2101)) {
      const date = iso(y, m, d);
      const day = daysFromCivil(y, m, d);
      if (isoToDay(date) !== day || dayToIso(day) !== date) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });

  test("years below 100 are not shifted to the 1900s", () => {
    expect(isoToDay("0099-03-01")).toBe(daysFromCivil(99, 3, 1));
    expect(dayToIso(daysFromCivil(99, 3, 1))).toBe("0099-03-01");
  });

  test("addDays crosses month, leap-day and year ends", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
});

describe("ISO weeks", () => {
  test("year-boundary examples: 2026-12-31 is 2026-W53, 2027-01-04 is 2027-W01, 2021-01-03 is 2020-W53", () => {
    expect(isoWeek("2026-12-31")).toEqual({ year: 2026, week: 53 });
    expect(isoWeek("2027-01-04")).toEqual({ year: 2027, week: 1 });
    expect(isoWeek("2021-01-03")).toEqual({ year: 2020, week: 53 });
    expect(isoWeek("2024-04-01")).toEqual({ year: 2024, week: 14 });
  });

  test("weekday and week of every day 1990 … 2040 agree with Sakamoto's weekday and the week-1-Monday rule", () => {
    const mondayOfWeek1 = (y: number) => {
      // week 1 is the week holding January 4th
      const jan4 = daysFromCivil(y, 1, 4);
      return jan4 - ((sakamotoWeekday(y, 1, 4) + 6) % 7);
    };
    const mismatches: string[] = [];
    for (const [y, m, d] of calendar(1990, 2040)) {
      const day = daysFromCivil(y, m, d);
      const weekday = (sakamotoWeekday(y, m, d) + 6) % 7;
      let year = y;
      if (day < mondayOfWeek1(y)) year = y - 1;
      else if (day >= mondayOfWeek1(y + 1)) year = y + 1;
      const week = Math.floor((day - mondayOfWeek1(year)) / 7) + 1;
      const got = isoWeek(iso(y, m, d));
      if (isoWeekday(day) !== weekday || got.year !== year || got.week !== week) mismatches.push(iso(y, m, d));
    }
    expect(mismatches).toEqual([]);
  });
});

describe("no time-zone drift", () => {
  const ZONES = ["Pacific/Kiritimati", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Pago_Pago"];
  const SAMPLE = ["1900-01-01", "1900-02-28", "1900-03-01", "1970-01-01", "2000-02-29", "2021-01-03", "2024-03-10", "2024-04-01", "2024-11-03", "2026-12-31", "2027-01-04", "2028-02-29", "2099-12-31"];
  const script = `
    import { isoToSerial, serialToIso, isoToDay, dayToIso, isoWeek, addDays } from ${JSON.stringify(resolve(__dirname, "../../src/core/dates.ts"))};
    const sample = ${JSON.stringify(SAMPLE)};
    const results = sample.map((d) => {
      const serial = isoToSerial(d);
      return [d, serial, serial === null ? null : serialToIso(serial), isoToDay(d), dayToIso(isoToDay(d)), isoWeek(d), addDays(d, 1)];
    });
    console.log(JSON.stringify({ offset: new Date(2024, 0, 1).getTimezoneOffset(), results }));
  `;

  test("four time zones from UTC+14 to UTC-11 give identical results", async () => {
    const tsxCli = require.resolve("tsx/cli");
    const runs = await Promise.all(
      ZONES.map(async (tz) => {
        const { stdout } = await promisify(execFile)(process.execPath, [tsxCli, "-e", script], { env: { ...process.env, TZ: tz }, encoding: "utf8", timeout: 60_000 });
        return JSON.parse(stdout.trim().split("\n").pop()!) as { offset: number; results: unknown[] };
      }),
    );
    // the children really ran in different zones (+14 h, -8 h, +8 h, -11 h on 2024-01-01)
    expect(runs.map((r) => r.offset)).toEqual([-840, 480, -480, 660]);
    for (const run of runs) expect(run.results).toEqual(runs[0].results);
    const serialOf = Object.fromEntries((runs[0].results as [string, number | null][]).map(([d, s]) => [d, s]));
    expect(serialOf["2024-04-01"]).toBe(45383);
    expect(serialOf["1900-03-01"]).toBe(61);
  }, 120_000);
});
