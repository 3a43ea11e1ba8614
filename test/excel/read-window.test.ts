/** chunked-read.ts readWindow: the part of a sheet's used range the pane reads. */
import { MAX_READ_CELLS, MAX_READ_COLUMNS, readWindow } from "../../src/excel/chunked-read";

const box = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

describe("readWindow", () => {
  test.each([
    ["a seed-sized table: all of it", box(0, 0, 61, 6), box(0, 0, 61, 6)],
    ["exactly at the cell cap: all of it", box(0, 0, MAX_READ_CELLS / 4 - 1, 3), box(0, 0, MAX_READ_CELLS / 4 - 1, 3)],
    ["one row over the cell cap: the rows that fit", box(0, 0, MAX_READ_CELLS / 4, 3), box(0, 0, MAX_READ_CELLS / 4 - 1, 3)],
    ["a stray value at XFD1048576", box(0, 0, 1048575, 16383), box(0, 0, Math.floor(MAX_READ_CELLS / MAX_READ_COLUMNS) - 1, MAX_READ_COLUMNS - 1)],
    ["a stray value far right on row 5: the columns that fit, every row", box(2, 1, 40, 9000), box(2, 1, 40, MAX_READ_COLUMNS)],
    ["a used range not at A1 keeps its origin", box(100, 3, 2000000, 10), box(100, 3, 100 + Math.floor(MAX_READ_CELLS / 8) - 1, 10)],
  ])("%s", (_name, used, window) => {
    expect(readWindow(used)).toEqual(window);
    const w = readWindow(used);
    expect((w.bottom - w.top + 1) * (w.right - w.left + 1)).toBeLessThanOrEqual(MAX_READ_CELLS);
  });
});
