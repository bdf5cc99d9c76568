import path from "node:path";
import fs from "node:fs";
import ts from "typescript";

/**
 * The typed layout (ColumnDecl<Row, Key>, ColumnKeys) as tsc sees it: layout-types.check.ts holds declarations
 * that must not compile, each under an `@ts-expect-error`. Compiled as it is, it has no error (every expectation
 * is met); compiled without those comments, tsc reports an error on exactly each of those lines.
 */
const CHECK_FILE = path.resolve(__dirname, "layout-types.check.ts");
const EXPECT = /^\s*\/\/ @ts-expect-error\b.*$/;

/**
 * The second compile differs from the first in the check file only: the files it imports (the layout, the model,
 * TypeScript's lib files) are parsed once and handed to both programs, the last one as TypeScript's oldProgram.
 */
let previous: ts.Program | undefined;
const parsed = new Map<string, ts.SourceFile | undefined>();

function compile(text: string): ts.Diagnostic[] {
  const configPath = path.resolve(__dirname, "../../tsconfig.json");
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(configPath)).options;
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, create) =>
    path.resolve(fileName) === CHECK_FILE
      ? ts.createSourceFile(fileName, text, language)
      : parsed.has(fileName)
        ? parsed.get(fileName)
        : parsed.set(fileName, read(fileName, language, onError, create)).get(fileName);
  const program = ts.createProgram([CHECK_FILE], options, host, previous);
  previous = program;
  return [...ts.getPreEmitDiagnostics(program, program.getSourceFile(CHECK_FILE))];
}

const lineOf = (d: ts.Diagnostic) => (d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1);

describe("the layout typed against the model", () => {
  const source = fs.readFileSync(CHECK_FILE, "utf8");
  const lines = source.split("\n");
  const expected = lines.flatMap((line, i) => (EXPECT.test(line) ? [i + 1] : []));

  test("layout-types.check.ts compiles: every @ts-expect-error there meets an error", () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(compile(source).map((d) => `${lineOf(d) + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`)).toEqual([]);
  }, 60_000);

  test("without the comments, tsc refuses exactly those lines: a field not on the row, a key the table lacks, a formula naming a missing column", () => {
    // Each comment becomes an empty line, so the mistake below it keeps its line number.
    const bare = lines.map((line) => (EXPECT.test(line) ? "" : line)).join("\n");
    const errorLines = [...new Set(compile(bare).map(lineOf))].sort((a, b) => a - b);
    expect(errorLines).toEqual(expected);
  }, 60_000);
});
