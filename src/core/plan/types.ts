/**
 * Spending-plan (资金支出计划) types: the payment profiles, the computed plan and its money view.
 * Percentages are percent numbers (50 = 50%), cumulative, at the end of March, June, October and
 * December of the budget year (domain §c).
 */
import type { MoneyUnit, PlanKey } from "../model/schema";

export type { PlanKey };

/** The four checkpoints as percent numbers (or money amounts in `PlanMoney`). */
export type PlanValues = Record<PlanKey, number>;

/** The month (1–12) each checkpoint closes: 3月底, 6月底, 10月底, 12月底. */
export const CHECKPOINT_MONTH: Readonly<Record<PlanKey, number>> = Object.freeze({ m3: 3, m6: 6, m10: 10, m12: 12 });

/** Spending spread over a run of months: equal, linearly decreasing or linearly increasing monthly weights. */
export type SpreadKind = "even" | "front" | "back";

export const PROFILE_KINDS = ["even", "front", "back", "milestones", "monthly", "once"] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

/**
 * One payment milestone. `year` null = the budget year. `unit` "%" = a share of the plan in percent;
 * 元/万元 = an amount of money.
 */
export interface Milestone {
  year: number | null;
  month: number;
  value: number;
  unit: "%" | MoneyUnit;
}

export type PlanProfile =
  /**
   * Months `start`..`end` (1 = January of the budget year; 13–24 = January–December of the next
   * year, which makes the project cross-year). Weight of the i-th active month (i = 1..n):
   * even 1, front n − i + 1, back i.
   */
  | { kind: SpreadKind; start: number; end: number }
  /** Payments on dates; `budgetYear` defaults to the earliest year written on a milestone. */
  | { kind: "milestones"; milestones: Milestone[]; budgetYear?: number }
  /** Twelve monthly amounts (any money unit; only their proportions matter), January first. */
  | { kind: "monthly"; amounts: number[] }
  /** Everything paid in one month (1–12). */
  | { kind: "once"; month: number };

/**
 * The monthly spending curve behind a plan, as non-negative weights: `before` = paid before the
 * budget year (counted as already spent when the year starts), `months[0..11]` = paid in January …
 * December, `after` = paid after December (cross-year).
 */
export interface PlanCurve {
  before: number;
  months: number[];
  after: number;
}

/** 0 = whole percents, 1 = one decimal. */
export type PlanDecimals = 0 | 1;

export interface PlanOptions {
  /** Decimals of the rounded percentages (default 0). */
  decimals?: PlanDecimals;
  /** The project is cross-year (跨年/结转): the plan may end below 100% (default false: an error). */
  crossYear?: boolean;
  /** 预算数 in `unit`; when given the result carries the plan in money. */
  budget?: number | null;
  /** The table's money unit (default 元). */
  unit?: MoneyUnit;
}

/** Something the user should know about how the plan was computed. Text: catalog cli.plan.notes.<key>. */
export interface PlanNote {
  key: "paidBefore" | "crossYearShare" | "amountMismatch";
  data: Record<string, string | number>;
}

export interface PlanMoney {
  unit: MoneyUnit;
  /** The budget at the unit's precision (分 for 元, 0.0001 for 万元). */
  budget: number;
  /** The rounded percentages applied to the budget: what the table's plan says, in money. */
  values: PlanValues;
  /** The schedule's exact cumulative amounts (from the unrounded shares). */
  exact: PlanValues;
  /** Exact cumulative amounts at the end of each month, January … December. */
  series: number[];
}

export interface PlanResult {
  profile: PlanProfile;
  decimals: PlanDecimals;
  /** Rounded cumulative percentages: what to write into the table. */
  values: PlanValues;
  /** Unrounded cumulative percentages. */
  exact: PlanValues;
  /** Cumulative percent at the end of each month, January … December (two decimals; for the chart). */
  series: number[];
  /** Percent already paid when the budget year starts (milestones dated before it); unrounded. */
  before: number;
  /** Percent paid after December (cross-year); unrounded, > 0 exactly when money is paid after December. */
  after: number;
  /** True when the plan ends below 100% (only possible with options.crossYear). */
  crossYear: boolean;
  money: PlanMoney | null;
  notes: PlanNote[];
}
