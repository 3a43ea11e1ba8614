import { rule } from "../../src/core/rules/required-field";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { makeTable } from "../helpers/table";
import type { ProjectTable } from "../../src/core/model/schema";

const edit = (f: (t: ProjectTable) => void): ProjectTable => {
  const t = makeTable();
  f(t);
  return t;
};

testRule(rule, {
  valid: [
    { name: "standard table", table: makeTable() },
    { name: "budget typed as 0 is filled in", table: makeTable({ budget: 0, fiscal: 0 }) },
    { name: "one goal line", table: makeTable({ goal: "完成培训200人次" }) },
  ],
  invalid: [
    {
      name: "a value with a blank 三级 name",
      table: makeTable({ indicators: [{ level1: "产出指标", level2: "数量指标", name: null, value: "≥200人次" }] }),
      expect: [["C13", "indicatorName"]],
    },
    { name: "no project name", table: makeTable({ projectName: null }), expect: [["E3", "projectName"]] },
    { name: "blank project name", table: makeTable({ projectName: "   " }), expect: [["E3", "projectName"]] },
    { name: "no budget", table: makeTable({ budget: null, fiscal: null }), expect: [["C4", "budget"]] },
    {
      name: "budget written but unreadable",
      table: edit((t) => {
        t.budget.total = { value: null, raw: "二十万左右", cell: "C4" };
      }),
      expect: [["C4", "budgetUnreadable"]],
    },
    { name: "no goal", table: makeTable({ goal: null }), expect: [["B8", "goal"]] },
    { name: "blank goal", table: makeTable({ goal: " \n " }), expect: [["B8", "goal"]] },
    {
      name: "all three empty",
      table: makeTable({ projectName: "", budget: null, goal: "" }),
      expect: [
        ["E3", "projectName"],
        ["C4", "budget"],
        ["B8", "goal"],
      ],
    },
    {
      name: "a field whose label is not in the table is not known to be empty: one note on the table's first cell",
      table: edit((t) => {
        t.projectName = { value: null, cell: null };
      }),
      expect: [["A2", "notFound"]],
    },
    {
      // corpus gs-jiayuguan-2023-bowuguan: the 甘肃 form names the project 二级项目名称 and the budget 预算申报数
      name: "corpus gs-jiayuguan-2023-bowuguan: 项目名称 and 预算数 not found give one note, not two errors",
      table: edit((t) => {
        t.projectName = { value: null, cell: null };
        t.budget.total = { value: null, raw: null, cell: null };
      }),
      expect: [["A2", "notFound"]],
    },
  ],
});

describe("required-field notFound", () => {
  test("lists the fields not found, as a hint", () => {
    const t = makeTable({ goal: null });
    t.projectName = { value: null, cell: null };
    t.goal = { value: null, cell: null };
    t.goals = [];
    const issues = runRules([t], { rules: [rule] });
    expect(issues.map((i) => [i.messageId, i.severity, i.data.fields])).toEqual([["notFound", "info", "项目名称、绩效目标"]]);
  });
});
