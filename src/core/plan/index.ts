/** Spending plan (资金支出计划): profiles, rounding, money, checks and writing into a table. Pure. */
export * from "./types";
export { PlanError, planErrorText, type PlanErrorKey } from "./errors";
export { roundCumulative, roundHalfUp } from "./round";
export { computePlan, computePlanForTable, profileCurve, spreadWeights, milestoneBudgetYear, cumulative, curveTotal, SHARE_SUM_EPS } from "./profiles";
export { planMoney, percentOfBudget, MONEY_SCALE } from "./money";
export { profileFromParams, parseMilestones, parseMonthly, parseYear, parseIntParam, isProfileKind, type PlanParams } from "./params";
export {
  checkPlan,
  planRules,
  tablePlanValues,
  TIME_PROGRESS,
  DEFAULT_RECURRING_FLOORS,
  FLOOR_CHECK_ID,
  type CheckPlanOptions,
  type PlanCellValues,
  type PlanIssue,
} from "./check";
export { planWrite, planEdits, planCells, inverseEdits, percentText, percentFraction, type PlanWrite, type PlanCellWrite, type PlanCellKind } from "./edits";
