/** @jest-environment jsdom */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { sharedPath } from "../support/shared";

const root = path.resolve(__dirname, "..", "..");
const manifestPath = path.join(root, "manifest.xml");
const manifestText = readFileSync(manifestPath, "utf8");
const validator = path.join(root, "scripts", "validate-manifest.mjs");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

const doc = new DOMParser().parseFromString(manifestText, "application/xml");
const all = (ns: string, name: string) => Array.from(doc.getElementsByTagNameNS(ns, name));

const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function scratchManifest(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pipbook-manifest-"));
  scratchDirs.push(dir);
  const file = path.join(dir, "manifest.xml");
  writeFileSync(file, text);
  return file;
}

/** scripts/validate-manifest.mjs on `file`; it needs ../shared's manifest XSDs, so without them this fails naming that path. */
function runValidator(file: string) {
  sharedPath("schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd");
  const run = spawnSync(process.execPath, [validator, file], { encoding: "utf8", cwd: root });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Reads width/height from IHDR and checks that the IDAT stream inflates to exactly the rows IHDR promises. */
function readPng(file: string) {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  let bitDepth = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("ascii", offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[data[9]];
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const rowBytes = Math.ceil((width * channels * bitDepth) / 8);
  return { width, height, pixelsOk: inflateSync(Buffer.concat(idat)).length === height * (1 + rowBytes) };
}

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.getAttributeNS(NS.xsi, "type")).toBe("TaskPaneApp");
  });

  test("validates against the schema-1.1 XSDs (npm run validate:offline)", () => {
    const { status, output } = runValidator(manifestPath);
    expect(output).toContain("valid");
    expect(status).toBe(0);
  });

  test("a copy with <Version>abc</Version> fails, naming the line of the Version element", () => {
    const badText = manifestText.replace(/<Version>[^<]*<\/Version>/, "<Version>abc</Version>");
    const broken = scratchManifest(badText);
    const versionLine = badText.split("\n").findIndex((line) => line.includes("<Version>abc</Version>")) + 1;
    expect(versionLine).toBeGreaterThan(1);

    const { status, output } = runValidator(broken);
    expect(status).toBe(1);
    expect(output).toContain(`manifest.xml:${versionLine}:`);
    expect(output).toContain("abc");
  });

  test("a resid without a matching resource fails, naming its line", () => {
    const badText = manifestText.replace('resid="Taskpane.Url"', 'resid="Taskpane.Missing"');
    const broken = scratchManifest(badText);
    const line = badText.split("\n").findIndex((l) => l.includes("Taskpane.Missing")) + 1;

    const { status, output } = runValidator(broken);
    expect(status).toBe(1);
    expect(output).toContain(`manifest.xml:${line}: resid "Taskpane.Missing"`);
  });

  test("is an Excel (Workbook) add-in requiring ExcelApi 1.14 (Table.resize, 1.13, everywhere)", () => {
    expect(all(NS.app, "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    const sets = all(NS.app, "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(sets).toContainEqual(["ExcelApi", "1.14"]);
  });

  test("has a Home-tab button that shows the task pane at /taskpane.html and a commands page", () => {
    const tab = all(NS.ov, "OfficeTab").find((t) => t.getAttribute("id") === "TabHome");
    expect(tab).toBeDefined();
    const buttons = Array.from(tab!.getElementsByTagNameNS(NS.ov, "Control")).filter(
      (c) => c.getAttributeNS(NS.xsi, "type") === "Button",
    );
    expect(buttons).toHaveLength(1);
    const action = buttons[0].getElementsByTagNameNS(NS.ov, "Action")[0];
    expect(action.getAttributeNS(NS.xsi, "type")).toBe("ShowTaskpane");

    const urlOf = (resid: string | null) =>
      all(NS.bt, "Url").find((u) => u.getAttribute("id") === resid)?.getAttribute("DefaultValue");
    const taskpaneResid = action.getElementsByTagNameNS(NS.ov, "SourceLocation")[0].getAttribute("resid");
    expect(urlOf(taskpaneResid)).toBe("https://localhost:3000/taskpane.html");
    const functionFile = all(NS.ov, "FunctionFile")[0];
    expect(urlOf(functionFile.getAttribute("resid"))).toBe("https://localhost:3000/commands.html");
  });

  test.each([16, 32, 64, 80])("icon-%i.png is referenced and is a real PNG of that pixel size", (size) => {
    expect(manifestText).toContain(`https://localhost:3000/assets/icon-${size}.png`);
    const file = path.join(root, "assets", `icon-${size}.png`);
    expect(existsSync(file)).toBe(true);
    expect(readPng(file)).toEqual({ width: size, height: size, pixelsOk: true });
  });

  test("every icon URL in the manifest points at a file in assets/", () => {
    const urls = manifestText.match(/https:\/\/localhost:3000\/assets\/[^"]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(existsSync(path.join(root, url.replace("https://localhost:3000/", "")))).toBe(true);
  });

  test("DisplayName, Description and every ribbon string have a zh-CN override", () => {
    for (const name of ["DisplayName", "Description"]) {
      const element = doc.documentElement.getElementsByTagNameNS(NS.app, name)[0];
      const zh = Array.from(element.getElementsByTagNameNS(NS.app, "Override")).find(
        (o) => o.getAttribute("Locale") === "zh-CN",
      );
      expect(zh?.getAttribute("Value")).toMatch(/[\u4e00-\u9fff]/);
    }
    const strings = all(NS.bt, "String");
    expect(strings.length).toBeGreaterThanOrEqual(4);
    for (const s of strings) {
      const zh = Array.from(s.getElementsByTagNameNS(NS.bt, "Override")).find((o) => o.getAttribute("Locale") === "zh-CN");
      expect([s.getAttribute("id"), zh?.getAttribute("Value")]).toEqual([s.getAttribute("id"), expect.stringMatching(/[\u4e00-\u9fff]/)]);
    }
  });

  test("every URL in it is under https://localhost:3000/, so a build for any base URL moves them all", () => {
    const urls = [...manifestText.matchAll(/\b(?:DefaultValue|Value)="((?:https?:)?\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(9);
    expect(urls.filter((u) => !u.startsWith("https://localhost:3000/"))).toEqual([]);
  });

  test("SupportUrl and the GetStarted LearnMoreUrl are support.html, a page in assets/ in both languages", () => {
    expect(doc.documentElement.getElementsByTagNameNS(NS.app, "SupportUrl")[0].getAttribute("DefaultValue")).toBe("https://localhost:3000/support.html");
    expect(all(NS.bt, "Url").find((u) => u.getAttribute("id") === "GetStarted.LearnMoreUrl")?.getAttribute("DefaultValue")).toBe("https://localhost:3000/support.html");
    const page = readFileSync(path.join(root, "assets", "support.html"), "utf8");
    expect(page).toContain("Run self-test");
    expect(page).toContain("运行自检");
  });

  test("the ribbon group and button have en-US labels and zh-CN overrides", () => {
    const label = (id: string) => all(NS.bt, "String").find((s) => s.getAttribute("id") === id)!;
    for (const [id, en, zh] of [
      ["PIPbook.Group.Label", "PIPbook", "绩效改进"],
      ["PIPbook.TaskpaneButton.Label", "Improvement plan", "绩效改进计划"],
    ]) {
      expect(label(id).getAttribute("DefaultValue")).toBe(en);
      const override = Array.from(label(id).getElementsByTagNameNS(NS.bt, "Override"));
      expect(override.map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")])).toEqual([["zh-CN", zh]]);
    }
  });

  test("has a GUID Id and defaults to en-US", () => {
    const id = doc.documentElement.getElementsByTagNameNS(NS.app, "Id")[0].textContent;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(id).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143"); // the yo-office template's Id
    expect(doc.documentElement.getElementsByTagNameNS(NS.app, "DefaultLocale")[0].textContent).toBe("en-US");
  });
});
