import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { benchBundle, benchPreviewScripts, initialScripts, preloadedScripts } from "../../bench/bundle.bench";

describe("bundle bench: the scripts taskpane.html loads first", () => {
  test("quoted, single-quoted and unquoted (minified) src attributes are found; the Office.js CDN is not ours", () => {
    const html =
      '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>' +
      '<script defer src=vendor-react.1.js></script><script defer="defer" src="vendor-fluent.2.js"></script>' +
      "<script src='taskpane.3.js'></script><script>inline()</script>";
    expect(initialScripts(html)).toEqual(["vendor-react.1.js", "vendor-fluent.2.js", "taskpane.3.js"]);
  });

  test("initial scripts are summed, other .js files are on demand, and the page itself is measured apart", () => {
    const dist = mkdtempSync(path.join(tmpdir(), "pipbook-bundle-"));
    try {
      const html = `<style>:root{--colorNeutralForeground1:#242424}</style><script defer src=a.js></script><script defer src=b.js></script>`;
      writeFileSync(path.join(dist, "taskpane.html"), html);
      writeFileSync(path.join(dist, "a.js"), "a".repeat(5000));
      writeFileSync(path.join(dist, "b.js"), "console.log('b');".repeat(50));
      writeFileSync(path.join(dist, "lazy.chunk.js"), "x".repeat(100));
      const r = benchBundle(dist);
      const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length;
      expect(r.chunks.filter((c) => c.initial).map((c) => c.file).sort()).toEqual(["a.js", "b.js"]);
      expect(r.chunks.find((c) => c.file === "lazy.chunk.js")?.initial).toBe(false);
      expect(r.initialGzipBytes).toBe(gz("a".repeat(5000)) + gz("console.log('b');".repeat(50)));
      expect(r.initialRawBytes).toBe(5000 + 17 * 50);
      expect(r.htmlGzipBytes).toBe(gz(html));
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  test("the preview: its script and the chunks preview.html preloads count as before the first view, the rest as later", () => {
    const html =
      '<script defer src=preview.1.js></script><link rel=preload as=script href=view-plan.2.chunk.js>' +
      '<link rel="preload" as="script" href="view-tabs.3.chunk.js"><link rel=icon href=data:,><link rel=preload as=style href=x.css>';
    expect(preloadedScripts(html)).toEqual(["view-plan.2.chunk.js", "view-tabs.3.chunk.js"]);
    const dist = mkdtempSync(path.join(tmpdir(), "pipbook-preview-"));
    try {
      writeFileSync(path.join(dist, "preview.html"), html);
      for (const [file, size] of [["preview.1.js", 300], ["view-plan.2.chunk.js", 200], ["view-tabs.3.chunk.js", 100], ["formula-engine.4.chunk.js", 5000]] as const) {
        writeFileSync(path.join(dist, file), "y".repeat(size));
      }
      const r = benchPreviewScripts(dist);
      expect(r.files.sort()).toEqual(["preview.1.js", "view-plan.2.chunk.js", "view-tabs.3.chunk.js"]);
      expect(r.rawBytes).toBe(600);
      expect(r.laterRawBytes).toBe(5000);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
