import { rule } from "../../src/core/rules/category-missing";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable, withoutLevel2Column } from "../helpers/table";

const noCost = GOOD_INDICATORS.filter((s) => s.level2 !== "成本指标");
const economicCost = ind("成本指标", "经济成本指标", "工程建设成本", "≤300万元");
const socialCost = ind("成本指标", "社会成本指标", "施工噪声投诉次数", "≤2次");
const ecoCost = ind("成本指标", "生态环境成本指标", "施工扬尘超标天数", "≤3天");

testRule(rule, {
  valid: [
    { name: "standard 88 table", table: makeTable() },
    {
      name: "a blank 一级 read from its 二级 (满意度 present)",
      table: makeTable({ indicators: [...GOOD_INDICATORS.slice(0, 5), ind(null, "服务对象满意度指标", "参训人员满意度", "≥90%")] }),
    },
    {
      name: "an unknown 一级 that cannot be placed: level1-unknown's finding, no category called missing",
      table: makeTable({ indicators: [...GOOD_INDICATORS.slice(0, 5), ind("群众评价", "其他", "参训人员满意度", "≥90%")] }),
    },
    { name: "101 training project without social/eco cost", table: makeTable({ indicators: [economicCost, ...noCost] }) },
    {
      name: "101 construction project with social and eco cost",
      table: makeTable({ projectName: "园区道路改造工程", indicators: [economicCost, socialCost, ecoCost, ...noCost] }),
    },
    {
      name: "88 construction project: cost kinds are a 101 matter",
      table: makeTable({ projectName: "工业新区基础设施建设项目资金" }),
    },
    {
      name: "Hunan variant: satisfaction under 效益 covers the satisfaction 一级",
      table: makeTable({
        indicators: [...GOOD_INDICATORS.slice(0, 5), ind("效益指标", "社会公众或服务对象满意度指标", "群众满意度", "≥90%")],
      }),
    },
  ],
  invalid: [
    { name: "no indicators at all", table: makeTable({ indicators: [] }), expect: [["A2", "noIndicators"]] },
    {
      name: "no 效益 indicator",
      table: makeTable({ indicators: GOOD_INDICATORS.filter((s) => s.level1 !== "效益指标") }),
      expect: [["A13", "level1Empty"]],
    },
    {
      name: "neither 效益 nor 满意度: the table ends early, one hint (corpus ah-luan-2024-nongchanpin-zhijian, a partial copy)",
      table: makeTable({ indicators: GOOD_INDICATORS.slice(0, 4) }),
      expect: [["A13", "tailMissing"]],
    },
    {
      name: "no 满意度 after 产出 and 效益: one hint (corpus ah-guichi-2022-weituo-yewu B15, a partial copy)",
      table: makeTable({ indicators: GOOD_INDICATORS.slice(0, 5) }),
      expect: [["A13", "tailMissing"]],
    },
    {
      name: "no 产出 at all (no 数量 message then)",
      table: makeTable({ indicators: GOOD_INDICATORS.slice(4) }),
      expect: [["A13", "level1Empty"]],
    },
    {
      name: "产出 without 数量 (seed-like: only 质量/时效/成本)",
      table: makeTable({ indicators: [...GOOD_INDICATORS.slice(4), ...GOOD_INDICATORS.slice(1, 4)] }),
      expect: [["A15", "noQuantity"]],
    },
    {
      name: "101 form given but no 成本 一级",
      table: makeTable({ form: "101", indicators: noCost }),
      expect: [["A13", "level1Empty"]],
    },
    {
      name: "101 construction project without social/eco cost",
      table: makeTable({ projectName: "园区道路改造工程", indicators: [...noCost, economicCost] }),
      expect: [["A18", "costKindMissing"]],
    },
    {
      name: "101 environmental project with eco cost only",
      table: makeTable({ projectName: "河道污染治理项目", indicators: [economicCost, ecoCost, ...noCost] }),
      expect: [["A13", "costKindMissing"]],
    },
  ],
});

describe("category-missing severities", () => {
  test("costKindMissing is capped at info, the other messages keep the rule's severity", () => {
    const t = makeTable({ projectName: "园区道路改造工程", indicators: [economicCost, ...noCost.slice(1)] });
    const issues = runRules([t], { rules: [rule] });
    expect(issues.map((i) => [i.messageId, i.severity])).toEqual([
      ["costKindMissing", "info"],
      ["noQuantity", "warning"],
    ]);
    expect(issues[0].data).toEqual({ missing: "社会成本指标、生态环境成本指标" });
  });
  test("a run that lowers the rule to info keeps info; error raises the other messages only", () => {
    const t = makeTable({ projectName: "园区道路改造工程", indicators: [economicCost, ...noCost.slice(1)] });
    const issues = runRules([t], { rules: [rule], severity: { "category-missing": "error" } });
    expect(issues.map((i) => i.severity).sort()).toEqual(["error", "info"]);
  });
});

describe("labels as forms print them", () => {
  testRule(rule, {
    valid: [
      { name: "a form without a 二级 column has no 数量 to miss", table: withoutLevel2Column(makeTable()) },
      {
        name: "an unread 一级 does not make its category look missing",
        table: makeTable({ indicators: [...GOOD_INDICATORS.slice(0, 5), ind("其他类指标", "服务对象满意度指标", "满意度", "≥90%")] }),
      },
      {
        name: "older names are read",
        table: makeTable({ indicators: [ind("预期产出指标", "数量指标", "培训人次", "≥200人次"), ind("预期效果指标", "社会效益指标", "提升率", "≥80%"), ind("社会公众或服务对象满意度指标", "满意度指标", "满意度", "≥90%")] }),
      },
    ],
    invalid: [
      { name: "still reported when every 一级 was read", table: makeTable({ indicators: GOOD_INDICATORS.slice(0, 5) }), expect: [["A13", "tailMissing"]] },
      {
        name: "an unread 一级 above the last category does not hide the missing ones after it (corpus hb-ningjin-2019-gaozhongzhuxuejin)",
        table: makeTable({ indicators: [ind("制度指标", null, "规章制度建立与否", ""), ...GOOD_INDICATORS.slice(0, 4)] }),
        expect: [["A13", "tailMissing"]],
      },
      {
        name: "产出 rows with a blank 二级 may be the 数量 rows (corpus nm-wuchuan-2021-shawanzi B15)",
        table: makeTable({ indicators: [ind(null, null, "新增特色产业数量", "≥1个"), ind("产出指标", "时效指标", "开工时间", "2021年7月"), ...GOOD_INDICATORS.slice(4)] }),
        expect: [],
      },
    ],
  });
});
