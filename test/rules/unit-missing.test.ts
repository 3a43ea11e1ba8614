import { rule } from "../../src/core/rules/unit-missing";
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
  ],
  invalid: [
    { name: "220", table: withRow("培训人数", "220"), expect: [["F19", "missing"]] },
    { name: "≥180", table: withRow("新增就业岗位", "≥180"), expect: [["F19", "missing"]] },
    { name: "a rate without %", table: withRow("培训考核合格率", "≥95"), expect: [["F19", "missingRate"]] },
    { name: "a rate with a bracket note", table: withRow("覆盖率（%）", "100"), expect: [["F19", "missingRate"]] },
  ],
});
