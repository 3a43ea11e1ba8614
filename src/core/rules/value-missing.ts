import type { Rule } from "./types";

/**
 * Every indicator needs a 指标值 (domain §a1: each 三级 row carries a 指标值; §a5 完整性).
 */
export const rule: Rule = {
  meta: {
    id: "value-missing",
    type: "problem",
    defaultSeverity: "error",
    messageIds: ["missing"],
    sources: ["domain §a1", "domain §a5 完整性", "domain §b1"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "required",
    opinion: "指标不够完整",
    groupable: true,
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      if (row.value.kind !== "empty") continue;
      ctx.report({
        messageId: "missing",
        cell: row.value.cell ?? row.name.cell,
        data: { name: (row.name.value ?? "").trim() || "—" },
      });
    }
  },
};
