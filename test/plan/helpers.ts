/** Shared helpers of the plan tests: reading the generated fixtures, applying edits to a grid. */
import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { readXlsx } from "../../src/xlsx/grid";
import { CellGrid, type CellValue } from "../../src/core/grid/cellgrid";
import { parseA1 } from "../../src/core/grid/a1";
import { readTables } from "../../src/core/analyze";
import type { CellEdit, ProjectTable } from "../../src/core/model/schema";

export const ROOT = path.resolve(__dirname, "../..");
export const GEN = path.join(ROOT, "test/fixtures/generated");

/** Builds lib/ and the fixtures when they are missing (a bare `npx jest` run). */
export function ensureFixtures(): void {
  if (!fs.existsSync(path.join(ROOT, "lib/make-fixtures.js"))) execFileSync("node", ["scripts/build-cli.mjs", "--quiet"], { cwd: ROOT });
  if (!fs.existsSync(path.join(GEN, "seed.xlsx")) || !fs.existsSync(path.join(GEN, "seed-typed.xlsx")))
    execFileSync("node", ["lib/make-fixtures.js", "--quiet"], { cwd: ROOT });
}

export interface SheetTables {
  grid: CellGrid;
  tables: ProjectTable[];
}

export async function loadFixture(file: string): Promise<SheetTables[]> {
  ensureFixtures();
  const { grids } = await readXlsx(path.join(GEN, file));
  return grids.map((grid) => ({ grid, tables: readTables(grid) }));
}

/** A copy of `grid` with the edits applied (values only; formats and merges unchanged). */
export function applyEdits(
  grid: CellGrid,
  edits: readonly CellEdit[],
  formats: readonly { cell: string; numberFormat?: string }[] = [],
): CellGrid {
  const data = grid.toData();
  const values: CellValue[][] = data.values.map((r) => [...r]);
  const fmts: (string | null)[][] = values.map((r, i) => r.map((_, j) => data.formats?.[i]?.[j] ?? null));
  for (const f of formats) {
    if (f.numberFormat === undefined) continue;
    const p = parseA1(f.cell)!;
    const r = p.row - grid.originRow;
    const c = p.col - grid.originCol;
    while (fmts.length <= r) fmts.push([]);
    while (fmts[r].length <= c) fmts[r].push(null);
    fmts[r][c] = f.numberFormat;
  }
  for (const e of edits) {
    if (e.sheet !== grid.sheet) throw new Error(`edit on sheet ${e.sheet}, grid is ${grid.sheet}`);
    const p = parseA1(e.cell)!;
    const r = p.row - grid.originRow;
    const c = p.col - grid.originCol;
    while (values.length <= r) values.push([]);
    while (values[r].length <= c) values[r].push(null);
    values[r][c] = e.value;
  }
  return new CellGrid({ ...data, values, formats: fmts });
}

/** Every cell (A1) whose raw value or format differs between two grids of the same sheet. */
export function changedCells(a: CellGrid, b: CellGrid): string[] {
  const out: string[] = [];
  const top = Math.min(a.firstRow, b.firstRow);
  const bottom = Math.max(a.lastRow, b.lastRow);
  const left = Math.min(a.firstCol, b.firstCol);
  const right = Math.max(a.lastCol, b.lastCol);
  const da = a.toData().values;
  const db = b.toData().values;
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) {
      const va = rawAt(da, a, r, c);
      const vb = rawAt(db, b, r, c);
      if (va !== vb || a.format(r, c) !== b.format(r, c)) out.push(a.address(r, c));
    }
  return out;
}

/** The stored value, merged tails included (CellGrid.value hides them). */
function rawAt(values: CellValue[][], g: CellGrid, r: number, c: number): CellValue {
  const row = values[r - g.originRow];
  const v = row?.[c - g.originCol];
  return v === undefined ? null : v;
}
