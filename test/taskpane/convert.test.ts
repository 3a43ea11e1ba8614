/**
 * "转换为指标表" in the controller, over the in-memory Excel through the real Office adapter: the seed's
 * 分项 block selected → the preview rows → the standard table written on a new sheet (or below the
 * block) as one applyEdits, detected and checked at once → one undo gives the workbook back.
 */
import { extractProse } from "../../src/core/extract/prose";
import { STANDARD_HEADER, standardTable } from "../../src/core/extract/table";
import { builtinSearchIndex } from "../../src/core/library/builtin-index";
import { freeSheetName, tableEdits } from "../../src/taskpane/controller/convert";
import type { WorkbookSnapshot } from "../../src/workbench/memory-excel";
import { SEED_DEPARTMENT_LINES } from "../../src/sample/seed-data";
import { rig, seedSnapshot } from "./helpers";

const PROSE = "部门整体绩效目标";

/** The seed's tables plus its department part as published, one paragraph per cell in column A. */
function snapshot(): WorkbookSnapshot {
  const base = seedSnapshot();
  const cells = Object.fromEntries(SEED_DEPARTMENT_LINES.map((line, i) => [`A${i + 1}`, { v: line }]));
  return { ...base, sheets: [...base.sheets, { name: PROSE, cells }] };
}

/** The rows the engine gives for the text of A9:A10 (the first 分项 block). */
const BLOCK1 = extractProse(SEED_DEPARTMENT_LINES.slice(8, 10).join("\n"), builtinSearchIndex()).flatMap((b) => b.rows);

test("the preview of a selected 分项 block: one row per measure, suggested levels with reasons, the source beside each", async () => {
  const { mem, ctl } = await rig(snapshot());
  mem.user.select(PROSE, "A9:A10");
  const draft = await ctl.draftConversion();
  expect(draft).not.toBeNull();
  expect(draft!).toMatchObject({ sheet: PROSE, address: "A9:A10" });
  expect(draft!.rows).toHaveLength(9);
  expect(draft!.rows[0]).toMatchObject({ name: "上报信息条数", value: "80条", level1: "产出指标", level2: "数量指标", source: "上报信息80条", reason: BLOCK1[0].reason });
  // The packed "A、B、C 100%" clause gives three rows, each with that clause as its source.
  const packed = draft!.rows.filter((r) => r.source.startsWith("账目入账工作完成率、"));
  expect(packed.map((r) => r.name)).toEqual(["账目入账工作完成率", "报表报送及时率", "预决算工作完成率"]);
  expect(packed.every((r) => r.value === "100%")).toBe(true);
  expect(draft!.rows.map((r) => r.name)).toEqual(BLOCK1.map((r) => r.name));
});

test("a selection without indicators is refused with a notice", async () => {
  const { mem, ctl } = await rig(snapshot());
  mem.user.select(PROSE, "A1:A2");
  await expect(ctl.draftConversion()).resolves.toBeNull();
  expect(ctl.getState().notices.map((n) => n.key)).toContain("convertRefused.noRows");
});

test("insert on a new sheet: the standard table, checked at once; one undo removes the sheet and the table", async () => {
  const { mem, ctl, port, settle } = await rig(snapshot());
  const before = mem.toSnapshot();
  const tablesBefore = ctl.getState().tables.length;
  mem.user.select(PROSE, "A9:A10");
  const draft = (await ctl.draftConversion())!;
  // The user edits one value and drops the last row in the preview.
  const rows = draft.rows.slice(0, -1).map((r, i) => (i === 1 ? { ...r, value: "≥98%" } : r));
  const applies = port.applies;
  const out = await ctl.insertConversion(draft, rows, "sheet", "指标表");
  await settle();
  expect(port.applies - applies).toBe(1);
  expect(out).toEqual({ status: "inserted", sheet: "指标表", address: `A1:E${rows.length + 1}` });

  const sheet = mem.toSnapshot().sheets.find((s) => s.name === "指标表")!;
  expect(STANDARD_HEADER.map((_, c) => mem.user.value("指标表", `${"ABCDE"[c]}1`))).toEqual([...STANDARD_HEADER]);
  expect(sheet.cells.A1.font).toEqual({ bold: true });
  const expected = standardTable(tableRowsOf(rows));
  expect(sheet.merges).toEqual(expected.merges.map((m) => `${"ABCDE"[m.left]}${m.top + 1}:${"ABCDE"[m.right]}${m.bottom + 1}`));
  for (let r = 1; r < expected.values.length; r++) expect(mem.user.value("指标表", `C${r + 1}`)).toBe(expected.values[r][2]);
  expect(mem.user.value("指标表", `D${expected.values.findIndex((v) => v[2] === rows[1].name) + 1}`)).toBe("≥98%");

  // Detected and checked: the new table is listed with its indicators, and its issues are in the list.
  const state = ctl.getState();
  expect(state.tables).toHaveLength(tablesBefore + 1);
  const view = state.tables.find((t) => t.sheet === "指标表")!;
  expect(view.indicators).toBe(rows.length);
  expect(state.issues.some((i) => i.sheet === "指标表")).toBe(true);
  expect(state.undo).toMatchObject({ key: "converted" });

  await ctl.undo();
  await settle();
  expect(mem.toSnapshot().sheets).toEqual(before.sheets);
  expect(ctl.getState().tables).toHaveLength(tablesBefore);
  expect(ctl.getState().issues.some((i) => i.sheet === "指标表")).toBe(false);
});

test("insert below the block: new rows, nothing overwritten, the text below moved down; undo restores the sheet", async () => {
  const { mem, ctl, settle } = await rig(snapshot());
  const before = mem.toSnapshot();
  mem.user.select(PROSE, "A9:A10");
  const draft = (await ctl.draftConversion())!;
  const out = await ctl.insertConversion(draft, draft.rows, "below", "指标表");
  await settle();
  // One empty row, then the table from row 12; A11 (the next block's heading) is now below it.
  expect(out).toEqual({ status: "inserted", sheet: PROSE, address: `A12:E${12 + draft.rows.length}` });
  expect(mem.user.value(PROSE, "A11")).toBe("");
  expect(mem.user.value(PROSE, "A12")).toBe("一级指标");
  expect(mem.user.value(PROSE, `A${13 + draft.rows.length}`)).toBe(SEED_DEPARTMENT_LINES[10]);
  // Detected and checked (the detector takes the prose lines above it as the table's title part).
  const views = ctl.getState().tables.filter((t) => t.sheet === PROSE);
  expect(views).toHaveLength(1);
  expect(views[0].range).toMatch(new RegExp(`^A\\d+:E${12 + draft.rows.length}$`));
  expect(views[0].indicators).toBe(draft.rows.length);
  await ctl.undo();
  await settle();
  expect(mem.toSnapshot().sheets).toEqual(before.sheets);
});

test("a protected sheet refuses 'below' with a notice and writes nothing", async () => {
  const { mem, ctl, port } = await rig(snapshot());
  mem.user.select(PROSE, "A9:A10");
  const draft = (await ctl.draftConversion())!;
  mem.user.protect(PROSE);
  const applies = port.applies;
  await expect(ctl.insertConversion(draft, draft.rows, "below", "指标表")).resolves.toEqual({ status: "refused", reason: "protected" });
  expect(port.applies).toBe(applies);
  expect(ctl.getState().notices.map((n) => n.key)).toContain("convertRefused.protected");
});

test("freeSheetName: a name not taken, ignoring case; characters Excel refuses removed", () => {
  expect(freeSheetName("指标表", ["Sheet1"])).toBe("指标表");
  expect(freeSheetName("指标表", ["指标表", "指标表2"])).toBe("指标表3");
  expect(freeSheetName("a/b", ["AB"])).toBe("ab2");
});

test("tableEdits: a merged area's value only in its first cell", () => {
  const rows = BLOCK1.map((r) => ({ block: r.block, source: r.source, level1: r.level1 ?? "", level2: r.level2 ?? "", name: r.name, value: r.value.text, reason: r.reason }));
  const edits = tableEdits("S", rows, 0, 0);
  const merges = edits.filter((e) => e.kind === "merge");
  expect(merges.length).toBeGreaterThan(0);
  const written = new Set(edits.filter((e) => e.kind === undefined).map((e) => ("cell" in e ? e.cell : "")));
  expect(written.has("A2")).toBe(true);
  expect(written.has("A3")).toBe(false);
});

function tableRowsOf(rows: { block: string | null; source: string; level1: string; level2: string; name: string; value: string }[]) {
  return rows.map((r) => ({
    block: r.block,
    source: r.source,
    name: r.name,
    value: { raw: r.value, op: null, number: null, unit: null, text: r.value },
    period: null,
    level1: r.level1 || null,
    level2: r.level2 || null,
    reason: { code: "none" as const },
  }));
}
