import { rule, budgetYear } from "../../src/core/rules/year-mismatch";
import { testRule } from "../helpers/rule-tester";
import { makeTable } from "../helpers/table";
import { seedTable1, seedTable2, seedTable3 } from "./_seed-tables";

testRule(rule, {
  valid: [
    { name: "name year = code year (22)", table: makeTable({ projectName: "2022年业务培训项目" }) },
    { name: "no year in the name", table: makeTable({ projectName: "业务培训项目" }) },
    { name: "no code and no --year: nothing to compare", table: makeTable({ projectName: "2021年培训", projectCode: null }) },
    { name: "malformed code: nothing to compare", table: makeTable({ projectName: "2021年培训", projectCode: "ABC" }) },
    { name: "cross-year (结转) project", table: makeTable({ projectName: "2021年结转培训项目", crossYear: true }) },
    { name: "--year matches the name", table: makeTable({ projectName: "2023年培训", projectCode: null }), options: { year: 2023 } },
    { name: "seed table 3 (no year in its name)", table: seedTable3() },
  ],
  invalid: [
    { name: "2021 in a 2022-coded project", table: makeTable({ projectName: "2021年业务培训项目" }), expect: [["E3", "nameYear"]] },
    { name: "--year overrides the code", table: makeTable({ projectName: "2022年业务培训项目" }), options: { year: 2023 }, expect: [["E3", "nameYear"]] },
    { name: "seed tables 1 and 2 (§f31)", tables: [seedTable1(), seedTable2()], expect: [["E3", "nameYear"], ["E3", "nameYear"]] },
  ],
});

test("budgetYear reads --year first, then the code's digits 7–8", () => {
  expect(budgetYear("13102622P00237611645J", undefined)).toBe(2022);
  expect(budgetYear("13102622P00237611645J", 2024)).toBe(2024);
  expect(budgetYear("1310262", undefined)).toBeNull();
  expect(budgetYear(null, undefined)).toBeNull();
});
