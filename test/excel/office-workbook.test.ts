/** The Office.js adapter, run unchanged against the in-memory Excel. */
import { createDirtyCollector } from "../../src/excel/dirty";
import { ProtectedSheetError } from "../../src/excel/errors";
import { MARK_COLORS } from "../../src/core/model/severity";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import type { DirtyRange, Edit, LoadedMapping, Mark } from "../../src/excel/port";
import { MemoryExcel } from "../../src/workbench/memory-excel";
import { countSyncs, sampleSnapshot, setup } from "./helpers";

const S = "项目表";
const VERSIONS = [7, 9, 13, 14];

describe("capabilities", () => {
  test.each([
    [7, { apiVersion: 7, collectionEvents: false, cellProperties: false, mergedAreas: false, triggerSource: false }],
    [9, { apiVersion: 9, collectionEvents: true, cellProperties: true, mergedAreas: false, triggerSource: false }],
    [14, { apiVersion: 14, collectionEvents: true, cellProperties: true, mergedAreas: true, triggerSource: true }],
  ])("ExcelApi 1.%i", (v, caps) => {
    expect(setup(v).port.capabilities).toEqual(caps);
  });
});

describe("reading", () => {
  test("readBlock: values, number formats and merged areas in one sync (a merge starting above the block included)", async () => {
    const { mem, port } = setup(14);
    const { syncs, result: grid } = await countSyncs(mem, () => port.readBlock(S, "A5:G6"));
    expect(syncs).toBe(1);
    expect(grid.sheet).toBe(S);
    expect([grid.originRow, grid.originCol, grid.rowCount, grid.colCount]).toEqual([4, 0, 2, 7]);
    expect(grid.value(4, 2)).toBe("验收合格率");
    expect(grid.format(4, 3)).toBe("0%");
    expect(grid.text(4, 3)).toBe("95%");
    expect(grid.value(4, 0)).toBeNull(); // merged tail
    expect(grid.merges).toEqual([{ top: 3, left: 0, bottom: 5, right: 0 }]);
  });

  test("readBlock below ExcelApi 1.13 reports no merges (documented fallback), still one sync", async () => {
    const { mem, port } = setup(7);
    const { syncs, result: grid } = await countSyncs(mem, () => port.readBlock(S, "A1:G6"));
    expect(syncs).toBe(1);
    expect(grid.merges).toEqual([]);
    expect(grid.value(0, 0)).toBe("项目支出绩效目标表");
  });

  test("readBlock of a missing sheet rejects with SheetNotFoundError", async () => {
    const { port } = setup();
    await expect(port.readBlock("不存在", "A1:B2")).rejects.toMatchObject({ code: "sheet-not-found", sheet: "不存在" });
  });

  test.each(VERSIONS)("readUsedRanges (ExcelApi 1.%i): one grid per non-empty sheet; loads in one sync after the sheet list", async (v) => {
    const { mem, port } = setup(v);
    mem.user.addSheet("Empty");
    const { syncs, result: grids } = await countSyncs(mem, () => port.readUsedRanges());
    expect(syncs).toBe(3); // the sheet list; every used range's size and merges; the cells, in blocks under the 5 MB limit
    expect(grids.map((g) => g.sheet)).toEqual([S, "Other"]);
    expect(grids[0].lastRow).toBe(5);
    expect(grids[0].value(1, 6)).toBe(250000);
    expect(grids[0].merges.length).toBe(v >= 13 ? 2 : 0);
    expect(grids[1].originRow).toBe(0);
    expect(grids[1].value(2, 2)).toBe(3);
  });
});

describe("applyEdits", () => {
  function fiftyEdits(): Edit[] {
    const edits: Edit[] = [];
    for (let i = 0; i < 40; i++) edits.push({ sheet: "Other", cell: `B${i + 1}`, value: i % 2 ? `文本${i}` : i });
    for (let i = 0; i < 5; i++) edits.push({ kind: "numberFormat", sheet: "Other", cell: `C${i + 1}`, numberFormat: "0.00%" });
    for (let i = 0; i < 5; i++) edits.push({ kind: "fill", sheet: "Other", cell: `D${i + 1}`, fill: { color: "#00B050" } });
    return edits;
  }

  test.each(VERSIONS)("50 edits = one Excel.run with one sync; the inverse restores everything (ExcelApi 1.%i)", async (v) => {
    const { mem, port } = setup(v);
    mem.user.setFill("Other", "D2", "#FFFF00");
    const before = mem.toSnapshot();
    const { syncs, result: inverse } = await countSyncs(mem, () => port.applyEdits(fiftyEdits()));
    expect(syncs).toBe(1);
    expect(mem.user.value("Other", "B2")).toBe("文本1");
    expect(mem.user.numberFormat("Other", "C1")).toBe("0.00%");
    expect(mem.user.fill("Other", "D2")).toBe("#00B050");
    const undo = await countSyncs(mem, () => port.applyEdits(inverse));
    expect(undo.syncs).toBe(1);
    expect(mem.toSnapshot().sheets).toEqual(before.sheets);
  });

  test("strings are stored as text, never re-parsed (\"001\", \"50%\", \"TRUE\")", async () => {
    const { mem, port } = setup();
    await port.applyEdits([
      { sheet: "Other", cell: "A2", value: "001" },
      { sheet: "Other", cell: "A3", value: "50%" },
      { sheet: "Other", cell: "A4", value: "TRUE" },
      { sheet: "Other", cell: "A5", value: 0.5 },
      { sheet: "Other", cell: "A1", value: null },
    ]);
    expect([2, 3, 4, 5, 1].map((r) => mem.user.value("Other", `A${r}`))).toEqual(["001", "50%", "TRUE", 0.5, ""]);
  });

  test("insertRows and its inverse; deleteRows inverse restores values and formats", async () => {
    const { mem, port } = setup();
    const before = mem.toSnapshot();
    const inv1 = await port.applyEdits([{ kind: "insertRows", sheet: S, row: 5, count: 2 }]);
    expect(mem.user.value(S, "C7")).toBe("验收合格率");
    expect(inv1).toEqual([{ kind: "deleteRows", sheet: S, row: 5, count: 2 }]);
    await port.applyEdits(inv1);
    expect(mem.toSnapshot().sheets[0].cells).toEqual(before.sheets[0].cells);
    const inv2 = await port.applyEdits([{ kind: "deleteRows", sheet: "Other", row: 3, count: 1 }]);
    expect(mem.user.value("Other", "C3")).toBe("");
    await port.applyEdits(inv2);
    expect(mem.user.value("Other", "C3")).toBe(3);
  });

  test.each(VERSIONS)("ExcelApi 1.%i: addSheet + values + bold + merge in one sync; the inverse deletes the sheet", async (v) => {
    const { mem, port } = setup(v);
    const before = mem.toSnapshot();
    const edits: Edit[] = [
      { kind: "addSheet", sheet: "指标表" },
      { sheet: "指标表", cell: "A1", value: "一级指标" },
      { kind: "bold", sheet: "指标表", cell: "A1", bold: true },
      { sheet: "指标表", cell: "A2", value: "产出指标" },
      { kind: "merge", sheet: "指标表", cell: "A2:A3" },
    ];
    const { syncs, result: inverse } = await countSyncs(mem, () => port.applyEdits(edits));
    expect(syncs).toBe(1);
    const added = mem.toSnapshot().sheets.find((x) => x.name === "指标表")!;
    expect(added.cells.A1).toEqual({ v: "一级指标", font: { bold: true } });
    expect(added.merges).toEqual(["A2:A3"]);
    expect(inverse[0]).toEqual({ kind: "unmerge", sheet: "指标表", cell: "A2:A3" });
    expect(inverse[inverse.length - 1]).toEqual({ kind: "deleteSheet", sheet: "指标表" });
    await port.applyEdits(inverse);
    expect(mem.toSnapshot().sheets.map((x) => x.name)).toEqual(before.sheets.map((x) => x.name));
    expect(mem.toSnapshot().sheets).toEqual(before.sheets);
  });

  test("deleteSheet's inverse adds the sheet back with values, number formats and (1.13) merges; merge's gives back dropped values", async () => {
    const { mem, port } = setup(14);
    const other = mem.toSnapshot().sheets.find((x) => x.name === "Other")!;
    const inverse = await port.applyEdits([{ kind: "deleteSheet", sheet: "Other" }]);
    expect(mem.toSnapshot().sheets.map((x) => x.name)).toEqual([S]);
    expect(inverse[0]).toEqual({ kind: "addSheet", sheet: "Other" });
    await port.applyEdits(inverse);
    const back = mem.toSnapshot().sheets.find((x) => x.name === "Other")!;
    expect(back.cells).toEqual(Object.fromEntries(Object.entries(other.cells).map(([k, c]) => [k, { v: c.v, ...(c.nf ? { nf: c.nf } : {}), ...(c.f ? { f: c.f } : {}) }])));
    expect(back.merges ?? []).toEqual(other.merges ?? []);

    // Merging over values drops all but the first; the inverse unmerges and writes them back.
    const c3 = mem.user.value(S, "C5");
    const undo = await port.applyEdits([{ kind: "merge", sheet: S, cell: "C4:C5" }]);
    expect(mem.user.value(S, "C5")).toBe("");
    await port.applyEdits(undo);
    expect(mem.user.value(S, "C5")).toBe(c3);
  });

  test("a protected sheet: ProtectedSheetError, known from the last read (no sync) or from Excel's refusal", async () => {
    const { mem, port } = setup();
    mem.user.protect(S);
    // Not read yet: Excel refuses the write, the adapter explains it.
    const e1 = await port.applyEdits([{ sheet: S, cell: "D4", value: "x" }]).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ProtectedSheetError);
    expect((e1 as ProtectedSheetError).sheets).toEqual([S]);
    expect((e1 as ProtectedSheetError).zh).toMatch(/受保护/);
    // Known now: the target cells' lock is checked first (one sync), nothing is written.
    const again = await countSyncs(mem, () => port.applyEdits([{ sheet: S, cell: "D4", value: "x" }]).catch((e: unknown) => e));
    expect(again.result).toBeInstanceOf(ProtectedSheetError);
    expect(again.syncs).toBe(1);
    expect(mem.user.value(S, "D4")).toBe("≥5公里");
  });
});

describe("marks", () => {
  const marks: Mark[] = [
    { sheet: S, cell: "C4", severity: "error" }, // no fill
    { sheet: S, cell: "E5", severity: "warning" }, // user's yellow
    { sheet: S, cell: "F6", severity: "error" }, // patterned Gray50
    { sheet: "Other", cell: "A1", severity: "info" },
  ];
  const cells: [string, string][] = marks.map((m) => [m.sheet, m.cell]);
  const fills = (mem: MemoryExcel) => cells.map(([s, c]) => mem.user.fillData(s, c));

  test.each(VERSIONS)("marks paint, then restore the exact original fills (ExcelApi 1.%i)", async (v) => {
    const { mem, port } = setup(v);
    const original = fills(mem);
    await port.readUsedRanges(); // primes the mark list (and, from 1.9, the cells' fills), as the pane's detection does
    const first = await countSyncs(mem, () => port.setMarks(marks));
    // No subscription: the mark list is re-validated (1), then written with every fill checked in the
    // same batch (1). Below 1.9 the used ranges' fills are not captured, so the guess "No Fill" for the
    // yellow and grey cells is corrected by one more sync. The new names are hidden in the batch after
    // the one that adds them (+1).
    expect(first.syncs).toBe(v >= 9 ? 3 : 4);
    expect(first.result).toMatchObject({ marked: 4, restored: 0 });
    expect(cells.map(([s, c]) => mem.user.fill(s, c))).toEqual([MARK_COLORS.error, MARK_COLORS.warning, MARK_COLORS.error, MARK_COLORS.info]);
    // Our hidden names hold the snapshots.
    expect(mem.user.names().filter((n) => n.name.startsWith("_JX_M_")).every((n) => !n.visible)).toBe(true);
    const cleared = await countSyncs(mem, () => port.clearMarks());
    expect(cleared.syncs).toBe(2);
    expect(cleared.result).toMatchObject({ restored: 4 });
    const after = fills(mem);
    if (v >= 9) expect(after).toEqual(original);
    else {
      // Below 1.9 only the colour can be read: a patterned fill comes back solid in its colour.
      expect(after.map((f) => f.color)).toEqual(original.map((f) => f.color));
    }
    expect(mem.user.names().filter((n) => n.name.startsWith("_JX_M_"))).toEqual([]);
  });

  test("marks are diffed: an unchanged set writes nothing, one change writes one cell", async () => {
    const { mem, port } = setup();
    await port.readUsedRanges();
    await port.setMarks(marks);
    const same = await countSyncs(mem, () => port.setMarks(marks));
    expect(same.syncs).toBe(1);
    expect(same.result).toMatchObject({ marked: 0, restored: 0 });
    const next = marks.map((m) => (m.cell === "E5" ? { ...m, severity: "error" as const } : m)).filter((m) => m.cell !== "C4");
    const diff = await countSyncs(mem, () => port.setMarks(next));
    expect(diff.syncs).toBe(3); // names re-validated; the writes (E5's note is a new name); that name hidden
    expect(diff.result).toMatchObject({ marked: 1, restored: 1 });
    expect(mem.user.fill(S, "C4")).toBeNull();
    expect(mem.user.fill(S, "E5")).toBe(MARK_COLORS.error);
    await port.clearMarks();
    expect(mem.user.fill(S, "E5")).toBe("#FFFF00");
  });

  test.each(VERSIONS)("save and reopen while highlighted, then remove all marks: the user's fills are back (ExcelApi 1.%i)", async (v) => {
    const { mem, port } = setup(v);
    const original = fills(mem);
    await port.setMarks(marks);
    const reopened = mem.reopen();
    const port2 = new OfficeWorkbook(reopened.host());
    expect(cells.map(([s, c]) => reopened.user.fill(s, c))).toEqual([MARK_COLORS.error, MARK_COLORS.warning, MARK_COLORS.error, MARK_COLORS.info]);
    const res = await countSyncs(reopened, () => port2.clearMarks());
    expect(res.syncs).toBe(2); // cold: our names and the sheets; then the writes, each checked by a read in the same batch
    const after = cells.map(([s, c]) => reopened.user.fillData(s, c));
    if (v >= 9) expect(after).toEqual(original);
    else expect(after.map((f) => f.color)).toEqual(original.map((f) => f.color));
  });

  test("after reopening, setMarks diffs against the marks saved in the file", async () => {
    const { mem, port } = setup();
    await port.setMarks(marks);
    const reopened = mem.reopen();
    const port2 = new OfficeWorkbook(reopened.host());
    const res = await port2.setMarks(marks.slice(1));
    expect(res).toMatchObject({ marked: 0, restored: 1 });
    expect(reopened.user.fill(S, "C4")).toBeNull();
    await port2.clearMarks();
    expect(reopened.user.fill(S, "E5")).toBe("#FFFF00");
  });

  test("a fill the user gave a marked cell is kept when the mark goes", async () => {
    const { mem, port } = setup();
    await port.setMarks(marks);
    mem.user.setFill(S, "C4", "#0070C0");
    const res = await port.clearMarks();
    expect(res).toMatchObject({ restored: 3, released: 1 });
    expect(mem.user.fill(S, "C4")).toBe("#0070C0");
  });

  test("a mark follows its cell when rows are inserted above, and is restored where the cell is now", async () => {
    const { mem, port } = setup();
    await port.subscribe(() => undefined);
    await port.setMarks([{ sheet: S, cell: "E5", severity: "error" }]);
    mem.user.insertRows(S, 2, 3);
    await mem.flush();
    expect(mem.user.fill(S, "E8")).toBe(MARK_COLORS.error);
    const res = await port.setMarks([{ sheet: S, cell: "E8", severity: "error" }]);
    expect(res).toMatchObject({ marked: 0, restored: 0 });
    await port.clearMarks();
    expect(mem.user.fill(S, "E8")).toBe("#FFFF00");
    expect(mem.user.fill(S, "E5")).toBeNull();
  });

  test.each(VERSIONS)("rows inserted under a marked cell do not keep the inherited mark colour (ExcelApi 1.%i)", async (v) => {
    const { mem, port } = setup(v);
    await port.subscribe(() => undefined);
    await port.setMarks([{ sheet: S, cell: "C4", severity: "error" }, { sheet: S, cell: "E5", severity: "warning" }]);
    mem.user.insertRows(S, 5, 1); // Excel copies row 4's format into the new row 5
    mem.user.insertRows(S, 7, 1); // and row 6 (E6 = the moved yellow E5, marked) into row 7
    await mem.flush();
    expect(mem.user.fill(S, "C5")).toBe(MARK_COLORS.error);
    await port.setMarks([{ sheet: S, cell: "C4", severity: "error" }, { sheet: S, cell: "E6", severity: "warning" }]);
    expect(mem.user.fill(S, "C5")).toBeNull(); // what Excel would have copied without our mark
    expect(mem.user.fill(S, "E7")).toBe("#FFFF00");
    expect(mem.user.fill(S, "C4")).toBe(MARK_COLORS.error);
    await port.clearMarks();
    expect(mem.user.fill(S, "C4")).toBeNull();
    expect(mem.user.fill(S, "E6")).toBe("#FFFF00");
  });

  test.each(VERSIONS)("a mark whose row was deleted is forgotten without error (ExcelApi 1.%i)", async (v) => {
    const { mem, port } = setup(v);
    await port.setMarks(marks);
    mem.user.deleteRows(S, 4, 1);
    const res = await port.setMarks(marks.filter((m) => m.cell !== "C4").map((m) => (m.sheet === S ? { ...m, cell: m.cell.replace(/\d+/, (d) => String(Number(d) - 1)) } : m)));
    expect(res).toMatchObject({ marked: 0, restored: 0 });
    expect(mem.user.names().filter((n) => n.name.startsWith("_JX_M_"))).toHaveLength(3);
    await port.clearMarks();
    expect(mem.user.fill(S, "E4")).toBe("#FFFF00");
    expect(mem.user.names()).toEqual([]);
  });

  test("a protected sheet: its marks are refused with ProtectedSheetError, other sheets are marked", async () => {
    const { mem, port } = setup();
    mem.user.protect(S);
    const err = (await port.setMarks(marks).catch((e: unknown) => e)) as ProtectedSheetError & { result: { marked: number } };
    expect(err).toBeInstanceOf(ProtectedSheetError);
    expect(err.sheets).toEqual([S]);
    expect(err.result.marked).toBe(1);
    expect(mem.user.fill("Other", "A1")).toBe(MARK_COLORS.info);
    expect(mem.user.fill(S, "C4")).toBeNull();
  });
});

describe("mappings", () => {
  const mapping = { id: "t-1", sheet: S, address: "A3:G6", data: { roles: ["level1", "level2", "name", "value"] } };

  test("saved in the workbook, survive save-and-reopen, hidden names follow inserted rows", async () => {
    const { mem, port } = setup();
    await port.saveMappings([mapping]);
    const name = mem.user.names().find((n) => n.name === "_JX_T_t_1")!;
    expect(name).toMatchObject({ ref: "项目表!$A$3:$G$6", visible: false });
    mem.user.insertRows(S, 1, 2); // above the table
    mem.user.insertRows(S, 6, 1); // inside it
    const reopened = mem.reopen();
    const port2 = new OfficeWorkbook(reopened.host());
    const { syncs, result } = await countSyncs(reopened, () => port2.loadMappings());
    expect(syncs).toBe(1);
    expect(result).toEqual<LoadedMapping[]>([{ status: "ok", id: "t-1", sheet: S, address: "A5:G9", data: mapping.data }]);
  });

  test.each([
    ["sheet-deleted", (mem: MemoryExcel) => mem.user.deleteSheet(S), /已被删除/],
    ["range-deleted", (mem: MemoryExcel) => mem.user.deleteRows(S, 2, 6), /已被全部删除/],
    ["name-missing", (mem: MemoryExcel) => mem.model.deleteName("_JX_T_t_1"), /隐藏名称已丢失/],
  ] as const)("a mapping whose target is gone loads as broken: %s", async (reason, breakIt, zh) => {
    const { mem, port } = setup();
    await port.saveMappings([mapping, { ...mapping, id: "t-2", sheet: "Other", address: "A1:C3" }]);
    breakIt(mem);
    const loaded = await port.loadMappings();
    expect(loaded[0]).toMatchObject({ status: "broken", id: "t-1", reason, sheet: S, address: "A3:G6" });
    expect((loaded[0] as { message: { zh: string } }).message.zh).toMatch(zh);
    expect(loaded[1]).toMatchObject({ status: "ok", id: "t-2", sheet: "Other", address: "A1:C3" });
  });

  test("a workbook without mappings loads none; saving again replaces the set", async () => {
    const { mem, port } = setup();
    expect(await port.loadMappings()).toEqual([]);
    await port.saveMappings([mapping]);
    await port.saveMappings([{ ...mapping, id: "t-9", address: "A2:G6" }]);
    expect((await port.loadMappings()).map((m) => [m.id, m.address])).toEqual([["t-9", "A2:G6"]]);
    expect(mem.user.names().map((n) => n.name)).toEqual(["_JX_T_t_9"]);
  });
});

describe("changes", () => {
  test.each(VERSIONS)("user edits are reported, the add-in's own writes are not (ExcelApi 1.%i)", async (v) => {
    const { mem, port } = setup(v);
    const got: DirtyRange[] = [];
    const sub = await port.subscribe((r) => got.push(...r));
    await port.applyEdits([{ sheet: S, cell: "D4", value: "≥6公里" }, { kind: "insertRows", sheet: "Other", row: 1, count: 1 }]);
    await port.setMarks([{ sheet: S, cell: "D4", severity: "error" }]);
    mem.user.setCellValue(S, "D5", "90%");
    mem.user.paste("Other", "A3", [["a", "b"]]);
    mem.user.addSheet("新表");
    await mem.flush(); // at 1.7 the new sheet's handler is added from worksheets.onAdded
    mem.user.setCellValue("新表", "B2", 1);
    await mem.flush();
    const expected: DirtyRange[] = [
      { sheet: S, address: "D5", changeType: "RangeEdited" },
      { sheet: "Other", address: "A3:B3", changeType: "RangeEdited" },
      { sheet: "新表", address: "B2", changeType: "RangeEdited" },
    ];
    expect(got).toEqual(expected);
    await sub.dispose();
    expect(mem.handlerCount()).toBe(0);
    mem.user.setCellValue(S, "D6", "x");
    await mem.flush();
    expect(got).toHaveLength(3);
  });

  test("createDirtyCollector hands over once, deduplicated, after the wait", async () => {
    const batches: DirtyRange[][] = [];
    const c = createDirtyCollector((r) => batches.push(r), 20);
    const d = { sheet: S, address: "D5", changeType: "RangeEdited" };
    c.push([d]);
    c.push([d, { ...d, address: "D6" }]);
    expect(batches).toEqual([]);
    await new Promise((r) => setTimeout(r, 40));
    expect(batches).toEqual([[d, { ...d, address: "D6" }]]);
    c.dispose();
  });
});

test("the sample snapshot is untouched by the tests' setup", () => {
  expect(MemoryExcel.fromSnapshot(sampleSnapshot()).user.value(S, "C4")).toBe("维修道路长度");
});
