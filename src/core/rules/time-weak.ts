import { toHalfWidth } from "../value/numbers";
import { isPercent, unitGroup } from "../value/units";
import type { ParsedValue } from "../value/types";
import type { Rule } from "./types";
import { clean } from "./utils/text";

/** A year written in the value: 2022年, 2022.12, 2022-12-31, 2022/12. */
const YEAR_RE = /(?:19|20)\d{2}\s*(?:年|[.\-/](?=\d))/;
/** A month or quarter without a year: 12月, ≤12月份, 12月底前, 第四季度, 四季度. */
const MONTH_RE = /(?:^|[^\d个])(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?!\d)|季度/;
/** Durations: 10个工作日, 3天, 48小时, 2周, 3个月. */
const DURATION_RE = /\d+(?:\.\d+)?\s*(?:个)?(?:工作日|天|日|小时|分钟|周|星期|个月)(?:内|以内)?/;
/** Words that name no point in time: 长期, 全年, 及时, 按时, 年内 …. */
const VAGUE_RE = /长期|全年|常年|持续|长效|及时|按时|按期|如期|适时|准时|年内|年度内|当年|本年|本年度|随时|尽快|定期|常态化/;

export type TimeKind = "ok" | "noYear" | "vague" | "noDate";

/**
 * Whether a 时效 target names a point in time, a period or a rate (domain §b11):
 * a concrete date (2022年12月31日前) or period (2023.07-2024.01), a rate (按时完成率 ≥95%), or a
 * duration (10个工作日) passes; a month or quarter without a year is "noYear"; 长期, 全年, 及时 … "vague";
 * anything else (a bare number, a count) "noDate".
 */
export function timeKind(v: ParsedValue): TimeKind {
  const raw = toHalfWidth(clean(v.raw));
  if (!raw) return "ok";
  const hasYear = (v.date !== null && v.date.year !== null) || YEAR_RE.test(raw);
  const periodWithYear = v.dateEnd !== null && v.dateEnd.year !== null;
  if (hasYear || periodWithYear) return /全年|年内|年度内|常年|长期|年度$/.test(raw) ? "vague" : "ok";
  if (isPercent(v)) return "ok";
  if (DURATION_RE.test(raw)) return "ok";
  if (MONTH_RE.test(raw) || (v.date !== null && v.date.month !== null)) return "noYear";
  if (v.kind === "quantitative" && unitGroup(v.unit) === "time" && v.unit !== "月" && v.unit !== "季度") return "ok";
  if (VAGUE_RE.test(raw) || v.kind === "qualitative") return "vague";
  return "noDate";
}

/**
 * 时效指标 targets without a date, period or rate (domain §b11, §g R13; seed §f24): "12月" and
 * "≤12月份" name no year, "长期" / "全年" / "及时" name no point in time, so the row cannot be checked
 * at year end. Reported on the value cell.
 */
export const rule: Rule = {
  meta: {
    id: "time-weak",
    type: "suggestion",
    defaultSeverity: "info",
    messageIds: ["noYear", "vague", "noDate"],
    sources: ["domain §b11", "domain §g R13", "domain §f24"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "hint",
    opinion: "指标不够细化、量化",
  },
  check(ctx) {
    const year = ctx.options.year ?? yearOfCode(ctx.table.projectCode.value);
    for (const row of ctx.table.indicators) {
      if (row.level2.canonical !== "时效指标") continue;
      if (row.value.kind === "empty") continue;
      const kind = timeKind(row.value);
      if (kind === "ok") continue;
      ctx.report({
        messageId: kind,
        cell: row.value.cell ?? row.name.cell,
        data: { name: clean(row.name.value), value: row.value.raw, example: exampleDate(year) },
      });
    }
  },
};

/** "2022年12月31日前" for the budget year; the year left to fill in when it is unknown. */
function exampleDate(year: number | null): string {
  return year === null ? "××××年12月31日前" : `${year}年12月31日前`;
}

/** Budget year from a project code (digits 7–8: 13102622P… → 2022), null when absent. */
function yearOfCode(code: string | null): number | null {
  const m = /^\d{6}(\d{2})[A-Z]/.exec((code ?? "").trim());
  return m ? 2000 + Number(m[1]) : null;
}
