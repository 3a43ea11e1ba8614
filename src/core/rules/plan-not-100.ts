import type { Rule } from "./types";

/**
 * A one-year project spends its whole budget by the end of the year: 12月底 = 100% (domain §c,
 * §g R10 [I]). Cross-year (跨年/结转) projects are exempt. A blank 12月底 counts as 0%.
 */
export const rule: Rule = {
  meta: {
    id: "plan-not-100",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["not100", "blank"],
    sources: ["domain §c", "domain §g R10"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    messagePolicy: { blank: "hint" },
    opinion: "其他",
  },
  check(ctx) {
    const { plan, crossYear } = ctx.table;
    if (plan === null || crossYear) return;
    const f = plan.m12;
    if (f.value === null) {
      // An unreadable 12月底 is reported by plan-range; a blank one means 0%.
      if (f.raw === null || f.raw.trim() === "") ctx.report({ messageId: "blank", cell: f.cell });
      return;
    }
    if (Math.abs(f.value - 100) > 1e-6)
      ctx.report({ messageId: "not100", cell: f.cell, data: { value: `${Math.round(f.value * 100) / 100}%` } });
  },
};
