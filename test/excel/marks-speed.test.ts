/**
 * Highlighting at the cost of the change (docs/highlighting.md, "Cost"): sync counts per edit on a workbook of
 * 200 tables, setMarks without a read, writes limited to the changed cells — and the guarantees kept
 * when the adapter's caches are wrong (re-coloured cells nobody read, moved rows, protection set
 * meanwhile, reads overlapping writes).
 */
import { ProtectedSheetError } from "../../src/excel/errors";
import { FillCache, parseMarkNames } from "../../src/excel/mark-cache";
import { MARK_COLORS } from "../../src/core/model/severity";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import type { Mark } from "../../src/excel/port";
import { PaneController } from "../../src/taskpane/controller";
import { MemoryExcel, type WorkbookSnapshot } from "../../src/workbench/memory-excel";
import { TABLE_ROWS, countSyncs, manyTablesSnapshot, sampleSnapshot, setup } from "./helpers";

const S = "项目表";
const VERSIONS = [7, 9, 14];

/** Every cell's fill of a snapshot, keyed "sheet!A1" (cells without a fill left out). */
function fillsOf(snap: WorkbookSnapshot): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of snap.sheets) for (const [a1, c] of Object.entries(s.cells)) if (c.fill) out[`${s.name}!${a1}`] = c.fill;
  return out;
}

/** 200 seed tables on 10 sheets; some 指标值 cells carry the user's own fills (solid and patterned). */
function bigWorkbook(): WorkbookSnapshot {
  const snap = manyTablesSnapshot(200, 10);
  for (const [i, sheet] of snap.sheets.entries()) {
    for (let k = 0; k < 20; k += 2) {
      const cell = sheet.cells[`F${k * TABLE_ROWS + 14}`] ?? (sheet.cells[`F${k * TABLE_ROWS + 14}`] = {});
      cell.fill = i % 2 ? { color: "#808080", pattern: "Gray50" } : "#FFFF00";
    }
  }
  return snap;
}

/** The marks of a table-shaped list: `perTable` cells in columns C and F of every table. */
function syntheticMarks(sheets: number, tables: number, rows: number[]): Mark[] {
  const marks: Mark[] = [];
  for (let s = 1; s <= sheets; s++)
    for (let k = 0; k < tables; k++)
      for (const col of ["C", "F"]) for (const r of rows) marks.push({ sheet: `表${s}`, cell: `${col}${k * TABLE_ROWS + r}`, severity: r % 2 ? "error" : "warning" });
  return marks;
}

describe("an edit in a 200-table workbook", () => {
  test.each(VERSIONS)(
    "the pane's re-validation (readBlock + setMarks) costs ≤ 3 syncs per edit, marks and unmarks exactly (ExcelApi 1.%i)",
    async (v) => {
      const snap = bigWorkbook();
      const mem = MemoryExcel.fromSnapshot(snap, { apiVersion: v });
      const port = new OfficeWorkbook(mem.host());
      const ctl = new PaneController(port, { debounceMs: 0 });
      const settle = async () => {
        for (let i = 0; i < 3; i++) {
          await mem.flush();
          await ctl.whenIdle();
        }
      };
      await ctl.start();
      await settle();
      expect(ctl.getState().tables).toHaveLength(200);
      const perEdit: number[] = [];
      // Flip 指标值 cells of tables on different sheets between an invalid and a valid percentage;
      // half of them carry the user's own fill. Workbook rules change marks in other tables too.
      for (let i = 0; i < 8; i++) {
        const sheet = `表${(i % 4) + 1}`;
        const k = 2 * (i % 3);
        const cell = `F${k * TABLE_ROWS + 14}`;
        mem.resetSyncs();
        mem.user.setCellValue(sheet, cell, i < 4 ? "≥120%" : "≥95%");
        await settle();
        perEdit.push(mem.syncs);
        const issues = ctl.getState().issues.filter((x) => x.sheet === sheet && x.cell === cell);
        if (i < 4) expect(issues.map((x) => x.rule)).toContain("percent-range");
        if (issues.length) expect(mem.user.fill(sheet, cell)).toBe(MARK_COLORS[issues.some((x) => x.severity === "error") ? "error" : issues[0].severity]);
      }
      // readBlock; the writes, each checked in the same batch; the names added hidden in the next one.
      expect(Math.max(...perEdit)).toBeLessThanOrEqual(3);
      // The user's own fills, patterns included (≥ 1.9), come back when the marks go.
      await ctl.clearMarks();
      const after = fillsOf(mem.toSnapshot());
      const before = fillsOf(snap);
      if (v >= 9) expect(after).toEqual(before);
      else expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      expect(mem.user.names().filter((n) => n.name.startsWith("_JX_M_"))).toEqual([]);
      await ctl.dispose();
    },
    60_000,
  );

  test.each(VERSIONS)("the port alone: readBlock of the changed table + setMarks of ~1,600 marks = 2 syncs, 1 for setMarks (ExcelApi 1.%i)", async (v) => {
    const mem = MemoryExcel.fromSnapshot(manyTablesSnapshot(200, 10), { apiVersion: v });
    const port = new OfficeWorkbook(mem.host());
    await port.subscribe(() => undefined);
    const all = syntheticMarks(10, 20, [11, 12, 14, 16]);
    await port.setMarks(all);
    for (const k of [3, 7, 12]) {
      const top = k * TABLE_ROWS;
      const inTable = (m: Mark) => m.sheet === "表5" && Number(m.cell.slice(1)) > top && Number(m.cell.slice(1)) <= top + TABLE_ROWS;
      for (const next of [all.filter((m) => !inTable(m)), all.map((m) => (inTable(m) ? { ...m, severity: "info" as const } : m)), all]) {
        const edit = await countSyncs(mem, async () => {
          await port.readBlock("表5", `A${top + 1}:G${top + TABLE_ROWS}`);
          mem.resetSyncs();
          return port.setMarks(next);
        });
        // setMarks alone: the writes, checked in the same batch; +1 to hide the names it added
        expect(edit.syncs).toBeLessThanOrEqual(2);
        expect(edit.result.marked + edit.result.restored).toBe(8);
      }
    }
  });
});

describe("setMarks without a read", () => {
  test.each(VERSIONS)("an unchanged mark list: 0 syncs with a live subscription, 1 without (ExcelApi 1.%i)", async (v) => {
    const { mem, port } = setup(v);
    const marks: Mark[] = [
      { sheet: S, cell: "C4", severity: "error" },
      { sheet: S, cell: "E5", severity: "warning" },
    ];
    await port.setMarks(marks);
    expect((await countSyncs(mem, () => port.setMarks(marks))).syncs).toBe(1); // no subscription: names re-validated
    const sub = await port.subscribe(() => undefined);
    await port.readBlock(S, "A1:G6"); // reloads the mark list inside its one sync
    const same = await countSyncs(mem, () => port.setMarks([...marks].reverse()));
    expect(same.syncs).toBe(0);
    expect(same.result).toEqual({ marked: 0, restored: 0, released: 0, protectedSheets: [], skipped: 0 });
    await sub.dispose();
    expect((await countSyncs(mem, () => port.setMarks(marks))).syncs).toBe(1);
  });

  test("a setMarks that adds one mark touches only that cell (the write, then its name hidden; one name more)", async () => {
    const mem = MemoryExcel.fromSnapshot(manyTablesSnapshot(40, 2), { apiVersion: 14 });
    const port = new OfficeWorkbook(mem.host());
    await port.subscribe(() => undefined);
    const all = syntheticMarks(2, 20, [11, 12, 13]);
    await port.setMarks(all);
    await port.readBlock("表2", "A64:G84");
    const before = mem.toSnapshot();
    const { syncs, result } = await countSyncs(mem, () => port.setMarks([...all, { sheet: "表2", cell: "D75", severity: "error" }]));
    expect(syncs).toBe(2);
    expect(result).toEqual({ marked: 1, restored: 0, released: 0, protectedSheets: [], skipped: 0 });
    const after = mem.toSnapshot();
    const changed: string[] = [];
    for (const [i, s] of after.sheets.entries()) {
      const keys = new Set([...Object.keys(s.cells), ...Object.keys(before.sheets[i].cells)]);
      for (const k of keys) if (JSON.stringify(s.cells[k]) !== JSON.stringify(before.sheets[i].cells[k])) changed.push(`${s.name}!${k}`);
    }
    expect(changed).toEqual(["表2!D75"]);
    expect(mem.user.names().length).toBe(before.names!.length + 1);
  });

  test("a mark in a cell no read has seen: its fill is read first (a gradient is never painted over), the snapshots exact", async () => {
    const { mem, port } = setup(14);
    await port.subscribe(() => undefined);
    await port.readBlock(S, "A1:B2"); // E5 (yellow) and F6 (Gray50) not read
    const { syncs } = await countSyncs(mem, () =>
      port.setMarks([
        { sheet: S, cell: "E5", severity: "error" },
        { sheet: S, cell: "F6", severity: "error" },
        { sheet: S, cell: "C4", severity: "error" },
      ]),
    );
    expect(syncs).toBe(3); // the unseen fills read; the writes; the new names hidden
    const reopened = mem.reopen();
    await new OfficeWorkbook(reopened.host()).clearMarks();
    expect(reopened.user.fillData(S, "E5")).toEqual({ color: "#FFFF00", pattern: "Solid" });
    expect(reopened.user.fillData(S, "F6")).toEqual({ color: "#808080", pattern: "Gray50" });
    expect(reopened.user.fill(S, "C4")).toBeNull();
  });

  test.each(VERSIONS)("a re-colour made after the last read is still respected: written over, then given back (ExcelApi 1.%i)", async (v) => {
    const { mem, port } = setup(v);
    await port.subscribe(() => undefined);
    await port.readBlock(S, "A1:G6");
    await port.setMarks([{ sheet: S, cell: "C4", severity: "error" }, { sheet: S, cell: "D4", severity: "warning" }]);
    mem.user.setFill(S, "C4", "#0070C0"); // no event for a format change
    const res = await countSyncs(mem, () => port.setMarks([]));
    expect(res.result).toMatchObject({ restored: 1, released: 1 });
    expect(res.syncs).toBe(2); // the guess "still ours" was wrong for C4: corrected at once
    expect(mem.user.fill(S, "C4")).toBe("#0070C0");
    expect(mem.user.fill(S, "D4")).toBeNull();
  });

  test("a fill set between readBlock and setMarks becomes the snapshot (the batch reads before it writes)", async () => {
    const { mem, port } = setup(14);
    await port.subscribe(() => undefined);
    await port.readBlock(S, "A1:G6");
    mem.user.setFillPattern(S, "D6", { color: "#FF0000", pattern: "Gray25" });
    await port.setMarks([{ sheet: S, cell: "D6", severity: "info" }]);
    expect(mem.user.fill(S, "D6")).toBe(MARK_COLORS.info);
    await port.clearMarks();
    expect(mem.user.fillData(S, "D6")).toEqual({ color: "#FF0000", pattern: "Gray25" });
  });

  test.each([0, 1, 2, 3, 5, 8])("a readBlock overlapping a mark write (%i ticks apart) never leaves a stale fill behind", async (ticks) => {
    const { mem, port } = setup(14);
    await port.subscribe(() => undefined);
    await port.readBlock(S, "A1:G6");
    const read = port.readBlock(S, "A1:G6");
    for (let i = 0; i < ticks; i++) await Promise.resolve();
    const write = port.setMarks([{ sheet: S, cell: "C5", severity: "error" }]);
    await Promise.all([read, write]);
    expect(mem.user.fill(S, "C5")).toBe(MARK_COLORS.error);
    // Had the read's pre-write "No Fill" been kept, the removal would guess wrong and need a second sync.
    const off = await countSyncs(mem, () => port.setMarks([]));
    expect(off).toMatchObject({ syncs: 1, result: { restored: 1, released: 0 } });
    expect(mem.user.fill(S, "C5")).toBeNull();
  });
});

describe("moves and protection", () => {
  test.each(VERSIONS)("rows inserted by the user: the next readBlock reloads the marks in its own sync; the edit stays ≤ 2 syncs (ExcelApi 1.%i)", async (v) => {
    const { mem, port } = setup(v);
    await port.subscribe(() => undefined);
    await port.readBlock(S, "A1:G6");
    await port.setMarks([{ sheet: S, cell: "E5", severity: "error" }, { sheet: S, cell: "D4", severity: "warning" }]);
    mem.user.insertRows(S, 2, 2);
    await mem.flush();
    const edit = await countSyncs(mem, async () => {
      await port.readBlock(S, "A1:G8");
      return port.setMarks([{ sheet: S, cell: "E7", severity: "error" }, { sheet: S, cell: "C6", severity: "info" }]);
    });
    expect(edit.syncs).toBeLessThanOrEqual(3); // readBlock; the writes; the new name hidden
    expect(edit.result).toMatchObject({ marked: 1, restored: 1 }); // D6 (was D4) unmarked, C6 marked, E7 kept
    expect(mem.user.fill(S, "D6")).toBeNull();
    expect(mem.user.fill(S, "C6")).toBe(MARK_COLORS.info);
    await port.clearMarks();
    expect(mem.user.fill(S, "E7")).toBe("#FFFF00");
    expect(mem.user.fill(S, "C6")).toBeNull();
  });

  test("rows inserted by the add-in (applyEdits) move the marks too", async () => {
    const { mem, port } = setup(14);
    await port.subscribe(() => undefined);
    await port.setMarks([{ sheet: S, cell: "E5", severity: "error" }]);
    await port.applyEdits([{ kind: "insertRows", sheet: S, row: 1, count: 3 }]);
    const res = await port.setMarks([{ sheet: S, cell: "E8", severity: "error" }]);
    expect(res).toMatchObject({ marked: 0, restored: 0, released: 0 });
    await port.clearMarks();
    expect(mem.user.fill(S, "E8")).toBe("#FFFF00");
  });

  test("a sheet protected after it was last read: Excel's refusal is retried without it, other sheets are marked", async () => {
    const { mem, port } = setup(14);
    await port.subscribe(() => undefined);
    await port.readUsedRanges(); // both sheets known as unprotected
    mem.user.protect(S);
    const err = (await port
      .setMarks([
        { sheet: S, cell: "C4", severity: "error" },
        { sheet: "Other", cell: "A1", severity: "info" },
      ])
      .catch((e: unknown) => e)) as ProtectedSheetError & { result: { marked: number } };
    expect(err).toBeInstanceOf(ProtectedSheetError);
    expect(err.sheets).toEqual([S]);
    expect(err.result.marked).toBe(1);
    expect(mem.user.fill("Other", "A1")).toBe(MARK_COLORS.info);
    expect(mem.user.fill(S, "C4")).toBeNull();
    mem.user.protect(S, false);
    await port.clearMarks();
    expect(mem.user.fill("Other", "A1")).toBeNull();
  });

  test("a mark name deleted behind the adapter's back: the write fails, is retried from the workbook, and succeeds", async () => {
    const { mem, port } = setup(14);
    await port.subscribe(() => undefined);
    await port.setMarks([{ sheet: S, cell: "C4", severity: "error" }, { sheet: S, cell: "D4", severity: "error" }]);
    const c4 = mem.user.names().find((n) => n.ref.endsWith("$C$4"))!;
    mem.model.deleteName(c4.name);
    const res = await port.setMarks([]);
    expect(res).toMatchObject({ restored: 1 });
    expect(mem.user.fill(S, "D4")).toBeNull();
    expect(mem.user.names()).toEqual([]);
  });
});

describe("mark-cache", () => {
  test.each([
    ["ours", { name: "_JX_M_a_1", formula: "=项目表!$C$4", comment: '{"v":1,"s":"error","c":"#FFC7CE","o":null}' }, "项目表!C4"],
    ["quoted sheet", { name: "_JX_M_a_2", formula: "='My sheet'!$B$2", comment: '{"v":1,"s":"info","c":"#DDEBF7","o":{"color":"#FFFF00","pattern":"Solid"}}' }, "my sheet!B2"],
    ["cell deleted", { name: "_JX_M_a_3", formula: "=项目表!#REF!", comment: '{"v":1,"s":"error","c":"#FFC7CE","o":null}' }, "broken"],
    ["sheet deleted", { name: "_JX_M_a_4", formula: "=#REF!$C$4", comment: '{"v":1,"s":"error","c":"#FFC7CE","o":null}' }, "broken"],
    ["foreign comment", { name: "_JX_M_a_5", formula: "=项目表!$C$5", comment: "hello" }, "broken"],
    ["not ours", { name: "_JX_T_t1", formula: "=项目表!$A$1:$G$6", comment: "" }, "ignored"],
  ])("parseMarkNames: %s", (_label, item, expected) => {
    const { marks, broken } = parseMarkNames([item]);
    if (expected === "broken") expect(broken).toEqual([item.name]);
    else if (expected === "ignored") expect([marks.size, broken.length]).toEqual([0, 0]);
    else expect([...marks.keys()]).toEqual([expected]);
  });

  test("parseMarkNames: a second name on the same cell is broken", () => {
    const c = '{"v":1,"s":"error","c":"#FFC7CE","o":null}';
    const { marks, broken } = parseMarkNames([
      { name: "_JX_M_a_1", formula: "=S!$C$4", comment: c },
      { name: "_JX_M_b_1", formula: "=S!$C$4", comment: c },
    ]);
    expect([...marks.values()].map((m) => m.name)).toEqual(["_JX_M_a_1"]);
    expect(broken).toEqual(["_JX_M_b_1"]);
  });

  test("FillCache: a read on its way while a cell is written, or while rows move, is not recorded there", () => {
    const c = new FillCache();
    const yellow = { color: "#FFFF00", pattern: "Solid" };
    const f1 = c.begin("S", { top: 0, left: 0, bottom: 9, right: 9 });
    c.writing(["s!A1"], true);
    c.record(f1, "s!A1", null);
    c.record(f1, "s!A2", yellow);
    c.end(f1);
    expect([c.get("s!A1"), c.get("s!A2"), f1.namesStale]).toEqual([undefined, yellow, true]);
    const f2 = c.begin("S", { top: 0, left: 0, bottom: 9, right: 9 });
    c.clear();
    c.record(f2, "s!A3", yellow);
    expect(c.get("s!A3")).toBeUndefined();
    // A change event over a box forgets what was seen there and spoils reads of it on their way.
    c.record(c.begin(), "s!B2", yellow);
    const f3 = c.begin("S", { top: 0, left: 0, bottom: 2, right: 2 });
    c.forgetBox("s", { top: 1, left: 1, bottom: 1, right: 1 });
    c.record(f3, "s!C3", yellow);
    expect([c.get("s!B2"), c.get("s!C3")]).toEqual([undefined, undefined]);
  });

  test("FillCache: an older read does not overwrite what the adapter wrote later", () => {
    const c = new FillCache();
    const f = c.begin();
    c.wrote("s!A1", { color: "#FFC7CE", pattern: "Solid" });
    c.record(f, "s!A1", null);
    expect(c.get("s!A1")).toEqual({ color: "#FFC7CE", pattern: "Solid" });
  });
});

test("the sample workbook helper is untouched", () => {
  expect(sampleSnapshot().sheets[0].name).toBe(S);
});
