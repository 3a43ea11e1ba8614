/**
 * `jixiao`: the command-line reviewer. Bundled by scripts/build-cli.mjs into lib/jixiao.js, which
 * bin/jixiao.js requires; running it runs `main` on process.argv.
 *
 *   jixiao check <workbook | folder>... [--format text|json] [--rules id,id] [--out path]
 *                [--lang zh-CN|en] [--severity id=off|error|warning|info,...] [--year 2022]
 *                [--library custom.xlsx|csv|json] [--group-by table|code] [--opinions 审核意见.xlsx]
 *                [--jobs N] [--timeout seconds] [--summary out.csv|out.json] [--max-size MiB]
 *   jixiao rules | --help | --version
 *
 * Exit: 0 no error-severity issue, 1 some, 2 a file could not be read or the usage is wrong.
 */
// First: starts the check worker while the modules below load (see prestart.ts).
import { WORKER_FILE } from "./prestart";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { version } from "../../package.json";
import { t, ruleText, type Locale } from "../core/messages";
import { ALL_RULES } from "../core/rules/registry";
import { parseArgs, sniffLang, UsageError, type CheckCommand } from "./args";
import { errText, expandInputs, WORKBOOK_RE } from "./files";
import { failedResult } from "./failure";
import type { LibraryEntry } from "../core/library/schema";
import { buildReportFromFiles, exitCodeFor, fileToReport, writeReportJson, type Report, type ReportFile } from "./report";
import { displayWidth, formatText, padEnd } from "./text";
import { outputPaths } from "./annotate";
import { dropSpareWorker, runPool, type CheckTask } from "./pool";
import { limitsWithMaxSize } from "./read/limits";

import type { Io } from "./io";
import { SUBCOMMANDS } from "./commands";
export type { Io } from "./io";

function defaultIo(): Io {
  const env = process.env;
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "";
  const color = force || (!!process.stdout.isTTY && (env.NO_COLOR === undefined || env.NO_COLOR === ""));
  return {
    stdout: (s) => void process.stdout.write(s),
    stdoutBytes: (b) => void process.stdout.write(b),
    stderr: (s) => void process.stderr.write(s),
    color,
    stderrIsTTY: !!process.stderr.isTTY,
  };
}

function usageError(e: UsageError, lang: Locale, io: Io): number {
  io.stderr(`jixiao: ${t(lang, `cli.usage.${e.key}`, e.data)}\n${t(lang, "cli.usageHint")}\n`);
  return 2;
}

function listRules(lang: Locale, format: "text" | "json", io: Io): number {
  const rows = [...ALL_RULES].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1)).map((r) => ({
    id: r.meta.id,
    severity: r.meta.defaultSeverity,
    type: r.meta.type,
    fixable: r.meta.fixable,
    title: ruleText(lang, r.meta.id).title,
    basis: ruleText(lang, r.meta.id).basis,
  }));
  if (format === "json") {
    io.stdout(JSON.stringify({ version: 1, rules: rows }, null, 2) + "\n");
    return 0;
  }
  const head = { id: t(lang, "cli.rulesColumns.id"), severity: t(lang, "cli.rulesColumns.severity"), title: t(lang, "cli.rulesColumns.title") };
  const idW = Math.max(displayWidth(head.id), ...rows.map((r) => r.id.length));
  const sevW = Math.max(displayWidth(head.severity), ...rows.map((r) => displayWidth(t(lang, `severity.${r.severity}`))));
  const lines = [`${padEnd(head.id, idW)}  ${padEnd(head.severity, sevW)}  ${head.title}`];
  for (const r of rows) {
    const fix = r.fixable ? (lang === "en" ? ` (${t(lang, "cli.fixable")})` : `（${t(lang, "cli.fixable")}）`) : "";
    lines.push(`${padEnd(r.id, idW)}  ${padEnd(t(lang, `severity.${r.severity}`), sevW)}  ${r.title}${fix}`);
  }
  io.stdout(lines.join("\n") + "\n");
  return 0;
}

/** The --summary file: one row per file (file, status, tables, errors, warnings, infos, reason). */
export function summaryText(report: Report, file: string): string {
  const rows = report.files.map((f) => ({
    file: f.file,
    status: f.error !== undefined ? "unreadable" : f.summary!.errors > 0 ? "errors" : "ok",
    tables: f.summary!.tables,
    errors: f.summary!.errors,
    warnings: f.summary!.warnings,
    infos: f.summary!.infos,
    reason: f.error ?? "",
  }));
  if (/\.json$/i.test(file)) return JSON.stringify(rows, null, 2) + "\n";
  const cell = (v: string | number) => (typeof v === "number" || !/[",\r\n]/.test(v) ? String(v) : `"${v.replace(/"/g, '""')}"`);
  const head = ["file", "status", "tables", "errors", "warnings", "infos", "reason"];
  const lines = [head.join(","), ...rows.map((r) => [r.file, r.status, r.tables, r.errors, r.warnings, r.infos, r.reason].map(cell).join(","))];
  // A BOM so that Excel opens the UTF-8 file with its Chinese names intact.
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** An annotated copy in a folder is always named .xlsx (a.xls → a.xlsx): it is written as one. */
function copyName(p: string): string {
  return !/\.xlsx$/i.test(p) && WORKBOOK_RE.test(p) ? p.replace(/\.[^./\\]+$/, ".xlsx") : p;
}

async function runCheck(cmd: CheckCommand, io: Io): Promise<number> {
  const lang = cmd.lang;
  let library: LibraryEntry[] | undefined;
  if (cmd.library !== null) {
    // Loaded only here: the library importer (and ExcelJS, for an .xlsx library) is not needed otherwise.
    const { ImportFailure, loadLibrary } = await import("./lazy");
    try {
      library = (await loadLibrary(cmd.library, lang, io)).entries;
    } catch (e) {
      if (!(e instanceof ImportFailure)) throw e;
      io.stderr(e.message + "\n");
      return 2;
    }
  }
  const entries = expandInputs(cmd.inputs);
  const limits = limitsWithMaxSize(cmd.maxSizeMiB);

  let outPaths: string[] | null = null;
  if (cmd.out !== null) {
    outPaths = outputPaths(cmd.out, cmd.inputs, entries, copyName).paths;
    for (let i = 0; i < entries.length; i++) {
      if (path.resolve(outPaths[i]) === path.resolve(entries[i].file))
        return usageError(new UsageError("outIsInput", { file: entries[i].file }), lang, io);
    }
  }

  const opinions = cmd.opinions;
  if (opinions !== null && entries.some((e) => path.resolve(e.file) === path.resolve(opinions)))
    return usageError(new UsageError("opinionsIsInput", { file: opinions }), lang, io);

  const files: ReportFile[] = new Array(entries.length);
  const tasks: CheckTask[] = [];
  // A custom library travels with each task; a worker builds its search index once (worker.ts).
  const config: CheckTask["config"] = {
    locale: lang,
    ...(cmd.rules ? { only: cmd.rules } : {}),
    ...(Object.keys(cmd.severity).length ? { severity: cmd.severity } : {}),
    ...(cmd.year !== null ? { options: { year: cmd.year } } : {}),
    ...(library && cmd.library !== null ? { library: { key: path.resolve(cmd.library), entries: library } } : {}),
  };
  // The workers write each file's JSON text when nothing here needs its tables and issues.
  const render = cmd.format === "json" && cmd.opinions === null ? ("json" as const) : undefined;
  for (let i = 0; i < entries.length; i++) {
    const failure = entries[i].failure;
    if (failure) files[i] = fileToReport(failedResult(entries[i].file, failure, lang));
    else tasks.push({ index: i, entry: entries[i], config, limits, out: outPaths ? outPaths[i] : null, ...(render ? { render } : {}) });
  }
  const texts: (Uint8Array | undefined)[] = new Array(entries.length);

  const started = Date.now();
  const progress = io.stderrIsTTY === true && tasks.length > 1;
  // Even a single file is checked in a worker: its time limit holds, and the worker's small young
  // generation (pool.ts) keeps the peak memory low.
  const done = await runPool(tasks, {
    jobs: cmd.jobs ?? defaultJobs(),
    timeoutMs: cmd.timeoutSec * 1000,
    workerFile: WORKER_FILE,
    failedFile: (task, failure) => fileToReport(failedResult(task.entry.file, failure, lang)),
    onDone: progress
      ? (n, total, task) => {
          const secs = ((Date.now() - started) / 1000).toFixed(1);
          io.stderr(`\r\x1b[K${t(lang, "cli.progress", { done: n, total, secs, file: task.entry.file })}`);
          if (n === total) io.stderr("\r\x1b[K");
        }
      : undefined,
  });

  let outFailed = false;
  for (const d of done) {
    files[d.index] = d.file;
    texts[d.index] = d.json;
    if (d.out?.ok) {
      const converted = d.out.format !== undefined && d.out.format !== "xlsx";
      io.stderr(
        (converted ? t(lang, "cli.outWrittenAsXlsx", { path: d.out.path, format: `.${d.out.format}` }) : t(lang, "cli.outWritten", { path: d.out.path })) + "\n",
      );
    } else if (d.out) {
      outFailed = true;
      io.stderr(t(lang, "cli.outFailed", { path: d.out.path, detail: d.out.detail ?? "" }) + "\n");
    }
  }
  if (cmd.format === "json") {
    // stdout stays pure JSON; the one-line reason also goes to stderr for people and logs.
    for (const f of files) if (f.error !== undefined) io.stderr(t(lang, "cli.fileError", { file: f.file, reason: f.error }) + "\n");
  }

  const report = buildReportFromFiles(files, lang);
  if (cmd.opinions !== null) {
    try {
      const { writeOpinions } = await import("./lazy"); // ExcelJS, only for --opinions
      const n = await writeOpinions(report, cmd.opinions, lang);
      io.stderr(t(lang, "cli.opinions.written", { n, path: cmd.opinions }) + "\n");
    } catch (e) {
      outFailed = true;
      io.stderr(t(lang, "cli.opinions.failed", { path: cmd.opinions, detail: errText(e) }) + "\n");
    }
  }
  if (cmd.format === "json") {
    const { stdout, stdoutBytes } = io;
    writeReportJson(report, (s) => (typeof s === "string" ? stdout(s) : stdoutBytes ? stdoutBytes(s) : stdout(Buffer.from(s).toString("utf8"))), texts);
  } else io.stdout(formatText(report, { locale: lang, color: io.color, groupBy: cmd.groupBy }));
  if (cmd.summary !== null) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(cmd.summary)), { recursive: true });
      fs.writeFileSync(cmd.summary, summaryText(report, cmd.summary));
    } catch (e) {
      io.stderr(t(lang, "cli.summaryFailed", { path: cmd.summary, detail: errText(e) }) + "\n");
      return 2;
    }
  }
  const code = exitCodeFor(report);
  return outFailed ? 2 : code;
}

function defaultJobs(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/** Runs the CLI on argv (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  const sub = argv[0] !== undefined ? SUBCOMMANDS[argv[0]] : undefined;
  if (sub && Object.hasOwn(SUBCOMMANDS, argv[0])) {
    // `plan --help` has a page of its own; the other subcommands' usage is in the general help.
    if (argv[0] !== "plan" && argv.slice(1).some((a) => a === "--help" || a === "-h")) {
      io.stdout(t(sniffLang(argv), "cli.help") + "\n");
      return 0;
    }
    return sub(argv.slice(1), io);
  }
  const ruleIds = ALL_RULES.map((r) => r.meta.id);
  let cmd;
  try {
    cmd = parseArgs(argv, ruleIds);
  } catch (e) {
    if (e instanceof UsageError) return usageError(e, sniffLang(argv), io);
    throw e;
  }
  switch (cmd.command) {
    case "help":
      io.stdout(t(cmd.lang, "cli.help") + "\n");
      return 0;
    case "version":
      io.stdout(`jixiao ${version}\n`);
      return 0;
    case "rules":
      return listRules(cmd.lang, cmd.format, io);
    case "check":
      return runCheck(cmd, io);
  }
}

process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    dropSpareWorker(); // a usage error or no file to check: the prestarted worker had nothing to do
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`jixiao: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
