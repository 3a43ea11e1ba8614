import type { Rule } from "./types";

const blank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === "";

/**
 * 项目名称, 预算数 and 绩效目标 must be filled in (domain §a5 完整性: all required parts present).
 * A 预算数 that is written but cannot be read as an amount gets its own message. An indicator row
 * whose 指标值 is filled while its 三级 name is blank is reported on the name cell (indicatorName).
 * An error needs the field's own cell: when no 项目名称 / 预算数 / 绩效目标 label was found in the
 * table at all (the form prints it elsewhere, in another wording, or not at all), the value is not
 * known to be empty, and the fields not found get one completeness note (notFound, a hint).
 */
export const rule: Rule = {
  meta: {
    id: "required-field",
    type: "problem",
    defaultSeverity: "error",
    messageIds: ["projectName", "budget", "budgetUnreadable", "goal", "indicatorName", "notFound"],
    sources: ["domain §a5 完整性", "88号 [R]"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "required",
    messagePolicy: { notFound: "hint" },
    opinion: "指标不够完整",
  },
  check(ctx) {
    const t = ctx.table;
    // A department table names the department, not a project, and states its budget in its 年度预算 lines;
    // its target table often carries no budget at all (it is published beside the budget tables).
    const dept = t.kind === "department";
    const notFound: string[] = [];
    if (!dept && blank(t.projectName.value)) {
      if (t.projectName.cell === null) notFound.push("项目名称");
      else ctx.report({ messageId: "projectName", cell: t.projectName.cell });
    }
    const total = t.budget.total;
    if (total.value === null && !dept) {
      if (!blank(total.raw)) ctx.report({ messageId: "budgetUnreadable", cell: total.cell, data: { raw: total.raw!.trim() } });
      else if (total.cell === null) notFound.push("预算数");
      else ctx.report({ messageId: "budget", cell: total.cell });
    }
    const goalEmpty = blank(t.goal.value) && t.goals.every((g) => blank(g.text));
    if (goalEmpty) {
      if (t.goal.cell === null && t.goals.every((g) => g.cell === null)) notFound.push("绩效目标");
      else ctx.report({ messageId: "goal", cell: t.goal.cell });
    }
    if (notFound.length > 0) ctx.report({ messageId: "notFound", cell: null, data: { fields: notFound.join("、") } });
    for (const row of t.indicators) {
      if (!blank(row.name.value) || row.value.kind === "empty") continue;
      ctx.report({ messageId: "indicatorName", cell: row.name.cell ?? row.value.cell, data: { value: row.value.raw } });
    }
  },
};
