import fc from "fast-check";
import example from "../../examples/sales-q2-2024.plan.json";
import { planSchema, type Plan } from "../../src/core/model";
import { validatePlan } from "../../src/core/validate";
import { COLUMN_HEADERS } from "../../src/i18n/workbook";
import { hasXmlInvalidChars, toXmlText, toXmlTextDeep, xmlInvalidChars } from "../../src/core/xml-text";

/** XML 1.0 §2.2 Char, written as the allowed ranges (the module under test lists the forbidden ones). */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Code points of a JS string, a lone surrogate counting as its own code unit. */
function codePoints(text: string): number[] {
  return [...text].map((ch) => ch.codePointAt(0)!);
}

describe("text XML cannot hold", () => {
  test("Word's soft line break U+000B and page break U+000C become line feeds; tab, LF and CR stay", () => {
    expect(toXmlText("销售额\u000B提升到 45 万元")).toBe("销售额\n提升到 45 万元");
    expect(toXmlText("a\u000Cb")).toBe("a\nb");
    expect(toXmlText("a\tb\nc\r\nd")).toBe("a\tb\nc\r\nd");
  });

  test("other C0 controls, U+FFFE, U+FFFF and lone surrogates are removed; emoji and CJK are kept", () => {
    expect(toXmlText("\u0000a\u0001\u0008b\u000E\u001Fc\uFFFEd\uFFFF")).toBe("abcd");
    expect(toXmlText("ok 😀 \uD83D end \uDE00")).toBe("ok 😀  end ");
    expect(toXmlText("绩效改进计划 ✓")).toBe("绩效改进计划 ✓");
  });

  test("xmlInvalidChars names each character and its place", () => {
    expect(xmlInvalidChars("a\u000Bb\uFFFE")).toEqual([
      { index: 1, codePoint: "U+000B" },
      { index: 3, codePoint: "U+FFFE" },
    ]);
    expect(xmlInvalidChars("fine\ttext")).toEqual([]);
    expect(hasXmlInvalidChars("x\uD800")).toBe(true);
    expect(hasXmlInvalidChars("x\uD83D\uDE00")).toBe(false);
  });

  test("for any string, the result holds only XML 1.0 characters and valid text is unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const out = toXmlText(text);
        expect(codePoints(out).every(isXmlChar)).toBe(true);
        expect(hasXmlInvalidChars(out)).toBe(false);
        if (codePoints(text).every(isXmlChar)) expect(out).toBe(text);
        expect(hasXmlInvalidChars(text)).toBe(!codePoints(text).every(isXmlChar));
      }),
    );
  });

  test("toXmlTextDeep cleans strings and keys of nested objects and arrays, keeping numbers and dates", () => {
    const when = new Date(0);
    const out = toXmlTextDeep({ "k\u0001": ["a\u000Bb", 3, { t: "\uFFFE" }], when, n: null });
    expect(out).toEqual({ k: ["a\nb", 3, { t: "" }], when, n: null });
    expect(out.when).toBe(when);
  });

  test("toXmlTextDeep copies only what it cleans: a clean value comes back as itself, clean branches are shared", () => {
    const clean = { a: ["x", 1, { b: "y" }], c: { d: "z" } };
    expect(toXmlTextDeep(clean)).toBe(clean);
    const dirty = { a: clean.a, c: { d: "z\u0001" } };
    const out = toXmlTextDeep(dirty);
    expect(out).toEqual({ a: clean.a, c: { d: "z" } });
    expect(out.a).toBe(clean.a);
    expect(dirty.c.d).toBe("z\u0001");
  });
});

describe("TEXT_XML_INVALID_CHAR", () => {
  const base = (): Plan => planSchema.parse(structuredClone(example));

  test("a goal title with Word's U+000B and an action measure with U+FFFE: one warning each, with its place, in both languages", () => {
    const plan = base();
    plan.goals[1].title = "投诉率降至 3%\u000B以下";
    plan.actions[0].measure = "每周培训\uFFFE 2 小时\u0001";
    const found = validatePlan(plan).filter((f) => f.code === "TEXT_XML_INVALID_CHAR");
    expect(found.map((f) => [f.severity, f.location])).toEqual([
      ["warning", { entity: "goals", row: 1, field: "title" }],
      ["warning", { entity: "actions", row: 0, field: "measure" }],
    ]);
    expect(found[0].message["en-US"]).toContain("U+000B");
    expect(found[1].message["en-US"]).toContain("U+FFFE, U+0001");
    expect(found[1].message["zh-CN"]).toContain("U+FFFE, U+0001");
    expect(found[0].message["zh-CN"]).toContain(plan.goals[1].id);
    // the field is named as the sheet's column header names it
    expect(found[0].message["zh-CN"]).toContain(COLUMN_HEADERS["goals.title"]["zh-CN"]);
    expect(found[1].message["en-US"]).toContain(COLUMN_HEADERS["actions.measure"]["en-US"]);
  });

  test("header, sign-off, tracking and evaluation text are checked too; tabs, newlines and emoji are fine", () => {
    const plan = base();
    plan.header.title = "PIP\u0000";
    plan.evaluation.notes = "ok\t\n😀";
    plan.tracking[0].note = "x\uD800";
    const found = validatePlan(plan).filter((f) => f.code === "TEXT_XML_INVALID_CHAR");
    expect(found.map((f) => f.location)).toEqual([
      { entity: "header", field: "title" },
      { entity: "tracking", row: 0, field: "note" },
    ]);
    expect(validatePlan(base()).filter((f) => f.code === "TEXT_XML_INVALID_CHAR")).toEqual([]);
  });
});
