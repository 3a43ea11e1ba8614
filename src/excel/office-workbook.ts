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
 *  - Before marking, the cell's fill is read (ExcelApi 1.9: `getCellProperties` → colour AND pattern,
 *    exact; 1.7/1.8: `format.fill.color`, where Excel reports No Fill as "#FFFFFF", so an explicit white
 *    fill is given back as No Fill — visually identical, documented in docs/highlighting.md).
 *  - The snapshot is saved IN THE WORKBOOK as a hidden named item per marked cell (`_JX_M_…`, visible
 *    = false) whose comment holds {severity, mark colour, original fill}. A name follows its cell when
 *    rows are inserted or deleted, survives save/reopen, and dies with its cell (→ #REF!, we drop it).
 *  - A mark is only undone if the cell still shows OUR colour. If the user re-coloured a marked cell
 *    (or undid our fill with Ctrl+Z), her choice wins: we drop the snapshot and do not touch the cell.
 *  - Excel copies the format of the row above into inserted rows; rows inserted right under a marked
 *    cell would inherit our colour. The port remembers insertions (from change events and its own
 *    insertRows edits) and gives such inherited cells the marked cell's original fill instead.
 *  - Marks are diffed: only cells whose mark appears, disappears or changes severity are written.
 *    Cost: 2 syncs (read current fills, write); 3 on the very first call of a session when neither
 *    readUsedRanges nor loadMappings has primed the list of mark names.
 *  - Every highlight write is one Excel undo step (ExcelApi < 1.19 clears undo); we keep them few.
 */
import { RangeBox } from "../core/grid/a1";
import { CellGrid, CellValue } from "../core/grid/cellgrid";
import type { Severity } from "../core/model/schema";
import { LAST_COL, boxA1, normCell, parseBoxA1, quoteSheetName, splitAreas, splitQualified } from "./address";
import { BROKEN_MAPPING_TEXT, ProtectedSheetError, SheetNotFoundError, WorkbookError, excelErrorCode } from "./errors";
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
}

export const MARK_COLORS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };
export const MARK_NAME_PREFIX = "_JX_M_";
export const TABLE_NAME_PREFIX = "_JX_T_";
export const MAPPINGS_SETTING = "jixiao.mappings";

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Original fill of a cell; null = No Fill. */
type FillSnapshot = { color: string; pattern: string } | null;

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

interface MarkNote {
  v: 1;
  s: Severity;
  /** Colour we painted. */
  c: string;
  /** The cell's own fill before we painted it. */
  o: FillSnapshot;
}

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
  /** Our mark names, or null when not yet discovered in this session. */
  private markNames: Set<string> | null = null;
  /** Rows inserted since the last setMarks (they may have inherited a mark's fill). */
  private inserted: { sheet: string; top: number; count: number }[] = [];
  /** Our recent writes, for telling our change events apart below ExcelApi 1.14. */
  private selfWrites: { sheet: string; box: RangeBox; until: number }[] = [];
  /** Sheet and column of every cell marked after the last setMarks (columns survive row inserts). */
  private markAt = new Map<string, { sheet: string; col: number }>();
  private seq = 0;
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
  }

  // ── reading ──────────────────────────────────────────────────────────────────────────────────

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets;
      ws.load("items/name,items/id,items/position,items/protection/protected");
      const names = this.primeMarkNames(context);
      await context.sync();
      this.takeMarkNames(names);
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
      const names = this.primeMarkNames(context);
      await context.sync();
      this.takeMarkNames(names);
      const infos = this.rememberSheets(ws.items);
      const reads = ws.items.map((sheet) => {
        const used = sheet.getUsedRangeOrNullObject();
        used.load("address,values,numberFormat,rowIndex,columnIndex");
        const merged = this.capabilities.mergedAreas ? used.getMergedAreasOrNullObject() : null;
        merged?.load("address");
        return { sheet, used, merged };
      });
      await context.sync();
      const grids: CellGrid[] = [];
      reads.forEach((r, i) => {
        if (r.used.isNullObject) return;
        grids.push(
          this.toGrid(infos[i].name, r.used.rowIndex, r.used.columnIndex, r.used.values, r.used.numberFormat, r.merged, null),
        );
      });
      return grids;
    });
  }

  /** Values, number formats and merged areas of one block: one Excel.run, one sync. */
  async readBlock(sheet: string, address: string): Promise<CellGrid> {
    const box = parseBoxA1(address);
    if (!box) throw new WorkbookError("excel-error", `地址无效：${address}`, `Invalid address: ${address}`);
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load("id,name,position");
      ws.protection.load("protected");
      const range = ws.getRange(boxA1(box));
      range.load("values,numberFormat,rowIndex,columnIndex");
      // Excel returns only merges whose top-left lies in the queried range (office-js #3611), so
      // ask from A1 to the block's bottom-right and keep the ones that intersect the block.
      const merged = this.capabilities.mergedAreas
        ? ws.getRange(boxA1({ top: 0, left: 0, bottom: box.bottom, right: box.right })).getMergedAreasOrNullObject()
        : null;
      merged?.load("address");
      try {
        await context.sync();
      } catch (e) {
        if (excelErrorCode(e) === "ItemNotFound") throw new SheetNotFoundError(sheet, e);
        throw e;
      }
      this.sheets.set(ws.id, { name: ws.name, id: ws.id, position: ws.position, protected: ws.protection.protected });
      return this.toGrid(sheet, range.rowIndex, range.columnIndex, range.values, range.numberFormat, merged, box);
    });
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
        const b = parseBoxA1(area);
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
      try {
        await context.sync();
      } catch (err) {
        throw await this.explainWriteError(err, edits.map((x) => x.sheet));
      }
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
            const cell = boxA1({ top: rowIndex + r, left: columnIndex + c, bottom: rowIndex + r, right: columnIndex + c });
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
    if (p.kind === "cellProperties") {
      const f = p.result.value[0]?.[0]?.format?.fill;
      if (!f || !f.pattern || f.pattern === "None") return null;
      return { color: String(f.color ?? "#FFFFFF").toUpperCase(), pattern: String(f.pattern) };
    }
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

  async clearMarks(): Promise<MarkResult> {
    return this.setMarks([]);
  }

  async setMarks(marks: readonly Mark[]): Promise<MarkResult> {
    const want = new Map<string, Mark>();
    for (const m of marks) {
      const k = `${m.sheet.toLowerCase()}!${normCell(m.cell)}`;
      const prev = want.get(k);
      if (!prev || SEVERITY_RANK[m.severity] > SEVERITY_RANK[prev.severity]) want.set(k, { ...m, cell: normCell(m.cell) });
    }
    if (this.markNames === null) await this.discoverMarkNames();
    const names = [...(this.markNames ?? [])];
    const inserted = this.inserted;
    const result: MarkResult = { marked: 0, restored: 0, released: 0, protectedSheets: [] };

    const out = await this.run(async (context) => {
      // ── sync 1: where our marks are now, their snapshots and current fills; new cells' fills;
      //    protection of every sheet involved; cells of inserted rows that may have inherited a mark.
      const existing = names.map((name) => {
        const item = context.workbook.names.getItemOrNullObject(name);
        item.load("comment");
        const range = item.getRangeOrNullObject();
        range.load("address");
        return { name, item, range, fill: this.probeFillOrNull(range) };
      });
      const sheetNames = new Set<string>([...want.values()].map((m) => m.sheet));
      for (const s of this.sheets.values()) sheetNames.add(s.name);
      const prot = new Map<string, Excel.Worksheet>();
      for (const s of sheetNames) {
        const ws = context.workbook.worksheets.getItemOrNullObject(s);
        ws.load("name");
        ws.protection.load("protected");
        prot.set(s.toLowerCase(), ws);
      }
      const fresh = [...want.entries()].map(([key, m]) => {
        const range = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell);
        return { key, m, range, fill: this.probeFill(range) };
      });
      const inheritedProbe = inserted.flatMap((ins) => {
        const cols = new Set<number>();
        for (const at of this.markAt.values()) if (at.sheet.toLowerCase() === ins.sheet.toLowerCase()) cols.add(at.col);
        const cells: { sheet: string; row: number; col: number; fill: FillProbe }[] = [];
        for (const col of cols)
          for (let row = ins.top; row < ins.top + ins.count; row++) {
            const range = context.workbook.worksheets.getItem(ins.sheet).getRange(boxA1({ top: row, left: col, bottom: row, right: col }));
            cells.push({ sheet: ins.sheet, row, col, fill: this.probeFill(range) });
          }
        return cells;
      });
      await context.sync();

      const isProtected = (sheet: string): boolean => {
        const ws = prot.get(sheet.toLowerCase());
        return !!ws && !ws.isNullObject && ws.protection.protected;
      };
      for (const [, ws] of prot) if (!ws.isNullObject) this.noteProtection(ws.name, ws.protection.protected);

      // Current marks keyed by where their cell is NOW.
      type Cur = { name: string; key: string; sheet: string; cell: string; note: MarkNote; now: FillSnapshot; item: Excel.NamedItem };
      const current = new Map<string, Cur>();
      const dropNames: Excel.NamedItem[] = [];
      for (const ex of existing) {
        if (ex.item.isNullObject) {
          this.markNames?.delete(ex.name);
          continue;
        }
        const note = parseNote(ex.item.comment);
        if (ex.range.isNullObject || !note) {
          dropNames.push(ex.item);
          this.markNames?.delete(ex.name);
          continue;
        }
        const q = splitQualified(ex.range.address);
        const key = `${(q.sheet ?? "").toLowerCase()}!${q.address}`;
        if (current.has(key)) {
          dropNames.push(ex.item);
          this.markNames?.delete(ex.name);
          continue;
        }
        current.set(key, { name: ex.name, key, sheet: q.sheet ?? "", cell: q.address, note, now: this.fillSnapshot(ex.fill), item: ex.item });
      }

      // Inherited fills: inserted cell showing the colour of the marked cell right above it.
      const inheritedOriginal = new Map<string, FillSnapshot>();
      for (const ins of inserted) {
        const above = [...current.values()].filter((c) => c.sheet.toLowerCase() === ins.sheet.toLowerCase() && parseBoxA1(c.cell)?.top === ins.top - 1);
        for (const a of above) {
          const col = parseBoxA1(a.cell)!.left;
          for (const p of inheritedProbe) {
            if (p.sheet !== ins.sheet || p.col !== col || p.row < ins.top || p.row >= ins.top + ins.count) continue;
            const now = this.fillSnapshot(p.fill);
            if (now && sameColor(now.color, a.note.c)) {
              inheritedOriginal.set(`${p.sheet.toLowerCase()}!${boxA1({ top: p.row, left: p.col, bottom: p.row, right: p.col })}`, a.note.o);
            }
          }
        }
      }

      // ── sync 2: the writes.
      let writes = 0;
      const protectedHit = new Set<string>();
      for (const item of dropNames) {
        item.delete();
        writes++;
      }
      for (const cur of current.values()) {
        if (want.has(cur.key)) continue;
        if (isProtected(cur.sheet)) {
          protectedHit.add(cur.sheet);
          continue;
        }
        if (cur.now && sameColor(cur.now.color, cur.note.c)) {
          this.writeFill(context.workbook.worksheets.getItem(cur.sheet).getRange(cur.cell), cur.note.o);
          result.restored++;
        } else result.released++;
        cur.item.delete();
        this.markNames?.delete(cur.name);
        writes++;
      }
      for (const [key, original] of inheritedOriginal) {
        if (want.has(key) || current.has(key)) continue;
        const [sheet, cell] = [key.slice(0, key.lastIndexOf("!")), key.slice(key.lastIndexOf("!") + 1)];
        const real = [...sheetNames].find((s) => s.toLowerCase() === sheet) ?? sheet;
        if (isProtected(real)) continue;
        this.writeFill(context.workbook.worksheets.getItem(real).getRange(cell), original);
        writes++;
      }
      for (const f of fresh) {
        const color = MARK_COLORS[f.m.severity];
        const cur = current.get(f.key);
        const now = this.fillSnapshot(f.fill);
        if (cur) {
          const userChanged = !(now && sameColor(now.color, cur.note.c));
          if (!userChanged && cur.note.s === f.m.severity) continue;
          if (isProtected(f.m.sheet)) {
            protectedHit.add(f.m.sheet);
            continue;
          }
          const note: MarkNote = { v: 1, s: f.m.severity, c: color, o: userChanged ? now : cur.note.o };
          f.range.format.fill.color = color;
          cur.item.comment = JSON.stringify(note);
          result.marked++;
          writes++;
          continue;
        }
        if (isProtected(f.m.sheet)) {
          protectedHit.add(f.m.sheet);
          continue;
        }
        const inherited = inheritedOriginal.get(f.key);
        const original = inherited !== undefined ? inherited : now;
        const note: MarkNote = { v: 1, s: f.m.severity, c: color, o: original };
        const name = `${MARK_NAME_PREFIX}${this.session}_${(++this.seq).toString(36)}`;
        f.range.format.fill.color = color;
        const item = context.workbook.names.add(name, f.range, JSON.stringify(note));
        item.visible = false;
        this.markNames?.add(name);
        result.marked++;
        writes++;
      }
      if (writes > 0) {
        try {
          await context.sync();
        } catch (err) {
          throw await this.explainWriteError(err, [...sheetNames]);
        }
      }
      result.protectedSheets = [...protectedHit];
      return result;
    });
    this.markAt = new Map(
      [...want.entries()].map(([k, m]) => [k, { sheet: m.sheet, col: parseBoxA1(m.cell)?.left ?? 0 }]),
    );
    // Only the insertions that were examined are done with; newer ones stay queued.
    this.inserted = this.inserted.filter((i) => !inserted.includes(i));
    if (out.protectedSheets.length) {
      const err = new ProtectedSheetError(out.protectedSheets);
      (err as ProtectedSheetError & { result?: MarkResult }).result = out;
      throw err;
    }
    return out;
  }

  /**
   * Queues a read of the fill of a range that may be a null object (a mark whose cells were deleted):
   * only property loads, which Excel allows on null objects, no method calls.
   */
  private probeFillOrNull(range: Excel.Range): FillProbe {
    const withPattern = this.capabilities.cellProperties;
    const fill = range.format.fill;
    fill.load(withPattern ? "color,pattern" : "color");
    return { kind: "format", fill, withPattern, range };
  }

  private async discoverMarkNames(): Promise<void> {
    await this.run(async (context) => {
      const names = this.primeMarkNames(context);
      await context.sync();
      this.takeMarkNames(names);
    });
  }

  /** Queues a load of the names collection (to learn our mark names) when not yet known. */
  private primeMarkNames(context: Excel.RequestContext): Excel.NamedItemCollection | null {
    if (this.markNames !== null) return null;
    const names = context.workbook.names;
    names.load("items/name");
    return names;
  }

  private takeMarkNames(names: Excel.NamedItemCollection | null): void {
    if (!names) return;
    this.markNames = new Set(names.items.map((n) => n.name).filter((n) => n.startsWith(MARK_NAME_PREFIX)));
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
        const box = parseBoxA1(m.address);
        if (!box) throw new WorkbookError("excel-error", `地址无效：${m.address}`, `Invalid address: ${m.address}`);
        const item = context.workbook.names.add(name, `=${quoteSheetName(m.sheet)}!${boxA1(box)}`, "绩效目标助手 table mapping");
        item.visible = false;
        stored.mappings.push({ id: m.id, name, sheet: m.sheet, address: boxA1(box), data: m.data });
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
      names.load("items/name,items/formula");
      const ws = context.workbook.worksheets;
      ws.load("items/name,items/id,items/position,items/protection/protected");
      await context.sync();
      this.rememberSheets(ws.items);
      if (this.markNames === null) this.takeMarkNames(names);
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
        const box = parseBoxA1(q.address);
        if (!box) return broken("range-deleted");
        return { status: "ok", id: m.id, sheet: q.sheet, address: boxA1(box), data: m.data };
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
      if (args.changeType === "RowInserted" || args.changeType === "CellInserted") {
        const b = parseBoxA1(args.address);
        if (b) this.inserted.push({ sheet, top: b.top, count: b.bottom - b.top + 1 });
      }
      onDirty([{ sheet, address: args.address, changeType: args.changeType }]);
    };
    const results: { context: unknown; remove(): void }[] = [];
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
    return {
      dispose: async () => {
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
    const boxes = new Set(edits.map((e) => `${e.sheet}!${boxA1(editBox(e))}`));
    this.selfWrites = this.selfWrites.filter((w) => w.until > now);
    for (const w of this.selfWrites) if (boxes.has(`${w.sheet}!${boxA1(w.box)}`)) w.until = now + this.windowMs;
  }

  private isOwnWrite(sheet: string, address: string): boolean {
    const b = parseBoxA1(address);
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
  return parseBoxA1(e.cell) ?? { top: 0, left: 0, bottom: 0, right: 0 };
}

function valueInverse(sheet: string, cell: string, before: string | number | boolean): ValueEdit {
  if (typeof before === "string" && before.startsWith("=")) return { sheet, cell, value: null, formula: before };
  if (before === "") return { sheet, cell, value: null };
  if (typeof before === "boolean") return { sheet, cell, value: null, formula: before ? "TRUE" : "FALSE" };
  return { sheet, cell, value: before };
}

function parseNote(comment: string): MarkNote | null {
  try {
    const n = JSON.parse(comment) as MarkNote;
    if (n && n.v === 1 && typeof n.c === "string" && (n.s === "error" || n.s === "warning" || n.s === "info")) return n;
  } catch {
    // not ours
  }
  return null;
}

function parseStored(value: unknown): StoredMappings["mappings"] {
  const v = value as Partial<StoredMappings> | null;
  if (!v || v.version !== 1 || !Array.isArray(v.mappings)) return [];
  return v.mappings.filter((m) => m && typeof m.id === "string" && typeof m.name === "string");
}
