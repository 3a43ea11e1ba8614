import { rule } from "../../src/core/rules/quantity-not-count";
import { testRule } from "../helpers/rule-tester";
import { ind, makeTable } from "../helpers/table";
import { seedTable1, seedTable3 } from "./_seed-tables";

const qty = (name: string, value: string) => makeTable({ indicators: [ind("产出指标", "数量指标", name, value)] });

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    ...[
      ["道路硬化里程", "≥2.5公里"],
      ["会场搭建面积", "≥500平方米"],
      ["活动举办场次", "=1场"],
      ["机械租赁台班数", "≥30台班"],
      ["建设项目个数", "1"], // no unit: unit-missing's
      ["培训人次", ""], // empty: value-missing's
    ].map(([n, v]) => ({ name: `${n} ${v}`, table: qty(n, v) })),
    { name: "a percent under 质量 is fine", table: makeTable({ indicators: [ind("产出指标", "质量指标", "验收合格率", "100%")] }) },
  ],
  invalid: [
    { name: "§f23 园区基础设施升级改造 ≥100百分比", table: qty("园区基础设施升级改造", "≥100百分比"), expect: [["F13", "percent"]] },
    { name: "§f10 资金拨付到位率 ≥98百分比", table: qty("资金拨付到位率", "≥98百分比"), expect: [["F13", "rate"]] },
    { name: "money", table: qty("补助资金", "≥50万元"), expect: [["F13", "money"]] },
    { name: "qualitative", table: qty("会场搭建", "完成"), expect: [["F13", "qualitative"]] },
    { name: "seed table 1", table: seedTable1(), expect: [["F16", "rate"]] },
    { name: "seed table 3", table: seedTable3(), expect: [["F13", "percent"]] },
  ],
});
