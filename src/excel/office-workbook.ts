/**
 * OfficeWorkbook — the WorkbookPort over the Excel JavaScript API. This directory is the only code
 * that touches Office.js; the same class runs in Excel, in the workbench and in jest (the last two
 * against the in-memory Excel of src/workbench/memory-excel).
 *
 * Rules kept everywhere: load before read, one sync per batch of loads, never a sync in a loop,
 * features above the ExcelApi 1.7 floor only behind `capabilities` (isSetSupported), no method
 * called on an `…OrNullObject` result before its isNullObject was read, every batch asks to wait
 * while the user edits a cell (RunOptions.delayForCellEdit, ExcelApi 1.11; below, reads are retried).
 * docs/excel-fidelity.md lists each documented behaviour relied on and the contract case proving it.
 *
 * Parts: reading and writing here; used ranges read in row blocks in chunked-read.ts; highlighting in
 * mark-writer.ts (why direct fill, and how a mark update is read → planned → queued → verified; the
 * plan itself in mark-plan.ts, the caches in mark-cache.ts); a cell's fill read and written in
 * fill-probe.ts; edits and their inverses in edits.ts; the change subscription and its own-write
 * guard in changes.ts; where mappings are saved in mapping-store.ts; the sheets seen in sheets.ts.
 */
import { boxToA1, parseBox } from "../core/grid/a1";
import type { RangeBox } from "../core/grid/a1";
import { CellGrid, CellValue } from "../core/grid/cellgrid";
import { normCell, splitAreas, splitQualified } from "./address";
import { ChangeFeed } from "./changes";
import { ChunkedReader, probeUsedSizes, readWindow, usedBox, type ChunkRead } from "./chunked-read";
import { ProtectedSheetError, SheetNotFoundError, WorkbookError, excelErrorCode } from "./errors";
import { inverseOf, queueEdit, type QueuedEdit } from "./edits";
import { queueSheetEdit, sheetInverse, type QueuedSheetEdit } from "./sheet-edits";
import { eachBlockFill, probeBlockFills, type FillProbe } from "./fill-probe";
import { FillCache, Flight, MARK_NAME_PREFIX, cellKey } from "./mark-cache";
import { MARK_COLORS } from "./mark-plan";
import { MarkWriter } from "./mark-writer";
import { MAPPINGS_SETTING, TABLE_NAME_PREFIX, queueHideNames, queueMappings, readMappings } from "./mapping-store";
import { SHEET_PROPS, SheetRegistry, sheetInfo } from "./sheets";
import type { Capabilities, ChangeSubscription, DirtyRange, Edit, FillEdit, LoadedMapping, Mark, MappingRecord, MarkResult, SheetInfo, WorkbookPort } from "./port";

/** What the adapter needs of the `Excel` global. */
export interface ExcelLike {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** What the adapter needs of the `Office` global. */
export interface OfficeLike {
  context: { requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
}

export interface OfficeWorkbookOptions {
  excel?: ExcelLike;
  office?: OfficeLike;
  /** How long (ms) after our own write an event on the written cells is taken as ours (< ExcelApi 1.14). */
  selfWriteWindowMs?: number;
  /** Largest block (cells) whose fills readBlock captures: 20,000 with getCellProperties, 2,000 below 1.9. */
  maxFillCells?: number;
  /** Cells per request when used ranges are read (halved on Excel's payload-limit error). */
  readChunkCells?: number;
  /** Only marks on sheets this accepts are set or cleared (the self-test keeps to its scratch sheet). */
  markScope?: (sheet: string) => boolean;
}

export { MARK_COLORS, MARK_NAME_PREFIX, MAPPINGS_SETTING, TABLE_NAME_PREFIX };

export function detectCapabilities(office: OfficeLike): Capabilities {
  const ok = (minor: number): boolean => {
    try {
      return office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`);
    } catch {
      return false;
    }
  };
  let apiVersion = 1;
  for (let m = 2; m <= 20 && ok(m); m++) apiVersion = m;
  return {
    apiVersion,
    collectionEvents: apiVersion >= 9,
    cellProperties: apiVersion >= 9,
    mergedAreas: apiVersion >= 13,
    triggerSource: apiVersion >= 14,
  };
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

export class OfficeWorkbook implements WorkbookPort {
  readonly capabilities: Capabilities;
  private readonly excel: ExcelLike;
  private readonly sheets = new SheetRegistry();
  /** Fills seen by recent reads or written by us (for setMarks without a read). */
  private readonly fills: FillCache;
  private readonly maxFillCells: number;
  private readonly reader: ChunkedReader;
  private readonly marker: MarkWriter;
  private readonly changes: ChangeFeed;

  constructor(opts: OfficeWorkbookOptions = {}) {
    const g = globalThis as unknown as { Excel?: ExcelLike; Office?: OfficeLike };
    const excel = opts.excel ?? g.Excel;
    const office = opts.office ?? g.Office;
    if (!excel || !office) throw new Error("OfficeWorkbook needs Excel and Office (run inside Excel or the workbench)");
    this.excel = excel;
    this.capabilities = detectCapabilities(office);
    this.fills = new FillCache();
    this.maxFillCells = opts.maxFillCells ?? (this.capabilities.cellProperties ? 20_000 : 2_000);
    this.reader = new ChunkedReader(opts.readChunkCells ?? 200_000);
    this.marker = new MarkWriter({
      scope: opts.markScope,
      run: (batch) => this.run(batch),
      cellProperties: this.capabilities.cellProperties,
      fills: this.fills,
      sheets: this.sheets,
      live: () => this.changes.live(),
      listSheets: () => this.listSheets(),
      explainWriteError: (err, names) => this.explainWriteError(err, names),
    });
    this.changes = new ChangeFeed({
      excel,
      run: (batch) => this.run(batch),
      capabilities: this.capabilities,
      sheets: this.sheets,
      fills: this.fills,
      marker: this.marker,
      listSheets: () => this.listSheets(),
      windowMs: opts.selfWriteWindowMs ?? 1500,
    });
  }

  // ── reading ──────────────────────────────────────────────────────────────────────────────────

  async listSheets(): Promise<SheetInfo[]> {
    return this.runRead(async (context) => {
      const ws = context.workbook.worksheets;
      ws.load(SHEET_PROPS);
      const names = this.marker.prime(context);
      const flight = this.fills.begin();
      try {
        await context.sync();
      } finally {
        this.fills.end(flight);
      }
      this.marker.take(names, flight);
      return this.sheets.remember(ws.items);
    });
  }

  /**
   * One Excel.run: the sheet list first (its names address the sheets), then every sheet's used-range
   * size and merged areas, then the cells — values and number formats — in row blocks of at most
   * `readChunkCells` cells per request (chunked-read.ts: Excel on the web's 5 MB limit). Fills are
   * captured with the cells (ExcelApi 1.9) when the workbook's used cells are few enough (maxFillCells).
   * Without ExcelApi 1.13 merged areas are not available: merged tails simply read empty.
   */
  async readUsedRanges(): Promise<CellGrid[]> {
    return this.runRead(async (context) => {
      const ws = context.workbook.worksheets;
      ws.load(SHEET_PROPS);
      const names = this.marker.prime(context);
      const namesFlight = this.fills.begin();
      try {
        await context.sync();
      } finally {
        this.fills.end(namesFlight);
      }
      this.marker.take(names, namesFlight);
      const infos = this.sheets.remember(ws.items);
      const sizes = probeUsedSizes(ws.items, this.capabilities.mergedAreas);
      await context.sync();
      const { chunks, cells } = this.reader.plan(sizes);
      const withFills = this.capabilities.cellProperties && cells <= this.maxFillCells;
      const flight = this.fills.begin();
      let done: ChunkRead[];
      try {
        done = await this.reader.read(context, ws.items, chunks, withFills);
      } finally {
        this.fills.end(flight);
      }
      const grids: CellGrid[] = [];
      sizes.forEach((sz, i) => {
        const parts = done.filter((d) => d.chunk.sheet === i).sort((x, y) => x.chunk.box.top - y.chunk.box.top);
        if (parts.length === 0) return;
        for (const p of parts) if (p.chunk.fills) this.recordBlockFills(p.chunk.fills, p.chunk.box, infos[i].name, flight);
        const top = parts[0].chunk.box;
        // A used range over the read caps was read only in its top-left part (chunked-read.ts readWindow).
        const used = usedBox(sz);
        const window = readWindow(used);
        const clipped = window.bottom !== used.bottom || window.right !== used.right;
        grids.push(
          this.toGrid(
            infos[i].name,
            top.top,
            top.left,
            parts.flatMap((p) => p.values),
            parts.flatMap((p) => p.formats),
            sz.merged,
            clipped ? window : null,
            clipped ? used : undefined,
          ),
        );
      });
      return grids;
    });
  }

  /**
   * Values, number formats and merged areas of one block: one Excel.run, one sync. The same sync also
   * captures every cell's fill (ExcelApi 1.9: getCellProperties; below: one fill load per cell, smaller
   * blocks only) for setMarks, and reloads the list of mark names when rows moved since the last call.
   */
  async readBlock(sheet: string, address: string): Promise<CellGrid> {
    const box = parseBox(address);
    if (!box) throw new WorkbookError("excel-error", `地址无效：${address}`, `Invalid address: ${address}`);
    return this.runRead(async (context) => {
      // getItem, not getItemOrNullObject: methods follow, and none may be called on a null object.
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.load("id,name,position,protection/protected,protection/options");
      const range = ws.getRange(boxToA1(box));
      range.load("values,numberFormat,rowIndex,columnIndex");
      // Excel returns only merges whose top-left lies in the queried range (office-js #3611), so
      // ask from A1 to the block's bottom-right and keep the ones that intersect the block.
      const merged = this.capabilities.mergedAreas
        ? ws.getRange(boxToA1({ top: 0, left: 0, bottom: box.bottom, right: box.right })).getMergedAreasOrNullObject()
        : null;
      merged?.load("address");
      const fills = probeBlockFills(range, box, this.capabilities.cellProperties, this.maxFillCells);
      const names = this.changes.live() ? this.marker.prime(context) : null;
      const flight = this.fills.begin(sheet, box);
      try {
        await context.sync();
      } catch (e) {
        if (excelErrorCode(e) === "ItemNotFound") throw new SheetNotFoundError(sheet, e);
        throw e;
      } finally {
        this.fills.end(flight);
      }
      this.sheets.set(sheetInfo(ws));
      this.marker.take(names, flight);
      if (fills) this.recordBlockFills(fills, box, ws.name, flight);
      return this.toGrid(sheet, range.rowIndex, range.columnIndex, range.values, range.numberFormat, merged, box);
    });
  }

  /** Records a probed block's fills as the guesses of setMarks. */
  private recordBlockFills(fills: FillProbe[][] | FillProbe, box: RangeBox, sheet: string, flight: Flight): void {
    const prefix = `${sheet.toLowerCase()}!`;
    eachBlockFill(fills, box, (cell, fill) => this.fills.record(flight, `${prefix}${cell}`, fill));
  }

  private toGrid(
    sheet: string,
    rowIndex: number,
    columnIndex: number,
    values: unknown[][],
    formats: unknown[][],
    merged: Excel.RangeAreas | null,
    clip: RangeBox | null,
    clippedFrom?: RangeBox,
  ): CellGrid {
    const merges: RangeBox[] = [];
    if (merged && !merged.isNullObject) {
      for (const area of splitAreas(merged.address)) {
        const b = parseBox(area);
        if (!b) continue;
        if (clip && (b.right < clip.left || b.left > clip.right || b.bottom < clip.top || b.top > clip.bottom)) continue;
        merges.push(b);
      }
    }
    return new CellGrid({
      sheet,
      originRow: rowIndex,
      originCol: columnIndex,
      values: values.map((r) => r.map(toCellValue)),
      formats: formats.map((r) => r.map((f) => (typeof f === "string" ? f : null))),
      merges,
      ...(clippedFrom ? { clippedFrom } : {}),
    });
  }

  async getSelection(): Promise<{ sheet: string; address: string }> {
    return this.runRead(async (context) => {
      const r = context.workbook.getSelectedRange();
      r.load("address");
      await context.sync();
      const q = splitQualified(r.address);
      return { sheet: q.sheet ?? "", address: q.address };
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(normCell(cell)).select();
      await context.sync();
    }).catch((e: unknown) => {
      if (excelErrorCode(e) === "ItemNotFound") throw new SheetNotFoundError(sheet, e);
      throw e;
    });
  }

  // ── writing ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Applies every edit in ONE Excel.run with ONE sync. The previous state is loaded in the same batch
   * BEFORE each write (loads run in queue order, so they see the state before the write), which is
   * what the returned inverse edits are built from; undo = applyEdits(inverse).
   * Limits: the inverse of deleteRows restores values/formulas and number formats, not fills or merges;
   * that of deleteSheet values, number formats and merges (sheet-edits.ts).
   */
  async applyEdits(edits: readonly Edit[]): Promise<Edit[]> {
    if (edits.length === 0) return [];
    if (this.sheets.protectedAmong(edits.map((e) => e.sheet)).length) await this.checkProtection(edits);
    this.changes.guard(edits);
    const fillKeys = edits.filter((e): e is FillEdit => e.kind === "fill").map((e) => cellKey(e.sheet, e.cell));
    const moves = edits.some((e) => e.kind === "insertRows" || e.kind === "deleteRows" || e.kind === "addSheet" || e.kind === "deleteSheet");
    return this.run(async (context) => {
      const sheets = new Map<string, Excel.Worksheet>();
      const sheetOf = (name: string): Excel.Worksheet => {
        let ws = sheets.get(name);
        if (!ws) {
          ws = context.workbook.worksheets.getItem(name);
          sheets.set(name, ws);
        }
        return ws;
      };
      // Every write is queued with the loads its inverse needs; the inverses are read after the one sync.
      const queued: (QueuedEdit | QueuedSheetEdit)[] = edits.map((e) =>
        e.kind === "addSheet" || e.kind === "deleteSheet"
          ? queueSheetEdit(context.workbook.worksheets, sheets, e, this.capabilities.mergedAreas)
          : queueEdit(sheetOf(e.sheet), e, this.capabilities.cellProperties),
      );
      this.fills.writing(fillKeys, false);
      if (moves) this.fills.clear();
      try {
        await context.sync();
      } catch (err) {
        this.fills.forget(fillKeys);
        if (moves) this.marker.drop();
        throw await this.explainWriteError(err, edits.map((x) => x.sheet));
      }
      if (moves) this.marker.drop();
      this.fills.forget(fillKeys);
      this.changes.renewGuard(edits);
      for (const e of edits) if (e.kind === "insertRows") this.marker.noteInserted({ sheet: e.sheet, top: e.row - 1, count: e.count });
      // Undo runs the groups backwards; inside a group the order stays (insert rows, then refill them).
      return queued.map((q) => (q.kind === "addSheet" || q.kind === "deleteSheet" ? sheetInverse(q) : inverseOf(q))).reverse().flat();
    });
  }

  /**
   * Edits on a protected sheet: Excel refuses changes to LOCKED cells only, formats unless "format
   * cells" is allowed, and row inserts/deletes (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions).
   * A batch that fails part-way leaves its earlier writes applied without an inverse, so what would be
   * refused is found first (one sync) and the whole edit refused before anything is written.
   */
  private async checkProtection(edits: readonly Edit[]): Promise<void> {
    const refused = await this.run(async (context) => {
      const ws = context.workbook.worksheets;
      ws.load(SHEET_PROPS);
      const locks = edits.map((e) => {
        if (e.kind !== undefined && e.kind !== "value") return null;
        const p = ws.getItem(e.sheet).getRange(e.cell).format.protection;
        p.load("locked");
        return p;
      });
      await context.sync();
      this.sheets.remember(ws.items);
      const out = new Set<string>();
      edits.forEach((e, i) => {
        const info = this.sheets.find(e.sheet);
        if (!info?.protected) return;
        const lock = locks[i];
        if (lock ? lock.locked !== false : e.kind === "insertRows" || e.kind === "deleteRows" || !info.allowFormatCells) out.add(info.name);
      });
      return [...out];
    });
    if (refused.length) throw new ProtectedSheetError(refused);
  }

  /** Maps Excel's refusal on a protected sheet to ProtectedSheetError (checks which sheets are protected). */
  private async explainWriteError(err: unknown, sheetNames: string[]): Promise<unknown> {
    const code = excelErrorCode(err);
    if (code === "ItemNotFound") {
      const missing = await this.missingSheets(sheetNames);
      if (missing.length) return new SheetNotFoundError(missing[0], err);
    }
    if (code === "AccessDenied" || code === "InvalidOperation") {
      await this.listSheets().catch(() => undefined);
      const prot = this.sheets.protectedAmong(sheetNames);
      if (prot.length) return new ProtectedSheetError(prot, err);
    }
    return err;
  }

  private async missingSheets(names: string[]): Promise<string[]> {
    const list = await this.listSheets().catch(() => [] as SheetInfo[]);
    const have = new Set(list.map((s) => s.name.toLowerCase()));
    return [...new Set(names)].filter((n) => !have.has(n.toLowerCase()));
  }

  // ── marks ────────────────────────────────────────────────────────────────────────────────────

  /** Removes every mark of this workbook (the mark names are always re-read here): 2 syncs. */
  async clearMarks(): Promise<MarkResult> {
    return this.marker.update([], true);
  }

  /**
   * Makes exactly these cells marked; only cells whose mark appears, goes or changes are written.
   * Cost: 0 syncs when nothing changes; 1 (the writes, each checked by a read in the same batch) when
   * the guesses of the cells' fills hold — cells read by a recent readBlock, or last written by us;
   * 2 when a guess was wrong and is corrected. Without a live change subscription the mark names are
   * re-read first (+1).
   */
  async setMarks(marks: readonly Mark[]): Promise<MarkResult> {
    return this.marker.update(marks, false);
  }

  // ── mappings ─────────────────────────────────────────────────────────────────────────────────

  /** Replaces the saved mappings (mapping-store.ts). Three syncs: read what exists, write, hide the new names. */
  async saveMappings(mappings: readonly MappingRecord[]): Promise<void> {
    await this.run(async (context) => {
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();
      const added = queueMappings(context, names.items, mappings);
      try {
        await context.sync();
      } catch (e) {
        if (excelErrorCode(e) === "InvalidArgument") {
          const missing = await this.missingSheets(mappings.map((m) => m.sheet));
          if (missing.length) throw new SheetNotFoundError(missing[0], e);
        }
        throw e;
      }
      // Hidden in the batch after the one that added them (see queueMappings).
      if (added.length === 0) return;
      queueHideNames(context, added);
      await context.sync();
    });
  }

  /** One sync: the setting, every name (with where it points now) and the sheet list. */
  async loadMappings(): Promise<LoadedMapping[]> {
    return this.runRead(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(MAPPINGS_SETTING);
      setting.load("value");
      const names = context.workbook.names;
      names.load("items/name,items/formula,items/comment");
      const ws = context.workbook.worksheets;
      ws.load(SHEET_PROPS);
      const flight = this.fills.begin();
      try {
        await context.sync();
      } finally {
        this.fills.end(flight);
      }
      this.sheets.remember(ws.items);
      this.marker.take(names, flight);
      return readMappings(setting, names.items, ws.items);
    });
  }

  // ── changes ──────────────────────────────────────────────────────────────────────────────────

  /** The user's changes as dirty ranges, the add-in's own writes left out (changes.ts). */
  subscribe(onDirty: (ranges: DirtyRange[]) => void): Promise<ChangeSubscription> {
    return this.changes.subscribe(onDirty);
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Every batch asks Excel to wait while the user is editing a cell: without it the batch fails
   * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions, delayForCellEdit, ExcelApi 1.11).
   */
  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (this.capabilities.apiVersion >= 11) return this.excel.run({ delayForCellEdit: true }, batch);
    return this.excel.run(batch);
  }

  /**
   * A batch that only reads. Below ExcelApi 1.11 there is no delayForCellEdit: a read refused with
   * InvalidOperation (the user is editing a cell) is tried again after a growing wait (at most ~13 s).
   */
  private async runRead<T>(batch: (context: Excel.RequestContext) => Promise<T>, attempt = 0): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      if (this.capabilities.apiVersion >= 11 || excelErrorCode(e) !== "InvalidOperation" || attempt >= 6) throw e;
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      return this.runRead(batch, attempt + 1);
    }
  }
}
