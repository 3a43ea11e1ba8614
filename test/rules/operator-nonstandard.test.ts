import { rule } from "../../src/core/rules/operator-nonstandard";
import { runRules } from "../../src/core/rules/engine";
import { testRule } from "../helpers/rule-tester";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const withValue = (value: string, name = "培训考核合格率") =>
  makeTable({ indicators: [...GOOD_INDICATORS, ind("产出指标", "质量指标", name, value)] });

const fixes: [string, string][] = [
  [">=95%", "≥95%"],
  ["＞＝95%", "≥95%"],
  ["≧90%", "≥90%"],
  ["<=5%", "≤5%"],
  ["≦5%", "≤5%"],
  ["95%以上", "≥95%"],
  ["95%及以上", "≥95%"],
  ["不少于5次", "≥5次"],
  ["不低于90%", "≥90%"],
  ["3天以内", "≤3天"],
  ["不超过20万元", "≤20万元"],
  ["控制在5%以内", "≤5%"],
  ["达到95%", "≥95%"],
  [">=95百分比", "≥95%"],
  ["每年不少于4次", "每年≥4次"],
  ["═100%", "=100%"], // corpus yn-yongde-2022-yingyang-gaishan: box-drawing ═ typed for =
];

testRule(rule, {
  valid: [
    { name: "standard table", table: makeTable() },
    ...["≥95%", "≤20万元", "=100%", ">0人", "<5%", "±3%以内", "95%", "2022年12月31日前", "≤12月份", "≥良好", "好"].map((v) => ({
      name: `value "${v}"`,
      table: withValue(v),
    })),
  ],
  invalid: fixes.map(([v, fixed]) => ({
    name: `${v} → ${fixed}`,
    table: withValue(v),
    expect: [["F19", "nonstandard"]] as [string, string][],
    fixes: { F19: fixed },
  })),
});

describe("operator-nonstandard fixes", () => {
  test("the fix edits the value cell; message data name the written and the standard operator", () => {
    const [issue] = runRules([withValue("95%以上")], { rules: [rule] });
    expect(issue.data).toMatchObject({ raw: "95%以上", opRaw: "以上", op: "≥", fixed: "≥95%" });
    expect(issue.fix!.edits).toEqual([{ sheet: "Sheet1", cell: "F19", value: "≥95%" }]);
    expect(issue.message).toContain("“以上”");
  });

  test("corpus yn-yongde-2022-yingyang-gaishan D14: ≧ in the 指标性质 column is reported at that column", () => {
    const t = withValue("≧735人次", "学生受资助人数");
    t.indicators[6].opCell = "E19";
    t.indicators[6].unitCell = "G19";
    const [issue] = runRules([t], { rules: [rule] });
    expect(issue.cell).toBe("E19");
    expect(issue.data).toMatchObject({ opRaw: "≧", op: "≥", fixed: "≥735人次" });
  });

  test("split layout: the operator column gets the standard symbol", () => {
    const t = withValue(">=95%");
    t.indicators[6].opCell = "E19";
    t.indicators[6].unitCell = "G19";
    const [issue] = runRules([t], { rules: [rule] });
    expect(issue.fix!.edits).toEqual([
      { sheet: "Sheet1", cell: "F19", value: 95 },
      { sheet: "Sheet1", cell: "E19", value: "≥" },
      { sheet: "Sheet1", cell: "G19", value: "%" },
    ]);
  });
});
