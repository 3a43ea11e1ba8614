/**
 * Detection at scale: on one sheet of 1,000 stacked tables every table is found and parsed whole.
 * How the time grows with the number of tables (per-table time at 100 vs 1,000 tables) is measured
 * by `npm run bench -- --section scale`, not asserted here.
 */
import { detectTables, parseTable } from "../../src/core/layout";
import { stackedSeedGrid } from "../fixtures/seed-grid";

test("1,000 stacked tables: all found, each with its 10 indicators", () => {
  const large = stackedSeedGrid(1000);
  const layouts = detectTables(large);
  expect(layouts).toHaveLength(1000);
  expect(layouts.map((l) => parseTable(large, l).indicators.length).every((n) => n === 10)).toBe(true);
  // One table after another, none overlapping or skipped.
  for (let i = 1; i < layouts.length; i++) expect(layouts[i].range.top).toBeGreaterThan(layouts[i - 1].range.bottom);
});
