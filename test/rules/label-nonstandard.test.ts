import { rule } from "../../src/core/rules/label-nonstandard";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";
import { canonicalLevel1, canonicalLevel2 } from "../../src/core/forms/categories";
import type { ProjectTable } from "../../src/core/model/schema";

const rest = GOOD_INDICATORS.slice(1);
const firstLabels = (l1: string | null, l2: string | null) =>
  makeTable({ indicators: [ind(l1, l2, "培训人次", "≥200人次"), ...rest.map((r) => ({ ...r, level1: r.level1 }))] });

/** A table whose first 一级 cell is blank and read from its 二级 (as parseTable does). */
function blankLevel1(): ProjectTable {
  const t = makeTable();
  t.indicators[0].level1 = { raw: null, canonical: "产出指标", cell: "A13", carried: false };
  return t;
}

testRule(rule, {
  valid: [
    { name: "standard table", table: makeTable() },
    { name: "short forms 产出 / 数量", table: firstLabels("产出", "数量") },
    { name: "满意度指标 as a 二级", table: makeTable({ indicators: [...GOOD_INDICATORS.slice(0, 5), ind("满意度指标", "满意度指标", "满意度", "≥90%")] }) },
    { name: "unknown labels are level1-unknown's", table: firstLabels("其他指标", "数量指标") },
  ],
  invalid: [
    { name: "score in brackets", table: firstLabels("产出指标（50分）", "数量指标"), expect: [["A13", "score"]] },
    { name: "score range then 分", table: firstLabels("成本指标(0-30)分", "经济成本指标"), expect: [["A13", "score"]] },
    { name: "score after a space", table: firstLabels("产出指标 30分", "数量指标"), expect: [["A13", "score"]] },
    { name: "Chinese numbering", table: firstLabels("一、产出指标", "数量指标"), expect: [["A13", "numbering"]] },
    { name: "Arabic numbering", table: firstLabels("1.产出指标", "数量指标"), expect: [["A13", "numbering"]] },
    { name: "older name", table: firstLabels("预期产出指标", "数量指标"), expect: [["A13", "alias"]] },
    // corpus nx-yuanzhou-2022-shuiyuanhanyanglin C11: the template's note kept in the 二级 label
    { name: "template note in brackets", table: firstLabels("产出指标", "数量指标 (必填硬性指标)"), expect: [["B13", "note"]] },
    { name: "template note 选填", table: firstLabels("产出指标", "数量指标（选填）"), expect: [["B13", "note"]] },
    { name: "merged 二级", table: firstLabels("产出指标", "数量、质量指标"), expect: [["B13", "merged"]] },
    { name: "blank 一级 read from its 二级", table: blankLevel1(), expect: [["A13", "inferred"]] },
    {
      name: "once per table, on the first label",
      table: makeTable({
        indicators: [
          ind("一、产出指标（50分）", "数量指标", "培训人次", "≥200人次"),
          ind("二、效益指标（30分）", "社会、经济、生态效益指标", "能力提升率", "≥80%"),
          ind("三、满意度指标（10分）", "服务对象满意度指标", "满意度", "≥90%"),
        ],
      }),
      expect: [["A13", "numbering"]],
    },
  ],
});

test("the message says what the label was read as and lists every cell", () => {
  const t = makeTable({
    indicators: [ind("产出指标（50分）", "数量指标", "培训人次", "≥200人次"), ind("效果指标", "社会效益指标", "提升率", "≥80%")],
  });
  const [issue] = runRules([t], { rules: [rule] });
  expect(issue.severity).toBe("info");
  expect(issue.message).toBe("指标类别“产出指标（50分）”带有分值，已读作“产出指标”；分值宜填在权重（分值）栏。本表共2处类别写法不规范：A13、A14。");
});

test.each([
  ["产出指标（50分）", "产出指标"],
  ["成本指标(0-30)分", "成本指标"],
  ["效益指标 30分", "效益指标"],
  ["一、产出指标", "产出指标"],
  ["1.产出指标", "产出指标"],
  ["（一）产出指标", "产出指标"],
  ["★产出指标", "产出指标"],
  ["预期产出指标", "产出指标"],
  ["预期效果指标", "效益指标"],
  ["效果指标", "效益指标"],
  ["实施效果指标", "效益指标"],
  ["产出值", "产出指标"],
  ["效益值", "效益指标"],
  ["社会公众或服务对象满意度指标", "满意度指标"],
])("一级 %s reads as %s", (text, canonical) => {
  expect(canonicalLevel1(text)).toBe(canonical);
});

test.each([
  ["社会、经济、生态效益指标", "社会效益指标"],
  ["经济效益指标、社会效益指标", "经济效益指标"],
  ["数量/质量指标", "数量指标"],
  ["数量指标（10分）", "数量指标"],
  ["社会公众或服务对象满意度指标", "服务对象满意度指标"],
  ["质量、满意度", null],
])("二级 %s reads as %s", (text, canonical) => {
  expect(canonicalLevel2(text)).toBe(canonical);
});

test.each(["valueOf", "constructor", "toString", "__proto__"])("%s is no category", (text) => {
  expect(canonicalLevel1(text)).toBeNull();
  expect(canonicalLevel2(text)).toBeNull();
});
