/** @jest-environment jsdom */
/**
 * The pane's 支出计划 tab over the in-memory Excel: pick a table, choose a profile, preview (values,
 * money, chart, checks) before writing, confirm before overwriting, write, undo; English too.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider } from "@fluentui/react-components";
import { PLAN_KEYS } from "../../src/core/model/schema";
import { computePlan, percentOfBudget, profileFromParams, type PlanParams } from "../../src/core/plan";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { TaskPane } from "../../src/taskpane/components/TaskPane";
import { theme } from "../../src/taskpane/index";
import { MemoryExcel } from "../../src/workbench/memory-excel";
import { SHEET, seedSnapshot } from "./helpers";

const PLAN_CELLS = ["B49", "D49", "E49", "F49"];

async function renderPlanTab(locale: "zh-CN" | "en" = "zh-CN") {
  const mem = MemoryExcel.fromSnapshot(seedSnapshot());
  const view = render(
    <FluentProvider theme={theme}>
      <TaskPane port={new OfficeWorkbook(mem.host())} locale={locale} options={{ debounceMs: 0 }} />
    </FluentProvider>,
  );
  await waitFor(() => expect(view.container.querySelectorAll("li[data-rule]").length).toBeGreaterThan(50));
  fireEvent.click(view.container.querySelector<HTMLElement>('[data-tab="plan"]')!);
  const tab = await screen.findByTestId("plan-tab");
  return { mem, view, tab };
}

/** Picks the table whose name contains `name` in the tab's table list. */
function pickTable(tab: HTMLElement, name: string): void {
  const select = within(tab).getByTestId("plan-table") as HTMLSelectElement;
  const option = [...select.options].find((o) => o.text.includes(name))!;
  expect(option).toBeDefined();
  fireEvent.change(select, { target: { value: option.value } });
}

const shown = (tab: HTMLElement) => PLAN_KEYS.map((k) => tab.querySelector(`[data-plan="${k}"]`)?.textContent ?? null);
const values = (params: PlanParams, crossYear = false) => computePlan(profileFromParams(params), { crossYear }).values;
const yuan = (v: number) => new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);

let errors: jest.SpyInstance;
beforeEach(() => {
  errors = jest.spyOn(console, "error");
});
afterEach(() => {
  expect(errors).not.toHaveBeenCalled();
  errors.mockRestore();
});

test("基础设施 (3,000,000 元), even 1–12: preview 25/50/83/100 with money, chart and checks; write asks before overwriting, writes, and undo restores", async () => {
  const { mem, tab } = await renderPlanTab();
  pickTable(tab, "基础设施");
  // the default profile is even, January to December
  expect((within(tab).getByTestId("plan-profile") as HTMLSelectElement).value).toBe("even");
  expect(shown(tab)).toEqual(["25%", "50%", "83%", "100%"]);
  for (const k of PLAN_KEYS)
    expect(tab.querySelector(`[data-plan-money="${k}"]`)!.textContent).toBe(yuan(percentOfBudget(values({ profile: "even" })[k], 3_000_000, "元", 0)));
  expect(within(tab).getByTestId("plan-budget").textContent).toBe(`预算数：${yuan(3_000_000)} 元`);
  expect(PLAN_KEYS.map((k) => tab.querySelector(`[data-plan-current="${k}"]`)!.textContent)).toEqual(["（空）", "50%", "90%", "100%"]);
  const chart = within(tab).getByRole("img");
  expect(chart.getAttribute("aria-label")).toContain("3月底25%");
  expect(chart.querySelectorAll("polyline")).toHaveLength(2);
  expect(chart.querySelector('polyline[data-series="plan"]')!.getAttribute("points")!.split(" ")).toHaveLength(13);
  expect(within(tab).getByTestId("plan-no-issues").textContent).toBe("未发现问题。");
  // nothing written yet
  expect(PLAN_CELLS.map((c) => mem.user.value(SHEET, c))).toEqual(["", "50%", "90%", "100%"]);

  fireEvent.click(tab.querySelector<HTMLElement>('[data-action="write-plan"]')!);
  const confirm = await within(tab).findByTestId("plan-confirm");
  // only E49 (90% → 83%) holds something else; the other cells are blank or already right
  expect([...confirm.querySelectorAll<HTMLElement>("li[data-cell]")].map((li) => li.textContent)).toEqual(["E49（10月底）：90% → 83%"]);
  const ok = confirm.querySelector<HTMLElement>('[data-action="confirm-write-plan"]')!;
  await waitFor(() => expect(document.activeElement).toBe(ok));
  expect(PLAN_CELLS.map((c) => mem.user.value(SHEET, c))).toEqual(["", "50%", "90%", "100%"]);

  fireEvent.click(ok);
  await waitFor(() => expect(PLAN_CELLS.map((c) => mem.user.value(SHEET, c))).toEqual(["25%", "50%", "83%", "100%"]));
  // the table was re-read: the preview's "in the table" column shows the written plan, checks stay quiet
  await waitFor(() => expect(PLAN_KEYS.map((k) => tab.querySelector(`[data-plan-current="${k}"]`)!.textContent)).toEqual(["25%", "50%", "83%", "100%"]));
  expect(within(tab).getByTestId("plan-no-issues")).toBeTruthy();
  expect(screen.queryByTestId("plan-confirm")).toBeNull();

  // the check tab has no plan issue on these cells any more
  fireEvent.click(document.querySelector<HTMLElement>('[data-tab="check"]')!);
  await screen.findByTestId("issues-tab");
  for (const c of PLAN_CELLS) expect(document.querySelector(`li[data-rule^="plan-"][data-cell="${c}"]`)).toBeNull();

  // undo (the pane's "撤销上次修改")
  fireEvent.click(screen.getByRole("button", { name: "撤销上次修改" }));
  await waitFor(() => expect(PLAN_CELLS.map((c) => mem.user.value(SHEET, c))).toEqual(["", "50%", "90%", "100%"]));
  await waitFor(() => expect(document.querySelector('li[data-rule="plan-blank"][data-cell="B49"]')).not.toBeNull());
});

test("the confirmation can be cancelled (button or Escape) and then nothing is written", async () => {
  const { mem, tab } = await renderPlanTab();
  pickTable(tab, "基础设施");
  fireEvent.change(within(tab).getByTestId("plan-profile"), { target: { value: "front" } });
  expect(shown(tab)).toEqual(PLAN_KEYS.map((k) => `${values({ profile: "front" })[k]}%`));
  fireEvent.click(tab.querySelector<HTMLElement>('[data-action="write-plan"]')!);
  let confirm = await within(tab).findByTestId("plan-confirm");
  // the cells that hold a value (6月底 50%, 10月底 90%, 12月底 100%) and would get another one
  const front = values({ profile: "front" });
  const overwritten = (["m6", "m10", "m12"] as const).filter((k, i) => front[k] !== [50, 90, 100][i]);
  expect(confirm.querySelectorAll("li[data-cell]").length).toBe(overwritten.length);
  expect(overwritten.length).toBeGreaterThan(0);
  fireEvent.click(within(confirm).getByRole("button", { name: "取消" }));
  expect(screen.queryByTestId("plan-confirm")).toBeNull();
  await waitFor(() => expect(document.activeElement).toBe(tab.querySelector('[data-action="write-plan"]')));
  fireEvent.click(tab.querySelector<HTMLElement>('[data-action="write-plan"]')!);
  confirm = await within(tab).findByTestId("plan-confirm");
  fireEvent.keyDown(confirm.querySelector('[data-action="confirm-write-plan"]')!, { key: "Escape" });
  expect(screen.queryByTestId("plan-confirm")).toBeNull();
  // changing the plan also drops a pending confirmation
  fireEvent.click(tab.querySelector<HTMLElement>('[data-action="write-plan"]')!);
  await within(tab).findByTestId("plan-confirm");
  fireEvent.change(within(tab).getByTestId("plan-profile"), { target: { value: "back" } });
  expect(screen.queryByTestId("plan-confirm")).toBeNull();
  expect(PLAN_CELLS.map((c) => mem.user.value(SHEET, c))).toEqual(["", "50%", "90%", "100%"]);
});

test("milestones as editable rows; shares that do not add up are an error; cross-year needs the 跨年 box", async () => {
  const { tab } = await renderPlanTab();
  pickTable(tab, "基础设施");
  fireEvent.change(within(tab).getByTestId("plan-profile"), { target: { value: "milestones" } });
  // empty rows: the pane asks for a milestone (in its own words, not the CLI's)
  expect(within(tab).getByTestId("plan-error").textContent).toBe("请至少填写一个付款节点（日期和比例或金额）");
  const box = within(tab).getByTestId("plan-milestones");
  const type = (row: number, field: "date" | "value", v: string) =>
    fireEvent.change(box.querySelector(`li[data-milestone="${row}"] input[data-field="${field}"]`)!, { target: { value: v } });
  type(1, "date", "2024-03");
  type(1, "value", "30");
  type(2, "date", "2024-09");
  type(2, "value", "60");
  expect(within(tab).getByTestId("plan-error").getAttribute("data-error")).toBe("sharesNot100");
  fireEvent.click(within(box).getByRole("button", { name: "添加节点" }));
  type(3, "date", "2024-12");
  type(3, "value", "10");
  const params: PlanParams = { profile: "milestones", milestones: "2024-03:30,2024-09:60,2024-12:10" };
  expect(shown(tab)).toEqual(PLAN_KEYS.map((k) => `${values(params)[k]}%`));
  // the last payment moves into next year: cross-year
  type(3, "date", "2025-01");
  expect(within(tab).getByTestId("plan-error").textContent).toContain("跨年（结转）项目");
  fireEvent.click(within(tab).getByTestId("plan-cross-year"));
  const cross: PlanParams = { profile: "milestones", milestones: "2024-03:30,2024-09:60,2025-01:10" };
  expect(shown(tab)).toEqual(PLAN_KEYS.map((k) => `${values(cross, true)[k]}%`));
  expect(values(cross, true).m12).toBeLessThan(100);
  // removing a row
  fireEvent.click(within(box).getByRole("button", { name: "删除第 3 个节点" }));
  expect(box.querySelectorAll("li[data-milestone]").length).toBe(2);
});

test("monthly amounts and a single payment; recurring projects get the 序时进度 hint", async () => {
  const { tab } = await renderPlanTab();
  pickTable(tab, "基础设施");
  fireEvent.change(within(tab).getByTestId("plan-profile"), { target: { value: "monthly" } });
  const months = within(tab).getByTestId("plan-monthly");
  const amounts = ["0", "0", "0", "0", "0", "0", "100", "100", "100", "100", "100", "100"];
  amounts.forEach((v, i) => fireEvent.change(months.querySelector(`input[data-month="${i + 1}"]`)!, { target: { value: v } }));
  expect(shown(tab)).toEqual(PLAN_KEYS.map((k) => `${values({ profile: "monthly", monthly: amounts.join(",") })[k]}%`));
  fireEvent.click(within(tab).getByTestId("plan-recurring"));
  expect(within(tab).getByTestId("plan-issues").querySelector('[data-rule="plan-progress-floor"][data-severity="info"]')).not.toBeNull();
  fireEvent.change(within(tab).getByTestId("plan-profile"), { target: { value: "once" } });
  fireEvent.change(within(tab).getByTestId("plan-month"), { target: { value: "2" } });
  expect(shown(tab)).toEqual(["100%", "100%", "100%", "100%"]);
  expect(within(tab).getByTestId("plan-issues").querySelector('[data-rule="plan-front-loaded"]')).not.toBeNull();
});

test("typing into the sheet updates the preview's current values (the table is re-read live)", async () => {
  const { mem, tab } = await renderPlanTab();
  pickTable(tab, "基础设施");
  act(() => mem.user.setCellValue(SHEET, "B49", "'10%"));
  await waitFor(() => expect(tab.querySelector('[data-plan-current="m3"]')!.textContent).toBe("10%"));
});

test("English: labels, profile names and the write button", async () => {
  const { tab } = await renderPlanTab("en");
  expect(screen.getByRole("tab", { name: "Spending plan" })).toBeTruthy();
  pickTable(tab, "基础设施");
  const profile = within(tab).getByTestId("plan-profile") as HTMLSelectElement;
  expect([...profile.options].map((o) => o.text)).toEqual(["Even", "Front-loaded", "Back-loaded", "Payment milestones", "Monthly amounts", "Single payment"]);
  expect(shown(tab)).toEqual(["25%", "50%", "83%", "100%"]);
  expect(tab.querySelector('[data-action="write-plan"]')!.textContent).toBe("Write into the table");
  expect(within(tab).getByRole("img").getAttribute("aria-label")).toContain("end of March 25%");
  expect(within(tab).getByTestId("plan-no-issues").textContent).toBe("No issues found.");
  expect(within(tab).getByTestId("plan-budget").textContent).toBe("Budget: 3,000,000.00 元");
});
