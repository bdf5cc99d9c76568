/**
 * Issue 17's "A copy for the employee" from the pane, in the preview (Chromium, the in-memory Excel — not Excel): on
 * DOMAIN.md's example as of its end, the Tracking view's button downloads the copy under the employee's name, and
 * `pipbook analyze` reads it to the overall attainment computed from FORMULAS.md (the restricted texts' scan of every
 * part is test/taskpane/employee-copy.test.tsx's). Run by test/e2e/run.mjs with its helpers.
 */
import path from "node:path";
import { spawnSync } from "node:child_process";

export async function employeeCopyJourney(h) {
  const page = await h.openPreview("?example=sales-q2-2024&asOf=2024-06-30&lang=en-US");
  await h.test("employee copy: the Tracking view downloads it under the employee's name; pipbook analyze reads the same overall", async () => {
    const p = h.pane(page);
    await p.getByTestId("tab-tracking").click();
    const button = p.getByTestId("employee-copy-download");
    await button.waitFor({ timeout: 20_000 });
    await h.axe(page, "tracking view with the employee copy");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), button.click()]);
    h.assertEqual(download.suggestedFilename(), "E1024-李娜-员工副本.xlsx", "the copy's file name");
    const file = path.join(h.shotsDir, "employee-copy.xlsx");
    await download.saveAs(file);
    await p.getByText("Saved as E1024-李娜-员工副本.xlsx.").waitFor();
    const cli = spawnSync(process.execPath, [path.join(h.root, "bin/pipbook.cjs"), "analyze", file, "--json", "--as-of", "2024-06-30"], { cwd: h.root, encoding: "utf8" });
    h.assert(cli.status === 0 || cli.status === 1, `pipbook analyze failed (${cli.status}): ${cli.stderr}`);
    const overall = JSON.parse(cli.stdout).overall.attainment;
    h.assert(Math.abs(overall - h.expectedExampleOverall()) < 1e-9, `analyze: overall ${overall}, expected ${h.expectedExampleOverall()}`);
  });
  await page.close();
}
