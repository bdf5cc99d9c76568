/**
 * Checking the XML parts of an .xlsx against ECMA-376 (ISO/IEC 29500-4 transitional) offline, as
 * ../shared/schemas/ooxml/README.md says: which XSD validates which part (by the root element's namespace), and
 * markup-compatibility processing first (ECMA-376 Part 3: drop what a part declares mc:Ignorable, replace
 * mc:AlternateContent by its mc:Fallback, drop xml:space on SpreadsheetML <t>), because Excel itself writes
 * x14ac:dyDescent, x14 extensions and the like that the transitional schemas do not know.
 *
 * A part that is not well-formed (bytes that are not UTF-8, a character outside XML 1.0's Char production,
 * broken markup) fails before any schema is consulted. Validation runs xmllint-wasm once per schema over all the
 * parts of all the workbooks given, so a test over dozens of files loads each XSD once.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { validateXML } from "xmllint-wasm";
import { SHARED_ROOT, sharedPath } from "./shared";

/** ../shared/schemas/ooxml (sharedPath fails naming it when ../shared is missing). */
export const SCHEMA_DIR = path.join(SHARED_ROOT, "schemas", "ooxml");

/** Root namespace → XSD (the README's table). */
export const SCHEMA_OF_NAMESPACE: Record<string, string> = {
  "http://schemas.openxmlformats.org/package/2006/content-types": "opc-contentTypes.xsd",
  "http://schemas.openxmlformats.org/package/2006/relationships": "opc-relationships.xsd",
  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "opc-coreProperties.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "shared-documentPropertiesExtended.xsd",
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "sml.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/chart": "dml-chart.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": "dml-spreadsheetDrawing.xsd",
};

const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

export interface XmlPart {
  /** The workbook it came from (a label). */
  workbook: string;
  /** Path inside the package, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  bytes: Uint8Array;
}

/** Every XML part (*.xml, *.rels) of an .xlsx package. */
export async function xmlPartsOf(workbook: string, xlsx: Uint8Array): Promise<XmlPart[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts: XmlPart[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/i.test(entry.name)) continue;
    parts.push({ workbook, part: entry.name, bytes: await entry.async("uint8array") });
  }
  return parts.sort((a, b) => a.part.localeCompare(b.part));
}

/** XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function firstNonXmlChar(text: string): { index: number; codePoint: number } | null {
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!ok) return { index, codePoint: cp };
    index += ch.length;
  }
  return null;
}

/** Why the bytes are not a well-formed XML document, or null. */
export function wellFormedProblem(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "not UTF-8";
  }
  const bad = firstNonXmlChar(text);
  if (bad) return `character U+${bad.codePoint.toString(16).toUpperCase().padStart(4, "0")} at offset ${bad.index} is not allowed in XML 1.0`;
  const result = XMLValidator.validate(text);
  return result === true ? null : `${result.err.code}: ${result.err.msg} (line ${result.err.line})`;
}

function split(qname: string): [string, string] {
  const i = qname.indexOf(":");
  return i < 0 ? ["", qname] : [qname.slice(0, i), qname.slice(i + 1)];
}

/** One start, end or empty tag, its attributes kept with their quotes; comments, CDATA and PIs pass through. */
const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/g;

interface Frame {
  scope: Map<string, string>;
  ignorable: Set<string>;
  /** This element and its content are left out (an ignorable namespace, or mc:AlternateContent's other branches). */
  drop: boolean;
  /** The element itself is left out but its content kept (mc:AlternateContent, mc:Fallback). */
  unwrap: boolean;
  /** Inside mc:AlternateContent: its children other than mc:Fallback are dropped. */
  alternate: boolean;
}

/**
 * The part after markup-compatibility processing (ECMA-376 Part 3), as the schema sees it: elements and
 * attributes of the namespaces a part lists in mc:Ignorable are removed with the mc:* attributes,
 * mc:AlternateContent is replaced by the content of its mc:Fallback (or by nothing), and xml:space is removed
 * from SpreadsheetML <t>. One pass over the tags (text is copied as it is), so a large sheet costs little.
 */
export function markupCompatible(xml: string): string {
  // Nothing to process without markup-compatibility markup or xml:space (most relationship and chart parts).
  if (!xml.includes(MC) && !xml.includes("xml:space")) return xml;
  const root: Frame = { scope: new Map([["xml", XML_NS]]), ignorable: new Set(), drop: false, unwrap: false, alternate: false };
  const stack: Frame[] = [root];
  let out = "";
  let last = 0;
  for (const m of xml.matchAll(TAG)) {
    const top = stack[stack.length - 1];
    const index = m.index ?? 0;
    if (!top.drop) out += xml.slice(last, index);
    last = index + m[0].length;
    const [whole, closing, qname, attrText, selfClosing] = m;
    if (qname === undefined) {
      if (!top.drop) out += whole;
      continue;
    }
    if (closing) {
      const frame = stack.pop()!;
      if (!frame.drop && !frame.unwrap) out += whole;
      continue;
    }
    const attrs = [...(attrText ?? "").matchAll(ATTR)].map((a) => ({ name: a[1], quoted: a[2], value: a[2].slice(1, -1) }));
    const scope = new Map(top.scope);
    for (const a of attrs) {
      if (a.name === "xmlns") scope.set("", a.value);
      else if (a.name.startsWith("xmlns:")) scope.set(a.name.slice(6), a.value);
    }
    const ignorable = new Set(top.ignorable);
    for (const a of attrs) {
      const [prefix, local] = split(a.name);
      if (local === "Ignorable" && scope.get(prefix) === MC) {
        for (const p of a.value.split(/\s+/).filter(Boolean)) if (scope.has(p)) ignorable.add(scope.get(p)!);
      }
    }
    const [prefix, local] = split(qname);
    const uri = scope.get(prefix) ?? "";
    const frame: Frame = { scope, ignorable, drop: top.drop, unwrap: false, alternate: false };
    if (!frame.drop) {
      if (top.alternate) {
        // inside mc:AlternateContent only mc:Fallback's content survives
        if (uri === MC && local === "Fallback") frame.unwrap = true;
        else frame.drop = true;
      } else if (uri === MC && local === "AlternateContent") {
        frame.unwrap = true;
        frame.alternate = true;
      } else if (ignorable.has(uri)) {
        frame.drop = true;
      }
    }
    if (!frame.drop && !frame.unwrap) {
      const kept = attrs.filter((a) => {
        if (a.name === "xmlns" || a.name.startsWith("xmlns:")) return true;
        const [aPrefix, aLocal] = split(a.name);
        const aUri = aPrefix === "xml" ? XML_NS : aPrefix ? (scope.get(aPrefix) ?? "") : "";
        const dropSpace = aUri === XML_NS && aLocal === "space" && uri === SML && local === "t";
        return !(aUri === MC || (aPrefix !== "" && ignorable.has(aUri)) || dropSpace);
      });
      out += `<${qname}${kept.map((a) => ` ${a.name}=${a.quoted}`).join("")}${selfClosing ? "/" : ""}>`;
    }
    if (!selfClosing) stack.push(frame);
  }
  if (!stack[stack.length - 1].drop) out += xml.slice(last);
  return out;
}

/** The namespace of the root element. */
export function rootNamespace(xml: string): string | null {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const m = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)([^>]*)>/.exec(body);
  if (!m) return null;
  const prefix = m[1].includes(":") ? m[1].split(":")[0] : "";
  const decl = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*"([^"]*)"`).exec(m[2]);
  return decl ? decl[1] : null;
}

export interface PartProblem {
  workbook: string;
  part: string;
  problem: string;
}

export interface SchemaReport {
  /** Parts checked (well-formedness and schema). */
  checked: number;
  /** Parts per schema file. */
  bySchema: Record<string, number>;
  problems: PartProblem[];
}

let schemaFiles: { fileName: string; contents: string }[] | null = null;
function schemas(): { fileName: string; contents: string }[] {
  schemaFiles ??= readdirSync(sharedPath("schemas/ooxml"))
    .filter((f) => f.endsWith(".xsd"))
    .map((fileName) => ({ fileName, contents: readFileSync(path.join(SCHEMA_DIR, fileName), "utf8") }));
  return schemaFiles;
}

/** Well-formedness, then the schema of each part's root namespace: one xmllint-wasm run per schema. */
export async function validateParts(parts: readonly XmlPart[]): Promise<SchemaReport> {
  const problems: PartProblem[] = [];
  const groups = new Map<string, { fileName: string; contents: string; part: XmlPart }[]>();
  parts.forEach((part, i) => {
    const broken = wellFormedProblem(part.bytes);
    if (broken) {
      problems.push({ workbook: part.workbook, part: part.part, problem: `not well-formed: ${broken}` });
      return;
    }
    const xml = new TextDecoder().decode(part.bytes);
    const ns = rootNamespace(xml);
    const schema = ns ? SCHEMA_OF_NAMESPACE[ns] : undefined;
    if (!schema) {
      problems.push({ workbook: part.workbook, part: part.part, problem: `no schema for root namespace ${ns ?? "(none)"}` });
      return;
    }
    // xmllint names files on its command line: keep the name plain and unique.
    const fileName = `p${i}_${part.part.replace(/[^A-Za-z0-9.]/g, "_")}`;
    const list = groups.get(schema) ?? [];
    list.push({ fileName, contents: markupCompatible(xml), part });
    groups.set(schema, list);
  });
  const bySchema: Record<string, number> = {};
  const all = schemas();
  for (const [schema, docs] of groups) {
    bySchema[schema] = docs.length;
    const entry = all.find((s) => s.fileName === schema)!;
    const result = await validateXML({
      xml: docs.map(({ fileName, contents }) => ({ fileName, contents })),
      schema: [entry],
      preload: all.filter((s) => s !== entry),
      // sheet parts of a large plan are several MB each
      initialMemoryPages: 4096,
      maxMemoryPages: 32768,
    });
    const byFile = new Map(docs.map((d) => [d.fileName, d.part]));
    const withDetails = new Set(result.errors.filter((e) => e.loc).map((e) => e.loc!.fileName));
    for (const e of result.errors) {
      // xmllint ends with "<file> fails to validate" per file: a problem of its own only when nothing else named the file
      const summary = /^(\S+) fails to validate/.exec(e.rawMessage.trim());
      if (summary && withDetails.has(summary[1])) continue;
      const part = e.loc ? byFile.get(e.loc.fileName) : summary ? byFile.get(summary[1]) : undefined;
      problems.push({
        workbook: part?.workbook ?? "?",
        part: part?.part ?? e.loc?.fileName ?? "?",
        problem: `${schema}: ${e.loc ? `line ${e.loc.lineNumber}: ` : ""}${e.message.trim()}`,
      });
    }
    if (!result.valid && result.errors.length === 0) problems.push({ workbook: "?", part: "?", problem: `${schema}: ${result.rawOutput.slice(0, 500)}` });
  }
  return { checked: parts.length, bySchema, problems };
}
