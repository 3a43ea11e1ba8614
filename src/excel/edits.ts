/**
 * One edit of applyEdits queued in a batch together with the loads its inverse is built from (loads
 * run in queue order, so they see the state before the write), and the inverse read after the sync.
 * Limits: the inverse of deleteRows restores values/formulas and number formats, not fills or merges.
 * Adding and deleting sheets is in sheet-edits.ts.
 */
import { LAST_COL, LAST_ROW, boxToA1, parseBox } from "../core/grid/a1";
import type { RangeBox } from "../core/grid/a1";
import { normCell } from "./address";
import { fillSnapshot, probeFill, writeFill, type FillProbe } from "./fill-probe";
import type { BoldEdit, DeleteRowsEdit, Edit, FillEdit, InsertRowsEdit, MergeEdit, NumberFormatEdit, SheetEdit, UnmergeEdit, ValueEdit } from "./port";

/** The edits of one sheet's cells (everything but adding or deleting a sheet). */
export type CellLevelEdit = Exclude<Edit, SheetEdit>;

/** An edit queued by applyEdits with the proxies its inverse is read from after the sync. */
export type QueuedEdit =
  | { kind: "insertRows"; e: InsertRowsEdit }
  | { kind: "deleteRows"; e: DeleteRowsEdit; before: Excel.Range }
  | { kind: "numberFormat"; e: NumberFormatEdit; before: Excel.Range }
  | { kind: "fill"; e: FillEdit; before: FillProbe }
  | { kind: "value"; e: ValueEdit; before: Excel.Range; after: Excel.Range }
  | { kind: "merge"; e: MergeEdit; before: Excel.Range }
  | { kind: "unmerge"; e: UnmergeEdit }
  | { kind: "bold"; e: BoldEdit; before: Excel.RangeFont };

/** Text Excel would turn into something else (number, date, boolean, formula) gets a ' prefix. */
function protectText(s: string): string {
  if (s === "") return s;
  if (/^[\s]*[=+\-@'\d.$¥￥€£(]/.test(s) || /^(true|false)$/i.test(s.trim()) || /^[A-Za-z]{3,9}[\s-]\d/.test(s.trim())) return `'${s}`;
  return s;
}

/** Queues the write of one edit on its sheet, after the loads its inverse needs. */
export function queueEdit(ws: Excel.Worksheet, e: CellLevelEdit, cellProperties: boolean): QueuedEdit {
  if (e.kind === "merge") {
    // The values the merge drops (all but the top-left cell's) are read first, for the inverse.
    const before = ws.getRange(normCell(e.cell));
    before.load("formulas,rowIndex,columnIndex");
    ws.getRange(normCell(e.cell)).merge(false);
    return { kind: "merge", e, before };
  }
  if (e.kind === "unmerge") {
    ws.getRange(normCell(e.cell)).unmerge();
    return { kind: "unmerge", e };
  }
  if (e.kind === "bold") {
    const before = ws.getRange(normCell(e.cell)).format.font;
    before.load("bold");
    ws.getRange(normCell(e.cell)).format.font.bold = e.bold;
    return { kind: "bold", e, before };
  }
  if (e.kind === "insertRows") {
    ws.getRange(`${e.row}:${e.row + e.count - 1}`).insert("Down");
    return { kind: "insertRows", e };
  }
  if (e.kind === "deleteRows") {
    const rows = ws.getRange(`${e.row}:${e.row + e.count - 1}`);
    const before = rows.getUsedRangeOrNullObject();
    before.load("formulas,numberFormat,rowIndex,columnIndex");
    rows.delete("Up");
    return { kind: "deleteRows", e, before };
  }
  if (e.kind === "numberFormat") {
    const before = ws.getRange(normCell(e.cell));
    before.load("numberFormat");
    ws.getRange(normCell(e.cell)).numberFormat = [[e.numberFormat]];
    return { kind: "numberFormat", e, before };
  }
  if (e.kind === "fill") {
    const before = probeFill(ws.getRange(normCell(e.cell)), cellProperties);
    writeFill(ws.getRange(normCell(e.cell)), e.fill, cellProperties);
    return { kind: "fill", e, before };
  }
  const before = ws.getRange(normCell(e.cell));
  before.load("formulas,numberFormat");
  const r = ws.getRange(normCell(e.cell));
  if (e.formula !== undefined) r.formulas = [[e.formula]];
  else r.values = [[e.value === null ? "" : typeof e.value === "string" ? protectText(e.value) : e.value]];
  const after = ws.getRange(normCell(e.cell));
  after.load("numberFormat");
  return { kind: "value", e, before, after };
}

/** The inverse of one applied edit, from the values its queued loads brought back (after the sync). */
export function inverseOf(q: QueuedEdit): Edit[] {
  switch (q.kind) {
    case "insertRows":
      return [{ kind: "deleteRows", sheet: q.e.sheet, row: q.e.row, count: q.e.count }];
    case "deleteRows": {
      const out: Edit[] = [{ kind: "insertRows", sheet: q.e.sheet, row: q.e.row, count: q.e.count }];
      if (q.before.isNullObject) return out;
      const { formulas, numberFormat, rowIndex, columnIndex } = q.before;
      formulas.forEach((row, r) =>
        row.forEach((f, c) => {
          const cell = boxToA1({ top: rowIndex + r, left: columnIndex + c, bottom: rowIndex + r, right: columnIndex + c });
          const nf = numberFormat[r][c];
          if (typeof nf === "string" && nf !== "General") out.push({ kind: "numberFormat", sheet: q.e.sheet, cell, numberFormat: nf });
          if (f !== "" && f !== null) out.push(valueInverse(q.e.sheet, cell, f as string | number | boolean));
        }),
      );
      return out;
    }
    case "numberFormat":
      return [{ kind: "numberFormat", sheet: q.e.sheet, cell: q.e.cell, numberFormat: String(q.before.numberFormat[0][0] ?? "General") }];
    case "fill":
      return [{ kind: "fill", sheet: q.e.sheet, cell: q.e.cell, fill: fillSnapshot(q.before) }];
    case "merge": {
      const out: Edit[] = [{ kind: "unmerge", sheet: q.e.sheet, cell: q.e.cell }];
      const { formulas, rowIndex, columnIndex } = q.before;
      formulas.forEach((row, r) =>
        row.forEach((f, c) => {
          if ((r === 0 && c === 0) || f === "" || f === null) return;
          const cell = boxToA1({ top: rowIndex + r, left: columnIndex + c, bottom: rowIndex + r, right: columnIndex + c });
          out.push(valueInverse(q.e.sheet, cell, f as string | number | boolean));
        }),
      );
      return out;
    }
    case "unmerge":
      return [{ kind: "merge", sheet: q.e.sheet, cell: q.e.cell }];
    case "bold":
      // Mixed bold (null) reads as not bold.
      return [{ kind: "bold", sheet: q.e.sheet, cell: q.e.cell, bold: q.before.bold === true }];
    case "value": {
      const out: Edit[] = [valueInverse(q.e.sheet, q.e.cell, q.before.formulas[0][0] as string | number | boolean)];
      const nfBefore = String(q.before.numberFormat[0][0]);
      if (nfBefore !== String(q.after.numberFormat[0][0])) out.push({ kind: "numberFormat", sheet: q.e.sheet, cell: q.e.cell, numberFormat: nfBefore });
      return out;
    }
  }
}

export function valueInverse(sheet: string, cell: string, before: string | number | boolean): ValueEdit {
  if (typeof before === "string" && before.startsWith("=")) return { sheet, cell, value: null, formula: before };
  if (before === "") return { sheet, cell, value: null };
  if (typeof before === "boolean") return { sheet, cell, value: null, formula: before ? "TRUE" : "FALSE" };
  return { sheet, cell, value: before };
}

/** The cells an edit writes (whole rows for row inserts/deletes): what the self-write guard covers. */
export function editBox(e: Edit): RangeBox {
  if (e.kind === "addSheet" || e.kind === "deleteSheet") return { top: 0, left: 0, bottom: LAST_ROW, right: LAST_COL };
  if (e.kind === "insertRows" || e.kind === "deleteRows") return { top: e.row - 1, left: 0, bottom: e.row + e.count - 2, right: LAST_COL };
  return parseBox(e.cell) ?? { top: 0, left: 0, bottom: 0, right: 0 };
}
