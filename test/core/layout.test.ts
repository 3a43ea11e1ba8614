/**
 * Layout detection and parsing on the generated fixture workbooks (run `npm run fixtures` first;
 * `npm test` does). Expected cells follow the fixture layouts in test/fixtures/workbooks.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellGrid } from "../../src/core/grid/cellgrid";
import { detectTables, parseTable, TableLayoutSchema } from "../../src/core/layout";
import { ProjectTableSchema, type ProjectTable } from "../../src/core/model/schema";
import { readXlsx } from "../../src/xlsx/grid";
import { SEED_TABLES } from "../fixtures/seed-data";
import { LAYOUT_SHEETS, JUNK_ROWS } from "../fixtures/workbooks";

const GEN = path.resolve(__dirname, "../fixtures/generated");

async function load(file: string): Promise<CellGrid[]> {
  const p = path.join(GEN, file);
  if (!fs.existsSync(p)) throw new Error(`${p} missing: run \`node scripts/build-cli.mjs && node lib/make-fixtures.js\``);
  return (await readXlsx(p)).grids;
}

function tablesOf(grid: CellGrid): ProjectTable[] {
  return detectTables(grid).map((layout) => {
    TableLayoutSchema.parse(layout);
    return ProjectTableSchema.parse(parseTable(grid, layout));
  });
}

let seed: CellGrid[];
let typed: CellGrid[];
let layouts: Map<string, CellGrid>;
beforeAll(async () => {
  seed = await load("seed.xlsx");
  typed = await load("seed-typed.xlsx");
  layouts = new Map((await load("layouts.xlsx")).map((g) => [g.sheet, g]));
});

describe("seed.xlsx: three tables stacked on one sheet", () => {
  let tables: ProjectTable[];
  beforeAll(() => {
    expect(seed.map((g) => g.sheet)).toEqual(["项目绩效目标表"]);
    tables = tablesOf(seed[0]);
  });

  test("finds 3 tables with 10 indicators each, in their ranges", () => {
    expect(tables.map((t) => t.range)).toEqual(["A1:G20", "A22:G41", "A43:G62"]);
    expect(tables.map((t) => t.indicators.length)).toEqual([10, 10, 10]);
    expect(tables.map((t) => t.sheet)).toEqual(["项目绩效目标表", "项目绩效目标表", "项目绩效目标表"]);
  });

  // Each table starts 21 rows below the previous one (20 rows + a blank row).
  const TOPS = [1, 22, 43];
  test.each([0, 1, 2])("table %i: every top-block field with its cell", (i) => {
    const t = tables[i];
    const s = SEED_TABLES[i];
    const r = (offset: number) => TOPS[i] + offset;
    expect(t.title).toEqual({ value: s.title, cell: `A${r(0)}` });
    expect(t.unitName).toEqual({ value: "303001文安工业新区管理处本级", cell: `A${r(1)}` });
    expect(t.moneyUnit).toBe("元");
    expect(t.moneyUnitCell).toBe(`G${r(1)}`);
    expect(t.projectCode).toEqual({ value: s.code, cell: `B${r(2)}` });
    expect(t.projectName).toEqual({ value: s.name, cell: `E${r(2)}` });
    expect(t.budget.total).toEqual({ value: Number(s.budget), raw: s.budget, cell: `C${r(3)}` });
    expect(t.budget.fiscal).toEqual({ value: Number(s.fiscal), raw: s.fiscal, cell: `E${r(3)}` });
    expect(t.budget.other).toEqual({ value: null, raw: null, cell: `G${r(3)}` });
    expect(t.purpose).toEqual({ value: s.purpose, cell: `B${r(4)}` });
    expect(t.plan).not.toBeNull();
    expect(t.plan!.m3.cell).toBe(`B${r(6)}`);
    expect(t.plan!.m6.cell).toBe(`D${r(6)}`);
    expect(t.plan!.m10.cell).toBe(`E${r(6)}`);
    expect(t.plan!.m12.cell).toBe(`F${r(6)}`);
    expect([t.plan!.m3.raw, t.plan!.m6.raw, t.plan!.m10.raw, t.plan!.m12.raw]).toEqual(s.plan);
    expect(t.goal).toEqual({ value: s.goal, cell: `B${r(7)}` });
    expect(t.goals.map((g) => g.text)).toEqual(s.goal.split("\n"));
    expect(t.goals.every((g) => g.cell === `B${r(7)}`)).toBe(true);
    expect(t.indicatorHeader.row).toBe(r(9) - 1);
    expect(t.indicatorHeader.columns).toEqual([
      { col: 0, role: "level1", label: "一级指标" },
      { col: 1, role: "level2", label: "二级指标" },
      { col: 2, role: "name", label: "三级指标" },
      { col: 3, role: "description", label: "绩效指标描述" },
      { col: 5, role: "value", label: "指标值" },
      { col: 6, role: "basis", label: "指标值确定依据" },
    ]);
    expect(t.crossYear).toBe(false);
  });

  test("plan values are percent numbers; seed 项目3 is blank/50/90/100", () => {
    const plans = tables.map((t) => [t.plan!.m3.value, t.plan!.m6.value, t.plan!.m10.value, t.plan!.m12.value]);
    expect(plans).toEqual([
      [100, 100, 100, 100],
      [100, 100, 100, 100],
      [null, 50, 90, 100],
    ]);
  });

  test.each([0, 1, 2])("table %i: indicator rows, cells and carried-down 一级", (i) => {
    const t = tables[i];
    const s = SEED_TABLES[i];
    const first = TOPS[i] + 10; // first data row, 1-based
    let level1 = "";
    let level1Cell = "";
    t.indicators.forEach((ind, k) => {
      const src = s.indicators[k];
      const row = first + k;
      if (src.level1 !== null) {
        level1 = src.level1;
        level1Cell = `A${row}`;
      }
      expect(ind.row).toBe(row - 1);
      expect(ind.level1).toEqual({ raw: level1, canonical: level1, cell: level1Cell, carried: src.level1 === null });
      expect(ind.level2).toEqual({ raw: src.level2, canonical: src.level2, cell: `B${row}`, carried: false });
      expect(ind.name).toEqual({ value: src.name, cell: `C${row}` });
      expect(ind.description).toEqual({ value: src.description, cell: `D${row}` });
      expect(ind.value.raw).toBe(src.value);
      expect(ind.value.cell).toBe(`F${row}`);
      expect(ind.basis).toEqual({ value: src.basis, cell: `G${row}` });
      expect([ind.opCell, ind.unitCell, ind.weight, ind.direction]).toEqual([null, null, null, null]);
    });
    expect(t.indicators.filter((x) => x.level1.carried)).toHaveLength(s.indicators.filter((x) => x.level1 === null).length);
  });

  test("indicator values are parsed (≥95百分比 → ≥ 95 %)", () => {
    const v = tables[0].indicators[0].value;
    expect([v.kind, v.op, v.number, v.unit]).toEqual(["quantitative", "≥", 95, "%"]);
  });

  test("form: 88 for all three (成本指标 under 产出)", () => {
    expect(tables.map((t) => t.form)).toEqual(["88", "88", "88"]);
    expect(tables.map((t) => t.formReason)).toEqual(["cost-under-output", "cost-under-output", "cost-under-output"]);
  });

  test("layouts: data rows and ranges are consistent", () => {
    const ls = detectTables(seed[0]);
    expect(ls.map((l) => [l.indicatorHeader.row, l.firstDataRow, l.lastDataRow])).toEqual([
      [9, 10, 19],
      [30, 31, 40],
      [51, 52, 61],
    ]);
    expect(ls.map((l) => l.range)).toEqual([
      { top: 0, left: 0, bottom: 19, right: 6 },
      { top: 21, left: 0, bottom: 40, right: 6 },
      { top: 42, left: 0, bottom: 61, right: 6 },
    ]);
  });
});

describe("seed-typed.xlsx: numbers typed as numbers give the same model values", () => {
  /** The model without cell addresses, sheet and raw display texts of typed cells. */
  function values(t: ProjectTable) {
    const num = (f: { value: number | null }) => f.value;
    return {
      title: t.title.value,
      unitName: t.unitName.value,
      code: t.projectCode.value,
      name: t.projectName.value,
      moneyUnit: t.moneyUnit,
      budget: [num(t.budget.total), num(t.budget.fiscal), num(t.budget.other)],
      purpose: t.purpose.value,
      plan: t.plan && [num(t.plan.m3), num(t.plan.m6), num(t.plan.m10), num(t.plan.m12)],
      goals: t.goals.map((g) => g.text),
      form: t.form,
      indicators: t.indicators.map((x) => ({
        l1: [x.level1.raw, x.level1.canonical, x.level1.carried],
        l2: [x.level2.raw, x.level2.canonical, x.level2.carried],
        name: x.name.value,
        description: x.description.value,
        value: { ...x.value, cell: null },
        basis: x.basis.value,
      })),
    };
  }

  test("one table per sheet, each equal to its text twin", () => {
    expect(typed.map((g) => g.sheet)).toEqual(["项目1", "项目2", "项目3"]);
    const fromText = tablesOf(seed[0]).map(values);
    const fromTyped = typed.map((g) => {
      const ts = tablesOf(g);
      expect(ts).toHaveLength(1);
      return values(ts[0]);
    });
    expect(fromTyped).toEqual(fromText);
  });

  test("typed cells keep their cells and display text", () => {
    const t = tablesOf(typed[2])[0];
    expect(t.range).toBe("A1:G20");
    expect(t.budget.total).toEqual({ value: 3000000, raw: "3000000", cell: "C4" });
    expect(t.plan!.m3).toEqual({ value: null, raw: null, cell: "B7" });
    expect(t.plan!.m6).toEqual({ value: 50, raw: "50%", cell: "D7" });
    expect(t.plan!.m12).toEqual({ value: 100, raw: "100%", cell: "F7" });
  });
});

describe("layouts.xlsx: odd layouts", () => {
  const sheet = (name: string) => {
    const g = layouts.get(name);
    if (!g) throw new Error(`sheet ${name} missing`);
    return tablesOf(g);
  };

  test("every sheet is there", () => {
    expect([...layouts.keys()]).toEqual(Object.values(LAYOUT_SHEETS));
  });

  test("offset table at D5; blank 一级/二级 carried down; a footer line ends the block", () => {
    const ts = sheet(LAYOUT_SHEETS.offset);
    expect(ts).toHaveLength(1);
    const t = ts[0];
    expect(t.range).toBe("D5:J19");
    expect(t.title).toEqual({ value: "培训项目资金绩效目标表", cell: "D5" });
    expect(t.unitName).toEqual({ value: "303001测试单位本级", cell: "D6" });
    expect([t.moneyUnit, t.moneyUnitCell]).toEqual(["元", "J6"]);
    expect(t.projectCode).toEqual({ value: "13102622P00237611700A", cell: "E7" });
    expect(t.projectName).toEqual({ value: "2022年干部教育培训项目", cell: "H7" });
    expect(t.budget.total).toEqual({ value: 3309840, raw: "3,309,840.00", cell: "F8" });
    expect(t.budget.fiscal).toEqual({ value: 3309840, raw: "3,309,840.00", cell: "H8" });
    expect(t.budget.other).toEqual({ value: 0, raw: "0", cell: "J8" });
    expect(t.purpose).toEqual({ value: "干部教育培训经费", cell: "E9" });
    expect(PLAN(t)).toEqual([
      [25, "E11"],
      [50, "F11"],
      [80, "G11"],
      [100, "H11"],
    ]);
    expect(t.goals.map((g) => g.text)).toEqual(["1.举办培训班4期", "2.培训干部200人次", "3.考核合格率达到90%以上。"]);
    expect(t.indicators.map((x) => x.name.value)).toEqual([
      "培训人次",
      "培训期数",
      "考核合格率",
      "培训完成时间",
      "干部履职能力提升率",
      "参训人员满意度",
    ]);
    const second = t.indicators[1];
    expect(second.level1).toEqual({ raw: "产出指标", canonical: "产出指标", cell: "D14", carried: true });
    expect(second.level2).toEqual({ raw: "数量指标", canonical: "数量指标", cell: "E14", carried: true });
    expect(second.value.cell).toBe("H15");
    // 二级 written again on the next row: not carried; 一级 still carried.
    expect(t.indicators[2].level2).toEqual({ raw: "质量指标", canonical: "质量指标", cell: "E16", carried: false });
    expect(t.indicators[2].level1.carried).toBe(true);
  });

  test("split 指标性质 / 指标值 / 度量单位 columns, 权重, 指标方向性, 101 form", () => {
    const [t] = sheet(LAYOUT_SHEETS.split);
    expect(t.range).toBe("A1:I15");
    expect(t.form).toBe("101");
    expect(t.formReason).toBe("level1-cost");
    expect(t.unitName).toEqual({ value: "303001测试单位本级", cell: "B2" });
    expect([t.moneyUnit, t.moneyUnitCell]).toEqual(["元", "I2"]);
    expect([t.budget.total.value, t.budget.fiscal.value, t.budget.other.value]).toEqual([1200000, 1000000, 200000]);
    expect(t.budget.fiscal.cell).toBe("D4");
    expect(t.purpose).toEqual({ value: "购置检测设备10台", cell: "B5" });
    expect(PLAN(t)).toEqual([
      [0, "B7"],
      [50, "C7"],
      [80, "D7"],
      [100, "E7"],
    ]);
    expect(t.goal).toEqual({ value: "购置检测设备10台，提升检测能力。", cell: "B8" });
    expect(t.indicatorHeader.columns.map((c) => c.role)).toEqual([
      "level1",
      "level2",
      "name",
      "op",
      "value",
      "unit",
      "weight",
      "direction",
      "description",
    ]);
    const cost = t.indicators[0];
    expect(cost.level1.canonical).toBe("成本指标");
    expect(cost.level2.canonical).toBe("经济成本指标");
    expect([cost.value.raw, cost.value.op, cost.value.number, cost.value.unit]).toEqual(["≤120万元", "≤", 120, "万元"]);
    expect([cost.value.cell, cost.opCell, cost.unitCell]).toEqual(["E10", "D10", "F10"]);
    expect(cost.weight).toEqual({ value: 20, raw: "20", cell: "G10" });
    expect(cost.direction).toEqual({ value: "反向指标", cell: "H10" });
    expect(cost.description).toEqual({ value: "设备采购合同总价", cell: "I10" });
    expect(t.indicators.map((x) => x.value.raw)).toEqual(["≤120万元", "≥10台", "=100%", "≤6月", "≥30%", "≥90%"]);
    expect(t.indicators.reduce((s, x) => s + (x.weight?.value ?? 0), 0)).toBe(100);
  });

  test("万元 from the value (250万); 年度预算数 / 其中：财政拨款; 一级 and 二级 merged vertically", () => {
    const [t] = sheet(LAYOUT_SHEETS.wan);
    expect(t.range).toBe("A1:F12");
    expect([t.moneyUnit, t.moneyUnitCell]).toEqual(["万元", "B3"]);
    expect(t.budget.total).toEqual({ value: 250, raw: "250万", cell: "B3" });
    expect(t.budget.fiscal).toEqual({ value: 250, raw: "250万", cell: "D3" });
    expect(t.budget.other).toEqual({ value: 0, raw: "0", cell: "F3" });
    expect(t.unitName).toEqual({ value: null, cell: null });
    expect(PLAN(t)).toEqual([
      [10, "B5"],
      [40, "C5"],
      [80, "D5"],
      [100, "E5"],
    ]);
    const [a, b, c] = t.indicators;
    expect(a.level2).toEqual({ raw: "数量指标", canonical: "数量指标", cell: "B8", carried: false });
    expect(b.level1).toEqual({ raw: "产出指标", canonical: "产出指标", cell: "A8", carried: true });
    expect(b.level2).toEqual({ raw: "数量指标", canonical: "数量指标", cell: "B8", carried: true });
    expect(c.level1).toEqual({ raw: "产出指标", canonical: "产出指标", cell: "A8", carried: true });
    expect(c.level2).toEqual({ raw: "成本指标", canonical: "成本指标", cell: "B10", carried: false });
    expect(t.indicators).toHaveLength(5);
  });

  test("no plan and no code; money unit from the label 预算数（万元）; typed 12.5", () => {
    const [t] = sheet(LAYOUT_SHEETS.noPlan);
    expect(t.plan).toBeNull();
    expect(t.projectCode).toEqual({ value: null, cell: null });
    expect(t.projectName).toEqual({ value: "2022年档案数字化项目", cell: "B2" });
    expect([t.moneyUnit, t.moneyUnitCell]).toEqual(["万元", "A3"]);
    expect(t.budget.total).toEqual({ value: 12.5, raw: "12.5", cell: "B3" });
    expect(t.budget.other).toEqual({ value: null, raw: null, cell: "F3" });
    expect(t.range).toBe("A1:F9");
    expect(t.indicators).toHaveLength(4);
  });

  test("header variants and two tables stacked without a blank row", () => {
    const ts = sheet(LAYOUT_SHEETS.variants);
    expect(ts.map((t) => t.range)).toEqual(["B2:H11", "B12:H19"]);
    const [a, b] = ts;
    expect(a.indicatorHeader.columns.map((c) => `${c.label}:${c.role}`)).toEqual([
      "一级指标:level1",
      "二级指标:level2",
      "指标名称:name",
      "指标说明:description",
      "年度指标值:value",
      "绩效标准:basis",
      "分值:weight",
    ]);
    expect(b.indicatorHeader.columns.map((c) => c.role)).toEqual(["level1", "level2", "name", "description", "value", "basis"]);
    expect(a.budget.total).toEqual({ value: 500000, raw: "500000.00", cell: "C5" });
    expect(a.goals.map((g) => g.text)).toEqual(["（1）完成监测点位20个", "（2）出具监测报告12份。"]);
    expect(b.goals.map((g) => g.text)).toEqual(["1、检测水样100份", "2、按时出具报告"]);
    expect(a.indicators.map((x) => x.weight?.value)).toEqual([30, 30, 30, 10]);
    expect(a.indicators[1].level1).toEqual({ raw: "产出指标", canonical: "产出指标", cell: "B8", carried: true });
    expect([b.title.value, b.projectName.value, b.projectCode.value, b.moneyUnit]).toEqual([
      "2022年水质检测项目绩效目标表",
      "2022年水质检测项目",
      null,
      null,
    ]);
    expect(b.indicators.map((x) => x.value.raw)).toEqual(["≥100份", "≥90%", "≥90%"]);
  });

  test("an indicator header without 项目名称 still makes a table (projectName null)", () => {
    const ts = sheet(LAYOUT_SHEETS.noName);
    expect(ts).toHaveLength(1);
    expect(ts[0].projectName).toEqual({ value: null, cell: null });
    expect(ts[0].range).toBe("A3:D5");
    expect(ts[0].indicators.map((x) => x.name.value)).toEqual(["培训人次", "学员满意度"]);
  });

  test("10,000 rows of numbers, dates, booleans and #REF!: no table, no crash", () => {
    const g = layouts.get(LAYOUT_SHEETS.junk)!;
    expect(g.rowCount).toBe(JUNK_ROWS);
    expect(detectTables(g)).toEqual([]);
  });
});

function PLAN(t: ProjectTable): [number | null, string | null][] {
  const p = t.plan!;
  return [p.m3, p.m6, p.m10, p.m12].map((x) => [x.value, x.cell]);
}
