/**
 * Where the saved table mappings live in the workbook: metadata in `workbook.settings` (saved in the
 * file, per add-in), position in one hidden workbook name per table (`_JX_T_<id>`), which Excel
 * moves when rows or columns are inserted or deleted. These functions queue the writes and read the
 * loaded state; OfficeWorkbook runs the batches.
 */
import { boxToA1, parseBox } from "../core/grid/a1";
import { quoteSheetName, splitQualified } from "./address";
import { BROKEN_MAPPING_TEXT, WorkbookError } from "./errors";
import type { BrokenReason, LoadedMapping, MappingRecord } from "./port";

export const TABLE_NAME_PREFIX = "_JX_T_";
export const MAPPINGS_SETTING = "jixiao.mappings";

interface StoredMappings {
  version: 1;
  mappings: { id: string; name: string; sheet: string; address: string; data: unknown }[];
}

function sanitizeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, "_");
}

function parseStored(value: unknown): StoredMappings["mappings"] {
  const v = value as Partial<StoredMappings> | null;
  if (!v || v.version !== 1 || !Array.isArray(v.mappings)) return [];
  return v.mappings.filter((m) => m && typeof m.id === "string" && typeof m.name === "string");
}

/**
 * Queues the replacement of every saved mapping (`existing`: the workbook's names, loaded); returns
 * the names added, to be hidden in the NEXT batch (`visible = false` in the adding batch is reported
 * to do nothing, issue 13). The reference is absolute ("='Sheet'!$A$3:$G$40"): a name written
 * without $ is relative to the active cell when it is defined, and a table saved while the cursor was
 * elsewhere would reload moved.
 */
export function queueMappings(context: Excel.RequestContext, existing: Excel.NamedItem[], mappings: readonly MappingRecord[]): string[] {
  for (const n of existing) {
    if (n.name.startsWith(TABLE_NAME_PREFIX)) n.delete();
  }
  const stored: StoredMappings = { version: 1, mappings: [] };
  for (const m of mappings) {
    const name = `${TABLE_NAME_PREFIX}${sanitizeId(m.id)}`;
    const box = parseBox(m.address);
    if (!box) throw new WorkbookError("excel-error", `地址无效：${m.address}`, `Invalid address: ${m.address}`);
    context.workbook.names.add(name, `=${quoteSheetName(m.sheet)}!${boxToA1(box, true)}`, "绩效目标助手 table mapping");
    stored.mappings.push({ id: m.id, name, sheet: m.sheet, address: boxToA1(box), data: m.data });
  }
  context.workbook.settings.add(MAPPINGS_SETTING, stored);
  return stored.mappings.map((m) => m.name);
}

/** Queues the hiding of names added in an earlier batch. */
export function queueHideNames(context: Excel.RequestContext, names: readonly string[]): void {
  for (const n of names) context.workbook.names.getItem(n).visible = false;
}

/** The saved mappings from the loaded setting, names (with their formulas) and sheets; a broken one says why. */
export function readMappings(setting: Excel.Setting, names: Excel.NamedItem[], sheets: Excel.Worksheet[]): LoadedMapping[] {
  if (setting.isNullObject) return [];
  const stored = parseStored(setting.value);
  const byName = new Map(names.map((n) => [n.name.toLowerCase(), n.formula]));
  const sheetSet = new Set(sheets.map((s) => s.name.toLowerCase()));
  return stored.map((m): LoadedMapping => {
    const formula = byName.get(m.name.toLowerCase());
    const broken = (reason: BrokenReason): LoadedMapping => ({
      status: "broken",
      id: m.id,
      sheet: m.sheet,
      address: m.address,
      data: m.data,
      reason,
      message: BROKEN_MAPPING_TEXT[reason](m.sheet, m.address),
    });
    if (formula === undefined) return broken("name-missing");
    // Excel rewrites a name whose sheet was deleted as "=#REF!$A$3:$G$6", and one whose cells were
    // deleted as "=Sheet1!#REF!".
    if (formula.startsWith("=#REF!")) return broken("sheet-deleted");
    if (formula.includes("#REF!")) return broken("range-deleted");
    const q = splitQualified(formula);
    if (!q.sheet) return broken("sheet-deleted");
    if (!sheetSet.has(q.sheet.toLowerCase())) return broken("sheet-deleted");
    const box = parseBox(q.address);
    if (!box) return broken("range-deleted");
    return { status: "ok", id: m.id, sheet: q.sheet, address: boxToA1(box), data: m.data };
  });
}
