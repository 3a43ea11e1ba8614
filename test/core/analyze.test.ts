/** analyzeGrids: tables of every sheet in reading order, per-sheet counts, the rules run over all tables. */
import * as path from "node:path";
import { analyzeGrids } from "../../src/core/analyze";
import { CellGrid } from "../../src/core/grid/cellgrid";
import { runRules, UnknownRuleError } from "../../src/core/rules/engine";
import { readXlsx } from "../../src/xlsx/grid";
import { stackedSeedGrid } from "../fixtures/seed-grid";
import { LAYOUT_SHEETS } from "../fixtures/workbooks";

const GEN = path.resolve(__dirname, "../fixtures/generated");

describe("analyzeGrids", () => {
  test("seed.xlsx: 3 tables, 30 indicators, issues equal to running the rules on those tables", async () => {
    const { grids } = await readXlsx(path.join(GEN, "seed.xlsx"));
    const a = analyzeGrids(grids);
    expect(a.sheets).toEqual([{ name: "项目绩效目标表", tables: 3 }]);
    expect(a.tables.map((t) => t.indicators.length)).toEqual([10, 10, 10]);
    expect(a.issues).toEqual(runRules(a.tables));
    for (const issue of a.issues) {
      expect(issue.sheet).toBe("项目绩效目标表");
      expect(issue.table === null || (issue.table >= 0 && issue.table < 3)).toBe(true);
    }
  });

  test("layouts.xlsx: counts per sheet, tables in sheet order, the junk sheet has none", async () => {
    const { grids } = await readXlsx(path.join(GEN, "layouts.xlsx"));
    const a = analyzeGrids(grids, { only: [] });
    expect(a.sheets).toEqual([
      { name: LAYOUT_SHEETS.offset, tables: 1 },
      { name: LAYOUT_SHEETS.split, tables: 1 },
      { name: LAYOUT_SHEETS.wan, tables: 1 },
      { name: LAYOUT_SHEETS.noPlan, tables: 1 },
      { name: LAYOUT_SHEETS.variants, tables: 2 },
      { name: LAYOUT_SHEETS.noName, tables: 1 },
      { name: LAYOUT_SHEETS.junk, tables: 0 },
    ]);
    expect(a.tables.map((t) => t.sheet)).toEqual([
      LAYOUT_SHEETS.offset,
      LAYOUT_SHEETS.split,
      LAYOUT_SHEETS.wan,
      LAYOUT_SHEETS.noPlan,
      LAYOUT_SHEETS.variants,
      LAYOUT_SHEETS.variants,
      LAYOUT_SHEETS.noName,
    ]);
    expect(a.issues).toEqual([]);
  });

  test("the run configuration reaches the rules", () => {
    const grid = stackedSeedGrid(3);
    const all = analyzeGrids([grid]);
    const off = Object.fromEntries([...new Set(all.issues.map((i) => i.rule))].map((id) => [id, "off" as const]));
    expect(analyzeGrids([grid], { severity: off }).issues).toEqual([]);
    expect(() => analyzeGrids([grid], { only: ["no-such-rule"] })).toThrow(UnknownRuleError);
    expect(analyzeGrids([grid], { options: { year: 2022 } }).issues).toEqual(runRules(all.tables, { options: { year: 2022 } }));
  });

  test("no grids, empty grids", () => {
    expect(analyzeGrids([])).toEqual({ tables: [], issues: [], sheets: [] });
    const empty = new CellGrid({ sheet: "空", originRow: 0, originCol: 0, values: [] });
    expect(analyzeGrids([empty])).toEqual({ tables: [], issues: [], sheets: [{ name: "空", tables: 0 }] });
  });
});
