/**
 * Live re-validation: a change marks the tables it touches dirty (rows/columns inserted or deleted
 * move the tables instead, as Excel moves the names); after a short wait (debounce) only those
 * tables' blocks are read again (one readBlock per sheet, or per table when they lie far apart),
 * parsed and checked; then the views are rebuilt and the marks written. A generation counter per
 * table makes a stale read give way to a fresher one.
 */
import { boxToA1, intersects, parseBox } from "../../core/grid/a1";
import type { RangeBox } from "../../core/grid/a1";

import type { DirtyRange } from "../../excel/port";
import { rows, shiftBox, sliceGrid, union } from "../grid-utils";
import { scheduleMarks } from "./marks";
import { applyGrid, layoutOf, loseTable, recompute, refreshBlocks } from "./recompute";
import { errorText, isSheetNotFound, sameSheet, type PaneStore } from "./store";
import type { Timing, TrackedTable } from "./types";

const STRUCTURAL = /^(Row|Column|Cell)(Inserted|Deleted)$/;

/** What the change subscription calls: marks the touched tables dirty and starts the wait. */
export function handleChanges(store: PaneStore, ranges: readonly DirtyRange[]): void {
  if (store.disposed) return;
  let any = false;
  for (const r of ranges) {
    const box = parseBox(r.address);
    if (!box) continue;
    const m = STRUCTURAL.exec(r.changeType);
    // Rows moved under the rows just inserted: stop waiting for their values.
    if (m && store.freshRows && sameSheet(store.freshRows.sheet, r.sheet)) store.endFreshRows();
    if (m) {
      // Rows/columns inserted or deleted: move every table below/right, as Excel moves the names.
      const axis = m[1] === "Column" ? "col" : "row";
      const at = axis === "row" ? box.top : box.left;
      const count = axis === "row" ? rows(box) : box.right - box.left + 1;
      for (const t of store.tracked) {
        if (!sameSheet(t.sheet, r.sheet)) continue;
        // Cell (not whole row) insertions only move what lies in their columns.
        if (m[1] === "Cell" && (t.block.right < box.left || t.block.left > box.right)) continue;
        const s = shiftBox(t.block, axis, at, count, m[2] === "Inserted");
        if (!s.changed) continue;
        if (s.box === null) {
          loseTable(store, t);
          t.gen++;
          any = true;
          store.dirty.delete(t);
          continue;
        }
        t.block = s.box;
        markDirty(store, t);
        any = true;
      }
      continue;
    }
    for (const t of store.tracked) {
      if (sameSheet(t.sheet, r.sheet) && intersects(t.block, box)) {
        markDirty(store, t);
        any = true;
      }
    }
  }
  if (!any) return;
  if (store.collector.pending === 0 && store.firstEventAt === null) store.firstEventAt = store.now();
  store.collector.push(ranges);
}

function markDirty(store: PaneStore, t: TrackedTable): void {
  t.gen++;
  store.dirty.add(t);
}

/** The end of the wait: re-validates the dirty tables. */
export function flushDirty(store: PaneStore): void {
  const list = [...store.dirty].filter((t) => store.tracked.includes(t));
  store.dirty.clear();
  const since = store.firstEventAt;
  store.firstEventAt = null;
  if (list.length === 0) {
    recompute(store);
    return;
  }
  void store.track(revalidate(store, list, since, true));
}

/**
 * Re-validates tables at once, without the wait: after the add-in's own writes, which raise no
 * change event (a read already on its way for these tables becomes stale).
 */
export function revalidateNow(store: PaneStore, tables: readonly TrackedTable[]): Promise<void> {
  for (const t of tables) {
    t.gen++;
    store.dirty.delete(t);
  }
  return store.track(revalidate(store, [...tables], null));
}

/**
 * Has the user moved on from the rows just inserted (a change made while the selection is outside
 * them)? Asked on the user's own changes only; the add-in's writes select the new row themselves.
 */
async function checkFreshRows(store: PaneStore): Promise<void> {
  const fresh = store.freshRows;
  if (!fresh) return;
  let sel: { sheet: string; address: string } | null = null;
  try {
    sel = await store.port.getSelection();
  } catch {
    // no cell selection (a chart, a shape): the user has moved on
  }
  const box = sel ? parseBox(sel.address) : null;
  const inside = !!sel && !!box && sameSheet(sel.sheet, fresh.sheet) && [...fresh.rows].some((r) => r >= box.top && r <= box.bottom);
  if (!inside && store.freshRows === fresh) store.endFreshRows();
}

/** Re-reads the given tables (one readBlock per sheet, or per table when they lie far apart). */
async function revalidate(store: PaneStore, list: TrackedTable[], since: number | null, byUser = false): Promise<void> {
  const started = store.now();
  const gens = new Map(list.map((t) => [t, t.gen]));
  const groups = new Map<string, TrackedTable[]>();
  for (const t of list) {
    const k = t.sheet.toLowerCase();
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  const reads: { tables: TrackedTable[]; box: RangeBox; sheet: string }[] = [];
  for (const g of groups.values()) {
    const box = g.map((t) => t.block).reduce(union);
    const sum = g.reduce((n, t) => n + rows(t.block), 0);
    if (g.length === 1 || rows(box) <= 3 * sum + 50) reads.push({ tables: g, box, sheet: g[0].sheet });
    else for (const t of g) reads.push({ tables: [t], box: t.block, sheet: t.sheet });
  }
  store.readCount += reads.length;
  const results = await Promise.all(
    reads.map((r) =>
      store.port.readBlock(r.sheet, boxToA1(r.box)).then(
        (grid) => ({ r, grid, error: null as unknown }),
        (error: unknown) => ({ r, grid: null, error }),
      ),
    ),
  );
  const read = store.now();
  let changed = false;
  for (const { r, grid, error } of results) {
    for (const t of r.tables) {
      // Stale: a newer change came in while this read was on its way, or the table list was rebuilt.
      if (t.gen !== gens.get(t) || !store.tracked.includes(t)) continue;
      changed = true;
      if (!grid) {
        if (t.status === "ok" && !isSheetNotFound(error)) {
          t.status = "lost";
          store.notify({ level: "error", text: errorText(error) });
        }
        loseTable(store, t, t.model?.range ?? "");
        continue;
      }
      const g = r.tables.length === 1 && r.box === t.block ? grid : sliceGrid(grid, t.block);
      applyGrid(store, t, g, layoutOf(t, g));
    }
  }
  if (!changed) return;
  if (byUser) await checkFreshRows(store);
  refreshBlocks(store);
  recompute(store);
  const validated = store.now();
  await scheduleMarks(store);
  const done = store.now();
  const timing: Timing = {
    tables: list.length,
    reads: reads.length,
    readMs: read - started,
    validateMs: validated - read,
    marksMs: done - validated,
    workMs: done - started,
    sinceEventMs: since === null ? null : done - since,
  };
  store.timings.push(timing);
  if (store.timings.length > 50) store.timings.shift();
  store.onTiming?.(timing);
}
