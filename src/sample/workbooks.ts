/**
 * Builders of the fixture workbooks (ExcelJS, in memory). scripts/make-fixtures.ts writes them to
 * test/fixtures/generated/; the bench can reuse writeSeedTable to stack many tables.
 * Rows and columns here are 1-based, as in ExcelJS.
 */
import ExcelJS from "exceljs";
import { extractProse } from "../core/extract/prose";
import { builtinSearchIndex } from "../core/library/builtin-index";
import {
  SEED_DEPARTMENT_AIMS,
  SEED_DEPARTMENT_BLOCKS,
  SEED_DEPARTMENT_LINES,
  SEED_DEPARTMENT_MEASURES,
  SEED_TABLES,
  type SeedTable,
} from "./seed-data";

/** Fixed document dates, so that generation does not depend on the clock. */
const FIXED_DATE = new Date(Date.UTC(2022, 0, 1, 0, 0, 0));

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao make-fixtures";
  wb.lastModifiedBy = "jixiao make-fixtures";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

export interface SeedWriteOptions {
  /** Budget as a number with numFmt "0.00", plan as fractions with "0%" (blank stays blank). */
  typed?: boolean;
}

/** Rows one seed table occupies (title … last indicator), without the blank row after it. */
export function seedTableHeight(t: SeedTable): number {
  return 10 + t.indicators.length;
}

function put(ws: ExcelJS.Worksheet, row: number, col: number, value: ExcelJS.CellValue, numFmt?: string): void {
  if (value === null || value === undefined) return;
  const cell = ws.getCell(row, col);
  cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
}

function merge(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  if (top === bottom && left === right) return;
  ws.mergeCells(top, left, bottom, right);
}

/**
 * Writes one seed table with its top-left corner at (top, left), laid out as the seed document:
 * 7 columns A–G, merged title, 单位：元 in G, merged 预算规模及资金用途 and 资金支出计划（%） labels,
 * the spacer column C merged with B in the plan rows, 绩效指标描述 merged over D:E, 一级 merged
 * vertically over its block. Returns the row after the table.
 */
export function writeSeedTable(
  ws: ExcelJS.Worksheet,
  t: SeedTable,
  top: number,
  left = 1,
  opts: SeedWriteOptions = {},
): number {
  const A = left;
  const [B, C, D, E, F, G] = [A + 1, A + 2, A + 3, A + 4, A + 5, A + 6];
  let r = top;
  put(ws, r, A, t.title);
  merge(ws, r, A, r, G);
  r++;
  put(ws, r, A, t.unitName);
  put(ws, r, G, t.moneyUnitLabel);
  r++;
  put(ws, r, A, "项目编码");
  put(ws, r, B, t.code);
  put(ws, r, D, "项目名称");
  put(ws, r, E, t.name);
  merge(ws, r, E, r, G);
  r++;
  put(ws, r, A, "预算规模及资金用途");
  merge(ws, r, A, r + 1, A);
  put(ws, r, B, "预算数");
  const money = (s: string | null) => (s === null ? null : opts.typed ? Number(s) : s);
  put(ws, r, C, money(t.budget), opts.typed ? "0.00" : undefined);
  put(ws, r, D, "其中：财政    资金");
  put(ws, r, E, money(t.fiscal), opts.typed ? "0.00" : undefined);
  put(ws, r, F, "其他资金");
  put(ws, r, G, money(t.other), opts.typed ? "0.00" : undefined);
  r++;
  put(ws, r, B, t.purpose);
  merge(ws, r, B, r, G);
  r++;
  put(ws, r, A, "资金支出计划（%）");
  merge(ws, r, A, r + 1, A);
  put(ws, r, B, "3月底");
  merge(ws, r, B, r, C);
  put(ws, r, D, "6月底");
  put(ws, r, E, "10月底");
  put(ws, r, F, "12月底");
  r++;
  const pct = (s: string | null) => (s === null ? null : opts.typed ? Number(s.replace("%", "")) / 100 : s);
  const planCols = [B, D, E, F];
  t.plan.forEach((p, i) => put(ws, r, planCols[i], pct(p), opts.typed ? "0%" : undefined));
  merge(ws, r, B, r, C);
  r++;
  put(ws, r, A, "绩效目标");
  put(ws, r, B, t.goal);
  ws.getCell(r, B).alignment = { wrapText: true, vertical: "top" };
  merge(ws, r, B, r, G);
  r++;
  r++; // blank row before the indicator header
  ["一级指标", "二级指标", "三级指标", "绩效指标描述", null, "指标值", "指标值确定依据"].forEach((h, i) => put(ws, r, A + i, h));
  merge(ws, r, D, r, E);
  r++;
  let blockStart = r;
  t.indicators.forEach((ind, i) => {
    const row = r + i;
    if (ind.level1 !== null) {
      if (i > 0) merge(ws, blockStart, A, row - 1, A);
      blockStart = row;
      put(ws, row, A, ind.level1);
    }
    put(ws, row, B, ind.level2);
    put(ws, row, C, ind.name);
    put(ws, row, D, ind.description);
    merge(ws, row, D, row, E);
    put(ws, row, F, ind.value);
    put(ws, row, G, ind.basis);
  });
  const last = r + t.indicators.length - 1;
  merge(ws, blockStart, A, last, A);
  return last + 1;
}

/** seed.xlsx: the three tables stacked on one sheet "项目绩效目标表", a blank row between them. */
export function buildSeedWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("项目绩效目标表");
  ws.columns = [16, 14, 22, 24, 8, 14, 20].map((width) => ({ width }));
  let row = 1;
  for (const t of SEED_TABLES) row = writeSeedTable(ws, t, row) + 1;
  return wb;
}

export const DEPARTMENT_SHEETS = { prose: "部门整体绩效目标", table: "部门整体绩效目标表" } as const;

/** The seed's department-level part as published: one paragraph per cell, column A. */
export function writeDepartmentProse(ws: ExcelJS.Worksheet): void {
  ws.columns = [{ width: 120 }];
  SEED_DEPARTMENT_LINES.forEach((line, i) => {
    put(ws, i + 1, 1, line);
    ws.getCell(i + 1, 1).alignment = { wrapText: true, vertical: "top" };
  });
}

/**
 * The same part laid out as a 部门整体支出绩效目标表, as an office would type it: 年度总体目标 = the
 * four aims, 年度主要任务 = the seven 分项 (name, 绩效目标), the 保障措施, then one indicator row per
 * clause of the 绩效指标 sentences with the names as written (packed rates stay packed) and the
 * 二级 the converter suggests. The seed states no department budget: 项目支出 is the sum of its three
 * project tables.
 */
export function writeDepartmentTable(ws: ExcelJS.Worksheet): void {
  ws.columns = [16, 14, 40, 12, 12, 14].map((width) => ({ width }));
  const index = builtinSearchIndex();
  const blocks = extractProse(SEED_DEPARTMENT_BLOCKS.join("\n"), index);
  const projectSum = SEED_TABLES.reduce((n, t) => n + Number(t.budget), 0);
  let r = 1;
  put(ws, r, 1, "部门整体支出绩效目标表");
  merge(ws, r, 1, r, 6);
  r++;
  put(ws, r, 1, "部门（单位）名称");
  put(ws, r, 2, SEED_TABLES[0].unitName);
  merge(ws, r, 2, r, 4);
  put(ws, r, 6, "单位：元");
  r++;
  put(ws, r, 1, "年度预算");
  put(ws, r, 2, "项目支出");
  put(ws, r, 3, projectSum.toFixed(2));
  r++;
  put(ws, r, 1, "年度总体目标");
  put(ws, r, 2, SEED_DEPARTMENT_AIMS.join("\n"));
  merge(ws, r, 2, r, 6);
  r++;
  put(ws, r, 1, "年度主要任务");
  put(ws, r, 2, "任务名称");
  put(ws, r, 3, "主要内容");
  merge(ws, r, 3, r, 5);
  put(ws, r, 6, "预算金额");
  const taskTop = r;
  for (const b of blocks) {
    r++;
    put(ws, r, 2, b.name);
    put(ws, r, 3, b.goal);
    merge(ws, r, 3, r, 5);
  }
  merge(ws, taskTop, 1, r, 1);
  r++;
  put(ws, r, 1, "工作保障措施");
  put(ws, r, 2, SEED_DEPARTMENT_MEASURES.join("\n"));
  merge(ws, r, 2, r, 6);
  r++;
  ["一级指标", "二级指标", "三级指标", "指标值"].forEach((h, i) => put(ws, r, i + 1, h));
  const first = r + 1;
  for (const b of blocks) {
    // One row per clause: the rows of one clause share its source text.
    const seen = new Set<string>();
    for (const row of b.rows) {
      if (seen.has(row.source)) continue;
      seen.add(row.source);
      r++;
      const value = `${row.period ?? ""}${row.value.raw}`;
      const written = row.value.number !== null ? row.source.slice(0, row.source.lastIndexOf(value)).trim() : "";
      put(ws, r, 2, row.level2);
      put(ws, r, 3, written || row.name);
      put(ws, r, 4, value);
    }
  }
  put(ws, first, 1, "产出指标");
  merge(ws, first, 1, r, 1);
  for (let rr = 1; rr <= r; rr++) for (let c = 1; c <= 6; c++) ws.getCell(rr, c).alignment = { wrapText: true, vertical: "top" };
}

/** The built-in sample: the seed's three project tables, its department part as prose and as a table. */
export function buildSampleWorkbook(): ExcelJS.Workbook {
  const wb = buildSeedWorkbook();
  writeDepartmentProse(wb.addWorksheet(DEPARTMENT_SHEETS.prose));
  writeDepartmentTable(wb.addWorksheet(DEPARTMENT_SHEETS.table));
  return wb;
}

/** seed-typed.xlsx: the same tables with numbers typed as numbers, one sheet per table. */
export function buildSeedTypedWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  SEED_TABLES.forEach((t, i) => {
    const ws = wb.addWorksheet(`项目${i + 1}`);
    writeSeedTable(ws, t, 1, 1, { typed: true });
  });
  return wb;
}

// ---------------------------------------------------------------------------------------------
// layouts.xlsx: odd layouts, one per sheet, each written from a grid of rows at an offset.

type Cell = string | number | null | { v: ExcelJS.CellValue; fmt?: string };

interface Block {
  /** 1-based top-left corner on the sheet. */
  top: number;
  left: number;
  rows: Cell[][];
  /** Merges relative to the block: [row0, col0, row1, col1], 0-based within the block. */
  merges?: [number, number, number, number][];
}

function writeBlock(ws: ExcelJS.Worksheet, b: Block): void {
  b.rows.forEach((cells, i) =>
    cells.forEach((cell, j) => {
      if (cell === null) return;
      if (typeof cell === "object") put(ws, b.top + i, b.left + j, cell.v, cell.fmt);
      else put(ws, b.top + i, b.left + j, cell);
    }),
  );
  for (const [r0, c0, r1, c1] of b.merges ?? []) merge(ws, b.top + r0, b.left + c0, b.top + r1, b.left + c1);
}

const _ = null;

/** Offset table at D5: level 一级/二级 left blank on continuation rows (not merged), a footer line after it. */
export const OFFSET_BLOCK: Block = {
  top: 5,
  left: 4,
  rows: [
    ["培训项目资金绩效目标表", _, _, _, _, _, _],
    ["预算单位：303001测试单位本级", _, _, _, _, _, "单位：元"],
    ["项目编码", "13102622P00237611700A", _, "项目名称", "2022年干部教育培训项目", _, _],
    ["预算规模及资金用途", "预算数", "3,309,840.00", "其中：财政资金", "3,309,840.00", "其他资金", "0"],
    [_, "干部教育培训经费", _, _, _, _, _],
    ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底", _, _],
    [_, "25%", "50%", "80%", "100%", _, _],
    ["绩效目标", "1.举办培训班4期；2.培训干部200人次；3.考核合格率达到90%以上。", _, _, _, _, _],
    ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", _],
    ["产出指标", "数量指标", "培训人次", "全年参训干部人次", "≥200人次", "计划标准", _],
    [_, _, "培训期数", "全年举办培训班期数", "4期", "计划标准", _],
    [_, "质量指标", "考核合格率", "考核合格人数占参训人数的比例", "≥90%", "行业标准", _],
    [_, "时效指标", "培训完成时间", "全部培训班结束的时间", "2022年10月31日前", "计划标准", _],
    ["效益指标", "社会效益指标", "干部履职能力提升率", "考核成绩较培训前提高的人数占比", "≥80%", "历史标准", _],
    ["满意度指标", "服务对象满意度指标", "参训人员满意度", "参训人员问卷调查满意的比例", "≥90%", "行业标准", _],
    ["填报人：张三", _, _, "联系电话：12345678", _, _, _],
  ],
  merges: [
    [0, 0, 0, 6],
    [2, 4, 2, 6],
    [3, 0, 4, 0],
    [4, 1, 4, 6],
    [5, 0, 6, 0],
    [7, 1, 7, 6],
  ],
};

const pct = (v: number): Cell => ({ v, fmt: "0%" });

/** 101 form with operator / value / unit in separate columns, 权重 and 指标方向性. */
export const SPLIT_BLOCK: Block = {
  top: 1,
  left: 1,
  rows: [
    ["2023年设备购置项目绩效目标表", _, _, _, _, _, _, _, _],
    ["预算单位", "303001测试单位本级", _, _, _, _, _, _, "金额单位：元"],
    ["项目编码", "13102623P00237611800B", _, "项目名称", "2023年检测设备购置项目", _, _, _, _],
    ["预算数", { v: 1200000, fmt: "#,##0.00" }, "其中：财政拨款", { v: 1000000, fmt: "#,##0.00" }, "其他资金", { v: 200000, fmt: "#,##0.00" }, _, _, _],
    ["资金用途", "购置检测设备10台", _, _, _, _, _, _, _],
    ["资金支出计划", "3月底", "6月底", "10月底", "12月底", _, _, _, _],
    [_, pct(0), pct(0.5), pct(0.8), pct(1), _, _, _, _],
    ["年度绩效目标", "购置检测设备10台，提升检测能力。", _, _, _, _, _, _, _],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性", "指标解释"],
    ["成本指标", "经济成本指标", "设备购置成本", "≤", 120, "万元", 20, "反向指标", "设备采购合同总价"],
    ["产出指标", "数量指标", "购置设备数量", "≥", 10, "台", 20, "正向指标", "购置检测设备台数"],
    [_, "质量指标", "设备验收合格率", "=", 100, "%", 20, "正向指标", "验收合格设备占购置设备的比例"],
    [_, "时效指标", "设备到货时间", "≤", 6, "月", 10, "反向指标", "合同签订后到货的月数"],
    ["效益指标", "社会效益指标", "检测能力提升率", "≥", 30, "%", 20, "正向指标", "年检测样本量较上年增长比例"],
    ["满意度指标", "服务对象满意度指标", "使用单位满意度", "≥", 90, "%", 10, "正向指标", "使用单位问卷调查满意的比例"],
  ],
  merges: [
    [0, 0, 0, 8],
    [2, 4, 2, 8],
    [4, 1, 4, 8],
    [7, 1, 7, 8],
  ],
};

/** Money unit from the value ("250万"), 年度预算数 / 其中：财政拨款, 一级 and 二级 merged vertically. */
export const WAN_BLOCK: Block = {
  top: 1,
  left: 1,
  rows: [
    ["2022年园区道路维修项目绩效目标表", _, _, _, _, _],
    ["项目编码", "13102622P00237611900C", "项目名称", "2022年园区道路维修项目", _, _],
    ["年度预算数", "250万", "其中：财政拨款", "250万", "其他资金", "0"],
    ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底", _],
    [_, "10%", "40%", "80%", "100%", _],
    ["绩效目标", "完成园区道路维修2公里。", _, _, _, _],
    ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
    ["产出指标", "数量指标", "道路维修长度", "维修道路总长度", "≥2公里", "计划标准"],
    [_, _, "维修路段数", "维修路段个数", "≥3个", "计划标准"],
    [_, "成本指标", "维修总成本", "道路维修总支出", "≤250万元", "预算支出标准"],
    ["效益指标", "社会效益指标", "道路通行能力", "维修后道路通行状况", "明显改善", "历史标准"],
    ["满意度指标", "服务对象满意度指标", "企业满意度", "园区企业问卷满意比例", "≥90%", "行业标准"],
  ],
  merges: [
    [0, 0, 0, 5],
    [1, 3, 1, 5],
    [3, 0, 4, 0],
    [5, 1, 5, 5],
    [7, 0, 9, 0],
    [7, 1, 8, 1],
  ],
};

/** No plan, no code; money unit from the label 预算数（万元）, typed 12.5. */
export const NOPLAN_BLOCK: Block = {
  top: 1,
  left: 1,
  rows: [
    ["2022年档案数字化项目绩效目标表", _, _, _, _, _],
    ["项目名称", "2022年档案数字化项目", _, _, _, _],
    ["预算数（万元）", 12.5, "其中：财政资金", 12.5, "其他资金", _],
    ["绩效目标", "完成档案数字化1万卷。", _, _, _, _],
    ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
    ["产出指标", "数量指标", "档案数字化卷数", "完成数字化的档案卷数", "≥10000卷", "计划标准"],
    [_, "质量指标", "数字化质量合格率", "抽检合格的比例", "≥98%", "行业标准"],
    ["效益指标", "社会效益指标", "档案查阅效率", "查阅档案平均耗时", "明显提高", "历史标准"],
    ["满意度指标", "服务对象满意度指标", "查档群众满意度", "查档群众问卷满意比例", "≥90%", "行业标准"],
  ],
  merges: [
    [0, 0, 0, 5],
    [1, 1, 1, 5],
    [3, 1, 3, 5],
  ],
};

/**
 * Header variants (指标名称/指标说明/年度指标值/绩效标准/分值, then 三级指标/指标解释/指标值及单位/评(计)分标准),
 * label variants (资金总额), goals numbered on one line, two tables stacked with no blank row.
 */
export const VARIANTS_BLOCK: Block = {
  top: 2,
  left: 2,
  rows: [
    ["2022年环境监测项目绩效目标表", _, _, _, _, _, _],
    ["303001测试单位本级", _, _, _, _, "单位：元", _],
    ["项目编码", "13102622P00237612000D", "项目名称", "2022年环境监测项目", _, _, _],
    ["资金总额", "500000.00", "其中：财政资金", "500000.00", "其他资金", _, _],
    ["绩效目标", "（1）完成监测点位20个；（2）出具监测报告12份。", _, _, _, _, _],
    ["一级指标", "二级指标", "指标名称", "指标说明", "年度指标值", "绩效标准", "分值"],
    ["产出指标", "数量指标", "监测点位数", "完成监测的点位个数", "≥20个", "计划标准", 30],
    [_, "质量指标", "监测报告数", "出具的监测报告份数", "12份", "计划标准", 30],
    ["效益指标", "生态效益指标", "监测覆盖率", "监测点覆盖辖区的比例", "≥95%", "行业标准", 30],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "群众问卷满意比例", "≥90%", "行业标准", 10],
    ["2022年水质检测项目绩效目标表", _, _, _, _, _, _],
    ["项目名称", "2022年水质检测项目", _, _, _, _, _],
    ["预算数", "80000", "其中：财政资金", "80000", "其他资金", _, _],
    ["绩效目标", "1、检测水样100份\n2、按时出具报告", _, _, _, _, _],
    ["一级指标", "二级指标", "三级指标", "指标解释", "指标值及单位", "评(计)分标准", _],
    ["产出指标", "数量指标", "水样检测数", "检测水样份数", "≥100份", "计划标准", _],
    ["效益指标", "社会效益指标", "水质达标率", "达标水样比例", "≥90%", "行业标准", _],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "群众问卷满意比例", "≥90%", "行业标准", _],
  ],
  merges: [
    [0, 0, 0, 6],
    [2, 3, 2, 6],
    [4, 1, 4, 6],
    [6, 0, 7, 0],
    [10, 0, 10, 6],
    [11, 1, 11, 6],
    [13, 1, 13, 6],
  ],
};

/** An indicator header and rows with no 项目名称 above: still a table, projectName null. */
export const NONAME_BLOCK: Block = {
  top: 3,
  left: 1,
  rows: [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "培训人次", "≥100人次"],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
  ],
};

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const JUNK_ROWS = 10000;

/** 10,000 rows of unrelated data: numbers, dates, booleans, #REF! errors, stray header words. */
function writeJunk(ws: ExcelJS.Worksheet): void {
  const rnd = prng(20220101);
  const words = ["一级指标", "指标值", "项目名称", "预算数", "3月底", "单位：元", "备注", "合计"];
  for (let r = 1; r <= JUNK_ROWS; r++) {
    const row = ws.getRow(r);
    row.getCell(1).value = r;
    row.getCell(2).value = Math.round(rnd() * 1e8) / 100;
    const d = row.getCell(3);
    d.value = new Date(Date.UTC(2020, 0, 1 + (r % 1000)));
    d.numFmt = "yyyy-mm-dd";
    row.getCell(4).value = r % 2 === 0;
    if (r % 7 === 0) row.getCell(5).value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    else if (r % 7 === 3) row.getCell(5).value = { formula: "A1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    else row.getCell(5).value = { formula: `A${r}*2`, result: r * 2 } as ExcelJS.CellFormulaValue;
    if (r % 997 === 0) row.getCell(6).value = words[Math.floor(rnd() * words.length)];
    else row.getCell(6).value = `记录${r}`;
  }
}

export const LAYOUT_SHEETS = {
  offset: "偏移",
  split: "拆分列",
  wan: "万元",
  noPlan: "无计划无编码",
  variants: "表头变体",
  noName: "无名称",
  junk: "无表",
} as const;

export function buildLayoutsWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const offset = wb.addWorksheet(LAYOUT_SHEETS.offset);
  offset.getCell("A1").value = "附件2";
  offset.getCell("B2").value = 12345;
  writeBlock(offset, OFFSET_BLOCK);
  writeBlock(wb.addWorksheet(LAYOUT_SHEETS.split), SPLIT_BLOCK);
  writeBlock(wb.addWorksheet(LAYOUT_SHEETS.wan), WAN_BLOCK);
  writeBlock(wb.addWorksheet(LAYOUT_SHEETS.noPlan), NOPLAN_BLOCK);
  writeBlock(wb.addWorksheet(LAYOUT_SHEETS.variants), VARIANTS_BLOCK);
  writeBlock(wb.addWorksheet(LAYOUT_SHEETS.noName), NONAME_BLOCK);
  writeJunk(wb.addWorksheet(LAYOUT_SHEETS.junk));
  return wb;
}

export const FIXTURE_FILES = {
  "seed.xlsx": buildSeedWorkbook,
  "seed-typed.xlsx": buildSeedTypedWorkbook,
  "layouts.xlsx": buildLayoutsWorkbook,
  "sample.xlsx": buildSampleWorkbook,
} as const;
