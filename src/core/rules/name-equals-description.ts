import type { Rule } from "./types";
import { clean, normText } from "./utils/text";

/**
 * The 绩效指标描述 only repeats the 三级 name (domain §b12, seed §f9): compared after removing
 * whitespace and punctuation, so "项目验收合格率。" repeats "项目验收合格率". The description should
 * say how the indicator is measured (numerator / denominator, scope, source of the figure).
 */
export const rule: Rule = {
  meta: {
    id: "name-equals-description",
    type: "suggestion",
    defaultSeverity: "warning",
    messageIds: ["same"],
    sources: ["domain §b12", "domain §f9", "domain §b1"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标不够细化、量化",
    groupable: true,
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      const name = normText(row.name.value);
      if (!name) continue;
      if (normText(row.description.value) !== name) continue;
      ctx.report({
        messageId: "same",
        cell: row.description.cell ?? row.name.cell,
        data: { name: clean(row.name.value) },
      });
    }
  },
};
