import { rule } from "../../src/core/rules/value-missing";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const withValue = (value: string | null) =>
  makeTable({ indicators: [...GOOD_INDICATORS.slice(0, 5), ind("满意度指标", "服务对象满意度指标", "参训人员满意度", value)] });

testRule(rule, {
  valid: [
    { name: "standard table", table: makeTable() },
    { name: "qualitative value", table: withValue("好") },
    { name: "unreadable value is value-unparsed's concern", table: withValue("验收报告，合规") },
    { name: "a date", table: withValue("2022年12月31日前") },
    {
      name: "corpus sc-zhongjiang-2022-shuibiaochi E22: a leftover '……' template row is no indicator without a value",
      table: makeTable({ indicators: [...GOOD_INDICATORS, ind("效益指标", "可持续影响指标", "……", null)] }),
    },
    {
      name: "corpus yn-yongde-2022-yingyang-gaishan E20: an unused category row (no name, no value)",
      table: makeTable({ indicators: [...GOOD_INDICATORS, ind("效益指标", "生态效益指标", null, null)] }),
    },
  ],
  invalid: [
    { name: "null value", table: withValue(null), expect: [["F18", "missing"]] },
    { name: "empty text", table: withValue(""), expect: [["F18", "missing"]] },
    { name: "spaces only", table: withValue("   "), expect: [["F18", "missing"]] },
    {
      name: "several rows",
      table: makeTable({ indicators: GOOD_INDICATORS.map((s, i) => (i % 2 === 0 ? { ...s, value: "" } : s)) }),
      expect: [["F13", "missing"], ["F15", "missing"], ["F17", "missing"]],
    },
  ],
});
