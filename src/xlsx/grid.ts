/**
 * ExcelJS → CellGrid: a worksheet's used range as Office.js would return it (values, number
 * formats, merged areas). The browser workbench converts an opened .xlsx for its in-memory Excel
 * with toCellValue; readXlsx / worksheetToGrid are the ExcelJS reference the CLI's own read path
 * (src/cli/read) is held to (test/cli/read-parity.test.ts) and the tests' way to read a workbook.
 * The CLI itself reads with src/cli/read (limits, formats). src/core never sees ExcelJS.
 */
import ExcelJS from "exceljs";
import { CellGrid, type CellValue } from "../core/grid/cellgrid";
import type { RangeBox } from "../core/grid/a1";
import { parseRange } from "../core/grid/a1";

const MS_PER_DAY = 86400000;
/** Days from the Excel epoch (1899-12-30 in the 1900 system, 1904-01-01 in the 1904 system) to 1970-01-01. */
const EPOCH_1900 = 25569;
const EPOCH_1904 = 24107;

/** A JS Date (ExcelJS reads dates as UTC) as an Excel serial number. */
export function dateToSerial(d: Date, date1904 = false): number {
  const serial = d.getTime() / MS_PER_DAY + (date1904 ? EPOCH_1904 : EPOCH_1900);
  return Math.round(serial * 1e10) / 1e10;
}

type Raw = ExcelJS.CellValue | undefined;

/** One cell value as Office.js returns it: rich text → text, formula → cached result, error → "#REF!". */
export function toCellValue(v: Raw, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    if ("error" in o && typeof o.error === "string") return o.error;
    if ("formula" in o || "sharedFormula" in o) {
      const res = o.result as Raw;
      if (res === undefined || res === null) return null;
      return toCellValue(res, date1904);
    }
    if ("text" in o) {
      const t = o.text as unknown;
      if (typeof t === "string") return t;
      if (t && typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText))
        return toCellValue(t as ExcelJS.CellValue, date1904);
      return t === undefined || t === null ? null : String(t);
    }
  }
  return null;
}

function mergesOf(ws: ExcelJS.Worksheet): RangeBox[] {
  const out: RangeBox[] = [];
  const internal = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })
    ._merges;
  if (internal) {
    for (const m of Object.values(internal)) {
      if (m) out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
    return out;
  }
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const box = parseRange(ref);
    if (box) out.push(box);
  }
  return out;
}

/** The worksheet's used range (cells with a value, plus merged areas) as a CellGrid. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): CellGrid {
  const date1904 = !!ws.workbook?.properties?.date1904;
  const merges = mergesOf(ws);
  const cells: { r: number; c: number; v: CellValue; f: string | null }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged block's value belongs to its top-left cell only.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = toCellValue(cell.value, date1904);
      if (v === null || v === "") return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      let f: string | null = cell.numFmt ?? null;
      if (!f && cell.value instanceof Date) f = "yyyy-mm-dd";
      cells.push({ r, c, v, f });
      if (r < top) top = r;
      if (c < left) left = c;
      if (r > bottom) bottom = r;
      if (c > right) right = c;
    });
  });
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  if (bottom < 0) return new CellGrid({ sheet: ws.name, originRow: 0, originCol: 0, values: [], merges: [] });
  const rows = bottom - top + 1;
  const cols = right - left + 1;
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  let formats: (string | null)[][] | undefined;
  for (const { r, c, v, f } of cells) {
    values[r - top][c - left] = v;
    if (f && f !== "General") {
      formats ??= Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
      formats[r - top][c - left] = f;
    }
  }
  return new CellGrid({ sheet: ws.name, originRow: top, originCol: left, values, formats, merges });
}

/** Loads a workbook from a path or a buffer; one grid per worksheet, in sheet order. */
export async function readXlsx(input: string | Buffer): Promise<{ workbook: ExcelJS.Workbook; grids: CellGrid[] }> {
  const workbook = new ExcelJS.Workbook();
  if (typeof input === "string") await workbook.xlsx.readFile(input);
  else await workbook.xlsx.load(input as unknown as ArrayBuffer);
  const grids = workbook.worksheets.map((ws) => worksheetToGrid(ws));
  return { workbook, grids };
}
