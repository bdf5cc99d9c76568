/** The language of the CLI's output: --lang, else the POSIX locale variables (zh* → zh-CN), else en-US. */
import { LANGUAGES, type Language } from "../core/model";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language a --lang value names: zh-CN or en-US, and as people also write them — zh, zh_CN, zh-Hans, cn, en,
 * en_US, any case (as LANG=zh* already is Chinese). Null for anything else.
 */
export function languageNamed(value: unknown): Language | null {
  if (typeof value !== "string") return null;
  if (isLanguage(value)) return value;
  const v = value.trim().toLowerCase().replace(/_/g, "-");
  if (v === "zh" || v === "cn" || v === "zh-cn" || v.startsWith("zh-hans") || v === "chinese" || v === "中文") return "zh-CN";
  if (v === "en" || v === "en-us" || v === "english") return "en-US";
  return null;
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
    const value = languageNamed(arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined);
    if (value !== null) return value;
  }
  return languageFromEnv(env);
}
