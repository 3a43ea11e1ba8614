import type { Rule } from "./types";
import type { NumberField } from "../model/schema";
import { formatAmount } from "./cost-exceeds-budget";

const blank = (f: NumberField): boolean => f.value === null && (f.raw === null || f.raw.trim() === "");

/**
 * 预算数 must equal 财政资金 + 其他资金 (domain §g R11; §f 21). A blank part counts as 0; amounts are
 * compared in the table's money unit with a tolerance of 0.005. A part that is written but is not an
 * amount is reported instead of being summed. Tables whose layout has neither part are skipped.
 */
export const rule: Rule = {
  meta: {
    id: "budget-sum",
    type: "problem",
    defaultSeverity: "error",
    messageIds: ["mismatch", "fiscalUnreadable", "otherUnreadable"],
    sources: ["domain §g R11", "domain §f 21"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
  },
  check(ctx) {
    const { total, fiscal, other } = ctx.table.budget;
    if (total.value === null) return; // required-field reports a blank or unreadable 预算数
    if (fiscal.cell === null && other.cell === null) return;
    let unreadable = false;
    for (const [part, messageId] of [
      [fiscal, "fiscalUnreadable"],
      [other, "otherUnreadable"],
    ] as const) {
      if (part.value === null && !blank(part)) {
        unreadable = true;
        ctx.report({ messageId, cell: part.cell ?? total.cell, data: { raw: part.raw!.trim() } });
      }
    }
    if (unreadable) return;
    const sum = (fiscal.value ?? 0) + (other.value ?? 0);
    if (Math.abs(total.value - sum) <= 0.005) return;
    const unit = ctx.table.moneyUnit ?? "";
    ctx.report({
      messageId: "mismatch",
      cell: total.cell,
      data: {
        total: formatAmount(total.value),
        fiscal: formatAmount(fiscal.value ?? 0),
        other: formatAmount(other.value ?? 0),
        sum: formatAmount(sum),
        diff: formatAmount(total.value - sum),
        unit,
      },
    });
  },
};
