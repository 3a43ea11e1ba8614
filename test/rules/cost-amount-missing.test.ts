import { rule } from "../../src/core/rules/cost-amount-missing";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const noCost = GOOD_INDICATORS.filter((s) => s.level2 !== "成本指标");
const cost88 = (value: string) => makeTable({ indicators: [...noCost, ind("产出指标", "成本指标", "项目总成本", value)] });
const cost101 = (level2: string, value: string) => makeTable({ indicators: [ind("成本指标", level2, "项目成本", value), ...noCost] });

testRule(rule, {
  valid: [
    { name: "standard table (≤500元/人)", table: makeTable() },
    ...["≤20万元", "≤250万", "≤50万/月", "-", "/", "无", "", "≥**万元", "约20万元左右"].map((v) => ({ name: `88 cost "${v}"`, table: cost88(v) })),
    { name: "social cost described", table: cost101("社会成本指标", "对周边居民生活影响较小") },
    { name: "ecological cost described", table: cost101("生态环境成本指标", "无明显负面影响") },
    {
      name: "a cost rate beside an amount",
      table: makeTable({
        indicators: [...noCost, ind("产出指标", "成本指标", "项目总成本", "≤20万元"), ind("产出指标", "成本指标", "成本节约率", "≥5%")],
      }),
    },
    { name: "a social cost given as a rate", table: cost101("社会成本指标", "≤5%") },
    {
      name: "corpus gd-dongguan-2019-zhenjilu E11: 年度预算执行率 in the cost slot is process-indicator's",
      table: makeTable({ indicators: [...noCost, ind("产出指标", "成本指标", "年度预算执行率", "≥90%")] }),
    },
    { name: "a quality row may be qualitative", table: makeTable({ indicators: [...GOOD_INDICATORS, ind("产出指标", "质量指标", "资金使用", "合理")] }) },
  ],
  invalid: [
    ...["控制在预算内", "不超预算", "合理", "按标准执行", "预算范围内"].map((v) => ({
      name: `88 cost "${v}"`,
      table: cost88(v),
      expect: [["F18", "noAmount"]] as [string, string][],
    })),
    { name: "101 economic cost", table: cost101("经济成本指标", "控制在预算内"), expect: [["F13", "noAmount"]] },
    { name: "101 social cost speaking of the budget", table: cost101("社会成本指标", "不超预算"), expect: [["F13", "noAmount"]] },
    {
      name: "corpus hub-huangshi-2022-dangxiao-zhutiban E21: the only cost row is 成本控制率 100%",
      table: makeTable({ indicators: [...noCost, ind("产出指标", "成本指标", "成本控制率", "100%")] }),
      expect: [["F18", "rateOnly"]],
    },
    {
      name: "corpus yn-yongde-2022-yingyang-gaishan E17: the only 成本 row is a rate (生均补助标准达标率 =100%)",
      table: cost101("经济成本指标", "=100%"),
      expect: [["F13", "rateOnly"]],
    },
  ],
});

test("the message quotes the value and asks for an amount; no other rule reports it", () => {
  const issues = runRules([cost88("控制在预算内")], { options: { year: 2022 } });
  expect(issues.map((i) => [i.cell, i.rule, i.severity])).toEqual([["F18", "cost-amount-missing", "warning"]]);
  expect(issues[0].message).toContain("“控制在预算内”没有金额");
});
