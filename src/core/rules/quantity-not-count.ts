import { isMoneyUnit, isPercent } from "../value/units";
import type { Rule } from "./types";
import { clean, normText } from "./utils/text";

/**
 * A 数量指标 whose value is not a quantity (domain §b12, §b3; seed §f10, §f23): a percentage
 * (“园区基础设施升级改造 ≥100百分比”, “资金拨付到位率 ≥98百分比” under 数量), an amount of money (that is
 * a cost), or a qualitative word. A quantity indicator counts what is produced: a number with a count
 * or physical unit (个, 场, 人次, 公里, 平方米 …). A number without any unit is unit-missing's.
 */
export const rule: Rule = {
  meta: {
    id: "quantity-not-count",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["rate", "percent", "money", "qualitative"],
    sources: ["domain §b12", "domain §b3", "domain §f10", "domain §f23"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标与指标值不匹配",
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      if (row.level2.canonical !== "数量指标") continue;
      const v = row.value;
      const name = clean(row.name.value);
      const data = { name, value: v.raw };
      const cell = v.cell ?? row.name.cell;
      if (isPercent(v)) {
        ctx.report({ messageId: /率$/.test(normText(name)) ? "rate" : "percent", cell, data });
      } else if (v.kind === "quantitative" && isMoneyUnit(v.unit)) {
        ctx.report({ messageId: "money", cell, data });
      } else if (v.kind === "qualitative") {
        ctx.report({ messageId: "qualitative", cell, data });
      }
    }
  },
};
