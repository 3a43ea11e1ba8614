/**
 * The checking read path: any supported workbook → CellGrids with only what the engine uses (cell
 * values, number formats, merged areas, sheet names in order). Formats are told apart by their
 * bytes, not their names:
 *   zip   .xlsx / .xlsm, and WPS .et saved as a zip package — ooxml.ts, which inflates (zip.ts:
 *         limits, no DOCTYPE) and scans only the parts the engine needs; .ods and .xlsb — through
 *         zip.ts into SheetJS's package parser;
 *   OLE   .xls (BIFF5/8) and WPS .et in the same container — SheetJS; an OLE file holding an
 *         EncryptedPackage is a password-protected .xlsx;
 *   text  .csv only (by name) — csv.ts.
 * SheetJS (npm @e965/xlsx 0.20.3, the SheetJS CE build past the prototype-pollution and ReDoS
 * advisories of npm `xlsx` 0.18.5) reads with cell text, styles, formulas and HTML switched off.
 * Node side only; src/core never sees a file.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as XLSX from "@e965/xlsx";
import type { CellGrid, CellValue } from "../../core/grid/cellgrid";
import type { RangeBox } from "../../core/grid/a1";
import { precheck, type ReadFailure } from "../files";
import { decodeText, parseCsv } from "./csv";
import type { ReadLimits } from "./limits";
import { mib } from "./limits";
import { ReadProblem } from "./problem";
import { rowsToGrid } from "./grid";
import { readOoxml } from "./ooxml";
import { listZip, readZipParts, ZipPackage } from "./zip";

export type BookFormat = "xlsx" | "xlsm" | "xlsb" | "ods" | "xls" | "csv";

export interface ReadBook {
  format: BookFormat;
  grids: CellGrid[];
  /** The SheetJS workbook, when SheetJS read the file (for an annotated copy of a non-.xlsx input). */
  book?: XLSX.WorkBook;
  /** A .csv's sheet: its name and rows as read (SheetJS makes a workbook of them only for --out). */
  csv?: { name: string; rows: string[][] };
}

let sheetJsModule: typeof XLSX | undefined;
/**
 * SheetJS, loaded on first use: .xlsx / .xlsm (ooxml.ts) and .csv never need it, so a check worker
 * starts without reading or compiling its ~1 MB. The CLI's bundles map this require to their own
 * bundle of SheetJS, lib/jixiao-sheetjs.js (scripts/cli-bundles.mjs).
 */
export function sheetJs(): typeof XLSX {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (sheetJsModule ??= require("@e965/xlsx") as typeof XLSX);
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
const sj = (): SheetJsInternals => sheetJs() as unknown as SheetJsInternals;

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
  sheetJs().set_cptable(createRequire(__filename)("@e965/xlsx/dist/cpexcel.js"));
  codepagesLoaded = true;
}

function readZip(buf: Buffer, limits: ReadLimits, ext: string): ReadBook {
  const entries = listZip(buf, limits);
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (names.has("xl/workbook.xml")) {
    const format: BookFormat = ext === ".xlsm" ? "xlsm" : "xlsx";
    try {
      return { format, grids: readOoxml(new ZipPackage(buf, limits, entries)) };
    } catch (e) {
      if (e instanceof ReadProblem) throw e;
      fail({ code: "corrupt", detail: (e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 200) });
    }
  }
  const parts = readZipParts(buf, limits);
  let format: BookFormat;
  if (names.has("xl/workbook.bin")) format = "xlsb";
  else if (names.has("content.xml") && (parts.get("mimetype")?.toString("latin1") ?? "").includes("spreadsheet")) format = "ods";
  else if (names.has("[content_types].xml") && [...names].some((k) => k.startsWith("xl/"))) fail({ code: "corrupt", detail: "xl/workbook.xml" });
  else fail({ code: "notXlsx", detail: "zip", detailIsKey: true });
  if (format === "xlsb") loadCodepages();
  const book = parsePackage(parts);
  return { format, book, grids: bookToGrids(book) };
}

/** SheetJS's package parser on parts already inflated (and checked) by zip.ts. */
function parsePackage(parts: Map<string, Buffer>): XLSX.WorkBook {
  const container = sj().CFB.utils.cfb_new();
  for (const [name, data] of parts) sj().CFB.utils.cfb_add(container, name, data, { unsafe: true });
  try {
    return sj().parse_zip(container, { ...READ_OPTS });
  } catch (e) {
    sheetJsError(e);
  }
}

/**
 * The SheetJS workbook of a file read by ooxml.ts (an .xlsm, for its annotated copy, which SheetJS
 * converts to .xlsx): read again, now with SheetJS, only when a copy is written.
 */
export function sheetJsBook(buf: Buffer, limits: ReadLimits): XLSX.WorkBook {
  return parsePackage(readZipParts(buf, limits));
}

function readOle(buf: Buffer): XLSX.WorkBook {
  let cfb: CfbContainer;
  try {
    cfb = sj().CFB.read(buf, { type: "buffer" });
  } catch (e) {
    sheetJsError(e);
  }
  if (sj().CFB.find(cfb, "EncryptedPackage")) fail({ code: "encrypted" });
  if (!sj().CFB.find(cfb, "Workbook") && !sj().CFB.find(cfb, "Book")) fail({ code: "notXlsx", detail: "office", detailIsKey: true });
  loadCodepages();
  try {
    return sheetJs().read(buf, { ...READ_OPTS, type: "buffer" });
  } catch (e) {
    sheetJsError(e);
  }
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ . */
function sheetNameFor(file: string): string {
  const base = path.basename(file, path.extname(file)).replace(/[[\]:*?/\\]/g, "_").slice(0, 31);
  return base || "Sheet1";
}

function readCsv(buf: Buffer, file: string): ReadBook {
  const rows = parseCsv(decodeText(buf).text);
  const name = sheetNameFor(file);
  const values: CellValue[][] = rows.map((r) => r.map((v) => (v === "" ? null : v)));
  return { format: "csv", grids: [rowsToGrid(name, values, undefined, [])], csv: { name, rows } };
}

/**
 * The SheetJS workbook of a file read (for an annotated copy of a non-.xlsx input, which SheetJS
 * converts to .xlsx): the one SheetJS read, a .csv's rows as a sheet, or an .xlsm read again by
 * SheetJS — only when a copy is written.
 */
export function sheetJsBookOf(read: ReadBook, buf: Buffer, limits: ReadLimits): XLSX.WorkBook {
  if (read.book) return read.book;
  if (read.csv) {
    const { name, rows } = read.csv;
    return { SheetNames: [name], Sheets: { [name]: sheetJs().utils.aoa_to_sheet(rows) } };
  }
  return sheetJsBook(buf, limits);
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
  // A merged area's other cells read empty (a file may still hold values there): rowsToGrid.
  return rowsToGrid(name, rows, formats, merges);
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
  if (buf[0] === 0x50 && buf[1] === 0x4b) return readZip(buf, limits, path.extname(file).toLowerCase());
  return readCsv(buf, file);
}
