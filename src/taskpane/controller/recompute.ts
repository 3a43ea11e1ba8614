/**
 * From grids to the pane's issues: a freshly read grid parsed into a tracked table and checked by
 * the table rules (applyGrid), the blocks re-read on a change (refreshBlocks), and the views rebuilt
 * after the workbook rules ran over the cached models (recompute). Nothing here reads the workbook
 * except freshModel.
 */
import { boxToA1, parseBox } from "../../core/grid/a1";
import type { RangeBox } from "../../core/grid/a1";
import type { CellGrid } from "../../core/grid/cellgrid";
import { detectTables } from "../../core/layout/detect";
import { parseTable } from "../../core/layout/parse-table";
import type { TableLayout } from "../../core/layout/types";
import type { Issue, ProjectTable } from "../../core/model/schema";
import { runRules, sortIssues } from "../../core/rules/engine";

import { layoutFromMapping, type MappingData } from "../mapping";
import { sameSheet, TABLE_RULES, WORKBOOK_RULES, type PaneStore } from "./store";
import { LIBRARY_RECORD_ID, type BrokenMappingView, type PaneState, type SeverityCounts, type TableView, type TrackedTable } from "./types";

export function newTable(
  store: PaneStore,
  source: TrackedTable["source"],
  sheet: string,
  block: RangeBox,
  mappingId: string | null,
  mapping: MappingData | null,
): TrackedTable {
  return {
    id: `${source === "mapped" ? "m" : "t"}${++store.seq}`,
    source,
    mappingId,
    mapping,
    sheet,
    block,
    grid: null,
    model: null,
    tableIssues: [],
    status: "ok",
    gen: 0,
  };
}

/** Marks a table lost (with a notice the first time) and drops its model and issues. */
export function loseTable(store: PaneStore, t: TrackedTable, range: string = t.model?.range ?? boxToA1(t.block)): void {
  if (t.status === "ok") {
    t.status = "lost";
    store.notify({ level: "warning", key: "tableLost", data: { name: t.model?.projectName.value ?? "", range: `${t.sheet}!${range}` } });
  }
  t.model = null;
  t.tableIssues = [];
}

/** Parses a layout of a freshly read grid into the table (or marks the table lost). */
export function applyGrid(store: PaneStore, t: TrackedTable, grid: CellGrid, layout: TableLayout | null): void {
  t.grid = grid;
  if (!layout) {
    loseTable(store, t);
    return;
  }
  const model = parseTable(grid, layout);
  t.model = model;
  t.status = "ok";
  t.tableIssues = runRules([model], store.config(TABLE_RULES));
}

/** The layout of a table in a fresh grid of its block. */
export function layoutOf(t: TrackedTable, grid: CellGrid): TableLayout | null {
  if (t.source === "mapped") return t.mapping ? layoutFromMapping(grid, t.mapping) : null;
  const found = detectTables(grid);
  if (found.length === 0) return null;
  const prev = t.model?.indicatorHeader.row ?? grid.firstRow;
  return found.reduce((best, l) => (Math.abs(l.indicatorHeader.row - prev) < Math.abs(best.indicatorHeader.row - prev) ? l : best));
}

/** The table's block read again and parsed (the model edits are planned on). */
export async function freshModel(store: PaneStore, t: TrackedTable): Promise<{ grid: CellGrid; model: ProjectTable } | null> {
  const grid = await store.port.readBlock(t.sheet, boxToA1(t.block));
  const layout = layoutOf(t, grid);
  return layout ? { grid, model: parseTable(grid, layout) } : null;
}

/** A detected table's block: its range plus a few rows below, never reaching the next table. */
export function refreshBlocks(store: PaneStore): void {
  const bySheet = new Map<string, { t: TrackedTable; r: RangeBox }[]>();
  for (const t of store.tracked) {
    const r = (t.model && parseBox(t.model.range)) || t.block;
    const k = t.sheet.toLowerCase();
    let list = bySheet.get(k);
    if (!list) bySheet.set(k, (list = []));
    list.push({ t, r });
  }
  for (const list of bySheet.values()) {
    list.sort((a, b) => a.r.top - b.r.top);
    list.forEach(({ t, r }, i) => {
      if (t.source !== "detected" || !t.model) return;
      let bottom = r.bottom + store.extraRows;
      // The first table starting below this one in overlapping columns caps the block.
      for (let j = i + 1; j < list.length && list[j].r.top <= bottom; j++) {
        const o = list[j].r;
        if (o.top > r.bottom && o.left <= r.right && r.left <= o.right) bottom = Math.min(bottom, o.top - 1);
      }
      t.block = { ...r, bottom: Math.max(r.bottom, bottom) };
    });
  }
}

/** The saved mappings that no longer point at a table (the library record is not one of them). */
export function brokenViews(store: PaneStore): BrokenMappingView[] {
  return store.mappings.flatMap((m) =>
    m.status === "broken" && m.id !== LIBRARY_RECORD_ID ? [{ id: m.id, sheet: m.sheet, address: m.address, reason: m.reason, message: m.message }] : [],
  );
}

/** Runs the workbook rules over the cached models and rebuilds the views. */
export function recompute(store: PaneStore, extra: Partial<PaneState> = {}): void {
  const ok = store.tracked.filter((t) => t.status === "ok" && t.model);
  const models = ok.map((t) => t.model!);
  const workbookIssues = WORKBOOK_RULES.length && models.length ? runRules(models, store.config(WORKBOOK_RULES)) : [];
  const indexOf = new Map(store.tracked.map((t, i) => [t, i]));
  const issues: Issue[] = [];
  const fresh = store.freshRows;
  // A row just inserted from the library is being filled in: its empty value is not an error yet.
  const waiting = (is: Issue) => {
    if (!fresh || is.rule !== "value-missing" || !is.cell || !sameSheet(is.sheet, fresh.sheet)) return false;
    const box = parseBox(is.cell);
    return !!box && fresh.rows.has(box.top);
  };
  for (const t of store.tracked) {
    const i = indexOf.get(t)!;
    for (const is of t.tableIssues) if (!waiting(is)) issues.push({ ...is, table: i });
  }
  for (const is of workbookIssues) {
    const t = is.table === null ? undefined : ok[is.table];
    issues.push({ ...is, table: t ? indexOf.get(t)! : null });
  }
  const sorted = sortIssues(issues);
  const totals: SeverityCounts = { error: 0, warning: 0, info: 0 };
  const per = store.tracked.map((): SeverityCounts => ({ error: 0, warning: 0, info: 0 }));
  for (const is of sorted) {
    totals[is.severity]++;
    if (is.table !== null) per[is.table][is.severity]++;
  }
  const tables: TableView[] = store.tracked.map((t, i) => ({
    id: t.id,
    source: t.source,
    mappingId: t.mappingId,
    sheet: t.sheet,
    range: t.model?.range ?? boxToA1(t.block),
    kind: t.model?.kind ?? "project",
    projectName: t.model?.projectName.value ?? null,
    unitName: t.model?.unitName.value ?? null,
    form: t.model?.form ?? null,
    indicators: t.model?.indicators.length ?? 0,
    status: t.status,
    counts: per[i],
  }));
  store.set({ tables, issues: sorted, totals, ...extra });
}

/** Checks the cached models again with the table rules (after the rules' options changed), then recompute. */
export function recheckCached(store: PaneStore, extra: Partial<PaneState> = {}): void {
  for (const t of store.tracked) if (t.status === "ok" && t.model) t.tableIssues = runRules([t.model], store.config(TABLE_RULES));
  recompute(store, extra);
}
