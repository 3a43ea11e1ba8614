import { rule } from "../../src/core/rules/template-unfilled";
import { runRules } from "../../src/core/rules/engine";
import { ALL_RULES } from "../../src/core/rules/registry";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const template = makeTable({
  indicators: [
    ind("产出指标", "数量指标", "XX", "≥XX%"),
    ind("产出指标", "质量指标", "**", ""),
    ind("效益指标", "社会效益指标", "指标1", "≥**人"),
    ind("满意度指标", "服务对象满意度指标", "", "＿＿%"),
  ],
});
const outputsOnly = makeTable({ indicators: GOOD_INDICATORS.slice(0, 4) });

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    { name: "no indicators: category-missing's", table: makeTable({ indicators: [] }) },
    { name: "one 一级 missing: category-missing's", table: makeTable({ indicators: GOOD_INDICATORS.slice(0, 5) }) },
    { name: "only 产出, no rows for the rest: may be a partial copy, category-missing's hint (corpus xj-alaer-liutuan-2021-baoxianku D13)", table: outputsOnly },
    { name: "some template rows among filled ones", table: makeTable({ indicators: [...GOOD_INDICATORS, ind("产出指标", "数量指标", "XX", "≥XX人")] }) },
    {
      name: "an unknown 一级 is level1-unknown's",
      table: makeTable({ indicators: [GOOD_INDICATORS[0], ind("其他指标", "其他", "宣传次数", "≥3次")] }),
    },
    {
      name: "satisfaction as a 二级 under 效益 covers 满意度",
      table: makeTable({ indicators: [GOOD_INDICATORS[0], ind("效益指标", "服务对象满意度指标", "参训人员满意度", "≥90%")] }),
    },
  ],
  invalid: [
    { name: "every row holds template text", table: template, expect: [["C13", "unfilled"]] },
    {
      name: "only 产出 filled, the form's 效益/满意度 rows left blank",
      table: makeTable({ indicators: [...GOOD_INDICATORS.slice(0, 4), ind("效益指标", "社会效益指标", "", ""), ind("满意度指标", "服务对象满意度指标", "XX", "≥XX%")] }),
      expect: [["C13", "stopsShort"]],
    },
    {
      name: "filled outputs then template rows",
      table: makeTable({ indicators: [...GOOD_INDICATORS.slice(0, 3), ind("效益指标", "社会效益指标", "XX", "")] }),
      expect: [["C13", "stopsShort"]],
    },
  ],
});

describe("template-unfilled replaces the findings it explains", () => {
  test("an unfilled template gives one finding among all rules (besides the table's own fields)", () => {
    const issues = runRules([template], { rules: ALL_RULES });
    const indicatorFindings = issues.filter((i) => /^[A-G](1[3-9]|2\d)$/.test(i.cell ?? ""));
    expect(indicatorFindings.map((i) => [i.rule, i.messageId])).toEqual([["template-unfilled", "unfilled"]]);
    expect(indicatorFindings[0].message).toBe("本表的绩效指标还没有填写：4行只有模板内容（C13、C14、C15、C16），请逐项填写三级指标名称和指标值。");
  });
  test("a table that stops short is one finding, not one per missing category", () => {
    const stopsShort = makeTable({ indicators: [...GOOD_INDICATORS.slice(0, 4), ind("效益指标", "社会效益指标", "", ""), ind("满意度指标", "服务对象满意度指标", "XX", "≥XX%")] });
    const issues = runRules([stopsShort], { rules: ALL_RULES });
    expect(issues.filter((i) => i.rule === "category-missing")).toEqual([]);
    const [f] = issues.filter((i) => i.rule === "template-unfilled");
    expect(f.message).toBe("本表只填写了产出指标的指标，效益指标、满意度指标下没有填写指标，表格似乎没有填完，请补全。");
  });
  test("a table whose rows end after 产出 gets one category-missing hint (corpus ha-puyang-2021-danganguan-xiaofang)", () => {
    const issues = runRules([outputsOnly], { rules: ALL_RULES }).filter((i) => i.rule === "category-missing" || i.rule === "template-unfilled");
    expect(issues.map((i) => [i.rule, i.messageId, i.severity])).toEqual([["category-missing", "tailMissing", "info"]]);
    expect(issues[0].message).toContain("没有效益指标、满意度指标的指标");
  });
});
