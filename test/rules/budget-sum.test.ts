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
    ...["-", "—", "/", "无", "／"].map((raw) => ({
      name: `other written ${raw}: zero`,
      table: edit((t) => {
        t.budget.other = { value: null, raw, cell: "G4" };
      }),
    })),
    {
      name: "layout without the 其中 parts",
      table: edit((t) => {
        t.budget.fiscal = { value: null, raw: null, cell: null };
        t.budget.other = { value: null, raw: null, cell: null };
      }),
    },
    {
      // A real 湖北 table: 项目金额 164万元，其中：当年市级财政资金 132万元 — no 其他资金 field on the form.
      name: "a form listing one source only, short of the total: the rest comes from sources it does not name",
      table: edit((t) => {
        t.budget.total = { value: 164, raw: "164万元", cell: "B4" };
        t.budget.fiscal = { value: 132, raw: "132万元", cell: "F4" };
        t.budget.other = { value: null, raw: null, cell: null };
      }),
    },
  ],
  invalid: [
    {
      name: "a form listing one source only, above the total",
      table: edit((t) => {
        t.budget.total = { value: 164, raw: "164万元", cell: "B4" };
        t.budget.fiscal = { value: 180, raw: "180万元", cell: "F4" };
        t.budget.other = { value: null, raw: null, cell: null };
      }),
      expect: [["B4", "partsExceed"]],
    },
    { name: "both filled, below budget", table: makeTable({ budget: 200000, fiscal: 150000, other: 0 }), expect: [["C4", "mismatch"]] },
    { name: "sum above budget", table: makeTable({ budget: 200000, fiscal: 200000, other: 1 }), expect: [["C4", "mismatch"]] },
    { name: "just above tolerance", table: makeTable({ budget: 100, fiscal: 99.99, other: 0 }), expect: [["C4", "mismatch"]] },
    { name: "fiscal alone above the budget (other blank)", table: makeTable({ budget: 200000, fiscal: 250000, other: null }), expect: [["C4", "partsExceed"]] },
    { name: "fiscal short, other blank: a note on the blank part", table: makeTable({ budget: 200000, fiscal: 150000, other: null }), expect: [["G4", "partBlank"]] },
    { name: "both parts blank: one completeness note", table: makeTable({ budget: 200000, fiscal: null, other: null }), expect: [["E4", "sourcesBlank"]] },
    {
      name: "a dash is zero: fiscal short of the budget is a mismatch",
      table: edit((t) => {
        t.budget.total = { value: 200000, raw: "200000", cell: "C4" };
        t.budget.fiscal = { value: 150000, raw: "150000", cell: "E4" };
        t.budget.other = { value: null, raw: "-", cell: "G4" };
      }),
      expect: [["C4", "mismatch"]],
    },
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
        t.budget.other = { value: null, raw: "另行安排", cell: "G4" };
      }),
      expect: [["G4", "otherUnreadable"]],
    },
  ],
});

test("budget-sum message data and severities", () => {
  const [issue] = runRules([makeTable({ budget: 3000000, fiscal: 2500000, other: 400000 })], { rules: [rule] });
  expect(issue.data).toEqual({ total: "3,000,000", fiscal: "2,500,000", other: "400,000", sum: "2,900,000", diff: "100,000", unit: "元" });
  expect(issue.message).toBe("预算数3,000,000元不等于财政资金2,500,000与其他资金400,000之和2,900,000（相差100,000），请核对。");
  expect(issue.severity).toBe("error");
  const [note] = runRules([makeTable({ budget: 3000000, fiscal: 2500000, other: null })], { rules: [rule] });
  expect([note.messageId, note.severity]).toEqual(["partBlank", "info"]);
  expect(note.message).toBe("其他资金未填写，已填写的资金来源合计2,500,000元，比预算数3,000,000元少500,000；如果其他资金为零，请填0。");
});
