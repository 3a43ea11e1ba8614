/**
 * Checks one input: read + precheck the file, load it with ExcelJS, build the grids, analyze. Never
 * throws for a bad file; the failure becomes a FileResult with an `error` in the report language.
 * Shared by the CLI entry (main.ts) and the benchmark (scripts/bench.ts).
 */
import type { Workbook } from "exceljs";
import { analyzeGrids } from "../core/analyze";
import { t, type Locale } from "../core/messages";
import type { RunConfig } from "../core/rules/engine";
import { builtinSearchIndex } from "../core/library/builtin-index";
import type { LibraryEntry } from "../core/library/schema";
import { createSearchIndex } from "../core/library/search";
import { readXlsx } from "../xlsx/grid";
import { errText, precheck, readInput, type InputEntry, type ReadFailure } from "./files";
import type { FileResult } from "./report";

export interface CheckedFile {
  result: FileResult;
  /** The loaded workbook (for --out), absent when the file could not be read. */
  workbook?: Workbook;
}

/** The report-language message for a read failure: the file's name is added by the formatter. */
export function failureMessage(f: ReadFailure, locale: Locale): string {
  const detail = f.detail === undefined ? "" : f.detailIsKey ? t(locale, `cli.sniff.${f.detail}`) : f.detail;
  return t(locale, `cli.readError.${f.code}`, { detail });
}

function failed(file: string, f: ReadFailure, locale: Locale): CheckedFile {
  return { result: { file, error: { code: f.code, message: failureMessage(f, locale) }, tables: [], issues: [] } };
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

/** Checks an xlsx held in memory. `file` is only the name to report. */
export async function checkBuffer(file: string, buffer: Buffer, config: RunConfig = {}): Promise<CheckedFile> {
  const locale = config.locale ?? "zh-CN";
  const bad = precheck(buffer);
  if (bad) return failed(file, bad, locale);
  let loaded: Awaited<ReturnType<typeof readXlsx>>;
  try {
    loaded = await readXlsx(buffer);
  } catch (e) {
    return failed(file, { code: "corrupt", detail: errText(e) }, locale);
  }
  try {
    const { tables, issues, sheets } = analyzeGrids(loaded.grids, withLibrary(config));
    return { result: { file, tables, issues, sheets }, workbook: loaded.workbook };
  } catch (e) {
    return failed(file, { code: "internal", detail: errText(e) }, locale);
  }
}

/** Checks one expanded input entry (a failure found while expanding is passed through). */
export async function checkEntry(entry: InputEntry, config: RunConfig = {}): Promise<CheckedFile> {
  const locale = config.locale ?? "zh-CN";
  if (entry.failure) return failed(entry.file, entry.failure, locale);
  const r = readInput(entry.file);
  if ("failure" in r) return failed(entry.file, r.failure, locale);
  return checkBuffer(entry.file, r.buffer, config);
}
