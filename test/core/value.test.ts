import { ParsedValueSchema, type ParsedValue } from "../../src/core/value/types";
import { findPlaceholders, stripMarker, withoutPlaceholders } from "../../src/core/value/placeholders";
import { isLatinUnit } from "../../src/core/value/units";
import {
  GRADE_SCALES,
  OPERATOR_FORMS,
  WORD_UNITS,
  canonicalOperator,
  canonicalUnit,
  isKnownUnit,
  isMoneyUnit,
  isPercent,
  isStandardOperator,
  isWeakQualitative,
  isWordUnit,
  joinSplitValue,
  matchGrade,
  parseValue,
  toYuan,
  toYuanUpper,
} from "../../src/core/value/parse";
import { formatNumber, parseDate } from "../../src/core/value/parse";
import { matchPrefixOperator, matchSuffixOperator } from "../../src/core/value/operators";
import { unitGroup } from "../../src/core/value/units";
import { cnToNumber } from "../../src/core/value/cn-numbers";
import { convertMoney, moneyUnitOfLabel, parseMoney, parsePercentCell, parsePlainNumber } from "../../src/core/value/numbers";

type Expect = Partial<ParsedValue>;
const d = (year: number | null, month: number | null, day: number | null = null) => ({ year, month, day });

/** Every 指标值 written in the seed's three project tables (000_be842c62a19cb1dd.txt), with its reading. */
const SEED: [string, Expect][] = [
  ["≥95百分比", { kind: "quantitative", op: "≥", opRaw: "≥", number: 95, unit: "%", unitRaw: "百分比", normalized: "≥95%" }],
  ["100百分比", { kind: "quantitative", op: null, opRaw: null, number: 100, unit: "%", unitRaw: "百分比", normalized: "100%" }],
  ["≤20万元", { kind: "quantitative", op: "≤", number: 20, unit: "万元", unitRaw: null, normalized: "≤20万元" }],
  ["≥98百分比", { kind: "quantitative", op: "≥", number: 98, unit: "%", unitRaw: "百分比", normalized: "≥98%" }],
  ["验收报告，合规", { kind: "unparsed", op: null, number: null, unit: null, grade: null, normalized: null }],
  ["≤50万元", { kind: "quantitative", op: "≤", number: 50, unit: "万元", normalized: "≤50万元" }],
  ["≥100百分比", { kind: "quantitative", op: "≥", number: 100, unit: "%", unitRaw: "百分比", normalized: "≥100%" }],
  ["12月", { kind: "quantitative", op: null, number: null, unit: null, date: d(null, 12), dateEnd: null, deadline: false, normalized: "12月" }],
  ["≤12月份", { kind: "quantitative", op: "≤", opRaw: "≤", number: null, date: d(null, 12), normalized: "≤12月份" }],
  ["300万元", { kind: "quantitative", op: null, number: 300, unit: "万元", normalized: "300万元" }],
  ["≥90%", { kind: "quantitative", op: "≥", number: 90, unit: "%", unitRaw: null, normalized: "≥90%" }],
  ["≥95%", { kind: "quantitative", op: "≥", number: 95, unit: "%", normalized: "≥95%" }],
  ["≥98%", { kind: "quantitative", op: "≥", number: 98, unit: "%", normalized: "≥98%" }],
  // spending-plan cells, also read as values by some layouts
  ["100%", { kind: "quantitative", op: null, number: 100, unit: "%", normalized: "100%" }],
  ["50%", { kind: "quantitative", op: null, number: 50, unit: "%" }],
];

const OPERATORS: [string, Expect][] = [
  [">=90%", { op: "≥", opRaw: ">=", number: 90, unit: "%", normalized: "≥90%" }],
  ["=>90%", { op: "≥", opRaw: "=>", normalized: "≥90%" }],
  ["<=5%", { op: "≤", opRaw: "<=", normalized: "≤5%" }],
  ["≧90%", { op: "≥", opRaw: "≧", normalized: "≥90%" }],
  ["≦3天", { op: "≤", opRaw: "≦", number: 3, unit: "天", normalized: "≤3天" }],
  ["＞＝90％", { op: "≥", opRaw: ">=", number: 90, unit: "%", normalized: "≥90%" }],
  ["＜5%", { op: "<", opRaw: "<", normalized: "<5%" }],
  ["≥=95%", { op: "≥", opRaw: "≥=", normalized: "≥95%" }],
  ["=100%", { op: "=", opRaw: "=", normalized: "=100%" }],
  [">0", { op: ">", number: 0, unit: null, normalized: ">0" }],
  ["大于等于90%", { op: "≥", opRaw: "大于等于", normalized: "≥90%" }],
  ["小于等于10%", { op: "≤", opRaw: "小于等于", normalized: "≤10%" }],
  ["不少于5次", { op: "≥", opRaw: "不少于", number: 5, unit: "次", normalized: "≥5次" }],
  ["不低于90%", { op: "≥", opRaw: "不低于", normalized: "≥90%" }],
  ["不小于3个", { op: "≥", opRaw: "不小于", number: 3, unit: "个", normalized: "≥3个" }],
  ["至少2场", { op: "≥", opRaw: "至少", number: 2, unit: "场", normalized: "≥2场" }],
  ["10人以上", { op: "≥", opRaw: "以上", number: 10, unit: "人", normalized: "≥10人" }],
  ["5次及以上", { op: "≥", opRaw: "及以上", number: 5, unit: "次", normalized: "≥5次" }],
  ["95%（含）以上", { op: "≥", opRaw: "(含)以上", number: 95, unit: "%", normalized: "≥95%" }],
  ["不超过5%", { op: "≤", opRaw: "不超过", normalized: "≤5%" }],
  ["不高于10天", { op: "≤", opRaw: "不高于", number: 10, unit: "天", normalized: "≤10天" }],
  ["不大于2%", { op: "≤", opRaw: "不大于", normalized: "≤2%" }],
  ["5%以内", { op: "≤", opRaw: "以内", normalized: "≤5%" }],
  ["3人以下", { op: "≤", opRaw: "以下", normalized: "≤3人" }],
  ["低于5%", { op: "<", opRaw: "低于", normalized: "<5%" }],
  ["高于80%", { op: ">", opRaw: "高于", normalized: ">80%" }],
  ["超过100人", { op: ">", opRaw: "超过", number: 100, unit: "人", normalized: ">100人" }],
  ["达到95%", { op: "≥", opRaw: "达到", normalized: "≥95%" }],
  ["达到95%以上", { op: "≥", opRaw: "达到…以上", normalized: "≥95%" }],
  ["≥90%以上", { op: "≥", opRaw: "≥…以上", normalized: "≥90%" }],
  ["控制在5%以内", { op: "≤", opRaw: "控制在…以内", normalized: "≤5%" }],
  ["±3%以内", { kind: "quantitative", op: "±", opRaw: "±", number: 3, unit: "%", normalized: "±3%" }],
  ["±3%", { op: "±", opRaw: "±", number: 3, unit: "%", normalized: "±3%" }],
  ["±0.5℃", { op: "±", number: 0.5, unit: "℃", normalized: "±0.5℃" }],
  ["每年不少于4次", { op: "≥", number: 4, unit: "次", normalized: "每年≥4次" }],
  ["95%+", { op: "≥", opRaw: "+", number: 95, unit: "%", normalized: "≥95%" }],
  ["≥95%（抽查）", { op: "≥", number: 95, unit: "%", normalized: "≥95%(抽查)" }],
  ["≥95%（含）以上", { op: "≥", opRaw: "≥…(含)以上", normalized: "≥95%" }],
  ["累计≥100人次", { op: "≥", number: 100, unit: "人次", normalized: "累计≥100人次" }],
];

const NUMBERS_AND_UNITS: [string, Expect][] = [
  ["220", { kind: "quantitative", op: null, number: 220, unit: null, unitRaw: null, normalized: "220" }],
  ["0", { kind: "quantitative", number: 0, normalized: "0" }],
  ["0.00%", { number: 0, unit: "%", normalized: "0%" }],
  ["100.00%", { number: 100, unit: "%", normalized: "100%" }],
  ["１２３人", { number: 123, unit: "人", normalized: "123人" }],
  ["≥９５％", { op: "≥", number: 95, unit: "%", normalized: "≥95%" }],
  ["1,000人", { number: 1000, unit: "人", normalized: "1000人" }],
  ["3,309,840.00元", { number: 3309840, unit: "元", normalized: "3309840元" }],
  ["1，000人", { number: 1000, unit: "人" }],
  ["-5%", { number: -5, unit: "%", normalized: "-5%" }],
  [".5吨", { number: 0.5, unit: "吨", normalized: "0.5吨" }],
  ["≥ 95 %", { op: "≥", number: 95, unit: "%", normalized: "≥95%" }],
  ["≥95%。", { op: "≥", number: 95, unit: "%", normalized: "≥95%" }],
  ["≥1.5万人次", { op: "≥", number: 15000, unit: "人次", normalized: "≥1.5万人次" }],
  ["≥2万亩", { number: 20000, unit: "亩", normalized: "≥2万亩" }],
  ["250万", { number: 2500000, unit: null, normalized: "250万" }],
  ["≥1.2亿元", { number: 1.2, unit: "亿元", normalized: "≥1.2亿元" }],
  ["≤1000元", { number: 1000, unit: "元" }],
  ["≤500元/人", { number: 500, unit: "元/人", unitRaw: null, normalized: "≤500元/人" }],
  ["≤300元/人·月", { unit: "元/人·月", unitRaw: null }],
  ["≤300元/人.月", { unit: "元/人·月", unitRaw: "元/人.月", normalized: "≤300元/人·月" }],
  ["≤800元/亩", { unit: "元/亩" }],
  ["≤2000元/平方米", { unit: "元/平方米" }],
  ["≥10吨/日", { unit: "吨/日" }],
  ["5次/年", { number: 5, unit: "次/年" }],
  ["≥100㎡", { unit: "平方米", unitRaw: "㎡", normalized: "≥100平方米" }],
  ["≥100m²", { unit: "平方米", unitRaw: "m²" }],
  ["≥10km", { unit: "公里", unitRaw: "km", normalized: "≥10公里" }],
  ["≥10千米", { unit: "公里", unitRaw: "千米" }],
  ["≥50千克", { unit: "公斤", unitRaw: "千克" }],
  ["≥3公顷", { unit: "公顷", unitRaw: null }],
  ["≥20立方米", { unit: "立方米" }],
  ["≥0.5个百分点", { op: "≥", number: 0.5, unit: "个百分点", normalized: "≥0.5个百分点" }],
  ["提高2百分点", { kind: "unparsed" }],
  ["≥2百分点", { unit: "个百分点", unitRaw: "百分点" }],
  ["≤5‰", { unit: "‰" }],
  ["≥95分", { number: 95, unit: "分" }],
  ["≥50株", { unit: "株" }],
  ["≥5个村", { number: 5, unit: "个", unitRaw: "个村", normalized: "≥5个村" }],
  ["≥3家企业", { unit: "家", unitRaw: "家企业", normalized: "≥3家企业" }],
  ["3枚", { number: 3, unit: "枚" }],
  ["不少于三次", { op: "≥", number: 3, unit: "次", normalized: "≥3次" }],
  ["两场", { number: 2, unit: "场", normalized: "2场" }],
  ["百分之九十五", { number: 95, unit: "%", unitRaw: "百分之", normalized: "95%" }],
  ["百分之95", { number: 95, unit: "%", unitRaw: "百分之" }],
  ["6个月", { number: 6, unit: "月", unitRaw: "个月", date: null, normalized: "6个月" }],
  ["3年", { number: 3, unit: "年", date: null }],
  ["≥3个小时", { unit: "小时", normalized: "≥3个小时" }],
  ["100个百分点", { unit: "个百分点", normalized: "100个百分点" }],
  ["10个工作日内", { kind: "quantitative", op: "≤", opRaw: "内", number: 10, unit: "工作日", normalized: "≤10个工作日" }],
  ["≤10个工作日", { kind: "quantitative", op: "≤", opRaw: "≤", number: 10, unit: "工作日" }],
  ["3天内", { op: "≤", number: 3, unit: "天", normalized: "≤3天" }],
  // ranges
  ["80%-90%", { number: 80, upper: 90, unit: "%", normalized: "80%-90%" }],
  ["80~90%", { number: 80, upper: 90, unit: "%", normalized: "80%-90%" }],
  ["80%～90%", { number: 80, upper: 90, unit: "%" }],
  ["80%至90%", { number: 80, upper: 90, unit: "%" }],
  ["1-2次", { number: 1, upper: 2, unit: "次", normalized: "1-2次" }],
  ["10万-20万元", { kind: "unparsed" }],
  ["80%-90人", { kind: "unparsed" }],
  // numbers the parser must not read
  ["1e5", { kind: "unparsed" }],
  ["100%完成", { kind: "unparsed" }],
  ["≥**人", { kind: "unparsed" }],
  ["XX", { kind: "unparsed" }],
  ["**", { kind: "unparsed" }],
  ["★", { kind: "unparsed" }],
  ["元/人·月", { kind: "unparsed" }],
  ["≥95%，≥90%", { kind: "unparsed" }],
  ["1.2.3", { kind: "unparsed" }],
  ["1(2)", { kind: "unparsed" }],
  ["(抽查)", { kind: "unparsed" }],
  ["0toString", { kind: "unparsed" }],
  ["5constructor", { kind: "unparsed" }],
  ["两月", { number: 2, unit: "月", date: null, normalized: "2个月" }],
  // a count of quarters written with a Chinese numeral is not the second quarter (fast-check found it)
  ["两季度", { number: 2, unit: "季度", date: null, normalized: "2个季度" }],
  ["2个季度", { number: 2, unit: "季度", date: null, normalized: "2个季度" }],
];

const QUALITATIVE: [string, Expect][] = [
  ["好", { kind: "qualitative", grade: "好", op: null, number: null, normalized: "好" }],
  ["较好", { kind: "qualitative", grade: "较好", normalized: "较好" }],
  ["一般", { kind: "qualitative", grade: "一般" }],
  ["较差", { kind: "qualitative", grade: "较差" }],
  ["差", { kind: "qualitative", grade: "差" }],
  ["优", { kind: "qualitative", grade: "优" }],
  ["良", { kind: "qualitative", grade: "良" }],
  ["中", { kind: "qualitative", grade: "中" }],
  ["优良", { kind: "qualitative", grade: "优良" }],
  ["良好", { kind: "qualitative", grade: "良好" }],
  ["非常好", { kind: "qualitative", grade: "非常好" }],
  ["合格", { kind: "qualitative", grade: "合格" }],
  ["不合格", { kind: "qualitative", grade: "不合格" }],
  ["达标", { kind: "qualitative", grade: "达标" }],
  ["达到", { kind: "qualitative", grade: "达到", op: null }],
  ["基本达到", { kind: "qualitative", grade: "基本达到" }],
  ["达到预期", { kind: "qualitative", grade: "达到预期", normalized: "达到预期" }],
  ["达到预期目标", { kind: "qualitative", grade: "达到预期目标" }],
  ["部分达成", { kind: "qualitative", grade: "部分达成" }],
  ["显著提升", { kind: "qualitative", grade: "显著提升" }],
  ["明显改善", { kind: "qualitative", grade: "明显改善" }],
  ["有所改善", { kind: "qualitative", grade: "有所改善" }],
  ["有所提高", { kind: "qualitative", grade: "有所提高" }],
  ["按计划完成", { kind: "qualitative", grade: "按计划完成" }],
  ["按时完成", { kind: "qualitative", grade: "按时完成" }],
  ["满意", { kind: "qualitative", grade: "满意" }],
  ["基本满意", { kind: "qualitative", grade: "基本满意" }],
  ["及时", { kind: "qualitative", grade: "及时" }],
  ["合规", { kind: "qualitative", grade: "合规" }],
  ["正常运行", { kind: "qualitative", grade: "正常运行" }],
  ["效果明显", { kind: "qualitative", grade: "效果明显" }],
  ["符合要求", { kind: "qualitative", grade: "符合要求" }],
  ["无", { kind: "qualitative", grade: "无" }],
  // 应X尽X: full coverage (a real 部门整体 table: 保证单位正常运转 应保尽保)
  ["应保尽保", { kind: "qualitative", grade: "应保尽保", normalized: "应保尽保" }],
  ["应发尽发", { kind: "qualitative", grade: "应发尽发" }],
  ["困难群众应保尽保", { kind: "qualitative", grade: "应保尽保", normalized: "困难群众应保尽保" }],
  ["应保尽发", { kind: "unparsed" }],
  // a form's options with none chosen are no grade (the last option used to be read as one)
  ["合格或不合格", { kind: "unparsed", grade: null }],
  ["符合国家标准", { kind: "qualitative", grade: "符合", normalized: "符合国家标准" }],
  ["达到国家二级标准", { kind: "qualitative", grade: "达到" }],
  ["满足设计要求", { kind: "qualitative", grade: "满足" }],
  ["不超预算", { kind: "qualitative", grade: "不超预算" }],
  ["控制在预算内", { kind: "qualitative", grade: "控制在预算内" }],
  ["群众满意", { kind: "qualitative", grade: "满意", normalized: "群众满意" }],
  ["环境质量明显改善", { kind: "qualitative", grade: "明显改善", normalized: "环境质量明显改善" }],
  ["服务质量达到标准", { kind: "qualitative", grade: "达到标准" }],
  ["质量好", { kind: "qualitative", grade: "好" }],
  ["提高工作效率", { kind: "qualitative", grade: "提高", normalized: "提高工作效率" }],
  ["长期", { kind: "qualitative", grade: "长期" }],
  ["持续保障", { kind: "qualitative", grade: "持续保障" }],
  ["全年", { kind: "qualitative", grade: "全年", date: null }],
  ["当年", { kind: "qualitative", grade: "当年" }],
  // an operator before a grade: still qualitative, operator kept for the rules
  ["=提高", { kind: "qualitative", op: "=", opRaw: "=", grade: "提高", normalized: "提高" }],
  ["≥良好", { kind: "qualitative", op: "≥", opRaw: "≥", grade: "良好", normalized: "良好" }],
  ["≤中", { kind: "qualitative", op: "≤", grade: "中", date: null }],
  ["≥一年", { kind: "quantitative", op: "≥", number: 1, unit: "年" }],
  ["良好以上", { kind: "qualitative", op: "≥", opRaw: "以上", grade: "良好" }],
  // not grades
  ["是否吸引更多的外商投资者", { kind: "unparsed", grade: null }],
  ["进行中", { kind: "unparsed" }],
  ["保障项目顺利完成打造好招商环境", { kind: "unparsed" }],
  ["定性", { kind: "unparsed" }],
  ["good", { kind: "unparsed" }],
];

const DATES: [string, Expect][] = [
  ["2022年12月31日前", { kind: "quantitative", op: null, number: null, unit: null, date: d(2022, 12, 31), dateEnd: null, deadline: true, normalized: "2022年12月31日前" }],
  ["2022年12月底前", { date: d(2022, 12), deadline: true, normalized: "2022年12月底前" }],
  ["2022年12月31日前完成", { date: d(2022, 12, 31), deadline: true }],
  ["截至2022年12月31日", { date: d(2022, 12, 31), deadline: true }],
  ["2022年12月31日", { date: d(2022, 12, 31), deadline: false }],
  ["2022-12-31", { date: d(2022, 12, 31) }],
  ["2022/12/31", { date: d(2022, 12, 31) }],
  ["2022.12.31", { date: d(2022, 12, 31) }],
  ["2022年12月", { date: d(2022, 12) }],
  ["2022年12月底", { date: d(2022, 12), deadline: false }],
  ["12月底前", { date: d(null, 12), deadline: true }],
  ["12月31日前", { date: d(null, 12, 31), deadline: true }],
  ["年底前", { date: d(null, 12), deadline: true }],
  ["不晚于12月", { op: "≤", opRaw: "不晚于", date: d(null, 12), normalized: "≤12月" }],
  ["2023.07-2024.01", { kind: "quantitative", date: d(2023, 7), dateEnd: d(2024, 1), normalized: "2023.07-2024.01" }],
  ["2023.07", { date: d(2023, 7) }],
  ["2022年6月-2022年12月", { date: d(2022, 6), dateEnd: d(2022, 12) }],
  ["2022年6月至12月", { date: d(2022, 6), dateEnd: d(2022, 12) }],
  ["2022年6-12月", { date: d(2022, 6), dateEnd: d(2022, 12) }],
  ["1月-12月", { date: d(null, 1), dateEnd: d(null, 12) }],
  ["2022年度", { kind: "quantitative", date: d(2022, null), dateEnd: null }],
  ["2021年全年", { date: d(2021, null) }],
  ["2022年", { date: d(2022, null), number: null }],
  ["第四季度", { kind: "quantitative", date: d(null, 10), dateEnd: d(null, 12) }],
  ["四季度", { date: d(null, 10), dateEnd: d(null, 12) }],
  ["2022年第二季度", { date: d(2022, 4), dateEnd: d(2022, 6) }],
  ["三季度末", { date: d(null, 9), dateEnd: null }],
  ["上半年", { date: d(null, 1), dateEnd: d(null, 6) }],
  ["下半年", { date: d(null, 7), dateEnd: d(null, 12) }],
  ["2022.1-2022.12", { date: d(2022, 1), dateEnd: d(2022, 12), number: null }],
  ["2022.01.01-2022.12.31", { date: d(2022, 1, 1), dateEnd: d(2022, 12, 31) }],
  ["2022年1月1日-12月31日", { date: d(2022, 1, 1), dateEnd: d(2022, 12, 31) }],
  ["当年12月", { date: d(null, 12) }],
  ["2022年底前", { date: d(2022, 12), deadline: true }],
  ["2025年年底前", { date: d(2025, 12), deadline: true }], // corpus ah-jinan-2025-wangqiu-saishi E16
  // not dates
  ["13月", { date: null, number: 13, unit: "月", normalized: "13个月" }],
  ["1999.5", { date: null, number: 1999.5 }],
  ["2022年13月", { kind: "unparsed" }],
  ["2022年12月32日", { kind: "unparsed" }],
];

const EMPTY: [string, Expect][] = [
  ["", { kind: "empty", raw: "", normalized: null }],
  ["   ", { kind: "empty", raw: "" }],
  ["\u3000", { kind: "empty" }],
  ["\n\t", { kind: "empty" }],
];

function check(input: string, expected: Expect): void {
  const v = parseValue(input);
  expect(() => ParsedValueSchema.parse(v)).not.toThrow();
  expect(v).toMatchObject(expected);
}

describe("parseValue", () => {
  test.each(SEED)("seed value %s", check);
  test.each(OPERATORS)("operator %s", (input, e) => check(input, { kind: "quantitative", ...e }));
  test.each(NUMBERS_AND_UNITS)("number/unit %s", (input, e) => check(input, { kind: e.kind ?? "quantitative", ...e }));
  test.each(QUALITATIVE)("qualitative %s", check);
  test.each(DATES)("date %s", (input, e) => check(input, { kind: e.kind ?? "quantitative", ...e }));
  test.each(EMPTY)("empty %j", check);

  test("raw is the trimmed text as written", () => {
    expect(parseValue("  ≥95百分比 ").raw).toBe("≥95百分比");
    expect(parseValue("＞＝90％").raw).toBe("＞＝90％");
  });

  test("every field is filled (no undefined) for every kind", () => {
    const keys = Object.keys(ParsedValueSchema.shape).sort();
    for (const input of ["≥95%", "好", "", "XX", "2022年12月31日前", "80%-90%"]) {
      const v = parseValue(input);
      expect(Object.keys(v).sort()).toEqual(keys);
      for (const k of keys) expect(v[k as keyof ParsedValue]).not.toBeUndefined();
    }
  });

  test("a non-string input (untyped caller) does not throw", () => {
    expect(parseValue(null as unknown as string).kind).toBe("empty");
    expect(parseValue(95 as unknown as string)).toMatchObject({ kind: "quantitative", number: 95 });
  });

  test("normalised values parse back to the same reading", () => {
    const all = [...SEED, ...OPERATORS, ...NUMBERS_AND_UNITS, ...QUALITATIVE, ...DATES].map(([i]) => i);
    for (const input of all) {
      const v = parseValue(input);
      if (v.normalized === null) continue;
      const w = parseValue(v.normalized);
      expect({ input, kind: w.kind, number: w.number, upper: w.upper, unit: w.unit, grade: w.grade, date: w.date, dateEnd: w.dateEnd }).toEqual({
        input,
        kind: v.kind,
        number: v.number,
        upper: v.upper,
        unit: v.unit,
        grade: v.grade,
        date: v.date,
        dateEnd: v.dateEnd,
      });
      if (v.kind === "quantitative") expect(w.op).toBe(v.op);
      expect(w.normalized).toBe(v.normalized);
    }
  });
});

describe("joinSplitValue (指标性质/运算符号 | 指标值 | 度量单位 columns)", () => {
  const cases: [string | null, string | number | null, string | null, string, Expect][] = [
    ["≥", 95, "%", "≥95%", { op: "≥", number: 95, unit: "%" }],
    ["≥", "95", "百分比", "≥95百分比", { op: "≥", unit: "%", unitRaw: "百分比" }],
    ["≤", 20, "万元", "≤20万元", { op: "≤", number: 20, unit: "万元" }],
    ["=", "100", "%", "=100%", { op: "=", number: 100 }],
    ["大于等于", "90", "%", "大于等于90%", { op: "≥", opRaw: "大于等于", normalized: "≥90%" }],
    ["小于等于", 5, "天", "小于等于5天", { op: "≤", unit: "天" }],
    ["＞＝", 1, "次", "＞＝1次", { op: "≥", opRaw: ">=" }],
    [">=", 90, "%", ">=90%", { op: "≥", opRaw: ">=" }],
    ["以上", 5, "次", "5次以上", { op: "≥", opRaw: "以上", number: 5, unit: "次" }],
    ["以内", 3, "%", "3%以内", { op: "≤", opRaw: "以内" }],
    ["≥", "5次以上", null, "5次以上", { op: "≥", opRaw: "以上" }],
    ["定性", "好", null, "好", { kind: "qualitative", op: null, grade: "好" }],
    // corpus fj-xiuyu-2025-shuili G10: a 指标方向 column saying the answer is yes or no
    ["是/否", "否", null, "否", { kind: "qualitative", op: null }],
    ["定性", "达到预期", "", "达到预期", { kind: "qualitative", grade: "达到预期" }],
    ["定量", 3, "个", "3个", { op: null, number: 3, unit: "个" }],
    ["正向", 90, "%", "≥90%", { op: "≥" }],
    ["反向", 5, "%", "≤5%", { op: "≤" }],
    [null, 220, null, "220", { op: null, number: 220, unit: null }],
    ["", "220", "", "220", { number: 220 }],
    ["≥", "95%", "%", "≥95%", { number: 95, unit: "%" }],
    ["≥", "≥95", "%", "≥95%", { op: "≥", number: 95 }],
    ["≥", "95%", null, "≥95%", { unit: "%" }],
    ["=", "好", "%", "=好", { kind: "qualitative", op: "=" }],
    ["≥", null, "%", "", { kind: "empty" }],
    ["≥", "  ", "%", "", { kind: "empty" }],
    ["≥", 0.95, "%", "≥0.95%", { number: 0.95 }],
    [null, 1e21, "元", "1000000000000000000000元", { number: 1e21, unit: "元" }],
    ["≥", Number.NaN, "%", "", { kind: "empty" }],
    ["约", 5, "人", "约5人", { kind: "quantitative", op: null, number: 5, normalized: "约5人" }],
  ];
  test.each(cases)("(%j, %j, %j) → %j", (op, value, unit, joined, e) => {
    const text = joinSplitValue(op, value, unit);
    expect(text).toBe(joined);
    expect(parseValue(text)).toMatchObject(e);
  });

  test("formatNumber never uses exponent notation", () => {
    expect(formatNumber(1e21)).toBe("1000000000000000000000");
    expect(formatNumber(1.5e-7)).toBe("0.00000015");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(Infinity)).toBe("");
  });
});

describe("operators", () => {
  test("standard forms are exactly ≥ ≤ = > < ±", () => {
    expect(OPERATOR_FORMS.filter((f) => f.standard).map((f) => f.form).sort()).toEqual(["<", "=", ">", "±", "≤", "≥"].sort());
  });
  test.each([
    ["≥", "≥", true],
    [">=", "≥", false],
    ["≧", "≥", false],
    ["＞＝", "≥", false],
    ["大于等于", "≥", false],
    ["不少于", "≥", false],
    ["不低于", "≥", false],
    ["至少", "≥", false],
    ["以上", "≥", false],
    ["不超过", "≤", false],
    ["不高于", "≤", false],
    ["以内", "≤", false],
    ["以下", "≤", false],
    ["低于", "<", false],
    ["高于", ">", false],
    ["超过", ">", false],
    ["达到", "≥", false],
    ["±", "±", true],
    ["=", "=", true],
  ] as const)("%s → %s (standard %s)", (form, op, standard) => {
    expect(canonicalOperator(form)).toBe(op);
    expect(isStandardOperator(form)).toBe(standard);
  });
  test("unknown forms", () => {
    expect(canonicalOperator("约")).toBeNull();
    expect(canonicalOperator(null)).toBeNull();
    expect(canonicalOperator("toString")).toBeNull();
    expect(canonicalOperator("__proto__")).toBeNull();
    expect(isStandardOperator("≥…以上")).toBe(false);
  });
  test("longest match wins", () => {
    expect(matchPrefixOperator(">=5")?.form).toBe(">=");
    expect(matchPrefixOperator("不超过5")?.form).toBe("不超过");
    expect(matchPrefixOperator("≥")).toBeNull(); // nothing after it
    expect(matchSuffixOperator("5次及以上")?.form).toBe("及以上");
    expect(matchSuffixOperator("5%以内")?.form).toBe("以内");
  });
});

describe("units", () => {
  test.each([
    ["%", "%"],
    ["百分比", "%"],
    ["百分点", "个百分点"],
    ["个百分点", "个百分点"],
    ["元", "元"],
    ["万元", "万元"],
    ["亿元", "亿元"],
    ["元/人", "元/人"],
    ["元/人·月", "元/人·月"],
    ["元/人.月", "元/人·月"],
    ["元/人*月", "元/人·月"],
    ["元 / 人", "元/人"],
    ["元每人", "元/人"],
    ["元/亩", "元/亩"],
    ["元/平方米", "元/平方米"],
    ["元/㎡", "元/平方米"],
    ["㎡", "平方米"],
    ["m²", "平方米"],
    ["km", "公里"],
    ["千米", "公里"],
    ["千克", "公斤"],
    ["人次", "人次"],
    ["个工作日", "工作日"],
    ["工作日", "工作日"],
    ["个月", "月"],
    ["ｋｍ", "公里"],
  ])("canonicalUnit(%s) = %s", (u, c) => {
    expect(canonicalUnit(u)).toBe(c);
    expect(isKnownUnit(u)).toBe(true);
  });
  test("all units of the brief are known", () => {
    const list =
      "%,百分比,元,万元,亿元,元/人,元/人·月,元/亩,元/平方米,人,人次,户,个,家,次,场,期,批,份,册,篇,项,件,台,套,辆,座,处,条,所,天,日,月,年,小时,工作日,公里,千米,米,平方米,㎡,m²,亩,公顷,吨,公斤,千克,立方米,km,分,个百分点";
    for (const u of list.split(",")) expect([u, canonicalUnit(u)]).toEqual([u, expect.any(String)]);
  });
  test("unknown units", () => {
    expect(canonicalUnit("")).toBeNull();
    expect(canonicalUnit(null)).toBeNull();
    expect(canonicalUnit("XX")).toBeNull();
    expect(canonicalUnit("toString")).toBeNull();
    expect(canonicalUnit("__proto__")).toBeNull();
    expect(canonicalUnit("元/")).toBeNull();
    expect(canonicalUnit("元/XX")).toBeNull();
  });
  test("word units", () => {
    expect(WORD_UNITS["百分比"]).toBe("%");
    expect(isWordUnit("百分比")).toBe(true);
    expect(isWordUnit("百分点")).toBe(false);
    expect(isWordUnit("个百分点")).toBe(false);
    expect(isWordUnit("㎡")).toBe(false);
    expect(isWordUnit(null)).toBe(false);
  });
  test("money units", () => {
    for (const u of ["元", "千元", "万元", "亿元", "万元人民币"]) expect(isMoneyUnit(u)).toBe(true);
    for (const u of ["元/人", "%", "人", null, "", "万"]) expect(isMoneyUnit(u)).toBe(false);
  });
  test.each([
    ["≤20万元", 200000],
    ["300万元", 3000000],
    ["≤500000元", 500000],
    ["≥1.2亿元", 120000000],
    ["≤0.1万元", 1000],
    ["≤3千元", 3000],
    ["≤500元/人", null],
    ["≥95%", null],
    ["250万", null],
    ["好", null],
    ["", null],
  ] as const)("toYuan(%s) = %s", (raw, yuan) => {
    expect(toYuan(parseValue(raw))).toBe(yuan);
  });
  test("toYuanUpper reads the upper bound of a money range", () => {
    expect(toYuanUpper(parseValue("10-20万元"))).toBe(200000);
    expect(toYuan(parseValue("10-20万元"))).toBe(100000);
    expect(toYuanUpper(parseValue("≤20万元"))).toBe(200000);
  });
  test("isPercent", () => {
    expect(isPercent(parseValue("≥95百分比"))).toBe(true);
    expect(isPercent(parseValue("80%-90%"))).toBe(true);
    expect(isPercent(parseValue("≥2个百分点"))).toBe(false);
    expect(isPercent(parseValue("≤5‰"))).toBe(false);
    expect(isPercent(parseValue("好"))).toBe(false);
  });
  test("unitGroup", () => {
    expect(unitGroup("%")).toBe("percent");
    expect(unitGroup("万元")).toBe("money");
    expect(unitGroup("人次")).toBe("people");
    expect(unitGroup("工作日")).toBe("time");
    expect(unitGroup("元/人")).toBe("compound");
    expect(unitGroup("枚")).toBeNull();
  });
});

describe("grades", () => {
  test("the §b4 vocabularies are recognised scales, best first", () => {
    const levels = (id: string) => GRADE_SCALES.find((s) => s.id === id)?.levels;
    expect(levels("good")).toEqual(["好", "较好", "一般", "较差", "差"]);
    expect(levels("excellent")).toEqual(["优", "良", "中", "低", "差"]);
    expect(levels("reach")).toEqual(["达到", "基本达到", "部分达到", "未达到"]);
    expect(levels("achieve")).toEqual(["达成", "基本达成", "部分达成", "未达成"]);
    expect(levels("pass")).toContain("不合格");
    expect(levels("satisfy")).toEqual(expect.arrayContaining(["满意", "基本满意"]));
    for (const scale of GRADE_SCALES) for (const level of scale.levels) expect(matchGrade(level)?.grade).toBe(level);
  });
  test("matchGrade gives scale and level", () => {
    expect(matchGrade("较好")).toMatchObject({ scale: { id: "good" }, level: 1, weak: false });
    expect(matchGrade("基本达到预期")).toMatchObject({ grade: "基本达到预期", scale: { id: "reach" }, level: 1 });
    expect(matchGrade("显著提升")).toMatchObject({ scale: { id: "improve-提升" }, level: 0 });
    expect(matchGrade("验收报告,合规")).toBeNull();
    expect(matchGrade("95%")).toBeNull();
    expect(matchGrade("")).toBeNull();
  });
  test.each([
    ["长期", true],
    ["持续保障", true],
    ["全年", true],
    ["当年", true],
    ["是", true],
    ["不超预算", true],
    ["好", false],
    ["及时", false],
    ["达到预期", false],
    ["≥95%", false],
    ["XX", false],
  ] as const)("isWeakQualitative(%s) = %s", (raw, weak) => {
    expect(isWeakQualitative(parseValue(raw))).toBe(weak);
  });
});

describe("helpers", () => {
  test.each([
    ["三", 3],
    ["十", 10],
    ["十五", 15],
    ["九十五", 95],
    ["一百零五", 105],
    ["一百二十", 120],
    ["两千", 2000],
    ["两万", 20000],
    ["三万五千", 35000],
    ["零", 0],
    ["三四", null],
    ["百", null],
    ["万", null],
    ["", null],
  ] as const)("cnToNumber(%s) = %s", (text, n) => {
    expect(cnToNumber(text)).toBe(n);
  });
  test("parseDate alone", () => {
    expect(parseDate("2022年12月31日前")).toEqual({ date: d(2022, 12, 31), dateEnd: null, deadline: true });
    expect(parseDate("95%")).toBeNull();
    expect(parseDate("前")).toBeNull();
  });
});

describe("numbers.ts (money and plan cells)", () => {
  test.each([
    ["3,309,840.00", 3309840],
    ["200000", 200000],
    ["１２３", 123],
    [" 0.5 ", 0.5],
    ["-3", -3],
    [".5", 0.5],
    ["1,00", null],
    ["12a", null],
    ["", null],
  ] as const)("parsePlainNumber(%j) = %s", (t, n) => {
    expect(parsePlainNumber(t)).toBe(n);
  });
  test.each([
    [200000, { amount: 200000, unit: null }],
    ["3,309,840.00", { amount: 3309840, unit: null }],
    ["250万", { amount: 250, unit: "万元" }],
    ["20万元", { amount: 20, unit: "万元" }],
    ["300元", { amount: 300, unit: "元" }],
    ["1.5亿元", { amount: 15000, unit: "万元" }],
    ["≤20万元", { amount: 20, unit: "万元" }],
    ["不超过50万元", { amount: 50, unit: "万元" }],
    // corpus hn-yueyang-2022-gaobiaozhun-nongtian C5: the amount followed by its breakdown
    ["854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)", { amount: 854, unit: "万元" }],
    ["854万854万(高标准农田建设400万元)", { amount: null, unit: null }],
    // corpus hn-ningxiang-2021-batangzhen-jichusheshi B8: a label word inside the amount cell
    ["总额10606.7522万元", { amount: 10606.7522, unit: "万元" }],
    ["合计：20万元", { amount: 20, unit: "万元" }],
    ["资金总额:300", { amount: 300, unit: null }],
    ["总额", { amount: null, unit: null }],
    ["(400万元)", { amount: null, unit: null }],
    [null, { amount: null, unit: null }],
    [true, { amount: null, unit: null }],
    ["好", { amount: null, unit: null }],
    [Number.NaN, { amount: null, unit: null }],
  ] as const)("parseMoney(%j)", (v, r) => {
    expect(parseMoney(v)).toEqual(r);
  });
  test.each([
    ["单位：元", "元"],
    ["金额单位：万元", "万元"],
    ["单位:万元", "万元"],
    ["（万元）", "万元"],
    ["预算数", null],
  ] as const)("moneyUnitOfLabel(%s) = %s", (t, u) => {
    expect(moneyUnitOfLabel(t)).toBe(u);
  });
  test("convertMoney", () => {
    expect(convertMoney(20, "万元", "元")).toBe(200000);
    expect(convertMoney(200000, "元", "万元")).toBe(20);
    expect(convertMoney(5, "元", "元")).toBe(5);
  });
  test.each([
    [0.5, "0%", 50],
    [1, "0.00%", 100],
    [50, "General", 50],
    ["50%", null, 50],
    ["５０％", null, 50],
    ["100百分比", null, 100],
    ["", null, null],
    [null, null, null],
    ["abc", null, null],
  ] as const)("parsePercentCell(%j, %j) = %s", (v, f, n) => {
    expect(parsePercentCell(v, f)).toBe(n);
  });
});

/** Values as people write them in published tables (issue 8 §2), with their reading. */
const AS_WRITTEN: [string, Expect][] = [
  // magnitudes without a unit: the number is scaled and the magnitude kept
  ["250万", { kind: "quantitative", number: 2500000, unit: null, magnitude: "万", normalized: "250万" }],
  ["≤250万", { kind: "quantitative", op: "≤", number: 2500000, unit: null, magnitude: "万" }],
  ["1.2亿", { kind: "quantitative", number: 120000000, unit: null, magnitude: "亿" }],
  ["3千", { kind: "quantitative", number: 3000, unit: null, magnitude: "千" }],
  ["3千人次", { kind: "quantitative", number: 3000, unit: "人次", magnitude: null }],
  ["≤3千元", { kind: "quantitative", number: 3, unit: "千元", magnitude: null }],
  ["250万元", { kind: "quantitative", number: 250, unit: "万元", magnitude: null }],
  ["1.5万亩", { kind: "quantitative", number: 15000, unit: "亩", magnitude: null }],
  // a magnitude per period or per unit is money per period or unit
  ["≤50万/月", { kind: "quantitative", op: "≤", number: 50, unit: "万元/月", unitRaw: "万/月", normalized: "≤50万元/月" }],
  ["3千/人", { kind: "quantitative", number: 3, unit: "千元/人", unitRaw: "千/人" }],
  // compound and rate units
  ["200元/人/月", { kind: "quantitative", number: 200, unit: "元/人·月" }],
  ["100元/生/年", { kind: "quantitative", number: 100, unit: "元/生·年" }],
  ["50元/人·年", { kind: "quantitative", number: 50, unit: "元/人·年" }],
  ["1000人次/年", { kind: "quantitative", number: 1000, unit: "人次/年" }],
  ["≥2次/月", { kind: "quantitative", op: "≥", number: 2, unit: "次/月" }],
  ["≤30万元/公里", { kind: "quantitative", number: 30, unit: "万元/公里" }],
  ["5吨/日", { kind: "quantitative", number: 5, unit: "吨/日" }],
  ["800元/床·日", { kind: "quantitative", number: 800, unit: "元/床·日" }],
  ["100㎡", { kind: "quantitative", number: 100, unit: "平方米", unitRaw: "㎡" }],
  ["500M", { kind: "quantitative", number: 500, unit: "米", unitRaw: "M", normalized: "500米" }],
  ["3KM", { kind: "quantitative", number: 3, unit: "公里", unitRaw: "KM" }],
  ["200m2", { kind: "quantitative", number: 200, unit: "平方米", unitRaw: "m2" }],
  ["200M2", { kind: "quantitative", number: 200, unit: "平方米", unitRaw: "M2" }],
  // periods and dates
  ["2024年1月--2024年11月", { kind: "quantitative", date: d(2024, 1), dateEnd: d(2024, 11) }],
  ["2024年1月——2024年11月", { kind: "quantitative", date: d(2024, 1), dateEnd: d(2024, 11) }],
  ["2024.03-2024.12", { kind: "quantitative", date: d(2024, 3), dateEnd: d(2024, 12) }],
  ["1月至12月", { kind: "quantitative", date: d(null, 1), dateEnd: d(null, 12) }],
  ["一季度", { kind: "quantitative", date: d(null, 1), dateEnd: d(null, 3) }],
  ["12月31日前", { kind: "quantitative", date: d(null, 12, 31), deadline: true }],
  // operators as typed
  [">=95%", { op: "≥", opRaw: ">=" }],
  ["<=5%", { op: "≤", opRaw: "<=" }],
  ["=<5%", { op: "≤", opRaw: "=<" }],
  ["=>5%", { op: "≥", opRaw: "=>" }],
  ["≧90%", { op: "≥", opRaw: "≧" }],
  ["≦3天", { op: "≤", opRaw: "≦" }],
  ["＞＝90％", { op: "≥", opRaw: ">=", number: 90, unit: "%" }],
  ["不低于90%", { op: "≥", opRaw: "不低于" }],
  ["不超过10万元", { op: "≤", opRaw: "不超过", number: 10, unit: "万元" }],
  ["10人以上", { op: "≥", opRaw: "以上" }],
  ["5%以下", { op: "≤", opRaw: "以下" }],
  ["30天以内", { op: "≤", opRaw: "以内" }],
  // none: zero, never unreadable
  ...["-", "/", "—", "——", "－", "无"].map((t): [string, Expect] => [t, { kind: "qualitative", number: 0, grade: "无", normalized: "无" }]),
  // placeholders stay unparsed (placeholder-left explains them)
  ["≥**人", { kind: "unparsed" }],
  ["XX", { kind: "unparsed" }],
];

describe("values as people write them", () => {
  test.each(AS_WRITTEN)("%s", (text, expected) => {
    const v = parseValue(text);
    expect(v).toMatchObject(expected);
    expect(() => ParsedValueSchema.parse(v)).not.toThrow();
  });
});

describe("placeholders and markers", () => {
  test.each([
    ["≥**人", "value", ["**"]],
    ["(≥**人)", "value", ["(≥**人)"]],
    ["培训人数（≥**人）", "name", ["（≥**人）"]],
    ["≥XX%", "value", ["XX"]],
    ["××", "value", ["××"]],
    ["＿＿人", "value", ["＿＿"]],
    ["≥X台", "value", ["X"]],
    ["X光机购置数量", "name", []],
    ["≥95%", "value", []],
    ["★培训人数", "name", []],
    ["开展宣传……", "name", []],
    ["…", "value", ["…"]],
  ] as [string, "value" | "name", string[]][])("findPlaceholders(%s, %s)", (text, where, expected) => {
    expect(findPlaceholders(text, where)).toEqual(expected);
  });

  test.each([
    ["★培训人数", "培训人数"],
    ["☆ 项目验收合格率", "项目验收合格率"],
    ["※新增就业人数", "新增就业人数"],
    ["*培训场次", "培训场次"],
    ["培训人数", "培训人数"],
    ["★", "★"],
  ])("stripMarker(%s) = %s", (name, expected) => {
    expect(stripMarker(name)).toBe(expected);
  });

  test("withoutPlaceholders keeps the real name", () => {
    expect(withoutPlaceholders("培训人数（≥**人）")).toBe("培训人数");
    expect(withoutPlaceholders("XX村道路硬化里程")).toBe("村道路硬化里程");
  });
});

test("Latin units are known and hinted; symbols are not Latin", () => {
  expect(["M", "KM", "m2", "kg"].map(isLatinUnit)).toEqual([true, true, true, true]);
  expect(["㎡", "%", "米", "万元"].map(isLatinUnit)).toEqual([false, false, false, false]);
});
