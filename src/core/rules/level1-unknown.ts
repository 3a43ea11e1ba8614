import type { Rule } from "./types";
import { FORMS, canonicalLevel1 } from "../forms/categories";

/**
 * Every 一级 must be a category of the table's form (88号/Hebei: 产出, 效益, 满意度; 101号: plus 成本)
 * or a known alias of one (domain §a1, §a3, §a4). Rows whose 一级 was carried down from above are
 * reported once, on the row where the text was written. A blank 一级 whose 二级 says which category
 * it is was read as that category and is not reported.
 */
export const rule: Rule = {
  meta: {
    id: "level1-unknown",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["unknown", "notInForm", "missing"],
    sources: ["domain §a1", "domain §a3", "domain §a4", "domain §g R1"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "一级指标类型错误",
  },
  check(ctx) {
    const { table } = ctx;
    const form = FORMS[table.form];
    const allowed = Object.keys(form).join("、");
    const seen = new Set<string>();
    // A department form that lists its indicators flat (no 一级 column, as Chongqing's) is not missing them.
    if (table.kind === "department" && !table.indicatorHeader.columns.some((c) => c.role === "level1")) return;
    for (const row of table.indicators) {
      const l1 = row.level1;
      if (l1.carried) continue;
      const cell = l1.cell ?? row.name.cell;
      const key = cell ?? `row${row.row}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const raw = (l1.raw ?? "").trim();
      // A blank 一级 read from the 二级 under it is understood (label-nonstandard notes it).
      if (raw === "" && l1.canonical !== null) continue;
      if (raw === "") {
        ctx.report({ messageId: "missing", cell, data: { name: (row.name.value ?? "").trim() || "—", allowed } });
        continue;
      }
      const canonical = l1.canonical ?? canonicalLevel1(raw);
      if (canonical === null) {
        ctx.report({ messageId: "unknown", cell, data: { level1: raw, allowed, form: table.form } });
      } else if (!(canonical in form)) {
        ctx.report({ messageId: "notInForm", cell, data: { level1: raw, canonical, allowed, form: table.form } });
      }
    }
  },
};
