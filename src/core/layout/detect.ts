/**
 * Finds every 绩效目标表 on a sheet by its labels, at any offset. One pass indexes the label cells;
 * each indicator header row (一级/二级/三级 + 指标值) is the spine of one table; its top block is read
 * from the label cells between the previous table and the header, its indicator block from the rows
 * below the header until a blank or foreign row.
 */
import { canonicalLevel1, canonicalLevel2 } from "../forms/categories";
import type { CellGrid } from "../grid/cellgrid";
import type { ColumnRole, MoneyUnit, PlanKey } from "../model/schema";
import { PLAN_KEYS } from "../model/schema";
import { parseMoney } from "../value/numbers";
import { LabelCache, columnRolesFromHeader, type FieldKind, type LabelInfo } from "./labels";
import { EMPTY_PART, type HeaderColumn, type Part, type PlanLayout, type Pos, type TableLayout } from "./types";

interface Hit {
  row: number;
  col: number;
  info: LabelInfo;
  text: string;
}

/**
 * Label cells of a grid, indexed by row. Built in one pass over the cells. A plain object literal,
 * not a class instance: a class's field shapes die with its last instance at a full GC, and the
 * optimised detection code that depends on them is thrown away with them (re-optimised every run).
 */
interface LabelIndex {
  readonly byRow: Map<number, Hit[]>;
  readonly rows: number[];
}

function labelIndex(grid: CellGrid, cache: LabelCache): LabelIndex {
  const index: LabelIndex = { byRow: new Map(), rows: [] };
  // Straight over the raw rows (one pass, no per-cell merge lookup); merged tails are dropped after.
  const rows = grid.toData().values;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i];
    const r = grid.originRow + i;
    let hits: Hit[] | null = null;
    for (let j = 0; j < cells.length; j++) {
      const v = cells[j];
      if (typeof v !== "string" || v.length === 0) continue;
      const info = cache.get(v);
      if (info.field === null && info.plan === null && info.role === null) continue;
      const c = grid.originCol + j;
      if (grid.isMergedTail(r, c)) continue;
      (hits ??= []).push({ row: r, col: c, info, text: v.trim() });
    }
    if (hits) {
      index.byRow.set(r, hits);
      index.rows.push(r);
    }
  }
  return index;
}

/** Does the row belong to a table's top block (title, 项目名称, plan header …) or is it a header row? */
function isForeignRow(index: LabelIndex, r: number): boolean {
  const hits = index.byRow.get(r);
  if (!hits) return false;
  let roles = 0;
  let checkpoints = 0;
  let fields = 0;
  for (const h of hits) {
    if (h.info.field) {
      if (STRONG_FIELDS.has(h.info.field)) return true;
      fields++;
    }
    if (h.info.plan) checkpoints++;
    if (h.info.role) roles++;
  }
  // One budget-like word inside an indicator row is not enough to end the block.
  return roles >= 3 || checkpoints >= 2 || fields >= 2;
}

/** Labels that always start a table's top block. */
const STRONG_FIELDS = new Set<FieldKind>(["title", "projectName", "projectCode", "unitName", "moneyUnit"]);

/** Roles an indicator header must have; 二级 is optional (some forms print no 二级 column). */
const REQUIRED_ROLES: ColumnRole[] = ["level1", "name", "value"];
/** Roles whose text makes a row an indicator row (a description alone does not). */
const CONTENT_ROLES: ColumnRole[] = ["name", "value", "op", "unit"];

/**
 * Label classifications, shared by every detection run: label texts repeat on every table, sheet and
 * re-validation, and classifyLabel is pure. Bounded inside LabelCache.
 */
const LABELS = new LabelCache();

/** Every project table on the grid, top to bottom. */
export function detectTables(grid: CellGrid): TableLayout[] {
  if (grid.rowCount === 0 || grid.colCount === 0) return [];
  const index = labelIndex(grid, LABELS);
  const headers: { row: number; columns: HeaderColumn[] }[] = [];
  for (const r of index.rows) {
    const hits = index.byRow.get(r)!;
    let roleCount = 0;
    for (const h of hits) if (h.info.role) roleCount++;
    if (roleCount < REQUIRED_ROLES.length) continue;
    const columns = headerColumns(grid, r);
    const roles = new Set(columns.map((c) => c.role));
    if (REQUIRED_ROLES.every((role) => roles.has(role))) headers.push({ row: r, columns });
  }

  const layouts: TableLayout[] = [];
  let bandTop = grid.firstRow;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const limit = i + 1 < headers.length ? headers[i + 1].row - 1 : grid.lastRow;
    const layout = buildLayout(grid, index, h.row, h.columns, bandTop, limit);
    layouts.push(layout);
    bandTop = Math.max(layout.lastDataRow, h.row) + 1;
  }
  return layouts;
}

/** The header row's labelled cells with their roles (merged headers keep their span). */
export function headerColumns(grid: CellGrid, row: number): HeaderColumn[] {
  const cells: { col: number; right: number; label: string }[] = [];
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const t = grid.text(row, c);
    if (t === "") continue;
    cells.push({ col: c, right: Math.max(c, grid.spanRight(row, c)), label: t });
  }
  const roles = columnRolesFromHeader(cells.map((c) => c.label));
  return cells.map((c, i) => ({ col: c.col, right: c.right, label: c.label, role: roles[i] }));
}

function buildLayout(
  grid: CellGrid,
  index: LabelIndex,
  headerRow: number,
  columns: HeaderColumn[],
  bandTop: number,
  limit: number,
): TableLayout {
  // ---- the top block: nearest label of each kind above the header, stopping at a repeated kind ----
  const fields = new Map<FieldKind, Hit>();
  const planHits: Hit[] = [];
  const lo = lowerBound(index.rows, bandTop);
  const hi = lowerBound(index.rows, headerRow);
  for (let i = hi - 1; i >= lo; i--) {
    const hits = index.byRow.get(index.rows[i])!;
    // A kind already taken from a lower row means this row belongs to an earlier block.
    if (hits.some((h) => h.info.field && fields.has(h.info.field))) break;
    for (const h of hits) {
      const f = h.info.field;
      if (f) {
        if (!fields.has(f)) fields.set(f, h);
      } else if (h.info.plan) planHits.push(h);
    }
  }
  let top = headerRow;
  for (const h of fields.values()) top = Math.min(top, h.row);
  for (const h of planHits) top = Math.min(top, h.row);

  const headerLeft = Math.min(...columns.map((c) => c.col));
  let right = Math.max(...columns.map((c) => c.right));
  for (const h of fields.values()) right = Math.max(right, grid.spanRight(h.row, h.col));

  const isLabelAt = (r: number, c: number): boolean => {
    const hits = index.byRow.get(r);
    return !!hits && hits.some((h) => h.col === c);
  };
  /** The value of a label: the next non-empty cell to its right, stopping at another label. */
  const rightOf = (h: Hit | undefined): Part => {
    if (!h) return EMPTY_PART;
    if (h.info.inline !== null) return { label: pos(h), cell: pos(h), inline: true };
    const first = grid.spanRight(h.row, h.col) + 1;
    for (let c = first; c <= right; c++) {
      if (grid.isMergedTail(h.row, c) || grid.isEmpty(h.row, c)) continue;
      if (isLabelAt(h.row, c)) break;
      return { label: pos(h), cell: { row: h.row, col: c }, inline: false };
    }
    return { label: pos(h), cell: { row: h.row, col: first }, inline: false };
  };

  const budgetTotal = rightOf(fields.get("budgetTotal"));
  const budgetFiscal = rightOf(fields.get("budgetFiscal"));
  const budgetOther = rightOf(fields.get("budgetOther"));

  // ---- purpose: its own label, or the rows under the budget line inside a 预算规模及资金用途 block ----
  let purpose = rightOf(fields.get("purpose"));
  const block = fields.get("budgetBlock");
  if (!fields.has("purpose") && block) {
    const span = grid.mergeAt(block.row, block.col);
    const budgetRow = fields.get("budgetTotal")?.row ?? block.row;
    let lastRow = span ? span.bottom : block.row;
    if (!span && budgetRow + 1 < headerRow && !index.byRow.has(budgetRow + 1)) lastRow = budgetRow + 1;
    const startCol = grid.spanRight(block.row, block.col) + 1;
    for (let r = budgetRow + 1; r <= lastRow && purpose === EMPTY_PART; r++) {
      for (let c = startCol; c <= right; c++) {
        if (grid.isMergedTail(r, c) || grid.isEmpty(r, c) || isLabelAt(r, c)) continue;
        purpose = { label: pos(block), cell: { row: r, col: c }, inline: false };
        break;
      }
    }
    if (purpose === EMPTY_PART && lastRow > budgetRow)
      purpose = { label: pos(block), cell: { row: budgetRow + 1, col: startCol }, inline: false };
  }

  // ---- spending plan ----
  const plan = planLayout(grid, index, fields.get("plan"), planHits, headerRow);

  // ---- title and unit name ----
  const titleHit = fields.get("title");
  const title: Part = titleHit ? { label: pos(titleHit), cell: pos(titleHit), inline: false } : EMPTY_PART;
  let unitName = rightOf(fields.get("unitName"));
  const unitHit = fields.get("moneyUnit");
  if (!fields.has("unitName")) {
    // Unlabelled 预算单位 line: the row of "单位：元", or the line between the title and the first field.
    const firstField = Math.min(
      ...[...fields.values()].filter((h) => h.info.field !== "title" && h.info.field !== "moneyUnit").map((h) => h.row),
      headerRow,
    );
    const rows: number[] = [];
    if (unitHit) rows.push(unitHit.row);
    if (titleHit) for (let r = titleHit.row + 1; r < firstField; r++) rows.push(r);
    for (const r of rows) {
      if (r < top) continue;
      const c = firstValueCol(grid, r, headerLeft, right, isLabelAt);
      if (c !== null) {
        unitName = { label: null, cell: { row: r, col: c }, inline: false };
        break;
      }
    }
  }

  // ---- money unit: "单位：元" anywhere in the top rows, a "预算数（万元）" label, or the value ("250万") ----
  let moneyUnit: MoneyUnit | null = null;
  let moneyUnitCell: Pos | null = null;
  if (unitHit) {
    moneyUnit = unitHit.info.unit;
    moneyUnitCell = pos(unitHit);
  } else {
    for (const kind of ["budgetTotal", "budgetFiscal", "budgetOther", "budgetBlock"] as const) {
      const h = fields.get(kind);
      if (h?.info.unit) {
        moneyUnit = h.info.unit;
        moneyUnitCell = pos(h);
        break;
      }
    }
    if (!moneyUnit) {
      for (const part of [budgetTotal, budgetFiscal, budgetOther]) {
        if (!part.cell) continue;
        const u = parseMoney(grid.value(part.cell.row, part.cell.col)).unit;
        if (u) {
          moneyUnit = u;
          moneyUnitCell = part.cell;
          break;
        }
      }
    }
  }

  // ---- indicator block ----
  // Only the role columns' headers count: a 绩效指标 label merged down the left spans the whole block.
  const firstDataRow = columns.reduce((m, c) => {
    if (c.role === "ignore") return m;
    const merge = grid.mergeAt(headerRow, c.col);
    return Math.max(m, (merge ? merge.bottom : headerRow) + 1);
  }, headerRow + 1);
  const lastDataRow = scanIndicatorRows(grid, index, columns, firstDataRow, limit);

  const projectCode = rightOf(fields.get("projectCode"));
  const projectName = rightOf(fields.get("projectName"));
  const goal = rightOf(fields.get("goal"));

  // ---- range: the box around every located cell and its merged area ----
  let left = headerLeft;
  let bottom = Math.max(headerRow, lastDataRow);
  const all: Pos[] = [];
  for (const p of [title, unitName, projectCode, projectName, budgetTotal, budgetFiscal, budgetOther, purpose, goal]) {
    if (p.label) all.push(p.label);
    if (p.cell) all.push(p.cell);
  }
  for (const h of fields.values()) all.push(pos(h));
  for (const h of planHits) all.push(pos(h));
  if (plan) for (const k of PLAN_KEYS) if (plan[k].cell) all.push(plan[k].cell!);
  for (const p of all) {
    const m = grid.mergeAt(p.row, p.col);
    left = Math.min(left, p.col);
    right = Math.max(right, m ? m.right : p.col);
    bottom = Math.max(bottom, m ? m.bottom : p.row);
  }

  return {
    sheet: grid.sheet,
    range: { top, left, bottom, right },
    title,
    unitName,
    projectCode,
    projectName,
    budgetTotal,
    budgetFiscal,
    budgetOther,
    purpose,
    goal,
    plan,
    moneyUnit,
    moneyUnitCell,
    indicatorHeader: { row: headerRow, columns },
    firstDataRow,
    lastDataRow,
  };
}

function pos(h: { row: number; col: number }): Pos {
  return { row: h.row, col: h.col };
}

function firstValueCol(
  grid: CellGrid,
  r: number,
  from: number,
  to: number,
  isLabelAt: (r: number, c: number) => boolean,
): number | null {
  for (let c = from; c <= to; c++) {
    if (grid.isEmpty(r, c)) continue;
    if (isLabelAt(r, c)) continue;
    return c;
  }
  return null;
}

/**
 * The spending plan: checkpoint headers (3月底 …) on the label's row(s), their values on the next
 * row (the seed's layout) or, when there is no value row, to their right.
 */
function planLayout(
  grid: CellGrid,
  index: LabelIndex,
  label: Hit | undefined,
  planHits: Hit[],
  headerRow: number,
): PlanLayout | null {
  if (!label) return null;
  const span = grid.mergeAt(label.row, label.col);
  const labelBottom = span ? span.bottom : label.row;
  // Checkpoints on the label's rows, else on the first row below it that has some.
  let cps = planHits.filter((h) => h.row >= label.row && h.row <= labelBottom && h.col > label.col);
  if (cps.length === 0) {
    const below = planHits.filter((h) => h.row > labelBottom && h.row <= labelBottom + 2 && h.row < headerRow);
    const r = Math.min(...below.map((h) => h.row));
    cps = below.filter((h) => h.row === r);
  }
  const result: PlanLayout = { label: pos(label), m3: EMPTY_PART, m6: EMPTY_PART, m10: EMPTY_PART, m12: EMPTY_PART };
  if (cps.length === 0) return result;
  const cpRow = cps[0].row;
  const cpBottom = Math.max(...cps.map((h) => grid.mergeAt(h.row, h.col)?.bottom ?? h.row));
  const valueRow = cpBottom + 1;
  const rightEdge = Math.max(...cps.map((h) => grid.spanRight(h.row, h.col)));
  // Values below when the value row is part of the plan block and holds no labels.
  const belowOk =
    valueRow < headerRow &&
    !isForeignRow(index, valueRow) &&
    (valueRow <= labelBottom || cps.some((h) => !grid.isEmpty(valueRow, h.col)) || !rightHasValues());
  function rightHasValues(): boolean {
    return cps.some((h) => {
      const c = grid.spanRight(h.row, h.col) + 1;
      return c <= rightEdge + 1 && !grid.isEmpty(h.row, c) && !index.byRow.get(h.row)?.some((x) => x.col === c);
    });
  }
  for (const h of cps) {
    const key = h.info.plan as PlanKey;
    if (result[key] !== EMPTY_PART) continue;
    const hr = grid.spanRight(h.row, h.col);
    let cell: Pos;
    if (belowOk) {
      cell = { row: valueRow, col: h.col };
      for (let c = h.col; c <= hr; c++) {
        if (!grid.isMergedTail(valueRow, c) && !grid.isEmpty(valueRow, c)) {
          cell = { row: valueRow, col: c };
          break;
        }
      }
    } else {
      cell = { row: cpRow, col: hr + 1 };
    }
    result[key] = { label: pos(h), cell, inline: false };
  }
  return result;
}

/**
 * Rows of the indicator block: from the first data row down to the last row that belongs. A blank
 * row or a row holding neither indicator content nor a category ends the block, unless a merged
 * 一级/二级 cell of the block still spans it; a row with top-block labels (the next table) ends it.
 * Returns the last row that belongs (firstDataRow - 1 when none).
 */
function scanIndicatorRows(
  grid: CellGrid,
  index: LabelIndex,
  columns: HeaderColumn[],
  firstDataRow: number,
  limit: number,
): number {
  const byRole = new Map<ColumnRole, HeaderColumn>();
  for (const c of columns) if (c.role !== "ignore" && !byRole.has(c.role)) byRole.set(c.role, c);
  const content = CONTENT_ROLES.map((r) => byRole.get(r)).filter((c): c is HeaderColumn => !!c);
  const levels = [byRole.get("level1"), byRole.get("level2")].filter((c): c is HeaderColumn => !!c);
  let mergeBottom = -1;
  let last = firstDataRow - 1;
  for (let r = firstDataRow; r <= limit; r++) {
    if (isForeignRow(index, r)) break;
    for (const lc of levels) {
      const m = grid.mergeAt(r, lc.col);
      if (m && m.top >= firstDataRow) mergeBottom = Math.max(mergeBottom, m.bottom);
    }
    const inMerge = r <= mergeBottom;
    const hasContent = content.some((c) => spanText(grid, r, c) !== "");
    if (hasContent) {
      last = r;
      continue;
    }
    const levelTexts = levels.map((c) => spanText(grid, r, c)).filter((t) => t !== "");
    if (levelTexts.length > 0 && (inMerge || levelTexts.every(isCategoryLike))) {
      last = r;
      continue;
    }
    if (inMerge) {
      last = r;
      continue;
    }
    break;
  }
  return last;
}

function isCategoryLike(t: string): boolean {
  return (
    /指标$|^(产出|效益|满意度|成本|数量|质量|时效)/.test(t.replace(/\s+/g, "")) ||
    canonicalLevel1(t) !== null ||
    canonicalLevel2(t) !== null
  );
}

/** The text of a role column on a row: the first non-empty cell within the header's span. */
export function spanText(grid: CellGrid, r: number, c: HeaderColumn): string {
  for (let col = c.col; col <= c.right; col++) {
    const t = grid.text(r, col);
    if (t !== "") return t;
  }
  return "";
}

/** Index of the first element ≥ x in an ascending array. */
function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
