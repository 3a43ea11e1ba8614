/**
 * Inserting library entries into a table as new indicator rows: a pure plan of edits (insert whole
 * rows, then write the cells) that the pane applies as ONE applyEdits — and undoes as one change.
 *
 * Where: each entry goes to the END of its block, found from the table's indicator rows (categories
 * carried down) and entryCategoryFor(entry, table.form): after the last row of the 二级 block (the
 * last run of rows with the entry's 一级 and 二级); when the table has no such 二级, after the last row
 * of the 一级 block (the 二级 is written); when the 一级 is missing too, after the table's last
 * indicator row (一级 and 二级 written). Entries with the same insertion point go in together, in
 * category order; groups are planned bottom-up so every group's coordinates are the original ones.
 *
 * Merges. Excel's whole-row insert (Range.insert("Down")) extends a merged area only when the rows go
 * in strictly inside it (top < at ≤ bottom) and gives the new rows the format of the row above.
 * Inserting after the last row of a block therefore does NOT extend the 一级 cell merged over the
 * block. So, when a vertical merge that belongs to the block ends at its last row L (the merged 一级,
 * a merged 二级 of the same 二级, a merged 依据 …), the rows are inserted AT L ("shift" mode): the
 * merge grows over them, then row L's content is copied up into the first new row and the entries
 * are written below it — the block's old last row ends up first among the new ones' predecessors and
 * the entries really come last. The same trick keeps the rows inside a mapped table's named range
 * when the table ends at L (`opts.rangeBottom`). Otherwise ("natural" mode) the rows go in after L.
 *
 * Refused (nothing planned): a protected sheet; a table without the 三级 column; an entry whose
 * category has no place in the table's form (101's 社会成本 in an 88 table); a merge that the insert
 * would stretch over a cell the new row must write (a 三级/描述/指标值 merged down across the
 * insertion point, a 一级/二级 merged cell of another category) — writing there would break it.
 *
 * New rows carry no horizontal merges (Excel does not copy merges into inserted rows, and the port
 * has no merge edit): a 描述 merged over D:E in the other rows is written into D alone.
 */
import { canonicalLevel1, canonicalLevel2 } from "../forms/categories";
import { colToLetters, parseRange, toA1, type RangeBox } from "../grid/a1";
import type { CellGrid, CellValue } from "../grid/cellgrid";
import type { CellEdit, ColumnRole, IndicatorRow, ProjectTable } from "../model/schema";
import { entryCategoryFor, type LibraryEntry } from "./schema";
import { REVIEW_MARK, splitTypical } from "./suggest";

export type InsertValueMode = "empty" | "typical";

export interface InsertOptions {
  /** "empty" (default): the 指标值 is left for the user; "typical": the typical value + （待确认）. */
  value?: InsertValueMode;
  /** The table's sheet is protected: refuse. */
  protectedSheet?: boolean;
  /**
   * 0-based last row of a named range that must grow with the insert (a mapped table's block): an
   * insertion right after it is made inside it (shift mode) when merges allow.
   */
  rangeBottom?: number | null;
}

/** Structurally the port's Edit kinds (src/excel/port.ts) — core does not import the port. */
export type InsertEdit =
  | { kind: "insertRows"; sheet: string; row: number; count: number }
  | ({ kind: "value" } & CellEdit)
  | { kind: "numberFormat"; sheet: string; cell: string; numberFormat: string };

export interface InsertedRow {
  entryId: string;
  /** 0-based sheet row of the new indicator row once the whole plan is applied. */
  row: number;
  level1: string;
  level2: string;
  /** The 三级 cell of the new row (A1, final position). */
  cell: string;
}

export interface InsertGroup {
  /** 0-based last row of the block the rows follow (before the insert). */
  after: number;
  /** 1-based row the insertRows edit inserts before. */
  insertAt: number;
  count: number;
  mode: "natural" | "shift";
  /** What the rows extend: an existing 二级 block, a new 二级 at the end of the 一级 block, or a new 一级 at the table's end. */
  kind: "level2" | "newLevel2" | "newLevel1";
  /** Merged areas the insert extends over the new rows (A1, before the insert). */
  extended: string[];
  /** Merges of the block that end at its last row but could not be extended (a 二级 of another category lies in them). */
  notExtended: string[];
}

export type InsertRefusal = "protected" | "noEntries" | "noColumns" | "noCategory" | "merged";

export type InsertPlan =
  | { ok: true; sheet: string; edits: InsertEdit[]; rows: InsertedRow[]; groups: InsertGroup[]; count: number }
  | { ok: false; reason: InsertRefusal; detail: Record<string, string> };

const LEVEL1_ORDER = ["产出指标", "成本指标", "效益指标", "满意度指标"];
/** Columns whose cell a new row may share with the rows around it (through a merge). */
const SHAREABLE: ReadonlySet<ColumnRole | "none"> = new Set<ColumnRole | "none">(["basis", "weight", "direction", "ignore", "none"]);

type Kind = InsertGroup["kind"];

interface Target {
  entry: LibraryEntry;
  index: number;
  level1: string;
  level2: string;
  kind: Kind;
  /** 0-based row the entry follows. */
  after: number;
  /** First row of the 一级 run the entry joins (null for a new 一级). */
  runStart: number | null;
}

const a1Box = (b: RangeBox): string => (b.top === b.bottom && b.left === b.right ? toA1(b.top, b.left) : `${toA1(b.top, b.left)}:${toA1(b.bottom, b.right)}`);

/** Runs of consecutive indicator rows for which `same` holds between neighbours. */
function lastRun(rows: readonly IndicatorRow[], pick: (r: IndicatorRow) => boolean): { start: number; end: number } | null {
  let found: { start: number; end: number } | null = null;
  for (let i = 0; i < rows.length; i++) {
    if (!pick(rows[i])) continue;
    let j = i;
    while (j + 1 < rows.length && pick(rows[j + 1]) && rows[j + 1].row === rows[j].row + 1) j++;
    found = { start: rows[i].row, end: rows[j].row };
    i = j;
  }
  return found;
}

/** The table's own wording of a canonical category ("数量" where the table writes it so), else the canonical name. */
function wordingOf(rows: readonly IndicatorRow[], level: "level1" | "level2", canonical: string): string {
  for (const r of rows) if (!r[level].carried && r[level].canonical === canonical && r[level].raw) return r[level].raw!.trim();
  return canonical;
}

/** Does the table write the category on every row (not only on a block's first row / a merged cell)? */
function writesEveryRow(rows: readonly IndicatorRow[], level: "level1" | "level2"): boolean {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1][level];
    const b = rows[i][level];
    if (!b.carried && b.raw && a.canonical !== null && a.canonical === b.canonical) return true;
  }
  return false;
}

/**
 * The edits that insert `entries` as rows of `table` (see the module note). `grid` must cover the
 * table's rows and columns as they are now (values, number formats, merged areas).
 */
export function planInsertRows(table: ProjectTable, grid: CellGrid, entries: readonly LibraryEntry[], opts: InsertOptions = {}): InsertPlan {
  const sheet = table.sheet;
  if (opts.protectedSheet) return { ok: false, reason: "protected", detail: { sheet } };
  if (entries.length === 0) return { ok: false, reason: "noEntries", detail: {} };
  const colOf = new Map<ColumnRole, number>();
  for (const c of table.indicatorHeader.columns) if (!colOf.has(c.role)) colOf.set(c.role, c.col);
  const nameCol = colOf.get("name");
  if (nameCol === undefined) return { ok: false, reason: "noColumns", detail: { column: "三级指标" } };
  const range = parseRange(table.range);
  const left = range ? range.left : Math.min(...table.indicatorHeader.columns.map((c) => c.col));
  const right = range ? range.right : Math.max(...table.indicatorHeader.columns.map((c) => c.col));
  const roleAt = (col: number): ColumnRole | "none" => table.indicatorHeader.columns.find((c) => c.col === col)?.role ?? "none";
  const rows = [...table.indicators].sort((a, b) => a.row - b.row);
  const lastRow = rows.length ? rows[rows.length - 1].row : table.indicatorHeader.row;

  // ── where each entry goes ──
  const targets: Target[] = [];
  for (const [index, entry] of entries.entries()) {
    const cat = entryCategoryFor(entry, table.form);
    if (!cat) return { ok: false, reason: "noCategory", detail: { name: entry.name, level2: entry.level2, form: table.form } };
    const l1 = lastRun(rows, (r) => r.level1.canonical === cat.level1);
    if (!l1) {
      targets.push({ entry, index, ...cat, kind: "newLevel1", after: lastRow, runStart: null });
      continue;
    }
    const inL1 = rows.filter((r) => r.row >= l1.start && r.row <= l1.end);
    const l2 = lastRun(inL1, (r) => r.level2.canonical === cat.level2);
    targets.push({ entry, index, ...cat, kind: l2 ? "level2" : "newLevel2", after: l2 ? l2.end : l1.end, runStart: l1.start });
  }
  const KIND_RANK: Record<Kind, number> = { level2: 0, newLevel2: 1, newLevel1: 2 };
  const l1Rank = (l: string) => LEVEL1_ORDER.indexOf(l);
  const l2Rank = (t: Target) => {
    const order = ["数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标"];
    return order.indexOf(t.level2);
  };
  const byAnchor = new Map<number, Target[]>();
  for (const t of targets) byAnchor.set(t.after, [...(byAnchor.get(t.after) ?? []), t]);
  const anchors = [...byAnchor.keys()].sort((a, b) => b - a);

  const every1 = writesEveryRow(rows, "level1");
  const every2 = writesEveryRow(rows, "level2");
  const rowAt = new Map(rows.map((r) => [r.row, r]));
  const edits: InsertEdit[] = [];
  const groups: InsertGroup[] = [];
  const placed: { t: Target; offset: number; anchor: number }[] = [];

  for (const L of anchors) {
    const group = byAnchor.get(L)!.sort(
      (a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || l1Rank(a.level1) - l1Rank(b.level1) || l2Rank(a) - l2Rank(b) || a.index - b.index,
    );
    const n = group.length;
    const runStart = group[0].runStart;
    const kind = group[0].kind;
    // May a merge (in the table's columns) be stretched over the new rows?
    const shareable = (m: RangeBox): boolean => {
      const head = grid.text(m.top, m.left);
      for (let c = Math.max(m.left, left); c <= Math.min(m.right, right); c++) {
        const role = roleAt(c);
        if (SHAREABLE.has(role)) continue;
        if (role === "level1" && group.every((t) => canonicalLevel1(head) === t.level1)) continue;
        if (role === "level2" && group.every((t) => canonicalLevel2(head) === t.level2)) continue;
        return false;
      }
      return true;
    };
    const inCols = (m: RangeBox) => m.right >= left && m.left <= right;
    const crossing = grid.merges.filter((m) => inCols(m) && m.top <= L && m.bottom > L);
    const ending = grid.merges.filter((m) => inCols(m) && m.bottom === L && m.top < L);
    const bad = crossing.find((m) => !shareable(m));
    if (bad) return { ok: false, reason: "merged", detail: { range: a1Box(bad), sheet } };
    const wanted = ending.filter((m) => runStart !== null && m.top >= runStart && shareable(m));
    const unwanted = ending.filter((m) => !wanted.includes(m));
    const startsHere = crossing.some((m) => m.top === L);
    const wantsInside = wanted.length > 0 || (opts.rangeBottom !== undefined && opts.rangeBottom !== null && opts.rangeBottom === L);
    const mode: InsertGroup["mode"] = wantsInside && unwanted.length === 0 && !startsHere && rows.length > 0 ? "shift" : "natural";
    const extended = mode === "shift" ? [...crossing, ...ending] : crossing;
    const covered = new Set<number>();
    for (const m of extended) for (let c = m.left; c <= m.right; c++) covered.add(c);
    const insertAt0 = mode === "shift" ? L : L + 1;
    groups.push({
      after: L,
      insertAt: insertAt0 + 1,
      count: n,
      mode,
      kind,
      extended: extended.map(a1Box),
      notExtended: mode === "shift" ? [] : wanted.map(a1Box),
    });
    edits.push({ kind: "insertRows", sheet, row: insertAt0 + 1, count: n });
    const put = (row: number, col: number, value: CellValue) =>
      edits.push({ kind: "value", sheet, cell: toA1(row, col), value: value === null || value === "" ? null : typeof value === "boolean" ? String(value) : value });
    // Shift mode: the block's old last row (now at L + n) is copied up into the first new row.
    const firstEntryRow = L + 1;
    const reused = new Set<number>();
    if (mode === "shift") {
      for (let c = left; c <= right; c++) {
        if (covered.has(c) || grid.isMergedTail(L, c)) continue;
        const v = grid.value(L, c);
        if (v !== null && v !== "") {
          put(L, c, v);
          reused.add(c);
        }
        const nf = grid.format(L, c);
        const above = L - 1 >= grid.firstRow ? grid.format(L - 1, c) : null;
        if ((nf ?? "General") !== (above ?? "General")) edits.push({ kind: "numberFormat", sheet, cell: toA1(L, c), numberFormat: nf ?? "General" });
      }
    }
    const anchorRow = rowAt.get(L);
    let prev1 = anchorRow?.level1.canonical ?? null;
    let prev2 = anchorRow?.level2.canonical ?? null;
    group.forEach((t, k) => {
      const r = firstEntryRow + k;
      const cells = new Map<number, CellValue>();
      const c1 = colOf.get("level1");
      if (c1 !== undefined && (t.level1 !== prev1 || every1)) cells.set(c1, wordingOf(rows, "level1", t.level1));
      const c2 = colOf.get("level2");
      if (c2 !== undefined && (t.level2 !== prev2 || t.level1 !== prev1 || every2)) cells.set(c2, wordingOf(rows, "level2", t.level2));
      prev1 = t.level1;
      prev2 = t.level2;
      cells.set(nameCol, t.entry.name);
      const cd = colOf.get("description");
      if (cd !== undefined) cells.set(cd, t.entry.definition);
      const cv = colOf.get("value");
      const co = colOf.get("op");
      const cu = colOf.get("unit");
      if (cu !== undefined && t.entry.unit) cells.set(cu, t.entry.unit);
      if (opts.value === "typical" && t.entry.typical && cv !== undefined) {
        if (co !== undefined || cu !== undefined) {
          const p = splitTypical(t.entry.typical, t.entry.unit);
          if (co !== undefined) cells.set(co, p.op);
          cells.set(cv, `${cu !== undefined ? p.value : p.value + p.unit}${REVIEW_MARK}`);
        } else cells.set(cv, `${t.entry.typical}${REVIEW_MARK}`);
      }
      const cdir = colOf.get("direction");
      if (cdir !== undefined) cells.set(cdir, t.entry.direction);
      // The last row of a shifted group is the old last row: clear what it held.
      const clearing = mode === "shift" && k === n - 1;
      for (let c = left; c <= right; c++) {
        if (covered.has(c)) continue;
        const v = cells.get(c);
        if (v !== undefined && v !== null && v !== "") put(r, c, v);
        else if (clearing && reused.has(c)) put(r, c, null);
      }
      placed.push({ t, offset: k, anchor: L });
    });
  }

  // Final rows: an entry moves down by every group inserted above its own (a smaller anchor).
  const out: InsertedRow[] = placed
    .map(({ t, offset, anchor }) => {
      const above = groups.filter((g) => g.after < anchor).reduce((s, g) => s + g.count, 0);
      const row = anchor + 1 + offset + above;
      return { entryId: t.entry.id, row, level1: t.level1, level2: t.level2, cell: `${colToLetters(nameCol)}${row + 1}` };
    })
    .sort((a, b) => a.row - b.row);
  return { ok: true, sheet, edits, rows: out, groups: groups.slice().reverse(), count: entries.length };
}
