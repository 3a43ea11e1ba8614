/**
 * Detection: the saved mappings (loadMappings) and every sheet's used range (readUsedRanges) → the
 * tracked tables, built from scratch — mapped tables first, then the tables detected outside them —
 * each parsed and checked, then the views rebuilt and the marks written.
 */
import { intersects, parseBox, toA1 } from "../../core/grid/a1";
import type { RangeBox } from "../../core/grid/a1";
import type { CellGrid } from "../../core/grid/cellgrid";
import { detectTables } from "../../core/layout/detect";

import type { LoadedMapping } from "../../excel/port";
import { sliceGrid } from "../grid-utils";
import { isMappingData, layoutFromMapping } from "../mapping";
import { scheduleMarks } from "./marks";
import { applyGrid, brokenViews, newTable, recompute, refreshBlocks } from "./recompute";
import { takeLibraryRecord } from "./records";
import { updateRuleIndex } from "./rule-library";
import { errorText, sameSheet, type PaneStore } from "./store";
import type { TrackedTable } from "./types";

const BIG_SHEET_ROWS = 3000;

/** Reads every sheet and the saved mappings, and builds the table list from scratch. */
export async function detect(store: PaneStore): Promise<void> {
  store.set({ phase: "detecting" });
  let grids: CellGrid[];
  try {
    store.mappings = await store.port.loadMappings().catch((e: unknown) => {
      store.notify({ level: "warning", text: errorText(e) });
      return [] as LoadedMapping[];
    });
    takeLibraryRecord(store);
    await updateRuleIndex(store);
    grids = await store.port.readUsedRanges();
    const sheets = await store.port.listSheets();
    store.sheetOrder = new Map(sheets.map((s) => [s.name.toLowerCase(), s.position]));
    store.set({ protectedSheets: sheets.filter((s) => s.protected).map((s) => s.name) });
    const tracked: TrackedTable[] = [];
    const mappedBoxes: { sheet: string; box: RangeBox }[] = [];
    for (const m of store.mappings) {
      if (m.status !== "ok") continue;
      const box = parseBox(m.address);
      if (!box || !isMappingData(m.data)) continue;
      const sheetGrid = grids.find((g) => sameSheet(g.sheet, m.sheet));
      const grid = sheetGrid ? sliceGrid(sheetGrid, box) : await store.port.readBlock(m.sheet, m.address);
      const t = newTable(store, "mapped", m.sheet, box, m.id, m.data);
      applyGrid(store, t, grid, layoutFromMapping(grid, m.data));
      tracked.push(t);
      mappedBoxes.push({ sheet: m.sheet, box });
    }
    for (const grid of grids) {
      if (grid.clippedFrom) {
        // Corner to corner ("A1:XFD1048576"), as Ctrl+End shows it, not as whole rows ("1:1048576").
        const u = grid.clippedFrom;
        const used = `${toA1(u.top, u.left)}:${toA1(u.bottom, u.right)}`;
        const read = `${toA1(grid.firstRow, grid.firstCol)}:${toA1(grid.lastRow, grid.lastCol)}`;
        store.notify({ level: "warning", key: "sheetClipped", data: { sheet: grid.sheet, used, read } });
      } else if (grid.rowCount > BIG_SHEET_ROWS) store.notify({ level: "info", key: "bigSheet", data: { sheet: grid.sheet, rows: grid.rowCount } });
      for (const layout of detectTables(grid)) {
        const r = layout.range;
        if (mappedBoxes.some((m) => sameSheet(m.sheet, grid.sheet) && intersects(m.box, r))) continue;
        const t = newTable(store, "detected", grid.sheet, { ...r }, null, null);
        applyGrid(store, t, sliceGrid(grid, r), layout);
        tracked.push(t);
      }
    }
    store.tracked = tracked;
    store.sortTracked();
    refreshBlocks(store);
    // Detected tables keep the grid of their (extended) block for fix previews.
    for (const t of tracked) {
      if (t.source !== "detected") continue;
      const g = grids.find((x) => sameSheet(x.sheet, t.sheet));
      if (g) t.grid = sliceGrid(g, t.block);
    }
    const withTables = new Set(tracked.map((t) => t.sheet.toLowerCase()));
    const emptySheets = sheets.map((s) => s.name).filter((n) => !withTables.has(n.toLowerCase()));
    store.dirty.clear();
    recompute(store, { phase: "ready", emptySheets, brokenMappings: brokenViews(store) });
  } catch (e) {
    store.set({ phase: "error" });
    store.notify({ level: "error", text: errorText(e) });
    return;
  }
  await scheduleMarks(store);
}
