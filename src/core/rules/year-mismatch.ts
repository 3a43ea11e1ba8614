import type { Rule } from "./types";
import { CODE_RE } from "./code-format";

/**
 * Fiscal-year consistency (domain §f7, §f31, §d): the project name or title names a year ("2021年…")
 * other than the budget year — options.year when given, else digits 7–8 of a well-formed 项目编码.
 * In the seed, a 2022 budget funds "工业新区2021年…开工会场搭建" with codes carrying "22": either the
 * money settles a prior-year event (then it is a 结转/清算 item and should say so) or the year is a typo.
 * Cross-year (跨年/结转) tables are not reported.
 */
const YEAR_RE = /(20\d{2})\s*年(?!度预算)/g;

export function budgetYear(code: string | null, optionYear: unknown): number | null {
  if (typeof optionYear === "number" && Number.isInteger(optionYear)) return optionYear;
  if (code && CODE_RE.test(code.trim())) return 2000 + Number(code.trim().slice(6, 8));
  return null;
}

export const rule: Rule = {
  meta: {
    id: "year-mismatch",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["nameYear"],
    sources: ["domain §d", "domain §f7", "domain §f31"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "其他",
  },
  check(ctx) {
    const t = ctx.table;
    if (t.crossYear) return;
    const year = budgetYear(t.projectCode.value, ctx.options.year);
    if (year === null) return;
    for (const field of [t.projectName, t.title]) {
      const text = field.value;
      if (!text) continue;
      const years = [...text.matchAll(YEAR_RE)].map((m) => Number(m[1]));
      const other = years.find((y) => y !== year);
      if (other !== undefined) {
        ctx.report({ messageId: "nameYear", cell: field.cell, data: { text, nameYear: other, year } });
        return; // one report per table: the name and the title usually repeat each other
      }
    }
  },
};
