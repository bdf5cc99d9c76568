/**
 * `pipbook calendar plan.xlsx -o plan.ics`: the plan's check-ins, action due dates and end-of-plan review as an
 * iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple Calendar import: the text of src/core/ics.ts
 * (the task pane's calendar button writes the same), the events of src/core/calendar.ts. `--employee-email` /
 * `--manager-email` give the attendees real addresses.
 */
import path from "node:path";
import { calendarIcs } from "../core/ics";
import { cliText } from "../i18n/cli";
import { EXIT_OK, usageError } from "./errors";
import { writeFileAtomic } from "./files";
import { loadPlanFile } from "./plan-source";
import type { CommandContext } from "./commands";

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
