/** The language of the CLI's output: --lang, else the POSIX locale variables (zh* → zh-CN), else en-US. */
import { LANGUAGES, type Language } from "../core/model";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The language named by the locale environment (LC_ALL wins over LC_MESSAGES over LANG, as in POSIX). */
export function languageFromEnv(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh-CN" : "en-US";
}

/**
 * The value of --lang in raw argv (`--lang zh-CN` or `--lang=zh-CN`), read before commander parses so that
 * help and usage errors are already in that language. Invalid values are left to commander to reject.
 */
export function languageFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  for (const [i, arg] of argv.entries()) {
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (isLanguage(value)) return value;
  }
  return languageFromEnv(env);
}
