/**
 * From a payment profile to the monthly spending curve and the four cumulative percentages.
 * See docs/plan.md for the definitions (Chinese first).
 */
import type { MoneyUnit } from "../model/schema";
import { PLAN_KEYS } from "../model/plan-keys";
import { convertMoney } from "../value/numbers";
import { PlanError } from "./errors";
import { planMoney } from "./money";
import { FULL_EPS, roundCumulative, roundHalfUp } from "./round";
import {
  CHECKPOINT_MONTH,
  type Milestone,
  type PlanCurve,
  type PlanNote,
  type PlanOptions,
  type PlanProfile,
  type PlanResult,
  type PlanValues,
  type SpreadKind,
} from "./types";

/** Shares of milestones given in percent must add up to 100 within this slack. */
export const SHARE_SUM_EPS = 0.01;

const isInt = (n: number, lo: number, hi: number) => Number.isInteger(n) && n >= lo && n <= hi;

/** Monthly weights of a spread profile over months start..end (end ≤ 24, 13–24 = next year). */
export function spreadWeights(kind: SpreadKind, start: number, end: number): number[] {
  if (!isInt(start, 1, 12)) throw new PlanError("startRange", { value: start });
  if (!isInt(end, 1, 24)) throw new PlanError("endRange", { value: end });
  if (start > end) throw new PlanError("startAfterEnd", { start, end });
  const n = end - start + 1;
  return Array.from({ length: n }, (_, i) => (kind === "even" ? 1 : kind === "front" ? n - i : i + 1));
}

/** The budget year of a milestone profile: as given, else the earliest year written on a milestone. */
export function milestoneBudgetYear(milestones: readonly Milestone[], budgetYear?: number): number | null {
  if (budgetYear !== undefined) return budgetYear;
  const years = milestones.map((m) => m.year).filter((y): y is number => y !== null);
  return years.length ? Math.min(...years) : null;
}

function emptyCurve(): PlanCurve {
  return { before: 0, months: new Array<number>(12).fill(0), after: 0 };
}

function checkAmount(v: number, item: string): void {
  if (!Number.isFinite(v) || v < 0) throw new PlanError("negative", { item });
}

/** The monthly curve (weights) of a profile, plus notes about how dates were read. */
export function profileCurve(profile: PlanProfile, budget?: { amount: number; unit: MoneyUnit } | null): { curve: PlanCurve; notes: PlanNote[] } {
  const curve = emptyCurve();
  const notes: PlanNote[] = [];
  switch (profile.kind) {
    case "even":
    case "front":
    case "back": {
      const w = spreadWeights(profile.kind, profile.start, profile.end);
      w.forEach((x, i) => {
        const month = profile.start + i;
        if (month <= 12) curve.months[month - 1] += x;
        else curve.after += x;
      });
      break;
    }
    case "once":
      if (!isInt(profile.month, 1, 12)) throw new PlanError("monthRange", { value: profile.month });
      curve.months[profile.month - 1] = 1;
      break;
    case "monthly": {
      if (profile.amounts.length !== 12) throw new PlanError("monthlyCount", { n: profile.amounts.length });
      profile.amounts.forEach((a, i) => {
        checkAmount(a, `${i + 1}月:${a}`);
        curve.months[i] = a;
      });
      const total = profile.amounts.reduce((s, a) => s + a, 0);
      if (budget && total > 0 && Math.abs(total - budget.amount) > moneyTolerance(budget.unit))
        notes.push({ key: "amountMismatch", data: { total: fmtAmount(total), budget: fmtAmount(budget.amount), unit: budget.unit } });
      break;
    }
    case "milestones": {
      const ms = profile.milestones;
      if (ms.length === 0) throw new PlanError("milestonesMissing");
      const shares = ms.every((m) => m.unit === "%");
      const amounts = ms.every((m) => m.unit !== "%");
      if (!shares && !amounts) throw new PlanError("milestonesMixed");
      const year = milestoneBudgetYear(ms, profile.budgetYear);
      // Amounts in a second money unit are converted to the first one's (or the budget's).
      const unit: MoneyUnit | null = amounts ? (budget?.unit ?? (ms[0].unit as MoneyUnit)) : null;
      let total = 0;
      for (const m of ms) {
        const label = `${m.year ?? ""}${m.year !== null ? "-" : ""}${String(m.month).padStart(2, "0")}:${m.value}${m.unit === "%" ? "" : m.unit}`;
        if (!isInt(m.month, 1, 12)) throw new PlanError("milestoneBad", { item: label });
        checkAmount(m.value, label);
        const v = unit ? convertMoney(m.value, m.unit as MoneyUnit, unit) : m.value;
        total += v;
        const y = m.year ?? year;
        if (y === null || y === year) curve.months[m.month - 1] += v;
        else if (y < year!) curve.before += v;
        else curve.after += v;
      }
      if (shares && total > 0 && Math.abs(total - 100) > SHARE_SUM_EPS) throw new PlanError("sharesNot100", { sum: fmtAmount(total) });
      if (amounts && budget && total > 0 && Math.abs(total - convertMoney(budget.amount, budget.unit, unit!)) > moneyTolerance(unit!))
        notes.push({
          key: "amountMismatch",
          data: { total: fmtAmount(convertMoney(total, unit!, budget.unit)), budget: fmtAmount(budget.amount), unit: budget.unit },
        });
      break;
    }
  }
  return { curve, notes };
}

function moneyTolerance(unit: MoneyUnit): number {
  return unit === "元" ? 0.005 : 0.00005;
}

function fmtAmount(n: number): string {
  return String(Math.round(n * 1e4) / 1e4);
}

/** Sum of all weights: before + the twelve months + after. */
export function curveTotal(c: PlanCurve): number {
  return cumulative(c)[11] + c.after;
}

/** Cumulative weights at the end of each month (before included). */
export function cumulative(c: PlanCurve): number[] {
  const out: number[] = [];
  let s = c.before;
  for (const m of c.months) {
    s += m;
    out.push(s);
  }
  return out;
}

/**
 * Computes the plan of a profile. Throws PlanError for bad parameters, and with key
 * "crossYearNotAllowed" when part of the money is paid after December but options.crossYear is
 * not set.
 */
export function computePlan(profile: PlanProfile, options: PlanOptions = {}): PlanResult {
  const decimals = options.decimals ?? 0;
  if (decimals !== 0 && decimals !== 1) throw new PlanError("badDecimals", { value: String(decimals) });
  const unit: MoneyUnit = options.unit ?? "元";
  const budget = options.budget ?? null;
  if (budget !== null && !(Number.isFinite(budget) && budget > 0)) throw new PlanError("badBudget", { value: String(budget) });

  const { curve, notes } = profileCurve(profile, budget !== null ? { amount: budget, unit } : null);
  const cum = cumulative(curve);
  let total = cum[11] + curve.after;
  if (!(total > 0)) throw new PlanError("zeroTotal");
  // A share after December of at most FULL_EPS percent is float dust, not a cross-year payment:
  // it is dropped, so the plan and its money end exactly at 100% / the budget.
  if (curve.after > 0 && (100 * curve.after) / total <= FULL_EPS) total = cum[11];

  const pct = (s: number) => (s === total ? 100 : (100 * s) / total);
  const seriesExact = cum.map(pct);
  const before = pct(curve.before);
  const after = total === cum[11] ? 0 : 100 - seriesExact[11];
  if (after > 0 && !options.crossYear) throw new PlanError("crossYearNotAllowed", { share: fmtPct(after) });
  if (curve.before > 0) notes.unshift({ key: "paidBefore", data: { share: fmtPct(before) } });
  if (after > 0) notes.push({ key: "crossYearShare", data: { share: fmtPct(after) } });

  const exact = {} as PlanValues;
  for (const k of PLAN_KEYS) exact[k] = seriesExact[CHECKPOINT_MONTH[k] - 1];
  const rounded = roundCumulative(PLAN_KEYS.map((k) => exact[k]), decimals, after === 0);
  const values = {} as PlanValues;
  PLAN_KEYS.forEach((k, i) => (values[k] = rounded[i]));

  return {
    profile,
    decimals,
    values,
    exact,
    series: seriesExact.map((x) => roundHalfUp(x, 2)),
    before,
    after,
    crossYear: values.m12 < 100,
    money: budget !== null ? planMoney(values, decimals, cum, total, budget, unit) : null,
    notes,
  };
}

/** A share for a note: two decimals, or two significant digits when smaller than 0.01%. */
function fmtPct(n: number): string {
  return String(n > 0 && n < 0.01 ? Number(n.toPrecision(2)) : roundHalfUp(n, 2));
}

/**
 * computePlan with the table's own budget (预算数), money unit and cross-year flag: what the pane
 * previews for a picked table. `options` override the table's values.
 */
export function computePlanForTable(
  table: { budget: { total: { value: number | null } }; moneyUnit: MoneyUnit | null; crossYear: boolean },
  profile: PlanProfile,
  options: PlanOptions = {},
): PlanResult {
  const b = table.budget.total.value;
  return computePlan(profile, {
    budget: b !== null && Number.isFinite(b) && b > 0 ? b : null,
    unit: table.moneyUnit ?? "元",
    crossYear: table.crossYear,
    ...options,
  });
}
