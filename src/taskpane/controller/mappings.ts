/**
 * User mappings: a table the detection does not find, mapped by hand — the selection read and a role
 * proposed for every column (a draft the user corrects), saved in the workbook (replacing mappings
 * that overlap it) and checked at once; or removed, and the tables detected again.
 */
import { boxToA1, intersects, parseBox } from "../../core/grid/a1";
import type { RangeBox } from "../../core/grid/a1";
import type { CellGrid } from "../../core/grid/cellgrid";
import type { ColumnRole } from "../../core/model/schema";

import type { LoadedMapping, MappingRecord } from "../../excel/port";
import { rows } from "../grid-utils";
import { draftColumns, duplicateRoles, guessHeaderRow, layoutFromMapping, mappingDataOf, missingRoles } from "../mapping";
import { detect } from "./detect";
import { scheduleMarks } from "./marks";
import { applyGrid, newTable, recompute, refreshBlocks } from "./recompute";
import { sameSheet, type PaneStore } from "./store";
import { LIBRARY_RECORD_ID, type MappingDraft } from "./types";

/** Reads the current selection and proposes a role for every column. Null (with a notice) when unusable. */
export async function draftFromSelection(store: PaneStore): Promise<MappingDraft | null> {
  try {
    const sel = await store.port.getSelection();
    const box = parseBox(sel.address);
    if (!box || !sel.sheet) return null;
    if (box.top === box.bottom || box.left === box.right) {
      store.notify({ level: "warning", key: "selectTable" });
      return null;
    }
    if (rows(box) > store.maxMappingRows || box.right - box.left > 100) {
      store.notify({ level: "warning", key: "selectionTooLarge", data: { rows: rows(box) } });
      return null;
    }
    const grid = await store.port.readBlock(sel.sheet, boxToA1(box));
    return makeDraft(sel.sheet, box, grid, guessHeaderRow(grid));
  } catch (e) {
    store.fail(e);
    return null;
  }
}

/** Saves a mapping (replacing mappings that overlap it) and checks the mapped table at once. */
export async function saveMapping(store: PaneStore, draft: MappingDraft): Promise<boolean> {
  if (draft.missing.length > 0 || draft.duplicates.length > 0) return false;
  const data = mappingDataOf(draft.block, draft.headerRow, draft.columns);
  const layout = layoutFromMapping(draft.grid, data);
  if (!layout) {
    store.notify({ level: "warning", key: "mappingNoTable" });
    return false;
  }
  const id = `m${Date.now().toString(36)}${(++store.seq).toString(36)}`;
  const address = boxToA1(draft.block);
  const keep = store.mappings.filter(
    (m): m is Extract<LoadedMapping, { status: "ok" }> =>
      m.status === "ok" && (m.id === LIBRARY_RECORD_ID || !(sameSheet(m.sheet, draft.sheet) && intersectsA1(m.address, draft.block))),
  );
  const records: MappingRecord[] = [...keep.map(({ id: i, sheet, address: a, data: d }) => ({ id: i, sheet, address: a, data: d })), { id, sheet: draft.sheet, address, data }];
  store.set({ busy: true });
  try {
    await store.port.saveMappings(records);
  } catch (e) {
    store.fail(e);
    store.set({ busy: false });
    return false;
  }
  const droppedBroken = store.mappings.filter((m) => m.status === "broken").length;
  store.mappings = records.map((r) => ({ status: "ok" as const, ...r }));
  const table = newTable(store, "mapped", draft.sheet, draft.block, id, data);
  applyGrid(store, table, draft.grid, layout);
  store.tracked = store.tracked.filter((t) => !(sameSheet(t.sheet, draft.sheet) && intersects(t.block, draft.block)));
  store.tracked.push(table);
  store.sortTracked();
  refreshBlocks(store);
  store.notify({ level: "info", key: "mappingSaved", data: { range: `${draft.sheet}!${address}` } });
  if (droppedBroken) store.notify({ level: "info", key: "brokenDropped", data: { n: droppedBroken } });
  recompute(store, { busy: false, brokenMappings: [], emptySheets: store.state.emptySheets.filter((s) => !sameSheet(s, draft.sheet)) });
  await scheduleMarks(store);
  return true;
}

/** Removes a saved mapping (a working or a broken one) and detects the tables again. */
export async function removeMapping(store: PaneStore, id: string): Promise<void> {
  const records: MappingRecord[] = store.mappings.flatMap((m) =>
    m.status === "ok" && (m.id !== id || m.id === LIBRARY_RECORD_ID) ? [{ id: m.id, sheet: m.sheet, address: m.address, data: m.data }] : [],
  );
  store.set({ busy: true });
  try {
    await store.port.saveMappings(records);
  } catch (e) {
    store.fail(e);
    store.set({ busy: false });
    return;
  }
  store.set({ busy: false });
  await store.track(detect(store));
}

function intersectsA1(address: string, box: RangeBox): boolean {
  const b = parseBox(address);
  return !!b && intersects(b, box);
}

// ── mapping drafts (pure) ─────────────────────────────────────────────────────────────────────

export function makeDraft(sheet: string, block: RangeBox, grid: CellGrid, headerRow: number): MappingDraft {
  const rowChoices: { row: number; text: string }[] = [];
  const last = Math.min(grid.lastRow, grid.firstRow + 60);
  for (let r = grid.firstRow; r <= last; r++) {
    const texts: string[] = [];
    for (let c = grid.firstCol; c <= grid.lastCol && texts.join(" ").length < 30; c++) {
      const t = grid.text(r, c);
      if (t) texts.push(t);
    }
    if (texts.length > 0 || r === headerRow) rowChoices.push({ row: r, text: truncate(texts.join(" | "), 30) });
  }
  const columns = draftColumns(grid, headerRow);
  return {
    sheet,
    address: boxToA1(block),
    block,
    grid,
    headerRow,
    rowChoices,
    columns,
    missing: missingRoles(columns),
    duplicates: duplicateRoles(columns),
  };
}

/** The draft with another header row (roles proposed again from that row's labels). */
export function withHeaderRow(d: MappingDraft, row: number): MappingDraft {
  return makeDraft(d.sheet, d.block, d.grid, row);
}

/** The draft with one column's role changed. */
export function withRole(d: MappingDraft, col: number, role: ColumnRole): MappingDraft {
  const columns = d.columns.map((c) => (c.col === col ? { ...c, role } : c));
  return { ...d, columns, missing: missingRoles(columns), duplicates: duplicateRoles(columns) };
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
