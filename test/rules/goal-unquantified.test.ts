import { goalHasQuantity, rule } from "../../src/core/rules/goal-unquantified";
import { testRule } from "../helpers/rule-tester";
import { makeTable } from "../helpers/table";
import { seedTable1, seedTable3 } from "./_seed-tables";

test.each([
  ["全年举办业务培训4期", true],
  ["完成会场搭建五百平方米", true],
  ["举办开工活动一场", true],
  ["按照廊坊市2021年第三次重点项目开工活动方案要求，确保活动顺利开展。", false],
  ["1.提升园区基础设施配套水平", false],
  ["2021-2023年持续改善人居环境", false],
  ["第3批次项目顺利实施", false],
  ["目标1:维护辖区各安置小区安全巡逻、环境卫生及物业日常管理", false], // corpus ah-jinzhai-2021-wuye B8
  ["确保每一个学生都能享受到国家政策福利,改善学生体质", false], // corpus yn-yongde-2022-yingyang-gaishan B11
  ["目标1:聘用人员1人,出差8人", true],
  ["建设一个文化广场", true],
])("goalHasQuantity(%j) = %s", (line, expected) => {
  expect(goalHasQuantity([line])).toBe(expected);
});

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    { name: "no goal (required-field's)", table: makeTable({ goal: null }) },
    { name: "one figure in one line is enough", table: makeTable({ goal: "1.提升园区配套水平\n2.年内硬化道路2.5公里" }) },
  ],
  invalid: [
    { name: "seed table 1 (§f6): purposes only", table: seedTable1(), expect: [["B8", "noNumber"]] },
    { name: "seed table 3", table: seedTable3(), expect: [["B8", "noNumber"]] },
  ],
});
