/**
 * ExcelJS workbook → in-memory Excel. The one converter the workbench uses both for its built-in
 * sample (src/sample/workbooks.ts builds an ExcelJS workbook) and for a .xlsx the user opens:
 * values (formula cells keep their cached result and their formula), number formats, merged areas,
 * fills (ARGB, theme and indexed colours, patterns), bold and font colour, plus the column widths
 * the grid draws with (display only; the in-memory Excel has no column widths).
 */
import ExcelJS from "exceljs";
import { colToLetters } from "../core/grid/a1";
import { toCellValue } from "../xlsx/grid";
import { MemoryExcel, type MemoryExcelOptions, type WorkbookSnapshot, type CellSnapshot } from "./memory-excel";
import { PATTERN_NAMES, xlsxColorToHex, type XlsxColor } from "./colors";

/** Display-only facts of a sheet the in-memory Excel does not model. */
export interface SheetView {
  /** Column widths in px by 0-based column (columns not listed use the default width). */
  colWidths: Record<number, number>;
}

/** What the workbench opens: the workbook as a snapshot plus how its sheets are drawn. */
export interface WorkbenchBook {
  /** Shown in the title bar ("示例工作簿" or the file name). */
  title: string;
  snapshot: WorkbookSnapshot;
  views: Record<string, SheetView>;
}

/** Default column width in px (Excel's 8.43 characters). */
export const DEFAULT_COL_WIDTH = 72;

/** Excel column width (characters of the default font) → px, as Excel draws it at 100 %. */
export function widthToPx(width: number): number {
  return Math.max(8, Math.round(width * 7 + 5));
}

type FillLike = {
  type?: string;
  pattern?: string;
  fgColor?: XlsxColor;
  bgColor?: XlsxColor;
  stops?: { position: number; color: XlsxColor }[];
};

/** ExcelJS fill → the snapshot's fill ("#RRGGBB" for solid, {color, pattern} otherwise), or undefined. */
export function convertFill(fill: FillLike | undefined): CellSnapshot["fill"] | undefined {
  if (!fill) return undefined;
  if (fill.type === "gradient") {
    const c = xlsxColorToHex(fill.stops?.[0]?.color);
    return c ?? undefined;
  }
  if (fill.type !== "pattern" || !fill.pattern || fill.pattern === "none") return undefined;
  const pattern = PATTERN_NAMES[fill.pattern] ?? "Solid";
  // For a solid fill the colour is fgColor; some writers put it in bgColor only.
  const color = xlsxColorToHex(fill.fgColor) ?? xlsxColorToHex(fill.bgColor);
  if (pattern === "Solid") return color ?? undefined;
  return { color, pattern };
}

function convertCell(cell: ExcelJS.Cell, date1904: boolean): CellSnapshot | null {
  const out: CellSnapshot = {};
  const isMergeTail = cell.type === ExcelJS.ValueType.Merge;
  if (!isMergeTail) {
    const v = toCellValue(cell.value, date1904);
    if (v !== null && v !== "") out.v = v;
    const formula = cell.type === ExcelJS.ValueType.Formula ? (cell as unknown as { formula?: string }).formula : undefined;
    if (formula) {
      out.f = `=${formula}`;
      if (out.v === undefined) out.v = 0;
    }
  }
  let nf = cell.numFmt;
  if (!nf && !isMergeTail && cell.value instanceof Date) nf = "yyyy-mm-dd";
  if (nf && nf !== "General") out.nf = nf;
  const fill = convertFill(cell.fill as FillLike | undefined);
  if (fill) out.fill = fill;
  const font = cell.font as { bold?: boolean; color?: XlsxColor } | undefined;
  if (font) {
    const color = xlsxColorToHex(font.color);
    const f: { bold?: boolean; color?: string } = {};
    if (font.bold) f.bold = true;
    if (color && color !== "#000000") f.color = color;
    if (f.bold || f.color) out.font = f;
  }
  return Object.keys(out).length > 0 ? out : null;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const internal = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined> })
    ._merges;
  if (internal) {
    return Object.values(internal)
      .filter((m): m is { top: number; left: number; bottom: number; right: number } => !!m)
      .map((m) => `${colToLetters(m.left - 1)}${m.top}:${colToLetters(m.right - 1)}${m.bottom}`);
  }
  return [...((ws.model as { merges?: string[] }).merges ?? [])];
}

/** Converts an ExcelJS workbook (every worksheet) into a snapshot the in-memory Excel opens. */
export function workbookFromExcelJS(wb: ExcelJS.Workbook, title = "工作簿"): WorkbenchBook {
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  const sheets: WorkbookSnapshot["sheets"] = [];
  const views: Record<string, SheetView> = {};
  const usedNames = new Set<string>();
  for (const ws of wb.worksheets) {
    if (usedNames.has(ws.name.toLowerCase())) continue;
    usedNames.add(ws.name.toLowerCase());
    const cells: Record<string, CellSnapshot> = {};
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const c = convertCell(cell, date1904);
        if (c) cells[`${colToLetters(colNumber - 1)}${rowNumber}`] = c;
      });
    });
    // Rows that hold only styles (a filled but empty area) are not visited by eachRow above.
    const rows = (ws as unknown as { _rows?: (ExcelJS.Row | undefined)[] })._rows ?? [];
    rows.forEach((row, i) => {
      if (!row || row.hasValues) return;
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const c = convertCell(cell, date1904);
        if (c) cells[`${colToLetters(colNumber - 1)}${i + 1}`] = c;
      });
    });
    const colWidths: Record<number, number> = {};
    const columns = (ws.columns ?? []) as (Partial<ExcelJS.Column> | undefined)[];
    columns.forEach((col, i) => {
      if (col && typeof col.width === "number" && col.width > 0) colWidths[i] = widthToPx(col.width);
    });
    views[ws.name] = { colWidths };
    const merges = mergesOf(ws);
    // A merged area's value lives in its top-left cell; the converter already skipped the tails.
    sheets.push({ name: ws.name, cells, merges });
  }
  if (sheets.length === 0) {
    sheets.push({ name: "Sheet1", cells: {}, merges: [] });
    views.Sheet1 = { colWidths: {} };
  }
  return {
    title,
    snapshot: { version: 1, sheets, activeSheet: sheets[0].name, selection: { sheet: sheets[0].name, address: "A1" } },
    views,
  };
}

/** Reads .xlsx bytes (a file the user picked) with ExcelJS and converts them. */
export async function workbookFromXlsx(data: ArrayBuffer, title: string): Promise<WorkbenchBook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  return workbookFromExcelJS(wb, title);
}

/** A MemoryExcel over a converted workbook. */
export function openBook(book: WorkbenchBook, opts: MemoryExcelOptions = {}): MemoryExcel {
  return MemoryExcel.fromSnapshot(book.snapshot, opts);
}
