/** @jest-environment jsdom */
/**
 * The 指标库 tab (lazy) over the in-memory Excel, and the custom-library round trip: import from CSV,
 * JSON and a block of the workbook, saved with the workbook, found again after reopening, exported.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider } from "@fluentui/react-components";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { TaskPane } from "../../src/taskpane/components/TaskPane";
import { rowsOfFile } from "../../src/taskpane/components/LibraryTab";
import { theme } from "../../src/taskpane/index";
import { MemoryExcel } from "../../src/workbench/memory-excel";
import { BUILTIN_ENTRIES, libraryToRows, parseCsv, toCsv } from "../../src/core/library";
import { LIBRARY_RECORD_ID } from "../../src/taskpane/controller";
import { SHEET, rig, seedSnapshot } from "./helpers";

const CUSTOM_CSV = [
  "一级指标,二级指标,三级指标,指标解释,计量单位,指标值,项目类型",
  "产出指标,数量指标,街巷保洁面积,本年度保洁的街巷面积,平方米,≥X平方米,环保/污染治理",
  "产出指标,质量指标,保洁达标率,检查达标的街巷占比,%,≥95%,环保/污染治理",
  "产出指标,质量指标,保洁达标率,重复的一行,%,≥95%,环保/污染治理",
  ",,,缺少名称,%,≥90%,",
  "产出指标,数量指标,清运垃圾量,本年度清运的生活垃圾,个人,≥X吨,环保/污染治理",
].join("\n");

describe("custom library round trip", () => {
  test("CSV import: rows skipped with reasons, the rest saved with the workbook, merged, found after reopening, exported", async () => {
    const { ctl, mem } = await rig(seedSnapshot(1));
    const rows = rowsOfFile("bureau.csv", CUSTOM_CSV)!;
    const out = await ctl.importLibrary(rows, {}, { source: "bureau.csv" });
    expect(out.status).toBe("imported");
    expect(out.imported).toBe(2);
    expect(out.skipped.map((r) => [r.row, r.reason])).toEqual([
      [4, "duplicate"],
      [5, "missingName"],
      [6, "oddUnit"],
    ]);
    expect(ctl.customLibrary().map((e) => e.name)).toEqual(["街巷保洁面积", "保洁达标率"]);
    // saved in the workbook (the reserved mapping record), pinyin included
    const again = await rig(mem.reopen().toSnapshot());
    expect(again.ctl.customLibrary().map((e) => e.name)).toEqual(["街巷保洁面积", "保洁达标率"]);
    expect(again.ctl.customLibrary()[0].pinyin?.length).toBeGreaterThan(0);
    expect(again.ctl.getState().brokenMappings).toEqual([]);
    expect(again.ctl.getState().tables.length).toBe(1);
    // merged with the built-in library; exported as CSV, which reads back to the same entries
    const merged = await again.ctl.libraryEntries();
    expect(merged.length).toBe(BUILTIN_ENTRIES.length + 2);
    const csv = await again.ctl.exportLibraryCsv();
    expect(parseCsv(csv)).toEqual(libraryToRows(merged));
    // the custom entry can be inserted: it goes to the 数量 block
    const id = again.ctl.customLibrary()[0].id;
    const ins = await again.ctl.insertFromLibrary(again.ctl.getState().tables[0].id, [id]);
    expect(ins.status).toBe("inserted");
    expect(again.mem.user.value(SHEET, "C15")).toBe("街巷保洁面积");
    // mapping a table over A1 keeps the library record
    again.mem.user.select(SHEET, "A1:G21");
    const d = (await again.ctl.draftFromSelection())!;
    expect(await again.ctl.saveMapping(d)).toBe(true);
    const third = await rig(again.mem.reopen().toSnapshot());
    expect(third.ctl.customLibrary().length).toBe(2);
    expect(third.ctl.getState().tables.map((t) => t.source)).toEqual(["mapped"]);
  });

  test("JSON import (records) and a block of the workbook; missing columns import nothing; clearing removes it", async () => {
    const { ctl, mem } = await rig(seedSnapshot(1));
    const json = JSON.stringify({ entries: [{ 三级指标: "路面修复面积", 二级指标: "数量指标", 计量单位: "平方米", 指标值: "≥X平方米" }] });
    let out = await ctl.importLibrary(rowsOfFile("x.json", json)!);
    expect([out.status, out.imported, out.custom]).toEqual(["imported", 1, 1]);
    // the whole built-in library exported and imported back is not half-imported: nothing changes on missing columns
    out = await ctl.importLibrary([["三级指标", "指标解释"], ["路灯安装数量", "安装的路灯数"]]);
    expect(out.status).toBe("failed");
    expect(out.error).toMatchObject({ code: "missingColumns" });
    expect(ctl.customLibrary().length).toBe(1);
    // a block of the open workbook
    mem.user.addSheet("本局指标");
    mem.user.paste("本局指标", "A1", parseCsv(CUSTOM_CSV));
    mem.user.select("本局指标", "A1:G6");
    out = await ctl.importLibraryFromSelection();
    expect([out.status, out.imported, out.custom]).toEqual(["imported", 2, 3]);
    expect(out.skipped.length).toBe(3);
    // JSON round trip of the saved entries
    const exported = toCsv(libraryToRows(ctl.customLibrary()));
    expect(parseCsv(exported).length).toBe(4);
    expect(await ctl.clearCustomLibrary()).toBe(true);
    expect(ctl.customLibrary()).toEqual([]);
    const again = await rig(mem.reopen().toSnapshot());
    expect(again.ctl.customLibrary()).toEqual([]);
    expect(mem.user.names().some((n) => n.name.includes(LIBRARY_RECORD_ID))).toBe(false);
  });

  test("replaceWithEntry: one undoable change", async () => {
    const { ctl, mem, settle } = await rig(seedSnapshot(1));
    const before = mem.toSnapshot();
    const e = BUILTIN_ENTRIES.find((x) => x.name === "项目（工程）验收合格率") ?? BUILTIN_ENTRIES.find((x) => x.level2 === "质量指标")!;
    const out = await ctl.replaceWithEntry(ctl.getState().tables[0].id, 14, e.id);
    expect(out.status).toBe("replaced");
    expect(mem.user.value(SHEET, "C15")).toBe(e.name);
    expect(ctl.getState().undo?.key).toBe("libraryReplaced");
    await ctl.undo();
    await settle();
    expect(mem.toSnapshot().sheets[0]).toEqual(before.sheets[0]);
  });
});

describe("指标库 tab", () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(console, "error");
  });
  afterEach(() => {
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  test("search (pinyin initials), filters, detail, insert into a table, replace the selected row", async () => {
    const mem = MemoryExcel.fromSnapshot(seedSnapshot(1));
    const port = new OfficeWorkbook(mem.host());
    const view = render(
      <FluentProvider theme={theme}>
        <TaskPane port={port} locale="zh-CN" options={{ debounceMs: 0 }} initialTab="library" />
      </FluentProvider>,
    );
    const search = await screen.findByTestId("library-search", {}, { timeout: 10000 });
    await waitFor(() => expect(view.container.querySelector('[data-tab="library"]')).not.toBeNull());
    const input = search.querySelector("input") ?? (search as HTMLInputElement);
    fireEvent.change(input, { target: { value: "xmyshgl" } });
    const target = BUILTIN_ENTRIES.find((x) => x.name === "项目（工程）验收合格率")!;
    await waitFor(() => expect(view.container.querySelector("[data-testid=library-results] li")).not.toBeNull());
    const first = view.container.querySelector<HTMLElement>("[data-testid=library-results] li")!;
    expect(first.dataset.entry).toBe(target.id);
    // filter by 二级: a 满意度 filter leaves no 质量 entry
    const l2 = view.container.querySelector<HTMLSelectElement>('select[data-filter="level2"]')!;
    fireEvent.change(l2, { target: { value: "服务对象满意度指标" } });
    fireEvent.change(input, { target: { value: "" } });
    await waitFor(() => {
      const items = [...view.container.querySelectorAll<HTMLElement>("[data-testid=library-results] li")];
      expect(items.length).toBeGreaterThan(0);
      for (const li of items) expect(BUILTIN_ENTRIES.find((e) => e.id === li.dataset.entry)!.level2).toBe("服务对象满意度指标");
    });
    const sat = view.container.querySelector<HTMLElement>("[data-testid=library-results] li")!;
    fireEvent.click(sat);
    const detail = await screen.findByTestId("library-detail");
    const entry = BUILTIN_ENTRIES.find((e) => e.id === sat.dataset.entry)!;
    expect(detail.textContent).toContain(entry.definition);
    expect(detail.textContent).toContain(entry.typical);
    // the source in words; the level badge says 转载，待核实 once, the label goes on with what the page is
    expect(detail.textContent).toContain(entry.provenance.label.replace(/^转载，待核实：/, ""));
    // insert into the table: the entry goes to the end of the 满意度 block (row 21)
    await waitFor(() => expect((within(detail).getByRole("button", { name: "插入到表格" }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(detail.querySelector('[data-action="insert-entry"]')!);
    await waitFor(() => expect(mem.user.value(SHEET, "C21")).toBe(entry.name));
    expect(mem.user.merges(SHEET)).toContain("A19:A21");
    await waitFor(() => expect(view.container.querySelector('[data-notice="libraryInserted"]')).not.toBeNull());

    // replace: select 资金拨付到位率 (C14), read the selection, suggestions with reasons, one click
    mem.user.select(SHEET, "C14");
    fireEvent.click(view.container.querySelector('[data-action="read-selection"]')!);
    const box = screen.getByTestId("library-replace");
    await waitFor(() => expect(box.querySelectorAll("[data-suggestion]").length).toBeGreaterThan(0));
    expect(box.textContent).toContain("资金拨付到位率");
    const btn = box.querySelector<HTMLElement>('[data-suggestion] [data-action="replace-row"]')!;
    const chosen = BUILTIN_ENTRIES.find((e) => e.id === btn.dataset.entry)!;
    fireEvent.click(btn);
    await waitFor(() => expect(mem.user.value(SHEET, "C14")).toBe(chosen.name));
  }, 20000);

  test("an .xlsx file is refused with a message pointing to the CLI; a CSV file shows the import report", async () => {
    const mem = MemoryExcel.fromSnapshot(seedSnapshot(1));
    const port = new OfficeWorkbook(mem.host());
    const view = render(
      <FluentProvider theme={theme}>
        <TaskPane port={port} locale="zh-CN" options={{ debounceMs: 0 }} initialTab="library" />
      </FluentProvider>,
    );
    const file = (await screen.findByTestId("library-file", {}, { timeout: 10000 })) as HTMLInputElement;
    const xlsx = new File(["x"], "本局.xlsx");
    fireEvent.change(file, { target: { files: [xlsx] } });
    const note = await screen.findByTestId("library-file-note");
    expect(note.textContent).toContain("library --import");
    const csv = new File([CUSTOM_CSV], "本局.csv", { type: "text/csv" });
    if (typeof csv.text !== "function") Object.defineProperty(csv, "text", { value: async () => CUSTOM_CSV });
    fireEvent.change(file, { target: { files: [csv] } });
    const report = await screen.findByTestId("library-report");
    expect(report.textContent).toContain("导入 2 项，跳过 3 行");
    expect(report.querySelectorAll("[data-skipped-row]").length).toBe(3);
    expect(report.textContent).toContain("无法识别的计量单位");
    await waitFor(() => expect(view.container.querySelector("[data-testid=library-custom]")!.textContent).toContain("自定义指标库（2 项）"));
  }, 20000);
});
