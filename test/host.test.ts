/** @jest-environment jsdom */
import { detectHost } from "../src/host";

/**
 * OfficeStandIn: a stand-in for the `Office` global, with only what host detection touches.
 * `requirementSets` plays the host's supported sets; isSetSupported compares versions numerically as Office does.
 */
function officeStandIn(options: {
  host: string | null;
  platform: string | null;
  displayLanguage?: string;
  requirementSets?: Record<string, string>;
  isSetSupportedThrows?: boolean;
}) {
  const atLeast = (have: string, want: string) => {
    const [h, w] = [have.split(".").map(Number), want.split(".").map(Number)];
    for (let i = 0; i < Math.max(h.length, w.length); i++) {
      if ((h[i] ?? 0) !== (w[i] ?? 0)) return (h[i] ?? 0) > (w[i] ?? 0);
    }
    return true;
  };
  return {
    onReady: () => Promise.resolve({ host: options.host, platform: options.platform }),
    context: {
      displayLanguage: options.displayLanguage ?? "en-US",
      requirements: {
        isSetSupported(name: string, version: string) {
          if (options.isSetSupportedThrows) throw new Error("host without requirement API");
          const have = options.requirementSets?.[name];
          return have !== undefined && atLeast(have, version);
        },
      },
    },
  };
}

const globals = globalThis as { Office?: unknown };

afterEach(() => {
  delete globals.Office;
  jest.restoreAllMocks();
});

describe("detectHost", () => {
  test("outside Office (no Office global) resolves to not-in-Excel without throwing", async () => {
    expect(globals.Office).toBeUndefined();
    const host = await detectHost();
    expect(host.inExcel).toBe(false);
    expect(host.platform).toBeNull();
    expect(host.supports("ExcelApi", "1.1")).toBe(false);
  });

  test("outside Office the display language is the browser's", async () => {
    jest.spyOn(window.navigator, "language", "get").mockReturnValue("zh-CN");
    expect((await detectHost()).displayLanguage).toBe("zh-CN");
  });

  test("office.js loaded in a plain browser (onReady host null) is not Excel", async () => {
    globals.Office = officeStandIn({ host: null, platform: null, requirementSets: { ExcelApi: "1.9" } });
    const host = await detectHost();
    expect(host.inExcel).toBe(false);
    expect(host.platform).toBeNull();
    expect(host.supports("ExcelApi", "1.9")).toBe(false);
  });

  test("inside Excel: host, platform, Office display language and requirement sets", async () => {
    globals.Office = officeStandIn({
      host: "Excel",
      platform: "OfficeOnline",
      displayLanguage: "zh-CN",
      requirementSets: { ExcelApi: "1.12" },
    });
    const host = await detectHost();
    expect(host.inExcel).toBe(true);
    expect(host.platform).toBe("OfficeOnline");
    expect(host.displayLanguage).toBe("zh-CN");
    expect(host.supports("ExcelApi", "1.9")).toBe(true);
    expect(host.supports("ExcelApi", "1.12")).toBe(true);
    expect(host.supports("ExcelApi", "1.13")).toBe(false);
    expect(host.supports("WordApi", "1.1")).toBe(false);
  });

  test("another Office host (Word) is not Excel but keeps its platform", async () => {
    globals.Office = officeStandIn({ host: "Word", platform: "PC" });
    const host = await detectHost();
    expect(host.inExcel).toBe(false);
    expect(host.platform).toBe("PC");
  });

  test("a host whose isSetSupported throws reports the set as unsupported", async () => {
    globals.Office = officeStandIn({ host: "Excel", platform: "Mac", isSetSupportedThrows: true });
    const host = await detectHost();
    expect(host.inExcel).toBe(true);
    expect(host.supports("ExcelApi", "1.9")).toBe(false);
  });
});
