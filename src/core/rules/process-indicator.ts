import type { Rule } from "./types";
import { clean, memoText, normText } from "./utils/text";

/**
 * Fund-management and process measures used as 产出 / 效益 (or 101 成本) indicators (domain §b5, §a2;
 * the 反例 rows of scripts/library/seed-indicators.tsv). In the 10号 evaluation framework 资金到位率,
 * 预算执行率 and 资金使用合规性 are 过程 (资金管理) items, and 预算执行率 is scored on its own
 * (10 of 100 points) in self-evaluation, so listing them as outputs misclassifies them and counts
 * the budget execution twice.
 */

/**
 * Money flowing: 资金/经费/预算 followed (within a few characters) by 拨付/到位/下达/支出率/执行/供应 …;
 * spending (支出) arranged or arriving: 业务工作支出安排金额, 业务工作支出到位率.
 */
const FUNDS_RE =
  /(?:资金|经费|款项|预算|拨款)[^,，;；]{0,4}?(?:拨付|到位|下达|支出率|支出进度|支付率|执行率|执行进度|执行情况|使用率|供应)|预算执行|支出进度|支出(?:安排|到位)/;
/** Compliance and procedure floors: 资金使用合规性, 补贴发放合规率, 专款专用, 审批流程规范性, 财务制度执行. */
const COMPLIANCE_RE =
  /(?:资金|经费|财务|款项|补贴|补助)[^,，;；]{0,4}?(?:合规|规范|违规|挪用|挤占|截留)|专款专用|审批(?:流程|程序|手续)?[^,，;；]{0,2}?(?:规范|合规)|财务(?:管理)?制度(?:健全|执行)/;
/** Accounting results: 科目调整(次数), 结余率. */
const ACCOUNTING_RE = /科目调整|结余率|资金结余|结转结余/;

const APPLIES_TO = new Set(["产出指标", "效益指标", "成本指标"]);

export type ProcessKind = "funds" | "compliance" | "accounting";

/** Which kind of process measure an indicator name is, or null. Exported for the library and tests. */
export function processKind(name: string | null | undefined): ProcessKind | null {
  return name ? processKindOf(name) : null;
}

const processKindOf = memoText((name: string): ProcessKind | null => {
  const n = normText(name);
  if (!n) return null;
  if (ACCOUNTING_RE.test(n)) return "accounting";
  if (COMPLIANCE_RE.test(n)) return "compliance";
  if (FUNDS_RE.test(n)) return "funds";
  return null;
});

export const rule: Rule = {
  meta: {
    id: "process-indicator",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["funds", "compliance", "accounting"],
    sources: ["domain §b5", "domain §a2", "财预〔2020〕10号 [R]", "indicators.tsv 反例"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标与项目的相关性不够",
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      const l1 = row.level1.canonical;
      if (l1 === null || !APPLIES_TO.has(l1)) continue;
      const kind = processKind(row.name.value);
      if (kind === null) continue;
      ctx.report({
        messageId: kind,
        cell: row.name.cell,
        data: {
          name: clean(row.name.value),
          level1: l1,
          level2: row.level2.canonical ?? clean(row.level2.raw),
        },
      });
    }
  },
};
