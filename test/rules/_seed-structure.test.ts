/**
 * The seed's three tables (test/fixtures/seed-data.ts) as models, checked by the structure and value rules: what a
 * reviewer would flag there (domain.md §f 12, 14, 19, 22, 23, 25) and nothing else.
 */
import { runRules } from "../../src/core/rules/engine";
import { ALL_RULES } from "../../src/core/rules/registry";
import { parsePercentCell, parsePlainNumber } from "../../src/core/value/numbers";
import { SEED_TABLES, type SeedTable } from "../fixtures/seed-data";
import { makeTable, type IndSpec } from "../helpers/table";

const STRUCTURE_RULES = new Set([
  "required-field", "level1-unknown", "level2-mismatch", "category-missing", "value-missing", "value-unparsed",
  "unit-wording", "operator-nonstandard", "operator-missing", "unit-missing", "percent-range", "cost-exceeds-budget",
  "budget-sum", "plan-range", "plan-decreasing", "plan-not-100", "plan-blank", "code-format",
]);
const rules = ALL_RULES.filter((r) => STRUCTURE_RULES.has(r.meta.id));

function model(s: SeedTable) {
  const indicators: IndSpec[] = s.indicators.map((i) => ({
    ...(i.level1 === null ? {} : { level1: i.level1 }),
    level2: i.level2,
    name: i.name,
    description: i.description,
    value: i.value,
    basis: i.basis,
  }));
  return makeTable({
    projectCode: s.code,
    projectName: s.name,
    moneyUnit: "元",
    budget: parsePlainNumber(s.budget),
    fiscal: parsePlainNumber(s.fiscal),
    other: s.other === null ? null : parsePlainNumber(s.other),
    plan: s.plan.map((p) => parsePercentCell(p, null)) as [number | null, number | null, number | null, number | null],
    goal: s.goal,
    indicators,
  });
}

const check = (i: number) =>
  runRules([model(SEED_TABLES[i])], { rules, options: { year: 2022 } }).map((x) => [x.cell, x.rule, x.messageId, x.fix?.text ?? null]);

const EVENT_TABLE = [
  ["F13", "unit-wording", "wordUnit", "≥95%"],
  ["F14", "unit-wording", "wordUnit", "100%"],
  ["F14", "operator-missing", "missing", null],
  ["F16", "unit-wording", "wordUnit", "≥98%"],
  ["F17", "value-unparsed", "unparsed", null],
  ...["F18", "F19", "F20", "F21", "F22"].map((c) => [c, "unit-wording", "wordUnit", "≥95%"]),
];

const sorted = (xs: unknown[][]) => xs.map((x) => JSON.stringify(x)).sort();

describe("structure and value rules on the seed tables", () => {
  test.each([0, 1])("项目%#: 百分比 units, 100百分比 without operator, 验收报告，合规; cost equals budget is fine", (i) => {
    expect(sorted(check(i))).toEqual(sorted(EVENT_TABLE));
  });

  test("项目3: ≥100百分比, 100百分比, 300万元, blank 3月底", () => {
    expect(sorted(check(2))).toEqual(
      sorted([
        ["B7", "plan-blank", "blank", null],
        ["F13", "unit-wording", "wordUnit", "≥100%"],
        ["F13", "percent-range", "floor100", null],
        ["F14", "unit-wording", "wordUnit", "100%"],
        ["F14", "operator-missing", "missing", null],
        ["F17", "operator-missing", "missing", null],
        ["F18", "unit-wording", "wordUnit", "≥90%"],
        ["F19", "unit-wording", "wordUnit", "≥95%"],
        ["F20", "unit-wording", "wordUnit", "≥95%"],
        ["F21", "unit-wording", "wordUnit", "≥90%"],
        ["F22", "unit-wording", "wordUnit", "≥98%"],
      ]),
    );
  });

  test("messages read with the cell's text", () => {
    const issues = runRules([model(SEED_TABLES[2])], { rules });
    const msg = (cell: string, rule: string) => issues.find((x) => x.cell === cell && x.rule === rule)!.message;
    expect(msg("F13", "unit-wording")).toBe("指标值“≥100百分比”的单位写成了“百分比”，应写作“%”：≥100%");
    expect(msg("F17", "operator-missing")).toContain("如“≤300万元”");
    expect(msg("B7", "plan-blank")).toContain("“3月底”");
  });
});
