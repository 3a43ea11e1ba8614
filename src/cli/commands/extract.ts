/**
 * `jixiao extract <workbook> --sheet S --range A1:B20 [--format json|xlsx] [--out new.xlsx] [--lang zh-CN|en]`
 * Converts prose indicators (a department's 分项绩效目标 written as sentences) in a range of a sheet
 * into one row per measure (src/core/extract/prose.ts). The workbook is read as `jixiao check` reads
 * it (src/cli/read: .xlsx, .xlsm, .xls, .et, .ods, .csv, under the same limits and with the same
 * messages for a file it refuses). JSON (default) prints
 * { "rows": [ { "source", "level1", "level2", "name", "value": { "raw", "op", "number", "unit" }, … } ] };
 * xlsx writes the standard table (src/core/extract/table.ts) to --out, a new file.
 */
import * as fs from "node:fs";
import ExcelJS from "exceljs";
import { parseBox } from "../../core/grid/a1";
import { extractProse } from "../../core/extract/prose";
import { STANDARD_WIDTHS, rowName, standardTable } from "../../core/extract/table";
import { blockText, reasonOf } from "../../core/extract/source";
import { builtinSearchIndex } from "../../core/library/builtin-index";
import { t, type Locale } from "../../core/messages";
import type { ProseRow } from "../../core/extract/prose";
import { failureMessage } from "../failure";
import { errText, readInput } from "../files";
import { DEFAULT_LIMITS } from "../read/limits";
import { ReadProblem } from "../read/problem";
import { readWorkbook } from "../read/workbook";
import type { Subcommand } from "./index";
import { LibUsageError, parseOptions, usageFailure } from "./library";

export const extractCommand: Subcommand = async (argv, io) => {
  let file: string;
  let sheet: string;
  let range: NonNullable<ReturnType<typeof parseBox>>;
  let format: "json" | "xlsx";
  let out: string | undefined;
  let lang: Locale;
  try {
    // --format takes xlsx here, which the shared option parser refuses: read it first.
    const at = argv.findIndex((a) => a === "--format" || a.startsWith("--format="));
    const formatArg = at < 0 ? undefined : argv[at].includes("=") ? argv[at].slice("--format=".length) : argv[at + 1];
    const rest = at < 0 ? argv : argv.filter((_, i) => i !== at && (argv[at].includes("=") || i !== at + 1));
    const { positional, opts } = parseOptions(rest, ["--sheet", "--range", "--out", "--lang"]);
    lang = (opts.get("--lang") ?? "zh-CN") as Locale;
    if (positional.length !== 1) throw new LibUsageError("cli.extract.usage.file");
    file = positional[0];
    const s = opts.get("--sheet");
    const r = opts.get("--range");
    if (s === undefined || r === undefined) throw new LibUsageError("cli.extract.usage.sheetRange");
    sheet = s;
    const box = parseBox(r);
    if (!box) throw new LibUsageError("cli.extract.usage.badRange", { value: r });
    range = box;
    const f = formatArg ?? "json";
    if (f !== "json" && f !== "xlsx") throw new LibUsageError("cli.extract.usage.badFormat", { value: f });
    format = f;
    out = opts.get("--out");
    if (format === "xlsx" && out === undefined) throw new LibUsageError("cli.extract.usage.out");
    if (out !== undefined && fs.existsSync(out)) throw new LibUsageError("cli.extract.usage.outExists", { file: out });
  } catch (e) {
    if (e instanceof LibUsageError) return usageFailure(e, argv, io);
    throw e;
  }
  const unreadable = (detail: string) => {
    io.stderr(`jixiao: ${t(lang, "cli.extract.unreadable", { file, detail })}\n`);
    return 2;
  };
  const input = readInput(file, DEFAULT_LIMITS.maxFileBytes);
  if ("failure" in input) return unreadable(failureMessage(input.failure, lang));
  let grids;
  try {
    grids = readWorkbook(input.buffer, file, DEFAULT_LIMITS).grids;
  } catch (e) {
    return unreadable(e instanceof ReadProblem ? failureMessage(e.failure, lang) : errText(e));
  }
  const grid = grids.find((g) => g.sheet === sheet);
  if (!grid) {
    io.stderr(`jixiao: ${t(lang, "cli.extract.noSheet", { sheet, sheets: grids.map((g) => g.sheet).join("、") })}\n`);
    return 2;
  }
  const rows = extractProse(blockText(grid, range), builtinSearchIndex()).flatMap((b) => b.rows);

  if (format === "json") {
    io.stdout(JSON.stringify({ rows: rows.map((r) => rowJson(r, lang)) }, null, 2) + "\n");
    return 0;
  }
  const table = standardTable(rows);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t(lang, "cli.extract.sheetName"));
  ws.columns = STANDARD_WIDTHS.map((width) => ({ width }));
  table.values.forEach((vals, i) => {
    vals.forEach((v, j) => {
      const cell = ws.getCell(i + 1, j + 1);
      if (v !== "") cell.value = v;
      cell.alignment = { wrapText: true, vertical: "middle" };
      if (i === 0) cell.font = { bold: true };
    });
  });
  for (const m of table.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  await wb.xlsx.writeFile(out!);
  io.stderr(t(lang, "cli.extract.written", { rows: rows.length, file: out! }) + "\n");
  return 0;
};

function rowJson(r: ProseRow, lang: Locale) {
  return {
    source: r.source,
    block: r.block,
    level1: r.level1,
    level2: r.level2,
    name: rowName(r),
    value: { raw: r.value.raw, op: r.value.op, number: r.value.number, unit: r.value.unit, text: r.value.text },
    period: r.period,
    reason: reasonOf(r.reason, lang),
  };
}
