/**
 * Money as cost rows write it: "≤20万元", "≤250万" (a magnitude in a cost row is 万元), "≤50万/月"
 * (per period), "≤200元/人" (per unit). Shared by cost-exceeds-budget, unit-missing and unit-wording
 * so the three read a value the same way.
 */
import type { IndicatorRow, ProjectTable } from "../../model/schema";
import { parseDate } from "../../value/parse";
import { stripMarker } from "../../value/placeholders";
import { canonicalUnit, toYuan, toYuanUpper } from "../../value/units";
import { isCostRow } from "./text";

/** Names that count money ("带动农户增收", "项目总投资", "人均补助标准"). */
const MONEY_NAME_RE = /元|资金|金额|经费|费用|成本|投资|收入|增收|产值|补助|补贴|奖补|奖励|支出|价格|单价|造价|税|利润|销售额|营业额|工资|报酬|租金|创收|节约|资产/;
/** Names that count something else, where "250万" is not money even in a 万元 table. */
const COUNT_NAME_RE = /人|户|次|数量|个数|面积|长度|里程|亩|公里|米|吨|率|床|册|件|场|株|头|只|套|台|辆/;

/**
 * Is a magnitude written without a unit ("250万") an amount of money in this row? Yes in a cost row, for
 * a name that counts money, and in a table whose money unit is 万元 unless the name counts something else.
 */
export function magnitudeIsMoney(table: ProjectTable, row: IndicatorRow): boolean {
  if (isCostRow(row)) return true;
  const name = stripMarker(row.name.value ?? "");
  if (MONEY_NAME_RE.test(name)) return true;
  return table.moneyUnit === "万元" && !COUNT_NAME_RE.test(name);
}

export interface MoneyAmount {
  /** Lower and upper amounts in 元 (equal for a single amount). */
  lo: number;
  hi: number;
  /** The amount as read, for messages: "250万元", "≤50万元/月". */
  reading: string;
  /** True when a bare magnitude ("250万") was read as money. */
  fromMagnitude: boolean;
}

const SCALE_NAME: Readonly<Record<string, string>> = { 千: "千元", 万: "万元", 亿: "亿元" };

/** The value's money amount in 元, reading a bare magnitude as money where the row says so; null if none. */
export function moneyAmount(table: ProjectTable, row: IndicatorRow): MoneyAmount | null {
  const v = row.value;
  if (v.kind !== "quantitative" || v.number === null) return null;
  const lo = toYuan(v);
  const hi = toYuanUpper(v);
  if (lo !== null && hi !== null) return { lo, hi: Math.max(lo, hi), reading: readingOf(v), fromMagnitude: false };
  if (v.unit === null && v.magnitude !== null && magnitudeIsMoney(table, row)) {
    const up = v.upper ?? v.number;
    return { lo: v.number, hi: Math.max(v.number, up), reading: magnitudeReading(v), fromMagnitude: true };
  }
  return null;
}

/** "≤250万" read as money: "≤250万元". */
export function magnitudeReading(v: IndicatorRow["value"]): string {
  const norm = v.normalized ?? v.raw;
  const name = v.magnitude !== null ? SCALE_NAME[v.magnitude] : undefined;
  if (name === undefined) return norm;
  return norm.endsWith(v.magnitude as string) ? `${norm}元` : norm;
}

function readingOf(v: IndicatorRow["value"]): string {
  return v.normalized ?? v.raw;
}

const MONEY_SCALE: Readonly<Record<string, number>> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };

export interface RateAmount {
  /** Amount per unit, in 元 (the upper end of a range). */
  perUnit: number;
  /** What it is per: a period ("月", "年" …) or a unit ("人", "公里" …); a second part ("人·月") too. */
  per: string[];
}

/** A money rate ("≤50万元/月", "200元/人·月", "≤30万元/公里"): amount in 元 per what; null otherwise. */
export function moneyRate(v: IndicatorRow["value"]): RateAmount | null {
  if (v.kind !== "quantitative" || v.number === null || v.unit === null) return null;
  const c = canonicalUnit(v.unit);
  if (c === null || !c.includes("/")) return null;
  const [num, den] = c.split("/");
  const scale = MONEY_SCALE[num];
  if (scale === undefined) return null;
  const n = Math.max(v.number, v.upper ?? v.number);
  return { perUnit: Math.round(n * scale * 1e6) / 1e6, per: den.split("·") };
}

/** How many of each period a month holds. */
const PER_MONTH: Readonly<Record<string, number>> = { 月: 1, 季度: 1 / 3, 年: 1 / 12, 周: 52 / 12, 日: 365 / 12, 天: 365 / 12 };

/** True when the unit is a period (月, 季度, 年, 周, 日, 天). */
export function isPeriod(per: string): boolean {
  return Object.prototype.hasOwnProperty.call(PER_MONTH, per);
}

/** The number of `per` periods in `months` months (12 months hold 12 月, 4 季度, 1 年). */
export function periodsIn(per: string, months: number): number {
  return months * PER_MONTH[per];
}

export interface ProjectPeriod {
  months: number;
  /** Where the period was read ("F15"), null when assumed (12 months). */
  cell: string | null;
  /** The period as written ("2024年3月-2024年12月"), null when assumed. */
  text: string | null;
}

/** Names of the row that states a project's 实施期. */
const PERIOD_NAME_RE = /实施期|实施周期|项目周期|建设期|建设周期|执行期|起止时间|实施时间|项目期限|完成时限|实施期限|服务期/;
/** A period written in free text ("实施期：2024年3月至2024年12月"). */
const PERIOD_TEXT_RE = /\d{4}年\d{1,2}月(?:\d{1,2}日)?\s*(?:-|－|—|–|~|～|至|到)+\s*(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末)?/;

/**
 * The project's implementation period in months: a row named 实施期/项目周期… (else a 时效 row on a
 * 时间/周期/期限) whose value is a period of months, else a period written in the 资金用途 or 绩效目标 text, else 12 months.
 */
export function projectPeriod(table: ProjectTable): ProjectPeriod {
  const named = table.indicators.filter((r) => PERIOD_NAME_RE.test(r.name.value ?? ""));
  const timed = table.indicators.filter((r) => r.level2.canonical === "时效指标" && /时间|周期|期限|时限/.test(r.name.value ?? ""));
  for (const row of [...named, ...timed]) {
    const m = monthsOf(row.value.date, row.value.dateEnd);
    if (m !== null) return { months: m, cell: row.value.cell, text: row.value.raw };
  }
  for (const field of [table.purpose, table.goal]) {
    const hit = PERIOD_TEXT_RE.exec(field.value ?? "");
    if (!hit) continue;
    const d = parseDate(hit[0].replace(/\s+/g, "").replace(/[－—–]+/g, "-").replace(/～/g, "~"));
    const m = d ? monthsOf(d.date, d.dateEnd) : null;
    if (m !== null) return { months: m, cell: field.cell, text: hit[0] };
  }
  return { months: 12, cell: null, text: null };
}

type DatePart = IndicatorRow["value"]["date"];

function monthsOf(a: DatePart, b: DatePart): number | null {
  if (a === null || b === null || a.month === null || b.month === null) return null;
  const years = a.year !== null && b.year !== null ? b.year - a.year : 0;
  const n = years * 12 + (b.month - a.month) + 1;
  return n >= 1 && n <= 120 ? n : null;
}
