/**
 * What `pipbook rollup` reads of a workbook: its tables, not the rest (issue 16 item 5). A rollup row needs the
 * plan (the PIP tables) and the seal (the PIP_Journal sheet, which holds no table); the derived blocks around the
 * tables — the Evaluation sheet's period and quarter tables, 40 % of a workbook's sheet XML — are formulas the
 * rollup never uses (it computes every number with the core's analyzePlan).
 *
 * So before the add-in's reader sees the package, on every worksheet that holds a table the <row> elements outside
 * all of that sheet's tables are dropped; sheets without a table are kept whole. The package is passed on stored
 * (not compressed): it is read once, in memory. Anything unexpected in the package — a part missing, a table
 * without a ref — leaves the bytes as they were, so the reader sees the file itself and says what it finds.
 */
import JSZip from "jszip";
import { group } from "../core/indexed";

const REL_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";

function resolve(dir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `${dir}/${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? group(m, 1) : null;
}

/** Row span [top, bottom] of an A1 range such as `A3:T25`. */
function rowSpan(ref: string): [number, number] | null {
  const m = /^\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  return [Math.min(a, b), Math.max(a, b)];
}

/** The worksheet XML with only the rows inside `spans` kept. */
export function keepRows(xml: string, spans: readonly [number, number][]): string {
  const keep = (r: number) => spans.some(([top, bottom]) => r >= top && r <= bottom);
  return xml.replace(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g, (row) => {
    const r = Number(attr(row.slice(0, row.indexOf(">") + 1), "r"));
    return Number.isFinite(r) && r > 0 && !keep(r) ? "" : row;
  });
}

/** The package with, on each sheet that holds tables, only the rows of those tables (see above). */
export async function pipTablesOnly(bytes: Uint8Array): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes;
  }
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    const m = /^(xl\/worksheets)\/(sheet[^/]*\.xml)$/.exec(name);
    if (!m) continue;
    const rels = await zip.file(`${m[1]}/_rels/${m[2]}.rels`)?.async("string");
    if (!rels) continue;
    const spans: [number, number][] = [];
    for (const rel of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
      if (attr(rel, "Type") !== REL_TABLE) continue;
      const target = attr(rel, "Target");
      const table = target ? await zip.file(resolve(group(m, 1), target))?.async("string") : undefined;
      const ref = table ? attr(/<table\b[^>]*>/.exec(table)?.[0] ?? "", "ref") : null;
      const span = ref ? rowSpan(ref) : null;
      if (!span) return bytes;
      spans.push(span);
    }
    if (spans.length === 0) continue;
    const xml = await zip.file(name)!.async("string");
    const kept = keepRows(xml, spans);
    if (kept !== xml) {
      zip.file(name, kept);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "STORE" }) : bytes;
}
