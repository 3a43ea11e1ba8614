import type { Rule } from "./types";
import { PLAN_KEYS } from "../model/plan-keys";
import { PLAN_LABELS } from "./plan-range";

/**
 * A blank spending-plan checkpoint should be written explicitly (0% when nothing is spent by then),
 * so the reviewer knows it was planned rather than forgotten (domain §c, §f 22, §g R10).
 */
export const rule: Rule = {
  meta: {
    id: "plan-blank",
    type: "suggestion",
    defaultSeverity: "warning",
    messageIds: ["blank"],
    sources: ["domain §c", "domain §f 22", "domain §g R10"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "其他",
  },
  check(ctx) {
    const plan = ctx.table.plan;
    if (plan === null) return;
    for (const k of PLAN_KEYS) {
      const f = plan[k];
      if (f.value === null && (f.raw === null || f.raw.trim() === ""))
        ctx.report({ messageId: "blank", cell: f.cell, data: { label: PLAN_LABELS[k] } });
    }
  },
};
