import { basisKind, rule } from "../../src/core/rules/basis-weak";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";
import { seedTable1, seedTable3 } from "./_seed-tables";

const one = (basis: string | null, level2 = "质量指标", level1 = "产出指标") =>
  makeTable({ indicators: [ind(level1, level2, "验收合格率", "=100%", "说明", basis)] });
/** The good table with another basis on every row except the cost row. */
const allRows = (basis: string) =>
  makeTable({ indicators: GOOD_INDICATORS.map((s) => (s.level2 === "成本指标" ? s : { ...s, basis })) });

test.each([
  ["计划标准", "standard"],
  ["行业标准", "standard"],
  ["历史标准（近三年平均值）", "standard"],
  ["其他", "standard"],
  ["其他标准", "standard"],
  ["计划标准：年度工作计划", "standard"],
  ["预算支出标准", "budgetStandard"],
  ["文小请字【2022】2号", "document"],
  ["财预〔2021〕101号", "document"],
  ["XX发[2022]3号", "document"],
  ["《河北省省级部门预算绩效管理办法》", "document"],
  ["验收报告", "evidence"],
  ["施工合同", "evidence"],
  ["满意度调查问卷", "evidence"],
  ["年度工作报告", "evidence"],
  ["随机调出群众的环保意识。", "narrative"],
  ["所有工程在合同期内按时完成", "narrative"],
  ["基础设施建设和升级改造情况", "narrative"],
  ["", "empty"],
  ["  ", "empty"],
])("basisKind(%j) = %s", (text, kind) => {
  expect(basisKind(text)).toBe(kind);
});

testRule(rule, {
  valid: [
    { name: "the good table (预算支出标准 on its cost row)", table: makeTable() },
    { name: "a 文号", table: one("财预〔2021〕101号") },
    { name: "an evidence noun", table: one("验收报告") },
    { name: "预算支出标准 on a 101 cost row", table: one("预算支出标准", "经济成本指标", "成本指标") },
    { name: "计划标准 on every row is normal practice", table: allRows("计划标准") },
    { name: "one 文号 on two rows only", table: makeTable({ indicators: GOOD_INDICATORS.slice(0, 2).map((s) => ({ ...s, basis: "财预〔2021〕101号" })) }) },
  ],
  invalid: [
    { name: "empty", table: one(null), expect: [["G13", "empty"]] },
    { name: "narrative", table: one("随机调出群众的环保意识。"), expect: [["G13", "narrative"]] },
    { name: "预算支出标准 on a quality row", table: one("预算支出标准"), expect: [["G13", "budgetStandardNotCost"]] },
    {
      name: "the same document on every row (§f20)",
      table: seedTable1(),
      expect: [["G13", "sameForAll"]],
    },
    {
      name: "the same evidence noun on every row",
      table: makeTable({ indicators: GOOD_INDICATORS.map((s) => ({ ...s, basis: "年度工作计划" })) }),
      expect: [["G13", "sameForAll"]],
    },
    {
      name: "seed table 3 (§f24–26): six narrative bases",
      table: seedTable3(),
      expect: [
        ["G13", "narrative"],
        ["G15", "narrative"],
        ["G17", "narrative"],
        ["G18", "narrative"],
        ["G20", "narrative"],
        ["G21", "narrative"],
      ],
    },
  ],
});
