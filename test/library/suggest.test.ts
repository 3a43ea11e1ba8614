/** suggestForRow on the seed's rows, and replacementEdits (what is replaced, what is kept, split columns). */
import { BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import { createSearchIndex } from "../../src/core/library/search";
import { REVIEW_MARK, replacementEdits, suggestForRow, valueFits } from "../../src/core/library/suggest";
import { parseValue } from "../../src/core/value/parse";
import { makeTable, ind } from "../helpers/table";
import { seedTable1, seedTable3 } from "../rules/_seed-tables";
import type { IndicatorRow, ProjectTable } from "../../src/core/model/schema";

const index = createSearchIndex(BUILTIN_ENTRIES);
const entry = (name: string) => BUILTIN_ENTRIES.find((e) => e.name === name)!;
const rowNamed = (t: ProjectTable, name: string) => t.indicators.find((r) => r.name.value === name)!;

describe("suggestForRow", () => {
  test.each([
    ["按时完工", "工程完工时间"],
    ["园区基础设施升级改造", "完成基础设施改造项目数"],
    ["支付资金时效", "工程款支付及时率"],
    ["按合同价格", "工程建设成本"],
    ["群众满意度", "群众满意度"],
  ])("seed table 3: %s → %s first, with its description, unit and typical value", (name, expected) => {
    const t = seedTable3();
    const [top] = suggestForRow(index, rowNamed(t, name), t);
    expect(top.name).toBe(expected);
    expect(top.description).toBe(entry(expected).definition);
    expect(top.typical).toBe(entry(expected).typical);
    expect(top.unit).toBe(entry(expected).unit);
    expect(top.reasons.length).toBeGreaterThan(0);
  });
  test("the row's 二级 and the project's type lead the ranking", () => {
    const t = seedTable1(); // 会场搭建: a meeting/event project
    const s = suggestForRow(index, rowNamed(t, "满意度"), t, { limit: 5 });
    expect(s[0].name).toBe("服务对象满意度");
    expect(s.slice(1, 3).every((x) => x.entry.types.includes("会议/活动"))).toBe(true);
    expect(s[1].reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["level2", "projectType"]));
  });
  test("a row without name uses its description; a blank row gives nothing", () => {
    const t = makeTable({ indicators: [ind("产出指标", "数量指标", null, "≥100人次", "培训人次"), ind("产出指标", "数量指标", null, null, null)] });
    expect(suggestForRow(index, t.indicators[0], t)[0].name).toBe("培训人次");
    expect(suggestForRow(index, t.indicators[1], t)).toEqual([]);
  });
});

describe("replacementEdits", () => {
  const t = makeTable({
    sheet: "表1",
    indicators: [
      ind("产出指标", "质量指标", "学员满意", "≥95百分比", "学员满意"), // fits a % entry: value kept
      ind("产出指标", "数量指标", "园区基础设施升级改造", "≥100百分比", "改造"), // % for a count: replaced
      ind("产出指标", "时效指标", "按时完工", "12月", "按时"), // a month is a date part: kept
      ind("产出指标", "质量指标", "验收", "合格", "验收"), // qualitative for a % entry: replaced
      ind("产出指标", "数量指标", "培训人数", "", "人数"), // empty: template written
    ],
  });
  const [pct, count, date, qual, empty] = t.indicators;

  test("name and description replaced; a value that already fits is kept", () => {
    expect(replacementEdits(t, pct, entry("参训人员满意度"))).toEqual([
      { sheet: "表1", cell: "C13", value: "参训人员满意度" },
      { sheet: "表1", cell: "D13", value: entry("参训人员满意度").definition },
    ]);
    expect(replacementEdits(t, date, entry("工程完工时间")).map((e) => e.cell)).toEqual(["C15", "D15"]);
  });
  test("a value that does not fit becomes the typical value marked for review", () => {
    expect(replacementEdits(t, count, entry("完成基础设施改造项目数")).find((e) => e.cell === "F14")).toEqual({
      sheet: "表1",
      cell: "F14",
      value: `≥X个${REVIEW_MARK}`,
    });
    expect(replacementEdits(t, qual, entry("验收合格率")).find((e) => e.cell === "F16")?.value).toBe(`=100%${REVIEW_MARK}`);
    expect(replacementEdits(t, empty, entry("培训参加人数")).find((e) => e.cell === "F17")?.value).toBe(`≥X人${REVIEW_MARK}`);
  });
  test("the marked value still parses as the number (rules keep reading it); a template stays unparsed", () => {
    const v = parseValue(`≥90%${REVIEW_MARK}`);
    expect([v.kind, v.op, v.number, v.unit]).toEqual(["quantitative", "≥", 90, "%"]);
    expect(parseValue(`≥X个${REVIEW_MARK}`).kind).toBe("unparsed");
  });
  test("cells already holding the entry's text are left out: replacing twice gives nothing new", () => {
    const e = entry("培训人次");
    const once = replacementEdits(t, empty, e);
    const applied = makeTable({ sheet: "表1", indicators: [ind("产出指标", "数量指标", e.name, once.find((x) => x.cell === "F17")!.value as string, e.definition)] });
    expect(replacementEdits(applied, applied.indicators[0], e)).toEqual([]);
  });
  test("split operator / value / unit columns get their own cells", () => {
    const base = makeTable({ indicators: [ind("产出指标", "质量指标", "验收", "合格", "验收")] }).indicators[0];
    const row: IndicatorRow = { ...base, opCell: "E13", unitCell: "G13" };
    expect(replacementEdits(t, row, entry("设备完好率")).slice(2)).toEqual([
      { sheet: "表1", cell: "E13", value: "≥" },
      { sheet: "表1", cell: "F13", value: `95${REVIEW_MARK}` },
      { sheet: "表1", cell: "G13", value: "%" },
    ]);
  });
  test("valueFits by kind and unit group", () => {
    expect(valueFits(parseValue("≥3公里"), entry("道路硬化里程"))).toBe(true);
    expect(valueFits(parseValue("≥3000米"), entry("道路硬化里程"))).toBe(true);
    expect(valueFits(parseValue("≥3人"), entry("道路硬化里程"))).toBe(false);
    expect(valueFits(parseValue("2022年10月31日前"), entry("竣工时间"))).toBe(true);
    expect(valueFits(parseValue("明显改善"), entry("群众出行条件改善"))).toBe(true);
    expect(valueFits(parseValue("≥95%"), entry("群众出行条件改善"))).toBe(false);
  });
});
