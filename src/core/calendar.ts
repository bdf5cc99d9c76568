/**
 * The plan's calendar, and what is due this week. The calendar: one all-day event per planned check-in (every period of the plan's cadence, docs/FORMULAS.md
 * "Per period"), one per action on its end date, and the end-of-plan review on the plan's last day. Pure: plain
 * values in, plain values out; the iCalendar text is written by src/cli/calendar.ts (ical-generator).
 *
 * Dates stay ISO dates (`YYYY-MM-DD`) — all-day events carry no time and no time zone, so an import anywhere in the
 * world shows the plan's own dates. Each event's UID is built from the plan (employee, plan start) and the event's
 * own key (the period label, the action id), never from the clock: importing the file again updates the events
 * instead of duplicating them (RFC 5545 §3.8.4.7 UID).
 */
import { addDays, isoToDay, isoWeekday, isValidIsoDate } from "./dates";
import { planPeriods } from "./periods";
import type { Language, Plan } from "./model";
import { CALENDAR_TEXT, type CalendarTextId } from "../i18n/calendar";
import { fillTemplate } from "../i18n/evaluation";
import { LIST_LABELS } from "../i18n/workbook";

export type CalendarEventKind = "check-in" | "action" | "review";

export interface CalendarAttendee {
  name: string;
  role: "employee" | "manager";
}

export interface CalendarEvent {
  kind: CalendarEventKind;
  /** Stable across exports of the same plan: `pipbook-<employee>-<planStart>-<kind>-<key>`. */
  uid: string;
  /** The all-day event's day (ISO). */
  date: string;
  summary: string;
  description: string;
  attendees: CalendarAttendee[];
}

export interface PlanCalendar {
  name: string;
  events: CalendarEvent[];
  /** Actions left out because their end date is not a calendar date (validation names them). */
  skippedActions: string[];
}

/** UID text: letters, digits and `.-_` kept; anything else (a Chinese name, a space) percent-encoded per UTF-8 byte. */
function uidPart(text: string): string {
  return encodeURIComponent(text.trim()).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) || "_";
}

/** The calendar of `plan`, in `language`. An invalid plan window gives no check-ins and no review, never a throw. */
export function planCalendar(plan: Plan, language: Language): PlanCalendar {
  const h = plan.header;
  const say = (id: CalendarTextId, params: Record<string, string>) => fillTemplate(CALENDAR_TEXT[id][language], params);
  const employee = String(h.employeeName ?? "");
  const title = String(h.title ?? "");
  const windowValid = isValidIsoDate(h.planStart) && isValidIsoDate(h.planEnd) && isoToDay(h.planStart)! <= isoToDay(h.planEnd)!;
  const planKey = `pipbook-${uidPart(h.employeeId || employee)}-${windowValid ? h.planStart : "_"}`;
  const uid = (kind: CalendarEventKind, key: string) => `${planKey}-${kind}-${uidPart(key)}`;
  const attendees: CalendarAttendee[] = [
    { name: employee, role: "employee" as const },
    { name: String(h.manager ?? ""), role: "manager" as const },
  ].filter((a) => a.name.trim() !== "");

  const events: CalendarEvent[] = [];
  if (windowValid) {
    const cadence = LIST_LABELS.cadence[h.cadence]?.[language] ?? String(h.cadence);
    for (const period of planPeriods(h.planStart, h.planEnd, h.cadence)) {
      // A period may begin before the plan (the ISO week holding planStart): the check-in falls inside the window.
      const start = period.start < h.planStart ? h.planStart : period.start;
      const end = period.end > h.planEnd ? h.planEnd : period.end;
      events.push({
        kind: "check-in",
        uid: uid("check-in", period.label),
        date: start,
        summary: say("checkInSummary", { period: period.label, employee }),
        description: say("checkInDescription", { title, cadence, start, end }),
        attendees,
      });
    }
  }
  const skippedActions: string[] = [];
  for (const action of plan.actions) {
    if (!isValidIsoDate(action.end)) {
      skippedActions.push(String(action.id));
      continue;
    }
    events.push({
      kind: "action",
      uid: uid("action", String(action.id)),
      date: action.end,
      summary: say("actionSummary", { id: String(action.id), measure: String(action.measure ?? "") }),
      description: say("actionDescription", {
        title,
        id: String(action.id),
        start: isValidIsoDate(action.start) ? action.start : "",
        end: action.end,
        owner: String(action.owner ?? ""),
        criterion: String(action.completionCriterion ?? ""),
      }),
      attendees: [],
    });
  }
  if (windowValid) {
    events.push({
      kind: "review",
      uid: uid("review", "end"),
      date: h.planEnd,
      summary: say("reviewSummary", { employee }),
      description: say("reviewDescription", { title, start: h.planStart, end: h.planEnd }),
      attendees,
    });
  }
  return {
    name: say("calendarName", { employee, start: windowValid ? h.planStart : "", end: windowValid ? h.planEnd : "" }),
    events,
    skippedActions,
  };
}

/** The day after `iso`: the exclusive DTEND of a one-day all-day event (RFC 5545 §3.6.1). */
export function nextDay(iso: string): string {
  return addDays(iso, 1);
}

/** What the pane's "Due this week" list shows (issue 17 item 4), as of a date. */
export interface DueThisWeek {
  /** Monday and Sunday of the ISO week holding asOf. */
  weekStart: string;
  weekEnd: string;
  /** The check-in period holding asOf, when no entry is in it yet: due by its end. */
  checkInDue: { label: string; start: string; end: string } | null;
  /** Check-in periods that ended before asOf with no entry (FORMULAS.md "missed"), oldest first. */
  checkInsMissed: { label: string; start: string; end: string }[];
  /** Actions, neither done nor cancelled, whose end date falls in this week (from asOf on). */
  actionsEnding: { id: string; measure: string; end: string }[];
}

/**
 * Due this week as of `asOf`: from the analysis's check-in schedule (as of that date, so a check-in dated later does
 * not count) and the plan's actions. Null for an invalid asOf.
 */
export function dueThisWeek(plan: Plan, schedule: readonly { label: string; start: string; end: string; held: boolean; overdue: boolean }[], asOf: string): DueThisWeek | null {
  const day = isoToDay(asOf);
  if (day === null) return null;
  const monday = addDays(asOf, -isoWeekday(day));
  const sunday = addDays(monday, 6);
  const current = schedule.find((s) => s.start <= asOf && asOf <= s.end && !s.held);
  const closed = new Set(["done", "cancelled"]);
  return {
    weekStart: monday,
    weekEnd: sunday,
    checkInDue: current ? { label: current.label, start: current.start, end: current.end } : null,
    checkInsMissed: schedule.filter((s) => s.overdue).map((s) => ({ label: s.label, start: s.start, end: s.end })),
    actionsEnding: plan.actions
      .filter((a) => isValidIsoDate(a.end) && a.end >= asOf && a.end <= sunday && !closed.has(a.status))
      .map((a) => ({ id: String(a.id), measure: String(a.measure ?? ""), end: a.end })),
  };
}
