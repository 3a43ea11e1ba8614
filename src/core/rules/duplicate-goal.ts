import type { Rule } from "./types";
import { excerpt, goalKey, stripNumbering } from "./utils/text";

/**
 * 绩效目标 lines that say the same thing (domain §b10, seed §f6: three identical lines). Lines are
 * compared without their numbering ("1." "2、" "（一）"), boilerplate openings ("开展本项目主要是"),
 * whitespace and punctuation. Each group of repeated lines is reported once, on the cell of its
 * first repeat, naming all its line numbers.
 */
export const rule: Rule = {
  meta: {
    id: "duplicate-goal",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["repeated"],
    sources: ["domain §b10", "domain §f6", "88号 完整性/相关性 [R]"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "其他",
  },
  check(ctx) {
    const groups = new Map<string, number[]>();
    const goals = ctx.table.goals;
    goals.forEach((g, i) => {
      const key = goalKey(g.text);
      if (!key) return;
      const list = groups.get(key);
      if (list) list.push(i);
      else groups.set(key, [i]);
    });
    for (const idx of groups.values()) {
      if (idx.length < 2) continue;
      const lines = idx.map((i) => i + 1);
      ctx.report({
        messageId: "repeated",
        cell: goals[idx[1]].cell ?? ctx.table.goal.cell,
        data: {
          lines: lines.join("、"),
          linesEn: lines.join(", "),
          count: idx.length,
          text: excerpt(stripNumbering(goals[idx[0]].text), 40),
        },
      });
    }
  },
};
