/**
 * Writing a plan into a table's four plan cells, whatever the layout: the cells come from the parsed
 * table (detected by header text, so spacer columns and merged cells are already resolved to the
 * value cell, the top-left cell of a merge). Each cell keeps its kind:
 *   - text ("50%", "50百分比", "50")  → text "25%" (a text without "%" stays without it: "25");
 *   - a number in a percent-formatted cell (0.5 shown as 50%) → the fraction 0.25 (the format stays);
 *   - a bare number: written the way the table's bare numbers are read — fractions (1 = 100%) when
 *     the table's plan reads them as fractions, otherwise percent numbers (50);
 *   - a blank cell: the fraction when the cell already has a percent format; the fraction plus its
 *     neighbours' percent format when the other plan cells are percent-formatted numbers (so the
 *     row does not end up with a number stored as text); otherwise text "25%".
 * No other cell is touched. The inverse edits restore the four cells' previous values.
 */
import type { CellGrid, CellValue } from "../grid/cellgrid";
import { parseA1 } from "../grid/a1";
import type { CellEdit, ProjectTable } from "../model/schema";
import { PLAN_KEYS, type PlanKey } from "../model/plan-keys";
import { PLAN_LABELS } from "../rules/plan-range";
import { PlanError } from "./errors";
import type { PlanValues } from "./types";

export type PlanCellKind = "text" | "fraction" | "number";

export interface PlanCellWrite {
  key: PlanKey;
  /** A1 address on the table's sheet. */
  cell: string;
  /** The cell's value before the write (as the grid holds it). */
  before: CellValue;
  /** The value written. */
  after: string | number;
  kind: PlanCellKind;
  /** The cell held something before (the pane warns before overwriting). */
  overwrite: boolean;
  /** The plan value changes (the table's current reading differs from the new percent). */
  changed: boolean;
  /** A number format to give the cell with the value (a blank cell among percent-formatted numbers). */
  numberFormat?: string;
}

export interface PlanWrite {
  edits: CellEdit[];
  /** Applying these after `edits` restores the four cells (undo). */
  inverse: CellEdit[];
  cells: PlanCellWrite[];
}

const hasPercentFormat = (fmt: string | null): boolean => (fmt ?? "").includes("%");

/** "25%" / "83.3%" text of a percent number. */
export function percentText(v: number): string {
  return `${Math.round(v * 1e4) / 1e4}%`;
}

/** The fraction (0.25) of a percent number (25), without binary noise. */
export function percentFraction(v: number): number {
  return Math.round(v * 1e4) / 1e6;
}

function cellPos(cell: string): { row: number; col: number } {
  const p = parseA1(cell);
  if (!p) throw new Error(`bad plan cell address ${cell}`);
  return p;
}

/** Where the table keeps its plan: the four value cells. Throws PlanError when a cell is missing. */
export function planCells(table: ProjectTable): Record<PlanKey, string> {
  if (!table.plan) throw new PlanError("noPlan");
  const out = {} as Record<PlanKey, string>;
  for (const k of PLAN_KEYS) {
    const c = table.plan[k].cell;
    if (!c) throw new PlanError("planCellMissing", { label: PLAN_LABELS[k] });
    out[k] = c;
  }
  return out;
}

/** Edits that give `grid`'s current values back to the cells `edits` touch (undo of `edits`). */
export function inverseEdits(grid: CellGrid, edits: readonly CellEdit[]): CellEdit[] {
  return edits.map((e) => {
    const p = cellPos(e.cell);
    const v = grid.value(p.row, p.col);
    return { sheet: e.sheet, cell: e.cell, value: typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v };
  });
}

/**
 * Plans the write of `values` (percent numbers) into the table's plan cells. `grid` is the table's
 * sheet (or a block containing the plan cells) as read, so each cell's current value and format are
 * known. Throws PlanError when the table has no plan cells, Error when the grid is another sheet.
 */
export function planWrite(table: ProjectTable, grid: CellGrid, values: PlanValues): PlanWrite {
  if (grid.sheet !== table.sheet) throw new Error(`grid is sheet "${grid.sheet}", table is on "${table.sheet}"`);
  for (const k of PLAN_KEYS)
    if (!Number.isFinite(values[k])) throw new PlanError("badValues", { label: PLAN_LABELS[k], value: String(values[k]) });
  const cells = planCells(table);
  const plan = table.plan!;
  const info = PLAN_KEYS.map((k) => {
    const p = cellPos(cells[k]);
    return { key: k, cell: cells[k], value: grid.value(p.row, p.col), format: grid.format(p.row, p.col) };
  });

  // Bare numbers (no percent format): fractions when the table reads them so (value = raw × 100).
  const bare = info.filter((c) => typeof c.value === "number" && !hasPercentFormat(c.format));
  const fractionMode = bare.some((c) => {
    const raw = c.value as number;
    const read = plan[c.key].value;
    return raw !== 0 && read !== null && Math.abs(read - raw * 100) < 1e-6 && Math.abs(read - raw) > 1e-6;
  });
  // Percent numbers that are all ≤ 1 would be read back as fractions: write those as text instead.
  const bareAmbiguous = !fractionMode && bare.every((c) => values[c.key] <= 1) && bare.some((c) => values[c.key] > 0);

  // A percent-formatted number among the plan cells: blank cells follow it (value and format).
  const percentSibling = info.find((c) => typeof c.value === "number" && hasPercentFormat(c.format));

  const writes: PlanCellWrite[] = info.map((c) => {
    const v = values[c.key];
    let after: string | number;
    let kind: PlanCellKind;
    let numberFormat: string | undefined;
    if (typeof c.value === "string") {
      kind = "text";
      const plainNumber = /^\s*[+-]?[\d０-９]*[.．]?[\d０-９]+\s*$/.test(c.value);
      after = plainNumber ? String(Math.round(v * 1e4) / 1e4) : percentText(v);
    } else if (typeof c.value === "number" && hasPercentFormat(c.format)) {
      kind = "fraction";
      after = percentFraction(v);
    } else if (typeof c.value === "number") {
      if (fractionMode) {
        kind = "fraction";
        after = percentFraction(v);
      } else if (bareAmbiguous) {
        kind = "text";
        after = percentText(v);
      } else {
        kind = "number";
        after = Math.round(v * 1e4) / 1e4;
      }
    } else if (hasPercentFormat(c.format)) {
      kind = "fraction";
      after = percentFraction(v);
    } else if (percentSibling) {
      kind = "fraction";
      after = percentFraction(v);
      numberFormat = percentSibling.format ?? "0%";
    } else {
      kind = "text";
      after = percentText(v);
    }
    const current = plan[c.key].value;
    return {
      key: c.key,
      cell: c.cell,
      before: c.value,
      after,
      kind,
      overwrite: c.value !== null && !(typeof c.value === "string" && c.value.trim() === ""),
      changed: current === null || Math.abs(current - v) > 1e-6,
      ...(numberFormat !== undefined ? { numberFormat } : {}),
    };
  });

  const edits: CellEdit[] = writes.map((w) => ({ sheet: table.sheet, cell: w.cell, value: w.after }));
  return { edits, inverse: inverseEdits(grid, edits), cells: writes };
}

/** The edits of planWrite only. */
export function planEdits(table: ProjectTable, grid: CellGrid, values: PlanValues): CellEdit[] {
  return planWrite(table, grid, values).edits;
}
