/**
 * Adding and deleting a worksheet inside applyEdits' one batch, with the inverse of each: an added
 * sheet is deleted; a deleted sheet is added back with what was read of it before the delete — its
 * values/formulas, number formats and (ExcelApi 1.13) merged areas. Fills, fonts, column widths and
 * the sheet's position are not given back.
 */
import { boxToA1, parseBox } from "../core/grid/a1";
import { splitAreas, splitQualified } from "./address";
import { valueInverse } from "./edits";
import type { AddSheetEdit, DeleteSheetEdit, Edit } from "./port";

export type QueuedSheetEdit =
  | { kind: "addSheet"; e: AddSheetEdit }
  | { kind: "deleteSheet"; e: DeleteSheetEdit; used: Excel.Range; merged: Excel.RangeAreas | null };

/**
 * Queues the add or delete on the workbook's sheet collection; `sheets` (the batch's sheet proxies by
 * name) gets the added sheet, so later edits of the batch write into it, and loses a deleted one.
 */
export function queueSheetEdit(
  worksheets: Excel.WorksheetCollection,
  sheets: Map<string, Excel.Worksheet>,
  e: AddSheetEdit | DeleteSheetEdit,
  mergedAreas: boolean,
): QueuedSheetEdit {
  if (e.kind === "addSheet") {
    sheets.set(e.sheet, worksheets.add(e.sheet));
    return { kind: "addSheet", e };
  }
  const ws = sheets.get(e.sheet) ?? worksheets.getItem(e.sheet);
  const used = ws.getUsedRangeOrNullObject();
  used.load("formulas,numberFormat,rowIndex,columnIndex");
  const merged = mergedAreas ? ws.getUsedRange().getMergedAreasOrNullObject() : null;
  merged?.load("address");
  ws.delete();
  sheets.delete(e.sheet);
  return { kind: "deleteSheet", e, used, merged };
}

/** The inverse of an applied sheet edit, from what its loads brought back (after the sync). */
export function sheetInverse(q: QueuedSheetEdit): Edit[] {
  const sheet = q.e.sheet;
  if (q.kind === "addSheet") return [{ kind: "deleteSheet", sheet }];
  const out: Edit[] = [{ kind: "addSheet", sheet }];
  if (!q.used.isNullObject) {
    const { formulas, numberFormat, rowIndex, columnIndex } = q.used;
    formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        const cell = boxToA1({ top: rowIndex + r, left: columnIndex + c, bottom: rowIndex + r, right: columnIndex + c });
        const nf = numberFormat[r][c];
        if (typeof nf === "string" && nf !== "General") out.push({ kind: "numberFormat", sheet, cell, numberFormat: nf });
        if (f !== "" && f !== null) out.push(valueInverse(sheet, cell, f as string | number | boolean));
      }),
    );
  }
  if (q.merged && !q.merged.isNullObject) {
    for (const area of splitAreas(q.merged.address)) {
      const address = splitQualified(area).address;
      if (parseBox(address)) out.push({ kind: "merge", sheet, cell: address });
    }
  }
  return out;
}
