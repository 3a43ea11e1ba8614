import type { Rule } from "./types";
import type { IndicatorRow } from "../model/schema";
import { canonicalLevel1, canonicalLevel2 } from "../forms/categories";
import { convertMoney } from "../value/numbers";
import { toYuan, toYuanUpper } from "../value/units";

const COST_LEVEL2 = new Set(["成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"]);

/** A cost row: 二级 成本指标 (88号, under 产出) or any row under the 一级 成本指标 (101号). */
export function isCostRow(row: IndicatorRow): boolean {
  const l1 = row.level1.canonical ?? canonicalLevel1(row.level1.raw);
  const l2 = row.level2.canonical ?? canonicalLevel2(row.level2.raw);
  return l1 === "成本指标" || (l2 !== null && COST_LEVEL2.has(l2));
}

/** 1234567.5 → "1,234,567.5" (at most two decimals). */
export function formatAmount(n: number): string {
  const [int, frac] = (Math.round(n * 100) / 100).toFixed(2).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const f = frac.replace(/0+$/, "");
  return f ? `${grouped}.${f}` : grouped;
}

/**
 * A cost indicator's amount must not exceed the project's 预算数 (domain §b7, §g R6; 适当性 §a5).
 * The table's money unit applies to 预算数, the value's own unit (元/万元/亿元) to the indicator; both
 * are compared in 元. Values without a money unit (元/人 unit costs, percentages, bare numbers) and
 * tables whose money unit is unknown are skipped. An amount equal to the budget passes.
 */
export const rule: Rule = {
  meta: {
    id: "cost-exceeds-budget",
    type: "problem",
    defaultSeverity: "error",
    messageIds: ["exceeds"],
    sources: ["domain §b7", "domain §g R6", "domain §a5 适当性", "S-VND"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "arithmetic",
    opinion: "指标与指标值不匹配",
  },
  check(ctx) {
    const { table } = ctx;
    const budget = table.budget.total.value;
    if (budget === null || table.moneyUnit === null) return;
    const budgetYuan = convertMoney(budget, table.moneyUnit, "元");
    for (const row of table.indicators) {
      if (!isCostRow(row)) continue;
      const lo = toYuan(row.value);
      const hi = toYuanUpper(row.value);
      if (lo === null || hi === null) continue;
      const amount = Math.max(lo, hi);
      if (amount <= budgetYuan + 0.005) continue;
      ctx.report({
        messageId: "exceeds",
        cell: row.value.cell ?? row.name.cell,
        data: {
          name: (row.name.value ?? "").trim(),
          raw: row.value.raw,
          amount: formatAmount(amount),
          budget:
            table.moneyUnit === "元"
              ? `${formatAmount(budget)}元`
              : `${formatAmount(budget)}${table.moneyUnit}（${formatAmount(budgetYuan)}元）`,
        },
      });
    }
  },
};
