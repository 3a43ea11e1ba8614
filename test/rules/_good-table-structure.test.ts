/** Clean tables must stay quiet under every structure and value rule (form, categories, values, money, plan, code). */
import { runRules } from "../../src/core/rules/engine";
import { ALL_RULES } from "../../src/core/rules/registry";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const STRUCTURE_RULE_IDS = [
  "required-field", "level1-unknown", "level2-mismatch", "category-missing", "value-missing", "value-unparsed",
  "unit-wording", "operator-nonstandard", "operator-missing", "unit-missing", "percent-range", "cost-exceeds-budget",
  "budget-sum", "plan-range", "plan-decreasing", "plan-not-100", "plan-blank", "code-format",
];

const rules = ALL_RULES.filter((r) => STRUCTURE_RULE_IDS.includes(r.meta.id));

/** A clean 101-form table: 成本 as a 一级, a construction project with all three cost kinds. */
function clean101() {
  return makeTable({
    projectName: "2022年园区道路改造工程",
    budget: 3000000,
    fiscal: 2500000,
    other: 500000,
    plan: [0, 40, 85, 100],
    indicators: [
      ind("成本指标", "经济成本指标", "道路改造工程建设成本", "≤300万元", "按合同及工程量清单控制的建安成本", "预算支出标准"),
      ind("成本指标", "社会成本指标", "施工噪声投诉次数", "≤2次", "施工期间居民有效投诉次数"),
      ind("成本指标", "生态环境成本指标", "施工扬尘超标天数", "≤3天", "监测点扬尘超标的天数"),
      ind("产出指标", "数量指标", "改造道路长度", "≥2.5公里", "完成改造的道路里程"),
      ind("产出指标", "质量指标", "工程验收合格率", "=100%", "验收合格工程量占总工程量的比例"),
      ind("产出指标", "时效指标", "工程完工时间", "2022年11月30日前", "全部工程完工的时间"),
      ind("效益指标", "社会效益指标", "道路通行能力提升", "≥30%", "高峰小时通行量较改造前提高的比例"),
      ind("效益指标", "可持续影响指标", "道路设计使用年限", "≥15年", "按设计标准的使用年限"),
      ind("满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%", "沿线居民问卷调查满意及以上的比例"),
    ],
  });
}

describe("structure and value rules on clean tables", () => {
  test("all 18 structure and value rules are registered", () => {
    expect(rules.map((r) => r.meta.id).sort()).toEqual([...STRUCTURE_RULE_IDS].sort());
  });

  test("makeTable() with GOOD_INDICATORS: no issue", () => {
    expect(runRules([makeTable()], { rules, options: { year: 2022 } })).toEqual([]);
  });

  test("a clean 101-form table: no issue", () => {
    const t = clean101();
    expect(t.form).toBe("101");
    expect(runRules([t], { rules, options: { year: 2022 } })).toEqual([]);
  });

  test("a clean table in 万元 without code and plan: no issue", () => {
    const t = makeTable({ moneyUnit: "万元", budget: 20, projectCode: null, plan: null, indicators: GOOD_INDICATORS });
    expect(runRules([t], { rules })).toEqual([]);
  });

  test("several clean tables in one run: no issue", () => {
    expect(runRules([makeTable(), clean101(), makeTable({ sheet: "Sheet2" })], { rules, options: { year: 2022 } })).toEqual([]);
  });

  test("GOOD_INDICATORS in any order: no issue", () => {
    const reversed = [...GOOD_INDICATORS].reverse();
    expect(runRules([makeTable({ indicators: reversed })], { rules })).toEqual([]);
  });
});
