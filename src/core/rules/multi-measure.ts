import type { Rule } from "./types";
import { clean, memoText, normText } from "./utils/text";

/** Separators between measures: 、 ， ; / and the conjunctions 和, 与, 以及. */
const SPLIT_RE = /[、，,；;/／]|以及|和|与/;
/** A part that is a measure of its own: …率, …数量, …次数, …满意度, …时间, …成本 …. */
const MEASURE_END_RE = /(?:率|数量|次数|人数|个数|户数|人次|满意度|时间|时限|成本|面积|长度|里程)$/;

/** The measures packed into one indicator name ("群众纠纷协调率、处理率、调解率" → three). */
export function measuresOf(name: string | null | undefined): string[] {
  return name ? measuresOfText(name).slice() : [];
}

const measuresOfText = memoText((name: string): readonly string[] => {
  const parts = clean(name)
    .replace(/[（(][^）)]*[)）]/g, "")
    .split(SPLIT_RE)
    .map((p) => normText(p));
  return parts.filter((p) => p.length >= 2 && MEASURE_END_RE.test(p));
});

/**
 * One indicator packing several measures under one value (domain §f2, §b12): "群众纠纷协调率、处理率、
 * 调解率 100%" cannot be scored, since one value cannot state three targets. Each measure should be
 * its own row with its own value.
 */
const NONE: readonly string[] = [];

export const rule: Rule = {
  meta: {
    id: "multi-measure",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["several"],
    sources: ["domain §f2", "domain §b12"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "建议拆分指标",
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      const measures = row.name.value ? measuresOfText(row.name.value) : NONE;
      if (measures.length < 2) continue;
      ctx.report({
        messageId: "several",
        cell: row.name.cell,
        data: {
          name: clean(row.name.value),
          count: measures.length,
          measures: measures.join("、"),
          measuresEn: measures.join(", "),
        },
      });
    }
  },
};
