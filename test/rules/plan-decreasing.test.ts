import { rule } from "../../src/core/rules/plan-decreasing";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { makeTable } from "../helpers/table";

testRule(rule, {
  valid: [
    { name: "standard plan", table: makeTable() },
    { name: "no plan", table: makeTable({ plan: null }) },
    { name: "flat 100% (seed 项目1/2)", table: makeTable({ plan: [100, 100, 100, 100] }) },
    { name: "leading blank counts as 0 (seed 项目3)", table: makeTable({ plan: [null, 50, 90, 100] }) },
    { name: "all blank", table: makeTable({ plan: [null, null, null, null] }) },
    { name: "equal steps", table: makeTable({ plan: [50, 50, 50, 100] }) },
  ],
  invalid: [
    { name: "6月底 below 3月底", table: makeTable({ plan: [50, 30, 80, 100] }), expect: [["D7", "decreasing"]] },
    { name: "12月底 below 10月底", table: makeTable({ plan: [25, 50, 80, 70] }), expect: [["F7", "decreasing"]] },
    { name: "a blank in the middle counts as 0", table: makeTable({ plan: [50, null, 90, 100] }), expect: [["D7", "decreasing"]] },
    {
      name: "two drops",
      table: makeTable({ plan: [60, 40, 90, 50] }),
      expect: [["D7", "decreasing"], ["F7", "decreasing"]],
    },
  ],
});

test("plan-decreasing message data", () => {
  const [issue] = runRules([makeTable({ plan: [50, 30, 80, 100] })], { rules: [rule] });
  expect(issue.data).toEqual({ label: "6月底", value: "30%", prevLabel: "3月底", prevValue: "50%" });
});
