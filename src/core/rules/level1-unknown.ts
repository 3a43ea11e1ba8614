import type { Rule } from "./types";
import { FORMS, canonicalLevel1, categoryKey, shiftedLevel1 } from "../forms/categories";

/** 一级 of the evaluation framework (10号: 决策/过程/产出/效益) that some provincial systems print in target tables. */
const EVALUATION_LEVEL1 = /^(决策|过程)(指标)?$/;

/**
 * Every 一级 must be a category of the table's form (88号/Hebei: 产出, 效益, 满意度; 101号: plus 成本)
 * or a known alias of one (domain §a1, §a3, §a4). Rows whose 一级 was carried down from above are
 * reported once, on the row where the text was written. A blank 一级 whose 二级 says which category
 * it is was read as that category and is not reported. A run of rows with a blank 一级 is one blank
 * (reported on its first row); a form printed without a 一级 column has no 一级 to leave blank.
 * - 决策 and 过程 are categories of the evaluation framework (domain §a2), not of a target table; some
 *   provincial systems (江苏) print them in the target table all the same, so they get one hint per
 *   table (`evaluation`, capped at info), not a warning per label.
 * - A 一级 over 二级 cells that hold 一级 names (实施效果指标 › 产出指标 / 效益指标, the 发改 form) has
 *   its categories one column too far right: reported once, on the 一级 (`shifted`).
 */
export const rule: Rule = {
  meta: {
    id: "level1-unknown",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["unknown", "notInForm", "missing", "evaluation", "shifted"],
    sources: ["domain §a1", "domain §a2", "domain §a3", "domain §a4", "domain §g R1"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    messagePolicy: { evaluation: "hint" },
    opinion: "一级指标类型错误",
  },
  check(ctx) {
    const { table } = ctx;
    const form = FORMS[table.form];
    const allowed = Object.keys(form).join("、");
    const seen = new Set<string>();
    const hasLevel1Column = table.indicatorHeader.columns.some((c) => c.role === "level1");
    let inBlankRun = false;
    let evaluationNoted = false;
    const shifted = new Map<string, { level1: string; cell: string | null; names: Set<string> }>();
    for (const row of table.indicators) {
      const l1 = row.level1;
      const raw = (l1.raw ?? "").trim();
      const shiftedTo = shiftedLevel1(row);
      if (shiftedTo !== null && raw !== "") {
        const key = raw;
        const s = shifted.get(key) ?? { level1: raw, cell: l1.cell ?? row.level2.cell, names: new Set<string>() };
        s.names.add(shiftedTo);
        shifted.set(key, s);
        continue;
      }
      const blank = raw === "" && l1.canonical === null;
      const continuesRun = blank && inBlankRun;
      inBlankRun = blank;
      if (continuesRun) continue;
      if (l1.carried) continue;
      const cell = l1.cell ?? row.name.cell;
      const key = cell ?? `row${row.row}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A blank 一级 read from the 二级 under it is understood (label-nonstandard notes it).
      if (raw === "" && l1.canonical !== null) continue;
      if (raw === "") {
        if (!hasLevel1Column) continue;
        ctx.report({ messageId: "missing", cell, data: { name: (row.name.value ?? "").trim() || "—", allowed } });
        continue;
      }
      const canonical = l1.canonical ?? canonicalLevel1(raw);
      if (canonical === null && EVALUATION_LEVEL1.test(categoryKey(raw))) {
        if (!evaluationNoted) ctx.report({ messageId: "evaluation", cell, data: { level1: raw, allowed } });
        evaluationNoted = true;
      } else if (canonical === null) {
        ctx.report({ messageId: "unknown", cell, data: { level1: raw, allowed, form: table.form } });
      } else if (!(canonical in form)) {
        ctx.report({ messageId: "notInForm", cell, data: { level1: raw, canonical, allowed, form: table.form } });
      }
    }
    for (const s of shifted.values()) {
      ctx.report({ messageId: "shifted", cell: s.cell, data: { level1: s.level1, level2: [...s.names].join("、") } });
    }
  },
};
