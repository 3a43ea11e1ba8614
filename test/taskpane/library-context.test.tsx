/** @jest-environment jsdom */
/**
 * The 指标库 tab starts from the table at hand (type and groups with their reasons, sources in words),
 * and a row inserted from it gets its 指标值 cell selected with a hint; its empty value is reported
 * missing only once the user has moved on from the new row.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider } from "@fluentui/react-components";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { TaskPane } from "../../src/taskpane/components/TaskPane";
import { theme } from "../../src/taskpane/index";
import { MemoryExcel } from "../../src/workbench/memory-excel";
import { BUILTIN_ENTRIES, isGovernmentUrl, provenanceView } from "../../src/core/library";
import { SHEET, rig, seedSnapshot } from "./helpers";

const byName = (n: string) => BUILTIN_ENTRIES.find((e) => e.name === n)!;

describe("指标库 tab: context first", () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(console, "error");
  });
  afterEach(() => {
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  test("seed table 1 (会场搭建): 会议/活动 with the reason, first group 会议/活动 quantity indicators; search still works; sources in words", async () => {
    const mem = MemoryExcel.fromSnapshot(seedSnapshot(1));
    const view = render(
      <FluentProvider theme={theme}>
        <TaskPane port={new OfficeWorkbook(mem.host())} locale="zh-CN" options={{ debounceMs: 0 }} initialTab="library" />
      </FluentProvider>,
    );
    const ctx = await screen.findByTestId("library-context", {}, { timeout: 10000 });
    expect(screen.getByTestId("library-context-type").textContent).toMatch(/^项目类型：会议\/活动（.*会场.*）$/);
    const first = ctx.querySelector<HTMLElement>('[data-group="0"]')!;
    expect(first.querySelector("[data-testid=library-group-heading]")!.textContent).toBe(
      "本表缺少数量指标（产出）：现有的“资金拨付到位率”是过程指标，适合会议/活动项目的指标：",
    );
    const names = [...first.querySelectorAll<HTMLElement>("li")].map((li) => BUILTIN_ENTRIES.find((e) => e.id === li.dataset.entry)!.name);
    expect(names).toEqual(expect.arrayContaining(["与会人数", "活动举办场次"]));

    // An entry known only from a re-posting site: marked 转载，待核实, no address shown.
    fireEvent.click(first.querySelector<HTMLElement>(`li[data-entry="${byName("与会人数").id}"]`)!);
    let src = await screen.findByTestId("library-source");
    expect(src.dataset.level).toBe("reposted");
    expect(src.textContent).toContain("转载，待核实");
    expect(src.querySelector("a")).toBeNull();

    // Search keeps working: typing hides the context list and ranks the library.
    const input = screen.getByTestId("library-search").querySelector("input") ?? (screen.getByTestId("library-search") as HTMLInputElement);
    const official = BUILTIN_ENTRIES.find((e) => provenanceView(e.provenance).url !== null && e.name === "培训人次")!;
    fireEvent.change(input, { target: { value: official.name } });
    await waitFor(() => expect(view.container.querySelector("[data-testid=library-context]")).toBeNull());
    await waitFor(() => expect(view.container.querySelector<HTMLElement>("[data-testid=library-results] li")?.dataset.entry).toBe(official.id));
    fireEvent.click(view.container.querySelector<HTMLElement>("[data-testid=library-results] li")!);
    await waitFor(() => expect(screen.getByTestId("library-source").dataset.level).toBe("official"));
    src = screen.getByTestId("library-source");
    expect(src.textContent).toContain("黄石市财政局");
    const link = src.querySelector("a")!;
    expect(isGovernmentUrl(link.getAttribute("href"))).toBe(true);
  }, 20000);
});

describe("after inserting a row from the library", () => {
  test("its 指标值 cell is selected with a hint; the empty value is reported only once the user has moved on", async () => {
    const { ctl, mem, settle } = await rig(seedSnapshot(1));
    const table = ctl.getState().tables[0];
    const entry = byName("与会人数");
    const out = await ctl.insertFromLibrary(table.id, [entry.id]);
    await settle();
    expect(out.status).toBe("inserted");
    const row = out.status === "inserted" ? out.rows[0].row : -1;
    const cell = ctl.tableModel(table.id)!.indicators.find((r) => r.row === row)!.value.cell!;
    expect(mem.user.value(SHEET, cell)).toBe("");
    expect(mem.user.selection()).toEqual({ sheet: SHEET, address: cell });
    expect(ctl.getState().valueHint).toEqual({ sheet: SHEET, cell, name: "与会人数", typical: "≥X人", unit: "人" });
    const missingAt = () => ctl.getState().issues.filter((i) => i.rule === "value-missing" && i.cell === cell);
    expect(missingAt()).toEqual([]);

    // Still on the new row: filling its description is not moving on.
    const descCell = ctl.tableModel(table.id)!.indicators.find((r) => r.row === row)!.description.cell!;
    mem.user.select(SHEET, descCell);
    mem.user.setCellValue(SHEET, descCell, "参加开工仪式的人数");
    await settle();
    expect(missingAt()).toEqual([]);
    expect(ctl.getState().valueHint?.cell).toBe(cell);

    // Moved on: a change made elsewhere reports the empty value, and the hint goes.
    mem.user.select(SHEET, "D12");
    mem.user.setCellValue(SHEET, "D12", "项目验收合格的比例");
    await settle();
    expect(missingAt().length).toBe(1);
    expect(ctl.getState().valueHint).toBeNull();
  });

  test("a value typed into the selected cell leaves nothing to report; undo ends the wait", async () => {
    const { ctl, mem, settle } = await rig(seedSnapshot(1));
    const table = ctl.getState().tables[0];
    let out = await ctl.insertFromLibrary(table.id, [byName("活动举办场次").id]);
    await settle();
    const sel = mem.user.selection()!;
    mem.user.setCellValue(SHEET, sel.address, "=1场");
    await settle();
    expect(ctl.getState().issues.filter((i) => i.rule === "value-missing" && i.cell === sel.address)).toEqual([]);

    out = await ctl.insertFromLibrary(table.id, [byName("与会人数").id]);
    await settle();
    expect(out.status).toBe("inserted");
    expect(ctl.getState().valueHint).not.toBeNull();
    expect(await ctl.undo()).toBe(true);
    await settle();
    expect(ctl.getState().valueHint).toBeNull();
  });
});
