import { rule } from "../../src/core/rules/duplicate-goal";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { makeTable } from "../helpers/table";
import { seedTable1, seedTable3 } from "./_seed-tables";

const goal = (text: string) => makeTable({ goal: text });

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    { name: "labels alone are not repeats", table: goal("实施期绩效目标：\n年度绩效目标：\n完成会场搭建500平方米。") },
    { name: "a line beginning with 目标 keeps its text", table: goal("目标一致推进工作。\n完成会场搭建500平方米。") },
    { name: "different lines", table: goal("1.完成会场搭建500平方米。\n2.保障开工活动1场顺利举办。") },
    { name: "one line", table: goal("完成会场搭建500平方米。") },
    { name: "no goal", table: goal("") },
    { name: "lines that differ only in a figure", table: goal("1.培训200人次。\n2.培训300人次。") },
    { name: "seed table 3", table: seedTable3() },
  ],
  invalid: [
    {
      name: "实施期 and 年度 goals identical once their labels are stripped",
      table: goal("实施期绩效目标：完成农村道路硬化12公里，改善群众出行条件。\n年度绩效目标：完成农村道路硬化12公里，改善群众出行条件。"),
      expect: [["B8", "repeated"]],
    },
    {
      name: "seed table 1 (§f6): three identical lines, one report",
      table: seedTable1(),
      expect: [["B8", "repeated"]],
    },
    {
      name: "numbering styles and prefixes ignored",
      table: goal("（一）开展本项目主要是确保活动顺利开展\n2、确保活动顺利开展。\n三、完成会场搭建500平方米"),
      expect: [["B8", "repeated"]],
    },
    {
      name: "two groups of repeats, two reports",
      table: goal("1.甲项工作按期完成\n2.乙项工作按期完成\n3.甲项工作按期完成。\n4.乙项工作按期完成！"),
      expect: [
        ["B8", "repeated"],
        ["B8", "repeated"],
      ],
    },
  ],
});

test("names the repeated line numbers", () => {
  const [issue] = runRules([seedTable1()], { rules: [rule] });
  expect(issue.data.lines).toBe("1、2、3");
  expect(issue.data.count).toBe(3);
  expect(issue.message).toContain("第1、2、3行");
  const en = runRules([seedTable1()], { rules: [rule], locale: "en" })[0];
  expect(en.message).toContain("1, 2, 3");
});
