/**
 * The spending plan (支出计划) actions of the pane: the preview of a plan for a table (from its
 * cached model and grid, plan-controller.ts) and the write of its four plan cells — read again,
 * planned with planWrite, confirmed when it overwrites, written as one undoable change.
 */
import { boxToA1 } from "../../core/grid/a1";
import { parseTable } from "../../core/layout/parse-table";
import type { Locale } from "../../core/messages";
import type { ProjectTable } from "../../core/model/schema";
import { PlanError, planWrite, type PlanCellWrite, type PlanValues } from "../../core/plan";

import type { Edit } from "../../excel/port";
import { changingCells, overwrittenCells, planPreview, type PlanInput, type PlanPreview } from "../plan-controller";
import { write } from "./fixes";
import { layoutOf } from "./recompute";
import type { PaneStore } from "./store";
import type { PlanWriteOutcome } from "./types";

/** The parsed model of a table (null when unknown or lost). */
export function tableModel(store: PaneStore, tableId: string): ProjectTable | null {
  return store.tracked.find((t) => t.id === tableId)?.model ?? null;
}

/** The plan a profile gives for a table, before anything is written (null when the table is unknown or lost). */
export function previewPlan(store: PaneStore, tableId: string, input: PlanInput, locale: Locale): PlanPreview | null {
  const i = store.tracked.findIndex((t) => t.id === tableId);
  const t = store.tracked[i];
  if (!t || !t.model || t.status !== "ok") return null;
  return planPreview(tableId, t.model, t.grid, input, locale, i);
}

/** Writes a plan into the table's four plan cells (see PaneController.writePlan). */
export async function writePlan(store: PaneStore, tableId: string, values: PlanValues, confirmed?: readonly PlanCellWrite[]): Promise<PlanWriteOutcome> {
  const t = store.okTable(tableId);
  if (!t) return { status: "failed" };
  store.set({ busy: true });
  let cells: PlanCellWrite[];
  let edits: Edit[];
  let name: string;
  try {
    const grid = await store.port.readBlock(t.sheet, boxToA1(t.block));
    const layout = layoutOf(t, grid);
    if (!layout) throw new PlanError("noPlan");
    const model = parseTable(grid, layout);
    const w = planWrite(model, grid, values);
    cells = w.cells;
    const change = new Set(changingCells(cells).map((c) => c.key));
    edits = w.edits.filter((_, k) => change.has(cells[k].key));
    // A blank cell among percent-formatted numbers gets their format with its fraction.
    for (const c of cells)
      if (c.numberFormat !== undefined && change.has(c.key)) edits.push({ kind: "numberFormat", sheet: model.sheet, cell: c.cell, numberFormat: c.numberFormat });
    name = model.projectName.value ?? boxToA1(t.block);
  } catch (err) {
    store.set({ busy: false });
    if (err instanceof PlanError) return { status: "failed", error: err };
    store.fail(err);
    return { status: "failed" };
  }
  const before = (c: PlanCellWrite) => `${c.key}:${c.cell}:${typeof c.before}:${String(c.before)}`;
  const stale = confirmed !== undefined && cells.map(before).join("\n") !== confirmed.map(before).join("\n");
  if (stale) store.notify({ level: "warning", key: "planStale" });
  if (stale || (confirmed === undefined && overwrittenCells(cells).length > 0)) {
    store.set({ busy: false });
    return { status: "confirm", cells };
  }
  if (edits.length === 0) {
    store.set({ busy: false });
    store.notify({ level: "info", key: "planUnchanged" });
    return { status: "unchanged", cells };
  }
  const ok = await write(store, edits, "planWritten", { name });
  return ok ? { status: "written", cells } : { status: "failed" };
}
