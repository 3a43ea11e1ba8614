/**
 * Row shifting for the add-in's own row inserts and deletes, which raise no change event: the
 * tables' blocks and the saved mappings' addresses move as Excel moved the cells and names, and a
 * mapped table grows over rows inserted right below it.
 */

import { boxToA1, parseBox } from "../../core/grid/a1";
import type { Edit } from "../../excel/port";
import { shiftBox } from "../grid-utils";
import { revalidateNow } from "./live";
import { okRecords } from "./records";
import { sameSheet, type PaneStore } from "./store";
import { LIBRARY_RECORD_ID, type TrackedTable } from "./types";

/** Moves the tables' blocks (and the saved mappings' addresses) over rows inserted or deleted by the edits. */
export function shiftForRowEdits(store: PaneStore, edits: readonly Edit[]): void {
  for (const ed of edits) {
    if (ed.kind !== "insertRows" && ed.kind !== "deleteRows") continue;
    for (const t of store.tracked) {
      if (!sameSheet(t.sheet, ed.sheet)) continue;
      const sh = shiftBox(t.block, "row", ed.row - 1, ed.count, ed.kind === "insertRows");
      if (sh.changed && sh.box) t.block = sh.box;
    }
    store.mappings = store.mappings.map((m) => {
      if (m.status !== "ok" || m.id === LIBRARY_RECORD_ID || !sameSheet(m.sheet, ed.sheet)) return m;
      const b = parseBox(m.address);
      const sh = b ? shiftBox(b, "row", ed.row - 1, ed.count, ed.kind === "insertRows") : null;
      return sh?.changed && sh.box ? { ...m, address: boxToA1(sh.box) } : m;
    });
  }
}

/** A mapped table whose name did not grow over rows inserted right below it: save the grown block. */
export async function growMapping(store: PaneStore, t: TrackedTable, newRows: number[]): Promise<void> {
  if (t.source !== "mapped" || newRows.length === 0) return;
  const bottom = Math.max(...newRows);
  if (bottom <= t.block.bottom) return;
  t.block = { ...t.block, bottom };
  store.mappings = store.mappings.map((m) => (m.id === t.mappingId && m.status === "ok" ? { ...m, address: boxToA1(t.block) } : m));
  try {
    await store.port.saveMappings(okRecords(store));
  } catch (err) {
    store.fail(err);
  }
  await revalidateNow(store, [t]);
}
