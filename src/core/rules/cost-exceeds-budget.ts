import type { Rule } from "./types";
import type { IndicatorRow } from "../model/schema";
import { canonicalLevel1, canonicalLevel2 } from "../forms/categories";
import { convertMoney } from "../value/numbers";
import { canonicalUnit } from "../value/units";
import { isPeriod, moneyAmount, moneyRate, periodsIn, projectPeriod, type ProjectPeriod } from "./utils/money";

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

/** A unit cost × quantity is a clear contradiction only this far above the budget. */
const CLEAR_FACTOR = 1.5;

/**
 * A cost indicator's amount must not exceed the project's 预算数 (domain §b7, §g R6; 适当性 §a5).
 * The table's money unit applies to 预算数, the value's own unit (元/万元/亿元) to the indicator; both
 * are compared in 元. A magnitude in a cost row is money ("≤250万" is 250万元). A cost per period
 * ("≤50万元/月") is multiplied by the periods of the project's 实施期 (read from the table; 12 months
 * when none is written, which the message says and which caps the finding at warning). A unit cost
 * ("≤200元/人") times the one quantity row counted in the same unit is reported, as a warning, only when
 * it exceeds the budget by half again. Percentages, bare numbers and tables whose money unit is
 * unknown are skipped. An amount equal to the budget passes.
 */
export const rule: Rule = {
  meta: {
    id: "cost-exceeds-budget",
    type: "problem",
    defaultSeverity: "error",
    messageIds: ["exceeds", "perPeriod", "perPeriodAssumed", "unitTimesQuantity"],
    sources: ["domain §b7", "domain §g R6", "domain §a5 适当性", "S-VND"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "arithmetic",
    opinion: "指标与指标值不匹配",
    messagePolicy: { perPeriodAssumed: "review", unitTimesQuantity: "review" },
  },
  check(ctx) {
    const { table } = ctx;
    const budget = table.budget.total.value;
    // A 预算数 of 0 beside filled sources is budget-sum's finding; a cost cannot be checked against it.
    if (budget === null || budget <= 0 || table.moneyUnit === null) return;
    const budgetYuan = convertMoney(budget, table.moneyUnit, "元");
    const unit = table.moneyUnit;
    /** An amount in 元 written in the table's money unit, as the budget is: "6820万元（68,200,000元）" (万 amounts ungrouped, as written). */
    const inTableUnit = (yuan: number): string =>
      unit === "元"
        ? `${formatAmount(yuan)}元`
        : `${formatAmount(convertMoney(yuan, "元", unit)).replace(/,/g, "")}${unit}（${formatAmount(yuan)}元）`;
    const budgetText = inTableUnit(budgetYuan);
    let period: ProjectPeriod | null = null;
    for (const row of table.indicators) {
      if (!isCostRow(row)) continue;
      const name = (row.name.value ?? "").trim();
      const cell = row.value.cell ?? row.name.cell;
      const money = moneyAmount(table, row);
      if (money !== null) {
        if (money.hi <= budgetYuan + 0.005) continue;
        ctx.report({
          messageId: "exceeds",
          cell,
          data: { name, raw: row.value.raw, reading: money.reading, amount: formatAmount(money.hi), budget: budgetText },
        });
        continue;
      }
      const rate = moneyRate(row.value);
      if (rate === null) continue;
      if (isPeriod(rate.per[0]) && rate.per.length === 1) {
        period ??= projectPeriod(table);
        const n = periodsIn(rate.per[0], period.months);
        const total = rate.perUnit * Math.max(1, n);
        if (total <= budgetYuan + 0.005) continue;
        const data = {
          name,
          raw: row.value.raw,
          reading: row.value.normalized ?? row.value.raw,
          months: period.months,
          total: inTableUnit(total),
          budget: budgetText,
        };
        if (period.cell !== null) {
          ctx.report({ messageId: "perPeriod", cell, data: { ...data, period: period.text ?? "", periodCell: period.cell } });
        } else {
          ctx.report({ messageId: "perPeriodAssumed", cell, data });
        }
        continue;
      }
      const q = quantityFor(table.indicators, rate.per[0]);
      if (q === null) continue;
      let total = rate.perUnit * q.count;
      let months = 0;
      if (rate.per.length === 2 && isPeriod(rate.per[1])) {
        period ??= projectPeriod(table);
        months = period.months;
        total *= Math.max(1, periodsIn(rate.per[1], months));
      } else if (rate.per.length !== 1) continue;
      if (total <= budgetYuan * CLEAR_FACTOR) continue;
      ctx.report({
        messageId: "unitTimesQuantity",
        cell,
        data: {
          name,
          raw: row.value.raw,
          quantityName: q.name,
          quantity: q.raw,
          quantityCell: q.cell,
          months: months === 0 ? "—" : months,
          total: inTableUnit(total),
          budget: budgetText,
        },
      });
    }
  },
};

/** The one non-cost row counting `unit` with a lower bound or an exact number ("≥500人"); null when none or several differ. */
function quantityFor(rows: readonly IndicatorRow[], unit: string): { count: number; name: string; raw: string; cell: string } | null {
  const hits = rows.filter(
    (r) =>
      !isCostRow(r) &&
      r.value.kind === "quantitative" &&
      r.value.number !== null &&
      r.value.number > 0 &&
      canonicalUnit(r.value.unit) === unit &&
      r.value.op !== "≤" &&
      r.value.op !== "<",
  );
  if (hits.length === 0) return null;
  const n = hits[0].value.number as number;
  if (hits.some((h) => h.value.number !== n)) return null;
  const h = hits[0];
  return { count: n, name: (h.name.value ?? "").trim(), raw: h.value.raw, cell: h.value.cell ?? h.name.cell ?? "" };
}
