import type { ProjectTable } from "../model/schema";
import type { Rule } from "./types";
import { goalKey, normText, projectLabel } from "./utils/text";

/** At least this share of a table's indicator rows must be copies … */
export const COPIED_SHARE = 0.6;
/** … and at least this many rows. */
export const COPIED_MIN_ROWS = 3;

function rowKeys(t: ProjectTable): string[] {
  return t.indicators
    .filter((r) => normText(r.name.value) !== "")
    .map((r) => `${normText(r.name.value)}|${normText(r.value.raw)}`);
}

function goalText(t: ProjectTable): string {
  const lines = t.goals.length > 0 ? t.goals.map((g) => g.text) : [t.goal.value ?? ""];
  return lines.map(goalKey).join("|");
}

/**
 * Indicator rows copied from another table of the workbook (domain §f8: 项目2 is 项目1 with two
 * figures changed, down to the cost row “会场布置总成本” on a machinery-rental project). A row counts
 * as copied when its name and value (and so also name + description + value) equal a row of an
 * earlier table. Reported on the later table, naming the earlier one by project name and range.
 * The same rule reports a 绩效目标 copied word for word from an earlier table (§f6).
 */
export const rule: Rule = {
  meta: {
    id: "copied-indicators",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["copied", "copiedGoal"],
    sources: ["domain §f8", "domain §f6", "domain §a5 相关性", "88号 相关性 [R]"],
    fixable: false,
    hasSuggestions: false,
    scope: "workbook",
  },
  check(ctx) {
    const { table, tables, tableIndex } = ctx;
    const keys = rowKeys(table);
    if (keys.length >= COPIED_MIN_ROWS) {
      let best: { j: number; count: number } | null = null;
      for (let j = 0; j < tableIndex; j++) {
        const earlier = new Set(rowKeys(tables[j]));
        const count = keys.filter((k) => earlier.has(k)).length;
        if (best === null || count > best.count) best = { j, count };
      }
      if (best && best.count >= COPIED_MIN_ROWS && best.count / keys.length >= COPIED_SHARE) {
        const other = tables[best.j];
        ctx.report({
          messageId: "copied",
          cell: null,
          data: {
            count: best.count,
            total: keys.length,
            project: projectLabel(other),
            sheet: other.sheet,
            range: other.range,
          },
        });
      }
    }
    const goal = goalText(table);
    if (goal.replace(/\|/g, "").length >= 8) {
      for (let j = 0; j < tableIndex; j++) {
        if (goalText(tables[j]) !== goal) continue;
        const other = tables[j];
        ctx.report({
          messageId: "copiedGoal",
          cell: table.goal.cell ?? table.goals[0]?.cell ?? null,
          data: { project: projectLabel(other), sheet: other.sheet, range: other.range },
        });
        break;
      }
    }
  },
};
