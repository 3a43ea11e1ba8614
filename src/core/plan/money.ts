/**
 * The plan in money: the budget (预算数, in the table's unit) times the cumulative share, rounded to
 * 分 (0.01 元) or to 0.0001 万元, half up, in exact integer arithmetic. The 12月 amount equals the
 * budget exactly when the plan ends at 100%.
 */
import type { MoneyUnit } from "../model/schema";
import { PLAN_KEYS } from "../model/plan-keys";
import { CHECKPOINT_MONTH, type PlanMoney, type PlanValues } from "./types";

/** Decimal places of money amounts in each unit. */
export const MONEY_SCALE: Readonly<Record<MoneyUnit, number>> = Object.freeze({ 元: 2, 万元: 4 });

/** budget × num / den, in units of 10^-scale, half up (all arguments non-negative). */
function mulDiv(budgetUnits: bigint, num: bigint, den: bigint): bigint {
  return (2n * budgetUnits * num + den) / (2n * den);
}

function toUnits(amount: number, scale: number): bigint {
  return BigInt(Math.round(amount * 10 ** scale));
}

function fromUnits(u: bigint, scale: number): number {
  return Number(u) / 10 ** scale;
}

/** One percent (with `decimals` decimals) of the budget, in money. */
export function percentOfBudget(percent: number, budget: number, unit: MoneyUnit, decimals: number): number {
  const scale = MONEY_SCALE[unit];
  const p = BigInt(Math.round(percent * 10 ** decimals));
  return fromUnits(mulDiv(toUnits(budget, scale), p, BigInt(100 * 10 ** decimals)), scale);
}

/**
 * Money view of a plan: `values` from the rounded percentages, `exact` and `series` from the
 * cumulative weights `cum` (end of each month) over `total`.
 */
export function planMoney(
  values: PlanValues,
  decimals: number,
  cum: readonly number[],
  total: number,
  budget: number,
  unit: MoneyUnit,
): PlanMoney {
  const scale = MONEY_SCALE[unit];
  const bu = toUnits(budget, scale);
  const exactAt = (s: number): number => {
    if (s >= total) return fromUnits(bu, scale);
    return fromUnits(BigInt(Math.round((Number(bu) * s) / total)), scale);
  };
  const money = {} as PlanValues;
  const exact = {} as PlanValues;
  for (const k of PLAN_KEYS) {
    money[k] = percentOfBudget(values[k], budget, unit, decimals);
    exact[k] = exactAt(cum[CHECKPOINT_MONTH[k] - 1]);
  }
  return { unit, budget: fromUnits(bu, scale), values: money, exact, series: cum.map(exactAt) };
}
