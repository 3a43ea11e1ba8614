/**
 * `jixiao plan`: prints the four cumulative spending-plan percentages (and amounts with --budget)
 * of a payment profile. Exit 0 when the plan is printed, 2 on a bad parameter.
 *
 *   jixiao plan --profile even|front|back|milestones|monthly|once [--start 1] [--end 12]
 *     [--milestones "2024-03:30,2024-09:60,2024-12:10"] [--monthly "a,b,…"] [--month 6] [--year 2024]
 *     [--budget 3000000] [--unit 元|万元] [--decimals 0|1] [--cross-year] [--recurring]
 *     [--floor-m6 50] [--format json|text] [--lang zh-CN|en]
 *
 * JSON: { m3, m6, m10, m12, money?: { m3, m6, m10, m12 }, … more fields }.
 */
import { t, type Locale } from "../../core/messages";
import type { MoneyUnit } from "../../core/model/schema";
import { PLAN_KEYS } from "../../core/model/plan-keys";
import { parseMoney, toHalfWidth, convertMoney } from "../../core/value/numbers";
import {
  PlanError,
  checkPlan,
  computePlan,
  planErrorText,
  profileFromParams,
  type PlanDecimals,
  type PlanIssue,
  type PlanProfile,
  type PlanResult,
} from "../../core/plan";
import { sniffLang } from "../args";
import type { Io } from "../io";
import { displayWidth, padEnd } from "../text";

const VALUE_OPTIONS = [
  "--profile",
  "--start",
  "--end",
  "--milestones",
  "--monthly",
  "--month",
  "--year",
  "--budget",
  "--unit",
  "--decimals",
  "--floor-m6",
  "--format",
  "--lang",
] as const;
const FLAG_OPTIONS = ["--cross-year", "--recurring", "--help", "-h"] as const;

type Usage = { key: string; data: Record<string, string | number> };
class PlanUsageError extends Error {
  constructor(readonly usage: Usage) {
    super(usage.key);
  }
}

export interface PlanCommand {
  lang: Locale;
  format: "text" | "json";
  help: boolean;
  profile: PlanProfile;
  decimals: PlanDecimals;
  crossYear: boolean;
  recurring: boolean;
  floorM6: number | null;
  budget: number | null;
  unit: MoneyUnit;
}

/** Parses the plan command's argv (after "plan"). Throws PlanUsageError or PlanError. */
export function parsePlanArgs(argv: readonly string[]): PlanCommand | { help: true; lang: Locale } {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("-") || a === "-") throw new PlanUsageError({ key: "cli.plan.errors.unexpectedArg", data: { arg: a } });
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    if ((FLAG_OPTIONS as readonly string[]).includes(name) && eq < 0) {
      flags.add(name === "-h" ? "--help" : name);
      continue;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) throw new PlanUsageError({ key: "cli.usage.unknownOption", data: { opt: name } });
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith("--") && value.length > 2)) throw new PlanUsageError({ key: "cli.usage.missingValue", data: { opt: name } });
      i++;
    }
    opts.set(name, value);
  }

  const langRaw = opts.get("--lang");
  if (langRaw !== undefined && langRaw !== "zh-CN" && langRaw !== "en") throw new PlanUsageError({ key: "cli.usage.badLang", data: { value: langRaw } });
  const lang: Locale = (langRaw as Locale | undefined) ?? "zh-CN";
  if (flags.has("--help")) return { help: true, lang };

  const formatRaw = opts.get("--format") ?? "text";
  if (formatRaw !== "text" && formatRaw !== "json") throw new PlanUsageError({ key: "cli.usage.badFormat", data: { value: formatRaw } });

  const decRaw = (opts.get("--decimals") ?? "0").trim();
  if (decRaw !== "0" && decRaw !== "1") throw new PlanError("badDecimals", { value: decRaw });

  const unitRaw = opts.get("--unit");
  let unit: MoneyUnit = "元";
  if (unitRaw !== undefined) {
    const u = unitRaw.trim();
    if (u === "元" || u.toLowerCase() === "yuan") unit = "元";
    else if (u === "万元" || u === "万" || u.toLowerCase() === "wanyuan") unit = "万元";
    else throw new PlanError("badUnit", { value: unitRaw });
  }

  let budget: number | null = null;
  const budgetRaw = opts.get("--budget");
  if (budgetRaw !== undefined) {
    const { amount, unit: written } = parseMoney(toHalfWidth(budgetRaw).trim());
    if (amount === null || !Number.isFinite(amount) || amount <= 0) throw new PlanError("badBudget", { value: budgetRaw });
    if (written && unitRaw === undefined) unit = written;
    budget = written && written !== unit ? convertMoney(amount, written, unit) : amount;
  }

  let floorM6: number | null = null;
  const floorRaw = opts.get("--floor-m6");
  if (floorRaw !== undefined) {
    const f = Number(toHalfWidth(floorRaw).trim().replace(/%$/, ""));
    if (floorRaw.trim() === "" || !Number.isFinite(f) || f < 0 || f > 100) throw new PlanError("badFloor", { value: floorRaw });
    floorM6 = f;
  }

  const profile = profileFromParams({
    profile: opts.get("--profile"),
    start: opts.get("--start"),
    end: opts.get("--end"),
    milestones: opts.get("--milestones"),
    monthly: opts.get("--monthly"),
    month: opts.get("--month"),
    year: opts.get("--year"),
  });

  return {
    lang,
    format: formatRaw,
    help: false,
    profile,
    decimals: Number(decRaw) as PlanDecimals,
    crossYear: flags.has("--cross-year"),
    recurring: flags.has("--recurring"),
    floorM6,
    budget,
    unit,
  };
}

/** Money as text: thousands separators, 2 decimals for 元, 4 for 万元. */
export function formatMoney(n: number, unit: MoneyUnit): string {
  const s = n.toFixed(unit === "元" ? 2 : 4);
  const [int, frac] = s.split(".");
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

function monthText(lang: Locale, m: number): string {
  return m <= 12 ? t(lang, "cli.plan.month", { m }) : t(lang, "cli.plan.nextYearMonth", { m: m - 12 });
}

/** A short description of the profile's parameters, e.g. "1月至12月". */
export function profileDetail(lang: Locale, p: PlanProfile): string {
  switch (p.kind) {
    case "even":
    case "front":
    case "back":
      return t(lang, "cli.plan.span", { from: monthText(lang, p.start), to: monthText(lang, p.end) });
    case "once":
      return t(lang, "cli.plan.onceAt", { month: monthText(lang, p.month) });
    case "monthly":
      return t(lang, "cli.plan.twelveMonths");
    case "milestones":
      return p.milestones
        .map((m) => `${m.year !== null ? `${m.year}-` : ""}${String(m.month).padStart(2, "0")}:${m.value}${m.unit === "%" ? "%" : m.unit}`)
        .join(", ");
  }
}

const pct = (n: number) => `${n}%`;

function renderText(lang: Locale, cmd: PlanCommand, r: PlanResult, issues: PlanIssue[]): string {
  const lines: string[] = [];
  lines.push(t(lang, "cli.plan.title", { profile: t(lang, `cli.plan.profiles.${cmd.profile.kind}`), detail: profileDetail(lang, cmd.profile) }));
  if (r.money) lines.push(t(lang, "cli.plan.budget", { budget: formatMoney(r.money.budget, r.money.unit), unit: r.money.unit }));
  const head = [t(lang, "cli.plan.columns.checkpoint"), t(lang, "cli.plan.columns.percent"), t(lang, "cli.plan.columns.exact")];
  if (r.money) head.push(t(lang, "cli.plan.columns.money", { unit: r.money.unit }));
  const rows = PLAN_KEYS.map((k) => {
    const row = [t(lang, `cli.plan.labels.${k}`), pct(r.values[k]), pct(Math.round(r.exact[k] * 100) / 100)];
    if (r.money) row.push(formatMoney(r.money.values[k], r.money.unit));
    return row;
  });
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i]))));
  const fmtRow = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? padEnd(c, widths[i]) : " ".repeat(widths[i] - displayWidth(c)) + c))
      .join("  ")
      .trimEnd();
  lines.push(fmtRow(head));
  for (const row of rows) lines.push(fmtRow(row));
  lines.push(t(lang, "cli.plan.series") + r.series.map((v, i) => `${monthText(lang, i + 1)} ${v}`).join(lang === "en" ? ", " : "，"));
  if (r.crossYear) lines.push(t(lang, "cli.plan.crossYear", { value: pct(r.values.m12) }));
  for (const n of r.notes) lines.push(t(lang, `cli.plan.notes.${n.key}`, n.data));
  if (issues.length === 0) lines.push(t(lang, "cli.plan.checks") + t(lang, "cli.plan.noIssues"));
  else {
    lines.push(t(lang, "cli.plan.checks"));
    for (const i of issues) lines.push(`  ${t(lang, `severity.${i.severity}`)}  ${i.message}`);
  }
  return lines.join("\n") + "\n";
}

/** The JSON output: the contract fields first (m3, m6, m10, m12, money), then details. */
export function planJson(cmd: PlanCommand, r: PlanResult, issues: PlanIssue[]): Record<string, unknown> {
  return {
    m3: r.values.m3,
    m6: r.values.m6,
    m10: r.values.m10,
    m12: r.values.m12,
    ...(r.money ? { money: { ...r.money.values } } : {}),
    profile: cmd.profile,
    decimals: r.decimals,
    crossYear: r.crossYear,
    exact: r.exact,
    series: r.series,
    before: r.before,
    after: r.after,
    ...(r.money
      ? { moneyUnit: r.money.unit, budget: r.money.budget, moneyExact: r.money.exact, moneySeries: r.money.series }
      : {}),
    notes: r.notes,
    issues: issues.map((i) => ({ rule: i.rule, severity: i.severity, messageId: i.messageId, key: i.key, message: i.message })),
  };
}

export async function planCommand(argv: readonly string[], io: Io): Promise<number> {
  let lang = sniffLang(argv);
  try {
    const cmd = parsePlanArgs(argv);
    lang = cmd.lang;
    if (cmd.help) {
      io.stdout(t(lang, "cli.plan.help") + "\n");
      return 0;
    }
    const result = computePlan(cmd.profile, {
      decimals: cmd.decimals,
      crossYear: cmd.crossYear,
      budget: cmd.budget,
      unit: cmd.unit,
    });
    const issues = checkPlan(result.values, {
      crossYear: cmd.crossYear,
      recurring: cmd.recurring,
      ...(cmd.floorM6 !== null ? { floorM6: cmd.floorM6 } : {}),
      locale: lang,
    });
    if (cmd.format === "json") io.stdout(JSON.stringify(planJson(cmd, result, issues), null, 2) + "\n");
    else io.stdout(renderText(lang, cmd, result, issues));
    return 0;
  } catch (e) {
    if (e instanceof PlanUsageError) {
      io.stderr(`jixiao plan: ${t(lang, e.usage.key, e.usage.data)}\n${t(lang, "cli.usageHint")}\n`);
      return 2;
    }
    if (e instanceof PlanError) {
      io.stderr(`jixiao plan: ${planErrorText(lang, e)}\n`);
      return 2;
    }
    throw e;
  }
}
