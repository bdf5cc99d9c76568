/**
 * `pipbook calendar`: the .ics is read back by ical.js (Mozilla's iCalendar parser, which we did not write), run
 * as a user runs it (the CLI bundle in a child process), in two time zones far apart.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import { parsePlanJson } from "../../src/core/plan-file";
import { planPeriods } from "../../src/core/periods";
import type { Plan } from "../../src/core/model";
import { planCalendar } from "../../src/core/calendar";
import { EXAMPLE_PLAN, copyOfGeneratedExample, runCli, tempDir } from "./harness";

async function examplePlan(): Promise<Plan> {
  const parsed = parsePlanJson(await fs.readFile(EXAMPLE_PLAN, "utf8"));
  if (!parsed.ok) throw new Error("example plan does not parse");
  return parsed.plan;
}

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  isDate: boolean;
  attendees: { cn: string; address: string }[];
}

/** Parse with ical.js; it throws on text that is not iCalendar. */
function parseIcs(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      isDate: event.startDate.isDate,
      attendees: component.getAllProperties("attendee").map((p) => ({ cn: String(p.getParameter("cn")), address: String(p.getFirstValue()).replace(/^mailto:/i, "mailto:") })),
    };
  });
  return { name: String(calendar.getFirstPropertyValue("x-wr-calname")), events };
}

async function exportCalendar(env: NodeJS.ProcessEnv, extra: string[] = []): Promise<string> {
  const file = path.join(tempDir(), "plan.ics");
  const run = await runCli(["calendar", EXAMPLE_PLAN, "-o", file, ...extra], { env });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return fs.readFile(file, "utf8");
}

describe("pipbook calendar", () => {
  let plan: Plan;
  let la: string;
  let shanghai: string;

  beforeAll(async () => {
    plan = await examplePlan();
    [la, shanghai] = await Promise.all([exportCalendar({ TZ: "America/Los_Angeles" }), exportCalendar({ TZ: "Asia/Shanghai" })]);
  }, 60_000);

  test("ical.js parses it; one event per planned check-in, per action and the end-of-plan review", () => {
    const { events } = parseIcs(la);
    const checkIns = planPeriods(plan.header.planStart, plan.header.planEnd, plan.header.cadence);
    expect(checkIns).toHaveLength(13); // ISO weeks W14 … W26
    expect(events).toHaveLength(checkIns.length + plan.actions.length + 1);
    expect(events.filter((e) => e.summary.startsWith("PIP check-in"))).toHaveLength(13);
    expect(events.filter((e) => e.summary.startsWith("PIP action due"))).toHaveLength(3);
    expect(events.filter((e) => e.summary.startsWith("PIP end-of-plan review"))).toHaveLength(1);
  });

  test("UIDs are unique and the same across two exports (an import again updates, never duplicates)", () => {
    const first = parseIcs(la).events.map((e) => e.uid);
    const second = parseIcs(shanghai).events.map((e) => e.uid);
    expect(new Set(first).size).toBe(first.length);
    expect(second).toEqual(first);
    expect(first).toContain("pipbook-E1024-2024-04-01-action-A1");
  });

  test("all-day dates are the plan's dates in Los Angeles and in Shanghai (no time-zone drift)", () => {
    for (const text of [la, shanghai]) {
      const { events } = parseIcs(text);
      expect(events.every((e) => e.isDate)).toBe(true);
      const byUid = new Map(events.map((e) => [e.uid, e]));
      expect(byUid.get("pipbook-E1024-2024-04-01-check-in-2024-W14")).toMatchObject({ start: "2024-04-01", end: "2024-04-02" });
      expect(byUid.get("pipbook-E1024-2024-04-01-check-in-2024-W26")).toMatchObject({ start: "2024-06-24", end: "2024-06-25" });
      // A1 ends 2024-04-30, A3 2024-04-15; the review is on the plan's last day
      expect(byUid.get("pipbook-E1024-2024-04-01-action-A1")).toMatchObject({ start: "2024-04-30" });
      expect(byUid.get("pipbook-E1024-2024-04-01-action-A3")).toMatchObject({ start: "2024-04-15" });
      expect(byUid.get("pipbook-E1024-2024-04-01-review-end")).toMatchObject({ start: "2024-06-30", end: "2024-07-01" });
    }
  });

  test("check-ins and the review name the employee and the manager as attendees; addresses given are used", async () => {
    const { events } = parseIcs(la);
    const review = events.find((e) => e.uid.endsWith("review-end"))!;
    expect(review.attendees.map((a) => a.cn)).toEqual(["李娜", "王强"]);
    // without addresses: a reserved .invalid domain (RFC 2606), never deliverable
    expect(review.attendees.map((a) => a.address)).toEqual(["mailto:employee@pipbook.invalid", "mailto:manager@pipbook.invalid"]);
    const withMail = parseIcs(await exportCalendar({ TZ: "UTC" }, ["--manager-email", "wang.qiang@example.com"]));
    expect(withMail.events[0].attendees.find((a) => a.cn === "王强")?.address).toBe("mailto:wang.qiang@example.com");
  }, 30_000);

  test("texts in the plan's language or the one asked for", async () => {
    const zh = parseIcs(await exportCalendar({ TZ: "UTC" }, ["--lang", "zh-CN"]));
    expect(zh.events[0].summary).toBe("PIP 跟踪反馈 2024-W14 · 李娜");
    expect(zh.name).toBe("绩效改进计划 · 李娜 · 2024-04-01 – 2024-06-30");
    expect(parseIcs(la).events.at(-1)?.summary).toBe("PIP end-of-plan review · 李娜");
  }, 30_000);

  test("a first ISO week that begins before the plan puts its check-in on the plan's first day", () => {
    const thursdayStart = { ...plan, header: { ...plan.header, planStart: "2024-04-04" } };
    const events = planCalendar(thursdayStart, "en-US").events;
    expect(events[0]).toMatchObject({ kind: "check-in", date: "2024-04-04" });
  });

  test("from the workbook (.xlsx) the same events as from the plan file: the reader's plan, the same UIDs and dates", async () => {
    const dir = tempDir();
    const xlsx = path.join(dir, "plan.xlsx");
    await copyOfGeneratedExample(xlsx);
    const ics = path.join(dir, "from-workbook.ics");
    const run = await runCli(["calendar", xlsx, "-o", ics], { env: { TZ: "Asia/Shanghai" } });
    expect(run.code).toBe(0);
    const fromWorkbook = parseIcs(await fs.readFile(ics, "utf8")).events.map((e) => [e.uid, e.start, e.summary]);
    expect(fromWorkbook).toEqual(parseIcs(la).events.map((e) => [e.uid, e.start, e.summary]));
  }, 60_000);

  test("an attendee address that is not one e-mail address is a usage error naming it (exit 2), and nothing is written", async () => {
    const dir = tempDir();
    for (const bad of ["li.na@corp", "li na@example.com", "a@example.com, b@example.com"]) {
      const ics = path.join(dir, "plan.ics");
      const run = await runCli(["calendar", EXAMPLE_PLAN, "-o", ics, "--employee-email", bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--employee-email "${bad}" is not one e-mail address`);
      await expect(fs.access(ics)).rejects.toThrow();
    }
  }, 60_000);

  test("an output that is not .ics is a usage error (exit 2)", async () => {
    const run = await runCli(["calendar", EXAMPLE_PLAN, "-o", path.join(tempDir(), "plan.txt")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("plan.txt: the output file must end in .ics");
  }, 30_000);
});
