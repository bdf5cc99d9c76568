/**
 * jsdom has no TextEncoder/TextDecoder; the real port (src/excel) measures its requests with them, as browsers and
 * Office's webview provide them. Imported first by the pane tests that run the real port on the in-memory Excel.
 */
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextEncoder, TextDecoder });
