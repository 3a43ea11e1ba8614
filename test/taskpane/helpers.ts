/** Workbooks for the task-pane tests, built as in-memory Excel snapshots (no ExcelJS). */
import { boxToA1, toA1 } from "../../src/core/grid/a1";
import type { CellGrid } from "../../src/core/grid/cellgrid";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import type { WorkbookPort } from "../../src/excel/port";
import { PaneController, type ControllerOptions } from "../../src/taskpane/controller";
import { MemoryExcel, type CellSnapshot, type WorkbookSnapshot } from "../../src/workbench/memory-excel";
import { stackedSeedGrid } from "../fixtures/seed-grid";

export const SHEET = "项目绩效目标表";

/** A sheet snapshot from a CellGrid (values, number formats, merges). */
export function sheetFromGrid(grid: CellGrid, name = grid.sheet): WorkbookSnapshot["sheets"][number] {
  const cells: Record<string, CellSnapshot> = {};
  for (let r = grid.firstRow; r <= grid.lastRow; r++)
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      if (grid.isMergedTail(r, c)) continue;
      const v = grid.value(r, c);
      const nf = grid.format(r, c);
      if (v === null && !nf) continue;
      cells[toA1(r, c)] = { v, ...(nf ? { nf } : {}) };
    }
  return { name, cells, merges: grid.merges.map((m) => boxToA1(m)) };
}

/** The seed's three tables stacked on one sheet, plus a sheet without a table. */
export function seedSnapshot(count = 3): WorkbookSnapshot {
  return {
    version: 1,
    sheets: [sheetFromGrid(stackedSeedGrid(count, SHEET)), { name: "说明", cells: { A1: { v: "填表说明：请按要求填写。" } } }],
    settings: {},
  };
}

/** Every table start row (0-based) of stackedSeedGrid: each seed table is 10 + 10 rows plus a blank row. */
export const TABLE_TOPS = [0, 21, 42];

/** A port that counts (and can hold back) readBlock calls. */
export class SpyPort implements WorkbookPort {
  reads: { sheet: string; address: string }[] = [];
  applies = 0;
  /** When set, readBlock results wait for this promise before being delivered. */
  gate: Promise<void> | null = null;
  constructor(readonly inner: WorkbookPort) {}
  get capabilities() {
    return this.inner.capabilities;
  }
  listSheets = () => this.inner.listSheets();
  readUsedRanges = () => this.inner.readUsedRanges();
  async readBlock(sheet: string, address: string) {
    this.reads.push({ sheet, address });
    const gate = this.gate;
    const grid = await this.inner.readBlock(sheet, address);
    if (gate) await gate;
    return grid;
  }
  applyEdits: WorkbookPort["applyEdits"] = (e) => {
    this.applies++;
    return this.inner.applyEdits(e);
  };
  select = (s: string, c: string) => this.inner.select(s, c);
  getSelection = () => this.inner.getSelection();
  setMarks: WorkbookPort["setMarks"] = (m) => this.inner.setMarks(m);
  clearMarks = () => this.inner.clearMarks();
  saveMappings: WorkbookPort["saveMappings"] = (m) => this.inner.saveMappings(m);
  loadMappings = () => this.inner.loadMappings();
  subscribe: WorkbookPort["subscribe"] = (f) => this.inner.subscribe(f);
}

export interface Rig {
  mem: MemoryExcel;
  port: SpyPort;
  ctl: PaneController;
  /** Waits for Excel's events and the controller's work to finish. */
  settle(): Promise<void>;
}

export async function rig(snap: WorkbookSnapshot = seedSnapshot(), opts: ControllerOptions = {}, apiVersion = 14, start = true): Promise<Rig> {
  const mem = MemoryExcel.fromSnapshot(snap, { apiVersion });
  const port = new SpyPort(new OfficeWorkbook(mem.host()));
  const ctl = new PaneController(port, { debounceMs: 0, ...opts });
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await mem.flush();
      await ctl.whenIdle();
    }
  };
  if (start) {
    await ctl.start();
    await settle();
  }
  return { mem, port, ctl, settle };
}
