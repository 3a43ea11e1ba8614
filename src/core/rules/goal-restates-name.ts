import type { Rule } from "./types";
import { clean, excerpt, projectCore } from "./utils/text";

/**
 * A 绩效目标 line that only repeats the project name (domain §b10): "1.会场搭建项目" under the project
 * “…会场搭建项目资金” says what is funded, not what will be achieved. Lines are compared by their core
 * (no numbering, year, "项目资金"/"经费" ending or "实施/开展/完成" opening); a line whose core is the
 * project name's core, or a part of it, is reported.
 */
export const rule: Rule = {
  meta: {
    id: "goal-restates-name",
    type: "suggestion",
    defaultSeverity: "info",
    messageIds: ["restates"],
    sources: ["domain §b10", "domain §b5", "88号 完整性 [R]"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "hint",
    opinion: "其他",
  },
  check(ctx) {
    const nameCore = projectCore(ctx.table.projectName.value ?? "");
    if (nameCore.length < 2) return;
    ctx.table.goals.forEach((g, i) => {
      const core = projectCore(g.text);
      if (core.length < 2 || !nameCore.includes(core)) return;
      ctx.report({
        messageId: "restates",
        cell: g.cell ?? ctx.table.goal.cell,
        data: { line: i + 1, text: excerpt(g.text, 40), project: clean(ctx.table.projectName.value) },
      });
    });
  },
};
