import type { Rule } from "./types";
import { findPlaceholders } from "../value/placeholders";
import { costAmountMissing } from "./cost-amount-missing";

/**
 * A 指标值 must be quantitative ([operator] number unit, a date or a period) or a recognised
 * qualitative grade (domain §b1, §b4, §g R3). Anything else cannot be scored in self-evaluation.
 * Cells another rule explains better are left to it: template placeholders (placeholder-left) and
 * cost rows without an amount (cost-amount-missing).
 */
export const rule: Rule = {
  meta: {
    id: "value-unparsed",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["unparsed"],
    sources: ["domain §b1", "domain §b4", "domain §g R3"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标与指标值不匹配",
    groupable: true,
    fallback: true,
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      if (row.value.kind !== "unparsed") continue;
      if (findPlaceholders(row.value.raw).length > 0 || costAmountMissing(row)) continue;
      ctx.report({
        messageId: "unparsed",
        cell: row.value.cell ?? row.name.cell,
        data: { raw: row.value.raw, name: (row.name.value ?? "").trim() },
      });
    }
  },
};
