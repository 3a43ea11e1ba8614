import { rule } from "../../src/core/rules/copied-indicators";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable, type IndSpec } from "../helpers/table";
import { seedTable1, seedTable2, seedTable3 } from "./_seed-tables";

const OTHER: IndSpec[] = [
  ind("产出指标", "数量指标", "道路硬化里程", "≥2.5公里"),
  ind("产出指标", "质量指标", "竣工验收合格率", "=100%"),
  ind("产出指标", "时效指标", "竣工时间", "2022年10月31日前"),
  ind("产出指标", "成本指标", "工程建设成本", "≤300万元"),
  ind("效益指标", "社会效益指标", "受益人口数", "≥500人"),
  ind("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"),
];
const t = (indicators: IndSpec[], goal: string, projectName = "项目") => makeTable({ indicators, goal, projectName });
/** The first n rows of GOOD_INDICATORS, the rest from OTHER. */
const mix = (n: number) => [...GOOD_INDICATORS.slice(0, n), ...OTHER.slice(n)];

testRule(rule, {
  valid: [
    { name: "a single table", table: makeTable() },
    { name: "two different tables", tables: [t(GOOD_INDICATORS, "举办培训4期", "培训项目"), t(OTHER, "硬化道路2.5公里", "道路项目")] },
    { name: "3 of 6 rows shared (50%)", tables: [t(GOOD_INDICATORS, "举办培训4期"), t(mix(3), "硬化道路2.5公里")] },
    {
      name: "2 of 2 rows shared (fewer than 3)",
      tables: [t(GOOD_INDICATORS.slice(0, 2), "举办培训4期"), t(GOOD_INDICATORS.slice(0, 2), "硬化道路2.5公里")],
    },
    {
      name: "same names, other values",
      tables: [
        t(GOOD_INDICATORS, "举办培训4期"),
        t(GOOD_INDICATORS.map((s) => ({ ...s, value: "≥1个" })), "硬化道路2.5公里"),
      ],
    },
    { name: "short identical goals are not reported", tables: [t(GOOD_INDICATORS, "培训"), t(OTHER, "培训")] },
    { name: "seed table 3 after table 1", tables: [seedTable1(), seedTable3()] },
  ],
  invalid: [
    {
      name: "seed (§f8, §f6): table 2 copies table 1's indicators and goal",
      tables: [seedTable1(), seedTable2(), seedTable3()],
      expect: [
        ["A2", "copied"],
        ["B8", "copiedGoal"],
      ],
      expectTable: 1,
    },
    {
      name: "4 of 6 rows shared (67%)",
      tables: [t(GOOD_INDICATORS, "举办培训4期"), t(mix(4), "硬化道路2.5公里")],
      expect: [["A2", "copied"]],
      expectTable: 1,
    },
    {
      name: "copied goal with other numbering",
      tables: [t(GOOD_INDICATORS, "1.全年举办培训4期\n2.培训200人次"), t(OTHER, "（一）全年举办培训4期；\n（二）培训200人次。")],
      expect: [["B8", "copiedGoal"]],
      expectTable: 1,
    },
  ],
});

test("names the earlier table by project and range, and counts the copied rows", () => {
  const issues = runRules([seedTable1(), seedTable2()], { rules: [rule] });
  const copied = issues.find((i) => i.messageId === "copied")!;
  expect(copied.data).toMatchObject({ count: 9, total: 10, range: "A2:G22", project: "工业新区2021年文安县第三次重点项目开工会场搭建项目资金" });
  expect(copied.message).toContain("工业新区2021年文安县第三次重点项目开工会场搭建项目资金");
  expect(copied.message).toContain("Sheet1!A2:G22");
});

test("picks the earlier table with the most copied rows", () => {
  const issues = runRules(
    [t(OTHER, "甲目标一二三四五六七", "道路项目"), t(GOOD_INDICATORS, "乙目标一二三四五六七", "培训项目"), t(mix(5), "丙目标一二三四五六七", "新项目")],
    { rules: [rule] },
  );
  // table 2 shares 1 row with table 0 and 5 with table 1
  expect(issues.map((i) => [i.table, i.data.count, i.data.total, i.data.project])).toEqual([[2, 5, 6, "培训项目"]]);
});
