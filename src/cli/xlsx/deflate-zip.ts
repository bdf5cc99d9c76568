/**
 * The .xlsx package of an opened JSZip (or the .xlsx writer's PackageParts), compressed by Node's own zlib (native DEFLATE, level 6 as before) instead
 * of JSZip's pure-JavaScript pako: the same parts, in the same order, with the same names and contents, in a ZIP
 * container as JSZip writes it (APPNOTE.TXT 6.3: local headers, central directory, end record; no ZIP64 — a
 * workbook part and the package stay far below 4 GB; UTF-8 names flagged with bit 11). Profiled on `pipbook batch`:
 * pako was 11 % of a workbook's CPU (docs/PERFORMANCE.md).
 */
import zlib from "node:zlib";
import type { PackageFiles } from "./charts";

function dosTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: (Math.max(0, date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * Parts compressed before, by their bytes: `pipbook batch` writes one template's workbook for every row of a roster,
 * and most of a workbook's parts come out byte for byte the same for each (theme, styles, tables, charts, drawings
 * and the sheets no roster field reaches: 82 % of the example's 234 kB, measured on batch output). DEFLATE of the
 * same bytes at the same level gives the same bytes, so a part seen before is looked up — by its CRC-32 and length,
 * then compared byte for byte — instead of compressed again. Emptied when it holds KEPT_BYTES of parts.
 */
const compressed = new Map<string, { data: Buffer; packed: Buffer }[]>();
const KEPT_BYTES = 16 * 1024 * 1024;
let keptBytes = 0;

function deflated(data: Buffer, crc: number, level: number): Buffer {
  const key = `${level}:${crc}:${data.length}`;
  const known = compressed.get(key)?.find((k) => k.data.equals(data));
  if (known) return known.packed;
  const packed = zlib.deflateRawSync(data, { level });
  if (keptBytes + data.length > KEPT_BYTES) {
    compressed.clear();
    keptBytes = 0;
  }
  if (data.length <= KEPT_BYTES) {
    // A copy: the caller's bytes may be a view of a buffer it reuses.
    const entry = { data: Buffer.from(data), packed };
    const same = compressed.get(key);
    if (same) same.push(entry);
    else compressed.set(key, [entry]);
    keptBytes += data.length;
  }
  return packed;
}

/** The package's bytes, every file DEFLATE-compressed at `level`, folders stored. */
export async function deflateZip(zip: PackageFiles, level = 6): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [name, entry] of Object.entries(zip.files)) {
    const bytes = entry.dir ? null : await entry.async("uint8array");
    // A view of the part's bytes, not a copy (they are the part's own, fresh from JSZip or from TextEncoder).
    const data = bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : Buffer.alloc(0);
    const method = entry.dir ? 0 : 8;
    const crc = entry.dir ? 0 : zlib.crc32(data);
    const packed = entry.dir ? data : deflated(data, crc, level);
    const fileName = Buffer.from(name, "utf8");
    const flags = /[^\x20-\x7e]/.test(name) ? 0x0800 : 0;
    const { time, date } = dosTime(entry.date ?? new Date());
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, fileName, packed);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(fileName.length, 28);
    header.writeUInt32LE(entry.dir ? 0x10 : 0, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, fileName);

    offset += local.length + fileName.length + packed.length;
    count++;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...chunks, directory, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
