/**
 * OfficeWorkbook — the WorkbookPort over the Excel JavaScript API. This directory is the only code
 * that touches Office.js; the same class runs in Excel, in the workbench and in jest (the last two
 * against the in-memory Excel of src/workbench/memory-excel).
 *
 * Rules kept everywhere: load before read, one sync per batch of loads, never a sync in a loop,
 * features above the ExcelApi 1.7 floor only behind `capabilities` (isSetSupported).
 *
 * ── HIGHLIGHTING: direct fill + a snapshot saved in the workbook (not conditional formats) ──────
 * The promise is "every touched cell gets back exactly the format it had, also after the workbook was
 * saved and reopened while highlighted". Both options can keep it; we chose direct fill because:
 *  1. Conditional formats cannot be found again cheaply. After reopening, the add-in must discover
 *     its own rules: ConditionalFormat has no tag, `items/custom/rule/formula` cannot be loaded on a
 *     collection that also holds other rule types (office-js #2180: "This operation is not permitted"),
 *     and a rule's range needs `getRange()` per rule — three round trips before the first write, per
 *     sheet, on workbooks whose users often keep their own conditional formats.
 *  2. CF is visibly ours in Home → Conditional Formatting → Manage Rules, travels with copy/paste into
 *     other files, has known repaint bugs (office-js #1157, #5299) and formula re-anchoring (#5194),
 *     and multi-area rules need RangeAreas (1.9) — above our 1.7 floor.
 *  3. A direct fill is what users expect a checker to do and what every platform renders at once.
 * The cost of direct fill is that we overwrite the user's fill, so we keep her format safe:
 *  - The cell's fill is read in the same batch as, and queued BEFORE, each write (loads see the state
 *    before later writes): ExcelApi 1.9 `getCellProperties` → colour AND pattern, exact; 1.7/1.8
 *    `format.fill.color`, where Excel reports No Fill as "#FFFFFF", so an explicit white fill is given
 *    back as No Fill — visually identical, documented in docs/highlighting.md.
 *  - The snapshot is saved IN THE WORKBOOK as a hidden named item per marked cell (`_JX_M_…`, visible
 *    = false) whose comment holds {severity, mark colour, original fill}. A name follows its cell when
 *    rows are inserted or deleted, survives save/reopen, and dies with its cell (→ #REF!, we drop it).
 *  - A mark is only undone if the cell still shows OUR colour. If the user re-coloured a marked cell
 *    (or undid our fill with Ctrl+Z), her choice wins: we drop the snapshot and do not touch the cell.
 *  - Excel copies the format of the row above into inserted rows; rows inserted right under a marked
 *    cell would inherit our colour. The port remembers insertions (from change events and its own
 *    insertRows edits) and gives such inherited cells the marked cell's original fill instead.
 *  - Cost follows the change, not the number of marks: marks are diffed against a cache of our mark
 *    names (loaded once, kept up to date by every write, dropped when rows or columns move and then
 *    reloaded inside the next readBlock's sync). Each write is decided on a GUESS of what its cell
 *    shows — the fill readBlock captured in its own sync, or what we last wrote there — and the read
 *    queued before it in the same batch CHECKS the guess; a wrong guess (a cell re-coloured since it
 *    was last read) is corrected by a second sync at once. An edit: readBlock (1 sync) + setMarks
 *    (1 sync; 0 when no mark changes). See mark-cache.ts and docs/highlighting.md.
 *  - Every highlight write is one Excel undo step (ExcelApi < 1.19 clears undo); we keep them few.
 */
import { LAST_COL, RangeBox, boxToA1, colToLetters, parseBox } from "../core/grid/a1";
import { CellGrid, CellValue } from "../core/grid/cellgrid";
import type { Severity } from "../core/model/schema";
import { MARK_COLORS, worse } from "../core/model/severity";
import { normCell, quoteSheetName, splitAreas, splitQualified } from "./address";
import { BROKEN_MAPPING_TEXT, ProtectedSheetError, SheetNotFoundError, WorkbookError, excelErrorCode } from "./errors";
import { CachedMark, FillCache, FillSnapshot, Flight, MARK_NAME_PREFIX, MarkNote, cellKey, parseMarkNames } from "./mark-cache";
import type {
  BrokenReason,
  Capabilities,
  ChangeSubscription,
  DirtyRange,
  DeleteRowsEdit,
  Edit,
  FillEdit,
  FillSpec,
  InsertRowsEdit,
  LoadedMapping,
  Mark,
  MappingRecord,
  MarkResult,
  NumberFormatEdit,
  SheetInfo,
  ValueEdit,
  WorkbookPort,
} from "./port";

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

export { MARK_NAME_PREFIX };
export const TABLE_NAME_PREFIX = "_JX_T_";
export const MAPPINGS_SETTING = "jixiao.mappings";

/** Excel errors after which setMarks starts again from what the workbook holds (once). */
const RETRY_CODES = new Set(["AccessDenied", "InvalidOperation", "ItemNotFound", "InvalidReference", "ItemAlreadyExists"]);

/** A queued fill read: what the sync fills in, read by fillSnapshot(). */
type FillProbe =
  | { kind: "cellProperties"; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }
  | {
      kind: "format";
      fill: Excel.RangeFill;
      /** `pattern` was loaded too (ExcelApi 1.9); below, No Fill reads as "#FFFFFF". */
      withPattern: boolean;
      /** Set when the range may be a null object (then the snapshot is null). */
      range?: Excel.Range;
    };

/** An edit queued by applyEdits with the proxies its inverse is read from after the sync. */
type QueuedEdit =
  | { kind: "insertRows"; e: InsertRowsEdit }
  | { kind: "deleteRows"; e: DeleteRowsEdit; before: Excel.Range }
  | { kind: "numberFormat"; e: NumberFormatEdit; before: Excel.Range }
  | { kind: "fill"; e: FillEdit; before: FillProbe }
  | { kind: "value"; e: ValueEdit; before: Excel.Range; after: Excel.Range };

interface StoredMappings {
  version: 1;
  mappings: { id: string; name: string; sheet: string; address: string; data: unknown }[];
}

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

function sameColor(a: string | null | undefined, b: string): boolean {
  return !!a && a.toUpperCase() === b.toUpperCase();
}

/** The fill snapshot in one cell of a getCellProperties result. */
function snapshotOfProps(props: Excel.CellProperties | undefined): FillSnapshot {
  const f = props?.format?.fill;
  if (!f || !f.pattern || f.pattern === "None") return null;
  return { color: String(f.color ?? "#FFFFFF").toUpperCase(), pattern: String(f.pattern) };
}

/** Does a cell with this fill show our mark colour? */
function shows(fill: FillSnapshot, markColor: string): boolean {
  return !!fill && sameColor(fill.color, markColor);
}

function sameFill(a: FillSnapshot, b: FillSnapshot): boolean {
  if (!a || !b) return a === b;
  return sameColor(a.color, b.color) && a.pattern === b.pattern;
}

function markNote(s: Severity, o: FillSnapshot): MarkNote {
  return { v: 1, s, c: MARK_COLORS[s], o };
}

function sanitizeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, "_");
}

/** Text Excel would turn into something else (number, date, boolean, formula) gets a ' prefix. */
function protectText(s: string): string {
  if (s === "") return s;
  if (/^[\s]*[=+\-@'\d.$¥￥€£(]/.test(s) || /^(true|false)$/i.test(s.trim()) || /^[A-Za-z]{3,9}[\s-]\d/.test(s.trim())) return `'${s}`;
  return s;
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
  private sheets = new Map<string, SheetInfo>(); // by id
  /**
   * Our marks by the cell they point at now, or null when unknown (never loaded, or dropped because
   * rows/columns moved). Trusted between calls only while a change subscription reports moves.
   */
  private marks: Map<string, CachedMark> | null = null;
  /** Mark names found broken (#REF!, foreign comment, duplicate) by the last load: deleted on the next write. */
  private brokenMarks: string[] = [];
  /** Fills seen by recent reads or written by us (for setMarks without a read). */
  private readonly fills: FillCache;
  private readonly maxFillCells: number;
  /** Live change subscriptions: without one, moved rows go unnoticed and the mark cache is re-validated. */
  private liveSubscriptions = 0;
  /** setMarks/clearMarks run one at a time. */
  private markChain: Promise<unknown> = Promise.resolve();
  /** Rows inserted since the last setMarks (they may have inherited a mark's fill). */
  private inserted: { sheet: string; top: number; count: number }[] = [];
  /** Our recent writes, for telling our change events apart below ExcelApi 1.14. */
  private selfWrites: { sheet: string; box: RangeBox; until: number }[] = [];
  private seq = 0;
  /** Bumped whenever the mark cache is dropped. */
  private marksEpoch = 0;
  private readonly session = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, "0");

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
  }

  // ── reading ──────────────────────────────────────────────────────────────────────────────────

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets;
      ws.load("items/name,items/id,items/position,items/protection/protected");
      const names = this.primeMarks(context);
      const flight = this.fills.begin();
      try {
        await context.sync();
      } finally {
        this.fills.end(flight);
      }
      this.takeMarks(names, flight);
      return this.rememberSheets(ws.items);
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
      const names = this.primeMarks(context);
      const namesFlight = this.fills.begin();
      try {
        await context.sync();
      } finally {
        this.fills.end(namesFlight);
      }
      this.takeMarks(names, namesFlight);
      const infos = this.rememberSheets(ws.items);
      const reads = ws.items.map((sheet) => {
        const used = sheet.getUsedRangeOrNullObject();
        used.load("address,values,numberFormat,rowIndex,columnIndex");
        const merged = this.capabilities.mergedAreas ? used.getMergedAreasOrNullObject() : null;
        merged?.load("address");
        // Fills too (ExcelApi 1.9), as setMarks' guesses of the cells' own fills. getUsedRange (not the
        // null-object variant: no method may be called on a null object) covers the same cells.
        const fills: FillProbe | null = this.capabilities.cellProperties
          ? { kind: "cellProperties", result: sheet.getUsedRange().getCellProperties({ format: { fill: { color: true, pattern: true } } }) }
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
      const fills = this.probeBlockFills(range, box);
      const names = this.liveSubscriptions > 0 ? this.primeMarks(context) : null;
      const flight = this.fills.begin(sheet, box);
      try {
        await context.sync();
      } catch (e) {
        if (excelErrorCode(e) === "ItemNotFound") throw new SheetNotFoundError(sheet, e);
        throw e;
      } finally {
        this.fills.end(flight);
      }
      this.sheets.set(ws.id, { name: ws.name, id: ws.id, position: ws.position, protected: ws.protection.protected });
      this.takeMarks(names, flight);
      if (fills) this.recordBlockFills(fills, box, ws.name, flight);
      return this.toGrid(sheet, range.rowIndex, range.columnIndex, range.values, range.numberFormat, merged, box);
    });
  }

  /** Queues the fill of every cell of a block (or nothing when the block is too large). */
  private probeBlockFills(range: Excel.Range, box: RangeBox): FillProbe[][] | FillProbe | null {
    const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
    if (cells > this.maxFillCells) return null;
    if (this.capabilities.cellProperties) {
      return { kind: "cellProperties", result: range.getCellProperties({ format: { fill: { color: true, pattern: true } } }) };
    }
    const rows: FillProbe[][] = [];
    for (let r = 0; r <= box.bottom - box.top; r++) {
      const row: FillProbe[] = [];
      for (let c = 0; c <= box.right - box.left; c++) {
        const fill = range.getCell(r, c).format.fill;
        fill.load("color");
        row.push({ kind: "format", fill, withPattern: false });
      }
      rows.push(row);
    }
    return rows;
  }

  private recordBlockFills(fills: FillProbe[][] | FillProbe, box: RangeBox, sheet: string, flight: Flight): void {
    const prefix = `${sheet.toLowerCase()}!`;
    const cols: string[] = [];
    for (let c = box.left; c <= box.right; c++) cols.push(colToLetters(c));
    const props = !Array.isArray(fills) && fills.kind === "cellProperties" ? fills.result.value : null;
    for (let r = 0; r <= box.bottom - box.top; r++)
      for (let c = 0; c <= box.right - box.left; c++) {
        const fill = props ? snapshotOfProps(props[r]?.[c]) : this.fillSnapshot(Array.isArray(fills) ? fills[r][c] : fills);
        this.fills.record(flight, `${prefix}${cols[c]}${box.top + r + 1}`, fill);
      }
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
    const known = this.protectedSheetsAmong(edits.map((e) => e.sheet));
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
      const queued: QueuedEdit[] = [];
      for (const e of edits) {
        const ws = sheetOf(e.sheet);
        if (e.kind === "insertRows") {
          ws.getRange(`${e.row}:${e.row + e.count - 1}`).insert("Down");
          queued.push({ kind: "insertRows", e });
        } else if (e.kind === "deleteRows") {
          const rows = ws.getRange(`${e.row}:${e.row + e.count - 1}`);
          const before = rows.getUsedRangeOrNullObject();
          before.load("formulas,numberFormat,rowIndex,columnIndex");
          rows.delete("Up");
          queued.push({ kind: "deleteRows", e, before });
        } else if (e.kind === "numberFormat") {
          const before = ws.getRange(normCell(e.cell));
          before.load("numberFormat");
          ws.getRange(normCell(e.cell)).numberFormat = [[e.numberFormat]];
          queued.push({ kind: "numberFormat", e, before });
        } else if (e.kind === "fill") {
          const before = this.probeFill(ws.getRange(normCell(e.cell)));
          this.writeFill(ws.getRange(normCell(e.cell)), e.fill);
          queued.push({ kind: "fill", e, before });
        } else {
          const before = ws.getRange(normCell(e.cell));
          before.load("formulas,numberFormat");
          const r = ws.getRange(normCell(e.cell));
          if (e.formula !== undefined) r.formulas = [[e.formula]];
          else r.values = [[e.value === null ? "" : typeof e.value === "string" ? protectText(e.value) : e.value]];
          const after = ws.getRange(normCell(e.cell));
          after.load("numberFormat");
          queued.push({ kind: "value", e, before, after });
        }
      }
      this.fills.writing(fillKeys, false);
      if (moves) this.fills.clear();
      try {
        await context.sync();
      } catch (err) {
        this.fills.forget(fillKeys);
        if (moves) this.dropMarks();
        throw await this.explainWriteError(err, edits.map((x) => x.sheet));
      }
      if (moves) this.dropMarks();
      this.fills.forget(fillKeys);
      this.renewGuard(edits);
      for (const e of edits) if (e.kind === "insertRows") this.inserted.push({ sheet: e.sheet, top: e.row - 1, count: e.count });
      // Undo runs the groups backwards; inside a group the order stays (insert rows, then refill them).
      return queued.map((q) => this.inverseOf(q)).reverse().flat();
    });
  }

  /** The inverse of one applied edit, from the values its queued loads brought back (after the sync). */
  private inverseOf(q: QueuedEdit): Edit[] {
    switch (q.kind) {
      case "insertRows":
        return [{ kind: "deleteRows", sheet: q.e.sheet, row: q.e.row, count: q.e.count }];
      case "deleteRows": {
        const out: Edit[] = [{ kind: "insertRows", sheet: q.e.sheet, row: q.e.row, count: q.e.count }];
        if (q.before.isNullObject) return out;
        const { formulas, numberFormat, rowIndex, columnIndex } = q.before;
        formulas.forEach((row, r) =>
          row.forEach((f, c) => {
            const cell = boxToA1({ top: rowIndex + r, left: columnIndex + c, bottom: rowIndex + r, right: columnIndex + c });
            const nf = numberFormat[r][c];
            if (typeof nf === "string" && nf !== "General") out.push({ kind: "numberFormat", sheet: q.e.sheet, cell, numberFormat: nf });
            if (f !== "" && f !== null) out.push(valueInverse(q.e.sheet, cell, f as string | number | boolean));
          }),
        );
        return out;
      }
      case "numberFormat":
        return [{ kind: "numberFormat", sheet: q.e.sheet, cell: q.e.cell, numberFormat: String(q.before.numberFormat[0][0] ?? "General") }];
      case "fill":
        return [{ kind: "fill", sheet: q.e.sheet, cell: q.e.cell, fill: this.fillSnapshot(q.before) }];
      case "value": {
        const out: Edit[] = [valueInverse(q.e.sheet, q.e.cell, q.before.formulas[0][0] as string | number | boolean)];
        const nfBefore = String(q.before.numberFormat[0][0]);
        if (nfBefore !== String(q.after.numberFormat[0][0])) out.push({ kind: "numberFormat", sheet: q.e.sheet, cell: q.e.cell, numberFormat: nfBefore });
        return out;
      }
    }
  }

  /** Queues a read of a cell's fill; fillSnapshot() gives the snapshot after the sync. */
  private probeFill(r: Excel.Range): FillProbe {
    if (this.capabilities.cellProperties) {
      return { kind: "cellProperties", result: r.getCellProperties({ format: { fill: { color: true, pattern: true } } }) };
    }
    const fill = r.format.fill;
    fill.load("color");
    return { kind: "format", fill, withPattern: false };
  }

  /** The snapshot of a probed fill; call only after the sync that followed probeFill(). */
  private fillSnapshot(p: FillProbe): FillSnapshot {
    if (p.kind === "cellProperties") return snapshotOfProps(p.result.value[0]?.[0]);
    if (p.range?.isNullObject) return null;
    const c = p.fill.color;
    const pattern = p.withPattern ? p.fill.pattern : "Solid";
    // Below 1.9 Excel reports No Fill as "#FFFFFF": an explicit white fill comes back as No Fill.
    if (!c || pattern === "None" || (!p.withPattern && c.toUpperCase() === "#FFFFFF")) return null;
    return { color: c.toUpperCase(), pattern: String(pattern) };
  }

  private writeFill(r: Excel.Range, fill: FillSpec | FillSnapshot): void {
    if (!fill) {
      r.format.fill.clear();
      return;
    }
    const pattern = fill.pattern ?? "Solid";
    if (pattern !== "Solid" && this.capabilities.cellProperties) {
      r.setCellProperties([[{ format: { fill: { color: fill.color, pattern: pattern as Excel.FillPattern } } }]]);
    } else {
      r.format.fill.color = fill.color;
    }
  }

  private protectedSheetsAmong(names: string[]): string[] {
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    return [...this.sheets.values()].filter((s) => s.protected && wanted.has(s.name.toLowerCase())).map((s) => s.name);
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
      const prot = this.protectedSheetsAmong(sheetNames);
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
    return this.updateMarks([], true);
  }

  /**
   * Makes exactly these cells marked; only cells whose mark appears, goes or changes are written.
   * Cost: 0 syncs when nothing changes; 1 (the writes, each checked by a read in the same batch) when
   * the guesses of the cells' fills hold — cells read by a recent readBlock, or last written by us;
   * 2 when a guess was wrong and is corrected. Without a live change subscription the mark names are
   * re-read first (+1).
   */
  async setMarks(marks: readonly Mark[]): Promise<MarkResult> {
    return this.updateMarks(marks, false);
  }

  private updateMarks(marks: readonly Mark[], reload: boolean): Promise<MarkResult> {
    const want = new Map<string, Mark>();
    for (const m of marks) {
      const k = cellKey(m.sheet, m.cell);
      const prev = want.get(k);
      if (!prev || worse(m.severity, prev.severity)) want.set(k, { ...m, cell: normCell(m.cell) });
    }
    const job = this.markChain.then(() => this.markWithRetry(want, reload));
    this.markChain = job.catch(() => undefined);
    return job;
  }

  private async markWithRetry(want: Map<string, Mark>, reload: boolean): Promise<MarkResult> {
    let out: MarkResult;
    try {
      out = await this.markOnce(want, reload);
    } catch (err) {
      if (!RETRY_CODES.has(excelErrorCode(err) ?? "")) throw err;
      // Something the caches did not know (a sheet protected or renamed meanwhile, a mark name deleted
      // elsewhere): start again from what the workbook holds now.
      this.dropMarks();
      await this.listSheets().catch(() => undefined);
      try {
        out = await this.markOnce(want, true);
      } catch (e2) {
        throw await this.explainWriteError(e2, [...new Set([...want.values()].map((m) => m.sheet))]);
      }
    }
    if (out.protectedSheets.length) {
      const err = new ProtectedSheetError(out.protectedSheets);
      (err as ProtectedSheetError & { result?: MarkResult }).result = out;
      throw err;
    }
    return out;
  }

  /**
   * One pass: [read the mark names if not trusted] → write the differences, each checked by a read of
   * the cell's fill in the same batch → [correct wrong guesses]. Existing marks are read and written
   * through their name (addressed right even if the cache were out of date), new ones by address.
   */
  private async markOnce(want: Map<string, Mark>, forceReload: boolean): Promise<MarkResult> {
    const cached = this.marks;
    const epoch = this.marksEpoch;
    const reload = forceReload || cached === null || this.liveSubscriptions === 0;
    const inserted = this.inserted;
    const result: MarkResult = { marked: 0, restored: 0, released: 0, protectedSheets: [] };

    const out = await this.run(async (context) => {
      const names = context.workbook.names;
      const sheetRange = (sheet: string, cell: string): Excel.Range => context.workbook.worksheets.getItem(sheet).getRange(cell);

      // ── read, only when needed: the mark names when the cache is not trusted; the protection of a
      //    sheet not seen yet.
      let current = cached ?? new Map<string, CachedMark>();
      let broken = this.brokenMarks;
      const prot = new Map<string, Excel.Worksheet>();
      const queueProtection = (marks: Map<string, CachedMark>): number => {
        const known = new Set([...this.sheets.values()].map((si) => si.name.toLowerCase()));
        const sheets = new Set<string>([...want.values()].map((m) => m.sheet));
        for (const [key, m] of marks) if (!want.has(key)) sheets.add(m.sheet);
        let n = 0;
        for (const s of sheets) {
          if (prot.has(s.toLowerCase()) || known.has(s.toLowerCase())) continue;
          const ws = context.workbook.worksheets.getItemOrNullObject(s);
          ws.load("name");
          ws.protection.load("protected");
          prot.set(s.toLowerCase(), ws);
          n++;
        }
        return n;
      };
      const loaded = reload ? names.load("items/name,items/formula,items/comment") : null;
      // With the names, every sheet's protection (the marks found may lie on any sheet).
      const sheetList = reload ? context.workbook.worksheets.load("items/name,items/id,items/position,items/protection/protected") : null;
      if (sheetList || queueProtection(current) > 0) {
        await context.sync();
        if (sheetList) this.rememberSheets(sheetList.items);
        if (loaded) {
          const parsed = parseMarkNames(loaded.items);
          current = parsed.marks;
          broken = parsed.broken;
        }
        // A sheet named by a mark but missing from the workbook (renamed meanwhile) is looked up by name.
        if (queueProtection(current) > 0) await context.sync();
      }
      for (const ws of prot.values()) if (!ws.isNullObject) this.noteProtection(ws.name, ws.protection.protected);
      const protectedNow = new Map<string, boolean>();
      for (const si of this.sheets.values()) protectedNow.set(si.name.toLowerCase(), si.protected);
      for (const [lower, ws] of prot) protectedNow.set(lower, !ws.isNullObject && ws.protection.protected);
      const isProtected = (sheet: string): boolean => protectedNow.get(sheet.toLowerCase()) ?? false;

      // ── write. Each decision rests on a GUESS of what the cell shows (seen by a recent read, or what
      //    we last wrote there) and is CHECKED by a read of the cell's fill queued right before the
      //    write in the same batch (loads see the state before later writes). A wrong guess — the
      //    user re-coloured a cell nobody read since — is corrected in a second sync.
      const guess = (key: string): FillSnapshot | undefined => this.fills.get(key);
      const inheritedAbove = new Map<string, CachedMark>();
      for (const c of inheritedCells(current, inserted)) if (!inheritedAbove.has(c.key)) inheritedAbove.set(c.key, c.above);
      /** The original fill to keep for a cell about to be marked that shows `now`. */
      const originalOf = (key: string, now: FillSnapshot): FillSnapshot => {
        const above = inheritedAbove.get(key);
        return above && shows(now, above.note.c) ? above.note.o : now;
      };
      type Step =
        | { kind: "remove"; key: string; cur: CachedMark; range: Excel.Range; probe: FillProbe; restored: boolean }
        | { kind: "inherit"; key: string; sheet: string; cell: string; above: CachedMark; probe: FillProbe; wrote: boolean }
        | { kind: "update"; key: string; cur: CachedMark; m: Mark; range: Excel.Range; probe: FillProbe; o: FillSnapshot }
        | { kind: "add"; key: string; m: Mark; name: string; probe: FillProbe; o: FillSnapshot };
      const steps: Step[] = [];
      const protectedHit = new Set<string>();
      for (const name of broken) names.getItem(name).delete();
      for (const [key, cur] of current) {
        if (want.has(key)) continue;
        if (isProtected(cur.sheet)) {
          protectedHit.add(cur.sheet);
          continue;
        }
        const item = names.getItem(cur.name);
        const range = item.getRange();
        range.load("address");
        const probe = this.probeFill(range);
        const restored = shows(guess(key) ?? { color: cur.note.c, pattern: "Solid" }, cur.note.c);
        if (restored) this.writeFill(range, cur.note.o);
        item.delete();
        steps.push({ kind: "remove", key, cur, range, probe, restored });
      }
      for (const [key, above] of inheritedAbove) {
        if (want.has(key) || current.has(key) || isProtected(above.sheet)) continue;
        const cell = key.slice(key.lastIndexOf("!") + 1);
        const range = sheetRange(above.sheet, cell);
        const probe = this.probeFill(range);
        const wrote = shows(guess(key) ?? { color: above.note.c, pattern: "Solid" }, above.note.c);
        if (wrote) this.writeFill(range, above.note.o);
        steps.push({ kind: "inherit", key, sheet: above.sheet, cell, above, probe, wrote });
      }
      for (const [key, m] of want) {
        const color = MARK_COLORS[m.severity];
        const cur = current.get(key);
        const g = guess(key);
        if (cur) {
          // Unchanged, unless a read showed the user re-coloured it: then hers is the new snapshot.
          const userChanged = g !== undefined && !shows(g, cur.note.c);
          if (!userChanged && cur.note.s === m.severity) continue;
          if (isProtected(m.sheet)) {
            protectedHit.add(m.sheet);
            continue;
          }
          const item = names.getItem(cur.name);
          const range = item.getRange();
          range.load("address");
          const probe = this.probeFill(range);
          const o = userChanged ? (g as FillSnapshot) : cur.note.o;
          range.format.fill.color = color;
          item.comment = JSON.stringify(markNote(m.severity, o));
          steps.push({ kind: "update", key, cur, m, range, probe, o });
          continue;
        }
        if (isProtected(m.sheet)) {
          protectedHit.add(m.sheet);
          continue;
        }
        const range = sheetRange(m.sheet, m.cell);
        const probe = this.probeFill(range);
        const o = originalOf(key, g ?? null);
        const name = `${MARK_NAME_PREFIX}${this.session}_${(++this.seq).toString(36)}`;
        range.format.fill.color = color;
        const item = names.add(name, range, JSON.stringify(markNote(m.severity, o)));
        item.visible = false;
        steps.push({ kind: "add", key, m, name, probe, o });
      }
      if (steps.length === 0 && broken.length === 0) {
        result.protectedSheets = [...protectedHit];
        return result;
      }
      const keys = steps.map((s) => s.key);
      this.fills.writing(keys, true);
      let fixes = 0;
      try {
        await context.sync();

        // ── check every guess against the fill the cell had right before the write.
        const shown = new Map<string, FillSnapshot>(); // what each cell shows once the fixes are in
        for (const s of steps) {
          const before = this.fillSnapshot(s.probe);
          if (s.kind === "remove") {
            const restore = shows(before, s.cur.note.c);
            if (restore !== s.restored) {
              // The name is gone now: address the cell where it was.
              const at = splitQualified(s.range.address);
              this.writeFill(sheetRange(at.sheet ?? s.cur.sheet, at.address), restore ? s.cur.note.o : before);
              fixes++;
            }
            if (restore) result.restored++;
            else result.released++;
            shown.set(s.key, restore ? s.cur.note.o : before);
          } else if (s.kind === "inherit") {
            const write = shows(before, s.above.note.c);
            if (write !== s.wrote) {
              this.writeFill(sheetRange(s.sheet, s.cell), write ? s.above.note.o : before);
              fixes++;
            }
            shown.set(s.key, write ? s.above.note.o : before);
          } else if (s.kind === "update") {
            const userChanged = !shows(before, s.cur.note.c);
            const o = userChanged ? before : s.cur.note.o;
            if (!sameFill(o, s.o)) {
              names.getItem(s.cur.name).comment = JSON.stringify(markNote(s.m.severity, o));
              fixes++;
            }
            if (userChanged || s.cur.note.s !== s.m.severity) result.marked++;
            s.o = o;
            shown.set(s.key, { color: MARK_COLORS[s.m.severity], pattern: "Solid" });
          } else {
            const o = originalOf(s.key, before);
            if (!sameFill(o, s.o)) {
              names.getItem(s.name).comment = JSON.stringify(markNote(s.m.severity, o));
              fixes++;
            }
            s.o = o;
            result.marked++;
            shown.set(s.key, { color: MARK_COLORS[s.m.severity], pattern: "Solid" });
          }
        }
        if (fixes > 0) await context.sync();
        for (const [k, f] of shown) this.fills.wrote(k, f);
      } catch (err) {
        this.fills.forget(keys);
        this.dropMarks();
        throw err;
      }

      // The cache follows what was written (unless rows moved meanwhile: then it is reloaded later).
      if (this.marksEpoch === epoch) {
        let moved = false;
        for (const s of steps) {
          if (s.kind === "remove") current.delete(s.key);
          else if (s.kind === "update") current.set(s.key, { ...s.cur, note: markNote(s.m.severity, s.o) });
          else if (s.kind === "add") current.set(s.key, { name: s.name, sheet: s.m.sheet, cell: s.m.cell, note: markNote(s.m.severity, s.o) });
          // A name that points elsewhere than the cache thought: reload next time.
          if (s.kind === "remove" || s.kind === "update") {
            const at = splitQualified(s.range.address);
            if (cellKey(at.sheet ?? "", at.address) !== s.key) moved = true;
          }
        }
        this.marks = current;
        this.brokenMarks = [];
        if (moved) this.dropMarks();
      }
      result.protectedSheets = [...protectedHit];
      return result;
    });
    // Only the insertions that were examined are done with; newer ones stay queued.
    this.inserted = this.inserted.filter((i) => !inserted.includes(i));
    return out;
  }

  /** Queues a load of the workbook's names (to learn our marks) when they are not known. */
  private primeMarks(context: Excel.RequestContext): Excel.NamedItemCollection | null {
    if (this.marks !== null) return null;
    const names = context.workbook.names;
    names.load("items/name,items/formula,items/comment");
    return names;
  }

  /** Takes the marks from a names load, unless marks were written or moved while it was on its way. */
  private takeMarks(names: Excel.NamedItemCollection | null, flight: Flight): void {
    if (!names || flight.namesStale || this.marks !== null) return;
    const parsed = parseMarkNames(names.items);
    this.marks = parsed.marks;
    this.brokenMarks = parsed.broken;
  }

  /**
   * Rows or columns moved (or a write failed): forget where marks are and, unless told otherwise,
   * what cells show.
   */
  private dropMarks(keepFills = false): void {
    this.marks = null;
    this.brokenMarks = [];
    this.marksEpoch++;
    if (!keepFills) this.fills.clear();
  }

  // ── mappings ─────────────────────────────────────────────────────────────────────────────────

  /**
   * Replaces the saved mappings: metadata in `workbook.settings` (saved in the file, per add-in),
   * position in one hidden workbook name per table (`_JX_T_<id>`), which Excel moves when rows or
   * columns are inserted or deleted. Two syncs: read what exists, then write.
   */
  async saveMappings(mappings: readonly MappingRecord[]): Promise<void> {
    await this.run(async (context) => {
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();
      for (const n of names.items) {
        if (n.name.startsWith(TABLE_NAME_PREFIX)) n.delete();
      }
      const stored: StoredMappings = { version: 1, mappings: [] };
      for (const m of mappings) {
        const name = `${TABLE_NAME_PREFIX}${sanitizeId(m.id)}`;
        const box = parseBox(m.address);
        if (!box) throw new WorkbookError("excel-error", `地址无效：${m.address}`, `Invalid address: ${m.address}`);
        const item = context.workbook.names.add(name, `=${quoteSheetName(m.sheet)}!${boxToA1(box)}`, "绩效目标助手 table mapping");
        item.visible = false;
        stored.mappings.push({ id: m.id, name, sheet: m.sheet, address: boxToA1(box), data: m.data });
      }
      context.workbook.settings.add(MAPPINGS_SETTING, stored);
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
      this.rememberSheets(ws.items);
      this.takeMarks(names, flight);
      if (setting.isNullObject) return [];
      const stored = parseStored(setting.value);
      const byName = new Map(names.items.map((n) => [n.name.toLowerCase(), n.formula]));
      const sheetSet = new Set(ws.items.map((s) => s.name.toLowerCase()));
      return stored.map((m): LoadedMapping => {
        const formula = byName.get(m.name.toLowerCase());
        const broken = (reason: BrokenReason): LoadedMapping => ({
          status: "broken",
          id: m.id,
          sheet: m.sheet,
          address: m.address,
          data: m.data,
          reason,
          message: BROKEN_MAPPING_TEXT[reason](m.sheet, m.address),
        });
        if (formula === undefined) return broken("name-missing");
        // Excel rewrites a name whose sheet was deleted as "=#REF!$A$3:$G$6", and one whose cells were
        // deleted as "=Sheet1!#REF!".
        if (formula.startsWith("=#REF!")) return broken("sheet-deleted");
        if (formula.includes("#REF!")) return broken("range-deleted");
        const q = splitQualified(formula);
        if (!q.sheet) return broken("sheet-deleted");
        if (!sheetSet.has(q.sheet.toLowerCase())) return broken("sheet-deleted");
        const box = parseBox(q.address);
        if (!box) return broken("range-deleted");
        return { status: "ok", id: m.id, sheet: q.sheet, address: boxToA1(box), data: m.data };
      });
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
      let sheet = this.sheets.get(args.worksheetId)?.name;
      if (!sheet) {
        await this.listSheets().catch(() => undefined);
        sheet = this.sheets.get(args.worksheetId)?.name;
        if (!sheet) return;
      }
      if (!this.capabilities.triggerSource && this.isOwnWrite(sheet, args.address)) return;
      const b = parseBox(args.address);
      if (args.changeType === "RowInserted" || args.changeType === "CellInserted") {
        if (b) this.inserted.push({ sheet, top: b.top, count: b.bottom - b.top + 1 });
      }
      // Moved cells move our mark names: forget the cache, the next read reloads it. A paste may
      // bring fills: forget what was seen there.
      if (args.changeType !== "RangeEdited" || !b) this.dropMarks();
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
        this.rememberSheets(ws.items);
        return;
      }
      await context.sync();
      this.rememberSheets(ws.items);
      for (const s of ws.items) results.push(s.onChanged.add(handler));
      results.push(
        ws.onAdded.add(async (added: Excel.WorksheetAddedEventArgs) => {
          await this.run(async (context) => {
            const s = context.workbook.worksheets.getItem(added.worksheetId);
            s.load("name,id,position");
            results.push(s.onChanged.add(handler));
            await context.sync();
            this.sheets.set(s.id, { name: s.name, id: s.id, position: s.position, protected: false });
          });
        }),
      );
      await context.sync();
    });
    // From now on moves are reported, so the mark cache is trusted between calls. It is reloaded once
    // (inside the next read) because rows may have moved before the handlers were in place.
    this.liveSubscriptions++;
    this.dropMarks(true);
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

  private rememberSheets(items: Excel.Worksheet[]): SheetInfo[] {
    this.sheets.clear();
    return items.map((s) => {
      const info: SheetInfo = { name: s.name, id: s.id, position: s.position, protected: s.protection.protected };
      this.sheets.set(s.id, info);
      return info;
    });
  }

  private noteProtection(name: string, isProtected: boolean): void {
    for (const s of this.sheets.values()) if (s.name.toLowerCase() === name.toLowerCase()) s.protected = isProtected;
  }
}

function editBox(e: Edit): RangeBox {
  if (e.kind === "insertRows" || e.kind === "deleteRows") return { top: e.row - 1, left: 0, bottom: e.row + e.count - 2, right: LAST_COL };
  return parseBox(e.cell) ?? { top: 0, left: 0, bottom: 0, right: 0 };
}

function valueInverse(sheet: string, cell: string, before: string | number | boolean): ValueEdit {
  if (typeof before === "string" && before.startsWith("=")) return { sheet, cell, value: null, formula: before };
  if (before === "") return { sheet, cell, value: null };
  if (typeof before === "boolean") return { sheet, cell, value: null, formula: before ? "TRUE" : "FALSE" };
  return { sheet, cell, value: before };
}

/**
 * Cells of inserted rows right under a mark (Excel copied that marked cell's format into them), with
 * the mark above: their fill is compared with the mark's colour.
 */
function inheritedCells(
  marks: Map<string, CachedMark>,
  inserted: readonly { sheet: string; top: number; count: number }[],
): { key: string; sheet: string; cell: string; above: CachedMark }[] {
  const out: { key: string; sheet: string; cell: string; above: CachedMark }[] = [];
  if (inserted.length === 0) return out;
  for (const ins of inserted) {
    const sheet = ins.sheet.toLowerCase();
    for (const m of marks.values()) {
      if (m.sheet.toLowerCase() !== sheet) continue;
      const b = parseBox(m.cell);
      if (!b || b.top !== ins.top - 1) continue;
      for (let row = ins.top; row < ins.top + ins.count; row++) {
        const cell = boxToA1({ top: row, left: b.left, bottom: row, right: b.left });
        out.push({ key: cellKey(ins.sheet, cell), sheet: ins.sheet, cell, above: m });
      }
    }
  }
  return out;
}

function parseStored(value: unknown): StoredMappings["mappings"] {
  const v = value as Partial<StoredMappings> | null;
  if (!v || v.version !== 1 || !Array.isArray(v.mappings)) return [];
  return v.mappings.filter((m) => m && typeof m.id === "string" && typeof m.name === "string");
}
