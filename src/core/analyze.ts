/**
 * The engine's one entry point for a workbook: detect and parse every table on every grid (one grid
 * per sheet, in sheet order), then run the rules over all tables together.
 */
import type { CellGrid } from "./grid/cellgrid";
import type { Issue, ProjectTable } from "./model/schema";
import { detectTables } from "./layout/detect";
import { parseTable } from "./layout/parse-table";
import { collectIssues, finishIssues, runRules, type RunConfig } from "./rules/engine";

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

/** The tables read on one sheet of a part of a workbook. */
export interface SheetPart {
  /** The sheet's position in the workbook (0 = first sheet). */
  index: number;
  name: string;
  tables: ProjectTable[];
}

/**
 * Some sheets of a workbook, read and checked by the table rules: the CLI splits a large workbook
 * over two workers (sheets 0, 2, 4 … and 1, 3, 5 …), then mergeParts puts the parts together.
 * `issues` index the part's tables in sheet order.
 */
export interface AnalysisPart {
  sheets: SheetPart[];
  issues: Issue[];
}

/** Reads the tables of some sheets (each with its position in the workbook) and runs the table rules on them. */
export function analyzePart(grids: readonly { index: number; grid: CellGrid }[], config: RunConfig = {}): AnalysisPart {
  const sheets = grids.map(({ index, grid }) => ({ index, name: grid.sheet, tables: readTables(grid) }));
  return { sheets, issues: collectIssues(sheets.flatMap((s) => s.tables), config, "table") };
}

/**
 * The parts of one workbook (analyzePart) as its analysis: tables in sheet order, the table rules'
 * issues re-numbered, the workbook rules run on all tables. The same as analyzeGrids on the whole
 * workbook (test/core/analyze-parts.test.ts).
 */
export function mergeParts(parts: readonly AnalysisPart[], config: RunConfig = {}): Analysis {
  const sheets: { part: number; first: number; sheet: SheetPart }[] = [];
  parts.forEach((p, part) => {
    let first = 0;
    for (const sheet of p.sheets) {
      sheets.push({ part, first, sheet });
      first += sheet.tables.length;
    }
  });
  sheets.sort((a, b) => a.sheet.index - b.sheet.index);
  const tables: ProjectTable[] = [];
  /** Per part: a table's index in the part → its index in the workbook. */
  const global: number[][] = parts.map(() => []);
  for (const { part, first, sheet } of sheets)
    sheet.tables.forEach((t, j) => {
      global[part][first + j] = tables.length;
      tables.push(t);
    });
  const issues: Issue[] = [];
  parts.forEach((p, part) => {
    for (const issue of p.issues) {
      if (issue.table !== null) issue.table = global[part][issue.table];
      issues.push(issue);
    }
  });
  issues.push(...collectIssues(tables, config, "workbook"));
  return {
    tables,
    issues: finishIssues(issues, tables, config),
    sheets: sheets.map(({ sheet }) => ({ name: sheet.name, tables: sheet.tables.length })),
  };
}
