import type { Rule } from "./types";
import { findPlaceholders } from "../value/placeholders";
import { magnitudeIsMoney } from "./utils/money";
import { isKnownUnit } from "../value/units";
import { canonicalLevel2 } from "../forms/categories";
import type { IndicatorRow } from "../model/schema";

/** A unit stated in brackets at the end of the name: "实施营造林总面积(亩)", "受益人数（人）". */
const NAME_UNIT_RE = /[(（]\s*([^()（）\d\s≥≤=<>*＊Xx×]{1,6})\s*[)）]\s*$/;

/** The unit the 三级 name states for its value, or null. */
export function unitInName(name: string): string | null {
  const m = NAME_UNIT_RE.exec(name);
  return m !== null && isKnownUnit(m[1]) ? m[1] : null;
}

/** Excel's serial numbers of the dates 2000-01-01 … 2099-12-31. */
const DATE_SERIAL_MIN = 36526;
const DATE_SERIAL_MAX = 73050;

/**
 * A 时效 value that is an integer in the range of Excel date serials (44561 = 2021-12-31): a date
 * typed into a number-formatted cell. time-weak reports it; it is not a count missing its unit.
 */
function isDateSerialInTimeRow(row: IndicatorRow): boolean {
  const n = row.value.number;
  if (n === null || !Number.isInteger(n) || n < DATE_SERIAL_MIN || n > DATE_SERIAL_MAX) return false;
  return (row.level2.canonical ?? canonicalLevel2(row.level2.raw)) === "时效指标";
}

/**
 * A number with no 计量单位 ("220", "≥180") cannot be read or scored: 220 what? (domain §b3, §b12).
 * Dates and periods are not concerned, nor template placeholders (placeholder-left). When the 三级 name
 * is a rate (…率) the message says so. A magnitude without a unit ("250万") is money in a cost row or
 * a money-counting row (unit-wording hints 万元); elsewhere the message says it read the magnitude.
 * A name that states the unit in brackets ("实施营造林总面积(亩)" 80000) gives the value its unit, and a
 * date serial in a 时效 row (44561) is a date, time-weak's.
 */
export const rule: Rule = {
  meta: {
    id: "unit-missing",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["missing", "missingRate", "magnitude"],
    sources: ["domain §b3", "domain §b12", "domain §g R3"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标不够细化、量化",
    groupable: true,
  },
  check(ctx) {
    const { table } = ctx;
    for (const row of table.indicators) {
      const v = row.value;
      if (v.kind !== "quantitative" || v.number === null || v.unit !== null) continue;
      if (v.date !== null || v.dateEnd !== null) continue;
      if (findPlaceholders(v.raw).length > 0) continue;
      const name = (row.name.value ?? "").trim();
      if (unitInName(name) !== null || isDateSerialInTimeRow(row)) continue;
      const cell = v.cell ?? row.name.cell;
      if (v.magnitude !== null) {
        if (magnitudeIsMoney(table, row)) continue;
        ctx.report({ messageId: "magnitude", cell, data: { raw: v.raw, name, magnitude: v.magnitude, reading: v.normalized ?? v.raw } });
      } else if (/率$/.test(name.replace(/[（(].*?[)）]/g, ""))) {
        ctx.report({ messageId: "missingRate", cell, data: { raw: v.raw, name, example: `${v.normalized ?? v.raw}%` } });
      } else {
        ctx.report({ messageId: "missing", cell, data: { raw: v.raw, name } });
      }
    }
  },
};
