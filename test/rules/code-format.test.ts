import { rule } from "../../src/core/rules/code-format";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { makeTable } from "../helpers/table";

const code = (projectCode: string | null) => makeTable({ projectCode });

testRule(rule, {
  valid: [
    { name: "seed 项目1", table: code("13102622P00237611645J") },
    { name: "seed 项目2 with year 2022", table: code("13102622P00237611669Q"), options: { year: 2022 } },
    { name: "seed 项目3", table: code("13102622P00237611775F") },
    { name: "Tianjin 2022", table: code("12000022P10000210006W"), options: { year: 2022 } },
    { name: "surrounding spaces", table: code(" 13102622P00237611645J ") },
    { name: "blank code", table: code(null) },
    { name: "empty text", table: code("  ") },
    { name: "check letter is never judged", table: code("13102622P00237611645A") },
    { name: "year unknown: no year check", table: code("13102619P00237611645J") },
  ],
  invalid: [
    { name: "central transfer-payment code", table: code("Z135050009017"), expect: [["B3", "format"]] },
    { name: "too short", table: code("13102622P0023761164J"), expect: [["B3", "format"]] },
    { name: "lower-case letters", table: code("13102622p00237611645j"), expect: [["B3", "format"]] },
    { name: "space inside", table: code("131026 22P00237611645J"), expect: [["B3", "format"]] },
    { name: "digit instead of check letter", table: code("131026220002376116455"), expect: [["B3", "format"]] },
    { name: "year digits differ", table: code("13102621P00237611645J"), options: { year: 2022 }, expect: [["B3", "year"]] },
    { name: "9th character not P", table: code("13102622X00237611645J"), expect: [["B3", "letter"]] },
    { name: "invalid province prefix", table: code("99102622P00237611645J"), expect: [["B3", "area"]] },
    {
      name: "several findings on one code",
      table: code("99102621K00237611645J"),
      options: { year: 2022 },
      expect: [["B3", "area"], ["B3", "year"], ["B3", "letter"]],
    },
  ],
});

test("code-format year message data", () => {
  const [issue] = runRules([code("13102621P00237611645J")], { rules: [rule], options: { year: 2022 } });
  expect(issue.data).toEqual({ code: "13102621P00237611645J", digits: "21", year: 2022, expected: "22" });
  expect(issue.severity).toBe("warning");
});
