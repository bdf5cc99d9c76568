/**
 * Host detection in one place (script-lab's habit): are we inside Excel, on which platform, in which UI language,
 * and which requirement sets does the host support. Everything else asks this module instead of poking `Office`.
 *
 * Outside Office (the browser preview, tests, or office.js failing to load from the CDN) `Office` may be undefined;
 * then this resolves to "not in Excel" instead of throwing.
 */

export interface HostInfo {
  /** True only when Office.onReady reports the Excel host. */
  inExcel: boolean;
  /** Office.PlatformType as a string ("PC", "Mac", "OfficeOnline", …), null outside Office. */
  platform: string | null;
  /** Office's UI language (e.g. "zh-CN"), else the browser's, else "en-US". */
  displayLanguage: string;
  /** Office.context.requirements.isSetSupported; always false outside Office. */
  supports(set: string, version: string): boolean;
}

const FALLBACK_LANGUAGE = "en-US";

function browserLanguage(): string {
  return typeof navigator !== "undefined" && navigator.language ? navigator.language : FALLBACK_LANGUAGE;
}

function outsideOffice(): HostInfo {
  return { inExcel: false, platform: null, displayLanguage: browserLanguage(), supports: () => false };
}

export async function detectHost(): Promise<HostInfo> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") {
    return outsideOffice();
  }
  const info = await office.onReady();
  if (!info || info.host === null || info.host === undefined) {
    return outsideOffice();
  }
  const context = office.context;
  return {
    inExcel: String(info.host) === "Excel",
    platform: info.platform === null || info.platform === undefined ? null : String(info.platform),
    displayLanguage: context?.displayLanguage || browserLanguage(),
    supports(set: string, version: string): boolean {
      try {
        return context?.requirements?.isSetSupported(set, version) === true;
      } catch {
        return false;
      }
    },
  };
}
