/**
 * Issue 17's "changed after signing" in the pane, in the preview (Chromium, the in-memory Excel — not Excel): DOMAIN.md's
 * example is signed by the employee and the manager on 2024-03-29, so loading it seals it. A manager then types
 * another target into the Goals sheet; without a button pressed, the pane's bar says "Changed after signing — ask
 * both to sign again" with the finding, and choosing the finding selects the cell. Putting the signed value back
 * takes the bar away. Run by test/e2e/run.mjs with its helpers.
 */
export async function sealBannerJourney(h) {
  const page = await h.openPreview("?example=sales-q2-2024&asOf=2024-05-15&lang=en-US");
  await h.test("seal: a signed target typed over in the sheet shows 'Changed after signing — ask both to sign again' with the cell; choosing it selects the cell", async () => {
    const p = h.pane(page);
    h.assertEqual(await p.getByTestId("seal-banner").count(), 0, "no bar before anything changed");
    await h.showSheet(page, "改进目标");
    const idCell = await h.cellWithText(page, "G1");
    const targetColumn = (await h.cellWithText(page, "目标值"))?.replace(/\d+$/, "");
    h.assert(idCell && targetColumn, "G1's row or the target column not found on the Goals sheet");
    const cell = `${targetColumn}${idCell.replace(/^[A-Z]+/, "")}`;
    await h.enterInCell(page, { sheet: "改进目标", cell, value: "40", paste: false });
    const banner = p.getByTestId("seal-banner");
    await banner.waitFor({ timeout: 30_000 });
    const text = await banner.textContent();
    h.assert(text.includes("Changed after signing — ask both to sign again"), `bar title: ${text}`);
    h.assert(text.includes("was 45 when signed on 2024-03-29, now 40"), `bar finding: ${text}`);
    await h.shot(page, "17-seal-banner");
    await h.axe(page, "seal banner");
    await banner.locator(`[data-place="改进目标!${cell}"]`).click();
    await page.locator(`[data-testid=sheet-grid][data-sheet="改进目标"] td[data-cell="${cell}"][data-selected="true"]`).waitFor({ timeout: 10_000 });
    // The signed value back: the seal matches again and the bar goes.
    await h.enterInCell(page, { sheet: "改进目标", cell, value: "45", paste: false });
    await banner.waitFor({ state: "detached", timeout: 30_000 });
  });
  await page.close();
}
