import { rule } from "../../src/core/rules/duplicate-indicator";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";
import { seedTable1, seedTable2, seedTable3 } from "./_seed-tables";

const q = (name: string, value = "≥95%", description = "说明") => ind("产出指标", "质量指标", name, value, description);

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    { name: "different names", table: makeTable({ indicators: [q("验收合格率"), q("设备完好率")] }) },
    { name: "empty names are not duplicates", table: makeTable({ indicators: [q(""), q("")] }) },
    {
      name: "names that are only numbers are no indicators (corpus hn-ningxiang-2021-batangzhen-jichusheshi D34)",
      table: makeTable({ indicators: [q("88", "100"), q("88", "100"), q("XX", "≥XX%"), q("XX", "≥XX%")] }),
    },
    { name: "seed table 1 (two satisfaction rows with different names)", table: seedTable1() },
    { name: "seed table 2", table: seedTable2() },
    { name: "seed table 3", table: seedTable3() },
  ],
  invalid: [
    {
      name: "the same row twice",
      table: makeTable({ indicators: [...GOOD_INDICATORS, GOOD_INDICATORS[1]] }),
      expect: [["C19", "sameRow"]],
    },
    {
      name: "the same name with another value, punctuation aside",
      table: makeTable({ indicators: [q("验收合格率", "≥95%"), q("验收 合格率。", "100%")] }),
      expect: [["C14", "sameName"]],
    },
    {
      name: "three times: each later row once, naming the first",
      table: makeTable({ indicators: [q("验收合格率"), q("设备完好率"), q("验收合格率"), q("验收合格率", "100%")] }),
      expect: [
        ["C15", "sameRow"],
        ["C16", "sameName"],
      ],
    },
    {
      name: "same name under another 二级",
      table: makeTable({ indicators: [q("培训人次", "≥100人次"), ind("产出指标", "数量指标", "培训人次", "≥100人次")] }),
      expect: [["C14", "sameRow"]],
    },
  ],
});

test("the message names the earlier cell", () => {
  const issues = runRules([makeTable({ indicators: [q("验收合格率"), q("验收合格率", "100%")] })], { rules: [rule] });
  expect(issues).toHaveLength(1);
  expect(issues[0].data.first).toBe("C13");
  expect(issues[0].message).toContain("C13");
});
