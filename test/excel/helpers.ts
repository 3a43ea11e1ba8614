import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { stackedSeedGrid } from "../fixtures/seed-grid";
import { sheetFromGrid } from "../taskpane/helpers";
import { MemoryExcel, WorkbookSnapshot } from "../../src/workbench/memory-excel";

/** A small performance-target table on sheet 项目表 (title merged over A1:G1, 一级 merged over A4:A6). */
export function sampleSnapshot(): WorkbookSnapshot {
  return {
    version: 1,
    sheets: [
      {
        name: "项目表",
        cells: {
          A1: { v: "项目支出绩效目标表" },
          A2: { v: "项目名称" },
          B2: { v: "道路维修" },
          F2: { v: "预算数" },
          G2: { v: 250000, nf: "#,##0.00" },
          A3: { v: "一级指标" },
          B3: { v: "二级指标" },
          C3: { v: "三级指标" },
          D3: { v: "指标值" },
          A4: { v: "产出指标" },
          B4: { v: "数量指标" },
          C4: { v: "维修道路长度" },
          D4: { v: "≥5公里" },
          B5: { v: "质量指标" },
          C5: { v: "验收合格率" },
          D5: { v: 0.95, nf: "0%" },
          E5: { v: "user yellow", fill: "#FFFF00" },
          B6: { v: "时效指标" },
          C6: { v: "完成时间" },
          D6: { v: "2025年12月底前" },
          F6: { fill: { color: "#808080", pattern: "Gray50" } },
        },
        merges: ["A1:G1", "A4:A6"],
      },
      { name: "Other", cells: { A1: { v: "x" }, C3: { v: 3 } } },
    ],
    settings: {},
  };
}

export function setup(apiVersion = 14, snap: WorkbookSnapshot = sampleSnapshot()): { mem: MemoryExcel; port: OfficeWorkbook } {
  const mem = MemoryExcel.fromSnapshot(snap, { apiVersion });
  return { mem, port: new OfficeWorkbook(mem.host()) };
}

/** Runs fn and returns how many context.sync() calls it made. */
export async function countSyncs<T>(mem: MemoryExcel, fn: () => Promise<T>): Promise<{ syncs: number; result: T }> {
  mem.resetSyncs();
  const result = await fn();
  return { syncs: mem.syncs, result };
}

/** Rows per table in stackedSeedGrid (20 rows and a blank one). */
export const TABLE_ROWS = 21;

/** `tables` seed tables spread over `sheets` sheets named 表1, 表2 … (stacked, 21 rows apart). */
export function manyTablesSnapshot(tables: number, sheets: number): WorkbookSnapshot {
  const per = Math.ceil(tables / sheets);
  const out: WorkbookSnapshot = { version: 1, sheets: [], settings: {} };
  for (let s = 0; s < sheets; s++) {
    const n = Math.min(per, tables - s * per);
    if (n <= 0) break;
    out.sheets.push(sheetFromGrid(stackedSeedGrid(n, `表${s + 1}`)));
  }
  return out;
}
