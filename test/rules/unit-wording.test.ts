import { rule } from "../../src/core/rules/unit-wording";
import { rule as operatorNonstandard } from "../../src/core/rules/operator-nonstandard";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const withValue = (value: string) =>
  makeTable({ indicators: [...GOOD_INDICATORS.slice(0, 5), ind("满意度指标", "服务对象满意度指标", "参训人员满意度", value)] });

const fixes: [string, string][] = [
  ["≥95百分比", "≥95%"],
  ["100百分比", "100%"],
  ["≥100百分比", "≥100%"],
  [">=95百分比", "≥95%"],
  ["95百分比以上", "≥95%"],
  ["百分之九十五", "95%"],
  ["≥95 百分比", "≥95%"],
  ["≤3千分比", "≤3‰"],
];

testRule(rule, {
  valid: [
    { name: "standard table", table: makeTable() },
    ...["≥95%", "≥2个百分点", "≥100平方米", "≥100㎡", "≤12月份", "好", "≥200人次"].map((v) => ({ name: `value "${v}"`, table: withValue(v) })),
  ],
  invalid: [
    ...fixes.map(([v, fixed]) => ({
      name: `${v} → ${fixed}`,
      table: withValue(v),
      expect: [["F18", "wordUnit"]] as [string, string][],
      fixes: { F18: fixed },
    })),
    ...(
      [
        ["培训人数", "≥200个", "人"],
        ["受益群众人次", "≥500个", "人次"],
        ["新增就业人员", "≥30个", "人"],
      ] as const
    ).map(([name, value, unit]) => ({
      name: `people in 个: ${name} ${value} → ${unit}`,
      table: makeTable({ indicators: [ind("产出指标", "数量指标", name, value)] }),
      expect: [["F13", "peopleInGe"]] as [string, string][],
      fixes: {},
    })),
  ],
});

describe("people in 个", () => {
  test.each([["参训单位个数", "≥20个"], ["帮扶村数", "≥5个"], ["培训人数", "≥200人"]])("%s %s is not reported", (name, value) => {
    expect(runRules([makeTable({ indicators: [ind("产出指标", "数量指标", name, value)] })], { rules: [rule] })).toEqual([]);
  });
  test("the message names the unit to use", () => {
    const [issue] = runRules([makeTable({ indicators: [ind("产出指标", "数量指标", "受益群众人次", "≥500个")] })], { rules: [rule] });
    expect(issue.message).toBe("指标“受益群众人次”统计的是人，指标值“≥500个”却以“个”计，请改用“人次”。");
  });
});

describe("unit-wording fixes", () => {
  test("the fix writes the normalised text into the value cell", () => {
    const [issue] = runRules([withValue("≥95百分比")], { rules: [rule] });
    expect(issue.fix).toEqual({ text: "≥95%", edits: [{ sheet: "Sheet1", cell: "F18", value: "≥95%" }] });
    expect(issue.data).toMatchObject({ raw: "≥95百分比", unitRaw: "百分比", unit: "%", fixed: "≥95%" });
  });

  test("with operator-nonstandard on the same cell, both fixes give the same fully normalised text", () => {
    const issues = runRules([withValue(">=95百分比")], { rules: [rule, operatorNonstandard] });
    expect(issues.map((i) => i.rule).sort()).toEqual(["operator-nonstandard", "unit-wording"]);
    const texts = issues.map((i) => i.fix!.text);
    expect(texts).toEqual(["≥95%", "≥95%"]);
    expect(issues[0].fix!.edits).toEqual(issues[1].fix!.edits);
  });

  test("split layout (指标性质 / 指标值 / 度量单位): every part cell is rewritten", () => {
    const t = withValue("≥95百分比");
    const row = t.indicators[5];
    row.opCell = "E18";
    row.unitCell = "G18";
    const [issue] = runRules([t], { rules: [rule] });
    expect(issue.fix!.text).toBe("≥95%");
    expect(issue.fix!.edits).toEqual([
      { sheet: "Sheet1", cell: "F18", value: 95 },
      { sheet: "Sheet1", cell: "E18", value: "≥" },
      { sheet: "Sheet1", cell: "G18", value: "%" },
    ]);
  });

  test("split layout with only a unit column keeps the operator in the value cell", () => {
    const t = withValue("≥95百分比");
    t.indicators[5].unitCell = "G18";
    const [issue] = runRules([t], { rules: [rule] });
    expect(issue.fix!.edits).toEqual([
      { sheet: "Sheet1", cell: "F18", value: "≥95" },
      { sheet: "Sheet1", cell: "G18", value: "%" },
    ]);
  });
});

describe("spelling hints for values that were read", () => {
  const cost = (value: string) =>
    makeTable({ indicators: [...GOOD_INDICATORS.filter((s) => s.level2 !== "成本指标"), ind("产出指标", "成本指标", "项目总成本", value)] });
  const qty = (value: string) => makeTable({ indicators: [...GOOD_INDICATORS, ind("产出指标", "数量指标", "道路长度", value)] });
  testRule(rule, {
    valid: [
      { name: "≤20万元 is written in full", table: cost("≤20万元") },
      { name: "a magnitude that is not money is unit-missing's", table: qty("≥250万") },
      { name: "㎡ is a symbol, not Latin", table: qty("≥100㎡") },
      // A symbol as the legal units write it (GB 3100, case significant) is a unit as good as its name
      // (a real 陕西 table: 道路长度 2km).
      ...["≥2km", "≥500m", "≥20t", "≥5kg", "≥500m²", "≥3ha"].map((v) => ({ name: `${v}: a legal symbol`, table: qty(v) })),
    ],
    invalid: [
      { name: "≤250万 in a cost row", table: cost("≤250万"), expect: [["F18", "moneyMagnitude"]], fixes: { F18: "≤250万元" } },
      { name: "≤50万/月", table: cost("≤50万/月"), expect: [["F18", "moneyMagnitude"]], fixes: { F18: "≤50万元/月" } },
      { name: "1.2亿", table: cost("1.2亿"), expect: [["F18", "moneyMagnitude"]], fixes: { F18: "1.2亿元" } },
      { name: "500M", table: qty("≥500M"), expect: [["F19", "latinUnit"]], fixes: { F19: "≥500米" } },
      { name: "3KM", table: qty("3KM"), expect: [["F19", "latinUnit"]], fixes: { F19: "3公里" } },
      { name: "5KG (a wrong case)", table: qty("≥5KG"), expect: [["F19", "latinUnit"]], fixes: { F19: "≥5公斤" } },
      { name: "200m2", table: qty("≥200m2"), expect: [["F19", "latinUnit"]], fixes: { F19: "≥200平方米" } },
    ],
  });

  test("hints are info and say what was read", () => {
    const [m] = runRules([cost("≤250万")], { rules: [rule] });
    expect(m.severity).toBe("info");
    expect(m.message).toBe("指标值“≤250万”读作 ≤250万元（金额），金额单位宜写全：≤250万元");
    const [l] = runRules([qty("≥500M")], { rules: [rule] });
    expect(l.severity).toBe("info");
    expect(l.message).toBe("指标值“≥500M”读作 ≥500米，单位“M”宜写作中文“米”：≥500米");
  });
});
