import { rule } from "../../src/core/rules/plan-range";
import { testRule } from "../helpers/rule-tester";
import { makeTable } from "../helpers/table";
import type { ProjectTable } from "../../src/core/model/schema";

const edit = (f: (t: ProjectTable) => void, t = makeTable()): ProjectTable => {
  f(t);
  return t;
};

testRule(rule, {
  valid: [
    { name: "standard plan", table: makeTable() },
    { name: "no plan", table: makeTable({ plan: null }) },
    { name: "seed 项目1 (100% throughout)", table: makeTable({ plan: [100, 100, 100, 100] }) },
    { name: "seed 项目3 (blank, 50, 90, 100)", table: makeTable({ plan: [null, 50, 90, 100] }) },
    { name: "zeros", table: makeTable({ plan: [0, 0, 0, 100] }) },
    { name: "typed fraction rounding (100.0000001)", table: makeTable({ plan: [25, 50, 80, 100.0000001] }) },
  ],
  invalid: [
    { name: "above 100", table: makeTable({ plan: [25, 50, 120, 100] }), expect: [["E7", "outOfRange"]] },
    { name: "negative", table: makeTable({ plan: [-5, 50, 80, 100] }), expect: [["B7", "outOfRange"]] },
    {
      name: "several",
      table: makeTable({ plan: [150, 200, 80, 100] }),
      expect: [["B7", "outOfRange"], ["D7", "outOfRange"]],
    },
    {
      name: "written but not a percentage",
      table: edit((t) => {
        t.plan!.m6 = { value: null, raw: "过半", cell: "D7" };
      }),
      expect: [["D7", "unreadable"]],
    },
  ],
});
