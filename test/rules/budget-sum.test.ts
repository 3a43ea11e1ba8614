import { rule } from "../../src/core/rules/budget-sum";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { makeTable } from "../helpers/table";
import type { ProjectTable } from "../../src/core/model/schema";

const edit = (f: (t: ProjectTable) => void, t = makeTable()): ProjectTable => {
  f(t);
  return t;
};

testRule(rule, {
  valid: [
    { name: "standard table (其他资金 blank, seed-like)", table: makeTable() },
    { name: "fiscal + other", table: makeTable({ budget: 300, fiscal: 200, other: 100, moneyUnit: "万元" }) },
    { name: "all from other funds", table: makeTable({ budget: 500000, fiscal: null, other: 500000 }) },
    { name: "within tolerance 0.005", table: makeTable({ budget: 3309840, fiscal: 3309839.996, other: null }) },
    { name: "floating point sum", table: makeTable({ budget: 0.3, fiscal: 0.1, other: 0.2 }) },
    { name: "no budget: left to required-field", table: makeTable({ budget: null, fiscal: 100, other: null }) },
    {
      name: "layout without the 其中 parts",
      table: edit((t) => {
        t.budget.fiscal = { value: null, raw: null, cell: null };
        t.budget.other = { value: null, raw: null, cell: null };
      }),
    },
  ],
  invalid: [
    { name: "fiscal below budget", table: makeTable({ budget: 200000, fiscal: 150000 }), expect: [["C4", "mismatch"]] },
    { name: "sum above budget", table: makeTable({ budget: 200000, fiscal: 200000, other: 1 }), expect: [["C4", "mismatch"]] },
    { name: "both parts blank count as 0", table: makeTable({ budget: 200000, fiscal: null, other: null }), expect: [["C4", "mismatch"]] },
    { name: "just above tolerance", table: makeTable({ budget: 100, fiscal: 99.99, other: null }), expect: [["C4", "mismatch"]] },
    {
      name: "fiscal written but unreadable",
      table: edit((t) => {
        t.budget.fiscal = { value: null, raw: "见附表", cell: "E4" };
      }),
      expect: [["E4", "fiscalUnreadable"]],
    },
    {
      name: "other written but unreadable",
      table: edit((t) => {
        t.budget.other = { value: null, raw: "无", cell: "G4" };
      }),
      expect: [["G4", "otherUnreadable"]],
    },
  ],
});

test("budget-sum message data", () => {
  const [issue] = runRules([makeTable({ budget: 3000000, fiscal: 2500000, other: null })], { rules: [rule] });
  expect(issue.data).toEqual({ total: "3,000,000", fiscal: "2,500,000", other: "0", sum: "2,500,000", diff: "500,000", unit: "元" });
  expect(issue.message).toBe("预算数3,000,000元不等于财政资金2,500,000与其他资金0之和2,500,000（相差500,000，空白按0计），请核对。");
});
