import { utf8Length } from "../../src/a1";
import { countUtf8 } from "../../src/a1/utf8";

const encoded = (text: string) => new TextEncoder().encode(text).length;

// utf8Length is Node's Buffer.byteLength here; countUtf8 is what the task pane runs in a browser. Both are checked.
describe.each([
  ["utf8Length (Node's Buffer.byteLength)", utf8Length],
  ["countUtf8 (the browser's count)", countUtf8],
])("%s counts what TextEncoder encodes", (_name, utf8Length) => {
  test.each([
    ["ASCII", '[{"o":"workbook","m":"set","a":["values",[["G1",62]]]}]'],
    ["two-byte (é, ß)", "Évaluation Straße"],
    ["three-byte CJK", "绩效改进计划 · 目标达成率"],
    ["four-byte (surrogate pair)", "𠮷 goal 😀"],
    ["a lone high surrogate", "a\uD800b"],
    ["a lone low surrogate at the end", "ab\uDC00"],
    ["a high surrogate at the end", "ab\uD83D"],
    ["empty", ""],
  ])("%s", (_, text) => {
    expect(utf8Length(text)).toBe(encoded(text));
  });

  test("every code unit 0…0xFFFF alone and after a high surrogate", () => {
    const mismatches: number[] = [];
    for (let code = 0; code <= 0xffff; code += 7) {
      const alone = String.fromCharCode(code);
      const paired = `\uD83D${alone}`;
      if (utf8Length(alone) !== encoded(alone) || utf8Length(paired) !== encoded(paired)) mismatches.push(code);
    }
    expect(mismatches).toEqual([]);
  });
});
