import type { Rule } from "./types";
import { findPlaceholders } from "../value/placeholders";
import { magnitudeIsMoney } from "./utils/money";

/**
 * A number with no 计量单位 ("220", "≥180") cannot be read or scored: 220 what? (domain §b3, §b12).
 * Dates and periods are not concerned, nor template placeholders (placeholder-left). When the 三级 name
 * is a rate (…率) the message says so. A magnitude without a unit ("250万") is money in a cost row or
 * a money-counting row (unit-wording hints 万元); elsewhere the message says it read the magnitude.
 */
export const rule: Rule = {
  meta: {
    id: "unit-missing",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["missing", "missingRate", "magnitude"],
    sources: ["domain §b3", "domain §b12", "domain §g R3"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标不够细化、量化",
    groupable: true,
  },
  check(ctx) {
    const { table } = ctx;
    for (const row of table.indicators) {
      const v = row.value;
      if (v.kind !== "quantitative" || v.number === null || v.unit !== null) continue;
      if (v.date !== null || v.dateEnd !== null) continue;
      if (findPlaceholders(v.raw).length > 0) continue;
      const name = (row.name.value ?? "").trim();
      const cell = v.cell ?? row.name.cell;
      if (v.magnitude !== null) {
        if (magnitudeIsMoney(table, row)) continue;
        ctx.report({ messageId: "magnitude", cell, data: { raw: v.raw, name, magnitude: v.magnitude, reading: v.normalized ?? v.raw } });
      } else if (/率$/.test(name.replace(/[（(].*?[)）]/g, ""))) {
        ctx.report({ messageId: "missingRate", cell, data: { raw: v.raw, name, example: `${v.normalized ?? v.raw}%` } });
      } else {
        ctx.report({ messageId: "missing", cell, data: { raw: v.raw, name } });
      }
    }
  },
};
