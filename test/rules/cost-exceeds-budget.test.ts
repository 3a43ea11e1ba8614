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

describe("amounts as people write them", () => {
  const timeRow = (value: string) => ind("产出指标", "时效指标", "项目实施期", value);
  testRule(rule, {
    valid: [
      { name: "≤250万 within a 300万元 budget (a magnitude in a cost row is 万元)", table: cost88("≤250万", 300, "万元") },
      { name: "≤1.2亿 within 2亿元", table: cost88("≤1.2亿", 200000000) },
      { name: "≤20万/月 × 10 months within 200万元", table: cost88("≤20万/月", 200, "万元", { indicators: [...noCost, timeRow("2024年3月-2024年12月"), ind("产出指标", "成本指标", "运维成本", "≤20万/月")] }) },
      { name: "≤10万元/年 within 10万元", table: cost88("≤10万元/年", 100000) },
      { name: "unit cost × quantity within the budget", table: cost88("≤500元/人", 200000, "元", { indicators: [...noCost, ind("产出指标", "数量指标", "培训人数", "≥300人"), ind("产出指标", "成本指标", "人均成本", "≤500元/人")] }) },
      { name: "unit cost × quantity above, but not by half again", table: cost88("≤500元/人", 200000, "元", { indicators: [...noCost, ind("产出指标", "数量指标", "培训人数", "≥500人"), ind("产出指标", "成本指标", "人均成本", "≤500元/人")] }) },
      { name: "unit cost without a quantity in the same unit", table: cost88("≤30万元/公里", 200000) },
      { name: "two quantity rows in the same unit disagree", table: cost88("", 200000, "元", { indicators: [...noCost, ind("产出指标", "数量指标", "培训人数", "≥3000人"), ind("产出指标", "数量指标", "受益人数", "≥5000人"), ind("产出指标", "成本指标", "人均成本", "≤500元/人")] }) },
      { name: "a bare number stays skipped", table: cost88("≤300000", 200000) },
    ],
    invalid: [
      { name: "≤250万 against 200万元", table: cost88("≤250万", 200, "万元"), expect: [["F18", "exceeds"]] },
      { name: "≤3千 against 2000元", table: cost88("≤3千", 2000), expect: [["F18", "exceeds"]] },
      {
        name: "≤50万/月 over a 10-month 实施期 against 300万元",
        table: cost88("", 300, "万元", { indicators: [...noCost, timeRow("2024年3月-2024年12月"), ind("产出指标", "成本指标", "运维成本", "≤50万/月")] }),
        expect: [["F19", "perPeriod"]],
      },
      { name: "≤50万元/月, no period: 12 months assumed", table: cost88("≤50万元/月", 300, "万元"), expect: [["F18", "perPeriodAssumed"]] },
      { name: "≤1万元/天, no period", table: cost88("≤1万元/天", 300, "万元"), expect: [["F18", "perPeriodAssumed"]] },
      {
        name: "≤500元/人 × ≥1000人 against 200000元",
        table: cost88("", 200000, "元", { indicators: [...noCost, ind("产出指标", "数量指标", "培训人数", "≥1000人"), ind("产出指标", "成本指标", "人均成本", "≤500元/人")] }),
        expect: [["F19", "unitTimesQuantity"]],
      },
      {
        name: "≤30万元/公里 × 20公里 against 300万元",
        table: cost88("", 300, "万元", { indicators: [...noCost, ind("产出指标", "数量指标", "道路硬化里程", "20公里"), ind("产出指标", "成本指标", "每公里造价", "≤30万元/公里")] }),
        expect: [["F19", "unitTimesQuantity"]],
      },
    ],
  });

  test("the message says what was read, the period and the assumption; severities", () => {
    const t = cost88("", 300, "万元", { indicators: [...noCost, timeRow("2024年3月-2024年12月"), ind("产出指标", "成本指标", "运维成本", "≤50万/月")] });
    const [read] = runRules([t], { rules: [rule] });
    expect(read.severity).toBe("error");
    expect(read.message).toBe(
      "成本指标“运维成本”的指标值“≤50万/月”读作 ≤50万元/月；按F18所写实施期“2024年3月-2024年12月”共10个月计，合计500万元（5,000,000元），超过了本项目预算数300万元（3,000,000元）。",
    );
    const [assumed] = runRules([cost88("≤50万元/月", 300, "万元")], { rules: [rule] });
    expect(assumed.severity).toBe("warning");
    expect(assumed.message).toContain("表中未写明实施期，按12个月计合计600万元（6,000,000元）");
    const [mag] = runRules([cost88("≤250万", 200, "万元")], { rules: [rule] });
    expect(mag.message).toBe("成本指标“会场布置总成本”的指标值“≤250万”读作 ≤250万元（合2,500,000元），超过了本项目预算数200万元（2,000,000元），成本不应高于预算。");
    const ut = cost88("", 200000, "元", { indicators: [...noCost, ind("产出指标", "数量指标", "培训人数", "≥1000人"), ind("产出指标", "成本指标", "人均成本", "≤500元/人")] });
    const [uq] = runRules([ut], { rules: [rule] });
    expect(uq.severity).toBe("warning");
    expect(uq.data).toMatchObject({ total: "500,000元", quantity: "≥1000人", quantityCell: "F18" });
  });

  test("corpus tj-qu-2020-bingmei-baojie E14: ≤620万/月 over 11 months is stated in 万元, as the budget", () => {
    const t = cost88("", 5652, "万元", { indicators: [...noCost, timeRow("2020年1月--2020年11月"), ind("产出指标", "成本指标", "人工成本", "≤620万/月")] });
    const [issue] = runRules([t], { rules: [rule] });
    expect(issue.messageId).toBe("perPeriod");
    expect(issue.message).toContain("合计6820万元（68,200,000元），超过了本项目预算数5652万元（56,520,000元）");
  });

  test("corpus ah-guichi-2022-weituo-yewu E19: a 预算数 of 0 (budget-sum's) is no yardstick", () => {
    expect(runRules([cost88("≤90万元", 0, "万元")], { rules: [rule] })).toEqual([]);
  });

  test("the period is also read from the 资金用途 text", () => {
    const t = cost88("≤60万元/月", 300, "万元");
    const withPurpose = { ...t, purpose: { value: "实施期：2024年7月至2024年12月，用于系统运维。", cell: "B5" } };
    const [issue] = runRules([withPurpose], { rules: [rule] });
    expect(issue.messageId).toBe("perPeriod");
    expect(issue.data).toMatchObject({ months: 6, total: "360万元（3,600,000元）", periodCell: "B5" });
  });
});
