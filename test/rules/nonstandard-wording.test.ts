import { rule } from "../../src/core/rules/nonstandard-wording";
import { builtinSearchIndex } from "../../src/core/library/builtin-index";
import { runRules } from "../../src/core/rules/engine";
import { ALL_RULES } from "../../src/core/rules/registry";
import { CATALOGS } from "../../src/core/messages";
import { BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import { createSearchIndex } from "../../src/core/library/search";
import { mergeLibraries, parseLibraryRows } from "../../src/core/library/import";
import { REVIEW_MARK } from "../../src/core/library/suggest";
import { testRule } from "../helpers/rule-tester";
import { ind, makeTable } from "../helpers/table";
import { seedTable1, seedTable2, seedTable3 } from "./_seed-tables";

const one = (level1: string, level2: string, name: string, value = "≥90%") => makeTable({ indicators: [ind(level1, level2, name, value, "说明")] });

/** The built-in library, as the CLI, the bench and the task pane (once loaded) pass it. */
const options = { libraryIndex: builtinSearchIndex() };
const withIndex = <T extends object>(cases: T[]): T[] => cases.map((c) => ({ options, ...c }));

testRule(rule, {
  valid: withIndex([
    { name: "standard names", table: one("产出指标", "数量指标", "培训人次", "≥200人次") },
    { name: "a standard name with its optional part dropped", table: one("产出指标", "质量指标", "项目验收合格率", "=100%") },
    { name: "written with spaces and punctuation", table: one("产出指标", "质量指标", "项目（工程） 验收合格率。", "=100%") },
    { name: "a process measure is process-indicator's business", table: one("产出指标", "时效指标", "资金拨付及时率", "=100%") },
    { name: "nothing close in the library", table: one("效益指标", "可持续影响指标", "对未来的影响") },
    { name: "unknown 一级: level1-unknown's business", table: one("其他指标", "数量指标", "培训人数", "≥20人") },
    { name: "a short standard name inside a longer free text is not close", table: one("满意度指标", "服务对象满意度指标", "项目单位满意度") },
    { name: "the close entry is in another 一级 (群众反响 is a satisfaction item)", table: one("效益指标", "社会效益指标", "群众对项目的社会反响") },
    { name: "empty and one-character names", table: makeTable({ indicators: [ind("产出指标", "数量指标", null, "≥1个"), ind("产出指标", "数量指标", "数", "≥1个")] }) },
    // Noise (docs/rules/nonstandard-wording.md): a standard name made specific by a qualifier in front,
    { name: "a standard name with a place in front", table: one("效益指标", "社会效益指标", "经济开发区服务覆盖率", "≥80%") },
    { name: "a standard name with an object in front", table: one("产出指标", "质量指标", "道路维修验收合格率", "=100%") },
    // a known variant whose standard wording only adds 项目/工程,
    { name: "完成时间 → 项目完成时间 only adds 项目", table: one("产出指标", "时效指标", "完成时间", "2022年12月31日前") },
    // a close match that measures something else.
    { name: "a rate is not a count (培训人次达标率 ≠ 培训人次)", table: one("产出指标", "质量指标", "培训人次达标率", "≥90%") },
    { name: "a cost is not a quantity (租赁施工机械总成本 ≠ 租赁施工机械数量)", table: one("产出指标", "成本指标", "租赁施工机械总成本", "≤20万元") },
    { name: "without libraryIndex the rule reports nothing", table: one("满意度指标", "服务对象满意度指标", "满意度"), options: {} },
    // Not a correction (real tables: docs/rules/nonstandard-wording.md): the standard name with words added anywhere,
    { name: "the standard name with a word inside (家庭医生签约服务人数 ⊃ 家庭医生签约人数)", table: one("产出指标", "数量指标", "家庭医生签约服务人数", "≥500人") },
    { name: "the standard name with a value phrase after it", table: one("产出指标", "数量指标", "享受资助人数达到预计值", "=2100人") },
    // a standard name that adds what the officer did not write,
    { name: "the standard adds an object (完成时限 → 整改完成时限)", table: one("产出指标", "时效指标", "完成时限", "2023年12月31日前") },
    { name: "the standard adds a qualifier in front (完成率 → 及时完成率)", table: one("产出指标", "时效指标", "完成率", "=100%") },
    // another object named with the same measure,
    { name: "排水 is not 灌溉", table: one("效益指标", "生态效益指标", "新增和改善排水达标面积", "≥500亩") },
    { name: "a travel cost is not the project's total cost", table: one("成本指标", "经济成本指标", "出差总成本", "≤2万元") },
    // an ending of the same meaning,
    { name: "时限 is 时间 (竣工时限 → 竣工时间)", table: one("产出指标", "时效指标", "竣工时限", "2022年10月31日前") },
    { name: "数量 is 数 (搭建展位数量)", table: one("产出指标", "数量指标", "搭建展位数量", "≥20个") },
    { name: "a unit in brackets after the name (受益人数(人) → 受益人口数)", table: one("效益指标", "社会效益指标", "受益人数(人)", "≥500人") },
    // and a name that holds a value or a template's blank (placeholder-left's business).
    { name: "a value inside the name", table: one("成本指标", "经济成本指标", "项目总成本(≤**万元)", "≤50万元") },
    { name: "a known variant with a template blank", table: one("满意度指标", "服务对象满意度指标", "游客满意度(≥**%)", "≥90%") },
  ]),
  invalid: withIndex([
    { name: "a known variant (alias)", table: one("满意度指标", "服务对象满意度指标", "满意度"), expect: [["C13", "alias"]] },
    { name: "a measure after a name that names none (成本控制 → 成本控制率)", table: one("成本指标", "经济成本指标", "成本控制", "≤100%"), expect: [["C13", "close"]] },
    { name: "a typo", table: one("产出指标", "质量指标", "验收合格律", "=100%"), expect: [["C13", "close"]] },
    {
      name: "the seed's infrastructure table",
      table: seedTable3(),
      expect: [["C13", "close"], ["C15", "alias"], ["C16", "alias"], ["C17", "alias"], ["C19", "alias"], ["C20", "alias"]],
    },
    { name: "the seed's event table: the bare 满意度", table: seedTable1(), expect: [["C22", "alias"]] },
    { name: "a known variant that changes more than 项目/工程", table: one("产出指标", "成本指标", "会场搭建总成本", "≤20万元"), expect: [["C13", "alias"]] },
  ]),
});

test("registered, with messages in both catalogs", () => {
  expect(ALL_RULES).toContain(rule);
  for (const locale of ["zh-CN", "en"] as const) {
    const entry = (CATALOGS[locale].rules as Record<string, { messages: Record<string, string> }>)["nonstandard-wording"];
    expect(Object.keys(entry.messages).sort()).toEqual(["alias", "close"]);
  }
});

test("info severity; up to three suggestions, each replacing the name, the description and an unfit value", () => {
  const issues = runRules([seedTable3()], { rules: [rule], options });
  expect(issues.every((i) => i.severity === "info")).toBe(true);
  const timely = issues.find((i) => i.cell === "C15")!; // 按时完工, value "12月"
  expect(timely.data.suggestion).toBe("工程完工时间");
  expect(timely.suggestions!.length).toBeGreaterThanOrEqual(1);
  expect(timely.suggestions!.length).toBeLessThanOrEqual(3);
  const first = timely.suggestions![0];
  expect(first.text.startsWith("工程完工时间")).toBe(true);
  const cells = first.edits.map((e) => e.cell);
  expect(cells).toEqual(["C15", "D15"]); // "12月" is a date: kept
  const upgrade = issues.find((i) => i.cell === "C13")!; // 园区基础设施升级改造, value ≥100百分比 (a % for a count)
  expect(upgrade.suggestions![0].edits).toEqual([
    { sheet: "Sheet1", cell: "C13", value: "完成基础设施改造项目数" },
    { sheet: "Sheet1", cell: "D13", value: BUILTIN_ENTRIES.find((e) => e.name === "完成基础设施改造项目数")!.definition },
    { sheet: "Sheet1", cell: "F13", value: `≥X个${REVIEW_MARK}` },
  ]);
  for (const i of issues) expect(i.message).toContain(String(i.data.suggestion));
});

test("the two copied event tables get the same reports", () => {
  const cells = (t: ReturnType<typeof seedTable1>) => runRules([t], { rules: [rule], options }).map((i) => [i.cell, i.messageId, i.data.suggestion]);
  expect(cells(seedTable2())).toEqual(cells(seedTable1()));
});

test("options.libraryIndex: a merged custom library is used instead of the built-in one", () => {
  const custom = parseLibraryRows([["二级指标", "三级指标", "指标解释", "计量单位", "别名"], ["数量指标", "巡河次数", "全年河长巡河的次数", "次", "河长巡河次数"]]).entries;
  const table = one("产出指标", "数量指标", "河长巡河次数", "≥48次");
  expect(runRules([table], { rules: [rule], options })).toEqual([]);
  const libraryIndex = createSearchIndex(mergeLibraries(BUILTIN_ENTRIES, custom));
  const issues = runRules([table], { rules: [rule], options: { libraryIndex } });
  expect(issues.map((i) => [i.cell, i.messageId, i.data.suggestion])).toEqual([["C13", "alias", "巡河次数"]]);
  expect(builtinSearchIndex().entries).toBe(BUILTIN_ENTRIES);
});

test("a custom entry named as written turns a finding into an exact match (no finding)", () => {
  const table = one("成本指标", "经济成本指标", "成本控制", "≤100%");
  expect(runRules([table], { rules: [rule], options }).map((i) => [i.cell, i.messageId])).toEqual([["C13", "close"]]);
  const custom = parseLibraryRows([["一级指标", "二级指标", "三级指标", "指标解释", "计量单位"], ["成本指标", "经济成本指标", "成本控制", "实际支出不超过预算的程度", "%"]]).entries;
  expect(custom).toHaveLength(1);
  const libraryIndex = createSearchIndex(mergeLibraries(BUILTIN_ENTRIES, custom));
  expect(runRules([table], { rules: [rule], options: { libraryIndex } })).toEqual([]);
});
