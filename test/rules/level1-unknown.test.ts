import { rule } from "../../src/core/rules/level1-unknown";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable, type IndSpec } from "../helpers/table";

/** A row that carries its 一级 down from the row above (blank 一级 cell). */
const cont = (level2: string, name: string, value: string): IndSpec => ({ level2, name, value, description: "说明", basis: "计划标准" });

testRule(rule, {
  valid: [
    { name: "standard 88 table", table: makeTable() },
    {
      name: "aliases of 一级 (产出, 项目完成指标, 效果指标, 满意度)",
      table: makeTable({
        indicators: [
          ind("产出", "数量指标", "培训人次", "≥200人次"),
          ind("项目完成指标", "质量指标", "合格率", "≥90%"),
          ind("效果指标", "社会效益指标", "能力提升率", "≥80%"),
          ind("满意度", "服务对象满意度指标", "参训人员满意度", "≥90%"),
        ],
      }),
    },
    {
      name: "numbered and bracketed 一级 (一、产出指标（50分）)",
      table: makeTable({ indicators: [ind("一、产出指标（50分）", "数量指标", "培训人次", "≥200人次"), ...GOOD_INDICATORS.slice(1)] }),
    },
    {
      name: "carried-down 一级 on continuation rows",
      table: makeTable({
        indicators: [ind("产出指标", "数量指标", "培训人次", "≥200人次"), cont("质量指标", "合格率", "≥90%")],
      }),
    },
    {
      name: "a form without a 一级 column (corpus cq-tongnan-2023-wuguizhen-yibanxing B10)",
      table: (() => {
        const t = makeTable({ indicators: GOOD_INDICATORS.map((s) => ({ ...s, level1: null })) });
        return { ...t, indicatorHeader: { ...t.indicatorHeader, columns: t.indicatorHeader.columns.filter((c) => c.role !== "level1") } };
      })(),
    },
    {
      name: "101 form with 成本指标 as 一级",
      table: makeTable({
        indicators: [ind("成本指标", "经济成本指标", "场地租赁成本", "≤5万元"), ...GOOD_INDICATORS.filter((s) => s.level2 !== "成本指标")],
      }),
    },
  ],
  invalid: [
    {
      name: "unknown 一级",
      table: makeTable({ indicators: [ind("工作指标", "数量指标", "培训人次", "≥200人次"), ...GOOD_INDICATORS.slice(1)] }),
      expect: [["A13", "unknown"]],
    },
    {
      name: "unknown 一级 reported once although carried down",
      table: makeTable({
        indicators: [
          ind("工作指标", "数量指标", "培训人次", "≥200人次"),
          cont("质量指标", "合格率", "≥90%"),
          cont("时效指标", "完成时间", "2022年10月31日前"),
          ind("效益指标", "社会效益指标", "能力提升率", "≥80%"),
          ind("绩效指标", "服务对象满意度指标", "满意度", "≥90%"),
        ],
      }),
      expect: [["A13", "unknown"], ["A17", "unknown"]],
    },
    {
      name: "成本指标 as 一级 in a table declared as 88 form",
      table: makeTable({ form: "88", indicators: [ind("成本指标", "经济成本指标", "场地租赁成本", "≤5万元"), ...GOOD_INDICATORS] }),
      expect: [["A13", "notInForm"]],
    },
    {
      name: "first row without 一级",
      table: makeTable({ indicators: [ind(null, "数量指标", "培训人次", "≥200人次"), ...GOOD_INDICATORS.slice(1)] }),
      expect: [["A13", "missing"]],
    },
    {
      name: "决策/过程 of the evaluation framework: one hint per table (corpus js-zhenjiang-2024-saizhenzhu-gongyuan A24)",
      table: makeTable({ indicators: [ind("决策", "项目立项", "立项程序规范性", "规范"), ind("过程指标", "资金管理", "预算执行率", "≥90%"), ...GOOD_INDICATORS] }),
      expect: [["A13", "evaluation"]],
    },
    {
      name: "categories one column off: 实施效果指标 › 产出指标/效益指标, once (corpus tj-baodi-2022-chuqinfenwu B8)",
      table: makeTable({
        indicators: [
          ind("实施效果指标", "产出指标", "建设项目个数", "=1个"),
          { level2: "产出指标", name: "完工项目数", value: "=1个" },
          { level2: "效益指标", name: "粪污综合利用率", value: "≥90%" },
        ],
      }),
      expect: [["A13", "shifted"]],
    },
    {
      name: "a run of rows with a blank 一级 is one blank (corpus nm-wuchuan-2021-shawanzi B11:B14)",
      table: makeTable({
        indicators: [
          ind(null, "", "新增特色产业数量", "≥1个"),
          ind(null, "", "养殖场", "≥1个"),
          ind(null, "", "成活率", "≥95%"),
          ...GOOD_INDICATORS.slice(1),
          ind(null, "", "受益人口", "≥174人"),
        ],
      }),
      expect: [["A13", "missing"], ["A21", "missing"]],
    },
  ],
});

describe("labels as forms print them", () => {
  const first = (l1: string) => makeTable({ indicators: [ind(l1, "数量指标", "培训人次", "≥200人次"), ...GOOD_INDICATORS.slice(1)] });
  testRule(rule, {
    valid: [
      ...["产出指标（50分）", "成本指标(0-30)分", "产出指标 30分", "一、产出指标", "1.产出指标", "★产出指标", "预期产出指标", "产出值"].map((l) => ({ name: l, table: first(l) })),
      {
        name: "a blank 一级 read from its 二级",
        table: (() => {
          const t = makeTable();
          t.indicators[0].level1 = { raw: null, canonical: "产出指标", cell: "A13", carried: false };
          return t;
        })(),
      },
    ],
    invalid: [{ name: "a blank 一级 with an unknown 二级 is still missing", table: makeTable({ indicators: [ind(null, "其他", "培训人次", "≥200人次"), ...GOOD_INDICATORS.slice(1)] }), expect: [["A13", "missing"]] }],
  });
});
