import type { Rule } from "./types";
import type { Form, IndicatorRow } from "../model/schema";
import { FORMS, canonicalLevel1, canonicalLevel2, shiftedLevel1 } from "../forms/categories";
import { toHalfWidth } from "../value/numbers";
import { isTemplateName } from "./utils/text";

/** A template mark inside a value: ≥XX%, **人, (≥＿＿个). */
const VALUE_MARK_RE = /[Xx×*_…]/;


/** A 指标值 that is blank or a template value without a number (≥XX%, **人). */
function valueUnfilled(row: IndicatorRow): boolean {
  const v = row.value;
  if (v.kind === "empty") return true;
  const s = toHalfWidth(v.raw);
  return !/\d/.test(s) && VALUE_MARK_RE.test(s);
}

function rowUnfilled(row: IndicatorRow): boolean {
  return isTemplateName(row.name.value) && valueUnfilled(row);
}

/**
 * The 一级 of a row, read from its 二级 when the 一级 is blank or unknown, or from a 二级 cell holding a
 * 一级 name (categories one column off); null when it cannot be placed.
 */
function level1Of(form: Form, row: IndicatorRow): string | null {
  const shifted = shiftedLevel1(row);
  if (shifted !== null) return shifted;
  const l1 = row.level1.canonical ?? canonicalLevel1(row.level1.raw);
  if (l1 !== null) return l1;
  const l2 = row.level2.canonical ?? canonicalLevel2(row.level2.raw);
  for (const [k, l2s] of Object.entries(FORMS[form])) if (l2 !== null && l2s.includes(l2)) return k;
  return null;
}

/**
 * One finding for a table whose indicators were not filled in (domain §a5 完整性): every indicator
 * row holds only template text (blank or XX names, blank or ≥XX% values): `unfilled`, which replaces
 * the per-row findings the template rows would give; or the filled rows stop after the first part of
 * the form, leaving two or more of its 一级 with only unfilled template rows: `stopsShort`, which replaces
 * category-missing's per-category findings. One cause, one finding.
 */
export const rule: Rule = {
  meta: {
    id: "template-unfilled",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["unfilled", "stopsShort"],
    sources: ["domain §a5 完整性", "domain §b8"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标不够完整",
    supersedes: {
      unfilled: [
        "category-missing",
        "value-missing",
        "vague-indicator",
        "value-unparsed",
        "unit-missing",
        "operator-missing",
        "level1-unknown:missing",
        "level2-mismatch:missing",
        "required-field:indicatorName",
        "placeholder-left",
      ],
      stopsShort: ["category-missing:level1Empty", "category-missing:tailMissing"],
    },
  },
  check(ctx) {
    const { table } = ctx;
    const rows = table.indicators;
    if (rows.length === 0) return; // category-missing reports a table without indicators
    const anchor = rows[0].name.cell ?? rows[0].level1.cell ?? rows[0].value.cell;
    const filled = rows.filter((r) => !rowUnfilled(r));
    if (filled.length === 0) {
      const cells = rows.map((r) => r.name.cell ?? r.value.cell).filter((c): c is string => c !== null);
      ctx.report({ messageId: "unfilled", cell: anchor, data: { n: rows.length, cells: listCells(cells) } });
      return;
    }
    const levels = filled.map((r) => level1Of(table.form, r));
    if (levels.some((l) => l === null)) return; // level1-unknown reports the label
    const present = new Set(levels as string[]);
    // A satisfaction 二级 under 效益 covers the satisfaction 一级 (domain §a4).
    if (filled.some((r) => (r.level2.canonical ?? canonicalLevel2(r.level2.raw)) === "服务对象满意度指标")) present.add("满意度指标");
    const order = Object.keys(FORMS[table.form]);
    const missing = order.filter((l) => !present.has(l));
    if (missing.length < 2) return;
    // Only the form's own rows left unfilled show that the table stops short; when the rows are absent
    // the table may be a partial copy, and category-missing gives one hint (tailMissing).
    if (!rows.some((r) => rowUnfilled(r) && missing.includes(level1Of(table.form, r) ?? ""))) return;
    ctx.report({
      messageId: "stopsShort",
      cell: anchor,
      data: { present: order.filter((l) => present.has(l)).join("、"), missing: missing.join("、") },
    });
  },
};

/** "F13、F14、F15" (at most 8, then "等"). */
function listCells(cells: readonly string[], max = 8): string {
  return cells.length > max ? `${cells.slice(0, max).join("、")}等` : cells.join("、");
}
