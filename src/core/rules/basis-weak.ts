import type { Rule } from "./types";
import { citesDocument, clean, excerpt, isCostRow, memoText, normText } from "./utils/text";

/** The 绩效标准 types of the 填报说明 (domain §b9, §a1) and 预算支出标准 for cost rows. */
const STANDARD_RE = /计划标准|行业标准|历史标准|其他标准|财政部门认可的其他标准|预算支出标准/;
const OTHER_ONLY_RE = /^其他$/;
const BUDGET_STANDARD_RE = /预算支出标准/;

/**
 * Short evidence nouns accepted as the evidence of a 计划标准: 验收报告, 施工合同, 满意度调查问卷,
 * 年度工作报告, 实施方案, 统计数据 …. A short noun phrase (≤ 12 characters, no sentence punctuation)
 * ending in one of these words.
 */
const EVIDENCE_END_RE =
  /(?:报告|合同|协议|问卷|方案|计划|规划|文件|通知|批复|请示|纪要|清单|台账|记录|统计|数据|报表|标准|规范|办法|制度|细则|预算|决算|概算|预算书|任务书|责任书|考核表|登记表|名册|凭证|发票|档案|资料|政策)$/;
export const EVIDENCE_MAX_LENGTH = 12;
const SENTENCE_PUNCT_RE = /[，。；！？,;!?]/;

export type BasisKind = "empty" | "standard" | "budgetStandard" | "document" | "evidence" | "narrative";

/** How a 指标值确定依据 text reads. */
export function basisKind(text: string | null | undefined): BasisKind {
  return text ? basisKindOf(text) : "empty";
}

const basisKindOf = memoText((text: string): BasisKind => {
  const t = clean(text);
  const key = normText(t);
  if (!key) return "empty";
  if (BUDGET_STANDARD_RE.test(key) && !STANDARD_RE.test(key.replace(/预算支出标准/g, ""))) return "budgetStandard";
  if (STANDARD_RE.test(key) || OTHER_ONLY_RE.test(key)) return "standard";
  if (citesDocument(t)) return "document";
  if (key.length <= EVIDENCE_MAX_LENGTH && !SENTENCE_PUNCT_RE.test(t.replace(/[。.]$/, "")) && EVIDENCE_END_RE.test(key))
    return "evidence";
  return "narrative";
});

/**
 * 指标值确定依据 / 绩效标准 (domain §b9, §a1; seed §f20, §f24–26). Accepted: a standard type
 * (计划标准, 行业标准, 历史标准, 其他标准; 预算支出标准 on cost rows only), a 文号 or 《document》, or a
 * short evidence noun (验收报告, 施工合同 …) read as the evidence of a 计划标准. Reported: an empty
 * 依据, a narrative sentence, 预算支出标准 on a non-cost row, and one and the same document on every
 * row of the table (§f20: says nothing about each row's figure).
 */
export const rule: Rule = {
  meta: {
    id: "basis-weak",
    type: "suggestion",
    defaultSeverity: "info",
    messageIds: ["empty", "narrative", "budgetStandardNotCost", "sameForAll"],
    sources: ["domain §b9", "domain §a1", "domain §f20", "domain §f24", "domain §f26", "88号 绩效标准 [R]"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "hint",
    opinion: "其他",
    groupable: true,
  },
  check(ctx) {
    const rows = ctx.table.indicators.filter((r) => r.basis.cell !== null);
    const kinds = rows.map((r) => basisKind(r.basis.value));
    rows.forEach((row, i) => {
      const data = { name: clean(row.name.value), basis: excerpt(row.basis.value, 40) };
      const cell = row.basis.cell;
      switch (kinds[i]) {
        case "empty":
          ctx.report({ messageId: "empty", cell, data });
          break;
        case "narrative":
          ctx.report({ messageId: "narrative", cell, data });
          break;
        case "budgetStandard":
          if (!isCostRow(row)) ctx.report({ messageId: "budgetStandardNotCost", cell, data });
          break;
        default:
          break;
      }
    });
    // One document (or evidence noun) copied onto every row.
    if (rows.length >= 3) {
      const first = normText(rows[0].basis.value);
      const same = rows.every((r) => normText(r.basis.value) === first);
      if (same && (kinds[0] === "document" || kinds[0] === "evidence")) {
        ctx.report({
          messageId: "sameForAll",
          cell: rows[0].basis.cell,
          data: { basis: excerpt(rows[0].basis.value, 40), count: rows.length },
        });
      }
    }
  },
};
