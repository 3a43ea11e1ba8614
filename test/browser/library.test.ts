/**
 * The 指标库 tab in a real Chromium, over the workbench's in-memory Excel: search the library by
 * pinyin initials, open a 满意度 entry, insert it into the first seed table — the new row shows in the
 * grid at the end of the 满意度 block (where planInsertRows, run in node on the same workbook, puts
 * it), the merged 一级 cell covers it — then the pane's undo removes it again. Then, starting from
 * the table: the context list's first group offers 会议/活动 quantity indicators; inserting one
 * selects the new row's 指标值 cell in the grid and the pane shows what to enter there.
 * Without an installed browser the suite is skipped (CI=true: fails), as in workbench.test.ts.
 */
import type { Page } from "playwright-core";
import { readXlsx } from "../../src/xlsx/grid";
import { detectTables, parseTable } from "../../src/core/layout";
import { BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import { planInsertRows } from "../../src/core/library/insert";
import { buildSeedWorkbook } from "../../src/sample/workbooks";
import { DIST, WAIT_MS, ensureDist, launch, resultsPath, serveDir, browserSuite } from "./harness";

const { browserPath, suite } = browserSuite();
const cell = (a1: string) => `#workbench td[data-address="${a1}"]`;

/** The 满意度 entry the test inserts: the first one search lists for its pinyin initials. */
const ENTRY = BUILTIN_ENTRIES.find((e) => e.name === "服务对象满意度")!;
/** The 会议/活动 quantity indicator the context list offers for the 会场搭建 table. */
const CONTEXT_ENTRY = BUILTIN_ENTRIES.find((e) => e.name === "与会人数")!;

async function cellText(page: Page, a1: string): Promise<string> {
  return ((await page.locator(cell(a1)).first().textContent()) ?? "").trim();
}

suite("指标库 tab in the workbench (Chromium)", () => {
  let server: Awaited<ReturnType<typeof serveDir>>;
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;
  const consoleErrors: string[] = [];
  let expected: { cell: string; row: number; level1Cell: string; before: string };
  let valueCell: string;

  beforeAll(async () => {
    // Where the row must land, computed in node from the same workbook.
    const { grids } = await readXlsx(Buffer.from(await buildSeedWorkbook().xlsx.writeBuffer()));
    const grid = grids.find((g) => detectTables(g).length > 0)!;
    const table = parseTable(grid, detectTables(grid)[0]);
    const plan = planInsertRows(table, grid, [ENTRY]);
    if (!plan.ok) throw new Error(`plan refused: ${plan.reason}`);
    const r = plan.rows[0];
    expected = { cell: r.cell, row: r.row, level1Cell: `A${r.row + 1}`, before: grid.text(r.row - 1, 2) };
    const fromContext = planInsertRows(table, grid, [CONTEXT_ENTRY]);
    if (!fromContext.ok) throw new Error(`plan refused: ${fromContext.reason}`);
    const column = /^[A-Z]+/.exec(table.indicators.find((x) => x.value.cell)!.value.cell!)![0];
    valueCell = `${column}${fromContext.rows[0].row + 1}`;
    await ensureDist();
    server = await serveDir(DIST);
    browser = await launch(browserPath!);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => window.__workbench?.ready === true);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("search by pinyin, open the entry, insert it: the row appears at the end of its block; undo removes it", async () => {
    expect(ENTRY).toBeDefined();
    await page.waitForSelector('#container [data-tab="library"]');
    await page.click('#container [data-tab="library"]');
    const search = page.locator('#container [data-testid="library-search"] input, #container input[data-testid="library-search"]').first();
    await search.waitFor();
    await search.fill("fwdxmyd");
    const item = page.locator(`#container [data-testid="library-results"] li[data-entry="${ENTRY.id}"]`);
    await item.waitFor();
    await item.click();
    await page.waitForSelector(`#container [data-testid="library-detail"][data-entry="${ENTRY.id}"]`);
    await page.click('#container [data-testid="library-detail"] [data-action="insert-entry"]');
    await page.waitForFunction(
      ([sel, name]) => document.querySelector(sel)?.textContent?.trim() === name,
      [cell(expected.cell), ENTRY.name] as const,
      { timeout: WAIT_MS, polling: 20 },
    );
    // the block's old last row is just above, the merged 一级 cell covers the new row (no element of its own)
    expect(await cellText(page, `C${expected.row}`)).toBe(expected.before);
    await expect(page.locator(cell(expected.level1Cell)).count()).resolves.toBe(0);
    await page.screenshot({ path: resultsPath("library-insert.png") });
    // undo from the 检查 tab
    await page.click('#container [data-tab="check"]');
    await page.click('#container [data-action="undo"]');
    await page.waitForFunction(
      ([sel, name]) => document.querySelector(sel)?.textContent?.trim() !== name,
      [cell(expected.cell), ENTRY.name] as const,
      { timeout: WAIT_MS, polling: 20 },
    );
    expect(await cellText(page, `C${expected.row + 1}`)).not.toBe(ENTRY.name);
    expect(consoleErrors).toEqual([]);
  });

  test("starting from the table: insert from the first context group; the value cell is selected and the hint shown", async () => {
    await page.click('#container [data-tab="library"]');
    const search = page.locator('#container [data-testid="library-search"] input, #container input[data-testid="library-search"]').first();
    await search.fill("");
    const heading = page.locator('#container [data-testid="library-context"] [data-group="0"] [data-testid="library-group-heading"]');
    await heading.waitFor();
    expect((await heading.textContent())?.startsWith("本表缺少数量指标（产出）")).toBe(true);
    const item = page.locator(`#container [data-testid="library-context"] [data-group="0"] li[data-entry="${CONTEXT_ENTRY.id}"]`);
    await item.click();
    await page.waitForSelector(`#container [data-testid="library-detail"][data-entry="${CONTEXT_ENTRY.id}"]`);
    await page.click('#container [data-testid="library-detail"] [data-action="insert-entry"]');
    // The new row's 指标值 cell is Excel's selection, and the pane says what to enter there.
    await page.waitForSelector(`${cell(valueCell)}[aria-selected="true"]`, { timeout: WAIT_MS });
    const hint = page.locator('#container [data-testid="library-value-hint"]');
    await hint.waitFor({ timeout: WAIT_MS });
    const text = (await hint.textContent()) ?? "";
    expect(text).toContain(valueCell);
    expect(text).toContain(CONTEXT_ENTRY.typical);
    expect(text).toContain(CONTEXT_ENTRY.unit!);
    await page.screenshot({ path: resultsPath("library-value-hint.png") });
    expect(consoleErrors).toEqual([]);
  });
});
