import { toHalfWidth } from "../value/numbers";
import type { Rule } from "./types";
import { stripNumbering } from "./utils/text";

/**
 * Years (2021年, 2021-2023), ordinals (第三次, 第3批), numbered goal labels (目标1:) and "each one"
 * (每一个学生) are not quantities.
 */
const NOT_QUANTITY_RE =
  /(?:19|20)\d{2}\s*(?:年度?|[-~至到]\s*(?:19|20)\d{2}\s*年?)?|第\s*[0-9一二三四五六七八九十百]+\s*[次批期届个项季]?|目标\s*[0-9一二三四五六七八九十]{1,2}\s*[:：、.．]|每一?[个名位户家所人]/g;
/** Written quantities: digits, or Chinese numerals with a measure word (三场, 两期, 十个). */
const QUANTITY_RE =
  /\d|[一二三四五六七八九十两百千万]+\s*(?:个|次|场|期|批|人|名|家|户|项|座|处|条|所|台|辆|件|份|篇|公里|千米|米|平方米|亩|吨|天|小时|课时|万元|元)/;

/** Does the goal text state any quantity (numbering, years and ordinals aside)? */
export function goalHasQuantity(lines: readonly string[]): boolean {
  return lines.some((l) => QUANTITY_RE.test(toHalfWidth(stripNumbering(l)).replace(NOT_QUANTITY_RE, "")));
}

/**
 * A 绩效目标 without a single figure (domain §b10, §b1; seed §f6, §f7): the year target should say
 * what will be produced and achieved, with numbers that the indicators then carry. A goal made only of
 * purposes ("确保活动顺利开展", "提升园区基础设施配套水平") cannot be checked at year end.
 */
export const rule: Rule = {
  meta: {
    id: "goal-unquantified",
    type: "suggestion",
    defaultSeverity: "info",
    messageIds: ["noNumber"],
    sources: ["domain §b10", "domain §b1", "domain §f6"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "hint",
    opinion: "指标不够细化、量化",
  },
  check(ctx) {
    const { goal, goals } = ctx.table;
    const lines = goals.length > 0 ? goals.map((g) => g.text) : goal.value ? [goal.value] : [];
    if (lines.every((l) => l.trim() === "")) return; // an empty goal is required-field's
    if (goalHasQuantity(lines)) return;
    ctx.report({ messageId: "noNumber", cell: goal.cell ?? goals[0]?.cell ?? null, data: { lines: lines.length } });
  },
};
