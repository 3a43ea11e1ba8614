import { convertMoney } from "../value/numbers";
import type { Rule } from "./types";

/**
 * A department's 项目支出 (or 资金总额 less 基本支出) against the sum of the project tables in the same
 * workbook (domain §a5 完整性; the department budget covers its projects). Only when both are
 * there: a workbook may hold a part of the projects, so a mismatch is a warning, not an error.
 */
export const rule: Rule = {
  meta: {
    id: "department-budget",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["mismatch"],
    sources: ["domain §a5 完整性", "domain §f (department level)"],
    fixable: false,
    hasSuggestions: false,
    scope: "workbook",
    policy: "review",
    opinion: "其他",
  },
  check(ctx) {
    const t = ctx.table;
    if (t.kind !== "department" || !t.department) return;
    const part = (k: string) => t.department!.budget.find((b) => b.kind === k && b.value !== null);
    const project = part("project");
    const total = part("total");
    const basic = part("basic");
    const stated = project ? project.value! : total && basic ? total.value! - basic.value! : null;
    const cell = project?.cell ?? total?.cell ?? null;
    if (stated === null) return;
    const unit = t.moneyUnit ?? "元";
    const projects = ctx.tables.filter((x) => x.kind === "project" && x.budget.total.value !== null);
    if (projects.length === 0) return;
    const sum = projects.reduce((n, x) => n + (x.moneyUnit && x.moneyUnit !== unit ? convertMoney(x.budget.total.value!, x.moneyUnit, unit) : x.budget.total.value!), 0);
    if (Math.abs(sum - stated) < (unit === "元" ? 0.5 : 0.00005)) return;
    ctx.report({
      messageId: "mismatch",
      cell,
      data: { stated: fmt(stated), sum: fmt(sum), unit, count: projects.length },
    });
  },
};

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}
