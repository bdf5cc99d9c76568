/**
 * Text files people hand to the CLI come in the encoding their editor chose: Excel in Chinese saves "CSV" as
 * GB18030/GBK, Excel in Western Europe as Windows-1252, "Unicode text" as UTF-16 LE with a BOM, Notepad as UTF-8
 * with a BOM. The structure decides what it can (BOM, NUL bytes of UTF-16, valid UTF-8); between the legacy
 * single/double-byte encodings chardet (ICU's detectors) decides, helped by a GB2312 check for short files where
 * its statistics are thin.
 */
import chardet from "chardet";
import { at } from "../core/indexed";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "windows-1252" | "big5" | "shift_jis" | "euc-jp" | "euc-kr";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Whether the file started with a byte-order mark (dropped from `text`). */
  bom: boolean;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629), or -1 when all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = at(bytes, i, "byte");
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function utf16Guess(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * Share of the non-ASCII byte pairs that fall in GB2312's region (both bytes 0xA1–0xFE), where every common Chinese
 * character is. Windows-1252 letters are mostly followed by ASCII, so their "pairs" are not there.
 */
function gb2312Share(bytes: Uint8Array): { pairs: number; share: number } {
  let pairs = 0;
  let inRegion = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = at(bytes, i, "byte");
    if (b < 0x80) continue;
    const t = bytes[i + 1];
    pairs++;
    if (b >= 0xa1 && b <= 0xfe && t !== undefined && t >= 0xa1 && t <= 0xfe) inRegion++;
    i++;
  }
  return { pairs, share: pairs === 0 ? 0 : inRegion / pairs };
}

const CHARDET_NAMES: Record<string, TextEncoding> = {
  GB18030: "gb18030",
  "windows-1252": "windows-1252",
  "ISO-8859-1": "windows-1252",
  "ISO-8859-15": "windows-1252",
  Big5: "big5",
  Shift_JIS: "shift_jis",
  "EUC-JP": "euc-jp",
  "EUC-KR": "euc-kr",
};

/** The legacy encoding of bytes that are not UTF-8. */
export function guessLegacyEncoding(bytes: Uint8Array): TextEncoding {
  const gb = gb2312Share(bytes);
  if (gb.pairs >= 2 && gb.share >= 0.9) return "gb18030";
  for (const match of chardet.analyse(bytes)) {
    const name = CHARDET_NAMES[match.name];
    if (name) return name;
  }
  return "windows-1252";
}

/**
 * Windows-1252's 0x80–0x9F (the WHATWG Encoding Standard's index-windows-1252; 0x81, 0x8D, 0x8F, 0x90, 0x9D map to
 * themselves). Node's TextDecoder("windows-1252") decodes these as Latin-1 C1 controls (nodejs/node issue 56542),
 * so ’ “ ” € – would vanish.
 */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

function decodeLegacy(bytes: Uint8Array, encoding: TextEncoding): string {
  return encoding === "windows-1252" ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

/** Decode text of unknown encoding (UTF-8 with or without BOM, UTF-16 LE/BE, GB18030/GBK, Windows-1252, …). */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", bom: true };
  const utf16 = utf16Guess(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false };
  if (firstInvalidUtf8(bytes) === -1) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8", bom: false };
  const encoding = guessLegacyEncoding(bytes);
  return { text: decodeLegacy(bytes, encoding), encoding, bom: false };
}

/** How an encoding is called in the menus people save from. */
export function encodingName(encoding: TextEncoding): string {
  const names: Record<TextEncoding, string> = {
    "utf-8": "UTF-8",
    "utf-16le": "UTF-16 LE",
    "utf-16be": "UTF-16 BE",
    gb18030: "GB18030/GBK",
    "windows-1252": "Windows-1252",
    big5: "Big5",
    shift_jis: "Shift_JIS",
    "euc-jp": "EUC-JP",
    "euc-kr": "EUC-KR",
  };
  return names[encoding];
}
