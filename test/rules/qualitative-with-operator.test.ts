import { rule } from "../../src/core/rules/qualitative-with-operator";
import { testRule } from "../helpers/rule-tester";
import { ind, makeTable } from "../helpers/table";
import { seedTable1, seedTable2, seedTable3 } from "./_seed-tables";

const one = (value: string) => makeTable({ indicators: [ind("效益指标", "社会效益指标", "群众出行条件", value)] });

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    ...["良好", "明显改善", "达到预期", "≥95%", "=100%", "≤20万元", "2022年12月31日前", "合格"].map((v) => ({ name: v, table: one(v) })),
    { name: "seed tables", tables: [seedTable1(), seedTable2(), seedTable3()] },
  ],
  invalid: [
    ...["=提高", "≥良好", "≥合格", ">=较好", "＝明显改善", "≧优"].map((v) => ({
      name: v,
      table: one(v),
      expect: [["F13", "operator"]] as [string, string][],
    })),
  ],
});
