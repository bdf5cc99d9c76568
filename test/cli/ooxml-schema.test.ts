/**
 * Every XML part of every workbook pipbook writes is well-formed and valid against ECMA-376 (transitional XSDs
 * in ../shared/schemas/ooxml, after markup-compatibility processing): the example in both languages, 20 seeded
 * random plans, a stress plan (& < > " ' newlines tabs emoji =SUM(A1) U+000B U+FFFE) and a `pipbook batch`.
 */
import { buildCorpus, type CorpusWorkbook } from "./xlsx-corpus";
import { markupCompatible, validateParts, wellFormedProblem, xmlPartsOf, type XmlPart } from "../support/ooxml";

jest.setTimeout(300_000);

let corpus: CorpusWorkbook[];
beforeAll(async () => {
  corpus = await buildCorpus();
});

describe("the checker itself", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const sheet = (body: string, root = "") =>
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ${root}><sheetData>${body}</sheetData></worksheet>`;

  test("a part holding U+000B, U+FFFE or bytes that are not UTF-8 is not well-formed", () => {
    expect(wellFormedProblem(enc(sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\u000Bb</t></is></c></row>")))).toMatch(/U\+000B/);
    expect(wellFormedProblem(enc(sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\uFFFE</t></is></c></row>")))).toMatch(/U\+FFFE/);
    expect(wellFormedProblem(new Uint8Array([0x3c, 0x61, 0xff, 0x3e]))).toBe("not UTF-8");
    expect(wellFormedProblem(enc(sheet("<row>")))).not.toBeNull();
    expect(wellFormedProblem(enc(sheet("")))).toBeNull();
  });

  test("what a part declares ignorable is dropped, anything else unknown fails the schema", async () => {
    const mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"';
    const ignorable = sheet('<row r="1" x14ac:dyDescent="0.25"/>', mc);
    expect(markupCompatible(ignorable)).not.toContain("dyDescent");
    const unknown = sheet('<row r="1" spans="x" bogus="1"/>');
    const parts: XmlPart[] = [
      { workbook: "t", part: "ok.xml", bytes: enc(ignorable) },
      { workbook: "t", part: "bad.xml", bytes: enc(unknown) },
    ];
    const report = await validateParts(parts);
    expect(report.problems.map((p) => p.part)).toEqual(["bad.xml"]);
  });

  test("markup compatibility: mc:AlternateContent becomes its mc:Fallback, ignorable elements go, xml:space leaves <t>", () => {
    const ns = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" mc:Ignorable="x14"';
    const xml = sheet(
      '<row r="1"><mc:AlternateContent><mc:Choice Requires="x14"><x14:foo/></mc:Choice><mc:Fallback><c r="A1"/></mc:Fallback></mc:AlternateContent>' +
        '<x14:bar a="1"><c r="B1"/></x14:bar><c r="C1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b </t></is></c></row>',
      ns,
    );
    const out = markupCompatible(xml);
    expect(out).toContain('<row r="1"><c r="A1"/><c r="C1" t="inlineStr"><is><t> a &amp; b </t></is></c></row>');
    expect(out).not.toMatch(/mc:Ignorable=|x14:|Choice|Fallback/);
  });
});

describe("every part of every workbook pipbook writes is valid ECMA-376", () => {
  test("0 invalid parts over the example (zh-CN, en-US), 20 random plans, the stress plan and a batch", async () => {
    expect(corpus.filter((w) => w.label.startsWith("random")).length).toBe(20);
    expect(corpus.filter((w) => w.label.startsWith("batch")).length).toBeGreaterThanOrEqual(2);
    const parts = (await Promise.all(corpus.map((w) => xmlPartsOf(w.label, w.bytes)))).flat();
    const report = await validateParts(parts);
    expect(report.problems).toEqual([]);
    expect(report.checked).toBe(parts.length);
    // each workbook has at least its sheets, styles, workbook, tables and charts
    for (const schema of ["sml.xsd", "dml-chart.xsd", "dml-spreadsheetDrawing.xsd", "opc-relationships.xsd", "opc-contentTypes.xsd", "dml-main.xsd"]) {
      expect(report.bySchema[schema]).toBeGreaterThanOrEqual(corpus.length);
    }
  });
});
