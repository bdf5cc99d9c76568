/**
 * docs/DEPLOY.md: every step says where it comes from — a file of this repository that exists, or a page of
 * Microsoft's documentation (learn.microsoft.com) or an OfficeDev issue — in English and in Chinese alike.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");
const text = readFileSync(path.join(root, "docs", "DEPLOY.md"), "utf8");
const [english, chinese] = text.split(/^## 中文$/m).map((part) => part.split(/^## English$/m).pop()!);

// An address ends at a space, a bracket or punctuation of either language; a trailing full stop is not part of it.
const MICROSOFT = /https:\/\/((?:learn\.microsoft\.com\/[a-z]{2}-[a-z]{2}|github\.com\/OfficeDev|webpack\.js\.org)\/[^\s)（）,，;；、。*]*[^\s)（）,，;；、。*.])/g;
const PRODUCT = /`((?:src|scripts|test|docs|assets)\/[^`\s]+|manifest\.xml|webpack\.config\.js|package\.json)`/g;

/** `### n. Title` sections, each cut into steps: its bold sub-headings (**A. …**) or the whole section. */
function steps(part: string): { section: string; step: string; body: string }[] {
  const out: { section: string; step: string; body: string }[] = [];
  for (const section of part.split(/^### /m).slice(1)) {
    const title = section.split("\n")[0];
    const blocks = section.split(/^(?=\*\*[^*\n]+\*\*[^\n]*[:：]\s*$)/m);
    blocks.forEach((body, i) => {
      // A section's title line alone (its steps are all under bold sub-headings) is not a step.
      if (i === 0 && !/^\s*(\d+\.|-) /m.test(body.split("\n").slice(1).join("\n"))) return;
      out.push({ section: title, step: i === 0 ? title : body.split("\n")[0], body });
    });
  }
  return out;
}

describe("docs/DEPLOY.md", () => {
  test.each([
    ["English", english],
    ["中文", chinese],
  ])("%s: the eight sections 0–7, every step with a source", (_, part) => {
    const found = steps(part);
    const sections = part.split(/^### /m).slice(1).map((sec) => sec.split(".")[0]);
    expect(sections).toEqual(["0", "1", "2", "3", "4", "5", "6", "7"]);
    expect(new Set(found.map((s) => s.section)).size).toBe(8);
    const unsourced = found.filter((s) => s.body.match(MICROSOFT) === null && s.body.match(PRODUCT) === null).map((s) => s.step);
    expect(unsourced).toEqual([]);
  });

  test("every repository file it names exists", () => {
    const named = [...new Set([...text.matchAll(PRODUCT)].map((m) => m[1].replace(/\/$/, "")))];
    expect(named.length).toBeGreaterThan(10);
    // A glob (assets/*.png) names its folder.
    expect(named.filter((file) => !existsSync(path.join(root, file.includes("*") ? path.dirname(file) : file)))).toEqual([]);
  });

  test("both languages cite the same Microsoft pages (en-us and zh-cn of each)", () => {
    const pages = (part: string) => [...new Set([...part.matchAll(MICROSOFT)].map((m) => m[1].replace(/^learn\.microsoft\.com\/[a-z]{2}-[a-z]{2}\//, "learn.microsoft.com/")))].sort();
    expect(pages(english).length).toBeGreaterThanOrEqual(10);
    expect(pages(chinese)).toEqual(pages(english));
    expect([...english.matchAll(MICROSOFT)].filter((m) => m[1].startsWith("learn.")).every((m) => m[1].startsWith("learn.microsoft.com/en-us/"))).toBe(true);
    expect([...chinese.matchAll(MICROSOFT)].filter((m) => m[1].startsWith("learn.")).every((m) => m[1].startsWith("learn.microsoft.com/zh-cn/"))).toBe(true);
  });

  test("the Content-Security-Policy it tells admins to send is the one taskpane.html carries", () => {
    const html = readFileSync(path.join(root, "src", "taskpane", "taskpane.html"), "utf8");
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(policy).toBeDefined();
    expect(english).toContain(`Content-Security-Policy: ${policy}`);
    expect(chinese).toContain(`Content-Security-Policy: ${policy}`);
  });
});
