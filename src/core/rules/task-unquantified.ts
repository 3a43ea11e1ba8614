import type { IndicatorRow } from "../model/schema";
import type { Rule } from "./types";
import { endsEarly } from "./category-missing";
import { related } from "./utils/keywords";
import { excerpt } from "./utils/text";
import { isWorkDone } from "./work-done-rate";

/**
 * A 年度主要任务 (or 分项) of a department with no quantified indicator (domain §f1, §b1): its rows are
 * all “工作完成率 100%” or none of the indicators speaks of it. A task is matched to the indicators
 * whose names share a keyword with the task's name, or failing that with its content. When the table ends before
 * the form's last categories (a partial copy: category-missing's tailMissing), its indicator may be in
 * the rows not copied: the finding is then a hint (`unmeasuredPartial` / `unquantifiedPartial`, info).
 */
export function isQuantified(row: IndicatorRow): boolean {
  const v = row.value;
  if (v.kind !== "quantitative" || v.number === null) return false;
  if (isWorkDone(row)) return false;
  // “100%” of a rate says the work is all done; it is no quantity of output.
  return !(v.unit === "%" && v.number >= 100);
}

export const rule: Rule = {
  meta: {
    id: "task-unquantified",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["unmeasured", "unquantified", "unmeasuredPartial", "unquantifiedPartial"],
    sources: ["domain §f1", "domain §b1"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    messagePolicy: { unmeasuredPartial: "hint", unquantifiedPartial: "hint" },
    opinion: "指标不够细化、量化",
  },
  check(ctx) {
    const t = ctx.table;
    if (t.kind !== "department" || !t.department || t.indicators.length === 0) return;
    const partial = endsEarly(t);
    for (const task of t.department.tasks) {
      // Indicators that share a word with the task's name; failing that, with its content.
      const byName = t.indicators.filter((r) => related(task.name.value ?? "", r.name.value ?? ""));
      const rows = byName.length > 0 ? byName : t.indicators.filter((r) => related(task.content.value ?? "", r.name.value ?? ""));
      const data = { task: excerpt(task.name.value ?? task.content.value, 30), count: rows.length };
      if (rows.length === 0) ctx.report({ messageId: partial ? "unmeasuredPartial" : "unmeasured", cell: task.name.cell, data });
      else if (!rows.some(isQuantified)) ctx.report({ messageId: partial ? "unquantifiedPartial" : "unquantified", cell: task.name.cell, data });
    }
  },
};
