#!/usr/bin/env node
// `npm run package [-- --dist DIR --out DIR]`: dist/ (from `PIPBOOK_BASE_URL=https://… npm run build`) into
// pipbook-<version>.zip = dist/ (the files to host) + manifest.xml (the one to deploy) + INSTALL.txt (what is in the
// zip and what to do with it) + DEPLOY.md (docs/DEPLOY.md, the step-by-step guide). The manifest is validated offline first (scripts/validate-manifest.mjs), and every
// URL in it must lie under one base URL whose files are in dist/. dist/cli (the CLI bundle) is not part of it.
// jszip is a devDependency: packaging follows a build, which needs the devDependencies (webpack) anyway.
// Exit codes: 0 written, 1 refused (invalid manifest, missing file, placeholder URL), 2 could not run.
import { existsSync, readFileSync, readdirSync, statSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateManifest } from "./validate-manifest.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PLACEHOLDER = "https://pipbook.example.com/";
/** A fixed timestamp for every entry, so that the same dist/ gives the same zip. */
const ENTRY_DATE = new Date(Date.UTC(2024, 0, 1));

class Refusal extends Error {
  constructor(message, code = 1) {
    super(message);
    this.code = code;
  }
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : fallback;
}

function filesUnder(dir, prefix = "") {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(path.join(dir, entry.name), relative));
    else out.push(relative);
  }
  return out;
}

/** Every URL the manifest names (DefaultValue / Value attributes and <AppDomain> text), in document order. */
export function manifestUrls(xml) {
  const urls = [];
  for (const m of xml.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)) urls.push(m[1]);
  for (const m of xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)) urls.push(m[1].trim());
  return urls;
}

/** The base URL: the folder of <DefaultSettings><SourceLocation>. */
export function baseUrlOf(xml) {
  const source = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(xml)?.[1];
  if (!source) throw new Refusal("the manifest has no <SourceLocation DefaultValue=…>");
  return source.slice(0, source.lastIndexOf("/") + 1);
}

export function installText({ version, baseUrl, addinId, contents }) {
  return [
    `PIPbook ${version} — 绩效改进计划 Excel add-in`,
    "",
    `Built for: ${baseUrl}`,
    `Add-in Id: ${addinId}`,
    "",
    "1. Copy everything in dist/ to the HTTPS server so that dist/taskpane.html is served at",
    `   ${baseUrl}taskpane.html (the headers it needs: DEPLOY.md in this zip, section 2).`,
    "2. Deploy manifest.xml to your users: Microsoft 365 admin center > Settings > Integrated apps >",
    "   Upload custom apps (DEPLOY.md, section 4). Try it first by uploading it in Excel on the web (section 3).",
    "3. Open a blank workbook, open PIPbook (Home > Improvement plan), then Diagnostics > Run self-test.",
    "",
    "1. 将 dist/ 中的全部文件复制到 HTTPS 服务器，使 dist/taskpane.html 的地址为",
    `   ${baseUrl}taskpane.html（所需响应头见本压缩包中的 DEPLOY.md 第 2 节）。`,
    "2. 在 Microsoft 365 管理中心 > 设置 > 集成应用 > 上传自定义应用 中部署 manifest.xml（DEPLOY.md 第 4 节）。",
    "3. 打开一个空白工作簿，打开 PIPbook（开始 > 绩效改进计划），选择“诊断”>“运行自检”。",
    "",
    "Contents of this zip / 压缩包内容:",
    ...contents.map((file) => `  ${file}`),
    "",
  ].join("\n");
}

export async function packageAddin({ distDir, outDir }) {
  const version = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
  const manifestPath = path.join(distDir, "manifest.xml");
  if (!existsSync(manifestPath)) {
    throw new Refusal(`${path.relative(process.cwd(), manifestPath) || manifestPath} not found: run \`PIPBOOK_BASE_URL=https://… npm run build\` first`);
  }
  const { ran, problems } = await validateManifest(manifestPath);
  if (!ran) throw new Refusal(`manifest not validated: ${problems[0].message}`, 2);
  if (problems.length > 0) {
    throw new Refusal([`dist/manifest.xml is invalid, not packaged:`, ...problems.map((p) => `  line ${p.line ?? "?"}: ${p.message}`)].join("\n"));
  }
  const xml = readFileSync(manifestPath, "utf8");
  const baseUrl = baseUrlOf(xml);
  if (baseUrl === PLACEHOLDER) {
    throw new Refusal(`dist/manifest.xml points at the placeholder ${PLACEHOLDER}: build with PIPBOOK_BASE_URL=https://your.server/path/ npm run build`);
  }
  for (const url of manifestUrls(xml)) {
    if (!url.startsWith(baseUrl)) throw new Refusal(`manifest URL ${url} is not under ${baseUrl}`);
    const file = path.join(distDir, ...decodeURIComponent(new URL(url).pathname.slice(new URL(baseUrl).pathname.length)).split("/"));
    if (!existsSync(file) || !statSync(file).isFile()) throw new Refusal(`manifest URL ${url} names ${path.relative(distDir, file)}, which is not in dist/`);
  }
  const addinId = /<Id>([^<]+)<\/Id>/.exec(xml)?.[1] ?? "?";
  const hosted = filesUnder(distDir).filter((f) => !f.startsWith("cli/"));
  const guide = path.join(repoRoot, "docs", "DEPLOY.md");
  if (!existsSync(guide)) throw new Refusal(`${guide} not found`, 2);
  const contents = ["INSTALL.txt", "DEPLOY.md", "manifest.xml", ...hosted.map((f) => `dist/${f}`)];

  let JSZip;
  try {
    JSZip = (await import("jszip")).default;
  } catch {
    throw new Refusal("jszip is not installed: it is a devDependency, like webpack that builds dist/ — run `npm ci` with the devDependencies", 2);
  }
  const zip = new JSZip();
  zip.file("INSTALL.txt", installText({ version, baseUrl, addinId, contents }), { date: ENTRY_DATE, createFolders: false });
  zip.file("DEPLOY.md", readFileSync(guide), { date: ENTRY_DATE, createFolders: false });
  zip.file("manifest.xml", xml, { date: ENTRY_DATE, createFolders: false });
  for (const f of hosted) zip.file(`dist/${f}`, readFileSync(path.join(distDir, ...f.split("/"))), { date: ENTRY_DATE, createFolders: false });
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `pipbook-${version}.zip`);
  writeFileSync(zipPath, bytes);
  return { zipPath, bytes: bytes.length, files: contents.length, baseUrl };
}

async function main() {
  const args = process.argv.slice(2);
  const distDir = option(args, "--dist", path.join(repoRoot, "dist"));
  const outDir = option(args, "--out", repoRoot);
  const { zipPath, bytes, files, baseUrl } = await packageAddin({ distDir, outDir });
  console.log(`${path.relative(process.cwd(), zipPath) || zipPath}: ${files} files, ${bytes} bytes, for ${baseUrl}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(error instanceof Refusal ? error.code : 2);
    },
  );
}
