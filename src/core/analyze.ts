/**
 * The engine's one entry point for a workbook: detect and parse every table on every grid (one grid
 * per sheet, in sheet order), then run the rules over all tables together.
 */
import type { CellGrid } from "./grid/cellgrid";
import type { Issue, ProjectTable } from "./model/schema";
import { detectTables } from "./layout/detect";
import { parseTable } from "./layout/parse-table";
import { runRules, type RunConfig } from "./rules/engine";

export interface Analysis {
  /** Every table of the workbook in reading order (sheet order, then top to bottom). */
  tables: ProjectTable[];
  /** Issues of all tables; `Issue.table` indexes `tables`. */
  issues: Issue[];
  /** Every sheet with the number of tables found on it (0 = "no table found"). */
  sheets: { name: string; tables: number }[];
}

/** Reads the tables of the given sheets and checks them. Rule options (e.g. year) pass through untouched. */
export function analyzeGrids(grids: readonly CellGrid[], config: RunConfig = {}): Analysis {
  const tables: ProjectTable[] = [];
  const sheets: { name: string; tables: number }[] = [];
  for (const grid of grids) {
    const found = readTables(grid);
    tables.push(...found);
    sheets.push({ name: grid.sheet, tables: found.length });
  }
  return { tables, issues: runRules(tables, config), sheets };
}

/** The tables of one grid, parsed. */
export function readTables(grid: CellGrid): ProjectTable[] {
  return detectTables(grid).map((layout) => parseTable(grid, layout));
}
