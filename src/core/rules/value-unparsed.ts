import type { Rule } from "./types";
import { findPlaceholders } from "../value/placeholders";
import { costAmountMissing } from "./cost-amount-missing";
import { gradeOptions } from "../value/grades";

/**
 * A 指标值 must be quantitative ([operator] number unit, a date or a period) or a recognised
 * qualitative grade (domain §b1, §b4, §g R3). Anything else cannot be scored in self-evaluation.
 * Cells another rule explains better are left to it: template placeholders (placeholder-left) and
 * cost rows without an amount (cost-amount-missing). A list of one scale's grades with none chosen
 * ("高中低", "是/否": the form's options copied) gets its own message (`options`).
 */
export const rule: Rule = {
  meta: {
    id: "value-unparsed",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["unparsed", "options"],
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
      const cell = row.value.cell ?? row.name.cell;
      const name = (row.name.value ?? "").trim();
      // The form's grades listed with none chosen (高中低, 是/否): say so, the grades are right.
      const options = gradeOptions(row.value.raw);
      if (options)
        ctx.report({ messageId: "options", cell, data: { raw: row.value.raw, name, n: options.length, levels: options.join("、"), first: options[0] } });
      else ctx.report({ messageId: "unparsed", cell, data: { raw: row.value.raw, name } });
    }
  },
};
