/**
 * Reads a detected (or user-mapped) TableLayout into the ProjectTable model. Every field keeps the
 * A1 address of the cell it came from; 一级/二级 blank on continuation rows or merged vertically are
 * carried down (and marked `carried`, with the cell where the text is written).
 */
import type { CellGrid } from "../grid/cellgrid";
import { toA1 } from "../grid/a1";
import { canonicalLevel1, canonicalLevel2, inferForm } from "../forms/categories";
import type {
  CategoryField,
  ColumnRole,
  IndicatorRow,
  MoneyUnit,
  NumberField,
  Plan,
  ProjectTable,
  TextField,
} from "../model/schema";
import { PLAN_KEYS } from "../model/schema";
import { convertMoney, parseMoney, parsePercentCell, parsePlainNumber } from "../value/numbers";
import { joinSplitValue, parseValue } from "../value/parse";
import { classifyLabel } from "./labels";
import type { HeaderColumn, Part, Pos, TableLayout } from "./types";

export function parseTable(grid: CellGrid, layout: TableLayout): ProjectTable {
  const addr = (p: Pos | null): string | null => (p ? toA1(p.row, p.col) : null);

  const text = (part: Part): TextField => {
    if (!part.cell) return { value: null, cell: null };
    let t = grid.text(part.cell.row, part.cell.col);
    if (part.inline) t = classifyLabel(t).inline ?? "";
    return { value: t === "" ? null : t, cell: addr(part.cell) };
  };

  // Money unit: the layout's, else one written in a budget value ("250万").
  let moneyUnit: MoneyUnit | null = layout.moneyUnit;
  let moneyUnitCell = addr(layout.moneyUnitCell);
  if (!moneyUnit) {
    for (const part of [layout.budgetTotal, layout.budgetFiscal, layout.budgetOther]) {
      if (!part.cell) continue;
      const u = parseMoney(grid.value(part.cell.row, part.cell.col)).unit;
      if (u) {
        moneyUnit = u;
        moneyUnitCell = addr(part.cell);
        break;
      }
    }
  }
  const money = (part: Part): NumberField => {
    if (!part.cell) return { value: null, raw: null, cell: null };
    const raw = grid.text(part.cell.row, part.cell.col);
    const { amount, unit } = parseMoney(grid.value(part.cell.row, part.cell.col));
    const value = amount !== null && unit && moneyUnit && unit !== moneyUnit ? convertMoney(amount, unit, moneyUnit) : amount;
    return { value, raw: raw === "" ? null : raw, cell: addr(part.cell) };
  };

  const title = text(layout.title);
  const projectName = text(layout.projectName);
  const purpose = text(layout.purpose);
  const goal = text(layout.goal);

  return {
    sheet: layout.sheet,
    range: rangeA1(layout.range),
    title,
    unitName: text(layout.unitName),
    projectCode: text(layout.projectCode),
    projectName,
    moneyUnit,
    moneyUnitCell,
    budget: { total: money(layout.budgetTotal), fiscal: money(layout.budgetFiscal), other: money(layout.budgetOther) },
    purpose,
    plan: readPlan(grid, layout),
    crossYear: /跨年|结转/.test(`${title.value ?? ""}${projectName.value ?? ""}${purpose.value ?? ""}`),
    goal,
    goals: splitGoalLines(goal.value ?? "").map((t) => ({ text: t, cell: goal.cell })),
    ...formAndIndicators(grid, layout),
    indicatorHeader: {
      row: layout.indicatorHeader.row,
      columns: layout.indicatorHeader.columns.map((c) => ({ col: c.col, role: c.role, label: c.label })),
    },
  };
}

function rangeA1(b: { top: number; left: number; bottom: number; right: number }): string {
  const a = toA1(b.top, b.left);
  const z = toA1(b.bottom, b.right);
  return a === z ? a : `${a}:${z}`;
}

function readPlan(grid: CellGrid, layout: TableLayout): Plan | null {
  if (!layout.plan) return null;
  const p = layout.plan;
  const cells = PLAN_KEYS.map((k) => p[k].cell);
  // Fractions typed without a percent format (0.5, 1) are read as percentages when all are ≤ 1.
  const typed = cells.map((c) => (c ? grid.value(c.row, c.col) : null));
  const bare = typed.map((v, i) => typeof v === "number" && !(grid.format(cells[i]!.row, cells[i]!.col) ?? "").includes("%"));
  const fractions =
    bare.some(Boolean) && typed.every((v, i) => !bare[i] || ((v as number) >= 0 && (v as number) <= 1)) &&
    typed.some((v, i) => bare[i] && (v as number) > 0);
  const out = {} as Plan;
  PLAN_KEYS.forEach((k, i) => {
    const c = cells[i];
    if (!c) {
      out[k] = { value: null, raw: null, cell: null };
      return;
    }
    const v = typed[i];
    let value = parsePercentCell(v, grid.format(c.row, c.col));
    if (value !== null && bare[i] && fractions) value = Math.round(value * 100 * 1e6) / 1e6;
    const raw = grid.text(c.row, c.col);
    out[k] = { value, raw: raw === "" ? null : raw, cell: toA1(c.row, c.col) };
  });
  return out;
}

const NUMBERING = /(?:^|(?<=[\s。；;，,！!？?：:]))(?:[（(](\d{1,2})[)）]|(\d{1,2})[.、．)）](?!\d)|([一二三四五六七八九十])[、.．])/g;
const CN_DIGITS = "一二三四五六七八九十";

/**
 * The lines of a 绩效目标 cell: split on newlines, and a single line holding "1.… 2.…", "1、…2、…",
 * "（1）…（2）…" or "一、…二、…" numbering is split before each number when they run 1, 2, 3 ….
 */
export function splitGoalLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const t = line.trim();
    if (t === "") continue;
    const marks: { at: number; n: number }[] = [];
    for (const m of t.matchAll(NUMBERING)) {
      const digits = m[1] ?? m[2];
      const n = digits !== undefined ? Number(digits) : CN_DIGITS.indexOf(m[3]) + 1;
      marks.push({ at: m.index ?? 0, n });
    }
    // Keep the longest run 1, 2, 3 … starting at 1.
    const run: number[] = [];
    for (const mk of marks) if (mk.n === run.length + 1) run.push(mk.at);
    if (run.length < 2) {
      out.push(t);
      continue;
    }
    const cuts = run[0] === 0 ? run : [0, ...run];
    for (let i = 0; i < cuts.length; i++) {
      const piece = t
        .slice(cuts[i], cuts[i + 1] ?? t.length)
        .trim()
        .replace(/[；;，,]$/, "")
        .trim();
      if (piece) out.push(piece);
    }
  }
  return out;
}

function formAndIndicators(
  grid: CellGrid,
  layout: TableLayout,
): Pick<ProjectTable, "form" | "formReason" | "indicators"> {
  const byRole = new Map<ColumnRole, HeaderColumn>();
  for (const c of layout.indicatorHeader.columns) if (c.role !== "ignore" && !byRole.has(c.role)) byRole.set(c.role, c);
  const col = (role: ColumnRole) => byRole.get(role);

  /** Text of a role column and the cell it was read from (first non-empty cell in the header's span). */
  const read = (r: number, c: HeaderColumn | undefined): { text: string; pos: Pos | null } => {
    if (!c) return { text: "", pos: null };
    for (let cc = c.col; cc <= c.right; cc++) {
      if (grid.isMergedTail(r, cc)) continue;
      const t = grid.text(r, cc);
      if (t !== "") return { text: t, pos: { row: r, col: cc } };
    }
    return { text: "", pos: { row: r, col: c.col } };
  };
  const a1 = (p: Pos | null) => (p ? toA1(p.row, p.col) : null);
  const textField = (r: number, c: HeaderColumn | undefined): TextField => {
    const x = read(r, c);
    return { value: x.text === "" ? null : x.text, cell: a1(x.pos) };
  };

  const firstData = layout.firstDataRow;
  /** A level cell: written, a merged tail (value from its anchor), or blank. */
  const level = (r: number, c: HeaderColumn | undefined): { raw: string | null; cell: string | null; tail: boolean } => {
    if (!c) return { raw: null, cell: null, tail: false };
    const m = grid.mergeAt(r, c.col);
    if (m && (m.top !== r || m.left !== c.col) && m.top >= firstData) {
      const t = grid.text(m.top, m.left);
      return { raw: t === "" ? null : t, cell: toA1(m.top, m.left), tail: true };
    }
    const x = read(r, c);
    return { raw: x.text === "" ? null : x.text, cell: a1(x.pos), tail: false };
  };

  const l1col = col("level1");
  const l2col = col("level2");
  const contentCols = (["name", "value", "op", "unit"] as const).map(col);
  let prev1: CategoryField | null = null;
  let prev2: CategoryField | null = null;
  const indicators: IndicatorRow[] = [];

  for (let r = firstData; r <= layout.lastDataRow; r++) {
    const w1 = level(r, l1col);
    let l1: CategoryField;
    if (w1.tail) l1 = { raw: w1.raw, canonical: canonicalLevel1(w1.raw), cell: w1.cell, carried: true };
    else if (w1.raw !== null) l1 = { raw: w1.raw, canonical: canonicalLevel1(w1.raw), cell: w1.cell, carried: false };
    else if (prev1 && prev1.raw !== null) l1 = { ...prev1, carried: true };
    else l1 = { raw: null, canonical: null, cell: w1.cell, carried: false };

    const w2 = level(r, l2col);
    let l2: CategoryField;
    if (w2.tail) l2 = { raw: w2.raw, canonical: canonicalLevel2(w2.raw), cell: w2.cell, carried: true };
    else if (w2.raw !== null) l2 = { raw: w2.raw, canonical: canonicalLevel2(w2.raw), cell: w2.cell, carried: false };
    else if (prev2 && prev2.raw !== null && (l1.carried || !l1col)) l2 = { ...prev2, carried: true };
    else l2 = { raw: null, canonical: null, cell: w2.cell, carried: false };

    prev1 = l1;
    prev2 = l2;
    if (!contentCols.some((c) => read(r, c).text !== "")) continue;

    const valueCol = col("value");
    const opCol = col("op");
    const unitCol = col("unit");
    const vx = read(r, valueCol);
    let raw = vx.text;
    let opCell: string | null = null;
    let unitCell: string | null = null;
    if (opCol || unitCol) {
      const ox = read(r, opCol);
      const ux = read(r, unitCol);
      opCell = a1(ox.pos);
      unitCell = a1(ux.pos);
      let v: string | number | null = vx.text === "" ? null : vx.text;
      if (vx.pos) {
        const typed = grid.value(vx.pos.row, vx.pos.col);
        if (typeof typed === "number" && !(grid.format(vx.pos.row, vx.pos.col) ?? "").includes("%")) v = typed;
      }
      raw = ox.text === "" && v === null && ux.text === "" ? "" : joinSplitValue(ox.text || null, v, ux.text || null);
    }
    const parsed = parseValue(raw);

    let weight: NumberField | null = null;
    const wc = col("weight");
    if (wc) {
      const wx = read(r, wc);
      let wv: number | null = null;
      if (wx.pos) {
        const typed = grid.value(wx.pos.row, wx.pos.col);
        wv =
          typeof typed === "number"
            ? parsePercentCell(typed, grid.format(wx.pos.row, wx.pos.col))
            : (parsePercentCell(wx.text, null) ?? parsePlainNumber(wx.text.replace(/分$/, "")));
      }
      weight = { value: wv, raw: wx.text === "" ? null : wx.text, cell: a1(wx.pos) };
    }
    const dc = col("direction");

    indicators.push({
      row: r,
      level1: l1,
      level2: l2,
      name: textField(r, col("name")),
      description: textField(r, col("description")),
      value: { ...parsed, cell: a1(vx.pos) },
      basis: textField(r, col("basis")),
      opCell,
      unitCell,
      weight,
      direction: dc ? textField(r, dc) : null,
    });
  }

  const { form, reason } = inferForm(
    indicators.map((x) => x.level1.canonical),
    indicators.map((x) => x.level2.canonical),
  );
  return { form, formReason: reason, indicators };
}
