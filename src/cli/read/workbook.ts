/**
 * The checking read path: any supported workbook → CellGrids with only what the engine uses (cell
 * values, number formats, merged areas, sheet names in order). Formats are told apart by their
 * bytes, not their names:
 *   zip   .xlsx / .xlsm (and .xlsb), .ods, and WPS .et saved as a zip package — through zip.ts
 *         (limits, no DOCTYPE) into SheetJS's package parser;
 *   OLE   .xls (BIFF5/8) and WPS .et in the same container — SheetJS; an OLE file holding an
 *         EncryptedPackage is a password-protected .xlsx;
 *   text  .csv only (by name) — csv.ts.
 * SheetJS (npm @e965/xlsx 0.20.3, the SheetJS CE build past the prototype-pollution and ReDoS
 * advisories of npm `xlsx` 0.18.5) reads with cell text, styles, formulas and HTML switched off.
 * Node side only; src/core never sees a file.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import * as XLSX from "@e965/xlsx";
import { CellGrid, type CellValue } from "../../core/grid/cellgrid";
import type { RangeBox } from "../../core/grid/a1";
import { precheck, type ReadFailure } from "../files";
import { decodeText, parseCsv } from "./csv";
import type { ReadLimits } from "./limits";
import { mib } from "./limits";
import { ReadProblem } from "./problem";
import { readZipParts } from "./zip";

export type BookFormat = "xlsx" | "xlsm" | "xlsb" | "ods" | "xls" | "csv";

export interface ReadBook {
  format: BookFormat;
  grids: CellGrid[];
  /** The SheetJS workbook (for an annotated copy of a non-.xlsx input). */
  book: XLSX.WorkBook;
}

const READ_OPTS: XLSX.ParsingOptions = {
  dense: true,
  cellNF: true,
  cellText: false,
  cellDates: false,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
  bookDeps: false,
  bookFiles: false,
};

interface CfbEntry {
  name: string;
}
interface CfbContainer {
  FileIndex: CfbEntry[];
  FullPaths: string[];
}
interface SheetJsInternals {
  CFB: {
    read(d: Buffer, o: { type: "buffer" }): CfbContainer;
    find(c: CfbContainer, name: string): CfbEntry | null;
    utils: { cfb_new(): CfbContainer; cfb_add(c: CfbContainer, name: string, data: Buffer, o: { unsafe: true }): unknown };
  };
  parse_zip(c: CfbContainer, o: XLSX.ParsingOptions): XLSX.WorkBook;
}
const SJ = XLSX as unknown as SheetJsInternals;

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function fail(f: ReadFailure): never {
  throw new ReadProblem(f);
}

/** SheetJS's errors for password-protected files. */
function sheetJsError(e: unknown): never {
  if (e instanceof ReadProblem) throw e;
  const msg = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(msg)) fail({ code: "encrypted" });
  fail({ code: "corrupt", detail: msg.split("\n")[0].slice(0, 200) });
}

let codepagesLoaded = false;
/**
 * SheetJS's codepage tables (GBK and the other legacy codepages of .xls / .et text; .xlsb's binary
 * strings). The CLI bundles SheetJS's ES module build, which does not load them by itself: loading
 * them costs about 100 ms per worker, and .xlsx / .ods / .csv never use them.
 */
function loadCodepages(): void {
  if (codepagesLoaded) return;
  XLSX.set_cptable(createRequire(__filename)("@e965/xlsx/dist/cpexcel.js"));
  codepagesLoaded = true;
}

function readZip(buf: Buffer, limits: ReadLimits, ext: string): { format: BookFormat; book: XLSX.WorkBook } {
  const parts = readZipParts(buf, limits);
  const lower = new Set([...parts.keys()].map((k) => k.toLowerCase()));
  let format: BookFormat;
  if (lower.has("xl/workbook.xml")) format = ext === ".xlsm" ? "xlsm" : "xlsx";
  else if (lower.has("xl/workbook.bin")) format = "xlsb";
  else if (lower.has("content.xml") && (parts.get("mimetype")?.toString("latin1") ?? "").includes("spreadsheet")) format = "ods";
  else if (lower.has("[content_types].xml") && [...lower].some((k) => k.startsWith("xl/"))) fail({ code: "corrupt", detail: "xl/workbook.xml" });
  else fail({ code: "notXlsx", detail: "zip", detailIsKey: true });
  if (format === "xlsb") loadCodepages();
  const container = SJ.CFB.utils.cfb_new();
  for (const [name, data] of parts) SJ.CFB.utils.cfb_add(container, name, data, { unsafe: true });
  try {
    return { format, book: SJ.parse_zip(container, { ...READ_OPTS }) };
  } catch (e) {
    sheetJsError(e);
  }
}

function readOle(buf: Buffer): XLSX.WorkBook {
  let cfb: CfbContainer;
  try {
    cfb = SJ.CFB.read(buf, { type: "buffer" });
  } catch (e) {
    sheetJsError(e);
  }
  if (SJ.CFB.find(cfb, "EncryptedPackage")) fail({ code: "encrypted" });
  if (!SJ.CFB.find(cfb, "Workbook") && !SJ.CFB.find(cfb, "Book")) fail({ code: "notXlsx", detail: "office", detailIsKey: true });
  loadCodepages();
  try {
    return XLSX.read(buf, { ...READ_OPTS, type: "buffer" });
  } catch (e) {
    sheetJsError(e);
  }
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ . */
function sheetNameFor(file: string): string {
  const base = path.basename(file, path.extname(file)).replace(/[[\]:*?/\\]/g, "_").slice(0, 31);
  return base || "Sheet1";
}

function readCsv(buf: Buffer, file: string): { grids: CellGrid[]; book: XLSX.WorkBook } {
  const rows = parseCsv(decodeText(buf).text);
  const name = sheetNameFor(file);
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  const book: XLSX.WorkBook = { SheetNames: [name], Sheets: { [name]: sheet } };
  const values: CellValue[][] = rows.map((r) => r.map((v) => (v === "" ? null : v)));
  return { grids: [gridFromCells(name, values, undefined, [])], book };
}

/** Excel's error codes as the text Office.js shows. */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

const MS_PER_DAY = 86400000;

function cellValue(cell: XLSX.CellObject, date1904: boolean): CellValue {
  switch (cell.t) {
    case "s":
      return typeof cell.v === "string" ? cell.v : cell.v === undefined ? null : String(cell.v);
    case "n":
      return typeof cell.v === "number" && Number.isFinite(cell.v) ? cell.v : null;
    case "b":
      return !!cell.v;
    case "e":
      return ERRORS[cell.v as number] ?? "#N/A";
    case "d": {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      if (Number.isNaN(d.getTime())) return null;
      return Math.round((d.getTime() / MS_PER_DAY + (date1904 ? 24107 : 25569)) * 1e10) / 1e10;
    }
    default:
      return null;
  }
}

/**
 * A grid from values (rows from sheet row 0, column 0), formats of the same shape and merges:
 * trimmed to the used range (cells with a value, plus merged areas) as the ExcelJS path does.
 */
function gridFromCells(sheet: string, rows: CellValue[][], formats: (string | null)[][] | undefined, merges: RangeBox[]): CellGrid {
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
  const values: CellValue[][] = [];
  let fmts: (string | null)[][] | undefined;
  for (let r = top; r <= bottom; r++) {
    const src = rows[r];
    const out = new Array<CellValue>(width).fill(null);
    if (src) for (let c = left; c <= right && c < src.length; c++) out[c - left] = src[c] ?? null;
    values.push(out);
    const fsrc = formats?.[r];
    if (fsrc) {
      fmts ??= Array.from({ length: bottom - top + 1 }, () => new Array<string | null>(width).fill(null));
      for (let c = left; c <= right && c < fsrc.length; c++) fmts[r - top][c - left] = fsrc[c] ?? null;
    }
  }
  return new CellGrid({ sheet, originRow: top, originCol: left, values, formats: fmts, merges });
}

/** One SheetJS worksheet (dense mode) as a CellGrid. A merged area's value is its top-left cell's. */
export function sheetToGrid(name: string, ws: XLSX.WorkSheet, date1904: boolean): CellGrid {
  const merges: RangeBox[] = (ws["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  const data = (ws as { "!data"?: (XLSX.CellObject | null | undefined)[][] })["!data"] ?? [];
  const rows: CellValue[][] = [];
  let formats: (string | null)[][] | undefined;
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) continue;
    const row: CellValue[] = [];
    for (let c = 0; c < src.length; c++) {
      const cell = src[c];
      if (!cell) continue;
      const v = cellValue(cell, date1904);
      if (v === null || v === "") continue;
      row[c] = v;
      const z = typeof cell.z === "string" ? cell.z : null;
      if (z && z !== "General") {
        formats ??= [];
        (formats[r] ??= [])[c] = z;
      }
    }
    if (row.length) rows[r] = row;
  }
  // A merged area's other cells read empty (a file may still hold values there).
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
  return gridFromCells(name, rows, formats, merges);
}

/** Sheet kinds without cells (chart sheets, dialogs, Excel 4 macro sheets), skipped as ExcelJS does. */
function isWorksheet(book: XLSX.WorkBook, name: string): boolean {
  const t = (book.Sheets[name] as { "!type"?: string } | undefined)?.["!type"];
  return t === undefined || t === "sheet";
}

/** The grids of a SheetJS workbook, one per worksheet, in sheet order. */
export function bookToGrids(book: XLSX.WorkBook): CellGrid[] {
  const date1904 = !!book.Workbook?.WBProps?.date1904;
  return book.SheetNames.filter((n) => book.Sheets[n] && isWorksheet(book, n)).map((n) => sheetToGrid(n, book.Sheets[n], date1904));
}

/**
 * Reads a workbook held in memory. `file` is its name (for the .csv rule and the CSV sheet name).
 * Throws ReadProblem for a file to refuse (with the reason); nothing else escapes.
 */
export function readWorkbook(buf: Buffer, file: string, limits: ReadLimits): ReadBook {
  const bad = precheck(buf, file);
  if (bad) fail(bad);
  if (buf.length > limits.maxFileBytes) fail({ code: "tooLarge", detail: `${mib(buf.length)} MiB > ${mib(limits.maxFileBytes)} MiB` });
  if (buf.subarray(0, 8).equals(CFB_MAGIC)) {
    const book = readOle(buf);
    return { format: "xls", book, grids: bookToGrids(book) };
  }
  if (buf[0] === 0x50 && buf[1] === 0x4b) {
    const { format, book } = readZip(buf, limits, path.extname(file).toLowerCase());
    return { format, book, grids: bookToGrids(book) };
  }
  const { grids, book } = readCsv(buf, file);
  return { format: "csv", grids, book };
}
