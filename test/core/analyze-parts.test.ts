/**
 * A workbook checked in parts (analyzePart on some sheets each, then mergeParts) gives exactly what
 * analyzeGrids gives on the whole: the same tables, issues (re-numbered `table`, workbook rules such
 * as copied-indicators, department-budget and goal-uncovered across the parts, habits grouped once)
 * in the same order, and the same sheet list. The CLI relies on it to split a large file over two
 * workers.
 */
import * as path from "node:path";
import { analyzeGrids, analyzePart, mergeParts } from "../../src/core/analyze";
import type { CellGrid } from "../../src/core/grid/cellgrid";
import type { RunConfig } from "../../src/core/rules/engine";
import { readXlsx } from "../../src/xlsx/grid";
import { stackedSeedGrid } from "../fixtures/seed-grid";

const GEN = path.resolve(__dirname, "../fixtures/generated");

/** The grids split over `of` parts, sheet i to part i % of (as the CLI splits them). */
function inParts(grids: readonly CellGrid[], of: number, config: RunConfig) {
  return Array.from({ length: of }, (_, k) =>
    analyzePart(
      grids.map((grid, index) => ({ index, grid })).filter(({ index }) => index % of === k),
      config,
    ),
  );
}

/** Each case with a workbook rule that must fire on it (so that the comparison is not vacuous), or null. */
const cases: [string, () => Promise<CellGrid[]>, string | null][] = [
  ["sample.xlsx (project sheet, department prose, department table)", async () => (await readXlsx(path.join(GEN, "sample.xlsx"))).grids, "copied-indicators"],
  ["layouts.xlsx (seven layouts, a sheet without tables)", async () => (await readXlsx(path.join(GEN, "layouts.xlsx"))).grids, null],
  [
    "five sheets of stacked seed tables (copied indicators across sheets)",
    async () => ["一", "二", "三", "四", "五"].map((n, i) => stackedSeedGrid(i + 1, `表${n}`)),
    "copied-indicators",
  ],
];

describe.each(cases)("checking in parts: %s", (_name, load, workbookRule) => {
  let grids: CellGrid[];
  beforeAll(async () => {
    grids = await load();
  });

  it.each([2, 3])("%i parts give what the whole workbook gives", (of) => {
    for (const config of [{ locale: "zh-CN" }, { locale: "en", options: { year: 2022 } }] as RunConfig[]) {
      const whole = analyzeGrids(grids, config);
      // The parts travel between workers by structured clone.
      const parts = inParts(grids, of, config).map((p) => structuredClone(p));
      expect(mergeParts(parts, config)).toEqual(whole);
    }
  });

  it("has tables on several sheets, and issues of table and workbook rules alike (the comparison is not vacuous)", () => {
    const whole = analyzeGrids(grids);
    expect(whole.sheets.filter((s) => s.tables > 0).length).toBeGreaterThan(1);
    if (workbookRule) {
      expect(whole.issues.some((i) => i.rule === workbookRule)).toBe(true);
      expect(whole.issues.some((i) => i.rule !== workbookRule)).toBe(true);
    }
  });
});
