/**
 * An in-memory Excel for jest and the browser workbench. `new MemoryExcel()` gives:
 *  - `.Excel`  — `Excel.run`, enums; proxies queue until `context.sync()` (see api.ts);
 *  - `.Office` — `Office.context.requirements.isSetSupported`, `displayLanguage`, `onReady`;
 *  - `.user`   — what a person does in the grid (typing fires onChanged with triggerSource
 *                "Unknown", pasting gives no `details`, inserting rows shifts cells and names …);
 *  - `.syncs`  — how many `context.sync()` calls the add-in made (a performance figure);
 *  - `.toSnapshot()` / `MemoryExcel.fromSnapshot()` / `.reopen()` — "save and reopen".
 * Pure TS: no Node or DOM APIs.
 */
import { RangeBox } from "../../core/grid/a1";
import { boxToA1, parseBox } from "../../core/grid/a1";
import { qualified } from "./address";
import { ApiHost, RequestContext } from "./api";
import type { ExcelLike, OfficeLike } from "../../excel/office-workbook";
import { ChangeRecord, Departure, FillData, Scalar, SheetModel, WorkbookModel, WorkbookSnapshot, normColor } from "./model";

export { RequestContext } from "./api";
export { RichApiError } from "./errors";
export { WorkbookModel } from "./model";
export type { WorkbookSnapshot, CellSnapshot, ChangeRecord, Scalar, Departure, FillData } from "./model";

export interface MemoryExcelOptions {
  /** Highest supported ExcelApi 1.x minor version (default 14: Office 2021). 7 = Office 2019. */
  apiVersion?: number;
  /** Office.context.displayLanguage (default "zh-CN"). */
  displayLanguage?: string;
  /** Office.context.platform / diagnostics.platform (default "OfficeOnline": Excel on the web). */
  platform?: string;
  /** Departures from Excel's documented behaviour to switch on (the contract suite's flip test). */
  departures?: Departure[];
}

type Handler = { scope: { sheetId: string } | "all"; kind: "changed" | "added"; fn: (args: unknown) => unknown };

export class MemoryExcel implements ApiHost {
  readonly model: WorkbookModel;
  readonly apiVersion: number;
  readonly displayLanguage: string;
  readonly platform: string;
  /** Number of `context.sync()` calls (including the implicit one at the end of Excel.run when work is pending). */
  syncs = 0;
  /** Syncs that carried at least one action. */
  roundTrips = 0;
  private handlers: Handler[] = [];
  private inFlight = new Set<Promise<unknown>>();
  private scheduled = 0;
  private idle: (() => void)[] = [];
  readonly Excel: MemoryExcelNamespace;
  readonly Office: MemoryOffice;
  readonly user: UserApi;

  constructor(opts: MemoryExcelOptions = {}, model?: WorkbookModel) {
    this.apiVersion = opts.apiVersion ?? 14;
    this.displayLanguage = opts.displayLanguage ?? "zh-CN";
    this.platform = opts.platform ?? "OfficeOnline";
    this.model = model ?? new WorkbookModel();
    for (const d of opts.departures ?? []) this.model.departures.add(d);
    if (!model) this.model.addSheet("Sheet1");
    this.model.onChange((changes) => this.dispatchChanges(changes));
    this.model.onSheetAdded((s) => this.dispatchAdded(s));
    this.Excel = makeExcel(this);
    this.Office = makeOffice(this);
    this.user = new UserApi(this.model);
  }

  static fromSnapshot(snap: WorkbookSnapshot, opts: MemoryExcelOptions = {}): MemoryExcel {
    return new MemoryExcel(opts, WorkbookModel.fromSnapshot(snap));
  }

  toSnapshot(): WorkbookSnapshot {
    return this.model.toSnapshot();
  }

  /** Save and reopen: a fresh Excel (no handlers, no add-in state) over the saved file. */
  reopen(opts?: MemoryExcelOptions): MemoryExcel {
    return MemoryExcel.fromSnapshot(JSON.parse(JSON.stringify(this.toSnapshot())) as WorkbookSnapshot, {
      apiVersion: this.apiVersion,
      displayLanguage: this.displayLanguage,
      platform: this.platform,
      departures: [...this.model.departures],
      ...opts,
    });
  }

  /** Puts `Excel` and `Office` on the given global object (window in the workbench). */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
    target.Excel = this.Excel;
    target.Office = this.Office;
  }

  /** `Excel` and `Office` typed as the adapter expects them: `new OfficeWorkbook(mem.host())`. */
  host(): { excel: ExcelLike; office: OfficeLike } {
    return { excel: this.Excel as unknown as ExcelLike, office: this.Office as OfficeLike };
  }

  resetSyncs(): void {
    this.syncs = 0;
    this.roundTrips = 0;
  }

  /** Resolves once every scheduled event was delivered and its handler's promise settled. */
  async flush(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      if (this.scheduled > 0) await new Promise<void>((r) => this.idle.push(r));
      if (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      if (this.scheduled === 0 && this.inFlight.size === 0) return;
    }
  }

  // --- ApiHost -----------------------------------------------------------------------------------

  countSync(nonEmpty: boolean): void {
    this.syncs++;
    if (nonEmpty) this.roundTrips++;
  }

  addHandler(scope: { sheetId: string } | "all", kind: "changed" | "added", fn: (args: unknown) => unknown): () => void {
    const h: Handler = { scope, kind, fn };
    this.handlers.push(h);
    return () => {
      this.handlers = this.handlers.filter((x) => x !== h);
    };
  }

  handlerCount(): number {
    return this.handlers.length;
  }

  // --- events ------------------------------------------------------------------------------------

  private deliver(fn: (args: unknown) => unknown, args: unknown): void {
    this.scheduled++;
    // Excel raises events asynchronously, after the change (and after the add-in's sync resolved).
    setTimeout(() => {
      this.scheduled--;
      try {
        const r = fn(args);
        if (r && typeof (r as Promise<unknown>).then === "function") {
          const p = (r as Promise<unknown>).catch(() => undefined);
          this.inFlight.add(p);
          void p.finally(() => this.inFlight.delete(p));
        }
      } catch {
        // A throwing handler does not break Excel.
      }
      if (this.scheduled === 0) this.idle.splice(0).forEach((r) => r());
    }, 0);
  }

  private dispatchChanges(changes: ChangeRecord[]): void {
    for (const ch of changes) {
      const targets = this.handlers.filter(
        (h) => h.kind === "changed" && (h.scope === "all" || h.scope.sheetId === ch.sheetId),
      );
      for (const h of targets) this.deliver(h.fn, this.changedArgs(ch));
    }
  }

  private dispatchAdded(s: SheetModel): void {
    for (const h of this.handlers.filter((x) => x.kind === "added")) {
      this.deliver(h.fn, { type: "WorksheetAdded", worksheetId: s.id, source: "Local" });
    }
  }

  /** Excel.WorksheetChangedEventArgs as Excel builds it for the configured requirement set. */
  private changedArgs(ch: ChangeRecord): Record<string, unknown> {
    const args: Record<string, unknown> = {
      type: "WorksheetChanged",
      address: ch.address,
      changeType: ch.changeType,
      source: "Local",
      worksheetId: ch.sheetId,
      getRange: (ctx: RequestContext) => ctx.workbook.worksheets.getItem(ch.sheetId).getRange(ch.address),
      getRangeOrNullObject: (ctx: RequestContext) => ctx.workbook.worksheets.getItemOrNullObject(ch.sheetId).getRange(ch.address),
    };
    if (this.apiVersion >= 9 && ch.details) {
      args.details = {
        valueBefore: ch.details.valueBefore ?? "",
        valueAfter: ch.details.valueAfter ?? "",
        valueTypeBefore: valueType(ch.details.valueBefore),
        valueTypeAfter: valueType(ch.details.valueAfter),
      };
    }
    if (this.apiVersion >= 14) args.triggerSource = ch.origin === "addin" ? "ThisLocalAddin" : "Unknown";
    return args;
  }
}

function compareKeys(a: Scalar, b: Scalar): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return String(a).localeCompare(String(b));
}

function valueType(v: Scalar): string {
  if (v === null || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

// ---------------------------------------------------------------------------------------------
// Excel and Office namespaces
// ---------------------------------------------------------------------------------------------

export interface MemoryExcelNamespace {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: unknown, batch: (context: RequestContext) => Promise<T>): Promise<T>;
  RequestContext: new () => RequestContext;
  InsertShiftDirection: { down: "Down"; right: "Right" };
  DeleteShiftDirection: { up: "Up"; left: "Left" };
  EventTriggerSource: { unknown: "Unknown"; thisLocalAddin: "ThisLocalAddin" };
  DataChangeType: Record<string, string>;
  ErrorCodes: Record<string, string>;
}

function makeExcel(host: MemoryExcel): MemoryExcelNamespace {
  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as (ctx: RequestContext) => Promise<T>;
    if (typeof batch !== "function") throw new TypeError("Excel.run needs a batch function");
    // Excel.run(existingContext, batch) continues in that context (used to remove event handlers);
    // Excel.run(options, batch) takes Excel.RunOptions (delayForCellEdit, ExcelApi 1.11).
    const ctx = a instanceof RequestContext ? a : new RequestContext(host, typeof a === "object" && a !== null ? (a as { delayForCellEdit?: boolean }) : {});
    const result = await batch(ctx);
    // office.js syncs once more at the end of Excel.run when work is still queued.
    if (ctx.pending > 0) await ctx.sync();
    return result;
  }
  return {
    run: run as MemoryExcelNamespace["run"],
    RequestContext: class extends RequestContext {
      constructor() {
        super(host);
      }
    },
    InsertShiftDirection: { down: "Down", right: "Right" },
    DeleteShiftDirection: { up: "Up", left: "Left" },
    EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
    DataChangeType: {
      unknown: "Unknown",
      rangeEdited: "RangeEdited",
      rowInserted: "RowInserted",
      rowDeleted: "RowDeleted",
      columnInserted: "ColumnInserted",
      columnDeleted: "ColumnDeleted",
      cellInserted: "CellInserted",
      cellDeleted: "CellDeleted",
    },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      apiNotFound: "ApiNotFound",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      itemAlreadyExists: "ItemAlreadyExists",
      itemNotFound: "ItemNotFound",
      propertyNotLoaded: "PropertyNotLoaded",
    },
  };
}

export interface MemoryOffice {
  context: {
    displayLanguage: string;
    contentLanguage: string;
    platform: string;
    diagnostics: { host: string; version: string; platform: string };
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
  };
  onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  HostType: { Excel: "Excel" };
}

function makeOffice(host: MemoryExcel): MemoryOffice {
  const info = { host: "Excel", platform: host.platform };
  return {
    context: {
      displayLanguage: host.displayLanguage,
      contentLanguage: host.displayLanguage,
      platform: host.platform,
      diagnostics: { host: "Excel", version: `memory-excel (ExcelApi 1.${host.apiVersion})`, platform: host.platform },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          if (name !== "ExcelApi") return false;
          const v = String(minVersion ?? "1.1");
          const m = /^1\.(\d+)$/.exec(v);
          if (!m) return v === "1" || v === "1.0";
          return Number(m[1]) <= host.apiVersion;
        },
      },
    },
    onReady(cb) {
      cb?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: "Excel" },
  };
}

// ---------------------------------------------------------------------------------------------
// The user's hands: what a person does in the grid
// ---------------------------------------------------------------------------------------------

export class UserApi {
  constructor(private readonly model: WorkbookModel) {}

  /** One user action = one undo step. */
  private act<T>(fn: () => T): T {
    this.model.beginStep();
    try {
      return fn();
    } finally {
      this.model.endStep();
    }
  }

  private box(a1: string): RangeBox {
    const b = parseBox(a1);
    if (!b) throw new Error(`bad address ${a1}`);
    return b;
  }

  private sheet(name: string): SheetModel {
    return this.model.requireSheet(name);
  }

  /** Typing into one cell: onChanged with `details` (1.9+) and triggerSource "Unknown" (1.14+). */
  setCellValue(sheet: string, a1: string, value: string | number | boolean | null): void {
    const b = this.box(a1);
    this.act(() => this.model.emit([this.model.writeValues(this.sheet(sheet), { ...b, bottom: b.top, right: b.left }, [[value ?? ""]], "user")]));
  }

  /** Pasting a block: one onChanged for the block, without `details`. */
  paste(sheet: string, topLeft: string, values: (string | number | boolean | null)[][]): void {
    const b = this.box(topLeft);
    const box = { top: b.top, left: b.left, bottom: b.top + values.length - 1, right: b.left + Math.max(...values.map((r) => r.length)) - 1 };
    const rect = values.map((r) => [...r, ...Array(box.right - box.left + 1 - r.length).fill("")]);
    this.act(() => this.model.emit([this.model.writeValues(this.sheet(sheet), box, rect.map((r) => r.map((v) => v ?? "")), "user")]));
  }

  clear(sheet: string, a1: string): void {
    const b = this.box(a1);
    const rect = Array.from({ length: b.bottom - b.top + 1 }, () => Array.from({ length: b.right - b.left + 1 }, () => ""));
    this.act(() => this.model.emit([this.model.writeValues(this.sheet(sheet), b, rect, "user")]));
  }

  /** Inserts `count` whole rows before 1-based row `rowNumber` (Excel's "Insert sheet rows"). */
  insertRows(sheet: string, rowNumber: number, count = 1): void {
    this.act(() => this.model.emit([this.model.insertRows(this.sheet(sheet), rowNumber - 1, count, "user")]));
  }

  deleteRows(sheet: string, rowNumber: number, count = 1): void {
    this.act(() => this.model.emit([this.model.deleteRows(this.sheet(sheet), rowNumber - 1, count, "user")]));
  }

  /** A fill from the Home tab (null = No Fill). Format changes raise no onChanged. */
  setFill(sheet: string, a1: string, color: string | null): void {
    this.act(() => this.model.setFill(this.sheet(sheet), this.box(a1), color ? { color: normColor(color), pattern: "Solid" } : null));
    this.model.touched();
  }

  setFillPattern(sheet: string, a1: string, fill: FillData): void {
    this.act(() => this.model.setFill(this.sheet(sheet), this.box(a1), fill));
    this.model.touched();
  }

  setNumberFormat(sheet: string, a1: string, nf: string): void {
    const b = this.box(a1);
    const rect = Array.from({ length: b.bottom - b.top + 1 }, () => Array.from({ length: b.right - b.left + 1 }, () => nf));
    this.act(() => this.model.setNumberFormat(this.sheet(sheet), b, rect));
    this.model.touched();
  }

  merge(sheet: string, a1: string): void {
    const s = this.sheet(sheet);
    const b = this.box(a1);
    this.act(() => this.model.merge(s, b));
    this.model.emit([{ sheetId: s.id, address: boxToA1(b), changeType: "RangeEdited", origin: "user" }]);
  }

  /** Review → Protect Sheet, with "format cells" / "insert rows" allowed or not. */
  protect(sheet: string, on = true, opts: { allowFormatCells?: boolean; allowInsertRows?: boolean } = {}): void {
    const s = this.sheet(sheet);
    s.protected = on;
    s.allowFormatCells = on && !!opts.allowFormatCells;
    s.allowInsertRows = on && !!opts.allowInsertRows;
    this.model.touched();
  }

  /** Format Cells → Protection → Locked unticked. */
  unlock(sheet: string, a1: string): void {
    const s = this.sheet(sheet);
    const was = s.protected;
    s.protected = false;
    this.model.setLocked(s, this.box(a1), false);
    s.protected = was;
  }

  /** Ctrl+Z. Undoing a value change raises onChanged (no details), undoing a format change nothing. */
  undo(): boolean {
    const changed = this.model.undo();
    const recs: ChangeRecord[] = [];
    for (const c of changed) recs.push({ sheetId: c.sheet.id, address: boxToA1(c.box), changeType: c.structural ? "Unknown" : "RangeEdited", origin: "user" });
    this.model.emit(recs);
    return changed.length > 0;
  }

  get undoDepth(): number {
    return this.model.undoDepth;
  }

  /** F2 / double-click in a cell: until endCellEdit, add-in batches fail or wait (RunOptions.delayForCellEdit). */
  beginCellEdit(): void {
    this.model.beginCellEdit();
  }

  endCellEdit(): void {
    this.model.endCellEdit();
  }

  /** Copies `from` (values and formats) and pastes it at `to`'s top-left: one onChanged, no details. */
  copyPaste(sheet: string, from: string, to: string): void {
    const s = this.sheet(sheet);
    const src = this.box(from);
    const dst = this.box(to);
    const box = { top: dst.top, left: dst.left, bottom: dst.top + src.bottom - src.top, right: dst.left + src.right - src.left };
    this.act(() => this.model.emit([this.copyCells(s, src, box)]));
  }

  /** Ctrl+D over `range`: its top row (values and formats) is copied into the rows below. */
  fillDown(sheet: string, range: string): void {
    const s = this.sheet(sheet);
    const b = this.box(range);
    this.act(() => {
      let rec: ChangeRecord | null = null;
      for (let r = b.top + 1; r <= b.bottom; r++) rec = this.copyCells(s, { ...b, bottom: b.top }, { ...b, top: r, bottom: r });
      if (rec) this.model.emit([{ ...rec, address: boxToA1(b) }]);
    });
  }

  /** Data → Sort of `range` by its column `by` (0-based within the range), ascending: whole rows move with their formats. */
  sort(sheet: string, range: string, by = 0): void {
    const s = this.sheet(sheet);
    const b = this.box(range);
    this.act(() => {
      const rows: { key: Scalar; cells: (ReturnType<WorkbookModel["cell"]> | undefined)[] }[] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const cells = [];
        for (let c = b.left; c <= b.right; c++) cells.push(this.model.cell(s, r, c));
        rows.push({ key: this.model.cell(s, r, b.left + by)?.v ?? null, cells: cells.map((c) => (c ? JSON.parse(JSON.stringify(c)) : undefined)) });
      }
      rows.sort((x, y) => compareKeys(x.key, y.key));
      rows.forEach((row, i) =>
        row.cells.forEach((cell, j) => {
          const one = { top: b.top + i, left: b.left + j, bottom: b.top + i, right: b.left + j };
          this.model.writeValues(s, one, [[cell?.f ?? (cell?.v === null || cell?.v === undefined ? "" : typeof cell.v === "string" ? `'${cell.v}` : cell.v)]], "user");
          this.model.setFill(s, one, cell?.fill ?? null);
          this.model.setNumberFormat(s, one, [[cell?.nf ?? "General"]]);
        }),
      );
      this.model.emit([{ sheetId: s.id, address: boxToA1(b), changeType: "RangeEdited", origin: "user" }]);
    });
  }

  private copyCells(s: SheetModel, src: RangeBox, dst: RangeBox): ChangeRecord {
    const values: Scalar[][] = [];
    for (let r = src.top; r <= src.bottom; r++) {
      const row: Scalar[] = [];
      for (let c = src.left; c <= src.right; c++) {
        const cell = this.model.cell(s, r, c);
        row.push(cell?.f ?? (cell?.v === null || cell?.v === undefined ? "" : typeof cell.v === "string" ? `'${cell.v}` : cell.v));
      }
      values.push(row);
    }
    const fills = [];
    for (let r = src.top; r <= src.bottom; r++) for (let c = src.left; c <= src.right; c++) fills.push({ r: r - src.top, c: c - src.left, fill: this.model.cell(s, r, c)?.fill ?? null, nf: this.model.numberFormatAt(s, r, c) });
    const rec = this.model.writeValues(s, dst, values, "user");
    for (const f of fills) {
      const one = { top: dst.top + f.r, left: dst.left + f.c, bottom: dst.top + f.r, right: dst.left + f.c };
      this.model.setFill(s, one, f.fill ? { ...f.fill } : null);
      this.model.setNumberFormat(s, one, [[f.nf]]);
    }
    delete rec.details;
    return rec;
  }

  addSheet(name: string): void {
    this.model.addSheet(name);
  }

  deleteSheet(name: string): void {
    this.model.deleteSheet(name);
  }

  renameSheet(from: string, to: string): void {
    this.model.renameSheet(from, to);
  }

  select(sheet: string, a1: string): void {
    const s = this.sheet(sheet);
    this.model.selection = { sheetId: s.id, box: this.box(a1) };
    this.model.activeSheetId = s.id;
    this.model.touched();
  }

  // --- readers (for the grid and for tests) ---

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  value(sheet: string, a1: string): string | number | boolean {
    const b = this.box(a1);
    return this.model.valueAt(this.sheet(sheet), b.top, b.left);
  }

  /** The cell's fill colour ("#RRGGBB"), or null for No Fill. */
  fill(sheet: string, a1: string): string | null {
    const b = this.box(a1);
    return this.model.fillAt(this.sheet(sheet), b.top, b.left).color;
  }

  fillData(sheet: string, a1: string): FillData {
    const b = this.box(a1);
    return { ...this.model.fillAt(this.sheet(sheet), b.top, b.left) };
  }

  numberFormat(sheet: string, a1: string): string {
    const b = this.box(a1);
    return this.model.numberFormatAt(this.sheet(sheet), b.top, b.left);
  }

  selection(): { sheet: string; address: string } | null {
    const sel = this.model.selection;
    const s = sel ? this.model.sheetById(sel.sheetId) : undefined;
    return sel && s ? { sheet: s.name, address: boxToA1(sel.box) } : null;
  }

  usedRange(sheet: string): string | null {
    const b = this.model.usedBox(this.sheet(sheet));
    return b ? boxToA1(b) : null;
  }

  merges(sheet: string): string[] {
    return this.sheet(sheet).merges.map((m) => boxToA1(m));
  }

  /** Every name with where it points now ("Sheet1!$A$3:$G$40" or "#REF!…"). */
  names(): { name: string; ref: string; visible: boolean; comment: string }[] {
    return this.model.names.map((n) => ({ name: n.name, ref: this.model.nameFormula(n).slice(1), visible: n.visible, comment: n.comment }));
  }

  address(sheet: string, a1: string): string {
    return qualified(sheet, this.box(a1));
  }

  /** Subscribe to any change (for re-rendering a grid). */
  onRender(fn: () => void): () => void {
    return this.model.onRender(fn);
  }
}
