import { rule } from "../../src/core/rules/operator-missing";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const withRow = (level2: string, name: string, value: string) =>
  makeTable({ indicators: [...GOOD_INDICATORS, ind("产出指标", level2, name, value)] });

testRule(rule, {
  valid: [
    { name: "standard table", table: makeTable() },
    ...[
      "≥95%", "=100%", "≤20万元", "±3%", "2022年12月31日前", "12月", "2023.07-2024.01", "2022年度", "80%-90%", "好", "合格",
      "", "验收报告，合规",
    ].map((v) => ({ name: `value "${v}"`, table: withRow("质量指标", "验收合格率", v) })),
    // A bare number has no unit: unit-missing reports it (corpus gd-dongguan-2019-zhenjilu E8 "3",
    // hb-ningjin-2019-gaozhongzhuxuejin E4 "2100", hub-huangshi-2022-dangxiao-zhutiban E14 "220").
    { name: "bare number 220 (corpus hub-huangshi-2022-dangxiao-zhutiban E14)", table: withRow("数量指标", "开设课程数量", "220") },
    { name: "bare number 0 (corpus hn-hengshan-2020-chubeiliang E15)", table: withRow("质量指标", "库存粮食明显变质比例", "0") },
    { name: "year-end deadline 2025年年底前 (corpus ah-jinan-2025-wangqiu-saishi E16)", table: withRow("时效指标", "完成时间", "2025年年底前") },
  ],
  invalid: [
    { name: "100百分比 (seed)", table: withRow("时效指标", "资金拨付及时率", "100百分比"), expect: [["F19", "missing"]] },
    { name: "300万元 (seed cost row)", table: withRow("成本指标", "按合同价格", "300万元"), expect: [["F19", "missing"]] },
    { name: "bare count", table: withRow("数量指标", "培训人次", "220人次"), expect: [["F19", "missing"]] },
    {
      name: "bare number whose unit the name states (corpus nx-yuanzhou-2022-shuiyuanhanyanglin E11)",
      table: withRow("数量指标", "实施营造林总面积(亩)", "80000"),
      expect: [["F19", "missing"]],
    },
    { name: "magnitude without 元", table: withRow("成本指标", "设备购置成本", "250万"), expect: [["F19", "missing"]] },
    { name: "duration", table: withRow("时效指标", "办理时限", "3个工作日"), expect: [["F19", "missing"]] },
  ],
});

describe("operator-missing example", () => {
  const example = (level2: string, name: string, value: string) =>
    runRules([withRow(level2, name, value)], { rules: [rule] })[0].data.example;
  test.each([
    ["成本指标", "按合同价格", "300万元", "≤300万元"],
    ["质量指标", "验收合格率", "100百分比", "=100%"],
    ["数量指标", "培训人次", "220人次", "≥220人次"],
    ["质量指标", "设备故障率", "2%", "≤2%"],
    ["质量指标", "验收合格率", "95%", "≥95%"],
  ])("%s %s %s → %s", (level2, name, value, expected) => {
    expect(example(level2, name, value)).toBe(expected);
  });
});
