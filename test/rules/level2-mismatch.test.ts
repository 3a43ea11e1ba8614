import { rule } from "../../src/core/rules/level2-mismatch";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable, withoutLevel2Column, type IndSpec } from "../helpers/table";

const cont = (name: string, value: string): IndSpec => ({ name, value, description: "说明", basis: "计划标准" });
const noCost = GOOD_INDICATORS.filter((s) => s.level2 !== "成本指标");

testRule(rule, {
  valid: [
    { name: "standard 88 table", table: makeTable() },
    ...[
      ["效益指标", "可持续性", "corpus hub-xiangyang-2021-dongjin-yuanqu B16"],
      ["产出指标", "预算(或投资规模)控制指标", "corpus gd-dongguan-2019-zhenjilu F11"],
      ["满意度指标", "服务对象满意度指标等", "corpus yn-yongde-2022-yingyang-gaishan B22"],
    ].map(([l1, l2, why]) => ({
      name: `二级 as the form prints it: ${l2} (${why})`,
      table: makeTable({ indicators: [...GOOD_INDICATORS, ind(l1, l2, "指标", "≥90%")] }),
    })),
    {
      name: "101 table with the three cost kinds",
      table: makeTable({
        indicators: [
          ind("成本指标", "经济成本指标", "场地租赁成本", "≤5万元"),
          ind("成本指标", "社会成本指标", "施工噪声投诉次数", "≤2次"),
          ind("成本指标", "生态环境成本指标", "扬尘治理费用", "≤1万元"),
          ...noCost,
        ],
      }),
    },
    {
      name: "101 table writing the generic 成本指标 under the 一级 成本指标 (88 ↔ 101 mapping)",
      table: makeTable({ indicators: [ind("成本指标", "成本指标", "场地租赁成本", "≤5万元"), ...noCost] }),
    },
    {
      name: "88 table writing 经济成本指标 under 产出 (88 ↔ 101 mapping)",
      table: makeTable({ form: "88", indicators: [...noCost, ind("产出指标", "经济成本指标", "场地租赁成本", "≤5万元")] }),
    },
    {
      name: "aliases (数量, 产出质量, 环境效益, 社会公众或服务对象满意度)",
      table: makeTable({
        indicators: [
          ind("产出指标", "数量", "培训人次", "≥200人次"),
          ind("产出指标", "产出质量", "合格率", "≥90%"),
          ind("效益指标", "环境效益", "绿化面积", "≥100平方米"),
          ind("满意度指标", "社会公众或服务对象满意度指标", "群众满意度", "≥90%"),
        ],
      }),
    },
    {
      name: "Hunan variant: satisfaction as a 二级 under 效益",
      table: makeTable({ indicators: [...noCost.slice(0, 4), ind("效益指标", "社会公众或服务对象满意度指标", "群众满意度", "≥90%")] }),
    },
    {
      name: "carried 二级 is judged once",
      table: makeTable({ indicators: [ind("产出指标", "数量指标", "培训人次", "≥200人次"), cont("培训班次", "≥4期")] }),
    },
    {
      name: "unknown 一级 is left to level1-unknown",
      table: makeTable({ indicators: [ind("工作指标", "任务指标", "培训人次", "≥200人次"), ...GOOD_INDICATORS.slice(1)] }),
    },
  ],
  invalid: [
    {
      name: "二级 of another 一级",
      table: makeTable({ indicators: [...GOOD_INDICATORS.slice(0, 4), ind("效益指标", "数量指标", "受益人数", "≥200人")] }),
      expect: [["B17", "mismatch"]],
    },
    {
      name: "satisfaction 二级 under 产出",
      table: makeTable({ indicators: [ind("产出指标", "服务对象满意度指标", "满意度", "≥90%"), ...GOOD_INDICATORS] }),
      expect: [["B13", "mismatch"]],
    },
    {
      name: "unknown 二级",
      table: makeTable({ indicators: [ind("产出指标", "工作量指标", "培训人次", "≥200人次"), ...GOOD_INDICATORS.slice(1)] }),
      expect: [["B13", "unknown"]],
    },
    {
      name: "10号 process 二级 (资金管理) under 产出",
      table: makeTable({ indicators: [...GOOD_INDICATORS, ind("产出指标", "资金管理", "预算执行率", "≥90%")] }),
      expect: [["B19", "unknown"]],
    },
    {
      name: "101 table keeping a cost row under 产出",
      table: makeTable({
        indicators: [ind("成本指标", "经济成本指标", "场地租赁成本", "≤5万元"), ...GOOD_INDICATORS],
      }),
      expect: [["B17", "costMoved"]],
    },
    {
      name: "cost kind of the 101 form under 效益",
      table: makeTable({ indicators: [...noCost, ind("效益指标", "社会成本指标", "噪声投诉", "≤2次")] }),
      expect: [["B18", "mismatch"]],
    },
    {
      name: "blank 二级",
      table: makeTable({ indicators: [ind("产出指标", null, "培训人次", "≥200人次"), ...GOOD_INDICATORS.slice(1)] }),
      expect: [["B13", "missing"]],
    },
  ],
});

describe("labels as forms print them", () => {
  testRule(rule, {
    valid: [
      { name: "a form without a 二级 column", table: withoutLevel2Column(makeTable()) },
      { name: "merged 二级 社会、经济、生态效益指标", table: makeTable({ indicators: [...GOOD_INDICATORS.slice(0, 4), ind("效益指标", "社会、经济、生态效益指标", "能力提升率", "≥80%"), GOOD_INDICATORS[5]] }) },
      { name: "scores and numbering", table: makeTable({ indicators: [ind("一、产出指标（50分）", "数量指标（10分）", "培训人次", "≥200人次"), ...GOOD_INDICATORS.slice(1)] }) },
    ],
    invalid: [
      { name: "a blank 二级 where the form has the column", table: makeTable({ indicators: [ind("产出指标", null, "培训人次", "≥200人次"), ...GOOD_INDICATORS.slice(1)] }), expect: [["B13", "missing"]] },
    ],
  });
});
