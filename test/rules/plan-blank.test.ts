import { rule } from "../../src/core/rules/plan-blank";
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
    { name: "explicit zeros", table: makeTable({ plan: [0, 0, 50, 100] }) },
    { name: "no plan in the layout", table: makeTable({ plan: null }) },
    {
      name: "unreadable text is plan-range's concern",
      table: edit((t) => {
        t.plan!.m3 = { value: null, raw: "无", cell: "B7" };
      }),
    },
  ],
  invalid: [
    { name: "seed 项目3: 3月底 blank", table: makeTable({ plan: [null, 50, 90, 100] }), expect: [["B7", "blank"]] },
    {
      name: "all blank",
      table: makeTable({ plan: [null, null, null, null] }),
      expect: [["B7", "blank"], ["D7", "blank"], ["E7", "blank"], ["F7", "blank"]],
    },
    {
      name: "a space only (as in the seed)",
      table: edit((t) => {
        t.plan!.m10 = { value: null, raw: " ", cell: "E7" };
      }),
      expect: [["E7", "blank"]],
    },
  ],
});
