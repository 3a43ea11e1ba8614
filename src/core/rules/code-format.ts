import type { Rule } from "./types";

/** 6-digit area code + 2-digit year + letter + 11 digits + check letter (domain §d). */
export const CODE_RE = /^(\d{6})(\d{2})([A-Z])(\d{11})([A-Z])$/;

/** First two digits of GB/T 2260 province-level codes (plus 10 for the central level [I]). */
const PROVINCES = new Set([
  "10", "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
  "71", "81", "82",
]);

/**
 * 项目编码 as seen in the seed and in Tianjin (domain §d, S-TJ, S-AC): ^\d{6}\d{2}[A-Z]\d{11}[A-Z]$.
 * The structure is partly inferred, so this is a warning, and:
 * - the area code is checked only for a valid province prefix (the full area table is not bundled);
 * - the year digits are compared with options.year only when a year is known;
 * - a 9th character other than P gets a please-check wording (P is usual but unverified);
 * - the trailing check letter is never judged (no algorithm fits the samples); a blank code is left alone.
 */
export const rule: Rule = {
  meta: {
    id: "code-format",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["format", "area", "year", "letter"],
    sources: ["domain §d", "S-TJ", "S-AC"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "其他",
  },
  check(ctx) {
    const f = ctx.table.projectCode;
    const code = (f.value ?? "").trim();
    if (code === "") return;
    const m = CODE_RE.exec(code);
    if (!m) {
      ctx.report({ messageId: "format", cell: f.cell, data: { code, length: [...code].length } });
      return;
    }
    const [, area, yy, letter] = m;
    if (!PROVINCES.has(area.slice(0, 2))) ctx.report({ messageId: "area", cell: f.cell, data: { code, area } });
    const year = ctx.options.year;
    if (typeof year === "number" && Number.isInteger(year)) {
      const expected = String(year % 100).padStart(2, "0");
      if (yy !== expected) ctx.report({ messageId: "year", cell: f.cell, data: { code, digits: yy, year, expected } });
    }
    if (letter !== "P") ctx.report({ messageId: "letter", cell: f.cell, data: { code, letter } });
  },
};
