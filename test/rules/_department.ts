/**
 * The seed's department part laid out as a 部门整体支出绩效目标表 (src/sample/workbooks.ts), with the
 * three project tables of the sample workbook, read by the engine as `jixiao check` reads them.
 */
import { analyzeGrids } from "../../src/core/analyze";
import type { ProjectTable } from "../../src/core/model/schema";
import { buildSampleWorkbook } from "../../src/sample/workbooks";
import { worksheetToGrid } from "../../src/xlsx/grid";

let cached: ProjectTable[] | null = null;

/** Every table of the sample workbook: the three project tables, then the department table. */
export function sampleTables(): ProjectTable[] {
  cached ??= analyzeGrids(buildSampleWorkbook().worksheets.map((ws) => worksheetToGrid(ws))).tables;
  return cached;
}

export function seedDepartmentTable(): ProjectTable {
  return sampleTables().find((t) => t.kind === "department")!;
}

/** Sheet row (1-based) of the department table's indicator named `name` (the first one). */
export function rowOf(name: string): number {
  const r = seedDepartmentTable().indicators.find((x) => x.name.value === name);
  if (!r) throw new Error(`no indicator ${name}`);
  return r.row + 1;
}
