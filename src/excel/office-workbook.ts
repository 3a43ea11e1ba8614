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
 * Parts: reading and writing here; highlighting in mark-writer.ts (why direct fill, and how a mark
 * update is read → planned → queued → verified; the plan itself in mark-plan.ts, the caches in
 * mark-cache.ts); a cell's fill read and written in fill-probe.ts; edits and their inverses in
 * edits.ts; where mappings are saved in mapping-store.ts; the sheets seen in sheets.ts.
 */
import { boxToA1, parseBox } from "../core/grid/a1";
import type { RangeBox } from "../core/grid/a1";
import { CellGrid, CellValue } from "../core/grid/cellgrid";
import { normCell, splitAreas, splitQualified } from "./address";
import { ProtectedSheetError, SheetNotFoundError, WorkbookError, excelErrorCode } from "./errors";
import { editBox, inverseOf, queueEdit, type QueuedEdit } from "./edits";
import { eachBlockFill, probeBlockFills, probeRangeFills, type FillProbe } from "./fill-probe";
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

/** Excel on the web's 5 MB request/response limit, as its errors name it. */
const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/** Cells of one used-range read, and the fills probed with them. */
interface Chunk {
  sheet: number;
  box: RangeBox;
  range?: Excel.Range;
  fills?: FillProbe | null;
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
  private readonly windowMs: number;
  private readonly sheets = new SheetRegistry();
  /** Fills seen by recent reads or written by us (for setMarks without a read). */
  private readonly fills: FillCache;
  private readonly maxFillCells: number;
  private chunkCells: number;
  private readonly marker: MarkWriter;
  /** Live change subscriptions: without one, moved rows go unnoticed and the mark cache is re-validated. */
  private liveSubscriptions = 0;
  /** Our recent writes, for telling our change events apart below ExcelApi 1.14. */
  private selfWrites: { sheet: string; box: RangeBox; until: number }[] = [];

  constructor(opts: OfficeWorkbookOptions = {}) {
    const g = globalThis as unknown as { Excel?: ExcelLike; Office?: OfficeLike };
    const excel = opts.excel ?? g.Excel;
    const office = opts.office ?? g.Office;
    if (!excel || !office) throw new Error("OfficeWorkbook needs Excel and Office (run inside Excel or the workbench)");
    this.excel = excel;
    this.capabilities = detectCapabilities(office);
    this.windowMs = opts.selfWriteWindowMs ?? 1500;
    this.fills = new FillCache();
    this.maxFillCells = opts.maxFillCells ?? (this.capabilities.cellProperties ? 20_000 : 2_000);
    this.chunkCells = opts.readChunkCells ?? 200_000;
    this.marker = new MarkWriter({
      scope: opts.markScope,
      run: (batch) => this.run(batch),
      cellProperties: this.capabilities.cellProperties,
      fills: this.fills,
      sheets: this.sheets,
      live: () => this.liveSubscriptions > 0,
      listSheets: () => this.listSheets(),
      explainWriteError: (err, names) => this.explainWriteError(err, names),
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
   * `readChunkCells` cells per request: Excel on the web caps a request and its response at 5 MB and
   * a read of more than 5 million cells may return `values: null` (issue 13). A payload-limit error
   * halves the block and retries; a block read as null is split. Fills are captured with the cells
   * (ExcelApi 1.9) when the workbook's used cells are few enough (maxFillCells).
   * No method is called on a null object: the used range is only asked its size (an empty sheet's
   * getUsedRangeOrNullObject is null), merged areas come from getUsedRange (A1 on an empty sheet).
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
      const sizes = ws.items.map((sheet) => {
        const used = sheet.getUsedRangeOrNullObject();
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        const merged = this.capabilities.mergedAreas ? sheet.getUsedRange().getMergedAreasOrNullObject() : null;
        merged?.load("address");
        return { used, merged };
      });
      await context.sync();
      const chunks: Chunk[] = [];
      let cells = 0;
      sizes.forEach((sz, i) => {
        if (sz.used.isNullObject) return;
        const box = { top: sz.used.rowIndex, left: sz.used.columnIndex, bottom: sz.used.rowIndex + sz.used.rowCount - 1, right: sz.used.columnIndex + sz.used.columnCount - 1 };
        cells += sz.used.rowCount * sz.used.columnCount;
        chunks.push(...this.split({ sheet: i, box }));
      });
      const withFills = this.capabilities.cellProperties && cells <= this.maxFillCells;
      const done: { chunk: Chunk; values: unknown[][]; formats: unknown[][] }[] = [];
      const flight = this.fills.begin();
      try {
        await this.readChunks(context, ws.items, chunks, withFills, done);
      } finally {
        this.fills.end(flight);
      }
      const grids: CellGrid[] = [];
      sizes.forEach((sz, i) => {
        const parts = done.filter((d) => d.chunk.sheet === i).sort((x, y) => x.chunk.box.top - y.chunk.box.top);
        if (parts.length === 0) return;
        for (const p of parts) if (p.chunk.fills) this.recordBlockFills(p.chunk.fills, p.chunk.box, infos[i].name, flight);
        const top = parts[0].chunk.box;
        grids.push(
          this.toGrid(infos[i].name, top.top, top.left, parts.flatMap((p) => p.values), parts.flatMap((p) => p.formats), sz.merged, null),
        );
      });
      return grids;
    });
  }

  /** Row blocks of a used range, each at most chunkCells cells (at least one row). */
  private split(c: Chunk): Chunk[] {
    const cols = c.box.right - c.box.left + 1;
    const rows = Math.max(1, Math.floor(this.chunkCells / cols));
    const out: Chunk[] = [];
    for (let top = c.box.top; top <= c.box.bottom; top += rows) out.push({ sheet: c.sheet, box: { ...c.box, top, bottom: Math.min(c.box.bottom, top + rows - 1) } });
    return out;
  }

  /** Reads the chunks, at most chunkCells cells per sync; smaller on a payload error, split when null. */
  private async readChunks(context: Excel.RequestContext, sheets: Excel.Worksheet[], todo: Chunk[], withFills: boolean, done: { chunk: Chunk; values: unknown[][]; formats: unknown[][] }[]): Promise<void> {
    if (todo.length === 0) return;
    const batch: Chunk[] = [];
    let n = 0;
    for (const c of todo) {
      const size = (c.box.bottom - c.box.top + 1) * (c.box.right - c.box.left + 1);
      if (batch.length > 0 && n + size > this.chunkCells) break;
      batch.push(c);
      n += size;
    }
    for (const c of batch) {
      c.range = sheets[c.sheet].getRange(boxToA1(c.box));
      c.range.load("values,numberFormat");
      c.fills = withFills ? probeRangeFills(c.range) : null;
    }
    let again: Chunk[] = [];
    try {
      await context.sync();
      for (const c of batch) {
        const r = c.range as Excel.Range;
        if (r.values === null || r.values === undefined || r.numberFormat === null || r.numberFormat === undefined) {
          // Too many cells for one read: split it.
          if (c.box.bottom === c.box.top) throw new WorkbookError("excel-error", "工作表的一行太大，无法读取。", "A row of the sheet is too large to read.");
          const mid = Math.floor((c.box.top + c.box.bottom) / 2);
          again.push({ sheet: c.sheet, box: { ...c.box, bottom: mid } }, { sheet: c.sheet, box: { ...c.box, top: mid + 1 } });
        } else done.push({ chunk: c, values: r.values, formats: r.numberFormat });
      }
    } catch (e) {
      if (!PAYLOAD_CODES.has(excelErrorCode(e) ?? "") || batch.every((c) => c.box.top === c.box.bottom)) throw e;
      this.chunkCells = Math.max(1, Math.floor(this.chunkCells / 2));
      again = batch.flatMap((c) => this.split({ sheet: c.sheet, box: c.box }));
    }
    await this.readChunks(context, sheets, [...again, ...todo.slice(batch.length)], withFills, done);
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
      const names = this.liveSubscriptions > 0 ? this.marker.prime(context) : null;
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
   * Limits: the inverse of deleteRows restores values/formulas and number formats, not fills or merges.
   */
  async applyEdits(edits: readonly Edit[]): Promise<Edit[]> {
    if (edits.length === 0) return [];
    if (this.sheets.protectedAmong(edits.map((e) => e.sheet)).length) await this.checkProtection(edits);
    this.guard(edits);
    const fillKeys = edits.filter((e): e is FillEdit => e.kind === "fill").map((e) => cellKey(e.sheet, e.cell));
    const moves = edits.some((e) => e.kind === "insertRows" || e.kind === "deleteRows");
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
      const queued: QueuedEdit[] = edits.map((e) => queueEdit(sheetOf(e.sheet), e, this.capabilities.cellProperties));
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
      this.renewGuard(edits);
      for (const e of edits) if (e.kind === "insertRows") this.marker.noteInserted({ sheet: e.sheet, top: e.row - 1, count: e.count });
      // Undo runs the groups backwards; inside a group the order stays (insert rows, then refill them).
      return queued.map(inverseOf).reverse().flat();
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

  /**
   * One subscription. ExcelApi 1.9: `worksheets.onChanged`; 1.7/1.8: `onChanged` on every sheet plus
   * `worksheets.onAdded` for sheets added later. Events caused by the add-in are dropped: by
   * `triggerSource === "ThisLocalAddin"` (1.14) or, below, when they fall inside cells the add-in
   * wrote within the guard window. Excel gives no `details` for multi-cell edits, so every event is
   * only "this address is dirty": debounce (createDirtyCollector) and re-read the mapped block.
   */
  async subscribe(onDirty: (ranges: DirtyRange[]) => void): Promise<ChangeSubscription> {
    const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
      if (args.triggerSource === "ThisLocalAddin") return;
      let sheet = this.sheets.nameOf(args.worksheetId);
      if (!sheet) {
        await this.listSheets().catch(() => undefined);
        sheet = this.sheets.nameOf(args.worksheetId);
        if (!sheet) return;
      }
      if (!this.capabilities.triggerSource && this.isOwnWrite(sheet, args.address)) return;
      const b = parseBox(args.address);
      if (args.changeType === "RowInserted" || args.changeType === "CellInserted") {
        if (b) this.marker.noteInserted({ sheet, top: b.top, count: b.bottom - b.top + 1 });
      }
      // Moved cells move our mark names: forget the cache, the next read reloads it. A paste, a
      // fill-down or a sort may bring fills — copies of a mark's colour among them: forget what was
      // seen there and have the next setMarks look at the block (mark-plan.ts copiedCells).
      if (args.changeType !== "RangeEdited" || !b) this.marker.drop();
      else {
        this.fills.forgetBox(sheet, b);
        this.marker.noteCopied(sheet, b);
      }
      onDirty([{ sheet, address: args.address, changeType: args.changeType }]);
    };
    const results: { context: unknown; remove(): void }[] = [];
    let live = true;
    await this.run(async (context) => {
      const ws = context.workbook.worksheets;
      ws.load(SHEET_PROPS);
      if (this.capabilities.collectionEvents) {
        results.push(ws.onChanged.add(handler));
        await context.sync();
        this.sheets.remember(ws.items);
        return;
      }
      await context.sync();
      this.sheets.remember(ws.items);
      for (const s of ws.items) results.push(s.onChanged.add(handler));
      results.push(
        ws.onAdded.add(async (added: Excel.WorksheetAddedEventArgs) => {
          await this.run(async (context) => {
            const s = context.workbook.worksheets.getItem(added.worksheetId);
            s.load("name,id,position");
            results.push(s.onChanged.add(handler));
            await context.sync();
            this.sheets.set({ name: s.name, id: s.id, position: s.position, protected: false });
          });
        }),
      );
      await context.sync();
    });
    // From now on moves are reported, so the mark cache is trusted between calls. It is reloaded once
    // (inside the next read) because rows may have moved before the handlers were in place.
    this.liveSubscriptions++;
    this.marker.drop(true);
    return {
      dispose: async () => {
        if (live) {
          live = false;
          this.liveSubscriptions--;
        }
        // Excel: a handler must be removed with the request context it was added in.
        const groups = new Map<Excel.RequestContext, typeof results>();
        for (const r of results) {
          const c = r.context as Excel.RequestContext;
          groups.set(c, [...(groups.get(c) ?? []), r]);
        }
        await Promise.all(
          [...groups].map(([owner, list]) =>
            this.excel.run(owner, async (context) => {
              for (const r of list) r.remove();
              await context.sync();
            }),
          ),
        );
        results.length = 0;
      },
    };
  }

  private guard(edits: readonly Edit[]): void {
    const until = Date.now() + this.windowMs + 60_000; // renewed with the real window after the sync
    for (const e of edits) this.selfWrites.push({ sheet: e.sheet, box: editBox(e), until });
  }

  private renewGuard(edits: readonly Edit[]): void {
    const now = Date.now();
    const boxes = new Set(edits.map((e) => `${e.sheet}!${boxToA1(editBox(e))}`));
    this.selfWrites = this.selfWrites.filter((w) => w.until > now);
    for (const w of this.selfWrites) if (boxes.has(`${w.sheet}!${boxToA1(w.box)}`)) w.until = now + this.windowMs;
  }

  private isOwnWrite(sheet: string, address: string): boolean {
    const b = parseBox(address);
    if (!b) return false;
    const now = Date.now();
    this.selfWrites = this.selfWrites.filter((w) => w.until > now);
    // A row insertion/deletion of ours is reported for the whole row; the guard box is whole rows too.
    return this.selfWrites.some(
      (w) => w.sheet.toLowerCase() === sheet.toLowerCase() && b.top >= w.box.top && b.bottom <= w.box.bottom && b.left >= w.box.left && b.right <= w.box.right,
    );
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
