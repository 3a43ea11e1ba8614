import { measuresOf, rule } from "../../src/core/rules/multi-measure";
import { testRule } from "../helpers/rule-tester";
import { ind, makeTable } from "../helpers/table";
import { seedTable1, seedTable2, seedTable3 } from "./_seed-tables";

const one = (name: string, value = "=100%") => makeTable({ indicators: [ind("产出指标", "质量指标", name, value)] });

test.each([
  ["群众纠纷协调率、处理率、调解率", ["群众纠纷协调率", "处理率", "调解率"]],
  ["账目入账工作完成率、报表报送及时率、预决算工作完成率", ["账目入账工作完成率", "报表报送及时率", "预决算工作完成率"]],
  ["报表报送及时率", []],
  ["施工扬尘、噪声投诉次数", []],
  ["路灯（照明设施）安装数量", []],
  ["群众参与率", []],
])("measuresOf(%j)", (name, expected) => {
  const got = measuresOf(name);
  expect(got.length >= 2 ? got : []).toEqual(expected);
});

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    { name: "one rate", table: one("报表报送及时率") },
    { name: "two objects, one measure", table: one("施工扬尘、噪声投诉次数", "≤3次") },
    { name: "培训及考核合格率", table: one("培训及考核合格率") },
    { name: "bracketed aside", table: one("新建（改造）道路里程", "≥3公里") },
    { name: "seed tables", tables: [seedTable1(), seedTable2(), seedTable3()] },
  ],
  invalid: [
    { name: "§f2 协调率、处理率、调解率", table: one("群众纠纷协调率、处理率、调解率"), expect: [["C13", "several"]] },
    { name: "§f2 three completion rates", table: one("账目入账工作完成率、报表报送及时率、预决算工作完成率"), expect: [["C13", "several"]] },
    { name: "X率和Y率", table: one("验收合格率和按时完成率"), expect: [["C13", "several"]] },
    { name: "slash-joined (indicators.tsv 反例 row)", table: one("资金拨付及时率 / 资金拨付到位率"), expect: [["C13", "several"]] },
    { name: "count and time", table: one("培训人次、培训时间", "≥200人次"), expect: [["C13", "several"]] },
  ],
});
