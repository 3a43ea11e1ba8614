/**
 * @jest-environment jsdom
 *
 * Inserting library entries into the seed workbook: the in-memory Excel through the real
 * OfficeWorkbook adapter and the pane's controller (one applyEdits, undo), plus the pure planner.
 */
import { BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import { planInsertRows } from "../../src/core/library/insert";
import type { LibraryEntry } from "../../src/core/library/schema";
import { REVIEW_MARK } from "../../src/core/library/suggest";
import { parseA1, toA1 } from "../../src/core/grid/a1";
import type { WorkbookSnapshot } from "../../src/workbench/memory-excel";
import { detectTables, parseTable } from "../../src/core/layout";
import { SHEET, rig, seedSnapshot } from "../taskpane/helpers";
import { withHeaderRow } from "../../src/taskpane/controller";
import { stackedSeedGrid } from "../fixtures/seed-grid";

/** A built-in entry by exact name and 二级. */
function entry(name: string, level2?: string): LibraryEntry {
  const e = BUILTIN_ENTRIES.find((x) => x.name === name && (!level2 || x.level2 === level2));
  if (!e) throw new Error(`no entry ${name}`);
  return e;
}

/** First built-in entry of a 二级 whose typical value starts with an operator and a number. */
function firstOf(level2: string, level1?: string): LibraryEntry {
  const e = BUILTIN_ENTRIES.find((x) => x.level2 === level2 && (!level1 || x.level1 === level1) && /^[≥=]\d/.test(x.typical));
  if (!e) throw new Error(`no entry for ${level2}`);
  return e;
}

type Cells = WorkbookSnapshot["sheets"][number]["cells"];

function sheetOf(snap: WorkbookSnapshot, name = SHEET) {
  return snap.sheets.find((s) => s.name === name)!;
}

/** The cells of rows [from, to] (1-based), keyed by column + row offset from `from`. */
function rowsOf(cells: Cells, from: number, to: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [a1, c] of Object.entries(cells)) {
    const p = parseA1(a1)!;
    if (p.row + 1 >= from && p.row + 1 <= to) out[`${toA1(p.row - (from - 1), p.col)}`] = c;
  }
  return out;
}

function mergesOf(snap: WorkbookSnapshot): string[] {
  return [...(sheetOf(snap).merges ?? [])].sort();
}

describe("insertFromLibrary on the seed workbook", () => {
  test("a 数量指标 entry into 项目1 lands after the last 数量 row of 产出, inside the merged 一级 cell; the next tables shift intact", async () => {
    const { ctl, mem, port, settle } = await rig(seedSnapshot(3), {}, 14);
    const before = mem.toSnapshot();
    const qty = firstOf("数量指标");
    const applies = port.applies;
    const t0 = ctl.getState().tables[0].id;
    const out = await ctl.insertFromLibrary(t0, [qty.id]);
    expect(out).toMatchObject({ status: "inserted" });
    expect(port.applies - applies).toBe(1);
    const after = mem.toSnapshot();
    // the 数量 row is r14 (资金拨付到位率); the new row is r15, 质量 (资金使用合规性) moved to r16
    expect(mem.user.value(SHEET, "C14")).toBe("资金拨付到位率");
    expect(mem.user.value(SHEET, "B15")).toBe("数量指标");
    expect(mem.user.value(SHEET, "C15")).toBe(qty.name);
    expect(mem.user.value(SHEET, "D15")).toBe(qty.definition);
    expect(mem.user.value(SHEET, "F15")).toBe(""); // the value is left for the user
    expect(mem.user.value(SHEET, "A15")).toBe("");
    expect(mem.user.value(SHEET, "C16")).toBe("资金使用合规性");
    // the merged 一级 cell 产出指标 grew over the new row
    expect(mem.user.merges(SHEET)).toContain("A11:A16");
    expect(mem.user.merges(SHEET)).not.toContain("A11:A15");
    // the neighbouring row's format: the new row has the number formats of the row above
    for (const col of "ABCDEFG") expect(mem.user.numberFormat(SHEET, `${col}15`)).toBe(mem.user.numberFormat(SHEET, `${col}14`));
    // tables below: every cell one row lower, identical
    expect(rowsOf(sheetOf(after).cells, 23, 63)).toEqual(rowsOf(sheetOf(before).cells, 22, 62));
    const shifted = (sheetOf(before).merges ?? []).filter((m) => parseA1(m.split(":")[0])!.row >= 21);
    for (const m of shifted) {
      const [a, b] = m.split(":").map((x) => parseA1(x)!);
      expect(mem.user.merges(SHEET)).toContain(`${toA1(a.row + 1, a.col)}:${toA1(b.row + 1, b.col)}`);
    }
    // the pane read the tables again: ranges moved, the new row is an indicator of 项目1
    const s = ctl.getState();
    expect(s.tables.map((t) => t.range)).toEqual(["A1:G21", "A23:G42", "A44:G63"]);
    expect(s.tables[0].indicators).toBe(11);
    const model = ctl.tableModel(t0)!;
    const row = model.indicators.find((r) => r.name.value === qty.name)!;
    expect([row.row, row.level1.canonical, row.level2.canonical]).toEqual([14, "产出指标", "数量指标"]);
    // live checking follows the moved table: an edit in 项目2's (moved) value cell is seen there
    const f36 = sheetOf(before).cells.F36.v as string;
    mem.user.setCellValue(SHEET, "F37", "≥120%");
    await settle();
    expect(ctl.getState().issues.some((i) => i.rule === "percent-range" && i.cell === "F37" && i.table === 1)).toBe(true);
    mem.user.setCellValue(SHEET, "F37", f36);
    await settle();

    // undo: one change, the sheet is exactly as before
    expect(ctl.getState().undo?.key).toBe("libraryInserted");
    expect(await ctl.undo()).toBe(true);
    await settle();
    expect(sheetOf(mem.toSnapshot())).toEqual(sheetOf(before));
    expect(ctl.getState().tables.map((t) => t.range)).toEqual(["A1:G20", "A22:G41", "A43:G62"]);
  });

  test("a 满意度 entry goes to the end of the 满意度 block: inserted inside the merge, the old last row copied up; undo restores exactly", async () => {
    const { ctl, mem, settle } = await rig(seedSnapshot(2));
    const before = mem.toSnapshot();
    const sat = firstOf("服务对象满意度指标");
    const out = await ctl.insertFromLibrary(ctl.getState().tables[0].id, [sat.id], { value: "typical" });
    expect(out.status).toBe("inserted");
    await settle();
    expect(mem.user.value(SHEET, "C19")).toBe("项目单位满意度");
    expect(mem.user.value(SHEET, "C20")).toBe("满意度");
    expect(mem.user.value(SHEET, "B20")).toBe("服务对象满意度指标");
    expect(mem.user.value(SHEET, "C21")).toBe(sat.name);
    expect(mem.user.value(SHEET, "F21")).toBe(`${sat.typical}${REVIEW_MARK}`);
    expect(mem.user.value(SHEET, "G21")).toBe(""); // the old row's 依据 moved up, not left behind
    expect(mem.user.value(SHEET, "G20")).toBe(sheetOf(before).cells.G20.v);
    expect(mem.user.value(SHEET, "A22")).toBe(""); // the blank row between the tables
    expect(mem.user.merges(SHEET)).toContain("A19:A21");
    const model = ctl.tableModel(ctl.getState().tables[0].id)!;
    expect(model.indicators.map((r) => [r.row, r.level1.canonical, r.name.value]).slice(-3)).toEqual([
      [18, "满意度指标", "项目单位满意度"],
      [19, "满意度指标", "满意度"],
      [20, "满意度指标", sat.name],
    ]);
    // the typical value is marked for review and still parses as its number
    expect(model.indicators[10].value.number).not.toBeNull();
    expect(rowsOf(sheetOf(mem.toSnapshot()).cells, 23, 42)).toEqual(rowsOf(sheetOf(before).cells, 22, 41));
    expect(await ctl.undo()).toBe(true);
    await settle();
    expect(sheetOf(mem.toSnapshot())).toEqual(sheetOf(before));
    expect(mergesOf(mem.toSnapshot())).toEqual(mergesOf(before));
  });

  test("several entries in one change: each into its block (an existing 二级, a new 二级 at the end of its 一级), bottom-up", async () => {
    const { ctl, mem, port, settle } = await rig(seedSnapshot(1));
    const before = mem.toSnapshot();
    const eco = firstOf("生态效益指标");
    const qty = firstOf("数量指标");
    const sat = firstOf("服务对象满意度指标");
    const applies = port.applies;
    const out = await ctl.insertFromLibrary(ctl.getState().tables[0].id, [sat.id, eco.id, qty.id]);
    expect(port.applies - applies).toBe(1);
    expect(out.status).toBe("inserted");
    await settle();
    const rows = out.status === "inserted" ? out.rows : [];
    expect(rows.map((r) => [r.entryId, r.cell])).toEqual([
      [qty.id, "C15"],
      [eco.id, "C20"],
      [sat.id, "C23"],
    ]);
    for (const r of rows) expect(mem.user.value(SHEET, r.cell)).toBe([qty, eco, sat].find((e) => e.id === r.entryId)!.name);
    // 效益: 经济 r17, 社会 r18, 可持续 r19 (copied up), then the new 生态效益 r20 with its 二级 written
    expect(mem.user.value(SHEET, "B20")).toBe("生态效益指标");
    expect(mem.user.value(SHEET, "C19")).toBe(sheetOf(before).cells.C18.v);
    expect(mem.user.merges(SHEET)).toEqual(expect.arrayContaining(["A11:A16", "A17:A20", "A21:A23"]));
    const model = ctl.tableModel(ctl.getState().tables[0].id)!;
    expect(model.indicators.length).toBe(13);
    for (const r of rows) {
      const ind = model.indicators.find((i) => i.row === r.row)!;
      expect([ind.level1.canonical, ind.level2.canonical]).toEqual([r.level1, r.level2]);
    }
    expect(await ctl.undo()).toBe(true);
    await settle();
    expect(sheetOf(mem.toSnapshot())).toEqual(sheetOf(before));
  });

  test("refusals: a protected sheet, an entry without a place in the form, a merge the insert would break, an unknown table", async () => {
    const { ctl, mem, port } = await rig(seedSnapshot(1));
    const id = ctl.getState().tables[0].id;
    const social = BUILTIN_ENTRIES.find((x) => x.level2 === "社会成本指标")!;
    let out = await ctl.insertFromLibrary(id, [social.id]);
    expect(out).toMatchObject({ status: "refused", reason: "noCategory" });
    out = await ctl.insertFromLibrary("nope", [firstOf("数量指标").id]);
    expect(out).toMatchObject({ status: "refused", reason: "noTable" });
    out = await ctl.insertFromLibrary(id, ["b:missing"]);
    expect(out).toMatchObject({ status: "refused", reason: "unknownEntry" });
    // a 三级 cell merged down across the insertion point (r14:r15)
    mem.user.merge(SHEET, "C14:C15");
    await ctl.detect();
    const applies = port.applies;
    out = await ctl.insertFromLibrary(ctl.getState().tables[0].id, [firstOf("数量指标").id]);
    expect(out).toMatchObject({ status: "refused", reason: "merged", detail: { range: "C14:C15" } });
    expect(port.applies).toBe(applies);
    mem.user.protect(SHEET);
    await ctl.detect();
    out = await ctl.insertFromLibrary(ctl.getState().tables[0].id, [firstOf("质量指标").id]);
    expect(out).toMatchObject({ status: "refused", reason: "protected" });
    expect(port.applies).toBe(applies);
    const keys = ctl.getState().notices.map((n) => n.key);
    expect(keys).toEqual(expect.arrayContaining(["libraryRefused.merged", "libraryRefused.protected"]));
  });

  test("a mapped table: rows inserted at its end stay inside its saved block, also after reopening; undo shrinks it back", async () => {
    const { ctl, mem, settle } = await rig(seedSnapshot(2));
    mem.user.select(SHEET, "A1:G20");
    const d = withHeaderRow((await ctl.draftFromSelection())!, 9);
    expect(await ctl.saveMapping(d)).toBe(true);
    const mapped = ctl.getState().tables.find((t) => t.source === "mapped")!;
    const before = mem.toSnapshot();
    const sat = firstOf("服务对象满意度指标");
    const out = await ctl.insertFromLibrary(mapped.id, [sat.id]);
    expect(out.status).toBe("inserted");
    await settle();
    const name = mem.user.names().find((n) => n.name.startsWith("_JX_T_"))!;
    expect(name.ref).toContain("$A$1:$G$21");
    const again = await rig(mem.reopen().toSnapshot());
    const t = again.ctl.getState().tables.find((x) => x.source === "mapped")!;
    expect(t.range).toBe("A1:G21");
    expect(t.indicators).toBe(11);
    expect(await ctl.undo()).toBe(true);
    await settle();
    expect(sheetOf(mem.toSnapshot())).toEqual(sheetOf(before));
    expect(mem.user.names().find((n) => n.name.startsWith("_JX_T_"))!.ref).toContain("$A$1:$G$20");
  });
});

describe("planInsertRows (pure)", () => {
  const grid = stackedSeedGrid(1, SHEET);
  const table = parseTable(grid, detectTables(grid)[0]);

  test.each([
    ["数量指标", "产出指标", 13, "natural", "level2"],
    ["质量指标", "产出指标", 14, "shift", "level2"],
    ["时效指标", "产出指标", 11, "natural", "level2"],
    ["生态效益指标", "效益指标", 17, "shift", "newLevel2"],
    ["服务对象满意度指标", "满意度指标", 19, "shift", "level2"],
  ])("a %s entry follows row %#", (level2, level1, after, mode, kind) => {
    const e = firstOf(level2, level1);
    const plan = planInsertRows(table, grid, [e]);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.groups.map((g) => [g.after, g.mode, g.kind])).toEqual([[after, mode, kind]]);
    expect(plan.edits[0]).toEqual({ kind: "insertRows", sheet: SHEET, row: (mode === "shift" ? after : after + 1) + 1, count: 1 });
  });

  test("a 101 entry goes to the 88 table's 产出/成本 block; a missing 一级 goes to the table's end with its 一级 written", () => {
    const cost = BUILTIN_ENTRIES.find((x) => x.level1 === "成本指标" && x.level2 === "经济成本指标")!;
    const plan = planInsertRows(table, grid, [cost]);
    expect(plan.ok && plan.groups[0].after).toBe(12);
    // a table without 满意度: remove the two 满意度 rows from the model
    const short = { ...table, indicators: table.indicators.slice(0, 8) };
    const sat = firstOf("服务对象满意度指标");
    const p2 = planInsertRows(short, grid, [sat]);
    expect(p2.ok).toBe(true);
    if (!p2.ok) return;
    expect(p2.groups[0]).toMatchObject({ after: 17, kind: "newLevel1", mode: "natural" });
    const values = Object.fromEntries(p2.edits.flatMap((e) => (e.kind === "value" ? [[e.cell, e.value]] : [])));
    expect(values).toMatchObject({ A19: "满意度指标", B19: "服务对象满意度指标", C19: sat.name });
  });

  test("typical values: single column with （待确认）; the protected sheet and empty lists are refused", () => {
    const e = entry(firstOf("质量指标").name);
    const plan = planInsertRows(table, grid, [e], { value: "typical" });
    expect(plan.ok && plan.edits.some((x) => x.kind === "value" && x.value === `${e.typical}${REVIEW_MARK}`)).toBe(true);
    expect(planInsertRows(table, grid, [e], { protectedSheet: true })).toMatchObject({ ok: false, reason: "protected" });
    expect(planInsertRows(table, grid, [])).toMatchObject({ ok: false, reason: "noEntries" });
  });
});
