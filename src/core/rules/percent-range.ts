import type { Rule } from "./types";
import { isPercent } from "../value/units";

/** Names of measures that can legitimately exceed 100% (growth, increase, year-on-year) [I]. */
const GROWTH = /增长|增幅|增速|增加|同比|环比|比上年|较上年|倍/;

/**
 * A percentage above 100, or a lower bound of 100% that no result can exceed (≥100%, >100%):
 * a 合格率/及时率 cannot pass 100%, so "≥100%" is either "=100%" or a realistic floor such as ≥95%
 * (domain §b3, §b11, §g R4, §f 23). Growth rates (增长率, 提高 …) may exceed 100% and are skipped.
 */
export const rule: Rule = {
  meta: {
    id: "percent-range",
    type: "problem",
    defaultSeverity: "error",
    messageIds: ["over100", "floor100"],
    sources: ["domain §b3", "domain §b11", "domain §g R4", "domain §f 23"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "arithmetic",
    messagePolicy: { floor100: "review" },
    opinion: "指标与指标值不匹配",
    groupable: true,
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      const v = row.value;
      if (!isPercent(v) || v.number === null) continue;
      const name = (row.name.value ?? "").trim();
      if (GROWTH.test(name)) continue;
      const cell = v.cell ?? row.name.cell;
      const top = Math.max(v.number, v.upper ?? v.number);
      if (top > 100) {
        ctx.report({ messageId: "over100", cell, data: { raw: v.raw, name } });
      } else if ((v.op === "≥" && v.number === 100) || (v.op === ">" && v.number === 100)) {
        ctx.report({ messageId: "floor100", cell, data: { raw: v.raw, name } });
      }
    }
  },
};
