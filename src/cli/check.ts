/**
 * Checks one input: read the file with the checking read path (src/cli/read: its own .xlsx reader,
 * SheetJS for the other formats, behind the zip / size / DOCTYPE limits), analyze the grids, and on request write the annotated copy (ExcelJS,
 * loaded only then). Never throws for a bad file: the failure becomes a FileResult with an `error`
 * in the report language. Shared by the worker (worker.ts), the corpus scorer and the benchmark.
 */
import type * as XLSX from "@e965/xlsx";
import { analyzeGrids } from "../core/analyze";
import type { Locale } from "../core/messages";
import type { RunConfig } from "../core/rules/engine";
import { builtinSearchIndex } from "../core/library/builtin-index";
import type { LibraryEntry } from "../core/library/schema";
import { createSearchIndex } from "../core/library/search";
import { errText, readInput, type InputEntry, type ReadFailure } from "./files";
import { failedResult } from "./failure";
import type { FileResult } from "./report";
import { DEFAULT_LIMITS, type ReadLimits } from "./read/limits";
import { ReadProblem } from "./read/problem";
import { readWorkbook, sheetJs, sheetJsBookOf, type ReadBook } from "./read/workbook";
import { annotateWorkbook, writeWorkbook } from "./annotate";

export interface CheckedFile {
  result: FileResult;
  /** What was read (for --out), absent when the file could not be read. */
  read?: ReadBook;
  /** The file's bytes (for --out of an .xlsx input, which keeps everything but adds the notes). */
  buffer?: Buffer;
}

function failed(file: string, f: ReadFailure, locale: Locale): CheckedFile {
  return { result: failedResult(file, f, locale) };
}

/**
 * The run configuration with the indicator library the nonstandard-wording rule compares names with
 * (rule option `libraryIndex`): `entries` (check --library: the built-in library with a custom one
 * merged over it), else the built-in library, unless the caller gave an index. Not built when the
 * rule does not run (--rules without it, or switched off).
 */
export function withLibrary(config: RunConfig, entries?: readonly LibraryEntry[]): RunConfig {
  if (config.options?.libraryIndex !== undefined) return config;
  const id = "nonstandard-wording";
  if ((config.only && !config.only.includes(id)) || config.severity?.[id] === "off") return config;
  if (config.rules && !config.rules.some((r) => r.meta.id === id)) return config;
  const libraryIndex = entries ? createSearchIndex(entries) : builtinSearchIndex();
  return { ...config, options: { ...config.options, libraryIndex } };
}

/**
 * Checks a workbook held in memory. `file` is the name to report (its extension marks a .csv).
 * With `forCopy` the result keeps what --out needs (the bytes and the SheetJS workbook); without it
 * both are let go before the analysis, which lowers the peak memory.
 */
export async function checkBuffer(
  file: string,
  buffer: Buffer,
  config: RunConfig = {},
  limits: ReadLimits = DEFAULT_LIMITS,
  forCopy = false,
): Promise<CheckedFile> {
  const locale = config.locale ?? "zh-CN";
  let read: ReadBook | undefined;
  try {
    read = readWorkbook(buffer, file, limits);
  } catch (e) {
    return failed(file, e instanceof ReadProblem ? e.failure : { code: "corrupt", detail: errText(e) }, locale);
  }
  const { grids, format } = read;
  if (!forCopy) read = undefined;
  try {
    const { tables, issues, sheets } = analyzeGrids(grids, withLibrary(config));
    return { result: { file, tables, issues, sheets, format }, ...(read ? { read, buffer } : {}) };
  } catch (e) {
    return failed(file, { code: "internal", detail: errText(e) }, locale);
  }
}

/** Checks one expanded input entry (a failure found while expanding is passed through). */
export async function checkEntry(
  entry: InputEntry,
  config: RunConfig = {},
  limits: ReadLimits = DEFAULT_LIMITS,
  forCopy = false,
): Promise<CheckedFile> {
  const locale = config.locale ?? "zh-CN";
  if (entry.failure) return failed(entry.file, entry.failure, locale);
  const r = readInput(entry.file, limits.maxFileBytes);
  if ("failure" in r) return failed(entry.file, r.failure, locale);
  return checkBuffer(entry.file, r.buffer, config, limits, forCopy);
}

/** A SheetJS workbook (read in dense mode) as .xlsx bytes. */
function toXlsx(book: XLSX.WorkBook): Buffer {
  // SheetJS's writer expects every row of a dense sheet to exist; rows without cells are holes.
  for (const name of book.SheetNames) {
    const data = (book.Sheets[name] as { "!data"?: unknown[][] })["!data"];
    if (data) for (let r = 0; r < data.length; r++) data[r] ??= [];
  }
  return sheetJs().write(book, { bookType: "xlsx", type: "buffer", compression: true }) as Buffer;
}

/**
 * Writes the annotated copy of a checked file to `target`, always as .xlsx: an .xlsx input is
 * loaded as it is (everything kept, notes and fills added); any other input (.xls, .et, .ods,
 * .csv, .xlsm — whose macros ExcelJS cannot keep) is first converted by SheetJS to .xlsx.
 */
export async function writeAnnotatedCopy(checked: CheckedFile, target: string, locale: Locale): Promise<void> {
  if (!checked.read || !checked.buffer) return;
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const source = checked.read.format === "xlsx" ? checked.buffer : toXlsx(sheetJsBookOf(checked.read, checked.buffer, DEFAULT_LIMITS));
  await wb.xlsx.load(source as unknown as ArrayBuffer);
  annotateWorkbook(wb, checked.result.issues, locale);
  await writeWorkbook(wb, target);
}
