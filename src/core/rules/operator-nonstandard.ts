import type { Rule } from "./types";
import { isStandardOperator } from "../value/operators";
import { normalizedValueEdits } from "./unit-wording";

/**
 * An operator written as >=, ≧, 以上, 不少于, 以内, 不超过 … instead of ≥ / ≤ / = / > / < / ±
 * (domain §b2, §g R3). The fix writes the fully normalised value (unit words normalised too), so it
 * is safe to apply together with, or instead of, the unit-wording fix.
 */
export const rule: Rule = {
  meta: {
    id: "operator-nonstandard",
    type: "suggestion",
    defaultSeverity: "info",
    messageIds: ["nonstandard"],
    sources: ["domain §b2", "domain §g R3", "S-QB"],
    fixable: true,
    hasSuggestions: false,
    scope: "table",
    policy: "format",
    opinion: "其他",
    groupable: true,
  },
  check(ctx) {
    const { table } = ctx;
    for (const row of table.indicators) {
      const v = row.value;
      if (v.kind !== "quantitative" || v.op === null || v.opRaw === null) continue;
      if (isStandardOperator(v.opRaw)) continue;
      const edits = normalizedValueEdits(table, row);
      ctx.report({
        messageId: "nonstandard",
        // a separate 运算符 / 符号 column holds the operator: point at it (the fix writes it there)
        cell: row.opCell ?? v.cell ?? row.name.cell,
        data: { raw: v.raw, opRaw: v.opRaw, op: v.op, fixed: v.normalized ?? `${v.op}${v.raw.replace(v.opRaw, "").trim()}` },
        ...(edits && v.normalized !== null ? { fix: { text: v.normalized, edits } } : {}),
      });
    }
  },
};
