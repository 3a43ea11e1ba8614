import type { Rule } from "./types";
import type { IndicatorRow } from "../model/schema";
import { findPlaceholders } from "../value/placeholders";
import { isCostRow } from "./utils/text";
import { moneyAmount, moneyRate } from "./utils/money";
import { isPercent } from "../value/units";
import { processKind } from "./process-indicator";

/** Words of a value that speaks of the budget instead of stating an amount. */
const BUDGET_WORDS = /预算|成本|资金|经费|标准|合理|节约|不超|控制/;

/**
 * Does a cost row state no amount ("控制在预算内", "不超预算", "合理", "按标准执行")? An economic cost
 * (88号 成本指标, 101号 经济成本指标 or a cost row of unknown kind) must state one; a social or ecological
 * cost may be described, and is concerned only when its value speaks of the budget. A dash or 无 is an
 * amount (zero); placeholders are left to placeholder-left, numbers to the value rules.
 */
export function costAmountMissing(row: IndicatorRow): boolean {
  if (!isCostRow(row)) return false;
  const v = row.value;
  if (v.kind === "empty" || findPlaceholders(v.raw).length > 0) return false;
  if (v.kind === "qualitative" && v.grade === "无") return false;
  if (v.kind === "quantitative" || /\d/.test(v.raw)) return false;
  const l2 = row.level2.canonical;
  if (l2 === "社会成本指标" || l2 === "生态环境成本指标") return BUDGET_WORDS.test(v.raw) && /预算/.test(v.raw);
  return true;
}

/** An economic cost row (88号 成本指标, 101号 经济成本指标, or a cost row of unknown kind). */
function isEconomicCost(row: IndicatorRow): boolean {
  const l2 = row.level2.canonical;
  return isCostRow(row) && l2 !== "社会成本指标" && l2 !== "生态环境成本指标";
}

/**
 * A cost indicator must state an amount it can be checked against: a total ("≤20万元") or a unit cost
 * ("≤500元/人") (domain §b7; 101号 成本指标 反映预算成本控制). "控制在预算内" says nothing a reviewer
 * or the self-evaluation can check (noAmount). A cost rate ("成本节约率 ≥5%") may stand beside an
 * amount; when no economic cost row of the table states any amount, each one valued only by a
 * percentage ("成本控制率 100%", "资金使用效率 =100%") is reported too (rateOnly), unless its name is a
 * fund-management measure ("年度预算执行率 ≥90%"): that row is no cost at all, process-indicator's.
 */
export const rule: Rule = {
  meta: {
    id: "cost-amount-missing",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["noAmount", "rateOnly"],
    sources: ["domain §b7", "101号 成本指标"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标与指标值不匹配",
  },
  check(ctx) {
    const { table } = ctx;
    const economic = table.indicators.filter(isEconomicCost);
    const anyAmount = economic.some((r) => moneyAmount(table, r) !== null || moneyRate(r.value) !== null);
    for (const row of table.indicators) {
      const data = { name: (row.name.value ?? "").trim() || "—", raw: row.value.raw };
      const cell = row.value.cell ?? row.name.cell;
      if (costAmountMissing(row)) ctx.report({ messageId: "noAmount", cell, data });
      else if (!anyAmount && isEconomicCost(row) && row.value.kind === "quantitative" && isPercent(row.value) && processKind(row.name.value) === null)
        ctx.report({ messageId: "rateOnly", cell, data });
    }
  },
};
