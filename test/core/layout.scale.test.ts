/**
 * Detection scales linearly: 1,000 stacked tables are all found, and the time per table does not
 * grow with the number of tables (an O(rows²) scan would make the 1,000-table sheet ~10× slower
 * per table than the 100-table one). Absolute figures are in the bench, not here.
 */
import { detectTables, parseTable } from "../../src/core/layout";
import { stackedSeedGrid } from "../fixtures/seed-grid";

function best(n: number, f: () => void): number {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

test("1,000 stacked tables: all found, linear time", () => {
  const small = stackedSeedGrid(100);
  const large = stackedSeedGrid(1000);
  const layouts = detectTables(large);
  expect(layouts).toHaveLength(1000);
  expect(layouts.map((l) => parseTable(large, l).indicators.length).every((n) => n === 10)).toBe(true);
  const tSmall = best(5, () => detectTables(small));
  const tLarge = best(3, () => detectTables(large));
  // Linear: ≈10×. Allow noise on a shared machine, but not quadratic growth (≈100×).
  expect(tLarge / Math.max(tSmall, 0.5)).toBeLessThan(35);
});
