import type { Rule } from "./types";

/**
 * The whole budget planned as spent by the end of March (domain §c, seed §f7): 3月底 = 100% on a
 * one-year project means the money pays for something already done (a prior-year event or debt). That
 * is a timing mismatch a reviewer asks about: such money is a 结转 or settlement item, and the targets
 * should then describe the completed work. Cross-year (结转) tables are not reported.
 */
export const rule: Rule = {
  meta: {
    id: "plan-front-loaded",
    type: "suggestion",
    defaultSeverity: "info",
    messageIds: ["allInQ1"],
    sources: ["domain §c", "domain §f7"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "hint",
    opinion: "其他",
  },
  check(ctx) {
    const { plan, crossYear } = ctx.table;
    if (plan === null || crossYear) return;
    if (plan.m3.value !== 100) return;
    ctx.report({ messageId: "allInQ1", cell: plan.m3.cell, data: { m3: plan.m3.raw ?? "100%" } });
  },
};
