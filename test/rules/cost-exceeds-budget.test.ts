import { rule } from "../../src/core/rules/cost-exceeds-budget";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable, type TableSpec } from "../helpers/table";
import type { MoneyUnit } from "../../src/core/model/schema";

const noCost = GOOD_INDICATORS.filter((s) => s.level2 !== "成本指标");
/** An 88 table (cost under 产出) with one cost value; budget in `moneyUnit`. */
const cost88 = (value: string, budget: number, moneyUnit: MoneyUnit | null = "元", extra: TableSpec = {}) =>
  makeTable({ budget, moneyUnit, indicators: [...noCost, ind("产出指标", "成本指标", "会场布置总成本", value)], ...extra });
/** A 101 table (成本 as 一级). */
const cost101 = (level2: string, value: string, budget = 200000) =>
  makeTable({ budget, indicators: [ind("成本指标", level2, "工程建设成本", value), ...noCost] });

testRule(rule, {
  valid: [
    { name: "standard table (unit cost 元/人)", table: makeTable() },
    { name: "≤20万元 against 200000元 (seed 项目1: equal is fine)", table: cost88("≤20万元", 200000) },
    { name: "≤50万元 against 500000元 (seed 项目2)", table: cost88("≤50万元", 500000) },
    { name: "300万元 against 3000000元 (seed 项目3)", table: cost88("300万元", 3000000) },
    { name: "below the budget in 元", table: cost88("≤199999元", 200000) },
    { name: "budget in 万元", table: cost88("≤20万元", 20, "万元") },
    { name: "budget in 万元, value in 元", table: cost88("≤200000元", 20, "万元") },
    { name: "value without a money unit is skipped", table: cost88("≤300000", 200000) },
    { name: "percentage cost value is skipped", table: cost88("≤100%", 200000) },
    { name: "unknown money unit is skipped", table: cost88("≤30万元", 200000, null) },
    { name: "no budget is left to required-field", table: cost88("≤30万元", 200000, "元", { budget: null }) },
    { name: "money in a non-cost row", table: makeTable({ indicators: [...GOOD_INDICATORS, ind("效益指标", "经济效益指标", "带动投资", "≥500万元")] }) },
    { name: "101 economic cost within budget", table: cost101("经济成本指标", "≤18万元") },
    { name: "floating point: 0.1+0.2 万元 style amounts", table: cost88("≤0.3万元", 3000) },
  ],
  invalid: [
    { name: "≤25万元 against 200000元", table: cost88("≤25万元", 200000), expect: [["F18", "exceeds"]] },
    { name: "one 元 above", table: cost88("≤200001元", 200000), expect: [["F18", "exceeds"]] },
    { name: "budget in 万元, value in 元", table: cost88("≤200001元", 20, "万元"), expect: [["F18", "exceeds"]] },
    { name: "亿元", table: cost88("≤1亿元", 500, "万元"), expect: [["F18", "exceeds"]] },
    { name: "range whose upper end exceeds", table: cost88("10-25万元", 200000), expect: [["F18", "exceeds"]] },
    { name: "101 economic cost", table: cost101("经济成本指标", "≤30万元"), expect: [["F13", "exceeds"]] },
    { name: "101 generic 成本指标 under 一级 成本", table: cost101("成本指标", "≤30万元"), expect: [["F13", "exceeds"]] },
    {
      name: "published case: 29300万 against 28600万",
      table: cost88("≤29300万元", 28600, "万元"),
      expect: [["F18", "exceeds"]],
    },
  ],
});

describe("cost-exceeds-budget message data", () => {
  test("amounts are shown in 元 and in the table's unit", () => {
    const [issue] = runRules([cost88("≤25万元", 200000)], { rules: [rule] });
    expect(issue.data).toEqual({
      name: "会场布置总成本",
      raw: "≤25万元",
      reading: "≤25万元",
      amount: "250,000",
      budget: "200,000元",
    });
  });
});

test("budget in 万元 is shown with its 元 equivalent", () => {
  const [issue] = runRules([cost88("≤200001元", 20, "万元")], { rules: [rule] });
  expect(issue.data).toMatchObject({ amount: "200,001", budget: "20万元（200,000元）" });
  expect(issue.message).toBe("成本指标“会场布置总成本”的指标值“≤200001元”读作 ≤200001元（合200,001元），超过了本项目预算数20万元（200,000元），成本不应高于预算。");
});
