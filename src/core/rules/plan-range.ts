import type { Rule } from "./types";
import { PLAN_KEYS, type PlanKey } from "../model/plan-keys";

/** Column labels of the spending plan (domain §c). */
export const PLAN_LABELS: Record<PlanKey, string> = { m3: "3月底", m6: "6月底", m10: "10月底", m12: "12月底" };

/** Percent numbers are compared with this slack (typed fractions such as 0.5 become 50.000000…). */
export const PLAN_EPS = 1e-6;

/**
 * Each 资金支出计划 checkpoint is a cumulative share of the annual budget, so it lies within 0–100%
 * (domain §c, §g R10). A checkpoint that is written but is not a percentage is reported too.
 */
export const rule: Rule = {
  meta: {
    id: "plan-range",
    type: "problem",
    defaultSeverity: "error",
    messageIds: ["outOfRange", "unreadable"],
    sources: ["domain §c", "domain §g R10"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "arithmetic",
    messagePolicy: { unreadable: "review" },
    opinion: "其他",
  },
  check(ctx) {
    const plan = ctx.table.plan;
    if (plan === null) return;
    for (const k of PLAN_KEYS) {
      const f = plan[k];
      const label = PLAN_LABELS[k];
      if (f.value === null) {
        if (f.raw !== null && f.raw.trim() !== "")
          ctx.report({ messageId: "unreadable", cell: f.cell, data: { label, raw: f.raw.trim() } });
        continue;
      }
      if (f.value < -PLAN_EPS || f.value > 100 + PLAN_EPS)
        ctx.report({ messageId: "outOfRange", cell: f.cell, data: { label, raw: f.raw?.trim() || `${f.value}%` } });
    }
  },
};
