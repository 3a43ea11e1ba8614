/** @jest-environment jsdom */
/** The pane's components over the in-memory Excel: data attributes, selection, fixes, language. */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider } from "@fluentui/react-components";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { TaskPane } from "../../src/taskpane/components/TaskPane";
import { App, shouldRun, theme, watchOfficeHost, type HostState } from "../../src/taskpane/index";
import { localeFromDisplayLanguage } from "../../src/taskpane/i18n";
import { MemoryExcel } from "../../src/workbench/memory-excel";
import { SHEET, seedSnapshot } from "./helpers";

function setup(displayLanguage = "zh-CN") {
  const mem = MemoryExcel.fromSnapshot(seedSnapshot(), { displayLanguage });
  const port = new OfficeWorkbook(mem.host());
  return { mem, port };
}

async function renderPane(locale: "zh-CN" | "en" = "zh-CN") {
  const { mem, port } = setup();
  const view = render(
    <FluentProvider theme={theme}>
      <TaskPane port={port} locale={locale} options={{ debounceMs: 0 }} />
    </FluentProvider>,
  );
  await waitFor(() => expect(view.container.querySelectorAll("[data-rule]").length).toBeGreaterThan(50));
  return { mem, port, view };
}

let errors: jest.SpyInstance;
beforeEach(() => {
  errors = jest.spyOn(console, "error");
});
afterEach(() => {
  // no console errors (React warnings, act() warnings, failed promises) while the pane runs
  expect(errors).not.toHaveBeenCalled();
  errors.mockRestore();
});

describe("check tab", () => {
  test("every issue carries data-rule, data-cell and data-sheet; grouped per table with counts", async () => {
    const { view } = await renderPane();
    const rows = [...view.container.querySelectorAll<HTMLElement>("li[data-rule]")];
    for (const r of rows) {
      expect(r.dataset.cell).toMatch(/^[A-Z]+\d+$/);
      expect(r.dataset.sheet).toBe(SHEET);
      expect(r.tabIndex).toBe(0);
    }
    expect(view.container.querySelector('li[data-rule="unit-wording"][data-cell="F11"]')).not.toBeNull();
    expect(view.container.querySelectorAll("[data-group]").length).toBe(3);
    const totals = screen.getByTestId("totals");
    expect(totals.textContent).toMatch(/错误 \d+/);
    expect(totals.textContent).toMatch(/警告 \d+/);
    expect(totals.textContent).toMatch(/提示 \d+/);
    const first = view.container.querySelector<HTMLElement>('[data-group="0"]')!;
    expect(within(first).getByRole("heading", { level: 3 }).textContent).toMatch(/会场搭建/);
  });

  test("clicking an issue selects its cell; Enter on a focused issue does too", async () => {
    const { mem, view } = await renderPane();
    const row = view.container.querySelector<HTMLElement>('li[data-rule="unit-wording"][data-cell="F12"]')!;
    fireEvent.click(row);
    await waitFor(() => expect(mem.user.selection()).toEqual({ sheet: SHEET, address: "F12" }));
    const other = view.container.querySelector<HTMLElement>('li[data-cell="C14"]')!;
    other.focus();
    fireEvent.keyDown(other, { key: "Enter" });
    await waitFor(() => expect(mem.user.selection()).toEqual({ sheet: SHEET, address: "C14" }));
  });

  test("details show the rule's title and basis; fix a grouped habit with one preview, then undo", async () => {
    const { mem, view } = await renderPane();
    const row = () => view.container.querySelector<HTMLElement>('li[data-finding][data-rule="unit-wording"][data-cell="F11"]');
    fireEvent.click(within(row()!).getByRole("button", { name: "说明" }));
    expect(within(row()!).getByTestId("issue-details").textContent).toMatch(/依据：.+/);
    expect(mem.user.selection()?.address).not.toBe("F11"); // the inner button does not jump
    fireEvent.click(within(row()!).getByRole("button", { name: "修复全部（8）" }));
    const preview = screen.getByTestId("fix-preview");
    expect(preview.textContent).toContain("F11: ≥95百分比 → ≥95%");
    expect(preview.textContent).toContain("F20: ≥95百分比 → ≥95%");
    expect(preview.textContent).not.toContain("F32"); // the same habit on table 2 is its own finding
    fireEvent.click(within(preview).getByRole("button", { name: "确认修改" }));
    await waitFor(() => expect(mem.user.value(SHEET, "F11")).toBe("≥95%"));
    expect(mem.user.value(SHEET, "F20")).toBe("≥95%");
    expect(mem.user.value(SHEET, "F32")).toBe("≥95百分比");
    await waitFor(() => expect(row()).toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "撤销上次修改" }));
    await waitFor(() => expect(mem.user.value(SHEET, "F11")).toBe("≥95百分比"));
    expect(mem.user.value(SHEET, "F20")).toBe("≥95百分比");
    await waitFor(() => expect(row()).not.toBeNull());
  });

  test("a grouped habit is one finding listing its cells, counted once in the headline and the tab", async () => {
    const { mem, view } = await renderPane();
    const group = view.container.querySelector<HTMLElement>('li[data-finding="8"][data-rule="unit-wording"][data-cell="F11"]')!;
    const cells = [...within(group).getByTestId("group-cells").querySelectorAll<HTMLElement>("li[data-cell]")].map((li) => li.dataset.cell);
    expect(cells).toEqual(["F11", "F12", "F14", "F16", "F17", "F18", "F19", "F20"]);
    // A listed cell selects itself, not the finding's first cell.
    fireEvent.click(within(group).getByText("F17"));
    await waitFor(() => expect(mem.user.selection()).toEqual({ sheet: SHEET, address: "F17" }));
    // The headline counts findings: one per row of the list, a group once.
    const findings = [...view.container.querySelectorAll<HTMLElement>("li[data-finding]")];
    const count = (sev: string) => findings.filter((f) => f.dataset.severity === sev).length;
    const totals = screen.getByTestId("totals").textContent!;
    expect(totals).toContain(`错误 ${count("error")}`);
    expect(totals).toContain(`警告 ${count("warning")}`);
    expect(totals).toContain(`提示 ${count("info")}`);
    // …and so does the tab's label (it counted every cell of a group: 149 against 80 on the sample).
    expect(view.container.querySelector('[data-tab="check"]')!.textContent).toBe(`检查 (${findings.length})`);
    const issues = findings.reduce((n, f) => n + Number(f.dataset.finding), 0);
    expect(issues - findings.length).toBeGreaterThanOrEqual(3 * 7); // three 百分比 habits of 8, 8 and 7 cells
  });

  test("highlight toggle and remove all marks", async () => {
    const { mem } = await renderPane();
    await waitFor(() => expect(mem.user.fill(SHEET, "F11")).not.toBeNull());
    fireEvent.click(screen.getByRole("switch"));
    await waitFor(() => expect(mem.user.fill(SHEET, "F11")).toBeNull());
    fireEvent.click(screen.getByRole("switch"));
    await waitFor(() => expect(mem.user.fill(SHEET, "F11")).not.toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "清除所有标记" }));
    await waitFor(() => expect(mem.user.fill(SHEET, "F11")).toBeNull());
    expect((screen.getByRole("switch") as HTMLInputElement).checked).toBe(false);
  });

  test("a typed invalid value appears in the list live", async () => {
    const { mem, view } = await renderPane();
    act(() => mem.user.setCellValue(SHEET, "F35", "≥120%"));
    await waitFor(() => expect(view.container.querySelector('li[data-rule="percent-range"][data-cell="F35"]')).not.toBeNull());
  });
});

test("a protected sheet: the pane explains that its cells cannot be marked and still lists the issues", async () => {
  const snap = seedSnapshot();
  snap.sheets[0].protected = true;
  const mem = MemoryExcel.fromSnapshot(snap);
  const view = render(<TaskPane port={new OfficeWorkbook(mem.host())} locale="zh-CN" options={{ debounceMs: 0 }} />);
  await waitFor(() => expect(view.container.querySelectorAll("li[data-rule]").length).toBeGreaterThan(50));
  await waitFor(() => expect(screen.getByTestId("protected").textContent).toContain("受保护"));
  expect(mem.user.fill(SHEET, "F11")).toBeNull();
});

describe("tables tab", () => {
  test("lists the tables with ranges and form; maps the selection with a role preview", async () => {
    const { mem, view } = await renderPane();
    fireEvent.click(screen.getByRole("tab", { name: "表格" }));
    // The 表格 tab is loaded on first use (a lazy chunk): wait for it.
    await waitFor(() => expect(view.container.querySelectorAll("li[data-table-id]").length).toBe(3));
    const items = [...view.container.querySelectorAll<HTMLElement>("li[data-table-id]")];
    expect(items.map((i) => i.dataset.range)).toEqual(["A1:G20", "A22:G41", "A43:G62"]);
    expect(items[0].textContent).toContain(`${SHEET}!A1:G20`);
    expect(items[0].textContent).toContain("88号表式");
    act(() => mem.user.select(SHEET, "A22:G41"));
    fireEvent.click(screen.getByRole("button", { name: "映射所选区域" }));
    const editor = await screen.findByTestId("mapping-editor");
    const roles = [...editor.querySelectorAll<HTMLElement>("li[data-col]")].map((li) => `${li.dataset.col}:${li.dataset.role}`);
    expect(roles).toEqual(["A:level1", "B:level2", "C:name", "D:description", "F:value", "G:basis"]);
    const selF = editor.querySelector<HTMLElement>('li[data-col="F"] select')!;
    fireEvent.change(selF, { target: { value: "ignore" } });
    expect(within(editor).getByTestId("mapping-missing").textContent).toContain("指标值");
    fireEvent.change(editor.querySelector<HTMLElement>('li[data-col="F"] select')!, { target: { value: "value" } });
    fireEvent.click(within(editor).getByRole("button", { name: "保存映射" }));
    await waitFor(() => expect(screen.queryByTestId("mapping-editor")).toBeNull());
    await waitFor(() => expect(view.container.querySelector('li[data-table-id][data-range="A22:G41"]')!.textContent).toContain("手动映射"));
  });
});

describe("language", () => {
  test.each([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["EN", "en"],
    ["fr-FR", "zh-CN"],
    [undefined, "zh-CN"],
  ])("display language %s → %s", (lang, locale) => {
    expect(localeFromDisplayLanguage(lang)).toBe(locale);
  });

  test("the App follows Office.context.displayLanguage (English) and renders in English", async () => {
    const mem = MemoryExcel.fromSnapshot(seedSnapshot(), { displayLanguage: "en-US" });
    const g = globalThis as unknown as Record<string, unknown>;
    mem.install(g);
    try {
      const view = render(<App initialState={{ kind: "office", host: "Excel" }} />);
      await waitFor(() => expect(view.container.querySelectorAll("li[data-rule]").length).toBeGreaterThan(50));
      expect(screen.getByRole("tab", { name: /^Check/ })).toBeTruthy();
      expect(screen.getByRole("button", { name: "Remove all marks" })).toBeTruthy();
      expect(view.container.querySelector('li[data-rule="unit-wording"][data-cell="F11"]')!.textContent).toMatch(/[A-Za-z]{4,}/);
      view.unmount();
    } finally {
      delete g.Excel;
      delete g.Office;
    }
  });

  test("Chinese pane by default", async () => {
    await renderPane("zh-CN");
    expect(screen.getByRole("tab", { name: /^检查/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: "清除所有标记" })).toBeTruthy();
  });
});

describe("host", () => {
  const hasExcel = { Excel: { run: () => undefined }, Office: { context: {} } };
  test.each<[HostState, unknown, boolean]>([
    [{ kind: "office", host: "Excel" }, hasExcel, true],
    [{ kind: "office", host: "Word" }, hasExcel, false],
    [{ kind: "waiting" }, hasExcel, false],
    [{ kind: "standalone" }, hasExcel, true],
    [{ kind: "no-office-js" }, hasExcel, true],
    [{ kind: "standalone" }, {}, false],
    [{ kind: "no-office-js" }, {}, false],
  ])("shouldRun(%j)", (state, g, run) => {
    expect(shouldRun(state, g)).toBe(run);
  });

  test("outside Excel the pane explains itself instead of failing", () => {
    render(<App initialState={{ kind: "standalone" }} />);
    expect(screen.getByText("请在 Excel 中打开本加载项")).toBeTruthy();
  });

  test("watchOfficeHost: onReady with Excel → office; no office.js → no-office-js; a silent onReady times out", async () => {
    const seen: string[] = [];
    watchOfficeHost((s) => seen.push(s.kind), { onReady: () => Promise.resolve({ host: "Excel" }) });
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual(["waiting", "office"]);
    const none: string[] = [];
    watchOfficeHost((s) => none.push(s.kind), undefined);
    expect(none).toEqual(["no-office-js"]);
    const slow: string[] = [];
    watchOfficeHost((s) => slow.push(s.kind), { onReady: () => new Promise(() => undefined) }, 10);
    await new Promise((r) => setTimeout(r, 30));
    expect(slow).toEqual(["waiting", "standalone"]);
  });
});
