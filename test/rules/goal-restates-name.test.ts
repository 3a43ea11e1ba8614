import { rule } from "../../src/core/rules/goal-restates-name";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { makeTable } from "../helpers/table";
import { seedTable1, seedTable3 } from "./_seed-tables";

const t = (projectName: string | null, goal: string) => makeTable({ projectName, goal });

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    { name: "a real goal", table: t("工业新区基础设施建设项目资金", "1.年内完成园区道路硬化2.5公里。") },
    { name: "seed table 1", table: seedTable1() },
    { name: "seed table 3", table: seedTable3() },
    { name: "no project name", table: t(null, "基础设施建设") },
    { name: "goal longer than the name", table: t("会场搭建项目", "完成会场搭建500平方米并保障开工活动") },
    { name: "paid to how many is a goal", table: t("村组干部报酬", "按时发放村组干部报酬120人") },
  ],
  invalid: [
    { name: "the whole name", table: t("工业新区基础设施建设项目资金", "工业新区基础设施建设项目资金"), expect: [["B8", "restates"]] },
    { name: "name without 项目资金", table: t("工业新区基础设施建设项目资金", "1.工业新区基础设施建设。"), expect: [["B8", "restates"]] },
    { name: "part of the name, with 实施", table: t("2022年业务培训项目", "1.实施业务培训项目\n2.培训200人次"), expect: [["B8", "restates"]] },
    // corpus sc-jingyan-2023-cunzuganbu D5
    { name: "the name with 按时发放 in front", table: t("村组干部报酬", "按时发放村组干部报酬"), expect: [["B8", "restates"]] },
    {
      name: "year and prefix ignored",
      table: t("2021年文安县会场搭建项目资金", "（一）开展本项目主要是2021年文安县会场搭建"),
      expect: [["B8", "restates"]],
    },
  ],
});

test("names the line", () => {
  const [issue] = runRules([t("2022年业务培训项目", "1.培训200人次\n2.业务培训")], { rules: [rule] });
  expect(issue.data.line).toBe(2);
  expect(issue.message).toContain("第2行");
});
