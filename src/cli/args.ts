/**
 * Command-line parsing for `jixiao`. Pure: takes argv (without node and script) and the valid rule
 * ids, returns a command or throws UsageError (rendered by main in the chosen language, exit 2).
 */
import type { Severity } from "../core/model/schema";
import { SEVERITIES } from "../core/model/severity";
import type { Locale } from "../core/messages";

export type OutputFormat = "text" | "json";
export type SeverityLevel = Severity | "off";

export interface CheckCommand {
  command: "check";
  inputs: string[];
  format: OutputFormat;
  /** --rules: only these rule ids (null = all). */
  rules: string[] | null;
  /** --severity overrides. */
  severity: Record<string, SeverityLevel>;
  out: string | null;
  lang: Locale;
  year: number | null;
  /** --library: a custom indicator library (.xlsx/.csv/.json) merged over the built-in one. */
  library: string | null;
  /** --group-by: findings of the text report under their table (default) or their opinion code. */
  groupBy: "table" | "code";
  /** --opinions: where to write the reviewers' opinion workbook (one row per finding), or null. */
  opinions: string | null;
  /** --jobs: worker threads (null = one per core). */
  jobs: number | null;
  /** --timeout: per-file time limit in seconds (0 = none). */
  timeoutSec: number;
  /** --summary: a .csv or .json file with one row per checked file. */
  summary: string | null;
  /** --max-size: the per-file size cap in MiB (null = the default). */
  maxSizeMiB: number | null;
}

/** The per-file time limit when --timeout is not given. */
export const DEFAULT_TIMEOUT_SEC = 120;

export type Command =
  | { command: "help"; lang: Locale }
  | { command: "version"; lang: Locale }
  | { command: "rules"; lang: Locale; format: OutputFormat }
  | CheckCommand;

/** A usage mistake: a catalog key under cli.usage and its placeholder data. */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly data: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(data)}`);
  }
}

const LOCALES: readonly Locale[] = ["zh-CN", "en"];
const LEVELS: readonly SeverityLevel[] = [...SEVERITIES, "off"];
const VALUE_OPTIONS = new Set([
  "--format",
  "--rules",
  "--out",
  "--lang",
  "--severity",
  "--year",
  "--library",
  "--group-by",
  "--opinions",
  "--jobs",
  "--timeout",
  "--summary",
  "--max-size",
]);

/** Finds --lang early so that even a usage error can be reported in the requested language. */
export function sniffLang(argv: readonly string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v !== undefined && (LOCALES as readonly string[]).includes(v)) return v as Locale;
  }
  return "zh-CN";
}

function splitList(v: string): string[] {
  return v
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseArgs(argv: readonly string[], ruleIds: readonly string[]): Command {
  const positional: string[] = [];
  const opts = new Map<string, string>();
  const severityItems: string[] = [];
  const ruleItems: string[] = [];
  let help = false;
  let version = false;
  let onlyPositional = false;

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositional || !a.startsWith("-") || a === "-") {
      positional.push(a);
      continue;
    }
    if (a === "--") {
      onlyPositional = true;
      continue;
    }
    if (a === "--help" || a === "-h") {
      help = true;
      continue;
    }
    if (a === "--version" || a === "-v" || a === "-V") {
      version = true;
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!VALUE_OPTIONS.has(name)) throw new UsageError("unknownOption", { opt: name });
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith("--") && value.length > 2)) throw new UsageError("missingValue", { opt: name });
      i++;
    }
    if (name === "--severity") severityItems.push(...splitList(value));
    else if (name === "--rules") ruleItems.push(...splitList(value));
    else opts.set(name, value);
  }

  const langRaw = opts.get("--lang");
  if (langRaw !== undefined && !(LOCALES as readonly string[]).includes(langRaw))
    throw new UsageError("badLang", { value: langRaw });
  const lang = (langRaw ?? "zh-CN") as Locale;

  const formatRaw = opts.get("--format") ?? "text";
  if (formatRaw !== "text" && formatRaw !== "json") throw new UsageError("badFormat", { value: formatRaw });
  const format: OutputFormat = formatRaw;

  if (help) return { command: "help", lang };
  if (version) return { command: "version", lang };

  const [cmd, ...inputs] = positional;
  if (cmd === undefined || cmd === "help") return { command: "help", lang };
  if (cmd === "rules") return { command: "rules", lang, format };
  if (cmd !== "check") throw new UsageError("unknownCommand", { cmd });

  const valid = new Set(ruleIds);
  const unknown = (ids: string[]) => {
    const bad = ids.filter((id) => !valid.has(id));
    if (bad.length) throw new UsageError("unknownRule", { ids: bad.join(", "), valid: [...ruleIds].sort().join(", ") });
  };

  let rules: string[] | null = null;
  if (opts.has("--rules") || ruleItems.length) {
    unknown(ruleItems);
    rules = [...new Set(ruleItems)];
  }

  const severity: Record<string, SeverityLevel> = {};
  for (const item of severityItems) {
    const m = /^([\w-]+)\s*[=:]\s*(\w+)$/.exec(item);
    if (!m || !(LEVELS as readonly string[]).includes(m[2].toLowerCase())) throw new UsageError("badSeverity", { item });
    unknown([m[1]]);
    severity[m[1]] = m[2].toLowerCase() as SeverityLevel;
  }

  let year: number | null = null;
  const yearRaw = opts.get("--year");
  if (yearRaw !== undefined) {
    if (!/^\d{4}$/.test(yearRaw) || Number(yearRaw) < 1990 || Number(yearRaw) > 2100)
      throw new UsageError("badYear", { value: yearRaw });
    year = Number(yearRaw);
  }

  const library = opts.get("--library") ?? null;
  if (library !== null && !/\.(xlsx|xlsm|xls|et|ods|csv|json)$/i.test(library)) throw new UsageError("badLibrary", { value: library });
  const groupByRaw = opts.get("--group-by") ?? "table";
  if (groupByRaw !== "table" && groupByRaw !== "code") throw new UsageError("badGroupBy", { value: groupByRaw });
  const opinions = opts.get("--opinions") ?? null;
  if (opinions !== null && !/\.xlsx$/i.test(opinions)) throw new UsageError("badOpinions", { value: opinions });

  const jobsRaw = opts.get("--jobs");
  if (jobsRaw !== undefined && (!/^\d{1,3}$/.test(jobsRaw) || Number(jobsRaw) < 1)) throw new UsageError("badJobs", { value: jobsRaw });
  const timeoutRaw = opts.get("--timeout");
  if (timeoutRaw !== undefined && !/^\d{1,6}(\.\d+)?$/.test(timeoutRaw)) throw new UsageError("badTimeout", { value: timeoutRaw });
  const summary = opts.get("--summary") ?? null;
  if (summary !== null && !/\.(csv|json)$/i.test(summary)) throw new UsageError("badSummary", { value: summary });
  const maxRaw = opts.get("--max-size");
  if (maxRaw !== undefined && (!/^\d{1,5}(\.\d+)?$/.test(maxRaw) || Number(maxRaw) <= 0)) throw new UsageError("badMaxSize", { value: maxRaw });


  if (inputs.length === 0) throw new UsageError("noInputs");
  return {
    command: "check",
    inputs,
    format,
    rules,
    severity,
    out: opts.get("--out") ?? null,
    lang,
    year,
    library,
    groupBy: groupByRaw,
    opinions,
    jobs: jobsRaw === undefined ? null : Number(jobsRaw),
    timeoutSec: timeoutRaw === undefined ? DEFAULT_TIMEOUT_SEC : Number(timeoutRaw),
    summary,
    maxSizeMiB: maxRaw === undefined ? null : Number(maxRaw),
  };
}
