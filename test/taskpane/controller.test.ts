/** @jest-environment jsdom */
/** The pane's controller against the in-memory Excel through the real OfficeWorkbook adapter. */
import { MARK_COLORS } from "../../src/core/model/severity";
import { withHeaderRow, withRole } from "../../src/taskpane/controller";
import type { WorkbookSnapshot } from "../../src/workbench/memory-excel";
import { SHEET, rig, seedSnapshot, sheetFromGrid } from "./helpers";
import { stackedSeedGrid } from "../fixtures/seed-grid";
import { MAX_READ_CELLS } from "../../src/excel/chunked-read";

/** The mark colour a cell should show for its current issues (null when it has none). */
function expectedFill(ctl: { getState(): { issues: { sheet: string; cell: string | null; severity: "error" | "warning" | "info" }[] } }, cell: string): string | null {
  const sev = ctl.getState().issues.filter((i) => i.sheet === SHEET && i.cell === cell).map((i) => i.severity);
  for (const s of ["error", "warning", "info"] as const) if (sev.includes(s)) return MARK_COLORS[s];
  return null;
}

const issuesAt = (ctl: { getState(): { issues: { sheet: string; cell: string | null; rule: string }[] } }, cell: string) =>
  ctl.getState().issues.filter((i) => i.sheet === SHEET && i.cell === cell).map((i) => i.rule).sort();

describe("detection", () => {
  test("finds the three stacked tables with ranges, names and form; lists sheets without a table; marks issues", async () => {
    const { ctl, mem } = await rig();
    const s = ctl.getState();
    expect(s.phase).toBe("ready");
    expect(s.tables.map((t) => [t.sheet, t.range, t.form, t.indicators, t.source])).toEqual([
      [SHEET, "A1:G20", "88", 10, "detected"],
      [SHEET, "A22:G41", "88", 10, "detected"],
      [SHEET, "A43:G62", "88", 10, "detected"],
    ]);
    expect(s.tables[0].projectName).toContain("会场搭建");
    expect(s.emptySheets).toEqual(["说明"]);
    expect(issuesAt(ctl, "F11")).toContain("unit-wording");
    // copied-indicators (a workbook rule) names the later table
    expect(s.issues.some((i) => i.rule === "copied-indicators" && i.table === 1)).toBe(true);
    const counted = s.tables.reduce((n, t) => n + t.counts.error + t.counts.warning + t.counts.info, 0);
    expect(counted).toBe(s.issues.length);
    expect(s.totals.warning).toBe(s.issues.filter((i) => i.severity === "warning").length);
    // highlighted in the sheet
    expect(mem.user.fill(SHEET, "F11")).toBe(MARK_COLORS.info); // unit-wording is info under the severity policy
    expect(mem.user.fill(SHEET, "A21")).toBeNull();
  });

  test("a workbook without a table: no tables, the sheet is listed, no crash", async () => {
    const snap: WorkbookSnapshot = { version: 1, sheets: [{ name: "Sheet1", cells: { A1: { v: "hello" }, B2: { v: 3 } } }] };
    const { ctl } = await rig(snap);
    expect(ctl.getState().tables).toEqual([]);
    expect(ctl.getState().emptySheets).toEqual(["Sheet1"]);
    expect(ctl.getState().issues).toEqual([]);
  });
});

describe("live re-validation", () => {
  test("an edit re-reads only the touched table (one readBlock of its block), adds the issue and marks the cell; correcting it restores the fill", async () => {
    const { ctl, mem, port, settle } = await rig();
    expect(issuesAt(ctl, "F35")).not.toContain("percent-range");
    port.reads = [];
    mem.user.setCellValue(SHEET, "F35", "≥120%");
    await settle();
    expect(port.reads).toEqual([{ sheet: SHEET, address: "A22:G42" }]);
    expect(issuesAt(ctl, "F35")).toContain("percent-range");
    expect(mem.user.fill(SHEET, "F35")).toBe(MARK_COLORS.error);
    // other tables' issues are kept from the cache
    expect(issuesAt(ctl, "F11")).toContain("unit-wording");
    expect(ctl.timings.length).toBeGreaterThan(0);
    const t = ctl.timings[ctl.timings.length - 1];
    expect(t.reads).toBe(1);
    expect(t.workMs).toBeGreaterThanOrEqual(0);
    expect(t.sinceEventMs).not.toBeNull();

    port.reads = [];
    mem.user.setCellValue(SHEET, "F35", "≥95%");
    await settle();
    expect(port.reads.length).toBe(1);
    expect(issuesAt(ctl, "F35")).not.toContain("percent-range");
    expect(issuesAt(ctl, "F35").length).toBeGreaterThan(0);
    expect(mem.user.fill(SHEET, "F35")).toBe(expectedFill(ctl, "F35"));
    // a value without any issue: the cell gets its own (empty) fill back
    mem.user.setCellValue(SHEET, "F35", "≥5公里");
    mem.user.setCellValue(SHEET, "C35", "维修道路长度");
    await settle();
    expect(issuesAt(ctl, "F35")).toEqual([]);
    expect(mem.user.fill(SHEET, "F35")).toBeNull();
  });

  test("typing in the row right under a table is seen (the block reaches below it)", async () => {
    const { ctl, mem, port, settle } = await rig();
    port.reads = [];
    mem.user.setCellValue(SHEET, "C63", "新增指标");
    mem.user.setCellValue(SHEET, "F63", "≥150%");
    await settle();
    expect(port.reads.every((r) => r.address.startsWith("A43:"))).toBe(true);
    expect(ctl.getState().tables[2].range).toBe("A43:G63");
    expect(issuesAt(ctl, "F63")).toContain("percent-range");
  });

  test("edits outside every table read nothing", async () => {
    const { mem, port, settle } = await rig();
    port.reads = [];
    mem.user.setCellValue("说明", "C5", "备注");
    mem.user.setCellValue(SHEET, "M5", "x");
    await settle();
    expect(port.reads).toEqual([]);
  });

  test("changes in a burst are debounced into one read", async () => {
    const { mem, port, settle } = await rig(seedSnapshot(), { debounceMs: 30 });
    port.reads = [];
    for (const v of ["1", "12", "120", "120%"]) mem.user.setCellValue(SHEET, "F35", v);
    await settle();
    expect(port.reads.length).toBe(1);
  });

  test("a stale read never overwrites a fresh one (generation per table)", async () => {
    const { ctl, mem, port, settle } = await rig();
    let release!: () => void;
    port.gate = new Promise<void>((r) => (release = r));
    mem.user.setCellValue(SHEET, "F35", "≥120%"); // first read: held back
    await mem.flush();
    await new Promise((r) => setTimeout(r, 5));
    expect(port.reads.length).toBeGreaterThan(0);
    port.gate = null;
    mem.user.setCellValue(SHEET, "F35", "≥95%"); // second read: delivered at once
    await mem.flush();
    await new Promise((r) => setTimeout(r, 5));
    expect(issuesAt(ctl, "F35")).not.toContain("percent-range");
    release(); // the stale result (≥120%) arrives last
    await settle();
    expect(issuesAt(ctl, "F35")).not.toContain("percent-range");
    expect(mem.user.fill(SHEET, "F35")).toBe(expectedFill(ctl, "F35"));
    expect(mem.user.fill(SHEET, "F35")).not.toBe(MARK_COLORS.error);
  });

  test("a paste over a whole table: the table is reported lost, its issues and marks go, the others stay", async () => {
    const { ctl, mem, settle } = await rig();
    const junk = Array.from({ length: 20 }, (_, r) => Array.from({ length: 7 }, (_, c) => `x${r}-${c}`));
    mem.user.paste(SHEET, "A22", junk);
    await settle();
    const s = ctl.getState();
    expect(s.tables[1].status).toBe("lost");
    expect(s.issues.some((i) => i.table === 1)).toBe(false);
    expect(s.notices.some((n) => n.key === "tableLost")).toBe(true);
    expect(mem.user.fill(SHEET, "F32")).toBeNull();
    expect(issuesAt(ctl, "F11")).toContain("unit-wording");
  });

  test("rows inserted above a table move it (and the tables below); deleting its rows makes it disappear with a message", async () => {
    const { ctl, mem, settle } = await rig();
    mem.user.insertRows(SHEET, 22, 2);
    await settle();
    expect(ctl.getState().tables.map((t) => t.range)).toEqual(["A1:G20", "A24:G43", "A45:G64"]);
    expect(issuesAt(ctl, "F34")).toContain("unit-wording");
    expect(mem.user.fill(SHEET, "F34")).toBe(MARK_COLORS.info);

    mem.user.deleteRows(SHEET, 24, 20);
    await settle();
    const s = ctl.getState();
    expect(s.tables[1].status).toBe("lost");
    expect(s.notices.some((n) => n.key === "tableLost")).toBe(true);
    expect(s.tables[2].range).toBe("A25:G44");
    expect(s.issues.filter((i) => i.table === 2).length).toBeGreaterThan(0);
  });

  test("a stray value at XFD1048576: the pane reads the used range's top-left part only, finds the table and says so", async () => {
    const grid = stackedSeedGrid(1, SHEET);
    const sheet = sheetFromGrid(grid);
    sheet.cells["XFD1048576"] = { v: "误填" };
    const { ctl, port } = await rig({ version: 1, sheets: [sheet] });
    expect(ctl.getState().tables.map((t) => t.range)).toEqual(["A1:G20"]);
    const notice = ctl.getState().notices.find((n) => n.key === "sheetClipped");
    expect(notice?.data).toEqual({ sheet: SHEET, used: "A1:XFD1048576", read: "A1:IV3906" });
    expect(notice?.level).toBe("warning");
    expect(ctl.getState().notices.some((n) => n.key === "bigSheet")).toBe(false);
    // What the port reads of that sheet: the window, at most MAX_READ_CELLS cells, and the whole used range named.
    const [g] = await port.readUsedRanges();
    expect(g.rowCount * g.colCount).toBeLessThanOrEqual(MAX_READ_CELLS);
    expect([g.lastRow, g.lastCol, g.clippedFrom]).toEqual([3905, 255, { top: 0, left: 0, bottom: 1048575, right: 16383 }]);
  });

  test("a 5,000-row sheet: detection works, a notice says it is large, an edit re-reads only the table", async () => {
    const grid = stackedSeedGrid(1, SHEET);
    const sheet = sheetFromGrid(grid);
    for (let r = 30; r < 5030; r++) sheet.cells[`A${r}`] = { v: `数据${r}` };
    const { ctl, mem, port, settle } = await rig({ version: 1, sheets: [sheet] });
    expect(ctl.getState().tables.map((t) => t.range)).toEqual(["A1:G20"]);
    expect(ctl.getState().notices.some((n) => n.key === "bigSheet")).toBe(true);
    port.reads = [];
    mem.user.setCellValue(SHEET, "F12", "≥120%");
    await settle();
    expect(port.reads).toEqual([{ sheet: SHEET, address: "A1:G25" }]);
    expect(issuesAt(ctl, "F12")).toContain("percent-range");
  });
});

describe("fixes and undo", () => {
  test("one fix: preview cell old → new, ONE applyEdits, re-validated; undo restores the cell and the issue", async () => {
    const { ctl, mem, port } = await rig();
    const issue = ctl.getState().issues.find((i) => i.rule === "unit-wording" && i.cell === "F11")!;
    const p = ctl.previewFix(issue, "one")!;
    expect(p.changes).toEqual([{ sheet: SHEET, cell: "F11", before: "≥95百分比", after: "≥95%" }]);
    port.applies = 0;
    expect(await ctl.applyFix(p)).toBe(true);
    expect(port.applies).toBe(1);
    expect(mem.user.value(SHEET, "F11")).toBe("≥95%");
    expect(issuesAt(ctl, "F11")).not.toContain("unit-wording");
    expect(ctl.getState().undo).toMatchObject({ key: "fixOne", cells: 1 });

    expect(await ctl.undo()).toBe(true);
    expect(mem.user.value(SHEET, "F11")).toBe("≥95百分比");
    expect(issuesAt(ctl, "F11")).toContain("unit-wording");
    expect(ctl.getState().undo).toBeNull();
  });

  test("all fixes of one rule in one applyEdits; undo puts every cell back", async () => {
    const { ctl, mem, port } = await rig();
    const before = mem.toSnapshot().sheets[0].cells;
    const fixable = ctl.getState().issues.filter((i) => i.rule === "unit-wording" && i.fix);
    expect(fixable.length).toBeGreaterThan(10);
    const p = ctl.previewFix(fixable[0], "rule")!;
    expect(p.issues).toBe(fixable.length);
    expect(new Set(p.changes.map((c) => c.cell)).size).toBe(p.changes.length);
    for (const c of p.changes) expect(c.before).not.toBe(c.after);
    port.applies = 0;
    await ctl.applyFix(p);
    expect(port.applies).toBe(1);
    expect(ctl.getState().issues.filter((i) => i.rule === "unit-wording")).toEqual([]);
    await ctl.undo();
    const after = mem.toSnapshot().sheets[0].cells;
    for (const c of p.changes) expect(after[c.cell]?.v).toEqual(before[c.cell]?.v);
    expect(ctl.getState().issues.filter((i) => i.rule === "unit-wording").length).toBe(fixable.length);
  });

  test("a preview made stale by the user's typing is refused", async () => {
    const { ctl, mem, settle } = await rig();
    const issue = ctl.getState().issues.find((i) => i.rule === "unit-wording" && i.cell === "F11")!;
    const p = ctl.previewFix(issue, "one")!;
    mem.user.setCellValue(SHEET, "F11", "≥90百分比");
    await settle();
    expect(await ctl.applyFix(p)).toBe(false);
    expect(mem.user.value(SHEET, "F11")).toBe("≥90百分比");
    expect(ctl.getState().notices.some((n) => n.key === "fixStale")).toBe(true);
  });
});

describe("highlighting", () => {
  test("toggle off restores every cell; on marks again; remove all marks clears and switches highlighting off", async () => {
    const { ctl, mem } = await rig();
    expect(mem.user.fill(SHEET, "F11")).toBe(MARK_COLORS.info); // unit-wording is info under the severity policy
    await ctl.setHighlight(false);
    expect(mem.user.fill(SHEET, "F11")).toBeNull();
    await ctl.setHighlight(true);
    expect(mem.user.fill(SHEET, "F11")).toBe(MARK_COLORS.info); // unit-wording is info under the severity policy
    await ctl.clearMarks();
    expect(ctl.getState().highlight).toBe(false);
    expect(mem.user.fill(SHEET, "F11")).toBeNull();
    expect(mem.user.names().filter((n) => n.name.startsWith("_JX_M_"))).toEqual([]);
  });

  test("protected sheet: explained, issues still listed, no cell touched; a fix is refused with the reason", async () => {
    const snap = seedSnapshot();
    snap.sheets[0].protected = true;
    const { ctl, mem } = await rig(snap);
    const s = ctl.getState();
    expect(s.protectedSheets).toEqual([SHEET]);
    expect(s.issues.length).toBeGreaterThan(50);
    expect(mem.user.fill(SHEET, "F11")).toBeNull();
    const issue = s.issues.find((i) => i.fix)!;
    expect(await ctl.applyFix(ctl.previewFix(issue, "one")!)).toBe(false);
    const n = ctl.getState().notices.find((x) => x.level === "error")!;
    expect(n.text!.zh).toContain("受保护");
    // unprotected later: the next re-validation marks the cells
    mem.user.protect(SHEET, false);
    mem.user.setCellValue(SHEET, "F35", "≥120%");
    await new Promise((r) => setTimeout(r, 5));
    await mem.flush();
    await ctl.whenIdle();
    expect(mem.user.fill(SHEET, "F35")).toBe(MARK_COLORS.error);
    expect(ctl.getState().protectedSheets).toEqual([]);
  });
});

describe("mappings", () => {
  /** A table whose indicator header the detector does not know (考核…), under a normal top block. */
  function oddSnapshot(): WorkbookSnapshot {
    const cells: WorkbookSnapshot["sheets"][number]["cells"] = {
      B2: { v: "项目名称" },
      C2: { v: "道路维修" },
      B3: { v: "预算数" },
      C3: { v: 100000 },
      B4: { v: "绩效目标" },
      C4: { v: "完成道路维修5公里，验收合格率达到95%以上。" },
      B6: { v: "考核大类" },
      C6: { v: "考核小类" },
      D6: { v: "考核内容" },
      E6: { v: "目标" },
      F6: { v: "备注" },
    };
    const rows: [string, string, string, string][] = [
      ["产出指标", "数量指标", "维修道路长度", "≥5公里"],
      ["", "质量指标", "验收合格率", "≥120%"],
      ["效益指标", "社会效益指标", "群众出行便利度", "明显提高"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
    ];
    rows.forEach((r, i) => r.forEach((v, j) => v && (cells[`${"BCDE"[j]}${7 + i}`] = { v })));
    return { version: 1, sheets: [{ name: "自定义", cells }] };
  }

  test("map the selection: preview roles, change them, save; the table is checked, saved in the workbook and found after reopening", async () => {
    const { ctl, mem } = await rig(oddSnapshot());
    expect(ctl.getState().tables).toEqual([]);
    mem.user.select("自定义", "B2:F10");
    let d = (await ctl.draftFromSelection())!;
    expect(d.address).toBe("B2:F10");
    expect(d.headerRow).toBe(1); // no recognised header: the first row
    d = withHeaderRow(d, 5);
    expect(d.columns.map((c) => [c.letter, c.label, c.role])).toEqual([
      ["B", "考核大类", "ignore"],
      ["C", "考核小类", "ignore"],
      ["D", "考核内容", "ignore"],
      ["E", "目标", "ignore"],
      ["F", "备注", "ignore"],
    ]);
    expect(d.missing).toEqual(["level1", "level2", "name", "value"]);
    expect(await ctl.saveMapping(d)).toBe(false);
    d = withRole(withRole(withRole(withRole(d, 1, "level1"), 2, "level2"), 3, "name"), 4, "value");
    expect(d.missing).toEqual([]);
    expect(withRole(d, 5, "value").duplicates).toEqual(["value"]);
    expect(await ctl.saveMapping(d)).toBe(true);
    const s = ctl.getState();
    expect(s.tables.map((t) => [t.source, t.sheet, t.projectName, t.indicators])).toEqual([["mapped", "自定义", "道路维修", 4]]);
    expect(s.issues.some((i) => i.rule === "percent-range" && i.cell === "E8")).toBe(true);
    expect(mem.user.fill("自定义", "E8")).toBe(MARK_COLORS.error);

    // saved in the workbook: a fresh pane over the reopened file finds it, and it follows inserted rows
    const again = await rig(mem.reopen().toSnapshot());
    again.mem.user.insertRows("自定义", 1, 3);
    await again.settle();
    await again.ctl.detect();
    expect(again.ctl.getState().tables.map((t) => [t.source, t.range])).toEqual([["mapped", "B5:E13"]]);
    expect(again.ctl.getState().issues.some((i) => i.rule === "percent-range" && i.cell === "E11")).toBe(true);

    // live edit of a mapped table
    again.mem.user.setCellValue("自定义", "E13", "≥200%");
    await again.settle();
    expect(again.ctl.getState().issues.some((i) => i.rule === "percent-range" && i.cell === "E13")).toBe(true);

    // remove the mapping: the table is no longer known
    await again.ctl.removeMapping(again.ctl.getState().tables[0].mappingId!);
    expect(again.ctl.getState().tables).toEqual([]);
  });

  test("mapping a detected table replaces it; a mapping whose sheet was deleted is listed as broken and can be removed", async () => {
    const snap = seedSnapshot(1);
    snap.sheets.push({ name: "副本", cells: { ...snap.sheets[0].cells }, merges: snap.sheets[0].merges });
    const { ctl, mem } = await rig(snap);
    expect(ctl.getState().tables.length).toBe(2);
    mem.user.select("副本", "A1:G20");
    const d = (await ctl.draftFromSelection())!;
    expect(d.headerRow).toBe(9);
    expect(d.missing).toEqual([]);
    expect(d.columns.find((c) => c.letter === "F")!.role).toBe("value");
    expect(await ctl.saveMapping(d)).toBe(true);
    expect(ctl.getState().tables.map((t) => [t.sheet, t.source])).toEqual([
      [SHEET, "detected"],
      ["副本", "mapped"],
    ]);
    mem.user.deleteSheet("副本");
    await ctl.detect();
    const s = ctl.getState();
    expect(s.tables.map((t) => t.sheet)).toEqual([SHEET]);
    expect(s.brokenMappings.map((b) => [b.sheet, b.reason])).toEqual([["副本", "sheet-deleted"]]);
    expect(s.brokenMappings[0].message.zh).toContain("副本");
    await ctl.removeMapping(s.brokenMappings[0].id);
    expect(ctl.getState().brokenMappings).toEqual([]);
  });

  test("a single cell or a huge selection is refused with a message", async () => {
    const { ctl, mem } = await rig();
    mem.user.select(SHEET, "C5");
    expect(await ctl.draftFromSelection()).toBeNull();
    mem.user.select(SHEET, "A1:G9000");
    expect(await ctl.draftFromSelection()).toBeNull();
    expect(ctl.getState().notices.map((n) => n.key)).toEqual(expect.arrayContaining(["selectTable", "selectionTooLarge"]));
  });
});
