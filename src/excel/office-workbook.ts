/**
 * OfficeWorkbook — the WorkbookPort over the Excel JavaScript API. This directory is the only code
 * that touches Office.js; the same class runs in Excel, in the workbench and in jest (the last two
 * against the in-memory Excel of src/workbench/memory-excel).
 *
 * Rules kept everywhere: load before read, one sync per batch of loads, never a sync in a loop,
 * features above the ExcelApi 1.7 floor only behind `capabilities` (isSetSupported).
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
import { MAPPINGS_SETTING, TABLE_NAME_PREFIX, queueMappings, readMappings } from "./mapping-store";
import { SheetRegistry } from "./sheets";
import type { Capabilities, ChangeSubscription, DirtyRange, Edit, FillEdit, LoadedMapping, Mark, MappingRecord, MarkResult, SheetInfo, WorkbookPort } from "./port";

/** What the adapter needs of the `Excel` global. */
export interface ExcelLike {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
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
    this.marker = new MarkWriter({
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
    return this.run(async (context) => {
      const ws = context.workbook.worksheets;
      ws.load("items/name,items/id,items/position,items/protection/protected");
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
   * One Excel.run: the sheet list is loaded first (its names are needed to address the sheets), then
   * every sheet's used range — address, values, number formats and merged areas — in ONE sync.
   * Without ExcelApi 1.13 merged areas are not available: grids then carry no merges and merged
   * tails simply read empty, as Excel returns them (the detector treats them as blanks).
   */
  async readUsedRanges(): Promise<CellGrid[]> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets;
      ws.load("items/name,items/id,items/position,items/protection/protected");
      const names = this.marker.prime(context);
      const namesFlight = this.fills.begin();
      try {
        await context.sync();
      } finally {
        this.fills.end(namesFlight);
      }
      this.marker.take(names, namesFlight);
      const infos = this.sheets.remember(ws.items);
      const reads = ws.items.map((sheet) => {
        const used = sheet.getUsedRangeOrNullObject();
        used.load("address,values,numberFormat,rowIndex,columnIndex");
        const merged = this.capabilities.mergedAreas ? used.getMergedAreasOrNullObject() : null;
        merged?.load("address");
        // Fills too (ExcelApi 1.9), as setMarks' guesses of the cells' own fills. getUsedRange (not the
        // null-object variant: no method may be called on a null object) covers the same cells.
        const fills: FillProbe | null = this.capabilities.cellProperties
          ? probeRangeFills(sheet.getUsedRange())
          : null;
        return { sheet, used, merged, fills };
      });
      const flight = this.fills.begin();
      try {
        await context.sync();
      } finally {
        this.fills.end(flight);
      }
      const grids: CellGrid[] = [];
      reads.forEach((r, i) => {
        if (r.used.isNullObject) return;
        const box = { top: r.used.rowIndex, left: r.used.columnIndex, bottom: r.used.rowIndex + r.used.values.length - 1, right: r.used.columnIndex + (r.used.values[0]?.length ?? 1) - 1 };
        if (r.fills) this.recordBlockFills(r.fills, box, infos[i].name, flight);
        grids.push(
          this.toGrid(infos[i].name, r.used.rowIndex, r.used.columnIndex, r.used.values, r.used.numberFormat, r.merged, null),
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
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load("id,name,position");
      ws.protection.load("protected");
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
      this.sheets.set({ name: ws.name, id: ws.id, position: ws.position, protected: ws.protection.protected });
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
    return this.run(async (context) => {
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
    const known = this.sheets.protectedAmong(edits.map((e) => e.sheet));
    if (known.length) throw new ProtectedSheetError(known);
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

  /** Replaces the saved mappings (mapping-store.ts). Two syncs: read what exists, then write. */
  async saveMappings(mappings: readonly MappingRecord[]): Promise<void> {
    await this.run(async (context) => {
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();
      queueMappings(context, names.items, mappings);
      try {
        await context.sync();
      } catch (e) {
        if (excelErrorCode(e) === "InvalidArgument") {
          const missing = await this.missingSheets(mappings.map((m) => m.sheet));
          if (missing.length) throw new SheetNotFoundError(missing[0], e);
        }
        throw e;
      }
    });
  }

  /** One sync: the setting, every name (with where it points now) and the sheet list. */
  async loadMappings(): Promise<LoadedMapping[]> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(MAPPINGS_SETTING);
      setting.load("value");
      const names = context.workbook.names;
      names.load("items/name,items/formula,items/comment");
      const ws = context.workbook.worksheets;
      ws.load("items/name,items/id,items/position,items/protection/protected");
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
      // Moved cells move our mark names: forget the cache, the next read reloads it. A paste may
      // bring fills: forget what was seen there.
      if (args.changeType !== "RangeEdited" || !b) this.marker.drop();
      else this.fills.forgetBox(sheet, b);
      onDirty([{ sheet, address: args.address, changeType: args.changeType }]);
    };
    const results: { context: unknown; remove(): void }[] = [];
    let live = true;
    await this.run(async (context) => {
      const ws = context.workbook.worksheets;
      ws.load("items/name,items/id,items/position,items/protection/protected");
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

  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.excel.run(batch);
  }
}
