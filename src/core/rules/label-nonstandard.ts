import type { Rule } from "./types";
import { labelNote } from "../forms/categories";

type Note = NonNullable<ReturnType<typeof labelNote>> | "inferred";

/**
 * 一级/二级 labels as forms print them: with a score ("产出指标（50分）"), numbered ("一、产出指标"),
 * marked ("★产出指标"), with a template's note ("数量指标 (必填硬性指标)"), an older or regional name (预期产出指标, 效果指标), a merged 二级
 * ("社会、经济、生态效益指标"), or a blank 一级 read from the 二级 under it. Every one is read as its
 * standard category (the other rules see the standard name); this rule notes it once per table, on the
 * first such label, and counts the others. Never more than a hint: the label is understood.
 */
export const rule: Rule = {
  meta: {
    id: "label-nonstandard",
    type: "layout",
    defaultSeverity: "info",
    messageIds: ["score", "numbering", "marker", "note", "merged", "alias", "inferred"],
    sources: ["domain §a1", "domain §a3", "domain §a4"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "hint",
    opinion: "其他",
  },
  check(ctx) {
    const { table } = ctx;
    const found: { cell: string; note: Note; label: string; canonical: string }[] = [];
    const seen = new Set<string>();
    const hasLevel1Column = table.indicatorHeader.columns.some((c) => c.role === "level1");
    for (const row of table.indicators) {
      for (const [field, level] of [[row.level1, 1], [row.level2, 2]] as const) {
        if (field.carried || field.cell === null || seen.has(field.cell) || field.canonical === null) continue;
        let note: Note | null = labelNote(field.raw, level);
        if (field.raw === null && level === 1 && hasLevel1Column) note = "inferred";
        if (note === null) continue;
        seen.add(field.cell);
        found.push({ cell: field.cell, note, label: field.raw ?? "", canonical: field.canonical });
      }
    }
    if (found.length === 0) return;
    const first = found[0];
    const l2 = table.indicators.find((r) => r.level1.cell === first.cell)?.level2.canonical ?? "";
    ctx.report({
      messageId: first.note,
      cell: first.cell,
      data: {
        label: first.label,
        canonical: first.canonical,
        level2: l2,
        count: found.length,
        cells: found.map((f) => f.cell).join("、"),
      },
    });
  },
};
