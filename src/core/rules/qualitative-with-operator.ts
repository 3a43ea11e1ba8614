import { toHalfWidth } from "../value/numbers";
import type { ParsedValue } from "../value/types";
import type { Rule } from "./types";
import { clean, memoText } from "./utils/text";

/** Comparison symbols (not words such as 达到, which are part of grades like 达到预期). */
const SYMBOL_OP_RE = /^\s*(>=|<=|=>|=<|≥|≤|≧|≦|⩾|⩽|﹥|﹤|=|>|<)\s*(.*)$/;

/** The grade text of a qualitative value written with an operator ("≥良好" → "良好"), or null. */
export function gradeWithOperator(v: ParsedValue): { op: string; grade: string } | null {
  const s = symbolAndGrade(v.raw);
  if (s === null) return null;
  if (v.kind === "qualitative" || s.cjk) return { op: s.op, grade: s.grade };
  return null;
}

/** The text-only part of gradeWithOperator, memoised per 指标值 text (the result is never handed out). */
const symbolAndGrade = memoText((raw: string): { op: string; grade: string; cjk: boolean } | null => {
  const m = SYMBOL_OP_RE.exec(toHalfWidth(clean(raw)));
  if (!m) return null;
  const rest = m[2].trim();
  if (rest === "" || /\d/.test(rest)) return null;
  return { op: m[1], grade: rest, cjk: /^[\u3400-\u9fff]+$/.test(rest) };
});

/**
 * A qualitative value carrying a comparison operator (domain §b4): "=提高", "≥良好", "≥合格". A grade
 * is not a number; ≥/≤ on it cannot be scored (正向/反向 scoring needs a figure, §a2). Write the grade
 * alone ("良好") or a number ("≥90%").
 */
export const rule: Rule = {
  meta: {
    id: "qualitative-with-operator",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["operator"],
    sources: ["domain §b4", "domain §b2", "domain §a2"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标与指标值不匹配",
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      const hit = gradeWithOperator(row.value);
      if (hit === null) continue;
      ctx.report({
        messageId: "operator",
        cell: row.value.cell ?? row.name.cell,
        data: { name: clean(row.name.value), value: row.value.raw, op: hit.op, grade: hit.grade },
      });
    }
  },
};
