/**
 * "转换为指标表" (表格 tab): the selected cells of a 分项 block (or one cell of prose) → one row per
 * measure (extractProse), edited by the user in a preview, then written as the standard indicator
 * table (standardTable: header, rows grouped by 一级 / 二级, merges, bold header) on a new sheet or
 * below the block — as ONE applyEdits whose inverse is kept, so one undo removes it. The tables are
 * detected again after the insert and after its undo.
 */
import { boxToA1, parseBox } from "../../core/grid/a1";
import { extractProse, type CategoryReason, type ProseRow } from "../../core/extract/prose";
import { blockText } from "../../core/extract/source";
import { rowName, standardTable } from "../../core/extract/table";
import type { SearchIndex } from "../../core/library/search";

import type { Edit } from "../../excel/port";
import { write } from "./fixes";
import { isSearchIndex } from "./rule-library";
import { sameSheet, type PaneStore } from "./store";

/** The largest selection converted (rows): a 分项 block is a few cells, a whole sheet is not. */
export const MAX_CONVERT_ROWS = 500;

/** One row of the preview; every field but `source`, `block` and `reason` is the user's to edit. */
export interface ConvertRow {
  /** The 分项 block it comes from, null when the text has no headings. */
  block: string | null;
  /** The clause as written. */
  source: string;
  level1: string;
  level2: string;
  /** The 三级 name (with its period: "每年组织人才培训次数"). */
  name: string;
  /** The value in its standard form ("≥5次"). */
  value: string;
  /** Why the 一级 / 二级 was suggested. */
  reason: CategoryReason;
}

export interface ConvertDraft {
  sheet: string;
  /** The selected block ("A9:A10"). */
  address: string;
  rows: ConvertRow[];
}

export type ConvertTarget = "sheet" | "below";

export type ConvertOutcome =
  | { status: "inserted"; sheet: string; address: string }
  | { status: "refused"; reason: "empty" | "protected" | "failed" };

/** The library the rules use (custom entries merged in) when loaded, else the built-in one. */
async function searchIndex(store: PaneStore): Promise<SearchIndex> {
  const current = store.runConfig.options?.libraryIndex;
  if (isSearchIndex(current)) return current;
  const { builtinSearchIndex } = await import("../../core/library/builtin-index");
  return builtinSearchIndex();
}

/** Reads the selection and converts its text; null (with a notice) when there is nothing to convert. */
export async function draftConversion(store: PaneStore): Promise<ConvertDraft | null> {
  store.set({ busy: true });
  try {
    const sel = await store.port.getSelection();
    const box = parseBox(sel.address);
    if (!box) {
      store.notify({ level: "warning", key: "convertRefused.noText" });
      return null;
    }
    if (box.bottom - box.top + 1 > MAX_CONVERT_ROWS) {
      store.notify({ level: "warning", key: "selectionTooLarge", data: { rows: box.bottom - box.top + 1 } });
      return null;
    }
    const grid = await store.port.readBlock(sel.sheet, sel.address);
    const text = blockText(grid, box);
    if (text.trim() === "") {
      store.notify({ level: "warning", key: "convertRefused.noText" });
      return null;
    }
    // A line without a value ("第一部分", a heading) is no measure.
    const rows = extractProse(text, await searchIndex(store)).flatMap((b) => b.rows.filter((r) => r.value.text !== "").map(draftRow));
    if (rows.length === 0) {
      store.notify({ level: "warning", key: "convertRefused.noRows" });
      return null;
    }
    return { sheet: sel.sheet, address: boxToA1(box), rows };
  } catch (e) {
    store.fail(e);
    return null;
  } finally {
    store.set({ busy: false });
  }
}

function draftRow(r: ProseRow): ConvertRow {
  return { block: r.block, source: r.source, level1: r.level1 ?? "", level2: r.level2 ?? "", name: rowName(r), value: r.value.text, reason: r.reason };
}

/** The rows as the table builder takes them (the user's names already carry their period). */
function proseRows(rows: readonly ConvertRow[]): ProseRow[] {
  return rows.map((r) => ({
    block: r.block,
    source: r.source,
    name: r.name.trim(),
    value: { raw: r.value, op: null, number: null, unit: null, text: r.value.trim() },
    period: null,
    level1: r.level1.trim() === "" ? null : r.level1.trim(),
    level2: r.level2.trim() === "" ? null : r.level2.trim(),
    reason: r.reason,
  }));
}

/** A sheet name not taken yet: "指标表", "指标表2", … (compared as Excel does, ignoring case). */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const clean = base.replace(/[\\/?*[\]:]/g, "").slice(0, 28) || "Sheet";
  if (!used.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) if (!used.has(`${clean}${i}`.toLowerCase())) return `${clean}${i}`;
}

/**
 * The edits that write the standard table with its top-left cell at 0-based (top, left): values (a
 * merged area's value in its first cell only), the header in bold, then the merges.
 */
export function tableEdits(sheet: string, rows: readonly ConvertRow[], top: number, left: number): Edit[] {
  const table = standardTable(proseRows(rows));
  const at = (r: number, c: number) => boxToA1({ top: top + r, left: left + c, bottom: top + r, right: left + c });
  const tails = new Set<string>();
  for (const m of table.merges) for (let r = m.top + 1; r <= m.bottom; r++) tails.add(`${r}:${m.left}`);
  const edits: Edit[] = [];
  table.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== "" && !tails.has(`${r}:${c}`)) edits.push({ sheet, cell: at(r, c), value: v });
    }),
  );
  table.values[0].forEach((_, c) => edits.push({ kind: "bold", sheet, cell: at(0, c), bold: true }));
  for (const m of table.merges) {
    edits.push({ kind: "merge", sheet, cell: boxToA1({ top: top + m.top, left: left + m.left, bottom: top + m.bottom, right: left + m.right }) });
  }
  return edits;
}

/**
 * Writes the standard table of the (edited) rows on a new sheet, or in new rows below the block
 * (one empty row between; the rows below move down, nothing is overwritten) — one undoable change.
 */
export async function insertConversion(store: PaneStore, draft: ConvertDraft, rows: readonly ConvertRow[], target: ConvertTarget, sheetName: string): Promise<ConvertOutcome> {
  const kept = rows.filter((r) => r.name.trim() !== "" || r.value.trim() !== "");
  if (kept.length === 0) {
    store.notify({ level: "warning", key: "convertRefused.empty" });
    return { status: "refused", reason: "empty" };
  }
  const box = parseBox(draft.address);
  let sheets;
  try {
    sheets = await store.port.listSheets();
  } catch (e) {
    store.fail(e);
    return { status: "refused", reason: "failed" };
  }
  let edits: Edit[];
  let sheet: string;
  let top: number;
  let left: number;
  if (target === "below" && box) {
    sheet = draft.sheet;
    if (sheets.find((s) => sameSheet(s.name, sheet))?.protected) {
      store.addProtected([sheet]);
      store.notify({ level: "warning", key: "convertRefused.protected", data: { sheet } });
      return { status: "refused", reason: "protected" };
    }
    top = box.bottom + 2;
    left = box.left;
    const height = kept.length + 1;
    edits = [{ kind: "insertRows", sheet, row: box.bottom + 2, count: height + 1 }, ...tableEdits(sheet, kept, top, left)];
  } else {
    sheet = freeSheetName(sheetName, sheets.map((s) => s.name));
    top = 0;
    left = 0;
    edits = [{ kind: "addSheet", sheet }, ...tableEdits(sheet, kept, top, left)];
  }
  const address = boxToA1({ top, left, bottom: top + kept.length, right: left + 4 });
  const data = { n: kept.length, range: `${sheet}!${address}` };
  if (!(await write(store, edits, "converted", data, { key: "converted", data }, true))) return { status: "refused", reason: "failed" };
  try {
    await store.port.select(sheet, boxToA1({ top, left, bottom: top, right: left }));
  } catch (e) {
    store.fail(e);
  }
  return { status: "inserted", sheet, address };
}
