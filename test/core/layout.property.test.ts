/**
 * Property tests: on arbitrary grids (random label words, numbers, booleans, error texts, nulls,
 * random merges) detectTables and parseTable never throw, and every table they produce is a valid
 * ProjectTable. A second property plants a real seed table into random surroundings and requires
 * that it is still found with its 10 indicators.
 */
import fc from "fast-check";
import { CellGrid, type CellValue } from "../../src/core/grid/cellgrid";
import type { RangeBox } from "../../src/core/grid/a1";
import { detectTables, parseTable, TableLayoutSchema } from "../../src/core/layout";
import { ProjectTableSchema } from "../../src/core/model/schema";
import { stackedSeedGrid } from "../fixtures/seed-grid";

const WORDS = [
  "一级指标", "二级指标", "三级指标", "指标名称", "指标值", "年度指标值", "指标值确定依据", "绩效标准",
  "绩效指标描述", "指标性质", "度量单位", "权重", "指标方向", "项目名称", "项目编码", "预算数", "预算数（万元）",
  "其中：财政    资金", "其他资金", "预算规模及资金用途", "资金支出计划（%）", "3月底", "6月底", "10月底", "12月底",
  "绩效目标", "单位：元", "单位：万元", "xx项目资金绩效目标表", "产出指标", "数量指标", "成本指标", "效益指标",
  "满意度指标", "服务对象满意度指标", "≥95百分比", "100%", "250万", "3,309,840.00", "#REF!", "#DIV/0!",
  "≥", "≤", "%", "万元", "1.甲\n2.乙", "预算单位：某单位", "项目名称：某项目", "", " ", "12月",
];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 1e7 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const gridArb = fc
  .record({
    rows: fc.integer({ min: 0, max: 24 }),
    cols: fc.integer({ min: 0, max: 9 }),
    originRow: fc.integer({ min: 0, max: 5 }),
    originCol: fc.integer({ min: 0, max: 3 }),
    seed: fc.array(cellArb, { minLength: 240, maxLength: 240 }),
    merges: fc.array(
      fc.record({ r: fc.nat(30), c: fc.nat(12), h: fc.nat(3), w: fc.nat(3) }),
      { maxLength: 8 },
    ),
    formats: fc.array(fc.constantFrom(null, "0%", "0.00", "General", "yyyy-mm-dd"), { minLength: 16, maxLength: 16 }),
    // Most grids get a real indicator header somewhere, so that tables are found and parsed.
    header: fc.option(
      fc.record({
        at: fc.nat(23),
        required: fc.shuffledSubarray(["一级指标", "二级指标", "三级指标", "指标值"], { minLength: 4 }),
        optional: fc.shuffledSubarray(["绩效指标描述", "指标性质", "度量单位", "权重", "指标方向"]),
        split: fc.nat(4),
      }),
      { freq: 5, nil: null },
    ),
  })
  .map(({ rows, cols, originRow, originCol, seed, merges, formats, header }) => {
    const values: CellValue[][] = [];
    const fmts: (string | null)[][] = [];
    for (let r = 0; r < rows; r++) {
      values.push(Array.from({ length: cols }, (_, c) => seed[(r * cols + c) % seed.length]));
      fmts.push(Array.from({ length: cols }, (_, c) => formats[(r + c) % formats.length]));
    }
    if (header && header.at < rows) {
      const { required, optional, split } = header;
      const words = [...required.slice(0, split), ...optional, ...required.slice(split)];
      values[header.at] = [...words, ...values[header.at].slice(words.length)];
    }
    // Non-overlapping merges inside the block.
    const taken = new Set<string>();
    const boxes: RangeBox[] = [];
    for (const m of merges) {
      const box = { top: originRow + m.r, left: originCol + m.c, bottom: originRow + m.r + m.h, right: originCol + m.c + m.w };
      let free = true;
      for (let r = box.top; r <= box.bottom && free; r++)
        for (let c = box.left; c <= box.right; c++) if (taken.has(`${r},${c}`)) free = false;
      if (!free) continue;
      for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) taken.add(`${r},${c}`);
      boxes.push(box);
    }
    return new CellGrid({ sheet: "随机", originRow, originCol, values, formats: fmts, merges: boxes });
  });

describe("layout detection on arbitrary grids", () => {
  test("never throws; layouts and tables pass their schemas", () => {
    let found = 0;
    fc.assert(
      fc.property(gridArb, (grid) => {
        const layouts = detectTables(grid);
        found += layouts.length;
        for (const layout of layouts) {
          TableLayoutSchema.parse(layout);
          const table = ProjectTableSchema.parse(parseTable(grid, layout));
          expect(table.sheet).toBe("随机");
        }
      }),
      { numRuns: 400 },
    );
    // The property is only worth something if tables were actually found and parsed.
    expect(found).toBeGreaterThan(50);
  });

  test("a real table planted among random rows is still found", () => {
    const seed = stackedSeedGrid(1).toData();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.array(fc.constantFrom<CellValue>(null, 12, "备注", true, "#REF!", "合计"), { minLength: 7, maxLength: 7 }), {
          maxLength: 6,
        }),
        (offset, junkAbove) => {
          const rows = [...junkAbove, ...seed.values];
          const shift = junkAbove.length;
          const grid = new CellGrid({
            sheet: "s",
            originRow: offset,
            originCol: 0,
            values: rows,
            merges: (seed.merges ?? []).map((m) => ({ ...m, top: m.top + offset + shift, bottom: m.bottom + offset + shift })),
          });
          const tables = detectTables(grid).map((l) => parseTable(grid, l));
          expect(tables).toHaveLength(1);
          expect(tables[0].indicators).toHaveLength(10);
          expect(tables[0].projectCode.value).toBe("13102622P00237611645J");
          expect(tables[0].budget.total.value).toBe(200000);
        },
      ),
      { numRuns: 100 },
    );
  });
});
