/**
 * "转换为指标表" in a real Chromium, over the workbench's in-memory Excel: the first 分项 block of the
 * sample's prose sheet is selected in the grid, converted in the 表格 tab (one preview row per
 * measure, one value edited), inserted as the standard table on a new sheet — which the 检查 tab then
 * lists issues for, where the engine (run in node on the same rows) expects them — and the pane's undo
 * gives the workbook back as it was. Without an installed browser the suite is skipped (CI=true: fails).
 */
import type { Page } from "playwright-core";
import { extractProse } from "../../src/core/extract/prose";
import { rowName, standardTable } from "../../src/core/extract/table";
import { builtinSearchIndex } from "../../src/core/library/builtin-index";
import { SEED_DEPARTMENT_LINES } from "../../src/sample/seed-data";
import { DEPARTMENT_SHEETS } from "../../src/sample/workbooks";
import { openWorkbench, resultsPath, type WorkbenchSession, browserSuite } from "./harness";

const { browserPath, suite } = browserSuite();

const PROSE = DEPARTMENT_SHEETS.prose;
const NEW_SHEET = "指标表";
const cell = (a1: string) => `#workbench td[data-address="${a1}"]`;
const tab = (sheet: string) => `#workbench [role="tab"][data-sheet="${sheet}"]`;
/** The seed's first 分项 block: its heading + 绩效目标 line and its 绩效指标 line, A9:A10 of the prose sheet. */
const BLOCK = ["A9", "A10"] as const;
const ROWS = extractProse(SEED_DEPARTMENT_LINES.slice(8, 10).join("\n"), builtinSearchIndex()).flatMap((b) => b.rows);
/** The row the test edits in the preview, and its new value. */
const EDITED = 1;
const EDITED_VALUE = "≥98%";

/** The workbook's sheets as JSON — names, values, formats, fonts, merges; not fills, where the pane's marks come and go. */
function sheetsJsonInPage(): string {
  const sheets = window.__workbench!.excel.toSnapshot().sheets;
  // (No spread syntax: the function's source runs in the page as written.)
  return JSON.stringify(
    sheets.map((s) => Object.assign({}, s, { cells: Object.fromEntries(Object.entries(s.cells).map(([a1, c]) => [a1, Object.assign({}, c, { fill: undefined })])) })),
  );
}

suite("转换为指标表 in the workbench (Chromium)", () => {
  let session: WorkbenchSession | undefined;
  let page: Page;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    session = await openWorkbench(browserPath!);
    ({ page, consoleErrors } = session);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

  test("a 分项 block → preview → standard table on a new sheet, checked in 检查 → one undo restores the workbook", async () => {
    // The sample opens with its department sheets, and the pane has checked everything with the library.
    await page.waitForSelector(tab(PROSE));
    await page.waitForSelector(tab(DEPARTMENT_SHEETS.table));
    await page.waitForSelector('#container main[data-library="ready"]');
    await page.waitForSelector(`#container li[data-rule][data-sheet="${DEPARTMENT_SHEETS.table}"]`);

    await page.click(tab(PROSE));
    await page.waitForSelector(`#workbench table[role="grid"][data-sheet="${PROSE}"]`);
    await page.click(cell(BLOCK[0]));
    await page.click(cell(BLOCK[1]), { modifiers: ["Shift"] });
    await page.waitForFunction((a) => document.querySelector('[data-testid="name-box"]')?.textContent === a, BLOCK.join(":"));
    const before = await page.evaluate(sheetsJsonInPage);

    await page.click('#container [data-tab="tables"]');
    await page.getByRole("button", { name: "转换为指标表" }).click();
    const panel = page.locator('[data-testid="convert-panel"]');
    await panel.waitFor();
    await expect(panel.locator("li[data-convert-row]").count()).resolves.toBe(ROWS.length);
    const first = panel.locator('li[data-convert-row="0"]');
    await expect(first.getAttribute("data-name")).resolves.toBe("上报信息条数");
    await expect(first.getAttribute("data-value")).resolves.toBe("80条");
    await expect(first.getAttribute("data-level2")).resolves.toBe("数量指标");
    await expect(first.textContent()).resolves.toContain("原文：上报信息80条");
    await expect(first.textContent()).resolves.toContain("建议理由：");
    await panel.locator(`li[data-convert-row="${EDITED}"] input[data-field="value"]`).fill(EDITED_VALUE);
    await page.waitForSelector(`li[data-convert-row="${EDITED}"][data-value="${EDITED_VALUE}"]`);
    await page.locator("#pane").screenshot({ path: resultsPath("convert-preview.png") });
    await panel.getByRole("button", { name: "插入指标表" }).click();

    // The new sheet holds the standard table (computed in node from the same rows and the edit).
    await page.waitForSelector(tab(NEW_SHEET));
    const edited = ROWS.map((r, i) => (i === EDITED ? { ...r, name: rowName(r), period: null, value: { ...r.value, text: EDITED_VALUE } } : r));
    const table = standardTable(edited);
    const at = (r: number, c: number) => `${"ABCDE"[c]}${r + 1}`;
    const written = await page.evaluate(
      ([sheet, cells]) => cells.map((a1) => window.__workbench!.excel.user.value(sheet, a1)),
      [NEW_SHEET, table.values.map((_, r) => at(r, 2))] as const,
    );
    expect(written).toEqual(table.values.map((v) => v[2]));
    const editedRow = table.values.findIndex((v) => v[3] === EDITED_VALUE);
    expect(editedRow).toBeGreaterThan(0);

    // Checked at once: the 检查 tab lists the new table's issues — no 满意度 category at all, and a
    // "100%" without an operator on a rate row (listed inside its group, which may be collapsed).
    const rate = table.values.findIndex((v) => v[2] === "文件档案整理工作完成率");
    await page.click('#container [data-tab="check"]');
    await page.waitForSelector(`#container li[data-rule="category-missing"][data-sheet="${NEW_SHEET}"]`);
    await page.waitForSelector(`#container li[data-rule="operator-missing"][data-sheet="${NEW_SHEET}"][data-cell="${at(rate, 3)}"]`, { state: "attached" });
    await page.locator("#pane").screenshot({ path: resultsPath("convert-checked.png") });

    // One undo: the sheet and its issues are gone, the workbook is as before.
    await page.click('#container [data-action="undo"]');
    await page.waitForSelector(tab(NEW_SHEET), { state: "detached" });
    await page.waitForSelector(`#container li[data-sheet="${NEW_SHEET}"]`, { state: "detached" });
    await page.waitForFunction(`(${sheetsJsonInPage.toString()})() === ${JSON.stringify(before)}`);
  });

  test("no errors in the console", () => {
    expect(consoleErrors).toEqual([]);
  });
});
