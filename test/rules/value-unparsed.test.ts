import { rule } from "../../src/core/rules/value-unparsed";
import { testRule } from "../helpers/rule-tester";
import { runRules } from "../../src/core/rules/engine";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const withValue = (value: string) =>
  makeTable({ indicators: [...GOOD_INDICATORS, ind("产出指标", "质量指标", "资金使用合规性", value)] });

const valid = ["≥95%", "≥95百分比", "合格", "好", "较好", "达到", "基本达到", "2022年12月31日前", "2023.07-2024.01", "12月", "±3%以内", "80%-90%", ""];
const invalid = ["验收报告，合规", "以实际为准", "详见附件", "中高", "好/详见附件"];
const options = ["高中低", "高/中/低", "好/较好/一般", "是/否", "优、良、中、差", "合格或不合格"];
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
  invalid: [
    ...invalid.map((v) => ({ name: `value "${v}"`, table: withValue(v), expect: [["F19", "unparsed"]] as [string, string][] })),
    // The form's grades listed with none chosen (a real 四川 table: 高中低 on three rows).
    ...options.map((v) => ({ name: `value "${v}": the form's options`, table: withValue(v), expect: [["F19", "options"]] as [string, string][] })),
  ],
});

test("options: the message names the grades and suggests keeping one", () => {
  const [issue] = runRules([withValue("高中低")], { rules: [rule] });
  expect(issue.data).toMatchObject({ raw: "高中低", n: 3, levels: "高、中、低", first: "高" });
  expect(issue.message).toBe("指标值“高中低”列出了3个等级（高、中、低），像是照抄了表格模板的选项，没有选定目标。请只保留本项目要达到的一个等级，如“高”，或改为数值目标。");
});
