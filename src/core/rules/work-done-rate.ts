import type { IndicatorRow } from "../model/schema";
import type { Rule } from "./types";
import { clean } from "./utils/text";

/**
 * Department targets (部门整体绩效目标) whose indicators only say that the work gets done:
 * “上传下达工作任务完成率 100%”, “报表报送及时率 100%” (domain §f1, §b5). Such a rate is a process
 * measure — the office always reports 100% — and no output or effect is stated.
 */
const WORK_RATE = /(?:工作|任务)[^，,；;]{0,8}(?:完成率|率完成)$|工作率|及时率$/;

/** Is the row a 100% “work done” or “on time” rate? Exported for task-unquantified. */
export function isWorkDone(row: Pick<IndicatorRow, "name" | "value">): boolean {
  const name = (row.name.value ?? "").replace(/\s+/g, "");
  return WORK_RATE.test(name) && row.value.unit === "%" && row.value.number === 100 && row.value.op !== "≤" && row.value.op !== "<";
}

export const rule: Rule = {
  meta: {
    id: "work-done-rate",
    type: "suggestion",
    defaultSeverity: "warning",
    messageIds: ["workDone"],
    sources: ["domain §f1", "domain §b5"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标不够细化、量化",
    groupable: true,
  },
  check(ctx) {
    if (ctx.table.kind !== "department") return;
    for (const row of ctx.table.indicators) {
      if (!isWorkDone(row)) continue;
      ctx.report({ messageId: "workDone", cell: row.name.cell, data: { name: clean(row.name.value), value: clean(row.value.raw) } });
    }
  },
};
