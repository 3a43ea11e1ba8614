import type { Rule } from "./types";
import { findPlaceholders, withoutPlaceholders } from "../value/placeholders";

/**
 * Template placeholders left in a table ("XX", "××", "**", "＿＿", "(≥**人)"): the form's hints were
 * copied instead of filled in. One hint per table, reported on each cell (the same message, which lists
 * every cell of the table) so that a report can fold them. Covers 指标值 cells, indicator names that
 * keep a real name around the placeholder ("培训人数(≥**人)"; a name that is nothing but a placeholder
 * is vague-indicator's), and the 绩效目标 text.
 */
export const rule: Rule = {
  meta: {
    id: "placeholder-left",
    type: "suggestion",
    defaultSeverity: "info",
    messageIds: ["placeholder"],
    sources: ["domain §b5", "domain §a5 完整性"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "hint",
    opinion: "指标不够细化、量化",
    groupable: true,
  },
  check(ctx) {
    const { table } = ctx;
    const hits: { cell: string; text: string; token: string }[] = [];
    const seen = new Set<string>();
    const add = (cell: string | null, text: string | null, found: string[]) => {
      if (cell === null || text === null || found.length === 0 || seen.has(cell)) return;
      seen.add(cell);
      hits.push({ cell, text: text.trim(), token: found.join("、") });
    };
    for (const row of table.indicators) {
      const name = row.name.value;
      if (name !== null && withoutPlaceholders(name).replace(/[\s★☆※*＊]/g, "") !== "") add(row.name.cell, name, findPlaceholders(name, "name"));
      add(row.value.cell, row.value.raw, findPlaceholders(row.value.raw, "value"));
    }
    add(table.goal.cell, table.goal.value, findPlaceholders(table.goal.value, "name"));
    const cells = hits.map((h) => h.cell).join("、");
    for (const h of hits) {
      ctx.report({ messageId: "placeholder", cell: h.cell, data: { text: h.text, token: h.token, count: hits.length, cells } });
    }
  },
};
