/**
 * A bad plan parameter or an impossible plan. `key` names the catalog text under cli.plan.errors
 * (zh-CN and en), `data` fills its placeholders; the CLI prints it and exits 2, the pane shows it
 * next to the field.
 */
import { t, type Locale } from "../messages";

export type PlanErrorKey =
  | "profileMissing"
  | "profileUnknown"
  | "startRange"
  | "endRange"
  | "startAfterEnd"
  | "monthMissing"
  | "monthRange"
  | "milestonesMissing"
  | "milestoneBad"
  | "milestoneYear"
  | "milestonesMixed"
  | "sharesNot100"
  | "negative"
  | "zeroTotal"
  | "monthlyMissing"
  | "monthlyCount"
  | "monthlyBad"
  | "crossYearNotAllowed"
  | "badBudget"
  | "badUnit"
  | "badDecimals"
  | "badYear"
  | "badFloor"
  | "noPlan"
  | "planCellMissing"
  | "badValues";

export class PlanError extends Error {
  constructor(
    readonly key: PlanErrorKey,
    readonly data: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(data)}`);
    this.name = "PlanError";
  }
}

/** The error's text in the given language. */
export function planErrorText(locale: Locale, e: PlanError): string {
  return t(locale, `cli.plan.errors.${e.key}`, e.data);
}
