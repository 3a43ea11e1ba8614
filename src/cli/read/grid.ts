/**
 * Sheet rows → CellGrid, shared by both read paths (ooxml.ts for .xlsx / .xlsm, SheetJS for the
 * others): a merged area's other cells read empty, the grid is trimmed to the used range (cells
 * with a value, plus merged areas) as the ExcelJS path and Office.js do, and a used range too large
 * to hold is refused with the sheet and the range named (a stray value at XFD1048576 would
 * otherwise ask for 17 billion cells).
 */
import { CellGrid, type CellValue } from "../../core/grid/cellgrid";
import { toA1, type RangeBox } from "../../core/grid/a1";
import { ReadProblem } from "./problem";

/** The most cells a sheet's used range may span (rows × columns, empty cells included). */
export const MAX_GRID_CELLS = 4_000_000;

/**
 * A grid from sparse rows of values (sheet row 0, column 0 first), number formats of the same
 * shape, and merged areas. The rows are changed in place (merged cells blanked).
 */
export function rowsToGrid(sheet: string, rows: CellValue[][], formats: (string | null)[][] | undefined, merges: RangeBox[]): CellGrid {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right && c < row.length; c++) {
        if (r === m.top && c === m.left) continue;
        if (row[c] !== undefined) row[c] = null;
        if (formats?.[r]?.[c] !== undefined) formats[r][c] = null;
      }
    }
  }
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (row[c] === null || row[c] === undefined) continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  if (bottom < 0) return new CellGrid({ sheet, originRow: 0, originCol: 0, values: [], merges: [] });
  const width = right - left + 1;
  const height = bottom - top + 1;
  if (width * height > MAX_GRID_CELLS) {
    const range = `${toA1(top, left)}:${toA1(bottom, right)}`;
    throw new ReadProblem({ code: "sheetTooLarge", detail: `${sheet}!${range} = ${(width * height).toLocaleString("en-US")} > ${MAX_GRID_CELLS.toLocaleString("en-US")}` });
  }
  const values: CellValue[][] = [];
  let fmts: (string | null)[][] | undefined;
  for (let r = top; r <= bottom; r++) {
    const src = rows[r];
    const out = new Array<CellValue>(width).fill(null);
    if (src) for (let c = left; c <= right && c < src.length; c++) out[c - left] = src[c] ?? null;
    values.push(out);
    const fsrc = formats?.[r];
    if (fsrc) {
      fmts ??= Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
      for (let c = left; c <= right && c < fsrc.length; c++) fmts[r - top][c - left] = fsrc[c] ?? null;
    }
  }
  return new CellGrid({ sheet, originRow: top, originCol: left, values, formats: fmts, merges });
}
