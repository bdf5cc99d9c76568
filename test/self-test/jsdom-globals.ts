// jsdom has no TextEncoder; the writer measures request bytes with it (Node's, the same WHATWG encoder browsers have).
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? TextEncoder, TextDecoder: globalThis.TextDecoder ?? TextDecoder });
