/**
 * The `pipbook` command: generate, batch, validate, analyze, rollup.
 *
 * Exit codes: 0 ok; 1 the command ran and found a problem (validation errors, failed rows, unreadable input);
 * 2 usage error (unknown option, missing argument, bad option value). Errors print one line in the user's
 * language; a stack trace only with --debug.
 */
import { Command, CommanderError, Option } from "commander";
import type { Language } from "../core/model";
import { cliText, type CliMessageKey } from "../i18n/cli";
import { CliError, errorJson, EXIT_FAILED, EXIT_OK, EXIT_USAGE, reasonOf, usageError } from "./errors";
import { languageFromArgv, languageNamed } from "./language";
import { runAnalyze, runBatchCommand, runGenerate, runRollup, runValidate, type CommandContext } from "./commands";
import { runCalendar } from "./calendar";
import { runExport } from "./export";
import { runRepair } from "./repair";
import { runPdf } from "./pdf";
import { isValidIsoDate, parseUserDate } from "../core/dates";
import { version as PACKAGE_VERSION } from "../../package.json";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Today in the user's time zone (ISO); the only clock read of the CLI. */
  today: () => string;
  /** Whether stderr is a terminal (a progress bar) or not (plain lines). */
  stderrIsTty: boolean;
}

export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const USAGE_KEYS: Record<string, CliMessageKey> = {
  "commander.unknownOption": "usage.unknownOption",
  "commander.unknownCommand": "usage.unknownCommand",
  "commander.missingArgument": "usage.missingArgument",
  "commander.optionMissingArgument": "usage.optionMissingArgument",
  "commander.missingMandatoryOptionValue": "usage.missingMandatoryOption",
  "commander.excessArguments": "usage.excessArguments",
  "commander.invalidArgument": "usage.invalidArgument",
};

/** Commander's English message reduced to its detail (the quoted option or argument), for our translation. */
function usageDetail(message: string): string {
  const quoted = message.match(/'[^']*'/g);
  if (quoted) return quoted.join(" ");
  return message.replace(/^error:\s*/, "");
}

function languageOption(language: Language, description: CliMessageKey = "help.lang"): Option {
  return new Option("--lang <language>", cliText(language, description)).argParser((value: string) => {
    const named = languageNamed(value);
    if (named === null) throw usageError("usage.badLang", { value });
    return named;
  });
}

function asOfOption(language: Language): Option {
  // typed as the roster's and the pane's dates are (2024/5/15, 2024年5月15日, 5/15/2024), kept as YYYY-MM-DD
  return new Option("--as-of <date>", cliText(language, "help.asOf")).argParser((value: string) => {
    const iso = isValidIsoDate(value) ? value : parseUserDate(value);
    if (iso === null) throw usageError("usage.badAsOf", { value });
    return iso;
  });
}

/**
 * An attendee address for the calendar: one mailbox, local@domain with a dot in the domain and no spaces, angle
 * brackets or commas (RFC 5322's addr-spec, as mail programs take it) — a typo such as "li.na@corp" or two
 * addresses in one would become an attendee no mail program can invite (found from outside: it was not checked).
 */
function emailAddress(option: string): (value: string) => string {
  return (value) => {
    const address = value.trim();
    if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;".]{2,}$/.test(address)) throw usageError("usage.badEmail", { option, value });
    return address;
  };
}

/** Build the commander program; `language` is used for help texts (known from argv before parsing). */
export function buildProgram(language: Language, io: CliIo, setExit: (code: number) => void): Command {
  const t = (key: CliMessageKey) => cliText(language, key);
  const program = new Command("pipbook");
  program
    .description(t("help.program"))
    .version(PACKAGE_VERSION, "-V, --version", t("help.version"))
    .helpOption("-h, --help", t("help.help"))
    .helpCommand("help [command]", t("help.helpCommand"))
    .option("--debug", t("help.debug"))
    .addOption(languageOption(language))
    .configureHelp({ styleTitle: (title: string) => translateTitle(language, title) })
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // Usage errors are printed by the top-level handler, translated; commander's own line is dropped.
      outputError: () => undefined,
    })
    .exitOverride()
    .showSuggestionAfterError(false);

  const context = (options: { lang?: Language }): CommandContext => ({
    io,
    language: options.lang ?? (program.opts().lang as Language | undefined) ?? language,
    debug: Boolean(program.opts().debug),
  });

  program
    .command("generate")
    .description(t("help.generate"))
    .argument("<plan.json>", t("help.generate.plan"))
    .requiredOption("-o, --output <plan.xlsx>", t("help.generate.output"))
    .option("--replace", t("help.generate.replace"))
    .addOption(languageOption(language, "help.workbookLang"))
    .addOption(asOfOption(language))
    .action(async (planFile: string, options: { output: string; lang?: Language; asOf?: string; replace?: boolean }) => {
      const workbookLanguage = options.lang ?? (program.opts().lang as Language | undefined);
      setExit(await runGenerate(context(options), planFile, { output: options.output, workbookLanguage, asOf: options.asOf, replace: options.replace }));
    });

  program
    .command("batch")
    .description(t("help.batch"))
    .argument("<roster.csv>", t("help.batch.roster"))
    .requiredOption("--template <plan.json>", t("help.batch.template"))
    .requiredOption("-o, --output <folder>", t("help.batch.output"))
    .addOption(languageOption(language, "help.workbookLang"))
    .action(async (roster: string, options: { template: string; output: string; lang?: Language }) => {
      const workbookLanguage = options.lang ?? (program.opts().lang as Language | undefined);
      setExit(await runBatchCommand(context(options), roster, { template: options.template, output: options.output, workbookLanguage }));
    });

  program
    .command("validate")
    .description(t("help.validate"))
    .argument("<plan.json|plan.xlsx>", t("help.validate.file"))
    .option("--json", t("help.json"))
    .addOption(languageOption(language))
    .action(async (file: string, options: { json?: boolean; lang?: Language }) => {
      setExit(await runValidate(context(options), file, options));
    });

  program
    .command("analyze")
    .description(t("help.analyze"))
    .argument("<plan.json|plan.xlsx>", t("help.validate.file"))
    .option("--json", t("help.json"))
    .addOption(asOfOption(language))
    .addOption(languageOption(language))
    .action(async (file: string, options: { json?: boolean; asOf?: string; lang?: Language }) => {
      setExit(await runAnalyze(context(options), file, { json: options.json, asOf: options.asOf ?? io.today() }));
    });

  program
    .command("rollup")
    .description(t("help.rollup"))
    .argument("<folder>", t("help.rollup.folder"))
    .option("-o, --output <summary.xlsx>", t("help.rollup.output"))
    .addOption(asOfOption(language))
    .option("--json", t("help.json"))
    .addOption(languageOption(language))
    .action(async (folder: string, options: { output?: string; asOf?: string; json?: boolean; lang?: Language }) => {
      setExit(await runRollup(context(options), folder, { output: options.output, json: options.json, asOf: options.asOf ?? io.today() }));
    });

  program
    .command("pdf")
    .description(t("help.pdf"))
    .argument("<plan.xlsx|plan.json>", t("help.pdf.file"))
    .requiredOption("-o, --output <plan.pdf>", t("help.pdf.output"))
    .addOption(languageOption(language, "help.workbookLang"))
    .addOption(asOfOption(language))
    .action(async (file: string, options: { output: string; lang?: Language; asOf?: string }) => {
      const workbookLanguage = options.lang ?? (program.opts().lang as Language | undefined);
      setExit(await runPdf(context(options), file, { output: options.output, workbookLanguage, asOf: options.asOf }));
    });

  program
    .command("calendar")
    .description(t("help.calendar"))
    .argument("<plan.xlsx|plan.json>", t("help.validate.file"))
    .requiredOption("-o, --output <plan.ics>", t("help.calendar.output"))
    .addOption(new Option("--employee-email <address>", t("help.calendar.employeeEmail")).argParser(emailAddress("--employee-email")))
    .addOption(new Option("--manager-email <address>", t("help.calendar.managerEmail")).argParser(emailAddress("--manager-email")))
    .addOption(languageOption(language))
    .action(async (file: string, options: { output: string; employeeEmail?: string; managerEmail?: string; lang?: Language }) => {
      setExit(await runCalendar(context(options), file, options));
    });

  program
    .command("export")
    .description(t("help.export"))
    .argument("<plan.xlsx>", t("help.export.file"))
    .requiredOption("--for <audience>", t("help.export.for"))
    .requiredOption("-o, --output <copy.xlsx>", t("help.export.output"))
    .addOption(asOfOption(language))
    .addOption(languageOption(language))
    .action(async (file: string, options: { output: string; for: string; asOf?: string; lang?: Language }) => {
      setExit(await runExport(context(options), file, options));
    });

  program
    .command("repair")
    .description(t("help.repair"))
    .argument("<plan.xlsx>", t("help.repair.file"))
    .addOption(languageOption(language))
    .action(async (file: string, options: { lang?: Language }) => {
      setExit(await runRepair(context(options), file));
    });

  for (const command of program.commands) {
    command
      .helpOption("-h, --help", t("help.help"))
      .configureHelp({ styleTitle: (title: string) => translateTitle(language, title) })
      .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => undefined })
      .exitOverride()
      .showSuggestionAfterError(false);
  }
  return program;
}

function translateTitle(language: Language, title: string): string {
  const key = `help.title.${title}`;
  return key in HELP_TITLES ? cliText(language, key as CliMessageKey) : title;
}

const HELP_TITLES: Record<string, true> = {
  "help.title.Usage:": true,
  "help.title.Options:": true,
  "help.title.Commands:": true,
  "help.title.Arguments:": true,
  "help.title.Global Options:": true,
};

/** Run the CLI on `argv` (without node and script); resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const language = languageFromArgv(argv, io.env);
  const debug = argv.includes("--debug");
  let exitCode = EXIT_OK;
  try {
    const program = buildProgram(language, io, (code) => (exitCode = code));
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    const code = reportError(error, language, io, debug);
    // A script that asked for --json reads stdout: it gets the error there too, as JSON (it got nothing).
    if (argv.includes("--json") && error instanceof CliError) io.stdout(`${JSON.stringify(errorJson(error.key, cliText(language, error.key, error.params), code, error.params))}\n`);
    return code;
  }
}

/** One line on stderr for any error; the exit code that goes with it. */
export function reportError(error: unknown, language: Language, io: CliIo, debug: boolean): number {
  // An argParser's CliError reaches us wrapped by commander as the cause of nothing: it is thrown as is.
  if (error instanceof CliError) {
    io.stderr(`pipbook: ${cliText(language, error.key, error.params)}\n`);
    if (error.exitCode === EXIT_USAGE) io.stderr(`${cliText(language, "usage.hint")}\n`);
    if (debug && error.cause instanceof Error && error.cause.stack) io.stderr(`${error.cause.stack}\n`);
    return error.exitCode;
  }
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT_OK;
    // No command given: commander has printed the help to stderr; that is a usage error.
    if (error.code === "commander.help") return EXIT_USAGE;
    const key = USAGE_KEYS[error.code] ?? "usage.other";
    io.stderr(`pipbook: ${cliText(language, key, { detail: usageDetail(error.message) })}\n${cliText(language, "usage.hint")}\n`);
    return EXIT_USAGE;
  }
  // A JavaScript sentence ("Cannot read properties of undefined") helps nobody but a developer: behind --debug.
  const reason = debug ? reasonOf(error) : cliText(language, "error.unexpected");
  io.stderr(`pipbook: ${cliText(language, "error.internal", { reason })}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT_FAILED;
}

/**
 * A stream whose reader went away (`pipbook … | head`, a script killed on a timeout) fails every write with EPIPE.
 * Such a stream is written no more — never again with the report of its own failure, which is what made pipbook
 * spin — and the command runs on to the exit status it would have had, as a command-line tool does.
 */
function guardedWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", () => {
    closed = true;
  });
  return (text) => {
    if (closed || stream.destroyed || !stream.writable) return;
    try {
      stream.write(text);
    } catch {
      closed = true;
    }
  };
}

/** The process entry (bin/pipbook.cjs runs the bundle of this file). */
export function runFromProcess(): void {
  const io: CliIo = {
    stdout: guardedWriter(process.stdout),
    stderr: guardedWriter(process.stderr),
    env: process.env,
    today: localToday,
    stderrIsTty: Boolean(process.stderr.isTTY),
  };
  const argv = process.argv.slice(2);
  const language = languageFromArgv(argv, process.env);
  const debug = argv.includes("--debug");
  let failing = false;
  const fail = (error: unknown) => {
    // An error raised while reporting an error is not reported again (no loop); the status stays a failure.
    if (failing) {
      process.exitCode = process.exitCode || EXIT_FAILED;
      return;
    }
    failing = true;
    try {
      process.exitCode = reportError(error, language, io, debug);
    } finally {
      failing = false;
    }
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  main(argv, io).then((code) => {
    process.exitCode = code;
  }, fail);
}
