import { isPercent } from "../value/units";
import type { Rule } from "./types";
import { clean, isSatisfactionRow, normText } from "./utils/text";

/** Satisfaction targets above this percent are reported (100% separately). */
export const SATISFACTION_MAX = 98;
/** Satisfaction targets below this percent are reported. */
export const SATISFACTION_MIN = 80;

/** The implementing side rating itself: 项目单位满意度, 本单位满意度, 实施单位满意度 …. */
const SELF_RATED_RE = /(?:项目|本|实施|承办|执行|建设|申报|承担|项目实施|项目承担|项目建设)单位|本部门|本机关/;
/** A satisfaction name that names nobody: 满意度, 总体满意度, 综合满意率 …. */
const BARE_RE = /^(?:总体|综合|整体|平均|年度)?满意(?:度|率|程度)(?:指标)?$/;

/**
 * Satisfaction indicators (domain §b6, §g R7; seed §f18, §f28). The respondent must be an external
 * beneficiary named in the indicator, and the target a survey percentage within the range seen in
 * practice (≥85% … ≥98%): 100% cannot be met by a real survey, above 98% is barely attainable, below
 * 80% is no target at all. One message id each:
 * hundred, tooHigh, tooLow, qualitative (value cell); selfRated, noRespondent (name cell).
 */
export const rule: Rule = {
  meta: {
    id: "satisfaction-value",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["hundred", "tooHigh", "tooLow", "qualitative", "selfRated", "noRespondent"],
    sources: ["domain §b6", "domain §g R7", "domain §f18", "domain §f28"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      if (!isSatisfactionRow(row)) continue;
      const name = clean(row.name.value);
      const key = normText(name);
      const data = { name, value: row.value.raw };
      if (key && SELF_RATED_RE.test(key)) ctx.report({ messageId: "selfRated", cell: row.name.cell, data });
      else if (BARE_RE.test(key)) ctx.report({ messageId: "noRespondent", cell: row.name.cell, data });

      const v = row.value;
      const valueCell = v.cell ?? row.name.cell;
      if (isPercent(v) && v.number !== null) {
        const n = v.number;
        const ceiling = v.op === "<" || v.op === "≤";
        if (n === 100 && !ceiling) ctx.report({ messageId: "hundred", cell: valueCell, data });
        else if (n > SATISFACTION_MAX && n < 100 && !ceiling) ctx.report({ messageId: "tooHigh", cell: valueCell, data });
        else if (n < SATISFACTION_MIN) ctx.report({ messageId: "tooLow", cell: valueCell, data });
      } else if (v.kind === "qualitative") {
        ctx.report({ messageId: "qualitative", cell: valueCell, data });
      }
    }
  },
};
