/**
 * The size of request text: both sides of a batch count it — the add-in's writer against Excel's payload limit
 * (src/excel/write/budget.ts) and the in-memory Excel for its batch statistics — and both count UTF-8 bytes of
 * JSON, as the request carries it. Here because a1 is the one text layer both may import.
 */
/**
 * UTF-8 bytes of `text` (what TextEncoder would give) without building the encoding: a batch's JSON is counted at
 * every sync, and the S plan's save alone is ~240 kB of it. A lone surrogate counts 3 bytes, as U+FFFD does.
 */
export function utf8Length(text: string): number {
  return nodeByteLength ? nodeByteLength(text, "utf8") : countUtf8(text);
}

/**
 * Node's native count where there is one (the CLI, the tests, the bench): Buffer.byteLength counts a lone
 * surrogate as the 3 bytes of U+FFFD, as TextEncoder does (https://nodejs.org/api/buffer.html#static-method-bufferbytelengthstring-encoding).
 * In a browser (the task pane) there is no Buffer and countUtf8 counts.
 */
const nodeBuffer = (globalThis as { Buffer?: { byteLength(text: string, encoding: "utf8"): number } }).Buffer;
const nodeByteLength = nodeBuffer ? (text: string, encoding: "utf8") => nodeBuffer.byteLength(text, encoding) : null;

/** utf8Length counted in JavaScript, one UTF-16 unit at a time (what a browser runs). */
export function countUtf8(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: 2 UTF-16 units, 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

