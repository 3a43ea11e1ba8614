import { rule } from "../../src/core/rules/time-weak";
import { testRule } from "../helpers/rule-tester";
import { ind, makeTable } from "../helpers/table";
import { seedTable1, seedTable3 } from "./_seed-tables";
import { runRules } from "../../src/core/rules/engine";

const time = (value: string, name = "项目完成时间") => makeTable({ indicators: [ind("产出指标", "时效指标", name, value)] });

const passing = ["2022年12月31日前", "2022年10月底前", "2023.07-2024.01", "2022-12-31", "≥95%", "100%", "10个工作日", "≤3个月", "≤48小时", "≤7天"];
const failing: [string, string][] = [
  ["12月", "noYear"],
  ["≤12月份", "noYear"],
  ["12月底前", "noYear"],
  ["第四季度", "noYear"],
  ["长期", "vague"],
  ["全年", "vague"],
  ["及时", "vague"],
  ["2021年全年", "vague"],
  ["2022年度", "vague"],
  ["按计划实施", "vague"],
  ["≥1次", "noDate"],
  ["12", "noDate"],
];

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    ...passing.map((v) => ({ name: v, table: time(v) })),
    { name: "empty value is value-missing's", table: time("") },
    { name: "not a 时效 row", table: makeTable({ indicators: [ind("效益指标", "可持续影响指标", "长效机制建立情况", "长期")] }) },
    { name: "seed table 1: 资金拨付及时率 100百分比 is a rate", table: seedTable1() },
  ],
  invalid: [
    ...failing.map(([v, id]) => ({ name: `${v} → ${id}`, table: time(v), expect: [["F13", id]] as [string, string][] })),
    {
      name: "seed table 3 (§f24): 12月 and ≤12月份",
      table: seedTable3(),
      expect: [
        ["F15", "noYear"],
        ["F16", "noYear"],
      ],
    },
  ],
});

test("the suggested date uses the budget year from the option or the project code", () => {
  const fromCode = runRules([time("12月")], { rules: [rule] })[0];
  expect(fromCode.data.example).toBe("2022年12月31日前");
  const fromOption = runRules([time("12月")], { rules: [rule], options: { year: 2024 } })[0];
  expect(fromOption.data.example).toBe("2024年12月31日前");
  const unknown = runRules([makeTable({ projectCode: null, indicators: [ind("产出指标", "时效指标", "完成时间", "12月")] })], { rules: [rule] })[0];
  expect(unknown.message).toContain("××××年12月31日前");
});
