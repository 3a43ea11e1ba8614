import { isPercent } from "../value/units";
import { findPlaceholders } from "../value/placeholders";
import type { Rule } from "./types";
import { SATISFACTION_RE, clean, isSatisfactionRow, normText } from "./utils/text";
import { canonicalLevel1, canonicalLevel2 } from "../forms/categories";

/** Who is asked: the name without its satisfaction word and general qualifiers ("群众满意率" → 群众). */
function respondentKey(key: string): string {
  return key.replace(/(?:总体|综合|整体|平均|年度)/g, "").replace(/满意(?:度|率|程度)(?:指标|调查|测评)?/g, "");
}

/** Satisfaction targets above this percent are reported (100% separately). */
export const SATISFACTION_MAX = 98;
/** Satisfaction targets below this percent are reported. */
export const SATISFACTION_MIN = 80;

/** The implementing side rating itself: 项目单位满意度, 本单位满意度, 实施单位满意度 …. */
const SELF_RATED_RE = /(?:项目|本|实施|承办|执行|建设|申报|承担|项目实施|项目承担|项目建设)单位|本部门|本机关/;
/** A target written into the name ("满意度95%以上"): not a respondent. */
const EMBEDDED_TARGET_RE = /(?:达到|不低于|≥|>=)?\d+(?:\.\d+)?%?(?:以上|及以上)?$/;
/** A satisfaction name that names nobody: 满意度, 总体满意度, 综合满意率 …. */
const BARE_RE = /^(?:总体|综合|整体|平均|年度)?满意(?:度|率|程度)(?:指标)?$/;

/**
 * Satisfaction indicators (domain §b6, §g R7; seed §f18, §f28). The respondent must be an external
 * beneficiary named in the indicator, and the target a survey percentage within the range seen in
 * practice (≥85% … ≥98%): 100% cannot be met by a real survey, above 98% is barely attainable, below
 * 80% is no target at all. One message id each:
 * hundred, tooHigh, tooLow, qualitative (a grade or words with no number, value cell); selfRated,
 * noRespondent (name cell).
 * Placement: a satisfaction name filed under 产出 or under a 效益 二级 other than 服务对象满意度指标
 * (underBenefit; the Hunan variant, a satisfaction 二级 under 效益, is accepted), and a second row
 * asking the same respondents (repeated: "群众满意度" and "群众满意率"; identical names are
 * duplicate-indicator's).
 */
export const rule: Rule = {
  meta: {
    id: "satisfaction-value",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["hundred", "tooHigh", "tooLow", "qualitative", "selfRated", "noRespondent", "underBenefit", "repeated"],
    sources: ["domain §b6", "domain §g R7", "domain §f18", "domain §f28"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标与指标值不匹配",
    messageOpinion: { selfRated: "指标与项目的相关性不够", noRespondent: "指标不够细化、量化", underBenefit: "一级指标类型错误", repeated: "其他" },
  },
  check(ctx) {
    const asked = new Map<string, { key: string; name: string }>();
    for (const row of ctx.table.indicators) {
      if (!isSatisfactionRow(row)) continue;
      const name = clean(row.name.value);
      const key = normText(name);
      const data = { name, value: row.value.raw };
      const l1 = row.level1.canonical ?? canonicalLevel1(row.level1.raw);
      const l2 = row.level2.canonical ?? canonicalLevel2(row.level2.raw);
      if (SATISFACTION_RE.test(name) && (l1 === "产出指标" || l1 === "效益指标") && l2 !== "服务对象满意度指标") {
        ctx.report({ messageId: "underBenefit", cell: row.name.cell ?? row.level1.cell, data: { name, level1: l1, level2: l2 ?? clean(row.level2.raw) } });
      }
      const who = respondentKey(key);
      const first = asked.get(who);
      if (first === undefined) {
        if (key) asked.set(who, { key, name });
      } else if (first.key !== key) {
        ctx.report({ messageId: "repeated", cell: row.name.cell, data: { name, first: first.name } });
      }
      if (key && SELF_RATED_RE.test(key)) ctx.report({ messageId: "selfRated", cell: row.name.cell, data });
      else if (BARE_RE.test(key.replace(EMBEDDED_TARGET_RE, ""))) ctx.report({ messageId: "noRespondent", cell: row.name.cell, data });

      const v = row.value;
      const valueCell = v.cell ?? row.name.cell;
      if (isPercent(v) && v.number !== null) {
        const n = v.number;
        const ceiling = v.op === "<" || v.op === "≤";
        if (n === 100 && !ceiling) ctx.report({ messageId: "hundred", cell: valueCell, data });
        else if (n > SATISFACTION_MAX && n < 100 && !ceiling) ctx.report({ messageId: "tooHigh", cell: valueCell, data });
        else if (n < SATISFACTION_MIN) ctx.report({ messageId: "tooLow", cell: valueCell, data });
      } else if (v.kind === "qualitative" || (v.kind === "unparsed" && !/\d/.test(v.raw) && findPlaceholders(v.raw).length === 0)) {
        // a grade, or words with no number at all ("高中低", the template's list of grades)
        ctx.report({ messageId: "qualitative", cell: valueCell, data });
      }
    }
  },
};
