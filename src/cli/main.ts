/**
 * `jixiao`: the command-line reviewer. Bundled by scripts/build-cli.mjs into lib/jixiao.js, which
 * bin/jixiao.js requires; running it runs `main` on process.argv.
 *
 *   jixiao check <file.xlsx | folder>... [--format text|json] [--rules id,id] [--out path]
 *                [--lang zh-CN|en] [--severity id=off|error|warning|info,...] [--year 2022]
 *                [--library custom.xlsx|csv|json] [--group-by table|code] [--opinions 审核意见.xlsx]
 *   jixiao rules | --help | --version
 *
 * Exit: 0 no error-severity issue, 1 some, 2 a file could not be read or the usage is wrong.
 */
import * as path from "node:path";
import { version } from "../../package.json";
import { t, ruleText, type Locale } from "../core/messages";
import { ALL_RULES } from "../core/rules/registry";
import type { RunConfig } from "../core/rules/engine";
import { parseArgs, sniffLang, UsageError, type CheckCommand } from "./args";
import { errText, expandInputs } from "./files";
import { checkEntry, withLibrary } from "./check";
import { ImportFailure, loadLibrary } from "./commands/library";
import type { LibraryEntry } from "../core/library/schema";
import { buildReport, exitCodeFor, type FileResult } from "./report";
import { displayWidth, formatText, padEnd } from "./text";
import { annotateWorkbook, outputPaths, writeWorkbook } from "./annotate";
import { writeOpinions } from "./opinions";

import type { Io } from "./io";
import { SUBCOMMANDS } from "./commands";
export type { Io } from "./io";

function defaultIo(): Io {
  const env = process.env;
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "";
  const color = force || (!!process.stdout.isTTY && (env.NO_COLOR === undefined || env.NO_COLOR === ""));
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    color,
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

async function runCheck(cmd: CheckCommand, io: Io): Promise<number> {
  const lang = cmd.lang;
  let library: LibraryEntry[] | undefined;
  if (cmd.library !== null) {
    try {
      library = (await loadLibrary(cmd.library, lang, io)).entries;
    } catch (e) {
      if (!(e instanceof ImportFailure)) throw e;
      io.stderr(e.message + "\n");
      return 2;
    }
  }
  // The library index is built once here, not per file.
  const config: RunConfig = withLibrary(
    {
      locale: lang,
      ...(cmd.rules ? { only: cmd.rules } : {}),
      ...(Object.keys(cmd.severity).length ? { severity: cmd.severity } : {}),
      ...(cmd.year !== null ? { options: { year: cmd.year } } : {}),
    },
    library,
  );
  const entries = expandInputs(cmd.inputs);

  let outPaths: string[] | null = null;
  if (cmd.out !== null) {
    outPaths = outputPaths(cmd.out, cmd.inputs, entries).paths;
    for (let i = 0; i < entries.length; i++) {
      if (path.resolve(outPaths[i]) === path.resolve(entries[i].file))
        return usageError(new UsageError("outIsInput", { file: entries[i].file }), lang, io);
    }
  }

  const opinions = cmd.opinions;
  if (opinions !== null && entries.some((e) => path.resolve(e.file) === path.resolve(opinions)))
    return usageError(new UsageError("opinionsIsInput", { file: opinions }), lang, io);

  const results: FileResult[] = [];
  let outFailed = false;
  for (let i = 0; i < entries.length; i++) {
    const checked = await checkEntry(entries[i], config);
    results.push(checked.result);
    if (checked.result.error && cmd.format === "json") {
      // stdout stays pure JSON; the one-line reason also goes to stderr for people and logs.
      io.stderr(t(lang, "cli.fileError", { file: checked.result.file, reason: checked.result.error.message }) + "\n");
    }
    if (outPaths && checked.workbook) {
      const target = outPaths[i];
      try {
        annotateWorkbook(checked.workbook, checked.result.issues, lang);
        await writeWorkbook(checked.workbook, target);
        io.stderr(t(lang, "cli.outWritten", { path: target }) + "\n");
      } catch (e) {
        outFailed = true;
        io.stderr(t(lang, "cli.outFailed", { path: target, detail: errText(e) }) + "\n");
      }
    }
  }

  const report = buildReport(results, lang);
  if (cmd.opinions !== null) {
    try {
      const n = await writeOpinions(report, cmd.opinions, lang);
      io.stderr(t(lang, "cli.opinions.written", { n, path: cmd.opinions }) + "\n");
    } catch (e) {
      outFailed = true;
      io.stderr(t(lang, "cli.opinions.failed", { path: cmd.opinions, detail: errText(e) }) + "\n");
    }
  }
  if (cmd.format === "json") io.stdout(JSON.stringify(report, null, 2) + "\n");
  else io.stdout(formatText(report, { locale: lang, color: io.color, groupBy: cmd.groupBy }));
  const code = exitCodeFor(report);
  return outFailed ? 2 : code;
}

/** Runs the CLI on argv (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  const sub = argv[0] !== undefined ? SUBCOMMANDS[argv[0]] : undefined;
  if (sub && Object.hasOwn(SUBCOMMANDS, argv[0])) return sub(argv.slice(1), io);
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
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`jixiao: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
