/**
 * The self-test in a real Chromium, over the workbench's in-memory Excel: settings → 自检 runs the
 * port contract suite from the pane through the real adapter; every case passes (the workbench's
 * in-memory user does the cases that need a person), the report shows the Excel build and platform
 * and its plain text, and afterwards the workbook is unchanged — sheets, names, settings and every
 * cell's value, format and fill compared with a snapshot taken before.
 * Without an installed browser the suite is skipped (CI=true: fails), as in workbench.test.ts.
 */
import { CASES } from "../../src/excel/contract/cases";
import type { WorkbookSnapshot } from "../../src/workbench/memory-excel";
import { WAIT_MS, openWorkbench, resultsPath, type WorkbenchSession, browserSuite } from "./harness";

const { browserPath, suite } = browserSuite();

/** What the self-test must leave as it found it. */
async function workbookState(session: WorkbenchSession): Promise<string> {
  const snap = await session.page.evaluate(() => (window as unknown as { __workbench: { excel: { toSnapshot(): unknown } } }).__workbench.excel.toSnapshot());
  const s = snap as WorkbookSnapshot;
  return JSON.stringify({ sheets: s.sheets, names: [...(s.names ?? [])].sort((a, b) => a.name.localeCompare(b.name)), settings: s.settings });
}

/** The workbook once the pane is done with it (detection and its marks written): two equal snapshots in a row. */
async function settledState(session: WorkbenchSession): Promise<string> {
  await session.page.waitForSelector('main[data-phase="ready"]');
  let prev = await workbookState(session);
  for (let i = 0; i < 60; i++) {
    await session.page.waitForTimeout(250);
    const next = await workbookState(session);
    if (next === prev) return next;
    prev = next;
  }
  return prev;
}

suite("the self-test in the workbench", () => {
  let session: WorkbenchSession;

  beforeAll(async () => {
    session = await openWorkbench(browserPath as string);
  });

  afterAll(async () => {
    await session?.close();
  });

  test("runs every case from the pane, all pass, and the workbook is unchanged afterwards", async () => {
    const { page } = session;
    const before = await settledState(session);
    await page.click('[data-tab="settings"]');
    await page.click('[data-testid="selftest-run"]');
    const report = await page.waitForSelector('[data-testid="selftest-report"][data-status="done"]', { timeout: WAIT_MS * 4 });
    await page.screenshot({ path: resultsPath("selftest.png"), fullPage: true });
    const failed = await page.$$eval('[data-testid="selftest-report"] li[data-status="fail"]', (els) => els.map((e) => e.textContent));
    expect(failed).toEqual([]);
    expect(await report.getAttribute("data-pass")).toBe(String(CASES.length));
    expect(await report.getAttribute("data-skip")).toBe("0");
    const text = await page.$eval('textarea[data-testid="selftest-text"]', (el) => (el as HTMLTextAreaElement).value);
    expect(text).toContain("ExcelApi 1.14");
    expect(text).toContain("OfficeOnline");
    for (const c of CASES) expect(text).toContain(`PASS ${c.id}`);
    await page.click('[data-testid="selftest-copy"]');
    await page.waitForSelector('[data-testid="selftest-copy"]:has-text("已复制")');
    expect(await settledState(session)).toBe(before);
    expect(session.consoleErrors.filter((e) => !/clipboard/i.test(e))).toEqual([]);
  });
});
