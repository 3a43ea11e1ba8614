import { rule } from "../../src/core/rules/plan-front-loaded";
import { testRule } from "../helpers/rule-tester";
import { makeTable } from "../helpers/table";
import { seedTable1, seedTable2, seedTable3 } from "./_seed-tables";

testRule(rule, {
  valid: [
    { name: "the good table (25/50/80/100)", table: makeTable() },
    { name: "no plan", table: makeTable({ plan: null }) },
    { name: "3月底 blank", table: makeTable({ plan: [null, 50, 90, 100] }) },
    { name: "3月底 90%", table: makeTable({ plan: [90, 100, 100, 100] }) },
    { name: "cross-year (结转) project", table: makeTable({ plan: [100, 100, 100, 100], crossYear: true }) },
    { name: "seed table 3", table: seedTable3() },
  ],
  invalid: [
    { name: "100% at every checkpoint", table: makeTable({ plan: [100, 100, 100, 100] }), expect: [["B7", "allInQ1"]] },
    { name: "seed tables 1 and 2 (§f7)", tables: [seedTable1(), seedTable2()], expect: [["B7", "allInQ1"], ["B7", "allInQ1"]] },
  ],
});
