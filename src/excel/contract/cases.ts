/**
 * The port contract cases. Each states what Excel's documentation (or an office-js issue) says and
 * checks that the adapter lives with it: against the in-memory Excel in CI (test/excel/contract.test.ts,
 * every simulated requirement set) and against real Excel in the pane's self-test (runner.ts).
 * docs/excel-fidelity.md describes every case and keeps the results received from real Excel builds.
 */
import { MARK_COLORS } from "../../core/model/severity";
import { ProtectedSheetError, SheetNotFoundError, excelErrorCode } from "../errors";
import { MARK_NAME_PREFIX } from "../mark-cache";
import { TABLE_NAME_PREFIX } from "../mapping-store";
import type { DirtyRange } from "../port";
import type { RawFill } from "./scratch";
import { check, rejects, same, type CaseContext, type ContractCase } from "./types";

const DOC = {
  fill: "https://learn.microsoft.com/javascript/api/excel/excel.rangefill",
  names: "https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection#excel-excel-nameditemcollection-add-member(1)",
  undo: "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities",
  runOptions: "https://learn.microsoft.com/javascript/api/excel/excel.runoptions",
  limits: "https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins",
  large: "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large",
  nullObjects: "https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties",
  protection: "https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions",
  merged: "https://github.com/OfficeDev/office-js/issues/3611",
  events: "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events",
  triggerSource: "https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-triggersource-member",
  reqSets: "https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets",
  issue13: "issue 13 (reports gathered for this repository)",
};

const ERR = MARK_COLORS.error;
const WARN = MARK_COLORS.warning;

/** A fill as the cells show it, normalised for comparison (null = No Fill). */
async function fillOf(ctx: CaseContext, a1: string): Promise<string> {
  const f: RawFill = await ctx.scratch.rawFill(a1);
  if (!ctx.caps.cellProperties) return f.color === "#FFFFFF" || f.color === null ? "none-or-white" : String(f.color).toUpperCase();
  if (f.pattern === "None" || f.tintAndShade === null) return "none";
  const parts = [String(f.color).toUpperCase(), f.pattern ?? "Solid"];
  if (f.tintAndShade) parts.push(`tint ${f.tintAndShade}`);
  if (f.pattern && f.pattern !== "Solid" && f.patternColor) parts.push(`pattern ${String(f.patternColor).toUpperCase()}`);
  return parts.join(" ");
}

/** Marks a cell, checks it shows the mark colour, clears, and checks its own fill is back exactly. */
async function markAndClear(ctx: CaseContext, cell: string, expectBack?: string): Promise<void> {
  const before = await fillOf(ctx, cell);
  await ctx.port.readBlock(ctx.sheet, "A1:H20");
  await ctx.port.setMarks([{ sheet: ctx.sheet, cell, severity: "error" }]);
  same(await fillOf(ctx, cell), ctx.caps.cellProperties ? `${ERR} Solid` : ERR, `${cell} while marked`);
  await ctx.port.clearMarks();
  same(await fillOf(ctx, cell), expectBack ?? before, `${cell} after the mark was removed`);
}

async function scratchNames(ctx: CaseContext, prefix: string): Promise<{ name: string; formula: string; visible: boolean }[]> {
  return (await ctx.scratch.names()).filter((n) => n.name.startsWith(prefix) && n.formula.includes(ctx.sheet));
}

async function dirtyAfter(ctx: CaseContext, act: () => void | Promise<void>): Promise<DirtyRange[]> {
  const seen: DirtyRange[] = [];
  await ctx.subscribe((r) => seen.push(...r));
  await act();
  await ctx.user?.flush();
  await ctx.settle();
  return seen.filter((r) => r.sheet === ctx.sheet);
}

const mapping = (ctx: CaseContext, address: string) => [{ id: `ct_${ctx.sheet.replace(/\W/g, "_")}`, sheet: ctx.sheet, address, data: { ct: true } }];

export const CASES: ContractCase[] = [
  // ── 1. fills: No Fill is its own state; pattern, pattern colour, colour and tint are kept ─────────
  {
    id: "fills.no-fill-reads-like-white",
    area: "fills",
    title: { zh: "无填充读回为 #FFFFFF；1.9 起 tintAndShade 为 null（仅无填充如此）", en: "No Fill reads #FFFFFF; from 1.9 its tintAndShade is null (only No Fill's is)" },
    source: `${DOC.fill}; ${DOC.issue13}`,
    async run(ctx) {
      const f = await ctx.scratch.rawFill("B2");
      same(String(f.color).toUpperCase(), "#FFFFFF", "color of No Fill");
      if (ctx.caps.cellProperties) check(f.pattern === "None" || f.tintAndShade === null, `No Fill must read pattern None or tintAndShade null, got ${JSON.stringify(f)}`);
      if (ctx.caps.cellProperties) {
        await ctx.scratch.fill("B3", { color: "#FFFFFF" });
        const w = await ctx.scratch.rawFill("B3");
        check(w.tintAndShade !== null && w.tintAndShade !== undefined, "a white fill has a number as tintAndShade");
      }
    },
  },
  {
    id: "fills.mark-no-fill",
    area: "fills",
    title: { zh: "无填充的单元格：标记清除后仍为无填充（不是白色，网格线可见）", en: "A No Fill cell is No Fill again after its mark goes (not white: gridlines stay)" },
    source: DOC.fill,
    run: (ctx) => markAndClear(ctx, "C3", ctx.caps.cellProperties ? "none" : "none-or-white"),
  },
  {
    id: "fills.mark-white",
    area: "fills",
    title: { zh: "白色填充：1.9 起原样恢复为白色；1.7/1.8 恢复为无填充（看起来相同）", en: "A white fill: back as white from 1.9; as No Fill on 1.7/1.8 (looks the same)" },
    source: DOC.fill,
    async run(ctx) {
      await ctx.scratch.fill("C4", { color: "#FFFFFF" });
      await markAndClear(ctx, "C4", ctx.caps.cellProperties ? "#FFFFFF Solid" : "none-or-white");
    },
  },
  {
    id: "fills.mark-theme-tint",
    area: "fills",
    title: { zh: "主题色加浅色（tint）：标记清除后颜色与 tint 都恢复", en: "A theme colour with a tint: colour and tint both come back" },
    source: `${DOC.fill}; ${DOC.issue13}`,
    needs: { api: 9 },
    async run(ctx) {
      await ctx.scratch.fill("C5", { color: "#4472C4", tintAndShade: 0.6 });
      await markAndClear(ctx, "C5", "#4472C4 Solid tint 0.6");
    },
  },
  {
    id: "fills.mark-pattern-colour",
    area: "fills",
    title: { zh: "图案填充及图案颜色：标记清除后图案、图案颜色、底色都恢复", en: "A pattern with a pattern colour: pattern, its colour and the background come back" },
    source: DOC.fill,
    needs: { api: 9 },
    async run(ctx) {
      await ctx.scratch.fill("C6", { color: "#FFFF00", pattern: "Gray50", patternColor: "#FF0000" });
      await markAndClear(ctx, "C6", "#FFFF00 Gray50 pattern #FF0000");
    },
  },
  {
    id: "fills.mark-solid-colour",
    area: "fills",
    title: { zh: "用户的纯色填充：标记清除后原样恢复", en: "The user's solid colour comes back exactly" },
    source: DOC.fill,
    async run(ctx) {
      await ctx.scratch.fill("C7", { color: "#00B050" });
      await markAndClear(ctx, "C7", ctx.caps.cellProperties ? "#00B050 Solid" : "#00B050");
    },
  },
  {
    id: "fills.gradient-never-painted",
    area: "fills",
    title: { zh: "渐变填充（接口无法写回）：不涂标记色，原填充不变", en: "A gradient (the API cannot write it back): never painted, left as it is" },
    source: `${DOC.fill} ("LinearGradient and RectangularGradient are not supported")`,
    needs: { api: 9, user: true },
    async run(ctx) {
      ctx.user?.setFill(ctx.sheet, "C8", { color: "#5B9BD5", pattern: "LinearGradient" });
      const before = await ctx.scratch.rawFill("C8");
      const res = await ctx.port.setMarks([{ sheet: ctx.sheet, cell: "C8", severity: "error" }]);
      same(res.skipped, 1, "cells skipped");
      same(await ctx.scratch.rawFill("C8"), before, "the gradient cell's fill");
      same((await scratchNames(ctx, MARK_NAME_PREFIX)).length, 0, "mark names");
    },
  },
  {
    id: "fills.edit-inverse-exact",
    area: "fills",
    title: { zh: "填充编辑的撤销（逆编辑）恢复图案与 tint", en: "A fill edit's inverse restores pattern and tint" },
    source: DOC.fill,
    needs: { api: 9 },
    async run(ctx) {
      await ctx.scratch.fill("D3", { color: "#ED7D31", tintAndShade: -0.25 });
      const before = await fillOf(ctx, "D3");
      const inverse = await ctx.port.applyEdits([{ kind: "fill", sheet: ctx.sheet, cell: "D3", fill: { color: "#FF0000" } }]);
      same(await fillOf(ctx, "D3"), "#FF0000 Solid", "after the edit");
      await ctx.port.applyEdits(inverse);
      same(await fillOf(ctx, "D3"), before, "after the inverse");
    },
  },

  // ── 2. names are absolute ────────────────────────────────────────────────────────────────────
  {
    id: "names.relative-follows-active-cell",
    area: "names-absolute",
    title: { zh: "不带 $ 的名称引用相对于活动单元格（定义时与读取时）", en: "A name written without $ is relative to the active cell" },
    source: `${DOC.names}; ${DOC.issue13}`,
    async run(ctx) {
      await ctx.scratch.select("C5");
      await ctx.scratch.addName("_JX_CT_REL", `='${ctx.sheet}'!A3:B4`);
      await ctx.scratch.select("A1");
      const n = (await ctx.scratch.names()).find((x) => x.name === "_JX_CT_REL");
      check(n, "the name exists");
      check(!/!\$?A\$?3:\$?B\$?4$/.test(n.formula), `a relative name must move with the active cell, still ${n.formula}`);
    },
  },
  {
    id: "mappings.saved-elsewhere-reload-in-place",
    area: "names-absolute",
    title: { zh: "光标在别处时保存的表格映射，重新加载位置不变", en: "A mapping saved while the cursor is elsewhere reloads in place" },
    source: `${DOC.names}; ${DOC.issue13}`,
    async run(ctx) {
      await ctx.scratch.select("Z100");
      await ctx.port.saveMappings(mapping(ctx, "A3:G10"));
      await ctx.scratch.select("B2");
      const m = (await ctx.port.loadMappings()).find((x) => x.sheet === ctx.sheet);
      same(m && { status: m.status, address: m.address }, { status: "ok", address: "A3:G10" }, "the reloaded mapping");
    },
  },
  {
    id: "mappings.name-formula-absolute",
    area: "names-absolute",
    title: { zh: "映射名称的公式使用绝对引用（$A$3:$G$10）", en: "The mapping's name formula is absolute ($A$3:$G$10)" },
    source: DOC.names,
    async run(ctx) {
      await ctx.port.saveMappings(mapping(ctx, "A3:G10"));
      const names = await scratchNames(ctx, TABLE_NAME_PREFIX);
      same(names.length, 1, "mapping names");
      check(names[0].formula.endsWith("!$A$3:$G$10"), `formula ${names[0].formula}`);
    },
  },

  // ── 3. hidden names ──────────────────────────────────────────────────────────────────────────
  {
    id: "names.hide-in-add-batch-ignored",
    area: "names-hidden",
    title: { zh: "在添加名称的同一批次里设 visible=false 不生效（报告的行为）", en: "visible = false in the batch that adds the name does nothing (reported)" },
    source: DOC.issue13,
    async run(ctx) {
      await ctx.scratch.addName("_JX_CT_VIS", `='${ctx.sheet}'!$A$1`, true);
      const n = (await ctx.scratch.names()).find((x) => x.name === "_JX_CT_VIS");
      same(n?.visible, true, "visible after hiding in the adding batch");
    },
  },
  {
    id: "names.mapping-names-hidden",
    area: "names-hidden",
    title: { zh: "保存映射后其名称在名称管理器中隐藏", en: "Mapping names are hidden from Name Manager" },
    source: DOC.issue13,
    async run(ctx) {
      await ctx.port.saveMappings(mapping(ctx, "B2:E9"));
      const names = await scratchNames(ctx, TABLE_NAME_PREFIX);
      check(names.length === 1 && names.every((n) => !n.visible), `mapping names ${JSON.stringify(names)}`);
    },
  },
  {
    id: "names.mark-names-hidden",
    area: "names-hidden",
    title: { zh: "标记的名称（新增、改级别后）都隐藏", en: "Mark names are hidden, also after a severity change" },
    source: DOC.issue13,
    async run(ctx) {
      await ctx.port.setMarks([{ sheet: ctx.sheet, cell: "B2", severity: "warning" }, { sheet: ctx.sheet, cell: "B3", severity: "error" }]);
      await ctx.port.setMarks([{ sheet: ctx.sheet, cell: "B2", severity: "error" }, { sheet: ctx.sheet, cell: "B3", severity: "error" }]);
      const names = await scratchNames(ctx, MARK_NAME_PREFIX);
      check(names.length === 2 && names.every((n) => !n.visible), `mark names ${JSON.stringify(names)}`);
    },
  },

  // ── 4. undo ──────────────────────────────────────────────────────────────────────────────────
  {
    id: "undo.addin-write-is-one-step",
    area: "undo",
    title: { zh: "加载项的一次写入是用户撤销栈中的一步", en: "An add-in write is one step of the user's undo stack" },
    source: `${DOC.undo}; ${DOC.runOptions} (mergeUndoGroup: "each context.sync() call creates an undo record")`,
    needs: { user: true },
    async run(ctx) {
      await ctx.port.applyEdits([{ sheet: ctx.sheet, cell: "E2", value: "ours" }]);
      check(ctx.user?.undo(), "Ctrl+Z undid something");
      same((await ctx.scratch.values("E2"))[0][0], "", "E2 after Ctrl+Z");
    },
  },
  {
    id: "undo.user-stack-kept",
    area: "undo",
    title: { zh: "标记（含改级别）不清空用户的撤销栈", en: "Marks (severity changes included) never clear the user's undo stack" },
    source: `${DOC.undo}; ${DOC.issue13} (NamedItem.comment not undoable on the web)`,
    needs: { user: true },
    async run(ctx) {
      const hands = ctx.user!;
      hands.type(ctx.sheet, "D9", "typed");
      const depth = hands.undoDepth();
      await ctx.port.setMarks([{ sheet: ctx.sheet, cell: "C5", severity: "warning" }]);
      await ctx.port.setMarks([{ sheet: ctx.sheet, cell: "C5", severity: "error" }]);
      check(hands.undoDepth() >= depth, `the undo stack was cleared (depth ${hands.undoDepth()} < ${depth})`);
      for (let i = 0; i < 10 && (await ctx.scratch.values("D9"))[0][0] !== ""; i++) check(hands.undo(), "nothing left to undo before the typing");
      same((await ctx.scratch.values("D9"))[0][0], "", "the typing undone");
    },
  },
  {
    id: "undo.mark-repainted",
    area: "undo",
    title: { zh: "用户 Ctrl+Z 撤掉了标记色：下次校验重新涂上，原填充仍记录", en: "A mark undone by Ctrl+Z is repainted at the next check; its original stays recorded" },
    source: DOC.undo,
    needs: { user: true },
    async run(ctx) {
      await ctx.scratch.fill("C5", { color: "#FFFF00" });
      const own = await fillOf(ctx, "C5");
      await ctx.port.readBlock(ctx.sheet, "A1:H20");
      const marks = [{ sheet: ctx.sheet, cell: "C5", severity: "error" as const }];
      await ctx.port.setMarks(marks);
      ctx.user?.undo();
      same(await fillOf(ctx, "C5"), own, "C5 after Ctrl+Z");
      await ctx.port.readBlock(ctx.sheet, "A1:H20");
      await ctx.port.setMarks(marks);
      same(await fillOf(ctx, "C5"), ctx.caps.cellProperties ? `${ERR} Solid` : ERR, "C5 repainted");
      await ctx.port.clearMarks();
      same(await fillOf(ctx, "C5"), own, "C5's own fill back");
    },
  },

  // ── 5. cell-edit mode ────────────────────────────────────────────────────────────────────────
  {
    id: "celledit.batch-fails-without-delay",
    area: "cell-edit",
    title: { zh: "用户正在编辑单元格时，未要求延迟的批处理失败", en: "While the user edits a cell, a batch that does not ask to wait fails" },
    source: DOC.runOptions,
    needs: { user: true },
    async run(ctx) {
      ctx.user?.beginCellEdit();
      try {
        await rejects(() => ctx.scratch.write("A1", [["x"]]), "a write during cell edit");
      } finally {
        ctx.user?.endCellEdit();
      }
    },
  },
  {
    id: "celledit.write-waits",
    area: "cell-edit",
    title: { zh: "1.11 起写入等待用户结束编辑后执行（delayForCellEdit）", en: "From 1.11 a write waits until the user leaves the cell (delayForCellEdit)" },
    source: DOC.runOptions,
    needs: { user: true, api: 11 },
    async run(ctx) {
      ctx.user?.beginCellEdit();
      const write = ctx.port.applyEdits([{ sheet: ctx.sheet, cell: "B4", value: 42 }]);
      await ctx.settle();
      ctx.user?.endCellEdit();
      await write;
      same((await ctx.scratch.values("B4"))[0][0], 42, "B4");
    },
  },
  {
    id: "celledit.read-retried",
    area: "cell-edit",
    title: { zh: "读取在用户编辑期间不报错：等待（1.11+）或稍后重试（1.7–1.10）", en: "A read during cell edit does not fail: it waits (1.11+) or is retried (1.7–1.10)" },
    source: DOC.runOptions,
    needs: { user: true },
    async run(ctx) {
      await ctx.scratch.write("A2", [["kept"]]);
      ctx.user?.beginCellEdit();
      const read = ctx.port.readBlock(ctx.sheet, "A1:B3");
      await ctx.settle();
      ctx.user?.endCellEdit();
      same((await read).value(1, 0), "kept", "A2 read");
    },
  },

  // ── 6. large sheets ──────────────────────────────────────────────────────────────────────────
  {
    id: "large.payload-limit-exists",
    area: "large",
    title: { zh: "Excel 网页版：一次读取超过 5 MB 的响应失败", en: "Excel on the web: a read whose response passes 5 MB fails" },
    source: DOC.limits,
    needs: { platform: "OfficeOnline" },
    async run(ctx) {
      await writeBig(ctx);
      const e = await rejects(() => ctx.scratch.values("A1:J1100"), "a 5.5 MB read in one request");
      check(/PayloadSizeLimitExceeded/.test(excelErrorCode(e) ?? ""), `error code ${excelErrorCode(e)}`);
    },
  },
  {
    id: "large.used-range-read-in-blocks",
    area: "large",
    title: { zh: "超过 5 MB 的已用区域分块读取，内容完整", en: "A used range over 5 MB is read in blocks, complete" },
    source: `${DOC.limits}; ${DOC.large}`,
    async run(ctx) {
      await writeBig(ctx);
      const grid = (await ctx.port.readUsedRanges()).find((g) => g.sheet === ctx.sheet);
      check(grid, "a grid for the scratch sheet");
      same([grid.lastRow, grid.lastCol], [1099, 9], "last row and column");
      same(String(grid.value(1099, 9)).slice(0, 8), "J1100...", "the last cell");
      same(String(grid.value(0, 0)).slice(0, 6), "A1....", "the first cell");
    },
  },
  {
    id: "large.sparse-rows-beyond-one-block",
    area: "large",
    title: { zh: "稀疏的大已用区域（25 万格）：跨块读取，两端的值都在", en: "A sparse used range of 250,000 cells: read across blocks, both ends present" },
    source: DOC.large,
    async run(ctx) {
      await ctx.scratch.write("A1", [["top"]]);
      await ctx.scratch.write("E50000", [["bottom"]]);
      const grid = (await ctx.port.readUsedRanges()).find((g) => g.sheet === ctx.sheet);
      check(grid, "a grid for the scratch sheet");
      same([grid.value(0, 0), grid.value(49999, 4)], ["top", "bottom"], "both ends");
    },
  },

  // ── 7. marks copied by the user ─────────────────────────────────────────────────────────────
  {
    id: "copies.paste",
    area: "copies",
    title: { zh: "复制粘贴带走的标记色：在目标格恢复其本来的填充", en: "A mark's colour pasted elsewhere: the copy gets its own fill back" },
    source: DOC.issue13,
    needs: { user: true },
    async run(ctx) {
      await copyCase(ctx, "C3", (h) => h.copyPaste(ctx.sheet, "C3", "C9"), "C9");
    },
  },
  {
    id: "copies.fill-down",
    area: "copies",
    title: { zh: "向下填充带走的标记色：填充的格子恢复原填充", en: "A mark's colour filled down: the filled cells get the original fill" },
    source: DOC.issue13,
    needs: { user: true },
    async run(ctx) {
      await ctx.scratch.fill("C3", { color: "#FFFF00" });
      await copyCase(ctx, "C3", (h) => h.fillDown(ctx.sheet, "C3:C6"), "C6");
    },
  },
  {
    id: "copies.sort",
    area: "copies",
    title: { zh: "排序移动了标记色：标记释放，移走的颜色恢复为原填充", en: "A sort moved a mark's colour: the mark is released, the moved colour becomes the original fill" },
    source: DOC.issue13,
    needs: { user: true },
    async run(ctx) {
      await ctx.scratch.write("C3", [["b"], ["a"]]);
      await ctx.scratch.fill("C3", { color: "#FFFF00" });
      const own = await fillOf(ctx, "C3");
      await ctx.subscribe(() => undefined);
      await ctx.port.readBlock(ctx.sheet, "A1:H20");
      await ctx.port.setMarks([{ sheet: ctx.sheet, cell: "C3", severity: "error" }]);
      ctx.user?.sort(ctx.sheet, "C3:C4", 0);
      await ctx.user?.flush();
      await ctx.settle();
      await ctx.port.readBlock(ctx.sheet, "A1:H20");
      await ctx.port.setMarks([]);
      same([await fillOf(ctx, "C3"), await fillOf(ctx, "C4")], [ctx.caps.cellProperties ? "none" : "none-or-white", own], "C3 and C4 after the sort and the check");
    },
  },
  {
    id: "copies.own-colour-kept",
    area: "copies",
    title: { zh: "用户自己涂的与标记相同的颜色（未复制）不被清除", en: "The user's own fill in a mark colour (not a copy) is left alone" },
    source: DOC.issue13,
    async run(ctx) {
      await ctx.scratch.fill("D5", { color: ERR });
      await ctx.port.readBlock(ctx.sheet, "A1:H20");
      await ctx.port.setMarks([{ sheet: ctx.sheet, cell: "D3", severity: "error" }]);
      await ctx.port.clearMarks();
      same(await fillOf(ctx, "D5"), ctx.caps.cellProperties ? `${ERR} Solid` : ERR, "D5");
    },
  },

  // ── 8. null objects and protection ───────────────────────────────────────────────────────────
  {
    id: "null.empty-sheet-read",
    area: "null-objects",
    title: { zh: "空工作表：读取所有已用区域不出错，空表不返回网格", en: "An empty sheet: reading every used range works, no grid for it" },
    source: DOC.nullObjects,
    async run(ctx) {
      const grids = await ctx.port.readUsedRanges();
      check(!grids.some((g) => g.sheet === ctx.sheet), "no grid for the empty scratch sheet");
    },
  },
  {
    id: "null.missing-sheet",
    area: "null-objects",
    title: { zh: "不存在的工作表：readBlock 给出“找不到工作表”", en: "A missing sheet: readBlock says the sheet was not found" },
    source: DOC.nullObjects,
    async run(ctx) {
      const e = await rejects(() => ctx.port.readBlock(`${ctx.sheet}_gone`, "A1:B2"), "readBlock of a missing sheet");
      check(e instanceof SheetNotFoundError, `error ${String(e)}`);
    },
  },
  {
    id: "protection.locked-write-refused",
    area: "null-objects",
    title: { zh: "受保护工作表的锁定单元格：写入被拒（AccessDenied），不写任何内容", en: "A protected sheet's locked cell: the write is refused (AccessDenied), nothing written" },
    source: DOC.protection,
    async run(ctx) {
      await ctx.scratch.protect();
      const raw = await rejects(() => ctx.scratch.write("B2", [["x"]]), "a raw write to a locked cell");
      same(excelErrorCode(raw), "AccessDenied", "Excel's error code");
      const e = await rejects(() => ctx.port.applyEdits([{ sheet: ctx.sheet, cell: "B2", value: "x" }, { sheet: ctx.sheet, cell: "B3", value: "y" }]), "applyEdits on a locked cell");
      check(e instanceof ProtectedSheetError, `error ${String(e)}`);
      same(await ctx.scratch.values("B2:B3"), [[""], [""]], "B2:B3");
    },
  },
  {
    id: "protection.unlocked-cell-editable",
    area: "null-objects",
    title: { zh: "受保护工作表中未锁定的单元格可以修改", en: "An unlocked cell of a protected sheet can be edited" },
    source: DOC.protection,
    async run(ctx) {
      await ctx.scratch.unlock("B2");
      await ctx.scratch.protect();
      await ctx.port.readBlock(ctx.sheet, "A1:C3");
      await ctx.port.applyEdits([{ sheet: ctx.sheet, cell: "B2", value: "ok" }]);
      same((await ctx.scratch.values("B2"))[0][0], "ok", "B2");
    },
  },
  {
    id: "protection.format-cells-allows-marks",
    area: "null-objects",
    title: { zh: "受保护但允许“设置单元格格式”：仍可标记并原样清除", en: "Protected with \"format cells\" allowed: marks are painted and removed exactly" },
    source: DOC.protection,
    async run(ctx) {
      await ctx.scratch.fill("C3", { color: "#00B050" });
      await ctx.scratch.protect({ allowFormatCells: true });
      await markAndClear(ctx, "C3", ctx.caps.cellProperties ? "#00B050 Solid" : "#00B050");
    },
  },
  {
    id: "protection.no-format-marks-refused",
    area: "null-objects",
    title: { zh: "受保护且不允许设置格式：标记被拒（ProtectedSheetError），单元格不变", en: "Protected without \"format cells\": marks refused (ProtectedSheetError), cell unchanged" },
    source: DOC.protection,
    async run(ctx) {
      await ctx.scratch.protect();
      const e = await rejects(() => ctx.port.setMarks([{ sheet: ctx.sheet, cell: "C3", severity: "error" }]), "setMarks on a protected sheet");
      check(e instanceof ProtectedSheetError, `error ${String(e)}`);
      same(await fillOf(ctx, "C3"), ctx.caps.cellProperties ? "none" : "none-or-white", "C3");
    },
  },

  // ── merged areas, number formats, formulas ───────────────────────────────────────────────────
  {
    id: "merged.value-in-top-left-only",
    area: "merged",
    title: { zh: "合并区域：值只在左上角单元格，其余读为空", en: "A merged area's value is in its top-left cell only; the others read empty" },
    source: `${DOC.merged}; https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)`,
    async run(ctx) {
      await ctx.scratch.write("A1", [["标题", null, null]]);
      await ctx.scratch.merge("A1:C1");
      same(await ctx.scratch.values("A1:C1"), [["标题", "", ""]], "A1:C1 as Excel returns them");
      const g = await ctx.port.readBlock(ctx.sheet, "A1:C2");
      same([g.value(0, 0), g.value(0, 1), g.value(0, 2)], ["标题", null, null], "A1:C1 in the grid");
    },
  },
  {
    id: "merged.reported-from-1.13",
    area: "merged",
    title: { zh: "1.13 起读块时报告合并区域（含从块上方开始的合并）", en: "From 1.13 a block read reports its merged areas (also those starting above it)" },
    source: DOC.merged,
    needs: { api: 13 },
    async run(ctx) {
      await ctx.scratch.write("A2", [["一级"]]);
      await ctx.scratch.merge("A2:A5");
      const g = await ctx.port.readBlock(ctx.sheet, "A3:C6");
      same(g.merges.map((m) => [m.top, m.left, m.bottom, m.right]), [[1, 0, 4, 0]], "merges");
    },
  },
  {
    id: "merged.absent-below-1.13",
    area: "requirement-sets",
    title: { zh: "1.13 以下没有合并区域接口：读取成功，不报告合并", en: "Below 1.13 there is no merged-areas API: reads work, no merges reported" },
    source: DOC.reqSets,
    async run(ctx) {
      await ctx.scratch.write("A2", [["一级"]]);
      await ctx.scratch.merge("A2:A4");
      const g = await ctx.port.readBlock(ctx.sheet, "A1:C5");
      same(g.merges.length, ctx.caps.mergedAreas ? 1 : 0, "merges reported");
      same(g.value(1, 0), "一级", "A2");
    },
  },
  {
    id: "formats.number-format-read",
    area: "formats",
    title: { zh: "数字格式原样读出（0%、#,##0.00、文本 @）", en: "Number formats read as set (0%, #,##0.00, text @)" },
    source: "https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member",
    async run(ctx) {
      await ctx.scratch.write("B2", [[0.95, 250000]]);
      await ctx.scratch.numberFormat("B2", "0%");
      await ctx.scratch.numberFormat("C2", "#,##0.00");
      const g = await ctx.port.readBlock(ctx.sheet, "B2:C2");
      same([g.format(1, 1), g.format(1, 2), g.value(1, 1)], ["0%", "#,##0.00", 0.95], "formats and value");
    },
  },
  {
    id: "formats.number-format-edit-inverse",
    area: "edits",
    title: { zh: "数字格式编辑及其逆编辑", en: "A number-format edit and its inverse" },
    source: "https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member",
    async run(ctx) {
      await ctx.scratch.write("B3", [[0.5]]);
      await ctx.scratch.numberFormat("B3", "0.0%");
      const inv = await ctx.port.applyEdits([{ kind: "numberFormat", sheet: ctx.sheet, cell: "B3", numberFormat: "0.00" }]);
      same(await ctx.scratch.readNumberFormat("B3"), "0.00", "after the edit");
      await ctx.port.applyEdits(inv);
      same(await ctx.scratch.readNumberFormat("B3"), "0.0%", "after the inverse");
    },
  },
  {
    id: "formulas.write-and-inverse",
    area: "formats",
    title: { zh: "写公式，逆编辑恢复原来的常量", en: "A formula written; its inverse restores the constant" },
    source: "https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member",
    async run(ctx) {
      await ctx.scratch.write("C5", [[7]]);
      const inv = await ctx.port.applyEdits([{ sheet: ctx.sheet, cell: "C5", value: null, formula: "=SUM(C2:C4)" }]);
      same((await ctx.scratch.formulas("C5"))[0][0], "=SUM(C2:C4)", "C5's formula");
      await ctx.port.applyEdits(inv);
      same((await ctx.scratch.formulas("C5"))[0][0], 7, "C5 after the inverse");
    },
  },

  // ── edits and their inverses ─────────────────────────────────────────────────────────────────
  {
    id: "edits.value-inverse",
    area: "edits",
    title: { zh: "改值及其逆编辑（空格恢复为空）", en: "A value edit and its inverse (an empty cell empty again)" },
    source: "https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member",
    async run(ctx) {
      await ctx.scratch.write("B2", [["原值"]]);
      const inv = await ctx.port.applyEdits([{ sheet: ctx.sheet, cell: "B2", value: "新值" }, { sheet: ctx.sheet, cell: "B3", value: 5 }]);
      same(await ctx.scratch.values("B2:B3"), [["新值"], [5]], "after the edit");
      await ctx.port.applyEdits(inv);
      same(await ctx.scratch.values("B2:B3"), [["原值"], [""]], "after the inverse");
    },
  },
  {
    id: "edits.text-stays-text",
    area: "edits",
    title: { zh: "文本“001”“50%”“2025-1”按文本写入，不被转换", en: "Text \"001\", \"50%\", \"2025-1\" is written as text, not converted" },
    source: "https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member",
    async run(ctx) {
      await ctx.port.applyEdits(["001", "50%", "2025-1"].map((v, i) => ({ sheet: ctx.sheet, cell: `D${i + 2}`, value: v })));
      same(await ctx.scratch.values("D2:D4"), [["001"], ["50%"], ["2025-1"]], "D2:D4");
    },
  },
  {
    id: "edits.insert-rows-merge-below",
    area: "edits",
    title: { zh: "插入行：下方的合并区域与值下移；逆编辑（删除行）恢复", en: "Rows inserted: merges and values below move down; the inverse (delete rows) restores" },
    source: "https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-insert-member(1)",
    async run(ctx) {
      await ctx.scratch.write("A6", [["合并", null], ["下一行", null]]);
      await ctx.scratch.merge("A6:B6");
      const inv = await ctx.port.applyEdits([{ kind: "insertRows", sheet: ctx.sheet, row: 3, count: 2 }]);
      same(await ctx.scratch.values("A8:A9"), [["合并"], ["下一行"]], "values moved down");
      if (ctx.caps.mergedAreas) same((await ctx.port.readBlock(ctx.sheet, "A1:C10")).merges.map((m) => [m.top, m.left, m.bottom, m.right]), [[7, 0, 7, 1]], "merge moved down");
      await ctx.port.applyEdits(inv);
      same(await ctx.scratch.values("A6:A7"), [["合并"], ["下一行"]], "after the inverse");
    },
  },

  // ── mappings follow inserted and deleted rows ────────────────────────────────────────────────
  {
    id: "mappings.follow-inserted-rows",
    area: "mappings",
    title: { zh: "映射随上方插入的行下移", en: "A mapping moves down with rows inserted above it" },
    source: DOC.names,
    async run(ctx) {
      await ctx.port.saveMappings(mapping(ctx, "A5:F12"));
      await ctx.port.applyEdits([{ kind: "insertRows", sheet: ctx.sheet, row: 2, count: 3 }]);
      const m = (await ctx.port.loadMappings()).find((x) => x.sheet === ctx.sheet);
      same(m && [m.status, m.address], ["ok", "A8:F15"], "the mapping");
    },
  },
  {
    id: "mappings.follow-deleted-rows",
    area: "mappings",
    title: { zh: "映射随上方删除的行上移，删去内部行时缩短", en: "A mapping moves up with rows deleted above, shrinks with rows deleted inside" },
    source: DOC.names,
    async run(ctx) {
      await ctx.port.saveMappings(mapping(ctx, "A5:F12"));
      await ctx.port.applyEdits([{ kind: "deleteRows", sheet: ctx.sheet, row: 2, count: 2 }]);
      await ctx.port.applyEdits([{ kind: "deleteRows", sheet: ctx.sheet, row: 6, count: 1 }]);
      const m = (await ctx.port.loadMappings()).find((x) => x.sheet === ctx.sheet);
      same(m && [m.status, m.address], ["ok", "A3:F9"], "the mapping");
    },
  },

  // ── change events ────────────────────────────────────────────────────────────────────────────
  {
    id: "events.typing",
    area: "events",
    title: { zh: "用户输入：报告该单元格", en: "Typing: the cell is reported" },
    source: DOC.events,
    needs: { user: true },
    async run(ctx) {
      const seen = await dirtyAfter(ctx, () => ctx.user?.type(ctx.sheet, "C4", "5"));
      same(seen.map((r) => r.address), ["C4"], "dirty ranges");
    },
  },
  {
    id: "events.paste",
    area: "events",
    title: { zh: "粘贴：报告粘贴的区域", en: "Paste: the pasted block is reported" },
    source: DOC.events,
    needs: { user: true },
    async run(ctx) {
      await ctx.scratch.write("A1", [[1, 2], [3, 4]]);
      const seen = await dirtyAfter(ctx, () => ctx.user?.copyPaste(ctx.sheet, "A1:B2", "D5"));
      same(seen.map((r) => r.address), ["D5:E6"], "dirty ranges");
    },
  },
  {
    id: "events.fill-down",
    area: "events",
    title: { zh: "向下填充：报告填充的区域", en: "Fill-down: the filled block is reported" },
    source: DOC.events,
    needs: { user: true },
    async run(ctx) {
      await ctx.scratch.write("B2", [["x"]]);
      const seen = await dirtyAfter(ctx, () => ctx.user?.fillDown(ctx.sheet, "B2:B6"));
      same(seen.map((r) => r.address), ["B2:B6"], "dirty ranges");
    },
  },
  {
    id: "events.undo",
    area: "events",
    title: { zh: "撤销用户的输入：报告该单元格", en: "Undoing the user's typing: the cell is reported" },
    source: DOC.events,
    needs: { user: true },
    async run(ctx) {
      ctx.user?.type(ctx.sheet, "C7", "x");
      await ctx.user?.flush();
      const seen = await dirtyAfter(ctx, () => void ctx.user?.undo());
      check(seen.some((r) => r.address === "C7"), `dirty ranges ${JSON.stringify(seen)}`);
    },
  },
  {
    id: "events.sort",
    area: "events",
    title: { zh: "排序：报告排序的区域", en: "Sort: the sorted block is reported" },
    source: DOC.events,
    needs: { user: true },
    async run(ctx) {
      await ctx.scratch.write("A2", [["b"], ["a"], ["c"]]);
      const seen = await dirtyAfter(ctx, () => ctx.user?.sort(ctx.sheet, "A2:A4", 0));
      same(seen.map((r) => r.address), ["A2:A4"], "dirty ranges");
      same(await ctx.scratch.values("A2:A4"), [["a"], ["b"], ["c"]], "sorted values");
    },
  },
  {
    id: "events.own-writes-not-reported",
    area: "events",
    title: { zh: "加载项自己的写入不报告（1.14 triggerSource；以下用防护窗口）", en: "The add-in's own writes are not reported (1.14 triggerSource; below, a guard window)" },
    source: DOC.triggerSource,
    async run(ctx) {
      const seen = await dirtyAfter(ctx, async () => {
        await ctx.port.applyEdits([{ sheet: ctx.sheet, cell: "B2", value: 1 }]);
        await ctx.port.setMarks([{ sheet: ctx.sheet, cell: "B2", severity: "warning" }]);
      });
      same(seen, [], "dirty ranges");
    },
  },

  // ── requirement-set fallbacks ────────────────────────────────────────────────────────────────
  {
    id: "reqsets.capabilities-match-isSetSupported",
    area: "requirement-sets",
    title: { zh: "适配器的能力与 isSetSupported 一致（1.7 / 1.9 / 1.13 / 1.14）", en: "The adapter's capabilities agree with isSetSupported (1.7 / 1.9 / 1.13 / 1.14)" },
    source: DOC.reqSets,
    async run(ctx) {
      const c = ctx.caps;
      check(c.apiVersion >= 7, `ExcelApi 1.${c.apiVersion} is below the manifest's 1.7`);
      same([c.collectionEvents, c.cellProperties, c.mergedAreas, c.triggerSource], [c.apiVersion >= 9, c.apiVersion >= 9, c.apiVersion >= 13, c.apiVersion >= 14], "capabilities");
    },
  },
  {
    id: "reqsets.marks-every-level",
    area: "requirement-sets",
    title: { zh: "各版本都能标记并清除（1.7/1.8 只用 fill.color）", en: "Marks work at every level (1.7/1.8 with fill.color only)" },
    source: DOC.reqSets,
    async run(ctx) {
      await ctx.scratch.fill("E4", { color: "#FFFF00" });
      await ctx.port.readBlock(ctx.sheet, "A1:H20");
      await ctx.port.setMarks([{ sheet: ctx.sheet, cell: "E4", severity: "warning" }, { sheet: ctx.sheet, cell: "E5", severity: "info" }]);
      same(await fillOf(ctx, "E4"), ctx.caps.cellProperties ? `${WARN} Solid` : WARN, "E4 marked");
      await ctx.port.clearMarks();
      same(await fillOf(ctx, "E4"), ctx.caps.cellProperties ? "#FFFF00 Solid" : "#FFFF00", "E4 back");
    },
  },
  {
    id: "reqsets.events-per-sheet-below-1.9",
    area: "requirement-sets",
    title: { zh: "1.9 以下按工作表订阅事件；新加的工作表也被订阅", en: "Below 1.9 events are subscribed per sheet; a sheet added later is subscribed too" },
    source: DOC.reqSets,
    needs: { user: true },
    async run(ctx) {
      const other = `${ctx.sheet}b`;
      const seen: DirtyRange[] = [];
      await ctx.subscribe((r) => seen.push(...r));
      await ctx.scratch.run(async (context) => {
        context.workbook.worksheets.add(other);
        await context.sync();
      });
      try {
        await ctx.user?.flush();
        await ctx.settle();
        ctx.user?.type(other, "A1", "x");
        await ctx.user?.flush();
        await ctx.settle();
        check(seen.some((r) => r.sheet === other && r.address === "A1"), `dirty ranges ${JSON.stringify(seen)}`);
      } finally {
        await ctx.scratch.run(async (context) => {
          context.workbook.worksheets.getItem(other).delete();
          await context.sync();
        });
      }
    },
  },
];

/** 1,100 rows × 10 columns of 500-character text: 5.5 MB, written in blocks under the request limit. */
async function writeBig(ctx: CaseContext): Promise<void> {
  const rowsPer = 300;
  const text = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`.padEnd(499, ".") + "|";
  const blocks: Promise<void>[] = [];
  for (let top = 0; top < 1100; top += rowsPer) {
    const rows: string[][] = [];
    for (let r = top; r < Math.min(1100, top + rowsPer); r++) rows.push(Array.from({ length: 10 }, (_, c) => text(r, c)));
    blocks.push(ctx.scratch.write(`A${top + 1}`, rows));
  }
  await Promise.all(blocks);
}

/** Marks `source`, lets the user copy it, checks the copy gets the source's own fill back. */
async function copyCase(ctx: CaseContext, source: string, act: (h: NonNullable<CaseContext["user"]>) => void, copy: string): Promise<void> {
  const own = await fillOf(ctx, source);
  await ctx.subscribe(() => undefined);
  await ctx.port.readBlock(ctx.sheet, "A1:H20");
  const marks = [{ sheet: ctx.sheet, cell: source, severity: "error" as const }];
  await ctx.port.setMarks(marks);
  act(ctx.user!);
  await ctx.user?.flush();
  await ctx.settle();
  same(await fillOf(ctx, copy), ctx.caps.cellProperties ? `${ERR} Solid` : ERR, `${copy} right after the copy`);
  await ctx.port.readBlock(ctx.sheet, "A1:H20");
  await ctx.port.setMarks(marks);
  same(await fillOf(ctx, copy), own, `${copy} after the next check`);
  await ctx.port.clearMarks();
  same(await fillOf(ctx, source), own, `${source} after the mark went`);
}

