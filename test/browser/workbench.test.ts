/**
 * The workbench in a real Chromium: the REAL task-pane bundle beside the grid, over the in-memory
 * Excel. Builds dist/ when stale, serves it on 127.0.0.1, drives it with playwright-core.
 *
 * Without an installed browser the suite is skipped with install instructions, except with
 * CI=true, where a missing browser fails the run. Screenshots go to test-results/ (gitignored).
 */
import type { Page } from "playwright-core";
import { analyzeGrids } from "../../src/core/analyze";
import { builtinSearchIndex } from "../../src/core/library/builtin-index";
import { readXlsx } from "../../src/xlsx/grid";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEPARTMENT_SHEETS, JUNK_ROWS, LAYOUT_SHEETS, buildLayoutsWorkbook, buildSampleWorkbook } from "../../src/sample/workbooks";
import { MARK_COLORS } from "../../src/core/model/severity";
import { WAIT_MS, openWorkbench, resultsPath, type WorkbenchSession, browserSuite } from "./harness";

const { browserPath, suite } = browserSuite();

const SHEET = "项目绩效目标表";
const cell = (a1: string) => `#workbench td[data-address="${a1}"]`;
/** One issue's entry: a single finding, or the cell listed in a grouped finding (not the group's own row). */
const issue = (rule: string, a1: string, sheet = SHEET) =>
  `#container li[data-rule="${rule}"][data-cell="${a1}"][data-sheet="${sheet}"]:not(:has(li[data-cell]))`;

/** The issues the engine finds in the same sample workbook (seed tables + department sheets), computed in node (not hand-written). */
async function expectedSeedIssues(): Promise<string[]> {
  const buffer = Buffer.from(await buildSampleWorkbook().xlsx.writeBuffer());
  const { grids } = await readXlsx(buffer);
  // The pane checks with the built-in indicator library once it has loaded it (lazily).
  return analyzeGrids(grids, { options: { libraryIndex: builtinSearchIndex() } })
    .issues.map((i) => `${i.rule} ${i.sheet}!${i.cell ?? ""} ${i.severity}`)
    .sort();
}

async function paneIssues(page: Page): Promise<string[]> {
  return (
    // One entry per issue: single findings, and each cell listed in a grouped finding.
    await page.$$eval("#container li[data-rule]:not(:has(li[data-cell]))", (els) =>
      els.map((e) => `${e.getAttribute("data-rule")} ${e.getAttribute("data-sheet")}!${e.getAttribute("data-cell")} ${e.getAttribute("data-severity")}`),
    )
  ).sort();
}

const fillOf = (page: Page, a1: string) => page.getAttribute(cell(a1), "data-fill");

/** Waits until the element's attribute (or, with attr null, its text) equals `value` (the grid re-renders a frame later). */
async function until(page: Page, selector: string, attr: string | null, value: string, timeout = WAIT_MS): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, a, v]) => {
        const el = document.querySelector(sel);
        return !!el && (a === null ? el.textContent : el.getAttribute(a)) === v;
      },
      [selector, attr, value] as const,
      { timeout, polling: 20 },
    );
  } catch {
    const el = page.locator(selector);
    const now = (await el.count()) === 0 ? "(no element)" : attr === null ? await el.first().textContent() : await el.first().getAttribute(attr);
    throw new Error(`${selector} ${attr ?? "text"}: expected ${JSON.stringify(value)}, got ${JSON.stringify(now)} after ${timeout} ms`);
  }
}

/** Waits until the cell's data-fill is `color`; returns the milliseconds it took. */
async function waitFill(page: Page, a1: string, color: string, timeout = WAIT_MS): Promise<number> {
  const t0 = Date.now();
  await page.waitForFunction(
    ([sel, c]) => document.querySelector(sel)?.getAttribute("data-fill") === c,
    [cell(a1), color] as const,
    { timeout, polling: 10 },
  );
  return Date.now() - t0;
}

/** Clicks a grid cell and types into it as a person does, ending with Enter. */
async function typeInto(page: Page, a1: string, text: string): Promise<void> {
  await page.click(cell(a1));
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

suite("workbench: the real task pane over the in-memory Excel (Chromium)", () => {
  let session: WorkbenchSession | undefined;
  let page: Page;
  let consoleErrors: string[] = [];
  let requests: string[] = [];
  let timings: Record<string, number> = {};

  beforeAll(async () => {
    session = await openWorkbench(browserPath!);
    ({ page, consoleErrors, requests, timings } = session);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
    // eslint-disable-next-line no-console
    console.log(`browser test timings (ms):\n${Object.entries(timings).map(([k, v]) => `  ${k}: ${v}`).join("\n")}`);
  });

  test("the site root opens the workbench: grid with merged cells, sheet tab, no office.js", async () => {
    expect(new URL(page.url()).pathname).toBe("/workbench.html");
    await expect(page.getAttribute('#workbench table[role="grid"]', "data-sheet")).resolves.toBe(SHEET);
    await expect(page.getAttribute(`#workbench [role="tab"][data-sheet="${SHEET}"]`, "aria-selected")).resolves.toBe("true");
    // The title row is one merged cell A1:G1: one element, spanning 7 columns, no B1 element.
    await expect(page.getAttribute(cell("A1"), "colspan")).resolves.toBe("7");
    await expect(page.locator(cell("B1")).count()).resolves.toBe(0);
    await expect(page.textContent(cell("F10"))).resolves.toBe("指标值");
    await expect(fillOf(page, "H5")).resolves.toBe(""); // no fill
    // The workbench provides Office itself and never loads office.js; nothing leaves 127.0.0.1.
    expect(requests.filter((u) => /office\.js|o15apptofilemappingtable/.test(u))).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(session!.url) && !/^(data|blob):/.test(u))).toEqual([]);
  });

  test("the seed's issues are listed in the pane, the same as the engine finds in node", async () => {
    const t0 = Date.now();
    await page.waitForSelector(issue("unit-wording", "F11"));
    timings["grid ready → seed issues listed"] = Date.now() - t0;
    // …and checked again with the indicator library, which the pane loads after its first check.
    await page.waitForSelector('#container main[data-library="ready"]');
    const expected = await expectedSeedIssues();
    expect(expected.length).toBeGreaterThan(20);
    // The department table's own issues are among them.
    expect(expected.some((i) => i.includes(` ${DEPARTMENT_SHEETS.table}!`))).toBe(true);
    await expect(paneIssues(page)).resolves.toEqual(expected);
    // …and their cells are marked in the grid (the pane's marks are fills in the in-memory Excel).
    await waitFill(page, "F53", MARK_COLORS.warning); // percent-range floor100, quantity-not-count
    await waitFill(page, "F11", MARK_COLORS.info); // unit-wording (format: info under the severity policy)
    // A grouped finding lists its cells side by side (they were stacked one per line, a screen tall).
    const tops = await page.$$eval('#container [data-testid="group-cells"] li[data-cell]', (els) =>
      els.slice(0, 3).map((e) => Math.round(e.getBoundingClientRect().top)),
    );
    expect(tops).toHaveLength(3);
    expect(new Set(tops).size).toBe(1);
  });

  test("clicking an issue moves the grid's selection to its cell (scrolled into view)", async () => {
    await page.locator(issue("percent-range", "F53")).click({ position: { x: 6, y: 6 } });
    await page.waitForSelector(`${cell("F53")}[aria-selected="true"]`);
    await until(page, '[data-testid="name-box"]', null, "F53");
    const box = await page.locator(cell("F53")).boundingBox();
    const view = await page.locator("#workbench .wb-scroll").boundingBox();
    expect(box && view && box.y >= view.y && box.y + box.height <= view.y + view.height).toBe(true);
    await page.locator(issue("plan-blank", "B49")).click({ position: { x: 6, y: 6 } });
    await page.waitForSelector(`${cell("B49")}[aria-selected="true"]`);
    await until(page, cell("F53"), "aria-selected", "false");
  });

  test("screenshots of the pane and the grid, with readable Chinese", async () => {
    await page.locator(issue("unit-wording", "F11")).click({ position: { x: 6, y: 6 } });
    await page.waitForSelector(`${cell("F11")}[aria-selected="true"]`);
    await page.locator("#pane").screenshot({ path: resultsPath("workbench-pane.png") });
    await page.locator("#workbench").screenshot({ path: resultsPath("workbench-grid.png") });
    await page.screenshot({ path: resultsPath("workbench.png") });
    // Chinese glyphs render as glyphs (not identical fallback boxes) in the page's font.
    const distinct = await page.evaluate(() => {
      const font = getComputedStyle(document.querySelector("#container li[data-rule]")!).font;
      const draw = (ch: string) => {
        const c = document.createElement("canvas");
        c.width = 40;
        c.height = 40;
        const ctx = c.getContext("2d")!;
        ctx.font = font;
        ctx.fillText(ch, 4, 30);
        return c.toDataURL();
      };
      return new Set(["绩", "效", "目", "标"].map(draw)).size;
    });
    expect(distinct).toBe(4);
  });

  test("a department table is titled by its 部门（单位）名称 and marked 部门整体 (it has no 项目名称)", async () => {
    await page.click('#container [data-tab="tables"]');
    const card = page.locator(`#container li[data-table-id][data-sheet="${DEPARTMENT_SHEETS.table}"]`);
    await card.waitFor();
    const text = (await card.textContent()) ?? "";
    expect(text).toContain("文安工业新区管理处本级");
    expect(text).not.toContain("未填写项目名称");
    await expect(card.locator('[data-kind="department"]').textContent()).resolves.toBe("部门整体");
    await page.click('#container [data-tab="check"]');
    await expect(page.locator('#container section[aria-label="303001文安工业新区管理处本级"]').count()).resolves.toBe(1);
    // The 支出计划 tab offers the project tables only: a department table has no plan to fill.
    await page.click('#container [data-tab="plan"]');
    const options = page.locator('#container select[data-testid="plan-table"] option');
    await options.first().waitFor({ state: "attached" });
    const sheets = await options.evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet")));
    expect(sheets).toEqual([SHEET, SHEET, SHEET]);
    await page.click('#container [data-tab="check"]');
  });

  test("typing an invalid 指标值 marks its cell and lists the issue; correcting it restores the original fill", async () => {
    const userFill = "#C6EFCE";
    // The user gives F13 (a cost row's value, no issue) a fill of her own from the toolbar.
    await page.click(cell("F13"));
    await page.click(`button[aria-label="填充 ${userFill}"]`);
    await waitFill(page, "F13", userFill);
    await expect(page.locator(`${issue("percent-range", "F13")}`).count()).resolves.toBe(0);
    const original = await page.textContent(cell("F13"));

    await page.click(cell("F13"));
    await page.keyboard.type("≥150%");
    const t0 = Date.now();
    await page.keyboard.press("Enter");
    await waitFill(page, "F13", MARK_COLORS.error);
    await page.waitForSelector(issue("percent-range", "F13"));
    timings["typed invalid value → cell marked + issue listed"] = Date.now() - t0;
    await until(page, cell("F13"), null, "≥150%");
    await expect(page.evaluate(() => window.__workbench!.excel.user.value("项目绩效目标表", "F13"))).resolves.toBe("≥150%");
    // Enter moved the selection down, as in Excel.
    await until(page, cell("F14"), "aria-selected", "true");

    await page.click(cell("F13"));
    await page.keyboard.type(original!);
    const t1 = Date.now();
    await page.keyboard.press("Enter");
    await waitFill(page, "F13", userFill);
    await page.waitForSelector(issue("percent-range", "F13"), { state: "detached" });
    timings["corrected value → mark removed, original fill back"] = Date.now() - t1;
    await expect(page.locator(`#container li[data-cell="F13"][data-sheet="${SHEET}"]`).count()).resolves.toBe(0);
  });

  test("Delete clears the selection; arrow keys move it", async () => {
    await page.click(cell("G13"));
    await until(page, cell("G13"), "aria-selected", "true");
    await page.keyboard.press("ArrowLeft");
    await until(page, cell("F13"), "aria-selected", "true");
    await until(page, cell("G13"), "aria-selected", "false");
    await page.keyboard.press("ArrowRight");
    await until(page, cell("G13"), "aria-selected", "true");
    await page.keyboard.press("Delete");
    await expect(page.evaluate(() => window.__workbench!.excel.user.value("项目绩效目标表", "G13"))).resolves.toBe("");
    // An empty 指标值确定依据 is a required field or weak basis for the engine: the pane reports it on G13.
    await page.waitForSelector(`#container li[data-cell="G13"][data-sheet="${SHEET}"]`);
    await page.keyboard.type("计划标准");
    await page.keyboard.press("Enter");
    await page.waitForSelector(`#container li[data-cell="G13"][data-sheet="${SHEET}"]`, { state: "detached" });
  });

  test("insert row above: the cells below move down and the pane's issues and marks follow", async () => {
    await page.click(cell("A22")); // table 2's title row (merged A22:G22)
    await page.click('[data-testid="insert-row-above"]');
    await until(page, cell("A23"), "colspan", "7"); // the title moved to row 23
    await page.waitForSelector(issue("percent-range", "F54"));
    await expect(page.locator(issue("percent-range", "F53")).count()).resolves.toBe(0);
    await waitFill(page, "F54", MARK_COLORS.warning); // percent-range floor100 is a warning under the severity policy
    await expect(page.evaluate(() => window.__workbench!.excel.user.value("项目绩效目标表", "F54"))).resolves.toBe("≥100百分比");
  });

  test("a table with a non-standard layout is mapped by selection: pasted, selected in the grid, mapped in the pane", async () => {
    await page.click('[data-testid="add-sheet"]');
    await page.waitForFunction((s) => document.querySelector('#workbench table[role="grid"]')?.getAttribute("data-sheet") !== s, SHEET);
    const sheet = await page.getAttribute('#workbench table[role="grid"]', "data-sheet");
    expect(sheet).toMatch(/^Sheet\d+$/);
    await until(page, `#workbench [role="tab"][data-sheet="${sheet}"]`, "aria-selected", "true");

    // Column headers no detector knows (类别/分项/考核内容/目标/权数), pasted as Excel puts them on the clipboard.
    const rows = [
      ["类别", "分项", "考核内容", "目标", "权数"],
      ["产出指标", "数量指标", "培训人次", "≥200人次", "30%"],
      ["产出指标", "质量指标", "考核合格率", "≥150%", "40%"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "30%"],
    ];
    await page.evaluate(() => {
      const w = window as unknown as { __changes: unknown[] };
      w.__changes = [];
      window.__workbench!.excel.model.onChange((ch) => w.__changes.push(...ch));
    });
    await page.click(cell("A1"));
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData("text/plain", text);
      document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    }, rows.map((r) => r.join("\t")).join("\r\n") + "\r\n");
    // One multi-cell change for the whole block, without `details`, as Excel reports a paste.
    const changes = await page.evaluate(() => (window as unknown as { __changes: { address: string; details?: unknown; origin: string }[] }).__changes);
    expect(changes.filter((c) => c.origin === "user")).toEqual([expect.objectContaining({ address: "A1:E4", origin: "user" })]);
    expect(changes[0]).not.toHaveProperty("details");
    await until(page, cell("D3"), null, "≥150%");
    // "30%" became 0.3 with a percent format, shown as 30%.
    await expect(page.evaluate((s) => window.__workbench!.excel.user.value(s, "E2"), sheet!)).resolves.toBe(0.3);
    await until(page, cell("E2"), null, "30%");

    // Not detected: nothing on the new sheet yet.
    await page.waitForTimeout(300);
    await expect(page.locator(`#container li[data-sheet="${sheet}"][data-rule]`).count()).resolves.toBe(0);

    // Select the table in the grid (click, shift+click).
    await page.click(cell("A1"));
    await until(page, cell("A1"), "aria-selected", "true");
    await page.click(cell("E4"), { modifiers: ["Shift"] });
    await until(page, '[data-testid="name-box"]', null, "A1:E4");
    await expect(page.locator('#workbench td[aria-selected="true"]').count()).resolves.toBe(20);

    await page.click('#container [data-tab="tables"]');
    await page.getByRole("button", { name: "映射所选区域" }).click();
    const editor = page.locator('[data-testid="mapping-editor"]');
    await editor.waitFor();
    await expect(editor.textContent()).resolves.toContain(`${sheet}!A1:E4`);
    const roles: Record<string, string> = { A: "level1", B: "level2", C: "name", D: "value" };
    for (const [col, role] of Object.entries(roles)) {
      await editor.locator(`li[data-col="${col}"] select`).selectOption(role);
    }
    await expect(editor.locator('[data-testid="mapping-missing"]').count()).resolves.toBe(0);
    await editor.getByRole("button", { name: "保存映射" }).click();

    await page.waitForSelector(`#container li[data-table-id][data-sheet="${sheet}"]`);
    await page.click('#container [data-tab="check"]');
    await page.waitForSelector(issue("percent-range", "D3", sheet!));
    await waitFill(page, "D3", MARK_COLORS.error);
    await page.locator("#pane").screenshot({ path: resultsPath("workbench-pane-mapped.png") });
    await page.screenshot({ path: resultsPath("workbench-mapped.png") });
  });

  test("保存并重新打开: the saved workbook reopens with its data, the user's fills and the saved mapping", async () => {
    const sheets = await page.$$eval('#workbench [role="tab"][data-sheet]', (els) => els.map((e) => e.getAttribute("data-sheet")));
    const mapped = sheets.find((n) => /^Sheet\d+$/.test(n!))!;
    await Promise.all([page.waitForEvent("load"), page.click('button:has-text("保存并重新打开")')]);
    await page.waitForFunction(() => window.__workbench?.ready === true);
    await expect(page.$$eval('#workbench [role="tab"][data-sheet]', (els) => els.map((e) => e.getAttribute("data-sheet")))).resolves.toEqual(sheets);
    // A fresh pane (new session) finds the mapped table again from what the workbook saved.
    await page.waitForSelector(issue("percent-range", "D3", mapped));
    await page.click(`#workbench [role="tab"][data-sheet="${SHEET}"]`);
    await until(page, '#workbench table[role="grid"]', "data-sheet", SHEET);
    await waitFill(page, "F13", "#C6EFCE"); // the user's own fill, kept through save and reopen
    await waitFill(page, "F12", MARK_COLORS.warning);
  });

  test("打开 .xlsx loads a workbook from disk: sheets, number formats, a 10,000-row sheet, the pane's tables", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-xlsx-"));
    const file = path.join(dir, "layouts.xlsx");
    await buildLayoutsWorkbook().xlsx.writeFile(file);
    const t0 = Date.now();
    // The file picker opens a new session: the page reloads with the workbook (as Excel opens a file).
    await Promise.all([page.waitForEvent("load"), page.setInputFiles('[data-testid="file-input"]', file)]);
    await page.waitForFunction(() => window.__workbench?.ready === true && window.__workbench.book.title === "layouts.xlsx");
    timings["open layouts.xlsx (10,000-row sheet) → grid ready"] = Date.now() - t0;
    rmSync(dir, { recursive: true, force: true });

    const tabs = await page.$$eval('#workbench [role="tab"][data-sheet]', (els) => els.map((e) => e.getAttribute("data-sheet")));
    expect(tabs).toEqual(Object.values(LAYOUT_SHEETS));
    // The pane finds the tables of the opened workbook.
    await page.click('#container [data-tab="tables"]');
    await page.waitForSelector(`#container li[data-table-id][data-sheet="${LAYOUT_SHEETS.offset}"]`);
    timings["open layouts.xlsx → pane lists its tables"] = Date.now() - t0;

    // Number formats as Excel shows them: 0.5 with "0%" is 50%, 1200000 with "#,##0.00" is 1,200,000.00.
    await page.click(`#workbench [role="tab"][data-sheet="${LAYOUT_SHEETS.split}"]`);
    await until(page, '#workbench table[role="grid"]', "data-sheet", LAYOUT_SHEETS.split);
    await until(page, cell("C7"), null, "50%");
    await expect(page.evaluate((s) => window.__workbench!.excel.user.value(s, "C7"), LAYOUT_SHEETS.split)).resolves.toBe(0.5);
    await until(page, cell("B4"), null, "1,200,000.00");

    // A long sheet renders only the rows near the viewport and follows the selection.
    await page.click(`#workbench [role="tab"][data-sheet="${LAYOUT_SHEETS.junk}"]`);
    await until(page, '#workbench table[role="grid"]', "data-sheet", LAYOUT_SHEETS.junk);
    const rowCount = Number(await page.getAttribute('#workbench table[role="grid"]', "aria-rowcount"));
    expect(rowCount).toBeGreaterThanOrEqual(JUNK_ROWS);
    expect(await page.locator("#workbench tr[aria-rowindex]").count()).toBeLessThan(200);
    await page.evaluate((s) => window.__workbench!.excel.user.select(s, "F9971"), LAYOUT_SHEETS.junk);
    await page.waitForSelector(`${cell("F9971")}[aria-selected="true"]`);
    await until(page, cell("F9971"), null, "记录9971");
  });

  test("?api=7&lang=en-US: the same pane on Office 2019's ExcelApi 1.7, in English, still checks and marks", async () => {
    const other = await session!.context.newPage();
    other.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(`[api=7] ${m.text()}`);
    });
    other.on("pageerror", (e) => consoleErrors.push(`[api=7] pageerror: ${e.message}`));
    try {
      await other.goto(`${session!.url}/workbench.html?api=7&lang=en-US`);
      await other.waitForFunction(() => window.__workbench?.ready === true && window.__workbench.excel.apiVersion === 7);
      await other.waitForSelector(issue("unit-wording", "F11"));
      // (Fluent's Tab renders its label twice: once visible, once to reserve the bold width.)
      await expect(other.textContent('#container [data-tab="tables"]')).resolves.toMatch(/^(Tables)+$/);
      // Every tab is inside the pane (the English labels ran past its right edge, hiding 指标库 and 设置).
      const edges = await other.evaluate(() => {
        const pane = document.querySelector("#container main")!.getBoundingClientRect();
        return { pane: Math.round(pane.right), tabs: [...document.querySelectorAll("#container [data-tab]")].map((e) => Math.round(e.getBoundingClientRect().right)) };
      });
      expect(edges.tabs.length).toBeGreaterThanOrEqual(4);
      for (const right of edges.tabs) expect(right).toBeLessThanOrEqual(edges.pane);
      await waitFill(other, "F11", MARK_COLORS.info);
      // Typing still re-validates without `triggerSource` (1.14) or `details` (1.9).
      await typeInto(other, "F13", "≥150%");
      await other.waitForSelector(issue("percent-range", "F13"));
      await waitFill(other, "F13", MARK_COLORS.error);
    } finally {
      await other.close();
    }
  });

  test("no errors in the console and no request left 127.0.0.1", () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(session!.url) && !/^(data|blob):/.test(u))).toEqual([]);
  });
});
