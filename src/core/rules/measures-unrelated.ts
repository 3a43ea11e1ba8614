import type { Rule } from "./types";
import { excerpt } from "./utils/text";

/**
 * 工作保障措施 written in a finance bureau's words — 征管, 税收, 财政收入任务 — by a body that collects no
 * tax (domain §f5; 相关性): the text was copied from a template and says nothing of this department.
 */
const TAX = /征管|税收|财政收入任务|零散税|增收渠道/;
const FINANCE_BODY = /财政|税务|税局|地税|国税/;

export const rule: Rule = {
  meta: {
    id: "measures-unrelated",
    type: "suggestion",
    defaultSeverity: "info",
    messageIds: ["taxTemplate"],
    sources: ["domain §f5", "S-MOF24 相关性"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "hint",
    opinion: "指标与项目的相关性不够",
  },
  check(ctx) {
    const t = ctx.table;
    const m = t.department?.measures;
    if (t.kind !== "department" || !m?.value) return;
    const hit = TAX.exec(m.value);
    if (!hit) return;
    const body = `${t.unitName.value ?? ""}${t.title.value ?? ""}`;
    if (FINANCE_BODY.test(body)) return;
    ctx.report({ messageId: "taxTemplate", cell: m.cell, data: { word: hit[0], unit: excerpt(t.unitName.value ?? "本部门", 20) } });
  },
};
