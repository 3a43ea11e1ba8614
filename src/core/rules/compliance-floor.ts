import type { Rule } from "./types";
import { clean, excerpt } from "./utils/text";

/**
 * A compliance floor written as a target: “资金使用规范合理，不存在挪用、挤占、截留等现象” (domain §f3,
 * §b5). Every budget must meet it; meeting it says nothing about what the money produced.
 */
const FLOOR = /(?:不存在|杜绝|没有|未发生|无)[^，,；;。]{0,8}?(?:挪用|挤占|截留|套取|虚报|冒领|违规|违纪)/;

export const rule: Rule = {
  meta: {
    id: "compliance-floor",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["floor"],
    sources: ["domain §f3", "domain §b5"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标与项目的相关性不够",
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      const inValue = FLOOR.test(row.value.raw);
      if (!inValue && !FLOOR.test(row.name.value ?? "")) continue;
      const text = inValue ? `${clean(row.name.value)}：${clean(row.value.raw)}` : clean(row.name.value);
      ctx.report({ messageId: "floor", cell: inValue ? row.value.cell : row.name.cell, data: { text: excerpt(text, 40) } });
    }
  },
};
