import type { Rule } from "./types";
import { aimHeading } from "./aim-unmeasured";
import { related } from "./utils/keywords";
import { excerpt } from "./utils/text";

/**
 * A project table whose 绩效目标 no aim of the department's 年度总体目标 covers (相关性, domain §a5):
 * a hint, since aims are broad. Only when the workbook holds a department table with aims.
 */
export const rule: Rule = {
  meta: {
    id: "goal-uncovered",
    type: "suggestion",
    defaultSeverity: "info",
    messageIds: ["uncovered"],
    sources: ["domain §a5 相关性", "domain §f (department level)"],
    fixable: false,
    hasSuggestions: false,
    scope: "workbook",
    policy: "hint",
    opinion: "指标与项目的相关性不够",
  },
  check(ctx) {
    const t = ctx.table;
    if (t.kind !== "project" || t.goals.length === 0) return;
    const aims = ctx.tables.filter((x) => x.kind === "department").flatMap((x) => x.goals.map((g) => g.text));
    if (aims.length === 0) return;
    const goal = t.goals.map((g) => g.text).join(" ");
    if (aims.some((a) => related(a, goal) || related(aimHeading(a), `${t.projectName.value ?? ""}`))) return;
    ctx.report({ messageId: "uncovered", cell: t.goal.cell, data: { goal: excerpt(t.goals[0].text, 30), aims: aims.length } });
  },
};
