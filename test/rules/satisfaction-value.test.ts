import { rule } from "../../src/core/rules/satisfaction-value";
import { testRule } from "../helpers/rule-tester";
import { ind, makeTable } from "../helpers/table";
import { seedTable1, seedTable3 } from "./_seed-tables";

const sat = (name: string, value: string, level1 = "满意度指标", level2 = "服务对象满意度指标") =>
  makeTable({ indicators: [ind(level1, level2, name, value)] });

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    {
      name: "two respondents, two rows",
      table: makeTable({
        indicators: [
          ind("满意度指标", "服务对象满意度指标", "学生满意度", "≥90%"),
          ind("满意度指标", "服务对象满意度指标", "家长满意度", "≥90%"),
        ],
      }),
    },
    { name: "≥90%", table: sat("受益群众满意度", "≥90%") },
    { name: "≥80% (lower edge)", table: sat("参训人员满意度", "≥80%") },
    { name: "≥98% (upper edge, seed table 3)", table: sat("群众满意度", "≥98%") },
    { name: "range 85%-95%", table: sat("参会企业满意度", "85%-95%") },
    { name: "用人单位 is an external respondent", table: sat("用人单位满意度", "≥90%") },
    { name: "Hunan layout: 满意度 as a 二级 under 效益", table: sat("社会公众满意度", "≥85%", "效益指标", "社会公众或服务对象满意度指标") },
    { name: "not a satisfaction row", table: makeTable({ indicators: [ind("产出指标", "质量指标", "验收合格率", "100%")] }) },
    { name: "empty value is value-missing's", table: sat("受益群众满意度", "") },
    { name: "seed table 3", table: seedTable3() },
  ],
  invalid: [
    {
      name: "satisfaction filed under 产出",
      // on the name cell (corpus hb-ningjin-2019-gaozhongzhuxuejin D7: the 一级 cell is merged over six rows)
      table: makeTable({ indicators: [ind("产出指标", "质量指标", "受益群众满意度", "≥90%")] }),
      expect: [["C13", "underBenefit"]],
    },
    {
      name: "two rows asking the same respondents",
      table: makeTable({
        indicators: [
          ind("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"),
          ind("满意度指标", "服务对象满意度指标", "群众满意率", "≥85%"),
          ind("满意度指标", "服务对象满意度指标", "参训学员满意度", "≥90%"),
        ],
      }),
      expect: [["C14", "repeated"]],
    },
    { name: "100%", table: sat("受益群众满意度", "100%"), expect: [["F13", "hundred"]] },
    { name: "=100%", table: sat("受益群众满意度", "=100%"), expect: [["F13", "hundred"]] },
    { name: "≥99%", table: sat("受益群众满意度", "≥99%"), expect: [["F13", "tooHigh"]] },
    { name: "≥98.5%", table: sat("受益群众满意度", "≥98.5%"), expect: [["F13", "tooHigh"]] },
    { name: "≥75%", table: sat("受益群众满意度", "≥75%"), expect: [["F13", "tooLow"]] },
    { name: "qualitative 满意", table: sat("受益群众满意度", "满意"), expect: [["F13", "qualitative"]] },
    { name: "qualitative 较高", table: sat("受益群众满意度", "较高"), expect: [["F13", "qualitative"]] },
    // corpus sc-ganzi-2023-shipinanquan E17: the template's list of grades, none chosen
    { name: "words with no number: 高中低", table: sat("公众对食品安全满意度", "高中低"), expect: [["F13", "qualitative"]] },
    {
      name: "a 满意率 name filed under 效益/社会效益, at 100%",
      table: makeTable({ indicators: [ind("效益指标", "社会效益指标", "群众满意率", "100%")] }),
      expect: [["C13", "underBenefit"], ["F13", "hundred"]],
    },
    { name: "本单位满意度", table: sat("本单位满意度", "≥90%"), expect: [["C13", "selfRated"]] },
    { name: "实施单位满意度", table: sat("实施单位满意度", "≥90%"), expect: [["C13", "selfRated"]] },
    { name: "总体满意度", table: sat("总体满意度", "≥90%"), expect: [["C13", "noRespondent"]] },
    { name: "corpus cq-banan-2022-shengdengshan-zhibushuji C25: 满意度95%以上 names nobody", table: sat("满意度95%以上", "≥95%"), expect: [["C13", "noRespondent"]] },
    {
      name: "bare 满意度 at 100%: both the name and the value",
      table: sat("满意度", "100%"),
      expect: [
        ["C13", "noRespondent"],
        ["F13", "hundred"],
      ],
    },
    {
      name: "seed table 1 (§f18): 项目单位满意度 and a bare 满意度",
      table: seedTable1(),
      expect: [
        ["C21", "selfRated"],
        ["C22", "noRespondent"],
      ],
    },
  ],
});
