import type { Rule } from "./types";
import type { Form } from "../model/schema";
import { FORMS, belongs, canonicalLevel1, canonicalLevel2, level2Of, shiftedLevel1 } from "../forms/categories";

/**
 * Does a 二级 belong to its 一级 in the table's form? (domain §a1, §a3, §a4, §b12, §g R1)
 * Accepted beyond the plain lists:
 * - the 88 ↔ 101 cost mapping, only where the form allows it: a 101 table may write the generic
 *   二级 成本指标 under the 一级 成本指标 (read as 经济成本指标), and an 88 table may write 经济成本指标
 *   under 产出指标 (read as 成本指标). A 101 table's cost row left under 产出指标 is reported as costMoved.
 * - the Hunan variant: 服务对象满意度指标 as a 二级 under 效益指标 (domain §a4, §g R1).
 * Rows whose 一级 is unknown are left to level1-unknown, and so are 二级 cells holding a 一级 name
 * (实施效果指标 › 产出指标: the categories are one column off, level1-unknown `shifted`); a table printed
 * without a 二级 column is not told its 二级 are missing.
 */
export const rule: Rule = {
  meta: {
    id: "level2-mismatch",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["missing", "unknown", "mismatch", "costMoved"],
    sources: ["domain §a1", "domain §a3", "domain §a4", "domain §b12", "domain §g R1"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "二级指标类型错误",
  },
  check(ctx) {
    const { table } = ctx;
    const form = table.form;
    const seen = new Set<string>();
    // A form without a 二级 column has no 二级 to miss.
    const hasLevel2Column = table.indicatorHeader.columns.some((c) => c.role === "level2");
    for (const row of table.indicators) {
      const l1 = row.level1.canonical ?? canonicalLevel1(row.level1.raw);
      if (l1 === null || !(l1 in FORMS[form])) continue;
      if (shiftedLevel1(row) !== null) continue;
      const l2f = row.level2;
      const cell = l2f.cell ?? row.name.cell;
      // A carried 二级 is judged once, where it was written, unless the 一级 changed below it.
      const key = `${cell ?? row.row}|${l1}`;
      if (l2f.carried && seen.has(key)) continue;
      const raw = (l2f.raw ?? "").trim();
      const allowed = () => level2Of(form, l1).join("、");
      if (raw === "") {
        if (!hasLevel2Column) continue;
        seen.add(key);
        ctx.report({ messageId: "missing", cell, data: { level1: l1, name: (row.name.value ?? "").trim() || "—", allowed: allowed() } });
        continue;
      }
      const l2 = l2f.canonical ?? canonicalLevel2(raw);
      if (seen.has(key)) continue;
      seen.add(key);
      if (l2 === null) {
        ctx.report({ messageId: "unknown", cell, data: { level2: raw, level1: l1, allowed: allowed() } });
        continue;
      }
      if (accepted(form, l1, l2)) continue;
      if (form === "101" && l1 === "产出指标" && isCost(l2)) {
        ctx.report({ messageId: "costMoved", cell, data: { level2: raw, level1: l1 } });
        continue;
      }
      ctx.report({ messageId: "mismatch", cell, data: { level2: raw, level1: l1, allowed: allowed() } });
    }
  },
};

function isCost(l2: string): boolean {
  return l2 === "成本指标" || l2 === "经济成本指标" || l2 === "社会成本指标" || l2 === "生态环境成本指标";
}

function accepted(form: Form, l1: string, l2: string): boolean {
  if (belongs(form, l1, l2)) return true;
  if (form === "101" && l1 === "成本指标" && l2 === "成本指标") return true;
  if (form === "88" && l1 === "产出指标" && l2 === "经济成本指标") return true;
  if (l1 === "效益指标" && l2 === "服务对象满意度指标") return true;
  return false;
}
