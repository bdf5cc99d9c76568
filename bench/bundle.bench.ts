/**
 * Bundle benchmark: what the task pane ships. Reads dist/taskpane.html (run `npm run build` first; the runner does),
 * takes the <script src> tags it loads initially, and gzips each file at level 9 as a CDN would; every other .js file
 * in dist/ is an on-demand chunk (views loaded when opened) and is listed apart.
 *
 * Alone: `npx tsx bench/bundle.bench.ts`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export interface ChunkRow {
  file: string;
  initial: boolean;
  rawBytes: number;
  gzipBytes: number;
}

export interface BundleResult {
  chunks: ChunkRow[];
  initialGzipBytes: number;
  initialRawBytes: number;
  /**
   * taskpane.html itself, gzip: it holds the light theme's CSS variables (written at build time instead of computed
   * in the first scripts, webpack.config.js themeCss), so it is reported beside the scripts.
   */
  htmlGzipBytes: number;
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export function initialScripts(html: string): string[] {
  // The production build minifies taskpane.html, so attribute values may be unquoted (<script defer src=a.js>).
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:\/\//.test(src)); // Office.js comes from Microsoft's CDN, not from our bundle
}

export function benchBundle(dist = path.join(ROOT, "dist")): BundleResult {
  const htmlPath = path.join(dist, "taskpane.html");
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} is missing: run npm run build first`);
  const html = readFileSync(htmlPath);
  const initial = new Set(initialScripts(html.toString("utf8")).map((src) => src.replace(/^\.?\//, "")));
  const chunks: ChunkRow[] = readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .map((file) => {
      const bytes = readFileSync(path.join(dist, file));
      return { file, initial: initial.has(file), rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzipBytes - a.gzipBytes);
  const first = chunks.filter((c) => c.initial);
  return {
    chunks,
    initialGzipBytes: first.reduce((s, c) => s + c.gzipBytes, 0),
    initialRawBytes: first.reduce((s, c) => s + c.rawBytes, 0),
    htmlGzipBytes: gzipSync(html, { level: 9 }).length,
  };
}

/** `<link rel="preload" as="script" href=…>` in a (minified) page: scripts fetched before anything asks for them. */
export function preloadedScripts(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\brel=(?:"preload"|'preload'|preload\b)/.test(tag) && /\bas=(?:"script"|'script'|script\b)/.test(tag))
    .map((tag) => /\bhref=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/.exec(tag))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[1] ?? m[2] ?? m[3]);
}

export interface PreviewScripts {
  /** preview.html's scripts and the chunks it preloads: what is fetched and parsed before the first view. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  /** Every other .js file of dist-preview/ (HyperFormula's chunk, the views, the .xlsx code): loaded later. */
  laterRawBytes: number;
}

/** What the preview page fetches before its first view (issue 16: HyperFormula is not among it). */
export function benchPreviewScripts(dist = path.join(ROOT, "dist-preview")): PreviewScripts {
  const htmlPath = path.join(dist, "preview.html");
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} is missing: build the preview first`);
  const html = readFileSync(htmlPath, "utf8");
  const first = new Set([...initialScripts(html), ...preloadedScripts(html)].map((src) => src.replace(/^\.?\//, "")));
  let rawBytes = 0;
  let gzipBytes = 0;
  let laterRawBytes = 0;
  for (const file of readdirSync(dist).filter((f) => f.endsWith(".js"))) {
    const bytes = readFileSync(path.join(dist, file));
    if (first.has(file)) {
      rawBytes += bytes.length;
      gzipBytes += gzipSync(bytes, { level: 9 }).length;
    } else laterRawBytes += bytes.length;
  }
  return { files: [...first], rawBytes, gzipBytes, laterRawBytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const r = benchBundle();
  console.table(r.chunks);
  console.log(`initial scripts: ${r.initialRawBytes} B raw, ${r.initialGzipBytes} B gzip; taskpane.html ${r.htmlGzipBytes} B gzip`);
}
