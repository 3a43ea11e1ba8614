/**
 * Tables as regional forms print them, read from an in-memory grid: labels with scores and numbering,
 * a blank 一级 read from its 二级, a form without a 二级 column, a date typed into a value cell, a
 * 评(扣)分标准 column that holds scoring rules (not read as the 依据) or basis types (read).
 */
import { CellGrid, formatNumber, isDateFormat, type CellValue } from "../../src/core/grid/cellgrid";
import { analyzeGrids, readTables } from "../../src/core/analyze";

function grid(rows: CellValue[][], formats?: (string | null)[][]): CellGrid {
  return new CellGrid({ sheet: "Sheet1", originRow: 0, originCol: 0, values: rows, formats, merges: [] });
}

const TOP: CellValue[][] = [
  ["测试项目绩效目标表", null, null, null, null],
  ["项目名称", "道路养护", "预算数（万元）", 300, null],
];

test("scores and numbering in labels, a blank 一级 read from the 二级 under it", () => {
  const [t] = readTables(
    grid([
      ...TOP,
      ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"],
      ["一、产出指标（50分）", "数量指标", "养护里程", "≥20公里", "计划"],
      [null, "时效指标", "完成时间", "2024年1月--2024年11月", "计划"],
      ["二、效益指标 30分", "社会、经济、生态效益指标", "通行条件", "明显改善", "计划"],
      [null, "服务对象满意度指标", "群众满意度", "≥90%", "计划"],
    ]),
  );
  expect(t.indicators.map((r) => [r.level1.raw, r.level1.canonical, r.level1.carried, r.level2.canonical])).toEqual([
    ["一、产出指标（50分）", "产出指标", false, "数量指标"],
    ["一、产出指标（50分）", "产出指标", true, "时效指标"],
    ["二、效益指标 30分", "效益指标", false, "社会效益指标"],
    ["二、效益指标 30分", "效益指标", true, "服务对象满意度指标"],
  ]);
  expect(t.indicators[1].value).toMatchObject({ kind: "quantitative", date: { year: 2024, month: 1 }, dateEnd: { year: 2024, month: 11 } });
});

test("a blank 一级 on the first rows is inferred from the 二级", () => {
  const [t] = readTables(
    grid([
      ...TOP,
      ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"],
      [null, "数量指标", "养护里程", "≥20公里", "计划"],
      [null, "经济成本指标", "养护成本", "≤250万", "计划"],
    ]),
  );
  expect(t.indicators.map((r) => [r.level1.raw, r.level1.canonical, r.level1.cell])).toEqual([
    [null, "产出指标", "A4"],
    [null, "成本指标", "A5"],
  ]);
  expect(t.indicators[1].value).toMatchObject({ number: 2500000, unit: null, magnitude: "万" });
});

test("a form without a 二级 column is found and read", () => {
  const tables = readTables(
    grid([
      ...TOP,
      ["一级指标", "三级指标", "指标值", "评分标准"],
      ["产出指标", "养护里程", "≥20公里", "计划"],
      ["满意度指标", "群众满意度", "≥90%", "调查"],
    ]),
  );
  expect(tables).toHaveLength(1);
  expect(tables[0].indicators.map((r) => [r.level1.canonical, r.level2.raw, r.level2.cell])).toEqual([
    ["产出指标", null, null],
    ["满意度指标", null, null],
  ]);
});

test("a date typed into a value cell is read as a date, not a bare number", () => {
  // 45626 = 2024-11-30
  const [t] = readTables(
    grid(
      [...TOP, ["一级指标", "二级指标", "三级指标", "指标值", "依据"], ["产出指标", "时效指标", "完成时间", 45626, "计划"]],
      [[], [], [], [null, null, null, "yyyy-mm-dd", null]],
    ),
  );
  expect(t.indicators[0].value).toMatchObject({ raw: "2024年11月30日", date: { year: 2024, month: 11, day: 30 }, number: null });
});

test.each([
  ["yyyy-mm-dd", true],
  ['yyyy"年"m"月"d"日"', true],
  ["[$-804]yyyy年m月", true],
  ["m/d/yyyy", true],
  ["0.00", false],
  ["0%", false],
  ["h:mm", false],
  ['#,##0.00"元"', false],
  [null, false],
])("isDateFormat(%s) = %s", (fmt, expected) => {
  expect(isDateFormat(fmt)).toBe(expected);
});

test("formatNumber renders a month-only date format without the day", () => {
  expect(formatNumber(45626, "yyyy年m月")).toBe("2024年11月");
  expect(formatNumber(45626, "General")).toBe("45626");
});

test("corpus sc-zhaohua-2021-tekun-zaifuzhu D5: a money caption right of the total label is no amount", () => {
  const [t] = readTables(
    grid([
      ["项目支出绩效目标申报表", null, null, null],
      ["项目名称", "特困家庭再扶助", null, null],
      ["项目资金(万元)", "年度资金总额", null, "金额(万元)"],
      [null, "(一)财政拨款小计", null, 6.3],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "扶助人数", "≥63人"],
    ]),
  );
  expect(t.budget.total).toEqual({ value: null, raw: null, cell: null });
  expect(t.moneyUnit).toBe("万元");
});

test("a money caption followed by the amount on the same row: the amount is the budget", () => {
  const [t] = readTables(
    grid([
      ["项目支出绩效目标申报表", null, null, null],
      ["项目名称", "道路养护", null, null],
      ["年度资金总额", "金额(万元)", 300, null],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "养护里程", "≥20公里"],
    ]),
  );
  expect(t.budget.total).toEqual({ value: 300, raw: "300", cell: "C3" });
  expect(t.moneyUnit).toBe("万元");
});

test("budget sources as forms print them: grants from above, a 小计 word, a numbered source list", () => {
  const ind: CellValue[][] = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "储备数量", "≥5000吨"],
  ];
  // corpus hn-hengshan-2020-chubeiliang B6: 其中:中央、省、市补助县级资金 is the fiscal part
  const [a] = readTables(
    grid([["县级专项资金绩效目标自评表", null, null, null], ["专项资金名称", "县级储备粮", null, null], ["年度资金总额", 194.9, null, null], ["其中:中央、省、市补助县级资金", 194.9, null, null], ["其他资金", null, null, null], ...ind]),
  );
  expect([a.budget.total.value, a.budget.fiscal.value, a.budget.fiscal.cell]).toEqual([194.9, 194.9, "B4"]);
  // corpus js-zhenjiang-2024-saizhenzhu-gongyuan C12: 财政拨款 | 小计 | 80
  const [b] = readTables(
    grid([["项目绩效目标表", null, null, null], ["项目名称", "公园运转经费", null, null], ["资金总额", null, null, 80], ["财政拨款", "小计", null, 80], ...ind]),
  );
  expect([b.budget.total.value, b.budget.fiscal.value, b.budget.fiscal.cell]).toEqual([80, 80, "D4"]);
  // corpus hn-xiangtan-2024-wupaoche B7: 资金总额: 250 over 一、预算资金:250 / 二、自有资金:0 / 三、其他:0
  const [c] = readTables(
    grid([["项目绩效目标表", null, null, null], ["项目名称", "雾炮车抑尘降尘服务", null, null], ["项目资金申请(万元)", "资金总额: 250", null, null], [null, "一、预算资金:250", null, null], [null, "二、自有资金:0", null, null], [null, "三、其他:0", null, null], ...ind]),
  );
  expect([c.budget.total.value, c.budget.fiscal.value, c.budget.other.value]).toEqual([250, 250, 0]);
});

test("corpus nm-wuhai-2021-zaishengziyuan F15: 正向 in 指标性质 with = in 指标方向 reads =, the explicit direction column wins", () => {
  const [t] = readTables(
    grid([
      ["项目支出绩效目标表", null, null, null, null, null, null],
      ["项目名称", "再生资源回收市场管理经费", null, null, null, null, null],
      ["预算数（万元）", 3, null, null, null, null, null],
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位"],
      ["产出指标", "数量指标", "出差人次", "正向", "=", 24, "人次"],
      ["产出指标", "成本指标", "出差总成本", "反向", "=", 1, "万元"],
    ]),
  );
  expect(t.indicators.map((r) => [r.value.op, r.value.normalized, r.opCell, r.direction?.value])).toEqual([
    ["=", "=24人次", "E5", "正向"],
    ["=", "=1万元", "E6", "反向"],
  ]);
});

describe("a 评(扣)分标准 column", () => {
  const table = (scoring: string[]) =>
    grid([
      ...TOP,
      ["一级指标", "二级指标", "三级指标", "*指标值", "计量单位", "*指标解释", "*评(扣)分标准"],
      ["产出指标", "数量指标", "养护里程", 20, "公里", "全年养护的道路里程", scoring[0]],
      [null, "质量指标", "验收合格率", 100, "%", "验收合格的比例", scoring[1]],
      ["满意度指标", "服务对象满意度指标", "群众满意度", 90, "%", "问卷满意的比例", scoring[2]],
    ]);

  test("holding scoring rules (湖南 一体化 form: 未达指标值酌情扣分) is not the 依据: basis-weak says nothing", () => {
    const g = table(["未达指标值酌情扣分", "每低1个百分点扣1分", "完成得满分"]);
    const [t] = readTables(g);
    expect(t.indicators.map((r) => r.basis.value)).toEqual([null, null, null]);
    expect(analyzeGrids([g]).issues.filter((i) => i.rule === "basis-weak")).toEqual([]);
  });

  test("holding basis types (计划标准, 行业标准) is the 依据", () => {
    const [t] = readTables(table(["计划标准", "行业标准", "历史标准"]));
    expect(t.indicators.map((r) => r.basis.value)).toEqual(["计划标准", "行业标准", "历史标准"]);
  });
});
