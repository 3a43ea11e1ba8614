import type { Rule } from "./types";
import type { CellEdit, IndicatorRow, ProjectTable } from "../model/schema";
import { WORD_UNITS, isLatinUnit, isSiSymbol, isWordUnit } from "../value/units";
import { magnitudeIsMoney, magnitudeReading } from "./utils/money";
import { parsePlainNumber } from "../value/numbers";

/**
 * The edits that write a row's fully normalised 指标值 back into the sheet. With the value in one
 * cell that cell gets the normalised text. In split layouts (指标性质 / 指标值 / 度量单位 columns) every
 * present part is rewritten (operator, bare number, unit), so the result does not depend on which
 * cell held which part before, and two rules' fixes on the same row can be applied in either order.
 * Null when the value has no normalised form.
 */
export function normalizedValueEdits(table: ProjectTable, row: IndicatorRow): CellEdit[] | null {
  const v = row.value;
  const text = v.normalized;
  if (text === null || v.cell === null) return null;
  const sheet = table.sheet;
  if (row.opCell === null && row.unitCell === null) return [{ sheet, cell: v.cell, value: text }];
  let body = text;
  const edits: CellEdit[] = [];
  if (row.opCell !== null && v.op !== null) {
    body = body.replace(v.op, ""); // also behind a leading word: 每年≥4次
    edits.push({ sheet, cell: row.opCell, value: v.op });
  }
  if (row.unitCell !== null && v.unit !== null) {
    if (body.endsWith(v.unit)) body = body.slice(0, body.length - v.unit.length);
    edits.push({ sheet, cell: row.unitCell, value: v.unit });
  }
  const n = parsePlainNumber(body);
  edits.unshift({ sheet, cell: v.cell, value: n !== null && !body.includes(",") ? n : body });
  return edits;
}

/** Names that count people: 人数, 参训人员, 受益群众 …; not units or bodies (单位, 企业, 户, 村 …). */
const PEOPLE_RE = /人数|人员|人次|学生|学员|职工|干部|教师|医生|患者|老人|儿童|村民|居民|农民|群众|参训|受训|就业/;
const NOT_PEOPLE_RE = /单位|企业|机构|学校|村|户|项目|组织|团队|班|家庭|合作社|基地|场次|期/;
/** "万/月" as written for 万元/月: a magnitude standing for a money unit. */
const MAGNITUDE_RATE_RE = /^(千|万|亿)[/每]/;

/**
 * A unit written as a word where a symbol is standard: ≥95百分比 → ≥95% (domain §b3, §f 19; the
 * same quirk appears in published tables, S-ANT). The fix writes the fully normalised value.
 * People counted in 个 ("培训人数 ≥200个") get a hint to count them in 人 or 人次 (peopleInGe, no fix:
 * which of the two is meant is the author's call). Two spelling hints for values that were read: a
 * money magnitude without 元 ("≤250万" in a cost row reads 250万元; "≤50万/月" reads 50万元/月) and a
 * unit in Latin letters written in a case the legal units do not use ("500M" reads 500米 — M is mega —,
 * "3KM" 3公里); a symbol as GB 3100 writes it ("2km", "20t", "500m²") is a unit as good as its name.
 */
export const rule: Rule = {
  meta: {
    id: "unit-wording",
    type: "suggestion",
    defaultSeverity: "info",
    messageIds: ["wordUnit", "peopleInGe", "moneyMagnitude", "latinUnit"],
    sources: ["domain §b3", "domain §f 19", "domain §g R3"],
    fixable: true,
    hasSuggestions: false,
    scope: "table",
    policy: "format",
    opinion: "其他",
    groupable: true,
  },
  check(ctx) {
    const { table } = ctx;
    for (const row of table.indicators) {
      const v = row.value;
      if (v.kind !== "quantitative") continue;
      const name = (row.name.value ?? "").trim();
      if (v.unit === "个" && PEOPLE_RE.test(name) && !NOT_PEOPLE_RE.test(name)) {
        const unit = /人次/.test(name) ? "人次" : "人";
        ctx.report({ messageId: "peopleInGe", cell: v.cell ?? row.name.cell, data: { raw: v.raw, name, unit } });
        continue;
      }
      const cell = v.cell ?? row.name.cell;
      const single = row.opCell === null && row.unitCell === null && v.cell !== null;
      const bareMoney = v.unit === null && v.magnitude !== null && v.number !== null && magnitudeIsMoney(table, row);
      if (bareMoney || (v.unitRaw !== null && MAGNITUDE_RATE_RE.test(v.unitRaw))) {
        const fixed = bareMoney ? magnitudeReading(v) : (v.normalized ?? v.raw);
        ctx.report({
          messageId: "moneyMagnitude",
          cell,
          data: { raw: v.raw, fixed },
          ...(single ? { fix: { text: fixed, edits: [{ sheet: table.sheet, cell: v.cell as string, value: fixed }] } } : {}),
        });
        continue;
      }
      if (v.unitRaw !== null && v.unit !== null && isLatinUnit(v.unitRaw) && !isSiSymbol(v.unitRaw)) {
        const edits = normalizedValueEdits(table, row);
        ctx.report({
          messageId: "latinUnit",
          cell,
          data: { raw: v.raw, unitRaw: v.unitRaw, unit: v.unit, fixed: v.normalized ?? v.raw },
          ...(edits && v.normalized !== null ? { fix: { text: v.normalized, edits } } : {}),
        });
        continue;
      }
      if (v.unitRaw === null || !isWordUnit(v.unitRaw)) continue;
      const unit = v.unit ?? WORD_UNITS[v.unitRaw] ?? v.unitRaw;
      const edits = normalizedValueEdits(table, row);
      const fixed = v.normalized ?? v.raw.replace(v.unitRaw, unit);
      ctx.report({
        messageId: "wordUnit",
        cell,
        data: { raw: v.raw, unitRaw: v.unitRaw, unit, fixed },
        ...(edits && v.normalized !== null ? { fix: { text: v.normalized, edits } } : {}),
      });
    }
  },
};
