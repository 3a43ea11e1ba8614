import { rule } from "../../src/core/rules/value-unparsed";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const withValue = (value: string) =>
  makeTable({ indicators: [...GOOD_INDICATORS, ind("产出指标", "质量指标", "资金使用合规性", value)] });

const valid = ["≥95%", "≥95百分比", "合格", "好", "较好", "达到", "基本达到", "2022年12月31日前", "2023.07-2024.01", "12月", "±3%以内", "80%-90%", ""];
const invalid = ["验收报告，合规", "以实际为准", "详见附件"];
/** Placeholders are placeholder-left's; a cost row without an amount is cost-amount-missing's. */
const others = ["≥**人", "XX", "≥XX%", "(≥**人)", "-", "/", "—", "无"];

testRule(rule, {
  valid: [
    { name: "standard table", table: makeTable() },
    ...valid.map((v) => ({ name: `value "${v}"`, table: withValue(v) })),
    ...others.map((v) => ({ name: `value "${v}" is another rule's`, table: withValue(v) })),
    {
      name: "cost row 控制在预算内 / 合理 is cost-amount-missing's",
      table: makeTable({ indicators: [...GOOD_INDICATORS, ind("产出指标", "成本指标", "项目总成本", "合理")] }),
    },
  ],
  invalid: invalid.map((v) => ({ name: `value "${v}"`, table: withValue(v), expect: [["F19", "unparsed"]] as [string, string][] })),
});
