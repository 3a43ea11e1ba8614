import type { Rule } from "./types";
import { unitGroup } from "../value/units";
import { canonicalLevel2 } from "../forms/categories";
import { NEGATIVE } from "./operator-missing";
import { isCostRow } from "./cost-exceeds-budget";
import { clean } from "./utils/text";

/**
 * The operator points the wrong way (domain §b2): a 数量指标 counted in people or pieces with only an
 * upper bound ("≤500人": the output is capped, not promised), or a cost with only a lower bound
 * ("≥50万元": the cost is promised, not controlled). Counts of negative events (事故, 投诉 …) are
 * ceilings by nature and are skipped; ranges are skipped. A bare number (no unit) counts pieces when
 * the name says it is a count ("精品示范村建设数量 ≤4").
 */
/** Names that say the value counts pieces or people: …数量, …个数, …次数, …人数, …户数, …场次. */
const COUNT_NAME = /(?:数量|个数|次数|人数|户数|场次|人次)$/;

export const rule: Rule = {
  meta: {
    id: "operator-direction",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["countCeiling", "costFloor"],
    sources: ["domain §b2", "domain §b7", "domain §f 25"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标与指标值不匹配",
    groupable: true,
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      const v = row.value;
      if (v.kind !== "quantitative" || v.op === null || v.number === null || v.upper !== null) continue;
      const name = clean(row.name.value);
      const cell = v.cell ?? row.name.cell;
      const body = v.normalized !== null ? v.normalized.replace(v.op, "") : v.raw;
      if (isCostRow(row)) {
        const money = unitGroup(v.unit) === "money" || (v.unit ?? "").includes("元");
        if (money && (v.op === "≥" || v.op === ">"))
          ctx.report({ messageId: "costFloor", cell, data: { name, raw: v.raw, example: `≤${body}` } });
        continue;
      }
      const l2 = row.level2.canonical ?? canonicalLevel2(row.level2.raw);
      if (l2 !== "数量指标" || NEGATIVE.test(name)) continue;
      const group = unitGroup(v.unit);
      const bareCount = v.unit === null && v.magnitude === null && COUNT_NAME.test(name);
      if ((group === "people" || group === "count" || bareCount) && (v.op === "≤" || v.op === "<"))
        ctx.report({ messageId: "countCeiling", cell, data: { name, raw: v.raw, example: `≥${body}` } });
    }
  },
};
