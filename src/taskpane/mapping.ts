/**
 * User mappings of a table ("map the selection"): pure helpers, no React, no Office.
 *
 * A mapping is a block (the user's selection, followed by a hidden name in the workbook) plus the
 * indicator header row and the role of every column. To read a mapped table the header row's labels
 * are replaced by canonical ones for the chosen roles and the ordinary detector runs on that copy of
 * the block: the top block (项目名称, 预算数, 资金支出计划 …), carried-down categories, merged cells
 * and the end of the indicator block are found exactly as for a detected table. The original labels
 * are put back into the layout before parsing.
 */
import type { RangeBox } from "../core/grid/a1";
import { colToLetters } from "../core/grid/a1";
import { CellGrid, type CellValue } from "../core/grid/cellgrid";
import { detectTables } from "../core/layout/detect";
import { columnRolesFromHeader, headerRole } from "../core/layout/labels";
import type { TableLayout } from "../core/layout/types";
import type { ColumnRole } from "../core/model/schema";

/** Roles a user can give a column, in the order the dropdown lists them. */
export const ROLE_CHOICES: readonly ColumnRole[] = [
  "level1",
  "level2",
  "name",
  "description",
  "op",
  "value",
  "unit",
  "basis",
  "weight",
  "direction",
  "ignore",
];

/** Roles a mapping must give (the detector's spine of an indicator table). */
export const REQUIRED_ROLES: readonly ColumnRole[] = ["level1", "level2", "name", "value"];

/** A label per role that the detector recognises for sure. */
const CANONICAL_LABEL: Record<Exclude<ColumnRole, "ignore">, string> = {
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标",
  description: "绩效指标描述",
  op: "运算符号",
  value: "指标值",
  unit: "计量单位",
  basis: "指标值确定依据",
  weight: "权重",
  direction: "指标方向",
};

/** What the pane saves for a mapped table (MappingRecord.data). Offsets are relative to the block. */
export interface MappingData {
  v: 1;
  /** Header row, relative to the block's top (used when the labels cannot be found again). */
  headerOffset: number;
  columns: { offset: number; role: ColumnRole; label: string }[];
}

export interface DraftColumn {
  /** Absolute 0-based column. */
  col: number;
  letter: string;
  /** Header text ("" when blank). */
  label: string;
  /** First non-empty value below the header (a hint in the preview). */
  sample: string;
  role: ColumnRole;
}

/** Columns of the header row that can carry a role (merged tails are skipped). */
export function draftColumns(grid: CellGrid, headerRow: number): DraftColumn[] {
  const cols: { col: number; label: string }[] = [];
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    if (grid.isMergedTail(headerRow, c)) continue;
    cols.push({ col: c, label: grid.text(headerRow, c) });
  }
  const roles = columnRolesFromHeader(cols.map((c) => c.label));
  return cols.map((c, i) => ({
    col: c.col,
    letter: colToLetters(c.col),
    label: c.label,
    sample: sampleBelow(grid, headerRow, c.col),
    role: roles[i],
  }));
}

function sampleBelow(grid: CellGrid, headerRow: number, col: number): string {
  const end = Math.min(grid.lastRow, headerRow + 6);
  for (let r = headerRow + 1; r <= end; r++) {
    const t = grid.text(r, col);
    if (t !== "") return t.length > 24 ? `${t.slice(0, 23)}…` : t;
  }
  return "";
}

/**
 * The most likely header row of a block: the header of a table the detector finds in it, else the
 * row with the most recognised indicator headers, else the block's first row.
 */
export function guessHeaderRow(grid: CellGrid): number {
  const found = detectTables(grid);
  if (found.length > 0) return found[0].indicatorHeader.row;
  let best = grid.firstRow;
  let bestCount = 0;
  const last = Math.min(grid.lastRow, grid.firstRow + 200);
  for (let r = grid.firstRow; r <= last; r++) {
    let n = 0;
    for (let c = grid.firstCol; c <= grid.lastCol; c++) if (headerRole(grid.text(r, c))) n++;
    if (n > bestCount) {
      bestCount = n;
      best = r;
    }
  }
  return best;
}

/** Roles missing from a column assignment (each required role must be given to one column). */
export function missingRoles(columns: readonly { role: ColumnRole }[]): ColumnRole[] {
  const have = new Set(columns.map((c) => c.role));
  return REQUIRED_ROLES.filter((r) => !have.has(r));
}

/** Roles given to more than one column (the detector would read only the first). */
export function duplicateRoles(columns: readonly { role: ColumnRole }[]): ColumnRole[] {
  const seen = new Set<ColumnRole>();
  const dup = new Set<ColumnRole>();
  for (const c of columns) {
    if (c.role === "ignore") continue;
    if (seen.has(c.role)) dup.add(c.role);
    seen.add(c.role);
  }
  return [...dup];
}

export function mappingDataOf(block: RangeBox, headerRow: number, columns: readonly DraftColumn[]): MappingData {
  return {
    v: 1,
    headerOffset: headerRow - block.top,
    columns: columns.map((c) => ({ offset: c.col - block.left, role: c.role, label: c.label })),
  };
}

export function isMappingData(d: unknown): d is MappingData {
  const m = d as Partial<MappingData> | null;
  return !!m && m.v === 1 && typeof m.headerOffset === "number" && Array.isArray(m.columns);
}

/**
 * Where the saved header row is now: the row of the block whose labels match the saved ones best
 * (rows may have been inserted above it inside the block), else the saved offset.
 */
export function findHeaderRow(grid: CellGrid, data: MappingData): number {
  const labelled = data.columns.filter((c) => c.label !== "");
  const byOffset = Math.min(grid.lastRow, grid.firstRow + Math.max(0, data.headerOffset));
  if (labelled.length === 0) return byOffset;
  let best = byOffset;
  let bestScore = -1;
  for (let r = grid.firstRow; r <= grid.lastRow; r++) {
    let score = 0;
    for (const c of labelled) if (grid.text(r, grid.firstCol + c.offset) === c.label) score++;
    if (score > bestScore || (score === bestScore && r === byOffset)) {
      bestScore = score;
      best = r;
    }
  }
  return bestScore * 2 >= labelled.length ? best : byOffset;
}

/** The layout of a mapped table in its block, or null when the mapping no longer makes a table there. */
export function layoutFromMapping(grid: CellGrid, data: MappingData): TableLayout | null {
  if (grid.rowCount === 0 || missingRoles(data.columns).length > 0) return null;
  const headerRow = findHeaderRow(grid, data);
  const { values, merges, formats, originRow, originCol, sheet } = grid.toData();
  const r = headerRow - originRow;
  const copy: CellValue[][] = values.map((row, i) => (i === r ? row.map(() => null) : row));
  const width = grid.colCount;
  if (copy[r].length < width) copy[r] = [...copy[r], ...new Array<CellValue>(width - copy[r].length).fill(null)];
  const labelAt = new Map<number, string>();
  for (const c of data.columns) {
    const j = c.offset;
    if (j < 0 || j >= width || c.role === "ignore") continue;
    copy[r][j] = CANONICAL_LABEL[c.role];
    labelAt.set(originCol + j, grid.text(headerRow, originCol + j));
  }
  const synthetic = new CellGrid({ sheet, originRow, originCol, values: copy, formats, merges: [...(merges ?? [])] });
  const layout = detectTables(synthetic).find((l) => l.indicatorHeader.row === headerRow);
  if (!layout) return null;
  return {
    ...layout,
    indicatorHeader: {
      row: layout.indicatorHeader.row,
      columns: layout.indicatorHeader.columns.map((c) => ({ ...c, label: labelAt.get(c.col) ?? c.label })),
    },
  };
}
