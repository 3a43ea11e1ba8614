/**
 * `jixiao suggest "<text>" [--level1 …] [--level2 质量指标] [--type 会议] [--limit 10] [--project "<项目名称>"]
 *                 [--import file] [--format text|json] [--lang zh-CN|en]`
 * Looks the text up in the indicator library (Chinese, pinyin or initials) and prints the ranked
 * standard wordings. JSON: { "query", "results": [ { id, name, level1, level2, unit, typical, score } ] },
 * best first. --level1/--level2/--type filter; --project weighs the types inferred from a project name.
 *
 * `jixiao suggest --for <file.xlsx> [--table N] [--limit 5]` prints the context-first list of the
 * pane's 指标库 tab for the file's N-th table (default 1): the inferred project type with its reason,
 * then the groups (the categories the table lacks or fills only with process indicators, then other
 * entries of the type), each headed by its reason. JSON: { file, table, projectName, type, groups:
 * [ { reason, heading, type, entries: [ { id, name, level1, level2, unit, typical, source } ] } ] }.
 */
import { t, type Locale } from "../../core/messages";
import { canonicalLevel1, canonicalLevel2 } from "../../core/forms/categories";
import { canonicalProjectType, PROJECT_TYPES } from "../../core/library/project-types";
import { createSearchIndex, search } from "../../core/library/search";
import { contextGroupText, contextTypeText, reasonText } from "../../core/library/reasons";
import { tableContext } from "../../core/library/context";
import { provenanceView, type LibraryEntry } from "../../core/library/schema";
import { readTables } from "../../core/analyze";
import { failureMessage } from "../failure";
import { DEFAULT_LIMITS } from "../read/limits";
import { ReadProblem } from "../read/problem";
import { readWorkbook } from "../read/workbook";
import { errText, readInput } from "../files";
import type { Io } from "../io";
import type { Subcommand } from "./index";
import { ImportFailure, LibUsageError, loadLibrary, parseOptions, usageFailure } from "./library";

export const suggestCommand: Subcommand = async (argv, io) => {
  let query: string;
  let level1: string | null = null;
  let level2: string | null = null;
  let type: string | null = null;
  let limit = 10;
  let opts: Map<string, string>;
  let forFile: string | undefined;
  let tableText: string | undefined;
  try {
    const parsed = parseOptions(argv, ["--level1", "--level2", "--type", "--limit", "--format", "--lang", "--import", "--project", "--for", "--table"]);
    opts = parsed.opts;
    query = parsed.positional.join(" ").trim();
    forFile = opts.get("--for");
    tableText = opts.get("--table");
    if (tableText !== undefined && forFile === undefined) throw new LibUsageError("cli.library.usage.tableWithoutFor");
    if (forFile !== undefined && query) throw new LibUsageError("cli.library.usage.forWithQuery");
    if (!query && forFile === undefined) throw new LibUsageError("cli.library.usage.noQuery");
    const l1 = opts.get("--level1");
    if (l1 !== undefined && (level1 = canonicalLevel1(l1)) === null) throw new LibUsageError("cli.library.usage.badLevel", { value: l1 });
    const l2 = opts.get("--level2");
    if (l2 !== undefined && (level2 = canonicalLevel2(l2)) === null) throw new LibUsageError("cli.library.usage.badLevel", { value: l2 });
    const ty = opts.get("--type");
    if (ty !== undefined && (type = canonicalProjectType(ty)) === null)
      throw new LibUsageError("cli.library.usage.unknownType", { value: ty, valid: PROJECT_TYPES.map((p) => p.id).join("、") });
    const lim = opts.get("--limit");
    if (lim !== undefined) {
      if (!/^\d+$/.test(lim) || Number(lim) < 1) throw new LibUsageError("cli.library.usage.badLimit", { value: lim });
      limit = Number(lim);
    }
  } catch (e) {
    if (e instanceof LibUsageError) return usageFailure(e, argv, io);
    throw e;
  }
  const lang = (opts.get("--lang") ?? "zh-CN") as Locale;
  let entries;
  try {
    entries = (await loadLibrary(opts.get("--import"), lang, io, true)).entries;
  } catch (e) {
    if (e instanceof LibUsageError) return usageFailure(e, argv, io);
    if (e instanceof ImportFailure) {
      io.stderr(e.message + "\n");
      return 2;
    }
    throw e;
  }
  const index = createSearchIndex(entries);
  if (forFile !== undefined)
    return suggestForTable(index, forFile, tableText, opts.has("--limit") ? limit : 5, opts.get("--format") === "json", lang, io, argv);
  const project = opts.get("--project");
  const results = search(index, query, { level1, level2, type, limit, ...(project ? { context: { projectName: project } } : {}) });

  if (opts.get("--format") === "json") {
    const body = {
      query,
      results: results.map((r) => ({
        id: r.entry.id,
        name: r.entry.name,
        level1: r.entry.level1,
        level2: r.entry.level2,
        unit: r.entry.unit,
        typical: r.entry.typical,
        score: r.score,
      })),
    };
    io.stdout(JSON.stringify(body, null, 2) + "\n");
    return 0;
  }
  if (!results.length) {
    io.stdout(t(lang, "cli.library.noResults", { query }) + "\n");
    return 0;
  }
  const lines = [t(lang, "cli.library.results", { query, count: results.length })];
  results.forEach((r, i) => {
    lines.push(
      t(lang, "cli.library.resultLine", {
        n: i + 1,
        name: r.entry.name,
        level1: r.entry.level1,
        level2: r.entry.level2,
        unit: r.entry.unit ?? "—",
        typical: r.entry.typical || "—",
        score: r.score,
      }),
    );
    lines.push(t(lang, "cli.library.resultReason", { reason: reasonText(r.reasons, lang) }));
  });
  io.stdout(lines.join("\n") + "\n");
  return 0;
};

/** `suggest --for <file> --table N`: the context-first list for one table of a workbook. */
async function suggestForTable(
  index: ReturnType<typeof createSearchIndex>,
  file: string,
  tableText: string | undefined,
  perGroup: number,
  json: boolean,
  lang: Locale,
  io: Io,
  argv: readonly string[],
): Promise<number> {
  const input = readInput(file, DEFAULT_LIMITS.maxFileBytes);
  if ("failure" in input) {
    io.stderr(`${file}: ${failureMessage(input.failure, lang)}\n`);
    return 2;
  }
  let tables;
  try {
    tables = readWorkbook(input.buffer, file, DEFAULT_LIMITS).grids.flatMap(readTables);
  } catch (e) {
    const failure = e instanceof ReadProblem ? e.failure : { code: "corrupt" as const, detail: errText(e) };
    io.stderr(`${file}: ${failureMessage(failure, lang)}\n`);
    return 2;
  }
  if (!tables.length) return usageFailure(new LibUsageError("cli.library.usage.noTables", { file }), argv, io);
  const n = tableText === undefined ? 1 : Number(tableText);
  if (!/^\d+$/.test(tableText ?? "1") || n < 1 || n > tables.length)
    return usageFailure(new LibUsageError("cli.library.usage.badTable", { count: tables.length, value: tableText ?? "" }), argv, io);
  const table = tables[n - 1];
  const ctx = tableContext(index, table, { perGroup });
  const name = table.projectName.value ?? `${table.sheet}!${table.range}`;
  const entryJson = (e: LibraryEntry) => {
    const v = provenanceView(e.provenance);
    return { id: e.id, name: e.name, level1: e.level1, level2: e.level2, unit: e.unit, typical: e.typical, source: { level: v.kind, label: v.label, url: v.url } };
  };
  if (json) {
    const body = {
      file,
      table: n,
      projectName: table.projectName.value,
      type: ctx.type ? { type: ctx.type.type, hits: ctx.type.hits, reason: contextTypeText(ctx, lang) } : null,
      groups: ctx.groups.map((g) => ({ reason: g.reason, heading: contextGroupText(g, lang), type: g.type, entries: g.entries.map(entryJson) })),
    };
    io.stdout(JSON.stringify(body, null, 2) + "\n");
    return 0;
  }
  const lines = [t(lang, "cli.library.context.header", { name, table: n }), contextTypeText(ctx, lang)];
  if (!ctx.groups.length) lines.push(t(lang, "cli.library.context.none"));
  for (const g of ctx.groups) {
    lines.push("", contextGroupText(g, lang));
    g.entries.forEach((e, i) => {
      lines.push(t(lang, "cli.library.context.entryLine", { n: i + 1, name: e.name, level1: e.level1, level2: e.level2, typical: e.typical || "—", unit: e.unit ?? "—" }));
      const v = provenanceView(e.provenance);
      lines.push(t(lang, "cli.library.resultSource", { source: v.url ? `${v.label} ${v.url}` : v.label }));
    });
  }
  io.stdout(lines.join("\n") + "\n");
  return 0;
}
