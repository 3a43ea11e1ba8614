/**
 * `jixiao library [--format text|json] [--import file.xlsx|csv|json] [--out library.xlsx|csv] [--lang]`
 * Lists the indicator library (built-in, with a custom library merged in first when --import is
 * given), or exports it. Also holds what `suggest` shares: option parsing and custom-library loading.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { t, type Locale } from "../../core/messages";
import { sniffLang } from "../args";
import { errText, readInput } from "../files";
import type { CellGrid } from "../../core/grid/cellgrid";
import { failureMessage } from "../failure";
import { DEFAULT_LIMITS } from "../read/limits";
import { ReadProblem } from "../read/problem";
import { readWorkbook } from "../read/workbook";
import type { Io } from "../io";
import type { Subcommand } from "./index";
import { BUILTIN_ENTRIES } from "../../core/library/builtin";
import { libraryToRows, mergeLibraries, parseLibraryRows, type LibraryImport } from "../../core/library/import";
import { parseCsv, toCsv } from "../../core/library/csv";
import { pinyinOf } from "../../core/library/pinyin";
import type { LibraryEntry } from "../../core/library/schema";

// ---------------------------------------------------------------------------------------------
// Shared with suggest

export class LibUsageError extends Error {
  constructor(
    readonly key: string,
    readonly data: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export interface ParsedOptions {
  positional: string[];
  opts: Map<string, string>;
}

/** Parses `--name value` / `--name=value` options of a subcommand; unknown options are usage errors. */
export function parseOptions(argv: readonly string[], valueOptions: readonly string[]): ParsedOptions {
  const positional: string[] = [];
  const opts = new Map<string, string>();
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositional || !a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    if (a === "--") {
      onlyPositional = true;
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!valueOptions.includes(name)) throw new LibUsageError("cli.usage.unknownOption", { opt: name });
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith("--") && value.length > 2)) throw new LibUsageError("cli.usage.missingValue", { opt: name });
      i++;
    }
    opts.set(name, value);
  }
  const lang = opts.get("--lang");
  if (lang !== undefined && lang !== "zh-CN" && lang !== "en") throw new LibUsageError("cli.usage.badLang", { value: lang });
  const format = opts.get("--format");
  if (format !== undefined && format !== "text" && format !== "json") throw new LibUsageError("cli.usage.badFormat", { value: format });
  return { positional, opts };
}

export function usageFailure(e: LibUsageError, argv: readonly string[], io: Io): number {
  const lang = sniffLang(argv);
  io.stderr(`jixiao: ${t(lang, e.key, e.data)}\n${t(lang, "cli.usageHint")}\n`);
  return 2;
}

/**
 * A sheet's rows from A1, as a library list reads them: a merged cell (a 一级 / 二级 merged down over
 * its rows) gives its value to every row it covers.
 */
function gridRows(grid: CellGrid): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 0; r <= grid.lastRow; r++) {
    const row: unknown[] = [];
    if (r >= grid.firstRow)
      for (let c = 0; c <= grid.lastCol; c++) {
        const m = grid.mergeAt(r, c);
        row.push(m ? grid.value(m.top, m.left) : grid.value(r, c));
      }
    rows.push(row);
  }
  return rows;
}

/**
 * Reads a custom library file into rows or records. A workbook is read as `jixiao check` reads one
 * (src/cli/read: .xlsx, .xlsm, .xls, .et, .ods, under the same size and zip limits — a library file
 * may come from another office too).
 */
async function readLibraryFile(file: string, lang: Locale): Promise<(readonly unknown[])[] | Record<string, unknown>[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json") {
    const data: unknown = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    const list = Array.isArray(data) ? data : (data as { entries?: unknown })?.entries;
    if (!Array.isArray(list)) throw new Error("JSON: expected an array of entries, or { \"entries\": [...] }");
    return list as Record<string, unknown>[];
  }
  if (ext === ".csv") return parseCsv(fs.readFileSync(file, "utf8"));
  const input = readInput(file, DEFAULT_LIMITS.maxFileBytes);
  if ("failure" in input) throw new Error(failureMessage(input.failure, lang));
  let grids;
  try {
    grids = readWorkbook(input.buffer, file, DEFAULT_LIMITS).grids;
  } catch (e) {
    throw e instanceof ReadProblem ? new Error(failureMessage(e.failure, lang)) : e;
  }
  const sheets = grids.map(gridRows);
  // The first sheet whose rows read as a library (a header row with a 三级 name column), else the first.
  for (const rows of sheets) if (parseLibraryRows(rows).error?.code !== "noHeader") return rows;
  return sheets[0] ?? [];
}

export interface LoadedLibrary {
  entries: LibraryEntry[];
  import: LibraryImport | null;
  file: string | null;
}

/**
 * The built-in library, merged with the custom library `file` when given. Reports what was skipped
 * on stderr; throws a message (already localised) when nothing could be imported.
 */
export async function loadLibrary(file: string | undefined, lang: Locale, io: Io, quiet = false): Promise<LoadedLibrary> {
  if (!file) return { entries: [...BUILTIN_ENTRIES], import: null, file: null };
  if (!/\.(xlsx|xlsm|xls|et|ods|csv|json)$/i.test(file)) throw new LibUsageError("cli.library.usage.badImport", { value: file });
  let rows;
  try {
    rows = await readLibraryFile(file, lang);
  } catch (e) {
    throw new ImportFailure(t(lang, "cli.library.importFailed", { file, reason: errText(e) }));
  }
  const result = parseLibraryRows(rows, {}, { source: path.basename(file), pinyin: pinyinOf });
  const skippedLines = result.skipped.map((s) =>
    t(lang, "cli.library.skippedRow", { row: s.row, reason: t(lang, `cli.library.skip.${s.reason}`, { detail: s.detail }) }),
  );
  if (result.error) {
    const data: Record<string, string | number> =
      result.error.code === "missingColumns"
        ? { columns: result.error.columns.map((c) => t(lang, `cli.library.field.${c}`)).join(lang === "en" ? ", " : "、") }
        : result.error.code === "rowsSkipped"
          ? { count: result.error.count }
          : {};
    const reason = t(lang, `cli.library.error.${result.error.code}`, data);
    throw new ImportFailure([t(lang, "cli.library.importFailed", { file, reason }), ...skippedLines].join("\n"));
  }
  if (!quiet || result.skipped.length) {
    io.stderr(t(lang, "cli.library.imported", { file, count: result.entries.length, skipped: result.skipped.length }) + "\n");
    if (skippedLines.length) io.stderr(skippedLines.join("\n") + "\n");
  }
  return { entries: mergeLibraries(BUILTIN_ENTRIES, result.entries), import: result, file };
}

export class ImportFailure extends Error {}

/** An entry for JSON output: everything but the precomputed pinyin. */
export function publicEntry(e: LibraryEntry): Omit<LibraryEntry, "pinyin"> {
  const { pinyin: _pinyin, ...rest } = e;
  return rest;
}

// ---------------------------------------------------------------------------------------------
// The command

async function writeXlsx(entries: readonly LibraryEntry[], file: string, lang: Locale): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t(lang, "cli.library.sheetName"), { views: [{ state: "frozen", ySplit: 1 }] });
  for (const r of libraryToRows(entries)) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  const widths = [12, 12, 18, 28, 48, 10, 16, 10, 10, 22, 30, 30];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  await wb.xlsx.writeFile(file);
}

export const libraryCommand: Subcommand = async (argv, io) => {
  let parsed: ParsedOptions;
  try {
    parsed = parseOptions(argv, ["--format", "--import", "--out", "--lang"]);
    if (parsed.positional.length) throw new LibUsageError("cli.library.usage.unexpectedArg", { cmd: "library", arg: parsed.positional[0] });
    const out = parsed.opts.get("--out");
    if (out !== undefined && !/\.(xlsx|csv)$/i.test(out)) throw new LibUsageError("cli.library.usage.badOut", { value: out });
  } catch (e) {
    if (e instanceof LibUsageError) return usageFailure(e, argv, io);
    throw e;
  }
  const { opts } = parsed;
  const lang = (opts.get("--lang") ?? "zh-CN") as Locale;
  const format = opts.get("--format");
  const out = opts.get("--out");
  let lib: LoadedLibrary;
  try {
    lib = await loadLibrary(opts.get("--import"), lang, io);
  } catch (e) {
    if (e instanceof LibUsageError) return usageFailure(e, argv, io);
    if (e instanceof ImportFailure) {
      io.stderr(e.message + "\n");
      return 2;
    }
    throw e;
  }

  if (out !== undefined) {
    try {
      if (/\.csv$/i.test(out)) fs.writeFileSync(out, "\uFEFF" + toCsv(libraryToRows(lib.entries)));
      else await writeXlsx(lib.entries, out, lang);
    } catch (e) {
      io.stderr(t(lang, "cli.outFailed", { path: out, detail: errText(e) }) + "\n");
      return 2;
    }
    io.stderr(t(lang, "cli.library.exported", { count: lib.entries.length, path: out }) + "\n");
    if (format !== "json") return 0;
  }

  if (format === "json") {
    const body: Record<string, unknown> = { count: lib.entries.length, entries: lib.entries.map(publicEntry) };
    if (lib.import)
      body.import = {
        file: lib.file,
        imported: lib.import.entries.length,
        skipped: lib.import.skipped.map((s) => ({ ...s, message: t(lang, `cli.library.skip.${s.reason}`, { detail: s.detail }) })),
      };
    io.stdout(JSON.stringify(body, null, 2) + "\n");
    return 0;
  }
  const lines = [t(lang, "cli.library.listHeader", { count: lib.entries.length })];
  for (const e of lib.entries)
    lines.push(`${e.id}\t${e.level1}/${e.level2}\t${e.name}\t${e.unit ?? "—"}\t${e.typical || "—"}\t${e.types.join("、")}`);
  io.stdout(lines.join("\n") + "\n");
  return 0;
};
