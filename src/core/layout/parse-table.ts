/**
 * Reads a detected (or user-mapped) TableLayout into the ProjectTable model. Every field keeps the
 * A1 address of the cell it came from; 一级/二级 blank on continuation rows or merged vertically are
 * carried down (and marked `carried`, with the cell where the text is written).
 */
import { isDateFormat, type CellGrid } from "../grid/cellgrid";
import { toA1 } from "../grid/a1";
import { canonicalLevel1, canonicalLevel2, inferForm, level1OfLevel2 } from "../forms/categories";
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
import { PLAN_KEYS } from "../model/plan-keys";
import { convertMoney, parseMoney, parsePercentCell, parsePlainNumber } from "../value/numbers";
import { joinSplitValue, parseValue } from "../value/parse";
import type { ParsedValue } from "../value/types";
import { moneyText } from "./detect";
import { withDepartment } from "./department";
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
      const u = parseMoney(moneyText(grid, part)).unit;
      if (u) {
        moneyUnit = u;
        moneyUnitCell = addr(part.cell);
        break;
      }
    }
  }
  const money = (part: Part): NumberField => {
    if (!part.cell) return { value: null, raw: null, cell: null };
    const raw = part.inline ? String(moneyText(grid, part) ?? "") : grid.text(part.cell.row, part.cell.col);
    const { amount, unit } = parseMoney(moneyText(grid, part));
    const value = amount !== null && unit && moneyUnit && unit !== moneyUnit ? convertMoney(amount, unit, moneyUnit) : amount;
    return { value, raw: raw === "" ? null : raw, cell: addr(part.cell) };
  };

  const title = text(layout.title);
  const projectName = text(layout.projectName);
  const purpose = text(layout.purpose);
  const goal = text(layout.goal);

  return withDepartment(grid, layout, {
    sheet: layout.sheet,
    kind: "project",
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
    department: null,
  });
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

/** Category names repeat on every row and in every table: canonicalise each text once. */
const CANON1 = new Map<string, string | null>();
const CANON2 = new Map<string, string | null>();
function memo(cache: Map<string, string | null>, f: (t: string) => string | null, t: string): string | null {
  let v = cache.get(t);
  if (v === undefined) {
    v = f(t);
    if (cache.size < 10000) cache.set(t, v);
  }
  return v;
}
const canonical1 = (t: string) => memo(CANON1, canonicalLevel1, t);
const canonical2 = (t: string) => memo(CANON2, canonicalLevel2, t);

/** 指标值 texts repeat across rows and tables too: parse each text once (results are copied, never shared). */
const PARSED = new Map<string, ParsedValue>();
function parsedValue(raw: string): ParsedValue {
  let v = PARSED.get(raw);
  if (v === undefined) {
    v = parseValue(raw);
    if (PARSED.size < 20000) PARSED.set(raw, v);
  }
  return v;
}

type IndicatorValue = IndicatorRow["value"];
/** Every key of an indicator value: adding a field to ParsedValue fails to compile here until indicatorValue copies it. */
const VALUE_KEYS: Record<keyof IndicatorValue, true> = {
  kind: true, raw: true, op: true, opRaw: true, number: true, upper: true, unit: true, unitRaw: true,
  magnitude: true, grade: true, date: true, dateEnd: true, deadline: true, normalized: true, cell: true,
};
void VALUE_KEYS;
type DatePart = NonNullable<ParsedValue["date"]>;
const copyDate = (d: DatePart | null): DatePart | null => (d === null ? null : { year: d.year, month: d.month, day: d.day });

/**
 * A fresh indicator value, always built with the same keys in the same order: one object shape for
 * every row, which keeps the rules' property reads monomorphic (a spread gave ~every row its own shape).
 */
function indicatorValue(p: ParsedValue, cell: string | null): IndicatorValue {
  return {
    kind: p.kind,
    raw: p.raw,
    op: p.op,
    opRaw: p.opRaw,
    number: p.number,
    upper: p.upper,
    unit: p.unit,
    unitRaw: p.unitRaw,
    magnitude: p.magnitude,
    grade: p.grade,
    date: copyDate(p.date),
    dateEnd: copyDate(p.dateEnd),
    deadline: p.deadline,
    normalized: p.normalized,
    cell,
  };
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
  const l1col = byRole.get("level1");
  const l2col = byRole.get("level2");
  const nameCol = byRole.get("name");
  const descCol = byRole.get("description");
  const valueCol = byRole.get("value");
  const opCol = byRole.get("op");
  const unitCol = byRole.get("unit");
  const basisCol = byRole.get("basis");
  const weightCol = byRole.get("weight");
  const dirCol = byRole.get("direction");

  /**
   * The text of a role column on a row: the first non-empty cell within the header's span (merged
   * tails read empty). Sets `hit` to that text and returns its column (the role's column when blank).
   */
  let hit = "";
  const find = (r: number, c: HeaderColumn): number => {
    for (let cc = c.col; cc <= c.right; cc++) {
      const t = grid.text(r, cc);
      if (t !== "") {
        hit = t;
        return cc;
      }
    }
    hit = "";
    return c.col;
  };
  const textField = (r: number, c: HeaderColumn | undefined): TextField => {
    if (!c) return { value: null, cell: null };
    const cc = find(r, c);
    return { value: hit === "" ? null : hit, cell: toA1(r, cc) };
  };

  const firstData = layout.firstDataRow;
  /** A level cell: written, a merged tail (value from its anchor), or blank. */
  const level = (r: number, c: HeaderColumn | undefined, canon: (t: string) => string | null, prev: CategoryField | null, carryBlank: boolean): CategoryField => {
    if (!c) return { raw: null, canonical: null, cell: null, carried: false };
    const m = grid.mergeAt(r, c.col);
    if (m && (m.top !== r || m.left !== c.col) && m.top >= firstData) {
      const t = grid.text(m.top, m.left);
      return { raw: t === "" ? null : t, canonical: t === "" ? null : canon(t), cell: toA1(m.top, m.left), carried: true };
    }
    const cc = find(r, c);
    if (hit !== "") return { raw: hit, canonical: canon(hit), cell: toA1(r, cc), carried: false };
    if (carryBlank && prev && prev.raw !== null) return { raw: prev.raw, canonical: prev.canonical, cell: prev.cell, carried: true };
    return { raw: null, canonical: null, cell: toA1(r, cc), carried: false };
  };
  const has = (r: number, c: HeaderColumn | undefined) => !!c && (find(r, c), hit !== "");

  let prev1: CategoryField | null = null;
  let prev2: CategoryField | null = null;
  const indicators: IndicatorRow[] = [];

  for (let r = firstData; r <= layout.lastDataRow; r++) {
    let l1 = level(r, l1col, canonical1, prev1, true);
    // A blank 二级 is carried only while the 一级 continues too (or is blank, or has no column).
    const l2 = level(r, l2col, canonical2, prev2, l1.carried || !l1col || l1.raw === null);
    // A blank 一级 (or no 一级 column) is read from the 二级 under it: raw stays null, canonical is set.
    if (l1.raw === null && l2.canonical !== null) l1 = { ...l1, canonical: level1OfLevel2(l2.canonical) };
    prev1 = l1;
    prev2 = l2;
    if (!has(r, nameCol) && !has(r, valueCol) && !has(r, opCol) && !has(r, unitCol)) continue;

    let raw = "";
    let valueCell: string | null = null;
    let opCell: string | null = null;
    let unitCell: string | null = null;
    if (valueCol) {
      const vc = find(r, valueCol);
      raw = hit;
      valueCell = toA1(r, vc);
      if (opCol || unitCol) {
        let v: string | number | null = hit === "" ? null : hit;
        const typed = grid.value(r, vc);
        const fmt = grid.format(r, vc);
        if (typeof typed === "number" && !(fmt ?? "").includes("%") && !isDateFormat(fmt)) v = typed;
        let op = "";
        let unit = "";
        if (opCol) {
          opCell = toA1(r, find(r, opCol));
          op = hit;
        }
        if (unitCol) {
          unitCell = toA1(r, find(r, unitCol));
          unit = hit;
        }
        raw = op === "" && v === null && unit === "" ? "" : joinSplitValue(op || null, v, unit || null);
      }
    }
    const parsed = parsedValue(raw);

    let weight: NumberField | null = null;
    if (weightCol) {
      const wc = find(r, weightCol);
      const text = hit;
      const typed = grid.value(r, wc);
      const wv =
        typeof typed === "number"
          ? parsePercentCell(typed, grid.format(r, wc))
          : text === ""
            ? null
            : (parsePercentCell(text, null) ?? parsePlainNumber(text.replace(/分$/, "")));
      weight = { value: wv, raw: text === "" ? null : text, cell: toA1(r, wc) };
    }

    indicators.push({
      row: r,
      level1: l1,
      level2: l2,
      name: textField(r, nameCol),
      description: textField(r, descCol),
      value: indicatorValue(parsed, valueCell),
      basis: textField(r, basisCol),
      opCell,
      unitCell,
      weight,
      direction: dirCol ? textField(r, dirCol) : null,
    });
  }

  const { form, reason } = inferForm(
    indicators.map((x) => x.level1.canonical),
    indicators.map((x) => x.level2.canonical),
  );
  return { form, formReason: reason, indicators };
}
