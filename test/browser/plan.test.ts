/**
 * The 支出计划 tab in a real Chromium, over the workbench's in-memory Excel: pick the seed's
 * 基础设施 project (项目3, 3,000,000 元, plan blank/50%/90%/100%), choose 均匀支出 1–12月, check the
 * preview, write, confirm the overwrite — then the four plan cells show the plan, no other cell
 * changed, the plan rules say nothing about that plan row any more, and the pane's undo restores
 * everything. Done on the built-in sample (text percents, merged spacer column) and on seed-typed
 * (fractions with "0%", one table per sheet), opened through the workbench's file picker.
 *
 * Every expectation (cells, values, issues before and after) is computed in node by the core from
 * the same workbook; the literal 25/50/83/100 of docs/plan.md's example is checked against it as well.
 * Without an installed browser the suite is skipped (CI=true: fails), as in workbench.test.ts.
 */
import type ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyzeGrids } from "../../src/core/analyze";
import { builtinSearchIndex } from "../../src/core/library/builtin-index";
import { readXlsx } from "../../src/xlsx/grid";
import { parseA1 } from "../../src/core/grid/a1";
import type { CellGrid } from "../../src/core/grid/cellgrid";
import { PLAN_KEYS, type PlanKey } from "../../src/core/model/schema";
import { computePlanForTable, planCells, planWrite, profileFromParams } from "../../src/core/plan";
import { MARK_COLORS } from "../../src/core/model/severity";
import { buildSampleWorkbook, buildSeedTypedWorkbook } from "../../src/sample/workbooks";
import { SEED_TABLES } from "../../src/sample/seed-data";
import { applyEdits } from "../plan/helpers";
import { WAIT_MS, openWorkbench, resultsPath, type WorkbenchSession, browserSuite } from "./harness";

const { browserPath, suite } = browserSuite();

/** The seed's third table: 工业新区基础设施建设项目资金, 3,000,000 元, plan blank/50%/90%/100%. */
const PROJECT = SEED_TABLES[2].name;
/** 均匀支出 over January–December, as the form takes it. */
const FORM = { profile: "even", start: "1", end: "12" } as const;
/** docs/plan.md's example of that profile (also what `jixiao plan` prints): the computed plan must be exactly this. */
const DOC_EXAMPLE: Record<PlanKey, number> = { m3: 25, m6: 50, m10: 83, m12: 100 };

const cell = (a1: string) => `#workbench td[data-address="${a1}"]`;
const issueKey = (rule: string, sheet: string, a1: string | null | undefined, severity: string) => `${rule} ${sheet}!${a1 ?? ""} ${severity}`;

// ── expectations, computed in node from the same workbook ───────────────────────────────────────

interface Expected {
  sheet: string;
  /** The table's range as the engine reads it ("A43:G62"). */
  range: string;
  /** Plan cell of each checkpoint ("B49", …). */
  cells: Record<PlanKey, string>;
  values: Record<PlanKey, number>;
  /** What the grid shows in each plan cell after the write ("25%", …). */
  texts: Record<PlanKey, string>;
  /** Cells whose content the write really changes. */
  changing: string[];
  /** Non-empty cells the write replaces (the pane asks first). */
  overwritten: string[];
  issuesBefore: string[];
  issuesAfter: string[];
}

async function expectationsFor(wb: ExcelJS.Workbook): Promise<Expected> {
  const { grids } = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
  // The pane checks with the built-in indicator library once it has loaded it (lazily).
  const config = { options: { libraryIndex: builtinSearchIndex() } };
  const before = analyzeGrids(grids, config);
  const table = before.tables.find((t) => t.projectName.value === PROJECT);
  if (!table) throw new Error(`no table named ${PROJECT}`);
  const grid = grids.find((g) => g.sheet === table.sheet)!;
  const { values } = computePlanForTable(table, profileFromParams(FORM), { crossYear: false, decimals: 0 });
  const w = planWrite(table, grid, values);
  const written = applyEdits(grid, w.edits, w.cells);
  const after = analyzeGrids(
    grids.map((g) => (g === grid ? written : g)),
    config,
  );
  const cells = planCells(table);
  const textAt = (g: CellGrid, a1: string) => {
    const p = parseA1(a1)!;
    return g.text(p.row, p.col);
  };
  const fmt = (issues: typeof before.issues) => issues.map((i) => issueKey(i.rule, i.sheet, i.cell, i.severity)).sort();
  return {
    sheet: table.sheet,
    range: table.range,
    cells,
    values,
    texts: Object.fromEntries(PLAN_KEYS.map((k) => [k, textAt(written, cells[k])])) as Record<PlanKey, string>,
    changing: w.cells.filter((c) => c.before !== c.after).map((c) => c.cell).sort(),
    overwritten: w.cells.filter((c) => c.overwrite && c.before !== c.after).map((c) => c.cell).sort(),
    issuesBefore: fmt(before.issues),
    issuesAfter: fmt(after.issues),
  };
}

// ── reading the page ────────────────────────────────────────────────────────────────────────────

/** The check tab's issue list ("rule sheet!cell severity", sorted). Only meaningful on that tab. */
async function paneIssues(page: Page): Promise<string[]> {
  return (
    await page.$$eval("#container li[data-rule][data-sheet]:not(:has(li[data-cell]))", (els) =>
      els.map((e) => `${e.getAttribute("data-rule")} ${e.getAttribute("data-sheet")}!${e.getAttribute("data-cell") ?? ""} ${e.getAttribute("data-severity")}`),
    )
  ).sort();
}

/** Waits until the check tab lists exactly `expected`; a clear diff when it does not. */
async function waitIssues(page: Page, expected: string[], timeout = WAIT_MS): Promise<void> {
  try {
    await page.waitForFunction(
      (want) => {
        const now = [...document.querySelectorAll("#container li[data-rule][data-sheet]:not(:has(li[data-cell]))")]
          .map((e) => `${e.getAttribute("data-rule")} ${e.getAttribute("data-sheet")}!${e.getAttribute("data-cell") ?? ""} ${e.getAttribute("data-severity")}`)
          .sort();
        return JSON.stringify(now) === want;
      },
      JSON.stringify(expected),
      { timeout, polling: 50 },
    );
  } catch {
    const now = await paneIssues(page);
    throw new Error(
      `pane issues after ${timeout} ms:\n  missing: ${JSON.stringify(expected.filter((x) => !now.includes(x)))}\n  extra: ${JSON.stringify(now.filter((x) => !expected.includes(x)))}`,
    );
  }
}

/** Text of every rendered grid cell, by address (the whole sheet: these sheets are not virtualized). */
async function gridTexts(page: Page): Promise<Record<string, string>> {
  return Object.fromEntries(
    await page.$$eval("#workbench td[data-address]", (els) => els.map((e) => [e.getAttribute("data-address")!, e.textContent ?? ""] as const)),
  );
}

/** Values, formulas, number formats and merges of every sheet in the in-memory Excel (not fills: marks come and go). */
async function modelContent(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const s of window.__workbench!.excel.toSnapshot().sheets) {
      for (const [a1, c] of Object.entries(s.cells)) {
        if (c.v !== undefined || c.f !== undefined || c.nf !== undefined) out[`${s.name}!${a1}`] = JSON.stringify([c.v ?? null, c.f ?? null, c.nf ?? null]);
      }
      out[`${s.name}!merges`] = JSON.stringify([...(s.merges ?? [])].sort());
    }
    return out;
  });
}

/** Keys whose value differs between two maps (either side missing counts). */
function diffKeys(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

async function waitGridText(page: Page, a1: string, text: string, timeout = WAIT_MS): Promise<void> {
  try {
    await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.textContent === t, [cell(a1), text] as const, { timeout, polling: 20 });
  } catch {
    throw new Error(`${a1}: expected ${JSON.stringify(text)}, grid shows ${JSON.stringify(await page.textContent(cell(a1)).catch(() => null))}`);
  }
}

async function waitFill(page: Page, a1: string, test: (fill: string) => boolean, what: string, timeout = WAIT_MS): Promise<void> {
  const start = Date.now();
  for (;;) {
    const fill = (await page.getAttribute(cell(a1), "data-fill")) ?? "";
    if (test(fill)) return;
    if (Date.now() - start > timeout) throw new Error(`${a1}: fill ${JSON.stringify(fill)} is not ${what} after ${timeout} ms`);
    await page.waitForTimeout(25);
  }
}

const MARKS = new Set<string>(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));
const isMark = (fill: string) => MARKS.has(fill.toUpperCase());

// ── the scenario ────────────────────────────────────────────────────────────────────────────────

/**
 * On the page's current workbook (its grid showing `exp.sheet`, the pane on its check tab): fill
 * the plan from the 支出计划 tab, check cells, other cells, issues and marks; undo and check again.
 */
async function fillPlanAndUndo(page: Page, exp: Expected, timings: Record<string, number>, label: string, screenshot?: string): Promise<void> {
  const { cells } = exp;
  const planCellSet = new Set(PLAN_KEYS.map((k) => cells[k]));
  const planRow = parseA1(cells.m3)!.row;
  const planRowIssue = (key: string) => {
    const [rule, where] = key.split(" ");
    const [sheet, a1] = where.split("!");
    return rule.startsWith("plan-") && sheet === exp.sheet && a1 !== "" && parseA1(a1)!.row === planRow;
  };
  // The sample's plan row has a plan rule firing (plan-blank on the blank 3月底) before the write.
  expect(exp.issuesBefore.filter(planRowIssue)).toEqual([`plan-blank ${exp.sheet}!${cells.m3} warning`]);
  expect(exp.issuesAfter.filter(planRowIssue)).toEqual([]);

  // Before: the pane has checked the workbook; the blank 3月底 carries a warning mark.
  let t0 = Date.now();
  await waitIssues(page, exp.issuesBefore);
  timings[`${label}: pane checked the workbook`] = Date.now() - t0;
  await waitFill(page, cells.m3, (f) => f.toUpperCase() === MARK_COLORS.warning.toUpperCase(), "the warning mark");
  const textsBefore = await gridTexts(page);
  const modelBefore = await modelContent(page);
  const fillsBefore = Object.fromEntries(await Promise.all(PLAN_KEYS.map(async (k) => [k, (await page.getAttribute(cell(cells[k]), "data-fill")) ?? ""] as const)));
  // Every cell of the sheet is rendered (no virtualization at this size), the plan cells among them.
  const rowCount = Number(await page.getAttribute('#workbench table[role="grid"]', "aria-rowcount"));
  expect(await page.locator('#workbench tr[aria-rowindex]').count()).toBe(rowCount);
  for (const a1 of planCellSet) expect(textsBefore).toHaveProperty([a1]);

  // 支出计划 tab: pick the table, choose 均匀支出 1–12月.
  t0 = Date.now();
  await page.click('#container [data-tab="plan"]');
  const tableSelect = page.locator('#container select[data-testid="plan-table"]');
  await tableSelect.waitFor();
  const option = tableSelect.locator(`option[data-sheet="${exp.sheet}"][data-range="${exp.range}"]`);
  await expect(option.count()).resolves.toBe(1);
  await expect(option.textContent()).resolves.toContain(PROJECT);
  await tableSelect.selectOption((await option.getAttribute("value"))!);
  await page.locator('#container select[data-testid="plan-profile"]').selectOption(FORM.profile);
  await expect(page.locator('#container select[data-testid="plan-profile"] option:checked').textContent()).resolves.toBe("均匀支出");
  // The controls drive the preview: 1–6月 first (all spent by 6月底), then 1–12月.
  await page.locator('#container select[data-testid="plan-start"]').selectOption(FORM.start);
  await page.locator('#container select[data-testid="plan-end"]').selectOption("6");
  await waitText(page, '#container [data-plan="m6"]', "100%");
  await page.locator('#container select[data-testid="plan-end"]').selectOption(FORM.end);

  // The preview shows the computed plan, which is docs/plan.md's example 25/50/83/100, and no plan check fires.
  expect(exp.values).toEqual(DOC_EXAMPLE);
  for (const k of PLAN_KEYS) await waitText(page, `#container [data-plan="${k}"]`, `${exp.values[k]}%`);
  await page.locator('#container [data-testid="plan-no-issues"]').waitFor();
  timings[`${label}: plan tab → preview`] = Date.now() - t0;

  // 写入表格: the pane asks before overwriting non-empty cells, listing exactly those.
  t0 = Date.now();
  await page.click('#container button[data-action="write-plan"]');
  const confirm = page.locator('#container [data-testid="plan-confirm"]');
  await confirm.waitFor();
  expect(exp.overwritten.length).toBeGreaterThan(0);
  await expect(confirm.locator("li[data-cell]").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")).sort())).resolves.toEqual(exp.overwritten);
  // Nothing is written before the confirmation.
  expect(await gridTexts(page)).toEqual(textsBefore);
  await page.click('#container button[data-action="confirm-write-plan"]');

  // The four plan cells show the plan …
  for (const k of PLAN_KEYS) await waitGridText(page, cells[k], exp.texts[k]);
  timings[`${label}: confirm → cells written`] = Date.now() - t0;
  expect(PLAN_KEYS.map((k) => exp.texts[k])).toEqual(["25%", "50%", "83%", "100%"]);
  await confirm.waitFor({ state: "detached" });
  // … and no other cell of the sheet (grid) or of the workbook (values, formats, merges) changed.
  const textsAfter = await gridTexts(page);
  const changedTexts = diffKeys(textsBefore, textsAfter);
  expect(changedTexts).toEqual(exp.changing.filter((a1) => textsBefore[a1] !== textsAfter[a1]));
  expect(changedTexts.every((a1) => planCellSet.has(a1))).toBe(true);
  expect(changedTexts.length).toBeGreaterThan(0);
  const modelAfter = await modelContent(page);
  expect(diffKeys(modelBefore, modelAfter)).toEqual(exp.changing.map((a1) => `${exp.sheet}!${a1}`).sort());
  // The preview now reads the written plan as the table's current one.
  for (const k of PLAN_KEYS) await waitText(page, `#container [data-plan-current="${k}"]`, `${exp.values[k]}%`);
  if (screenshot) {
    // Bring the written row into view (selecting changes no cell), then take the picture.
    await page.evaluate(([s, a1]) => window.__workbench!.excel.user.select(s, a1), [exp.sheet, cells.m3] as const);
    await page.waitForSelector(`${cell(cells.m3)}[aria-selected="true"]`);
    await page.screenshot({ path: resultsPath(screenshot) });
  }

  // The plan rules stay quiet: the check tab lists exactly what the engine finds after the write,
  // with no plan-* issue on the plan row; the warning mark on 3月底 is gone.
  t0 = Date.now();
  await page.click('#container [data-tab="check"]');
  await waitIssues(page, exp.issuesAfter);
  timings[`${label}: write → issues re-checked`] = Date.now() - t0;
  expect((await paneIssues(page)).filter(planRowIssue)).toEqual([]);
  for (const k of PLAN_KEYS) await waitFill(page, cells[k], (f) => !isMark(f), "free of marks");

  // 撤销上次修改 restores the previous values, the issues and the marks.
  t0 = Date.now();
  const undo = page.locator('#container button[data-action="undo"]');
  await expect(undo.textContent()).resolves.toBe("撤销上次修改");
  await undo.click();
  for (const k of PLAN_KEYS) await waitGridText(page, cells[k], textsBefore[cells[k]]);
  await waitIssues(page, exp.issuesBefore);
  timings[`${label}: undo → restored and re-checked`] = Date.now() - t0;
  expect(await gridTexts(page)).toEqual(textsBefore);
  expect(await modelContent(page)).toEqual(modelBefore);
  for (const k of PLAN_KEYS) await waitFill(page, cells[k], (f) => f === fillsBefore[k], `as before (${fillsBefore[k] || "none"})`);
}

/** Waits until the element's text is `text` (pane elements; the preview re-renders a frame later). */
async function waitText(page: Page, selector: string, text: string, timeout = WAIT_MS): Promise<void> {
  try {
    await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.textContent === t, [selector, text] as const, { timeout, polling: 20 });
  } catch {
    throw new Error(`${selector}: expected ${JSON.stringify(text)}, got ${JSON.stringify(await page.locator(selector).first().textContent({ timeout: 100 }).catch(() => null))}`);
  }
}

suite("支出计划 tab: fill a plan from the pane in the workbench (Chromium)", () => {
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
    console.log(`plan browser test timings (ms):\n${Object.entries(timings).map(([k, v]) => `  ${k}: ${v}`).join("\n")}`);
  });

  test("sample (text percents, merged spacer column): 均匀 1–12月 into 项目3, rules quiet, undo restores", async () => {
    // What the workbench opens: the seed sheet and the department sheets.
    const exp = await expectationsFor(buildSampleWorkbook());
    // The sample stacks the three tables on one sheet; 项目3's plan row is row 49, B49:C49 merged.
    expect(exp.cells).toEqual({ m3: "B49", m6: "D49", m10: "E49", m12: "F49" });
    await expect(page.getAttribute('#workbench table[role="grid"]', "data-sheet")).resolves.toBe(exp.sheet);
    await expect(page.getAttribute(cell("B49"), "colspan")).resolves.toBe("2");
    await fillPlanAndUndo(page, exp, timings, "sample", "plan-tab.png");
  });

  test("seed-typed (fractions with \"0%\", one table per sheet), opened with 打开 .xlsx: the same", async () => {
    const wb = buildSeedTypedWorkbook();
    const exp = await expectationsFor(wb);
    expect(exp.sheet).toBe("项目3");
    const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-plan-"));
    try {
      const file = path.join(dir, "seed-typed.xlsx");
      await wb.xlsx.writeFile(file);
      const t0 = Date.now();
      await Promise.all([page.waitForEvent("load"), page.setInputFiles('[data-testid="file-input"]', file)]);
      await page.waitForFunction(() => window.__workbench?.ready === true && window.__workbench.book.title === "seed-typed.xlsx");
      timings["typed: open seed-typed.xlsx → grid ready"] = Date.now() - t0;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.click(`#workbench [role="tab"][data-sheet="${exp.sheet}"]`);
    await page.waitForFunction((s) => document.querySelector('#workbench table[role="grid"]')?.getAttribute("data-sheet") === s, exp.sheet);
    // Typed: the plan cells hold fractions shown through "0%".
    await expect(page.evaluate(([s, a1]) => window.__workbench!.excel.user.value(s, a1), [exp.sheet, exp.cells.m6] as const)).resolves.toBe(0.5);
    await fillPlanAndUndo(page, exp, timings, "typed");
  });

  test("no errors in the console and no request left 127.0.0.1", () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(session!.url) && !/^(data|blob):/.test(u))).toEqual([]);
  });
});
