import type { Rule } from "./types";
import type { IndicatorRow } from "../model/schema";
import type { Operator } from "../value/types";
import { isCostRow } from "./cost-exceeds-budget";
import { unitInName } from "./unit-missing";

/** Rates where a lower value is better (反向): 故障率, 投诉率, 超支率 … (domain §b2) [I]. */
export const NEGATIVE = /故障|事故|投诉|超支|差错|失误|违规|违法|不合格|逾期|延误|返工|发生率|误差|损失|死亡|伤亡|能耗|空置|闲置|流失|辍学|超标|偏差/;

/** The operator a quantitative target of this row most likely wants (domain §b2) [I]. */
export function likelyOperator(row: IndicatorRow): Operator {
  const v = row.value;
  if (isCostRow(row)) return "≤";
  const name = row.name.value ?? "";
  if (NEGATIVE.test(name)) return "≤";
  if (v.unit === "%" && v.number === 100) return "=";
  return "≥";
}

/**
 * A quantitative target without an operator ("100%", "300万元", "220人"): write ≥, ≤ or = so the
 * direction of the target (and its self-evaluation scoring) is explicit (domain §b2, §f 19, §f 25).
 * Dates and periods, ranges and qualitative values are not concerned; nor is a bare number without
 * a unit ("3", "2100"): what it counts is unknown, and unit-missing reports it (one cause, one finding).
 * A unit the name states in brackets ("实施营造林总面积(亩)" 80000) is the value's unit.
 */
export const rule: Rule = {
  meta: {
    id: "operator-missing",
    type: "suggestion",
    defaultSeverity: "warning",
    messageIds: ["missing"],
    sources: ["domain §b2", "domain §f 19", "domain §f 25", "S-VND"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标不够细化、量化",
    groupable: true,
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      const v = row.value;
      if (v.kind !== "quantitative" || v.op !== null || v.number === null) continue;
      if (v.date !== null || v.dateEnd !== null || v.upper !== null) continue;
      if (v.unit === null && v.magnitude === null && unitInName((row.name.value ?? "").trim()) === null) continue;
      const op = likelyOperator(row);
      ctx.report({
        messageId: "missing",
        cell: v.cell ?? row.name.cell,
        data: { raw: v.raw, example: `${op}${v.normalized ?? v.raw}` },
      });
    }
  },
};
