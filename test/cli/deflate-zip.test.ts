/**
 * The package writer's DEFLATE (src/cli/xlsx/deflate-zip.ts) keeps the compressed bytes of parts it has seen, for
 * `pipbook batch`, whose workbooks share most parts. Read back by JSZip, which we did not write.
 */
import { createHash } from "node:crypto";
import zlib from "node:zlib";
import JSZip from "jszip";
import { deflateZip } from "../../src/cli/xlsx/deflate-zip";

async function packageOf(parts: Record<string, Uint8Array | string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(parts)) zip.file(name, data);
  return deflateZip(zip);
}

async function partsOf(bytes: Uint8Array): Promise<Record<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, Uint8Array> = {};
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out[name] = await entry.async("uint8array");
  return out;
}

/** Two different 16-byte strings with the same CRC-32 (and so the same length and CRC: the lookup's first key). */
function crcTwins(): [Buffer, Buffer] {
  const seen = new Map<number, Buffer>();
  for (let i = 0; i < 1_000_000; i++) {
    const bytes = createHash("sha256").update(String(i)).digest().subarray(0, 16);
    const crc = zlib.crc32(bytes);
    const other = seen.get(crc);
    if (other && !other.equals(bytes)) return [other, bytes];
    seen.set(crc, bytes);
  }
  throw new Error("no CRC-32 collision found");
}

describe("deflateZip's kept parts", () => {
  it("compresses a part seen before only once, giving the same bytes, which read back as the part", async () => {
    const sheet = `<worksheet>${"<row><c><v>1</v></c></row>".repeat(2000)}</worksheet>`;
    const deflate = jest.spyOn(zlib, "deflateRawSync");
    const first = await packageOf({ "xl/worksheets/sheet1.xml": sheet, "xl/styles.xml": "<styleSheet/>" });
    const calls = deflate.mock.calls.length;
    const again = await packageOf({ "xl/worksheets/sheet1.xml": sheet, "xl/styles.xml": "<styleSheet/>" });
    expect(calls).toBe(2);
    expect(deflate.mock.calls.length).toBe(calls);
    deflate.mockRestore();
    const parts = await partsOf(again);
    expect(Buffer.from(parts["xl/worksheets/sheet1.xml"]!).toString("utf8")).toBe(sheet);
    // the ZIP's local headers carry the parts' dates (two seconds' resolution), so compare the compressed parts
    const packed = (bytes: Uint8Array) => Buffer.from(bytes).subarray(30 + "xl/worksheets/sheet1.xml".length);
    expect(packed(again).subarray(0, 200).equals(packed(first).subarray(0, 200))).toBe(true);
    expect(again.byteLength).toBe(first.byteLength);
  });

  it("never hands one part another's bytes when their CRC-32 and length agree", async () => {
    const [a, b] = crcTwins();
    expect(zlib.crc32(a)).toBe(zlib.crc32(b));
    const withA = await partsOf(await packageOf({ "a.bin": a }));
    const withB = await partsOf(await packageOf({ "b.bin": b, "a.bin": a }));
    expect(Buffer.from(withA["a.bin"]!).equals(a)).toBe(true);
    expect(Buffer.from(withB["b.bin"]!).equals(b)).toBe(true);
    expect(Buffer.from(withB["a.bin"]!).equals(a)).toBe(true);
  });

  it("compresses a changed part anew", async () => {
    const one = await partsOf(await packageOf({ "xl/sharedStrings.xml": "<sst><si><t>员工1</t></si></sst>" }));
    const two = await partsOf(await packageOf({ "xl/sharedStrings.xml": "<sst><si><t>员工2</t></si></sst>" }));
    expect(Buffer.from(one["xl/sharedStrings.xml"]!).toString("utf8")).toContain("员工1");
    expect(Buffer.from(two["xl/sharedStrings.xml"]!).toString("utf8")).toContain("员工2");
  });
});
