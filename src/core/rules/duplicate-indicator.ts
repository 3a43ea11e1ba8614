import type { Rule } from "./types";
import { clean, normText } from "./utils/text";

/**
 * The same indicator twice in one table (domain §b12, §g R8): the same 三级 name, or the whole row
 * text (name + description + value) repeated. Reported on the later row, naming the earlier cell.
 * Names are compared after removing whitespace and punctuation. A name without a word (only a number or
 * marks: 88, 20, XX) names no indicator, so two of them are not the same indicator (vague-indicator and
 * template-unfilled report such names).
 */
export const rule: Rule = {
  meta: {
    id: "duplicate-indicator",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["sameRow", "sameName"],
    sources: ["domain §b12", "domain §g R8"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "其他",
  },
  check(ctx) {
    const seen = new Map<string, { cell: string | null; text: string }>();
    for (const row of ctx.table.indicators) {
      const name = normText(row.name.value);
      if (!name || !/[\p{L}]/u.test(name.replace(/[Xx×]/g, ""))) continue;
      const text = `${normText(row.description.value)}|${normText(row.value.raw)}`;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, { cell: row.name.cell, text });
        continue;
      }
      ctx.report({
        messageId: first.text === text ? "sameRow" : "sameName",
        cell: row.name.cell,
        data: { name: clean(row.name.value), first: first.cell ?? "" },
      });
    }
  },
};
