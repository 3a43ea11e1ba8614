import type { Rule } from "./types";

const blank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === "";

/**
 * 项目名称, 预算数 and 绩效目标 must be filled in (domain §a5 完整性: all required parts present).
 * A 预算数 that is written but cannot be read as an amount gets its own message. An indicator row
 * whose 指标值 is filled while its 三级 name is blank is reported on the name cell (indicatorName).
 */
export const rule: Rule = {
  meta: {
    id: "required-field",
    type: "problem",
    defaultSeverity: "error",
    messageIds: ["projectName", "budget", "budgetUnreadable", "goal", "indicatorName"],
    sources: ["domain §a5 完整性", "88号 [R]"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "required",
    opinion: "指标不够完整",
  },
  check(ctx) {
    const t = ctx.table;
    // A department table names the department, not a project, and states its budget in its 年度预算 lines.
    const dept = t.kind === "department";
    if (!dept && blank(t.projectName.value)) ctx.report({ messageId: "projectName", cell: t.projectName.cell });
    const total = t.budget.total;
    // A department's target table often carries no budget (it is published beside the budget tables).
    if (total.value === null && !dept) {
      if (blank(total.raw)) ctx.report({ messageId: "budget", cell: total.cell });
      else ctx.report({ messageId: "budgetUnreadable", cell: total.cell, data: { raw: total.raw!.trim() } });
    }
    const goalEmpty = blank(t.goal.value) && t.goals.every((g) => blank(g.text));
    if (goalEmpty) ctx.report({ messageId: "goal", cell: t.goal.cell });
    for (const row of t.indicators) {
      if (!blank(row.name.value) || row.value.kind === "empty") continue;
      ctx.report({ messageId: "indicatorName", cell: row.name.cell ?? row.value.cell, data: { value: row.value.raw } });
    }
  },
};
