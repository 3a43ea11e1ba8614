import { rule } from "../../src/core/rules/percent-range";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const withRow = (name: string, value: string) =>
  makeTable({ indicators: [...GOOD_INDICATORS, ind("产出指标", "质量指标", name, value)] });

testRule(rule, {
  valid: [
    { name: "standard table", table: makeTable() },
    ...["=100%", "100%", "100百分比", "≤100%", "≥95%", "<100%", "80%-100%", "≥100人", "≥120平方米", "0%"].map((v) => ({
      name: `value "${v}"`,
      table: withRow("验收合格率", v),
    })),
    { name: "growth rate above 100%", table: withRow("营业收入增长率", "≥120%") },
    { name: "year-on-year floor of 100%", table: withRow("招商引资额同比增幅", "≥100%") },
  ],
  invalid: [
    { name: "≥100百分比 (seed 园区基础设施升级改造)", table: withRow("园区基础设施升级改造", "≥100百分比"), expect: [["F19", "floor100"]] },
    { name: "≥100%", table: withRow("资金拨付及时率", "≥100%"), expect: [["F19", "floor100"]] },
    { name: ">100%", table: withRow("验收合格率", ">100%"), expect: [["F19", "floor100"]] },
    { name: "100%以上", table: withRow("验收合格率", "100%以上"), expect: [["F19", "floor100"]] },
    { name: "120%", table: withRow("验收合格率", "120%"), expect: [["F19", "over100"]] },
    { name: "≥292%", table: withRow("任务完成率", "≥292%"), expect: [["F19", "over100"]] },
    { name: "range ending above 100", table: withRow("验收合格率", "90%-110%"), expect: [["F19", "over100"]] },
    { name: "百分之一百二十", table: withRow("验收合格率", "百分之一百二十"), expect: [["F19", "over100"]] },
  ],
});
