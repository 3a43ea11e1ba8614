import type { Rule } from "./types";
import { PLAN_KEYS } from "../model/plan-keys";
import { PLAN_EPS, PLAN_LABELS } from "./plan-range";

const pct = (n: number): string => `${Math.round(n * 100) / 100}%`;

/**
 * The plan is cumulative (domain §c [I]): 3月底 ≤ 6月底 ≤ 10月底 ≤ 12月底. A blank checkpoint counts as
 * 0% (plan-blank asks to write it). Each checkpoint is compared with the one before it.
 */
export const rule: Rule = {
  meta: {
    id: "plan-decreasing",
    type: "problem",
    defaultSeverity: "error",
    messageIds: ["decreasing"],
    sources: ["domain §c", "domain §g R10"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "arithmetic",
    opinion: "其他",
  },
  check(ctx) {
    const plan = ctx.table.plan;
    if (plan === null) return;
    for (let i = 1; i < PLAN_KEYS.length; i++) {
      const prevKey = PLAN_KEYS[i - 1];
      const key = PLAN_KEYS[i];
      const prev = plan[prevKey].value ?? 0;
      const cur = plan[key].value ?? 0;
      if (cur < prev - PLAN_EPS) {
        ctx.report({
          messageId: "decreasing",
          cell: plan[key].cell,
          data: { label: PLAN_LABELS[key], value: pct(cur), prevLabel: PLAN_LABELS[prevKey], prevValue: pct(prev) },
        });
      }
    }
  },
};
