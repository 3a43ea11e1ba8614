import { rule } from "../../src/core/rules/operator-direction";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { ind, makeTable } from "../helpers/table";

const row = (level2: string, name: string, value: string, level1 = "产出指标") => makeTable({ indicators: [ind(level1, level2, name, value)] });

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    { name: "count with a floor", table: row("数量指标", "培训人次", "≥500人次") },
    { name: "count stated exactly", table: row("数量指标", "新建公厕", "=3座") },
    { name: "negative count with a ceiling", table: row("数量指标", "安全事故次数", "≤0次") },
    { name: "count range", table: row("数量指标", "参会人数", "200-300人") },
    { name: "a rate under 数量 is not a count", table: row("数量指标", "覆盖率", "≤5%") },
    { name: "a ceiling on a quality row", table: row("质量指标", "返工次数", "≤2次") },
    { name: "a bare number whose name is no count", table: row("数量指标", "道路宽度", "≤4") },
    { name: "cost with a ceiling", table: row("成本指标", "设备购置成本", "≤50万元") },
    { name: "101 cost with a ceiling", table: row("经济成本指标", "建设成本", "≤300万元", "成本指标") },
    { name: "cost floor that is not money", table: row("成本指标", "节约率", "≥5%") },
  ],
  invalid: [
    { name: "count with only a ceiling", table: row("数量指标", "培训人次", "≤500人次"), expect: [["F13", "countCeiling"]] },
    { name: "pieces with <", table: row("数量指标", "发放宣传册", "<1000册"), expect: [["F13", "countCeiling"]] },
    // ah-jinzhai-2023-chagu-zhengti E12: a count by its name, the number without a unit.
    { name: "a bare number, a count by its name", table: row("数量指标", "指标1:开展精品示范村建设数量", "≤4"), expect: [["F13", "countCeiling"]] },
    { name: "cost with only a floor", table: row("成本指标", "设备购置成本", "≥50万元"), expect: [["F13", "costFloor"]] },
    { name: "101 cost with >", table: row("经济成本指标", "建设成本", ">300万元", "成本指标"), expect: [["F13", "costFloor"]] },
    { name: "unit cost with a floor", table: row("成本指标", "人均培训成本", "≥500元/人"), expect: [["F13", "costFloor"]] },
  ],
});

test("operator-direction messages give the turned operator", () => {
  const [count] = runRules([row("数量指标", "培训人次", "≤500人次")], { rules: [rule] });
  expect(count.message).toBe("数量指标“培训人次”的指标值“≤500人次”只给了上限，等于不承诺完成多少；完成数量应写下限，如“≥500人次”。");
  expect(count.severity).toBe("warning");
  const [cost] = runRules([row("成本指标", "设备购置成本", "≥50万元")], { rules: [rule] });
  expect(cost.data).toMatchObject({ example: "≤50万元" });
});
