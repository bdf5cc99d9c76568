/**
 * Cell text as Excel displays it for a number format code (Range.text). Covered: General; digit placeholders
 * 0 # ? with decimals, thousands separators and trailing-comma scaling; percent; scientific (0.00E+00);
 * literal text ("…", \x, $ and other literal characters); up to four sections (positive;negative;zero;text);
 * [Color] and [condition] tags are skipped; dates and times (yyyy yy mmmm mmm mm m dddd ddd dd d hh h mm ss
 * AM/PM, [h]); "@" text. Not covered: fractions (# ?/?), locale tags ([$-804]) beyond skipping them, "*" fill
 * and "_" padding (rendered as a space), elapsed [m]/[s].
 */
import type { EngineError } from "./engine";
import { isEngineError } from "./engine";

export type DisplayValue = number | string | boolean | EngineError | null;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs < 1e11) return String(n);
  if (abs >= 1e11 || abs < 1e-9) {
    for (let digits = 5; digits >= 0; digits--) {
      const [mant = "", exp = "0"] = n.toExponential(digits).split("e");
      const mantissa = mant.includes(".") ? mant.replace(/\.?0+$/, "") : mant;
      const e = Number(exp);
      const text = `${mantissa}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
      if (text.length <= 11) return text;
    }
  }
  for (let precision = 10; precision >= 1; precision--) {
    let text = n.toPrecision(precision);
    if (text.includes("e")) continue;
    if (text.includes(".")) text = text.replace(/\.?0+$/, "");
    if (text.length <= 11) return text;
  }
  return String(n);
}

/** Splits a format code into sections at ";" outside quotes and brackets. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inQuote = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === "\\" && !inQuote) {
      cur += ch + (code[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"') inQuote = !inQuote;
    if (ch === ";" && !inQuote) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

type Piece = { lit: string } | { tok: string };

/** Splits a section into literal text and format tokens; [..] tags dropped except [h]. */
function pieces(section: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < section.length) {
    const ch = section[i] ?? "";
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ lit: section.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === "\\") {
      out.push({ lit: section[i + 1] ?? "" });
      i += 2;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const tag = section.slice(i + 1, end < 0 ? section.length : end);
      if (/^h+$/i.test(tag)) out.push({ tok: "[h]" });
      i = end < 0 ? section.length : end + 1;
    } else if (ch === "_" || ch === "*") {
      out.push({ lit: ch === "_" ? " " : "" });
      i += 2;
    } else {
      out.push({ tok: ch });
      i++;
    }
  }
  return out;
}

function isDateSection(ps: Piece[]): boolean {
  const toks = ps.filter((p): p is { tok: string } => "tok" in p).map((p) => p.tok.toLowerCase()).join("");
  if (/[0#?]/.test(toks)) return false;
  return /[ymdhs]/.test(toks) || toks.includes("[h]");
}

function roundHalfAway(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(n) * Math.round(Math.abs(n) * f + 1e-9)) / f;
}

function formatNumberSection(value: number, ps: Piece[]): string {
  let text = "";
  for (const p of ps) text += "lit" in p ? `\u0000${p.lit}\u0001` : p.tok;
  // Locate the numeric block: the first run of placeholder characters.
  const m = /[0#?][0#?,.]*(E[+-][0#]+)?|\.[0#?]+(E[+-][0#]+)?/i.exec(text);
  let v = value;
  const percents = (text.replace(/\u0000[^\u0001]*\u0001/g, "").match(/%/g) ?? []).length;
  v *= 100 ** percents;
  if (!m) return restore(text);
  let block = m[0];
  let exponent: string | null = null;
  const eIdx = block.search(/E[+-]/i);
  if (eIdx >= 0) {
    exponent = block.slice(eIdx);
    block = block.slice(0, eIdx);
  }
  let scale = 0;
  while (block.endsWith(",")) {
    scale++;
    block = block.slice(0, -1);
  }
  v /= 1000 ** scale;
  const dot = block.indexOf(".");
  const intPart = dot >= 0 ? block.slice(0, dot) : block;
  const decPart = dot >= 0 ? block.slice(dot + 1) : "";
  const decimals = (decPart.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decPart.match(/0/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const thousands = intPart.includes(",");
  let rendered: string;
  if (exponent !== null) {
    const expDigits = (exponent.match(/0/g) ?? []).length;
    const [mant, exp] = Math.abs(v).toExponential(decimals).split("e");
    const e = Number(exp);
    const sign = e < 0 ? "-" : exponent[1] === "+" ? "+" : "";
    rendered = `${mant}E${sign}${String(Math.abs(e)).padStart(expDigits, "0")}`;
  } else {
    const rounded = roundHalfAway(Math.abs(v), decimals);
    let [i = "", d = ""] = rounded.toFixed(decimals).split(".");
    while (d.length > minDecimals && d.endsWith("0")) d = d.slice(0, -1);
    if (i === "0" && minInt === 0) i = "";
    i = i.padStart(minInt, "0");
    if (thousands) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    rendered = i + (dot >= 0 && (d.length > 0 || decPart.length > 0) ? `.${d}` : "");
  }
  return restore(text.slice(0, m.index) + rendered + text.slice(m.index + m[0].length));
}

function restore(text: string): string {
  return text.replace(/\u0000([^\u0001]*)\u0001/g, "$1");
}

/** Serial → calendar parts in Excel's 1900 date system (serial 60 is the fictitious 1900-02-29). */
export function serialToParts(serial: number): { y: number; m: number; d: number; wd: number; hh: number; mi: number; ss: number } {
  let days = Math.floor(serial);
  let secs = Math.round((serial - days) * 86400);
  if (secs >= 86400) {
    days += 1;
    secs -= 86400;
  }
  let y: number;
  let mo: number;
  let d: number;
  if (days === 60) {
    y = 1900;
    mo = 2;
    d = 29;
  } else {
    const date = new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86400000);
    y = date.getUTCFullYear();
    mo = date.getUTCMonth() + 1;
    d = date.getUTCDate();
  }
  const wd = (((days - 1) % 7) + 7) % 7; // serial 1 (1900-01-01) was a Sunday in Excel's calendar
  return { y, m: mo, d, wd, hh: Math.floor(secs / 3600), mi: Math.floor((secs % 3600) / 60), ss: secs % 60 };
}

function formatDateSection(value: number, ps: Piece[]): string {
  const t = serialToParts(value);
  const toks: string[] = [];
  const lits: (string | null)[] = [];
  // Group repeated letters (yyyy, mm, …) into one token.
  for (const p of ps) {
    if ("lit" in p) {
      toks.push("");
      lits.push(p.lit);
      continue;
    }
    const ch = p.tok.toLowerCase();
    const last = toks.length - 1;
    if (last >= 0 && lits[last] === null && /[ymdhs]/.test(ch) && toks[last]?.[0] === ch) toks[last] += ch;
    else {
      toks.push(p.tok === "[h]" ? "[h]" : /[ymdhs]/.test(ch) ? ch : p.tok);
      lits.push(/[ymdhs]/.test(ch) || p.tok === "[h]" ? null : p.tok);
    }
  }
  const joined = ps.map((p) => ("lit" in p ? "" : p.tok)).join("");
  const ampm = /AM\/PM|A\/P/i.test(joined);
  const out: string[] = [];
  for (let k = 0; k < toks.length; k++) {
    const lit = lits[k];
    if (typeof lit === "string") {
      out.push(lit);
      continue;
    }
    const tok = toks[k] ?? "";
    const prevTime = toks.slice(0, k).reverse().find((x, idx) => lits[k - 1 - idx] === null);
    const nextTime = toks.slice(k + 1).find((x, idx) => lits[k + 1 + idx] === null);
    const hour12 = ((t.hh + 11) % 12) + 1;
    switch (tok[0]) {
      case "y":
        out.push(tok.length <= 2 ? String(t.y % 100).padStart(2, "0") : String(t.y));
        break;
      case "m":
        if ((prevTime && prevTime[0] === "h") || (nextTime && nextTime[0] === "s")) {
          out.push(tok.length >= 2 ? String(t.mi).padStart(2, "0") : String(t.mi));
        } else if (tok.length >= 4) out.push((MONTHS[t.m - 1] ?? ""));
        else if (tok.length === 3) out.push((MONTHS[t.m - 1] ?? "").slice(0, 3));
        else out.push(tok.length === 2 ? String(t.m).padStart(2, "0") : String(t.m));
        break;
      case "d":
        if (tok.length >= 4) out.push((DAYS[t.wd] ?? ""));
        else if (tok.length === 3) out.push((DAYS[t.wd] ?? "").slice(0, 3));
        else out.push(tok.length === 2 ? String(t.d).padStart(2, "0") : String(t.d));
        break;
      case "h": {
        const h = ampm ? hour12 : t.hh;
        out.push(tok.length >= 2 ? String(h).padStart(2, "0") : String(h));
        break;
      }
      case "s":
        out.push(tok.length >= 2 ? String(t.ss).padStart(2, "0") : String(t.ss));
        break;
      case "[":
        out.push(String(Math.floor(value * 24)));
        break;
      default:
        out.push(tok);
    }
  }
  let text = out.join("");
  if (ampm) text = text.replace(/AM\/PM/i, t.hh < 12 ? "AM" : "PM").replace(/A\/P/i, t.hh < 12 ? "A" : "P");
  return text;
}

export function formatValue(value: DisplayValue, code: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isEngineError(value)) return value.error;
  const fmt = code ?? "General";
  const secs = sections(fmt);
  if (typeof value === "string") {
    const textSection = secs.length >= 4 ? secs[3] : secs.find((s) => s.includes("@"));
    if (!textSection) return value;
    return pieces(textSection)
      .map((p) => ("lit" in p ? p.lit : p.tok === "@" ? value : p.tok))
      .join("");
  }
  if (!Number.isFinite(value)) return "#NUM!";
  let section = secs[0] ?? "";
  let n = value;
  let sign = "";
  if (secs.length >= 3 && value === 0) section = secs[2] ?? section;
  else if (secs.length >= 2 && value < 0) {
    section = secs[1] ?? section;
    n = Math.abs(value);
  } else if (value < 0) {
    sign = "-";
    n = Math.abs(value);
  }
  const trimmed = section.trim();
  if (trimmed === "" && secs.length > 1) return "";
  if (/^general$/i.test(trimmed) || trimmed === "" || trimmed === "@") return sign + formatGeneral(n);
  const withGeneral = generalWithLiterals(section, n);
  if (withGeneral !== null) return sign + withGeneral;
  const ps = pieces(section);
  if (isDateSection(ps)) {
    if (value < 0) return "#".repeat(11);
    return formatDateSection(value, ps);
  }
  const body = formatNumberSection(n, ps);
  // A value that rounds to zero under the format loses its minus sign, as in Excel ("-0.001" with "0.00" → "0.00").
  if (sign && /^[^1-9]*$/.test(body)) return body;
  return sign + body;
}

/** `General" 万元"` (General with literal text around it, the layout's unit formats): the General number in place. */
function generalWithLiterals(section: string, n: number): string | null {
  let out = "";
  let found = false;
  for (let i = 0; i < section.length; ) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? section.length : end);
      i = end < 0 ? section.length : end + 1;
    } else if (ch === "\\") {
      out += section[i + 1] ?? "";
      i += 2;
    } else if (/^general/i.test(section.slice(i))) {
      out += formatGeneral(n);
      found = true;
      i += 7;
    } else {
      out += ch;
      i += 1;
    }
  }
  return found ? out : null;
}
