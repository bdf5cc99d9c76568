#!/usr/bin/env node
// Serves the built preview (dist-preview/) on http://localhost:<port>: plain http, no certificates, no sudo.
// `node src/preview/server.mjs [--port 3001] [--dir dist-preview]`; --port 0 picks a free port. Prints the URL.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/** Starts the server; resolves { server, url } once it listens. */
export async function startPreviewServer({ dir, port = 3001, host = "localhost" }) {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
      if (!file.startsWith(root)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = path.join(file, "preview.html");
      else if (!info && url.pathname === "/") file = path.join(root, "preview.html");
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return { server, url: `http://${host}:${typeof address === "object" && address ? address.port : port}/` };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = arg("dir", path.resolve(here, "../../dist-preview"));
  const port = Number(arg("port", process.env.PIPBOOK_PREVIEW_PORT ?? "3001"));
  try {
    await stat(path.join(dir, "preview.html"));
  } catch {
    console.error(`No preview build in ${dir}. Run: npx webpack --config webpack.preview.js --mode production`);
    process.exit(1);
  }
  const { url } = await startPreviewServer({ dir, port }).catch((error) => {
    console.error(`Could not listen on port ${port}: ${error.message}. Try PIPBOOK_PREVIEW_PORT=3002 npm run preview`);
    process.exit(1);
  });
  console.log(`PIPbook preview: ${url}  (example plan: ${url}?example=sales-q2-2024)  — Ctrl+C stops it`);
}
