/**
 * `pipbook calendar plan.xlsx -o plan.ics`: the plan's check-ins, action due dates and end-of-plan review as an
 * iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple Calendar import. The events come from the core
 * (src/core/calendar.ts); ical-generator writes the text (escaping, line folding, CRLF, VALUE=DATE).
 *
 * Attendees are the employee and the manager by name (CN). RFC 5545 §3.3.3 requires an address (a cal-address
 * URI) and the plan holds none: `--employee-email` / `--manager-email` give real ones; without them each name
 * gets an address under `.invalid`, the top-level domain RFC 2606 §2 reserves for names that never resolve, so
 * no calendar can send mail to it. RSVP=FALSE: importing the file invites nobody.
 */
import path from "node:path";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalAttendeeType, ICalCalendarMethod } from "ical-generator";
import { planCalendar, nextDay, type CalendarAttendee, type PlanCalendar } from "../core/calendar";
import type { Language, Plan } from "../core/model";
import { cliText } from "../i18n/cli";
import { EXIT_OK, usageError } from "./errors";
import { writeFileAtomic } from "./files";
import { loadPlanFile } from "./plan-source";
import type { CommandContext } from "./commands";

export interface CalendarOptions {
  /** Language of the event texts (default: the user's). */
  language: Language;
  employeeEmail?: string;
  managerEmail?: string;
  /** DTSTAMP, the moment the file is written: the CLI's only clock (today, 00:00 UTC). */
  stamp: string;
}

function attendeeAddress(attendee: CalendarAttendee, options: CalendarOptions): string {
  const given = attendee.role === "employee" ? options.employeeEmail : options.managerEmail;
  return given && given.trim() !== "" ? given.trim() : `${attendee.role}@pipbook.invalid`;
}

/** The .ics text of a plan's calendar (CRLF lines, folded at 75 octets by ical-generator). */
export function calendarIcs(plan: Plan, options: CalendarOptions): { ics: string; calendar: PlanCalendar } {
  const calendar = planCalendar(plan, options.language);
  const cal = ical({
    name: calendar.name,
    prodId: { company: "PIPbook", product: "pipbook", language: options.language === "zh-CN" ? "ZH" : "EN" },
    // PUBLISH: a calendar to import, not a meeting request (RFC 5546 §3.2.1).
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const event of calendar.events) {
    cal.createEvent({
      id: event.uid,
      // A date-only string is read as UTC midnight and written with UTC getters for an all-day event, so the
      // VALUE=DATE is the plan's date in every time zone (test/cli/calendar.test.ts runs it in two).
      start: event.date,
      end: nextDay(event.date),
      allDay: true,
      stamp: options.stamp,
      summary: event.summary,
      description: event.description,
      attendees: event.attendees.map((a) => ({
        name: a.name,
        email: attendeeAddress(a, options),
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        type: ICalAttendeeType.INDIVIDUAL,
        rsvp: false,
      })),
    });
  }
  return { ics: cal.toString(), calendar };
}

export async function runCalendar(
  context: CommandContext,
  file: string,
  options: { output: string; employeeEmail?: string; managerEmail?: string },
): Promise<number> {
  if (path.extname(options.output).toLowerCase() !== ".ics") throw usageError("usage.outputNotIcs", { file: options.output });
  const loaded = await loadPlanFile(file);
  if (loaded.plan === null) {
    for (const f of loaded.findings) context.io.stderr(`pipbook: ${f.message[context.language]}\n`);
    return 1;
  }
  const { ics, calendar } = calendarIcs(loaded.plan, {
    language: context.language,
    employeeEmail: options.employeeEmail,
    managerEmail: options.managerEmail,
    stamp: `${context.io.today()}T00:00:00Z`,
  });
  await writeFileAtomic(options.output, new TextEncoder().encode(ics));
  const count = (kind: string) => calendar.events.filter((e) => e.kind === kind).length;
  for (const id of calendar.skippedActions) context.io.stderr(`pipbook: ${cliText(context.language, "calendar.actionSkipped", { file, id })}\n`);
  context.io.stdout(
    `${cliText(context.language, "calendar.done", { file: options.output, events: calendar.events.length, checkIns: count("check-in"), actions: count("action") })}\n`,
  );
  return EXIT_OK;
}
