/**
 * The plan's calendar as iCalendar text (RFC 5545), for `pipbook calendar` and the task pane's calendar button alike.
 * The events come from ./calendar.ts; ical-generator (no dependencies, no I/O: text in, text out) writes the text —
 * escaping, 75-octet line folding, CRLF, `VALUE=DATE` for all-day events. The caller gives the stamp: no clock here.
 *
 * Attendees are the employee and the manager by name (CN). RFC 5545 §3.3.3 requires an address (a cal-address URI)
 * and the plan holds none: the caller may give real ones; without them each name gets an address under `.invalid`,
 * the top-level domain RFC 2606 §2 reserves for names that never resolve, so no calendar can send mail to it.
 * RSVP=FALSE and METHOD:PUBLISH: importing the file invites nobody.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalAttendeeType, ICalCalendarMethod } from "ical-generator";
import { planCalendar, nextDay, type CalendarAttendee, type PlanCalendar } from "./calendar";
import type { Language, Plan } from "./model";

export interface CalendarOptions {
  /** Language of the event texts (default: the user's). */
  language: Language;
  employeeEmail?: string;
  managerEmail?: string;
  /** DTSTAMP (RFC 5545 §3.8.7.2), when the file is written, as an ISO date-time in UTC; given by the caller: no clock here. */
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

