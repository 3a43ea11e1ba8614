/**
 * Finds every 绩效目标表 on a sheet by its labels, at any offset. One pass indexes the label cells;
 * each indicator header row (一级/二级/三级 + 指标值) is the spine of one table; its top block is read
 * from the label cells between the previous table and the header, its indicator block from the rows
 * below the header until a blank or foreign row.
 */
import { canonicalLevel1, canonicalLevel2 } from "../forms/categories";
import type { CellGrid, CellValue } from "../grid/cellgrid";
import type { ColumnRole, MoneyUnit, PlanKey } from "../model/schema";
import { PLAN_KEYS } from "../model/plan-keys";
import { moneyUnitOfLabel, parseMoney } from "../value/numbers";
import { LabelCache, columnRolesFromHeader, headerRole, isScoringHeader, type FieldKind, type LabelInfo } from "./labels";
import type { HeaderColumn, Part, PlanLayout, Pos, TableLayout } from "./types";
import { EMPTY_PART } from "./empty-part";

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

/** Labels that open a top block: met again above, they belong to an earlier table. */
const REPEAT_ENDS = new Set<FieldKind>(["title", "projectName", "projectCode"]);

/**
 * One budget line: a 年度/当年 total over a 中期/项目 one printed beside it, and the 财政/其他 parts
 * in the chosen total's column (xj 项目资金总额 | 年度资金申请总额, 中期资金总额 | 年度资金总额).
 */
function chooseBudgetLabels(fields: Map<FieldKind, Hit>, hits: Hit[]): void {
  const totals = hits.filter((h) => h.info.field === "budgetTotal");
  if (totals.length < 2) return;
  const rank = (h: Hit) => (MULTI_YEAR.test(h.text) ? 2 : ANNUAL.test(h.text) ? 0 : 1);
  const total = [...totals].sort((a, b) => rank(a) - rank(b) || a.row - b.row)[0];
  fields.set("budgetTotal", total);
  // A numbered total under the total ("资金总额: 250" over "一、预算资金:250 / 二、自有资金:0") is the
  // first source of the list: the fiscal part.
  const first = totals.find((h) => h !== total && h.col === total.col && h.row > total.row && /^\s*(?:一|1)\s*[、.．]/.test(h.text));
  if (first && !fields.has("budgetFiscal")) fields.set("budgetFiscal", { ...first, info: { ...first.info, field: "budgetFiscal" } });
  for (const kind of ["budgetFiscal", "budgetOther"] as const) {
    const same = hits.filter((h) => h.info.field === kind && h.col === total.col && h.row > total.row);
    if (same.length > 0) fields.set(kind, same.reduce((a, b) => (b.row < a.row ? b : a)));
  }
}

/**
 * The 绩效目标: the 年度 goal over a generic one (总体目标, 绩效目标) over a 中期/长期 one. A row label
 * (the block's left column) has its text to the right; a heading inside the block (预期目标,
 * 年度目标 over its text) has it below.
 */
function goalPart(
  grid: CellGrid,
  hits: Hit[],
  left: number,
  headerRow: number,
  valueRight: (h: Hit) => Pos | null,
  isLabelAt: (r: number, c: number) => boolean,
): Part {
  if (hits.length === 0) return EMPTY_PART;
  const rank = (h: Hit) => (h.info.field === "goalMid" ? 2 : /年度|当年|本年|预期|年初/.test(h.text) ? 0 : 1);
  const ordered = [...hits].sort((a, b) => rank(a) - rank(b) || a.row - b.row || a.col - b.col);
  const below = (h: Hit): Pos | null => {
    const r = (grid.mergeAt(h.row, h.col)?.bottom ?? h.row) + 1;
    if (r >= headerRow || grid.isEmpty(r, h.col) || grid.isMergedTail(r, h.col) || isLabelAt(r, h.col)) return null;
    return { row: r, col: h.col };
  };
  for (const h of ordered) {
    const cell = h.col <= left ? valueRight(h) : (below(h) ?? valueRight(h));
    if (cell) return { label: pos(h), cell, inline: h.info.inline !== null };
  }
  const h = ordered[0];
  return { label: pos(h), cell: { row: h.row, col: grid.spanRight(h.row, h.col) + 1 }, inline: false };
}

/** Labels that always start a table's top block. */
const STRONG_FIELDS = new Set<FieldKind>(["title", "projectName", "projectCode", "unitName", "moneyUnit"]);

/** Roles an indicator header must have; 二级 is optional (some forms print no 二级 column). */
const REQUIRED_ROLES: ColumnRole[] = ["level1", "name", "value"];
/** Columns that, besides 三级 and 指标值, make a flat indicator list without a 一级 column. */
const LIST_ROLES: ColumnRole[] = ["level2", "op", "unit", "weight", "description", "basis", "direction"];
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
    if (roleCount < 3) continue;
    const columns = refineHeader(grid, index, r, headerColumns(grid, r));
    if (isIndicatorHeader(columns)) headers.push({ row: r, columns });
  }
  dropStackedMidTerm(grid, index, headers);

  const layouts: TableLayout[] = [];
  let bandTop = grid.firstRow;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const limit = i + 1 < headers.length ? headers[i + 1].row - 1 : grid.lastRow;
    const list = listFields(index, h.row);
    if (list) {
      const parts = listLayouts(grid, index, h, list, bandTop, limit);
      layouts.push(...parts);
      bandTop = Math.max(h.row, ...parts.map((p) => p.lastDataRow)) + 1;
      continue;
    }
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

/**
 * An indicator header: 一级 + 三级 + 指标值, or a flat list (no 一级 column) with 三级 + 指标值 and at
 * least two more indicator columns (权重, 计量单位, 指标性质 …).
 */
function isIndicatorHeader(columns: HeaderColumn[]): boolean {
  const roles = new Set(columns.map((c) => c.role));
  if (REQUIRED_ROLES.every((role) => roles.has(role))) return true;
  return roles.has("name") && roles.has("value") && LIST_ROLES.filter((r) => roles.has(r)).length >= 2;
}

const ANNUAL = /年度|当年|本年|全年/;
const MULTI_YEAR = /中期|长期|实施期|半年|上年|以前/;
const OP_TEXT = /^\s*(?:[<>＜＞≤≥≦≧=＝═]{1,2}|[><]=|=[<>])\s*$/;
const DIRECTION_TEXT = /^\s*(?:正向|反向|定性|定量|中性)(?:指标)?\s*$/;
/** A scoring rule, not a basis: 扣分 / 得分 / 计分 / 满分 / 酌情 (未达指标值酌情扣分, 完成得满分). */
const SCORING_TEXT = /扣分|扣\d|得分|计分|满分|不得分|酌情/;

/**
 * Reads the header as the form means it, from its labels and the rows around it:
 * - a second header row under a merged header cell (预期指标值 over 符号 | 值 | 单位) splits that column;
 * - 中期/长期 and 年度 column sets side by side: the 年度 set is read (by its labels, or by the
 *   中期目标 / 年度目标 heading above its columns);
 * - no 指标值 label: the first labelled column right of the 三级 column that has no role (one value
 *   column per recipient) is the value;
 * - no 三级 column: 指标内容 (read as a description) is the 三级 name; a 三级 column holding only
 *   二级 categories with an 指标说明 column after it (评价内容 / 指标名称 / 指标说明 forms) shifts right;
 * - 指标性质 holding 正向/反向 and 指标方向 holding ≥/≤: the operator is the direction column;
 * - a scoring-rule column (评(扣)分标准) whose cells are scoring rules is not read as the 依据.
 */
function refineHeader(grid: CellGrid, index: LabelIndex, row: number, columns: HeaderColumn[]): HeaderColumn[] {
  let cols = splitSubHeader(grid, row, columns);
  cols = chooseAnnualSet(grid, index, row, cols);
  const byRole = (role: ColumnRole) => cols.find((c) => c.role === role);
  const dataTop = row + 1;
  const sample = (c: HeaderColumn | undefined): string[] => {
    if (!c) return [];
    const out: string[] = [];
    for (let r = dataTop; r <= Math.min(grid.lastRow, dataTop + 12); r++) {
      const t = spanText(grid, r, c);
      if (t !== "") out.push(t);
    }
    return out;
  };
  const name = byRole("name");
  if (!byRole("value") && name && byRole("level1")) {
    const v = cols.find((c) => c.role === "ignore" && c.col > name.col && !isCategoryLike(c.label));
    if (v) cols = cols.map((c) => (c === v ? { ...c, role: "value" } : c));
  }
  // A scoring-rule column (评(扣)分标准) read as the 依据 whose cells are scoring rules ("未达指标值酌情扣分",
  // "每少1人扣1分") is no basis: it is not read, so that basis-weak does not judge a scoring rule.
  const basis = byRole("basis");
  if (basis && isScoringHeader(basis.label)) {
    const texts = sample(basis);
    if (texts.length > 0 && texts.filter((t) => SCORING_TEXT.test(t)).length * 2 > texts.length)
      cols = cols.map((c) => (c === basis ? { ...c, role: "ignore" } : c));
  }
  const desc = byRole("description");
  if (!name && desc) cols = cols.map((c) => (c === desc ? { ...c, role: "name" } : c));
  else if (name && desc && !byRole("level2") && desc.col > name.col) {
    const texts = sample(name);
    if (texts.length > 0 && texts.every((t) => canonicalLevel2(t) !== null || isCategoryLike(t)))
      cols = cols.map((c) => (c === name ? { ...c, role: "level2" } : c === desc ? { ...c, role: "name" } : c));
  }
  const op = byRole("op");
  const dir = byRole("direction");
  if (dir) {
    const dirTexts = sample(dir);
    const opTexts = sample(op);
    const dirIsOp = dirTexts.length > 0 && dirTexts.every((t) => OP_TEXT.test(t) || /^是\/?否$/.test(t));
    if (dirIsOp && (!op || opTexts.every((t) => DIRECTION_TEXT.test(t))))
      cols = cols.map((c) => (c === dir ? { ...c, role: "op" } : c === op ? { ...c, role: "direction" } : c));
  }
  return cols;
}

/** A merged header cell with labels on the row below (预期指标值 over 符号 | 值 | 单位(文字描述)) is split into those columns. */
function splitSubHeader(grid: CellGrid, row: number, columns: HeaderColumn[]): HeaderColumn[] {
  const sub = row + 1;
  if (sub > grid.lastRow) return columns;
  const out: HeaderColumn[] = [];
  let split = false;
  for (const c of columns) {
    if (c.right === c.col || c.role === "ignore") {
      out.push(c);
      continue;
    }
    const parts: HeaderColumn[] = [];
    let labelled = 0;
    for (let col = c.col; col <= c.right; col++) {
      const t = grid.text(sub, col);
      const role = t === "" ? null : headerRole(t);
      if (role) labelled++;
      parts.push({ col, right: col, role: role ?? c.role, label: t === "" ? c.label : t });
    }
    if (labelled === 0) {
      out.push(c);
      continue;
    }
    // The parent's own role goes to the first unlabelled part (符号 | [value] | 单位).
    const seen = new Set(parts.filter((p) => p.label !== c.label).map((p) => p.role));
    let given = seen.has(c.role);
    for (const p of parts) {
      if (p.label === c.label) {
        p.role = given ? "ignore" : c.role;
        given = true;
      }
    }
    out.push(...parts);
    split = true;
  }
  if (!split) return columns;
  const roles = columnRolesFromHeader(out.map((c) => (c.role === "ignore" ? "" : c.label)));
  // Roles read from the labels, except the parts that inherited their parent's role.
  return out.map((c, i) => ({ ...c, role: headerRole(c.label) === null ? c.role : roles[i] }));
}

/** Period of a header column: from its own label, else from a heading above it (中期目标 / 年度目标). */
function columnPeriod(grid: CellGrid, index: LabelIndex, row: number, c: HeaderColumn): "annual" | "multi" | null {
  const own = c.label.replace(/\s+/g, "");
  if (MULTI_YEAR.test(own)) return "multi";
  if (ANNUAL.test(own)) return "annual";
  for (let r = row - 1; r >= Math.max(grid.firstRow, row - 8); r--) {
    if (!index.byRow.has(r)) continue;
    const m = grid.mergeAt(r, c.col);
    const t = (m ? grid.text(m.top, m.left) : grid.text(r, c.col)).replace(/\s+/g, "");
    if (t === "") continue;
    if (MULTI_YEAR.test(t) && /目标|指标|资金/.test(t)) return "multi";
    if (ANNUAL.test(t) && /目标|指标|资金/.test(t)) return "annual";
  }
  return null;
}

/** Side-by-side 中期 and 年度 column sets (二级/三级/指标值 twice): the 年度 set keeps the roles. */
function chooseAnnualSet(grid: CellGrid, index: LabelIndex, row: number, columns: HeaderColumn[]): HeaderColumn[] {
  const raw = columns.map((c) => headerRole(c.label));
  const repeated = new Set(raw.filter((r, i) => r !== null && r !== "ignore" && raw.indexOf(r) !== i));
  if (repeated.size === 0) return columns;
  const period = columns.map((c, i) => (raw[i] && repeated.has(raw[i]) ? columnPeriod(grid, index, row, c) : null));
  if (!period.includes("annual")) return columns;
  const labels = columns.map((c, i) => (raw[i] && repeated.has(raw[i]) && period[i] !== "annual" ? "" : c.label));
  const roles = columnRolesFromHeader(labels);
  return columns.map((c, i) => ({ ...c, role: roles[i] }));
}

/**
 * A 长期/中期 indicator block stacked above the 年度 block of the same table (长期绩效指标 then
 * 年度绩效指标, no top-block label between): only the 年度 block is read.
 */
function dropStackedMidTerm(grid: CellGrid, index: LabelIndex, headers: { row: number; columns: HeaderColumn[] }[]): void {
  const caption = (h: { row: number; columns: HeaderColumn[] }) => {
    const first = h.columns[0];
    const m = grid.mergeAt(h.row, first.col);
    return first.role === "ignore" ? (m ? grid.text(m.top, m.left) : first.label).replace(/\s+/g, "") : "";
  };
  for (let i = headers.length - 2; i >= 0; i--) {
    const a = caption(headers[i]);
    const b = caption(headers[i + 1]);
    if (!MULTI_YEAR.test(a) || !ANNUAL.test(b)) continue;
    let foreign = false;
    for (let r = headers[i].row + 1; r < headers[i + 1].row && !foreign; r++) {
      foreign = (index.byRow.get(r) ?? []).some((h) => h.info.field !== null && STRONG_FIELDS.has(h.info.field));
    }
    if (!foreign) headers.splice(i, 1);
  }
}

type ListFields = Partial<Record<"projectName" | "budgetTotal" | "goal" | "unitName", Hit>>;

/** 项目名称 (and 预算数 / 年度目标 / 单位名称) printed as columns of the indicator header: one row per indicator, a project per block. */
function listFields(index: LabelIndex, headerRow: number): ListFields | null {
  const out: ListFields = {};
  for (const h of index.byRow.get(headerRow) ?? []) {
    const f = h.info.field;
    if ((f === "projectName" || f === "budgetTotal" || f === "goal" || f === "unitName") && !out[f]) out[f] = h;
  }
  return out.projectName ? out : null;
}

/**
 * A one-row-per-indicator list (一体化 exports): each project starts at a row whose 项目名称 cell is
 * filled (merged down over its indicator rows) and is one table, with its 预算数 and 年度目标 on that row.
 */
function listLayouts(
  grid: CellGrid,
  index: LabelIndex,
  h: { row: number; columns: HeaderColumn[] },
  list: ListFields,
  bandTop: number,
  limit: number,
): TableLayout[] {
  const nameHit = list.projectName!;
  const starts: number[] = [];
  for (let r = h.row + 1; r <= limit; r++) if (!grid.isMergedTail(r, nameHit.col) && !grid.isEmpty(r, nameHit.col)) starts.push(r);
  const out: TableLayout[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = Math.min(limit, i + 1 < starts.length ? starts[i + 1] - 1 : limit);
    const base = buildLayout(grid, index, h.row, h.columns, bandTop, end, start);
    if (base.lastDataRow < start) continue;
    const at = (hit: Hit | undefined, r: number): Part => (hit ? { label: pos(hit), cell: { row: r, col: hit.col }, inline: false } : EMPTY_PART);
    let unitRow = start;
    if (list.unitName) {
      const m = grid.mergeAt(start, list.unitName.col);
      unitRow = m ? m.top : start;
    }
    out.push({
      ...base,
      range: { ...base.range, top: i === 0 ? base.range.top : start },
      projectName: at(nameHit, start),
      budgetTotal: at(list.budgetTotal, start),
      budgetFiscal: EMPTY_PART,
      budgetOther: EMPTY_PART,
      goal: at(list.goal, start),
      unitName: list.unitName ? at(list.unitName, unitRow) : base.unitName,
    });
  }
  return out;
}

function buildLayout(
  grid: CellGrid,
  index: LabelIndex,
  headerRow: number,
  columns: HeaderColumn[],
  bandTop: number,
  limit: number,
  /** first indicator row when it is not right under the header (a project of a list) */
  dataFrom?: number,
): TableLayout {
  // ---- the top block: nearest label of each kind above the header, stopping at a repeated kind ----
  const fields = new Map<FieldKind, Hit>();
  const planHits: Hit[] = [];
  /** Every goal and budget label of the block (中期 and 年度 pairs, sub-headings): chosen below. */
  const goalHits: Hit[] = [];
  const budgetHits: Hit[] = [];
  const lo = lowerBound(index.rows, bandTop);
  const hi = lowerBound(index.rows, headerRow);
  for (let i = hi - 1; i >= lo; i--) {
    const hits = index.byRow.get(index.rows[i])!;
    // A block-opening kind already taken from a lower row means this row belongs to an earlier block.
    if (hits.some((h) => h.info.field && REPEAT_ENDS.has(h.info.field) && fields.has(h.info.field))) break;
    for (const h of hits) {
      const f = h.info.field;
      if (f) {
        if (!fields.has(f)) fields.set(f, h);
        if (f === "goal" || f === "goalMid") goalHits.push(h);
        if (f === "budgetTotal" || f === "budgetFiscal" || f === "budgetOther") budgetHits.push(h);
      } else if (h.info.plan) planHits.push(h);
    }
  }
  chooseBudgetLabels(fields, budgetHits);
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

  /** The value of a label, or null when the cells right of it are blank or labels. */
  const valueRight = (h: Hit): Pos | null => {
    if (h.info.inline !== null) return pos(h);
    for (let c = grid.spanRight(h.row, h.col) + 1; c <= right; c++) {
      if (grid.isMergedTail(h.row, c) || grid.isEmpty(h.row, c)) continue;
      return isLabelAt(h.row, c) ? null : { row: h.row, col: c };
    }
    return null;
  };

  /**
   * A budget label's amount. A column caption right of it ("年度资金总额 | 金额(万元)" over the source
   * rows) or a subtotal word ("财政拨款 | 小计 | 80") is no amount: the amount after it on the row, else
   * the form prints no amount there (no value cell).
   */
  const moneyRightOf = (h: Hit | undefined): Part => {
    const part = rightOf(h);
    if (!h || part.inline) return part;
    const none: Part = { label: part.label, cell: null, inline: false };
    let caption = false;
    for (let c = grid.spanRight(h.row, h.col) + 1; c <= right; c++) {
      if (grid.isMergedTail(h.row, c) || grid.isEmpty(h.row, c)) continue;
      if (isMoneyCaption(grid.text(h.row, c)) || SUBTOTAL_WORD.test(grid.text(h.row, c).trim())) caption = true;
      else if (!caption) return part;
      else return parseMoney(grid.value(h.row, c)).amount !== null ? { label: part.label, cell: { row: h.row, col: c }, inline: false } : none;
    }
    return caption ? none : part;
  };
  const budgetTotal = moneyRightOf(fields.get("budgetTotal"));
  const budgetFiscal = moneyRightOf(fields.get("budgetFiscal"));
  const budgetOther = moneyRightOf(fields.get("budgetOther"));

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
    for (const kind of ["budgetTotal", "budgetFiscal", "budgetOther", "budgetBlock", "moneyBlock"] as const) {
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
        const u = parseMoney(moneyText(grid, part)).unit;
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
  let firstDataRow = columns.reduce((m, c) => {
    if (c.role === "ignore") return m;
    const merge = grid.mergeAt(headerRow, c.col);
    return Math.max(m, (merge ? merge.bottom : headerRow) + 1);
  }, headerRow + 1);
  // A second header row (符号 | 单位 under 预期指标值) holds labels and no 三级 name.
  const nameCol = columns.find((c) => c.role === "name");
  if (firstDataRow === headerRow + 1 && index.byRow.get(firstDataRow)?.some((h) => h.info.role !== null) && nameCol && spanText(grid, firstDataRow, nameCol) === "")
    firstDataRow++;
  if (dataFrom !== undefined) firstDataRow = dataFrom;
  const lastDataRow = scanIndicatorRows(grid, index, columns, firstDataRow, limit);

  const projectCode = rightOf(fields.get("projectCode"));
  const projectName = rightOf(fields.get("projectName"));
  const goal = goalPart(grid, goalHits, headerLeft, headerRow, valueRight, isLabelAt);

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

/** A subtotal word printed between a source label and its amount. */
const SUBTOTAL_WORD = /^(?:小计|合计|总计|共计)$/;

/** A column caption naming a money unit and no amount: "金额(万元)", "（元）", "单位：万元". */
function isMoneyCaption(text: string): boolean {
  return text !== "" && !/\d/.test(text) && moneyUnitOfLabel(text) !== null;
}

/** The amount text of a budget part: the cell's value, or the text after "：" of an inline label ("资金总额：250"). */
export function moneyText(grid: CellGrid, part: Part): CellValue {
  if (!part.cell) return null;
  const v = grid.value(part.cell.row, part.cell.col);
  return part.inline && typeof v === "string" ? LABELS.get(v).inline : v;
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
  const nameCol = byRole.get("name");
  const firstLevel = levels.length > 0 ? Math.min(...levels.map((c) => c.col)) : null;
  for (let r = firstDataRow; r <= limit; r++) {
    if (isForeignRow(index, r)) break;
    // A footer (盖章 / 注 lines) is one cell merged across the 一级/二级 and 三级 columns.
    if (nameCol && firstLevel !== null) {
      const m = grid.mergeAt(r, firstLevel);
      if (m && m.top === r && m.right >= nameCol.col) break;
    }
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
