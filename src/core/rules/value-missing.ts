import type { Rule } from "./types";
import { isTemplateName } from "./utils/text";

/**
 * Every indicator needs a 指标值 (domain §a1: each 三级 row carries a 指标值; §a5 完整性). A row
 * whose 三级 name is blank or only template text ("……", "XX", "指标1：") states no indicator: it is a
 * leftover template row (vague-indicator's placeholder, category-missing's empty category), not an
 * indicator without a value.
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
      if (row.value.kind !== "empty" || isTemplateName(row.name.value)) continue;
      ctx.report({
        messageId: "missing",
        cell: row.value.cell ?? row.name.cell,
        data: { name: (row.name.value ?? "").trim() || "—" },
      });
    }
  },
};
