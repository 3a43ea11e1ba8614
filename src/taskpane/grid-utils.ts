/** Small pure helpers over CellGrid and boxes used by the pane's controller. */
import { intersects, type RangeBox } from "../core/grid/a1";
import { CellGrid } from "../core/grid/cellgrid";

export function union(a: RangeBox, b: RangeBox): RangeBox {
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

export function rows(b: RangeBox): number {
  return b.bottom - b.top + 1;
}

/** The part of a grid inside `box` (clipped to the grid); merges that touch it are kept whole. */
export function sliceGrid(grid: CellGrid, box: RangeBox): CellGrid {
  const top = Math.max(box.top, grid.firstRow);
  const left = Math.max(box.left, grid.firstCol);
  const bottom = Math.min(box.bottom, grid.lastRow);
  const right = Math.min(box.right, grid.lastCol);
  const data = grid.toData();
  if (bottom < top || right < left) return new CellGrid({ sheet: grid.sheet, originRow: box.top, originCol: box.left, values: [], merges: [] });
  const r0 = top - grid.originRow;
  const c0 = left - grid.originCol;
  const width = right - left + 1;
  const values = data.values.slice(r0, r0 + (bottom - top + 1)).map((r) => {
    const out = r.slice(c0, c0 + width);
    while (out.length < width) out.push(null);
    return out;
  });
  const formats = data.formats?.slice(r0, r0 + (bottom - top + 1)).map((r) => r.slice(c0, c0 + width));
  const clip: RangeBox = { top, left, bottom, right };
  const merges = (data.merges ?? []).filter((m) => intersects(m, clip));
  return new CellGrid({ sheet: grid.sheet, originRow: top, originCol: left, values, formats, merges });
}

/**
 * Moves a box for rows (or columns) inserted or deleted on its sheet, as Excel moves a name:
 * `at` is the first inserted/deleted index, `count` how many. Returns null when the box was deleted
 * entirely, and whether the box changed at all.
 */
export function shiftBox(
  b: RangeBox,
  axis: "row" | "col",
  at: number,
  count: number,
  inserted: boolean,
): { box: RangeBox | null; changed: boolean } {
  const lo = axis === "row" ? b.top : b.left;
  const hi = axis === "row" ? b.bottom : b.right;
  let nlo = lo;
  let nhi = hi;
  if (inserted) {
    if (lo >= at) {
      nlo += count;
      nhi += count;
    } else if (hi >= at) nhi += count;
  } else {
    const end = at + count - 1;
    if (lo >= at && hi <= end) return { box: null, changed: true };
    const below = (i: number): number => (i > end ? i - count : i >= at ? at : i);
    nlo = below(lo);
    nhi = hi > end ? hi - count : hi >= at ? at - 1 : hi;
    if (nhi < nlo) return { box: null, changed: true };
  }
  const box = axis === "row" ? { ...b, top: nlo, bottom: nhi } : { ...b, left: nlo, right: nhi };
  return { box, changed: nlo !== lo || nhi !== hi };
}
