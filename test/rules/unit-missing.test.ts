import { rule } from "../../src/core/rules/unit-missing";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const withRow = (name: string, value: string) =>
  makeTable({ indicators: [...GOOD_INDICATORS, ind("产出指标", "数量指标", name, value)] });

testRule(rule, {
  valid: [
    { name: "standard table", table: makeTable() },
    ...["≥200人次", "≥95%", "1.5万人次", "12月", "2022年12月31日前", "好", "", "≥**人", "5个村"].map((v) => ({
      name: `value "${v}"`,
      table: withRow("培训人数", v),
    })),
    // corpus nx-yuanzhou-2022-shuiyuanhanyanglin E11/E19: the 一体化 system prints the unit after the name
    ...[["实施营造林总面积(亩)", "80000"], ["受益人数（人）", "132"], ["覆盖率（%）", "100"]].map(([n, v]) => ({
      name: `corpus nx-yuanzhou-2022-shuiyuanhanyanglin: ${n} ${v} has its unit in the name`,
      table: withRow(n, v),
    })),
    {
      name: "corpus nm-wuhai-2021-zaishengziyuan F18: a date serial (44561) in a 时效 row is time-weak's",
      table: makeTable({ indicators: [...GOOD_INDICATORS, ind("产出指标", "时效指标", "项目财政资金到位时间", "=44561")] }),
    },
  ],
  invalid: [
    { name: "220", table: withRow("培训人数", "220"), expect: [["F19", "missing"]] },
    { name: "≥180", table: withRow("新增就业岗位", "≥180"), expect: [["F19", "missing"]] },
    { name: "a rate without %", table: withRow("培训考核合格率", "≥95"), expect: [["F19", "missingRate"]] },
    { name: "a rate with a bracket note", table: withRow("覆盖率（按户计）", "100"), expect: [["F19", "missingRate"]] },
    {
      name: "corpus nx-yuanzhou-2022-shuiyuanhanyanglin E15: a template hint (≥**%) in the name is no unit",
      table: withRow("苗木成活率(≥**%)", "85"),
      expect: [["F19", "missingRate"]],
    },
  ],
});

describe("values read as written", () => {
  const cost = (value: string) =>
    makeTable({ indicators: [...GOOD_INDICATORS.filter((s) => s.level2 !== "成本指标"), ind("产出指标", "成本指标", "项目总成本", value)] });
  testRule(rule, {
    valid: [
      ...["≤250万", "1.2亿", "≤3千"].map((v) => ({ name: `"${v}" in a cost row is money`, table: cost(v) })),
      { name: "a money-counting name", table: withRow("带动农户增收", "≥250万") },
      { name: "a 万元 table", table: makeTable({ moneyUnit: "万元", indicators: [...GOOD_INDICATORS, ind("效益指标", "经济效益指标", "带动产业发展", "≥250万")] }) },
      ...["-", "/", "—", "无", "≥XX", "2024年1月--2024年11月", "2024.03-2024.12", "一季度", "12月31日前"].map((v) => ({ name: `value "${v}"`, table: withRow("培训人数", v) })),
    ],
    invalid: [
      { name: "250万 people?", table: withRow("受益人数", "≥250万"), expect: [["F19", "magnitude"]] },
    ],
  });

  test("the message says what was read", () => {
    const [m] = runRules([withRow("培训人数", "220")], { rules: [rule] });
    expect(m.message).toBe("指标值“220”读作数字，没有计量单位，无法判断含义，请补上单位（如 人、个、%、万元）。");
    const [g] = runRules([withRow("受益人数", "≥250万")], { rules: [rule] });
    expect(g.message).toBe("指标值“≥250万”读作 ≥250万，写了数量级“万”却没有计量单位（万人、万元还是其他？），请补上单位。");
  });
});
