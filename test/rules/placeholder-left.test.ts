import { rule } from "../../src/core/rules/placeholder-left";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const withRows = (...rows: [string, string][]) =>
  makeTable({ indicators: [...GOOD_INDICATORS, ...rows.map(([n, v]) => ind("产出指标", "数量指标", n, v))] });

testRule(rule, {
  valid: [
    { name: "standard table", table: makeTable() },
    { name: "X光机 is a name, not a placeholder", table: withRows(["X光机购置数量", "=2台"]) },
    { name: "a marker before a name", table: withRows(["★培训人数", "≥100人"]) },
    { name: "a name that is only a placeholder is vague-indicator's", table: withRows(["**", "≥100人"]) },
    { name: "an ellipsis in the goal is prose", table: makeTable({ goal: "开展培训、宣传……，提升服务能力。" }) },
  ],
  invalid: [
    { name: "≥**人", table: withRows(["培训人数", "≥**人"]), expect: [["F19", "placeholder"]] },
    { name: "≥XX%", table: withRows(["验收合格率", "≥XX%"]), expect: [["F19", "placeholder"]] },
    { name: "≥X台", table: withRows(["机械数量", "≥X台"]), expect: [["F19", "placeholder"]] },
    { name: "××", table: withRows(["培训人数", "××"]), expect: [["F19", "placeholder"]] },
    { name: "＿＿", table: withRows(["培训人数", "＿＿人"]), expect: [["F19", "placeholder"]] },
    { name: "bracketed hint in a name", table: withRows(["培训人数（≥**人）", "≥100人"]), expect: [["C19", "placeholder"]] },
    { name: "XX before a real name", table: withRows(["XX村道路硬化里程", "≥5公里"]), expect: [["C19", "placeholder"]] },
    { name: "in the goal", table: makeTable({ goal: "全年培训XX人次，合格率达到**%。" }), expect: [["B8", "placeholder"]] },
    {
      name: "one per cell, the same message listing every cell",
      table: withRows(["培训人数", "≥**人"], ["培训场次", "≥XX场"], ["XX村覆盖数", "≥3个"]),
      expect: [["F19", "placeholder"], ["F20", "placeholder"], ["C21", "placeholder"]],
    },
  ],
});

test("every report of a table lists all its cells", () => {
  const issues = runRules([withRows(["培训人数", "≥**人"], ["培训场次", "≥XX场"])], { rules: [rule] });
  expect(issues.map((i) => i.data)).toEqual([
    { text: "≥**人", token: "**", count: 2, cells: "F19、F20" },
    { text: "≥XX场", token: "XX", count: 2, cells: "F19、F20" },
  ]);
  expect(issues[0].message).toBe("“≥**人”中的“**”是模板占位符，请填写实际内容并删除占位符（本表共2处：F19、F20）。");
  expect(new Set(issues.map((i) => i.severity))).toEqual(new Set(["info"]));
});
