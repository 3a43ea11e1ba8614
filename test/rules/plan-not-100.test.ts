import { rule } from "../../src/core/rules/plan-not-100";
import { testRule } from "../helpers/rule-tester";
import { makeTable } from "../helpers/table";

testRule(rule, {
  valid: [
    { name: "standard plan", table: makeTable() },
    { name: "no plan", table: makeTable({ plan: null }) },
    { name: "cross-year project ending at 60%", table: makeTable({ plan: [10, 20, 40, 60], crossYear: true }) },
    { name: "cross-year project with blank 12月底", table: makeTable({ plan: [10, 20, 40, null], crossYear: true }) },
    { name: "typed 1 in a % cell read as 100.0000001", table: makeTable({ plan: [25, 50, 80, 100.0000001] }) },
  ],
  invalid: [
    { name: "ends at 90%", table: makeTable({ plan: [25, 50, 80, 90] }), expect: [["F7", "not100"]] },
    { name: "ends above 100%", table: makeTable({ plan: [25, 50, 80, 110] }), expect: [["F7", "not100"]] },
    { name: "ends at 0%", table: makeTable({ plan: [0, 0, 0, 0] }), expect: [["F7", "not100"]] },
    { name: "12月底 blank", table: makeTable({ plan: [25, 50, 80, null] }), expect: [["F7", "blank"]] },
  ],
});
