import fc from "fast-check";
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
});
