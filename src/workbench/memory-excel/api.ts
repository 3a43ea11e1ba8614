/**
 * The simulated Excel JavaScript API: proxies that queue work until `context.sync()`, loads that
 * capture a property's value at the point of the batch where they were queued, `PropertyNotLoaded`
 * when a property is read without load + sync, null objects, collections with `items`, event
 * handler registration, and requirement-set gating (a member above the configured ExcelApi version
 * throws `ApiNotFound`). Only the subset the adapter (src/excel) uses is implemented, but what is
 * implemented follows Excel's behaviour.
 */
import { RangeBox } from "../../core/grid/a1";
import { LAST_COL, LAST_ROW, boxToA1, parseBox } from "../../core/grid/a1";
import { containsBox, intersection, qualified } from "./address";
import { RichApiError, apiNotFound, invalidRequestContext, propertyNotLoaded } from "./errors";
import { FillData, MESSAGES, ModelError, NameModel, Scalar, SheetModel, WorkbookModel, clone, normColor } from "./model";

/**
 * Excel on the web caps a request and its response at 5 MB ("Resource limits and performance
 * optimization for Office Add-ins", https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins;
 * "Read or write to a large range", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large:
 * "If you encounter a limit error, retry with a smaller block size"). Measured here as the JSON text
 * of what a sync sends and brings back.
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** A read of more than this many cells may return `values: null` (issue 13's report; grid() below). */
export const MAX_READ_CELLS = 5_000_000;

/** What the API layer needs from its owner (MemoryExcel). */
export interface ApiHost {
  model: WorkbookModel;
  apiVersion: number;
  /** "OfficeOnline" (Excel on the web), "PC", "Mac". */
  platform: string;
  countSync(nonEmpty: boolean): void;
  addHandler(scope: { sheetId: string } | "all", kind: "changed" | "added", fn: (args: unknown) => unknown): () => void;
}

type Action = () => void;

function wrap(e: unknown): unknown {
  if (e instanceof ModelError) return new RichApiError(e.code, e.message);
  return e;
}

export class RequestContext {
  readonly workbook: Workbook;
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };
  private queue: Action[] = [];
  private running = false;
  /** Bytes the queued writes send / the running sync's loads bring back (PAYLOAD_LIMIT). */
  requestBytes = 0;
  responseBytes = 0;
  /** Excel.RunOptions.delayForCellEdit (ExcelApi 1.11). */
  private readonly delayForCellEdit: boolean;

  constructor(
    readonly host: ApiHost,
    options: { delayForCellEdit?: boolean } = {},
  ) {
    this.workbook = new Workbook(this, { value: host.model });
    this.delayForCellEdit = !!options.delayForCellEdit && host.apiVersion >= 11;
  }

  /** @internal */
  enqueue(a: Action): void {
    this.queue.push(a);
  }

  /** @internal */
  get pending(): number {
    return this.queue.length;
  }

  /** Runs the queued actions in order. An action that fails stops the batch (earlier ones stay applied). */
  async sync<T>(passThrough?: T): Promise<T> {
    const actions = this.queue;
    const sent = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.host.countSync(actions.length > 0);
    await Promise.resolve();
    if (this.running) throw new RichApiError("InvalidOperation", "A sync is already in progress.");
    const model = this.host.model;
    if (actions.length > 0 && model.cellEditing) {
      // Excel.RunOptions: without delayForCellEdit the batch fails while the user edits a cell.
      if (!this.delayForCellEdit) throw new RichApiError("InvalidOperation", "This operation is not permitted while the user is editing a cell.");
      await model.cellEditEnded();
    }
    const limits = !model.departures.has("no-limits");
    if (limits && sent > PAYLOAD_LIMIT) throw new RichApiError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.", undefined, 413);
    this.running = true;
    this.responseBytes = 0;
    if (actions.length > 0) model.beginStep();
    try {
      for (const a of actions) {
        try {
          a();
        } catch (e) {
          throw wrap(e);
        }
      }
      if (limits && this.responseBytes > PAYLOAD_LIMIT) throw new RichApiError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.", undefined, 413);
    } finally {
      this.running = false;
      if (actions.length > 0) model.endStep();
      model.touched();
    }
    return passThrough as T;
  }
}

type Source<T> =
  | { create: () => T | null; nullable?: boolean }
  | { parent: ClientObject<unknown>; map: (p: never) => T | null }
  | { value: T };

/** Base of every proxy. */
abstract class ClientObject<T> {
  protected abstract readonly _className: string;
  protected readonly _scalars: readonly string[] = [];
  protected _p: Record<string, unknown> = {};
  private _t: T | null | undefined = undefined;
  private readonly _src: Source<T>;
  private readonly _navs = new Map<string, ClientObject<unknown>>();

  constructor(
    readonly context: RequestContext,
    src: Source<T>,
  ) {
    this._src = src;
    if ("value" in src) this._t = src.value;
    else if ("create" in src) {
      context.enqueue(() => {
        const t = src.create();
        if (t === null && !src.nullable) throw new ModelError("ItemNotFound", MESSAGES.ItemNotFound);
        this._t = t;
      });
    }
  }

  /** @internal The model object; null for a null object. Valid inside actions and after sync. */
  _target(): T | null {
    const s = this._src;
    if ("map" in s) {
      // A navigation property of a null object is not an object: loading it fails like a method call
      // ("*OrNullObject methods and properties", https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
      const p = s.parent._target();
      if (p === null) throw new ModelError("ItemNotFound", MESSAGES.ItemNotFound);
      return s.map(p as never);
    }
    if (this._t === undefined) throw new RichApiError("InvalidObjectPath", `The object path '${this._className}' isn't working for what you're trying to do.`);
    return this._t;
  }

  /** @internal Target that must exist (methods on a null object fail like Excel's ItemNotFound). */
  _live(): T {
    const t = this._target();
    if (t === null) throw new ModelError("ItemNotFound", MESSAGES.ItemNotFound);
    return t;
  }

  get isNullObject(): boolean {
    const s = this._src;
    if ("create" in s && this._t === undefined) throw propertyNotLoaded(this._className, "isNullObject");
    return this._target() === null;
  }

  load(spec?: string | string[] | Record<string, unknown>): this {
    const paths = normalizeLoad(spec);
    this.context.enqueue(() => this._loadPaths(paths));
    return this;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._p };
  }

  /** @internal */
  _loadPaths(paths: string[][]): void {
    if (paths.length === 0 || paths.some((p) => p.length === 0 || p[0] === "" || p[0] === "*")) this._loadAll();
    const byHead = new Map<string, string[][]>();
    for (const p of paths) {
      if (p.length === 0 || p[0] === "" || p[0] === "*") continue;
      const list = byHead.get(p[0]) ?? [];
      list.push(p.slice(1));
      byHead.set(p[0], list);
    }
    for (const [head, rests] of byHead) this._loadHead(head, rests);
  }

  protected _loadHead(head: string, rests: string[][]): void {
    const nav = this._nav(head);
    if (nav) {
      const sub = rests.filter((r) => r.length > 0);
      if (sub.length) nav._loadPaths(sub);
      else nav._loadAll();
      return;
    }
    if (!this._scalars.includes(head)) {
      throw new RichApiError("PropertyNotFound", `The property '${head}' does not exist on ${this._className}.`, `${this._className}.${head}`);
    }
    const t = this._target();
    this._p[head] = t === null ? null : clone(this._read(t, head));
    this.context.responseBytes += jsonBytes(this._p[head]);
  }

  /** @internal */
  _loadAll(): void {
    const t = this._target();
    for (const s of this._scalars) {
      this._p[s] = t === null ? null : clone(this._read(t, s));
      this.context.responseBytes += jsonBytes(this._p[s]);
    }
  }

  protected _read(_t: T, prop: string): unknown {
    throw new RichApiError("PropertyNotFound", `The property '${prop}' does not exist on ${this._className}.`);
  }

  /** Navigation properties (format, fill, protection …) return a child proxy. */
  protected _nav(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }

  protected _child<C extends ClientObject<unknown>>(name: string, make: () => C): C {
    let c = this._navs.get(name);
    if (!c) {
      c = make();
      this._navs.set(name, c);
    }
    return c as C;
  }

  protected _get<V>(prop: string): V {
    if (!(prop in this._p)) throw propertyNotLoaded(this._className, prop);
    return this._p[prop] as V;
  }

  /** A property set: visible locally at once, applied to the workbook at sync. */
  protected _set(prop: string, value: unknown, apply: (t: T) => void): void {
    this._p[prop] = value;
    this.context.requestBytes += jsonBytes(value);
    this.context.enqueue(() => {
      const t = this._target();
      if (t !== null) apply(t);
    });
  }

  protected _do(apply: (t: T) => void): void {
    this.context.enqueue(() => apply(this._live()));
  }

  protected _require(minor: number, member: string): void {
    if (this.context.host.apiVersion < minor) throw apiNotFound(member, `ExcelApi 1.${minor}`);
  }

  protected _same(other: ClientObject<unknown>): void {
    if (other.context !== this.context) throw invalidRequestContext();
  }
}

function jsonBytes(v: unknown): number {
  if (v === undefined || v === null) return 4;
  if (typeof v !== "object") return String(v).length + 2;
  return JSON.stringify(v).length;
}

function normalizeLoad(spec?: string | string[] | Record<string, unknown>): string[][] {
  if (spec === undefined || spec === null) return [];
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string): void => {
    for (const [k, v] of Object.entries(o)) {
      if (k === "$all" && v) out.push(prefix + "*");
      else if (k === "select" && typeof v === "string") v.split(",").forEach((s) => out.push(prefix + s.trim()));
      else if (k === "expand" && typeof v === "string") v.split(",").forEach((s) => out.push(prefix + s.trim()));
      else if (v === true) out.push(prefix + k);
      else if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
    }
  };
  if (typeof spec === "string") spec.split(",").forEach((s) => out.push(s.trim()));
  else if (Array.isArray(spec)) spec.forEach((s) => s.split(",").forEach((x) => out.push(x.trim())));
  else walk(spec, "");
  return out.filter((s) => s.length > 0).map((s) => s.split("/").map((x) => x.trim()));
}

/** Base of collections: `items` after load. */
abstract class Collection<T, I extends ClientObject<unknown>> extends ClientObject<T> {
  protected abstract _list(t: T): unknown[];
  protected abstract _item(v: unknown): I;

  get items(): I[] {
    return this._get<I[]>("items");
  }

  protected override _loadHead(head: string, rests: string[][]): void {
    if (head !== "items") return super._loadHead(head, rests);
    const t = this._target();
    const items = t === null ? [] : this._list(t).map((v) => this._item(v));
    const sub = rests.filter((r) => r.length > 0);
    for (const it of items) {
      if (sub.length) it._loadPaths(sub);
      else it._loadAll();
    }
    this._p.items = items;
  }

  override _loadAll(): void {
    this._loadHead("items", [[]]);
  }

  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context.enqueue(() => r._resolve(this._list(this._live()).length, this.context));
    return r;
  }
}

export class ClientResult<V> {
  private _v: V | undefined;
  private _done = false;
  get value(): V {
    if (!this._done)
      throw new RichApiError(
        "ValueNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    return this._v as V;
  }
  /** @internal */
  _resolve(v: V, context?: RequestContext): void {
    this._v = clone(v);
    this._done = true;
    if (context) context.responseBytes += jsonBytes(v);
  }
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

export class EventHandlerResult {
  private off: (() => void) | null = null;
  constructor(readonly context: RequestContext) {}
  /** @internal */
  _bind(off: () => void): void {
    this.off = off;
  }
  remove(): void {
    this.context.enqueue(() => {
      this.off?.();
      this.off = null;
    });
  }
}

export class EventHandlers {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: () => { sheetId: string } | "all",
    private readonly kind: "changed" | "added",
  ) {}
  add(handler: (args: unknown) => unknown): EventHandlerResult {
    const res = new EventHandlerResult(this.context);
    this.context.enqueue(() => res._bind(this.context.host.addHandler(this.scope(), this.kind, handler)));
    return res;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook
// ---------------------------------------------------------------------------------------------

export class Workbook extends ClientObject<WorkbookModel> {
  protected readonly _className = "Workbook";

  get worksheets(): WorksheetCollection {
    return this._child("worksheets", () => new WorksheetCollection(this.context, { parent: this, map: (m: WorkbookModel) => m }));
  }
  get names(): NamedItemCollection {
    return this._child("names", () => new NamedItemCollection(this.context, { parent: this, map: (m: WorkbookModel) => m }));
  }
  get settings(): SettingCollection {
    this._require(4, "Workbook.settings");
    return this._child("settings", () => new SettingCollection(this.context, { parent: this, map: (m: WorkbookModel) => m }));
  }
  getSelectedRange(): Range {
    return new Range(this.context, {
      create: () => {
        const m = this.context.host.model;
        const sel = m.selection;
        const s = sel ? m.sheetById(sel.sheetId) : undefined;
        if (!s || !sel) {
          const active = m.activeSheetId ? m.sheetById(m.activeSheetId) : m.sheets[0];
          return { sheet: active ?? m.sheets[0], box: { top: 0, left: 0, bottom: 0, right: 0 } };
        }
        return { sheet: s, box: sel.box };
      },
    });
  }
  protected override _nav(name: string): ClientObject<unknown> | undefined {
    if (name === "worksheets") return this.worksheets;
    if (name === "names") return this.names;
    if (name === "settings") return this.settings;
    return undefined;
  }
}

export class WorksheetCollection extends Collection<WorkbookModel, Worksheet> {
  protected readonly _className = "WorksheetCollection";
  protected _list(m: WorkbookModel): unknown[] {
    return m.sheets;
  }
  protected _item(v: unknown): Worksheet {
    return new Worksheet(this.context, { value: v as SheetModel });
  }
  private find(m: WorkbookModel, key: string): SheetModel | undefined {
    return m.sheet(key) ?? m.sheetById(key);
  }
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, { create: () => this.find(this._live(), key) ?? null });
  }
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context, { create: () => this.find(this._live(), key) ?? null, nullable: true });
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, {
      create: () => {
        const m = this._live();
        return (m.activeSheetId ? m.sheetById(m.activeSheetId) : undefined) ?? m.sheets[0] ?? null;
      },
    });
  }
  add(name?: string): Worksheet {
    return new Worksheet(this.context, {
      create: () => {
        return this._live().addSheet(name);
      },
    });
  }
  get onChanged(): EventHandlers {
    this._require(9, "WorksheetCollection.onChanged");
    return new EventHandlers(this.context, () => "all", "changed");
  }
  get onAdded(): EventHandlers {
    return new EventHandlers(this.context, () => "all", "added");
  }
}

export class Worksheet extends ClientObject<SheetModel> {
  protected readonly _className = "Worksheet";
  protected override readonly _scalars = ["id", "name", "position", "visibility"];

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s) => this.context.host.model.renameSheet(s.name, v));
  }
  get position(): number {
    return this._get("position");
  }
  get visibility(): string {
    return this._get("visibility");
  }
  protected override _read(s: SheetModel, prop: string): unknown {
    switch (prop) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return this.context.host.model.sheets.indexOf(s);
      case "visibility":
        return "Visible";
    }
    return super._read(s, prop);
  }
  get protection(): WorksheetProtection {
    return this._child("protection", () => new WorksheetProtection(this.context, { parent: this, map: (s: SheetModel) => s }));
  }
  protected override _nav(name: string): ClientObject<unknown> | undefined {
    return name === "protection" ? this.protection : undefined;
  }
  getRange(address?: string): Range {
    return new Range(this.context, {
      create: () => {
        const s = this._live();
        if (address === undefined || address === "") return { sheet: s, box: { top: 0, left: 0, bottom: LAST_ROW, right: LAST_COL } };
        const box = parseBox(address);
        if (!box) throw new ModelError("InvalidArgument", MESSAGES.InvalidArgument("address"));
        return { sheet: s, box };
      },
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return new Range(this.context, {
      create: () => ({
        sheet: this._live(),
        box: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 },
      }),
    });
  }
  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this.context, {
      create: () => {
        const s = this._live();
        return { sheet: s, box: this.context.host.model.usedBox(s, !!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
      },
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(this.context, {
      create: () => {
        const s = this._target();
        if (s === null) return null;
        const b = this.context.host.model.usedBox(s, !!valuesOnly);
        return b ? { sheet: s, box: b } : null;
      },
      nullable: true,
    });
  }
  activate(): void {
    this._do((s) => {
      this.context.host.model.activeSheetId = s.id;
    });
  }
  delete(): void {
    this._do((s) => this.context.host.model.deleteSheet(s.name));
  }
  get onChanged(): EventHandlers {
    return new EventHandlers(this.context, () => ({ sheetId: this._live().id }), "changed");
  }
}

export class WorksheetProtection extends ClientObject<SheetModel> {
  protected readonly _className = "WorksheetProtection";
  protected override readonly _scalars = ["protected", "options"];
  get protected(): boolean {
    return this._get("protected");
  }
  /** Excel.WorksheetProtectionOptions (ExcelApi 1.2); only the options the simulator enforces are true/false as set. */
  get options(): { allowFormatCells: boolean; allowInsertRows: boolean } {
    return this._get("options");
  }
  protected override _read(s: SheetModel, prop: string): unknown {
    if (prop === "protected") return s.protected;
    if (prop === "options") return { allowFormatCells: !!s.allowFormatCells, allowInsertRows: !!s.allowInsertRows };
    return super._read(s, prop);
  }
  protect(options?: { allowFormatCells?: boolean; allowInsertRows?: boolean }): void {
    this._do((s) => {
      if (s.protected) throw new ModelError("InvalidOperation", MESSAGES.InvalidOperation);
      s.protected = true;
      s.allowFormatCells = !!options?.allowFormatCells;
      s.allowInsertRows = !!options?.allowInsertRows;
    });
  }
  unprotect(): void {
    this._do((s) => {
      s.protected = false;
      s.allowFormatCells = false;
      s.allowInsertRows = false;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Range
// ---------------------------------------------------------------------------------------------

interface RangeTarget {
  sheet: SheetModel;
  box: RangeBox;
}

function unbounded(b: RangeBox): boolean {
  return (b.left === 0 && b.right === LAST_COL) || (b.top === 0 && b.bottom === LAST_ROW);
}

function grid<V>(b: RangeBox, f: (r: number, c: number) => V, limit = true): V[][] | null {
  if (unbounded(b)) return null;
  // A read of more than MAX_READ_CELLS cells may come back as null (issue 13's report).
  if (limit && (b.bottom - b.top + 1) * (b.right - b.left + 1) > MAX_READ_CELLS) return null;
  const out: V[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row: V[] = [];
    for (let c = b.left; c <= b.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

/**
 * A fill as Excel reports it (https://learn.microsoft.com/javascript/api/excel/excel.rangefill): No
 * Fill reads color "#FFFFFF" (like white) with pattern "None" and tintAndShade null; a theme colour
 * with a tint is reported (issue 13) with pattern null although it is a real solid fill; gradients
 * ("LinearGradient and RectangularGradient are not supported") read as their pattern name and cannot
 * be written back.
 */
function fillOut(f: FillData, model: WorkbookModel): { color: string; pattern: string | null; patternColor: string | null; tintAndShade: number | null; patternTintAndShade: number | null } {
  if (f.pattern === "None" && !model.departures.has("no-fill-as-white")) return { color: "#FFFFFF", pattern: "None", patternColor: null, tintAndShade: null, patternTintAndShade: null };
  if (f.pattern === "None") return { color: "#FFFFFF", pattern: "Solid", patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
  const tint = f.tintAndShade ?? 0;
  return {
    color: f.color ?? "#FFFFFF",
    pattern: f.pattern === "Solid" && tint !== 0 ? null : f.pattern,
    patternColor: f.patternColor ?? (f.pattern === "Solid" ? null : "#000000"),
    tintAndShade: tint,
    patternTintAndShade: f.patternTintAndShade ?? 0,
  };
}

export class Range extends ClientObject<RangeTarget> {
  protected readonly _className = "Range";
  protected override readonly _scalars = [
    "address",
    "addressLocal",
    "values",
    "formulas",
    "numberFormat",
    "text",
    "rowCount",
    "columnCount",
    "rowIndex",
    "columnIndex",
    "cellCount",
  ];
  private get model(): WorkbookModel {
    return this.context.host.model;
  }
  protected override _read(t: RangeTarget, prop: string): unknown {
    const { sheet: s, box: b } = t;
    const m = this.model;
    switch (prop) {
      case "address":
      case "addressLocal":
        return qualified(s.name, b);
      case "values":
        return grid(b, (r, c) => m.valueAt(s, r, c));
      case "formulas":
        return grid(b, (r, c) => m.formulaAt(s, r, c));
      case "numberFormat":
        return grid(b, (r, c) => m.numberFormatAt(s, r, c));
      case "text":
        return grid(b, (r, c) => String(m.valueAt(s, r, c)));
      case "rowCount":
        return b.bottom - b.top + 1;
      case "columnCount":
        return b.right - b.left + 1;
      case "rowIndex":
        return b.top;
      case "columnIndex":
        return b.left;
      case "cellCount":
        return (b.bottom - b.top + 1) * (b.right - b.left + 1);
    }
    return super._read(t, prop);
  }
  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get values(): Scalar[][] {
    return this._get("values");
  }
  set values(v: Scalar[][]) {
    this._set("values", v, (t) => this.model.emit([this.model.writeValues(t.sheet, t.box, broadcast(v, t.box), "addin")]));
  }
  get formulas(): Scalar[][] {
    return this._get("formulas");
  }
  set formulas(v: Scalar[][]) {
    this._set("formulas", v, (t) => this.model.emit([this.model.writeValues(t.sheet, t.box, broadcast(v, t.box), "addin")]));
  }
  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this._set("numberFormat", v, (t) => {
      this.model.setNumberFormat(t.sheet, t.box, broadcast(v, t.box) as string[][]);
    });
  }
  get text(): string[][] {
    return this._get("text");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get format(): RangeFormat {
    return this._child("format", () => new RangeFormat(this.context, { parent: this, map: (t: RangeTarget) => t }));
  }
  get worksheet(): Worksheet {
    return this._child("worksheet", () => new Worksheet(this.context, { parent: this, map: (t: RangeTarget) => t.sheet }));
  }
  protected override _nav(name: string): ClientObject<unknown> | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  /** A range derived from this one; calling a method on a null object fails (it is not a range). */
  private derive(f: (t: RangeTarget) => RangeTarget | null, nullable = false): Range {
    return new Range(this.context, { create: () => f(this._live()), nullable });
  }
  getCell(row: number, column: number): Range {
    return this.derive((t) => ({ sheet: t.sheet, box: { top: t.box.top + row, left: t.box.left + column, bottom: t.box.top + row, right: t.box.left + column } }));
  }
  getRow(row: number): Range {
    return this.derive((t) => ({ sheet: t.sheet, box: { ...t.box, top: t.box.top + row, bottom: t.box.top + row } }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derive((t) => {
      const b = { top: t.box.top + rowOffset, bottom: t.box.bottom + rowOffset, left: t.box.left + columnOffset, right: t.box.right + columnOffset };
      if (b.top < 0 || b.left < 0 || b.bottom > LAST_ROW || b.right > LAST_COL) throw new ModelError("InvalidArgument", MESSAGES.InvalidArgument("rowOffset"));
      return { sheet: t.sheet, box: b };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derive((t) => {
      const b = { ...t.box, bottom: t.box.bottom + deltaRows, right: t.box.right + deltaColumns };
      if (b.bottom < b.top || b.right < b.left) throw new ModelError("InvalidArgument", MESSAGES.InvalidArgument("deltaRows"));
      return { sheet: t.sheet, box: b };
    });
  }
  getEntireRow(): Range {
    return this.derive((t) => ({ sheet: t.sheet, box: { ...t.box, left: 0, right: LAST_COL } }));
  }
  getIntersectionOrNullObject(other: Range | string): Range {
    if (typeof other !== "string") this._same(other);
    return this.derive((t) => {
      const ob = typeof other === "string" ? parseBox(other) : other._live().box;
      if (!ob) throw new ModelError("InvalidArgument", MESSAGES.InvalidArgument("anotherRange"));
      if (typeof other !== "string" && other._live().sheet !== t.sheet) return null;
      const i = intersection(t.box, ob);
      return i ? { sheet: t.sheet, box: i } : null;
    }, true);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.derive((t) => {
      const u = this.model.usedBox(t.sheet, !!valuesOnly);
      const i = u && intersection(u, t.box);
      return i ? { sheet: t.sheet, box: i } : null;
    }, true);
  }
  /**
   * Merged areas whose TOP-LEFT cell lies in this range (Excel's behaviour, office-js #3611: a merge
   * that starts above or left of the range is not returned). Null object when there is none.
   */
  getMergedAreasOrNullObject(): RangeAreas {
    this._require(13, "Range.getMergedAreasOrNullObject");
    return new RangeAreas(this.context, {
      create: () => {
        const t = this._live();
        const areas = t.sheet.merges.filter((m) => m.top >= t.box.top && m.top <= t.box.bottom && m.left >= t.box.left && m.left <= t.box.right);
        return areas.length ? { sheet: t.sheet, boxes: areas.map((a) => ({ ...a })) } : null;
      },
      nullable: true,
    });
  }
  merge(across = false): void {
    this._do((t) => {
      this.model.merge(t.sheet, t.box, across);
      this.model.emit([{ sheetId: t.sheet.id, address: boxToA1(t.box), changeType: "RangeEdited", origin: "addin" }]);
    });
  }
  unmerge(): void {
    this._do((t) => {
      this.model.unmerge(t.sheet, t.box);
      this.model.emit([{ sheetId: t.sheet.id, address: boxToA1(t.box), changeType: "RangeEdited", origin: "addin" }]);
    });
  }
  /** Only `Down` is simulated. Returns the inserted cells. */
  insert(shift: string): Range {
    if (String(shift).toLowerCase() !== "down") throw new RichApiError("InvalidArgument", MESSAGES.InvalidArgument("shift"));
    const t0 = { value: null as RangeTarget | null };
    this._do((t) => {
      const rec = this.model.insertRows(t.sheet, t.box.top, t.box.bottom - t.box.top + 1, "addin", t.box.left, t.box.right);
      t0.value = { sheet: t.sheet, box: { ...t.box } };
      this.model.emit([rec]);
    });
    return new Range(this.context, { create: () => t0.value });
  }
  /** Only `Up` is simulated. */
  delete(shift: string): void {
    if (String(shift).toLowerCase() !== "up") throw new RichApiError("InvalidArgument", MESSAGES.InvalidArgument("shift"));
    this._do((t) => this.model.emit([this.model.deleteRows(t.sheet, t.box.top, t.box.bottom - t.box.top + 1, "addin", t.box.left, t.box.right)]));
  }
  select(): void {
    this._do((t) => {
      this.model.selection = { sheetId: t.sheet.id, box: { ...t.box } };
      this.model.activeSheetId = t.sheet.id;
    });
  }
  clear(): void {
    this._do((t) => {
      this.model.emit([this.model.writeValues(t.sheet, t.box, blank(t.box), "addin")]);
      this.model.setFill(t.sheet, t.box, null);
    });
  }
  /** Cell properties; only `address`, `format.fill.{color,pattern}` and `format.font.{bold,color}` are simulated. */
  getCellProperties(spec: {
    address?: boolean;
    format?: {
      fill?: { color?: boolean; pattern?: boolean; patternColor?: boolean; tintAndShade?: boolean; patternTintAndShade?: boolean };
      font?: { bold?: boolean; color?: boolean };
      protection?: { locked?: boolean };
    };
  }): ClientResult<unknown[][]> {
    this._require(9, "Range.getCellProperties");
    const res = new ClientResult<unknown[][]>();
    this._do((t) => {
      const out = grid(t.box, (r, c) => {
        const cell: Record<string, unknown> = {};
        if (spec.address) cell.address = qualified(t.sheet.name, { top: r, left: c, bottom: r, right: c });
        const fmt: Record<string, unknown> = {};
        if (spec.format?.fill) {
          const f = fillOut(this.model.fillAt(t.sheet, r, c), this.model);
          const fill: Record<string, unknown> = {};
          for (const k of ["color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade"] as const) if (spec.format.fill[k]) fill[k] = f[k];
          fmt.fill = fill;
        }
        if (spec.format?.protection?.locked) fmt.protection = { locked: !this.model.cell(t.sheet, r, c)?.unlocked };
        if (spec.format?.font) {
          const fo = this.model.cell(t.sheet, r, c)?.font ?? {};
          const font: Record<string, unknown> = {};
          if (spec.format.font.bold) font.bold = !!fo.bold;
          if (spec.format.font.color) font.color = fo.color ?? "#000000";
          fmt.font = font;
        }
        if (spec.format) cell.format = fmt;
        return cell;
      });
      res._resolve(out ?? [], this.context);
    });
    return res;
  }
  setCellProperties(
    values: { format?: { fill?: { color?: string; pattern?: string; patternColor?: string; tintAndShade?: number; patternTintAndShade?: number }; font?: { bold?: boolean; color?: string } } }[][],
  ): void {
    this._require(9, "Range.setCellProperties");
    this._do((t) => {
      for (let r = 0; r < values.length; r++)
        for (let c = 0; c < values[r].length; c++) {
          const one = { top: t.box.top + r, left: t.box.left + c, bottom: t.box.top + r, right: t.box.left + c };
          const fill = values[r][c]?.format?.fill;
          if (fill) {
            const cur = this.model.fillAt(t.sheet, one.top, one.left);
            const pattern = fill.pattern ?? (fill.color ? (cur.pattern === "None" ? "Solid" : cur.pattern) : cur.pattern);
            if (/Gradient/.test(pattern)) throw new ModelError("InvalidArgument", MESSAGES.InvalidArgument("pattern"));
            const color = fill.color ?? cur.color;
            this.model.setFill(
              t.sheet,
              one,
              pattern === "None"
                ? null
                : {
                    color,
                    pattern,
                    patternColor: fill.patternColor ?? cur.patternColor,
                    tintAndShade: fill.tintAndShade ?? cur.tintAndShade,
                    patternTintAndShade: fill.patternTintAndShade ?? cur.patternTintAndShade,
                  },
            );
          }
        }
    });
  }
}

function blank(b: RangeBox): Scalar[][] {
  return grid(b, () => "" as Scalar) ?? [];
}

/** Excel accepts a single value for a whole range ([[v]] or v) and broadcasts it. */
function broadcast(v: unknown, b: RangeBox): Scalar[][] {
  const rows = b.bottom - b.top + 1;
  const cols = b.right - b.left + 1;
  if (!Array.isArray(v)) return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v as Scalar));
  if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && (rows > 1 || cols > 1))
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (v[0] as Scalar[])[0]));
  return v as Scalar[][];
}

export class RangeFormat extends ClientObject<RangeTarget> {
  protected readonly _className = "RangeFormat";
  get fill(): RangeFill {
    return this._child("fill", () => new RangeFill(this.context, { parent: this, map: (t: RangeTarget) => t }));
  }
  get font(): RangeFont {
    return this._child("font", () => new RangeFont(this.context, { parent: this, map: (t: RangeTarget) => t }));
  }
  get protection(): FormatProtection {
    return this._child("protection", () => new FormatProtection(this.context, { parent: this, map: (t: RangeTarget) => t }));
  }
  protected override _nav(name: string): ClientObject<unknown> | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    if (name === "protection") return this.protection;
    return undefined;
  }
}

/** Range.format.protection (ExcelApi 1.2): `locked` is true when every cell is locked, false when none, null when mixed. */
export class FormatProtection extends ClientObject<RangeTarget> {
  protected readonly _className = "FormatProtection";
  protected override readonly _scalars = ["locked"];
  protected override _read(t: RangeTarget, prop: string): unknown {
    if (prop !== "locked") return super._read(t, prop);
    let first: boolean | undefined;
    for (let r = t.box.top; r <= Math.min(t.box.bottom, t.box.top + 5000); r++)
      for (let c = t.box.left; c <= Math.min(t.box.right, t.box.left + 500); c++) {
        const v = !this.context.host.model.cell(t.sheet, r, c)?.unlocked;
        if (first === undefined) first = v;
        else if (first !== v) return null;
      }
    return first ?? true;
  }
  get locked(): boolean {
    return this._get("locked");
  }
  set locked(v: boolean) {
    this._set("locked", v, (t) => this.context.host.model.setLocked(t.sheet, t.box, v));
  }
}

export class RangeFill extends ClientObject<RangeTarget> {
  protected readonly _className = "RangeFill";
  protected override readonly _scalars = ["color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade"];
  private get model(): WorkbookModel {
    return this.context.host.model;
  }
  /** "#RRGGBB" when uniform ("#FFFFFF" for no fill, as Excel reports it), null when mixed. */
  protected override _read(t: RangeTarget, prop: string): unknown {
    if (prop !== "color") this._require(9, `RangeFill.${prop}`);
    let first: string | number | null | undefined;
    for (let r = t.box.top; r <= Math.min(t.box.bottom, t.box.top + 5000); r++)
      for (let c = t.box.left; c <= Math.min(t.box.right, t.box.left + 500); c++) {
        const f = fillOut(this.model.fillAt(t.sheet, r, c), this.model);
        const v = f[prop as keyof typeof f];
        if (first === undefined) first = v;
        else if (first !== v) return null;
      }
    return first ?? null;
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (t) => this.model.setFill(t.sheet, t.box, { color: normColor(v), pattern: "Solid" }));
  }
  get pattern(): string {
    return this._get("pattern");
  }
  set pattern(v: string) {
    this._require(9, "RangeFill.pattern");
    this._set("pattern", v, (t) => {
      const cur = this.model.fillAt(t.sheet, t.box.top, t.box.left);
      this.model.setFill(t.sheet, t.box, v === "None" ? null : { ...cur, color: cur.color ?? "#000000", pattern: v });
    });
  }
  get patternColor(): string {
    return this._get("patternColor");
  }
  get tintAndShade(): number | null {
    return this._get("tintAndShade");
  }
  get patternTintAndShade(): number | null {
    return this._get("patternTintAndShade");
  }
  clear(): void {
    this._do((t) => this.model.setFill(t.sheet, t.box, null));
  }
}

export class RangeFont extends ClientObject<RangeTarget> {
  protected readonly _className = "RangeFont";
  protected override readonly _scalars = ["bold", "color"];
  protected override _read(t: RangeTarget, prop: string): unknown {
    const f = this.context.host.model.cell(t.sheet, t.box.top, t.box.left)?.font ?? {};
    return prop === "bold" ? !!f.bold : (f.color ?? "#000000");
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, (t) => this.apply(t, { bold: v }));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (t) => this.apply(t, { color: normColor(v) }));
  }
  private apply(t: RangeTarget, patch: { bold?: boolean; color?: string }): void {
    const m = this.context.host.model;
    m.assertFormattable(t.sheet);
    // Fonts are formats: no change event.
    for (let r = t.box.top; r <= t.box.bottom; r++) for (let c = t.box.left; c <= t.box.right; c++) m.formatCell(t.sheet, r, c, (cell) => (cell.font = { ...cell.font, ...patch }));
  }
}

interface AreasTarget {
  sheet: SheetModel;
  boxes: RangeBox[];
}

export class RangeAreas extends ClientObject<AreasTarget> {
  protected readonly _className = "RangeAreas";
  protected override readonly _scalars = ["address", "areaCount"];
  protected override _read(t: AreasTarget, prop: string): unknown {
    if (prop === "address") return t.boxes.map((b) => qualified(t.sheet.name, b)).join(",");
    if (prop === "areaCount") return t.boxes.length;
    return super._read(t, prop);
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get areas(): RangeCollection {
    return this._child("areas", () => new RangeCollection(this.context, { parent: this, map: (t: AreasTarget) => t }));
  }
  protected override _nav(name: string): ClientObject<unknown> | undefined {
    return name === "areas" ? this.areas : undefined;
  }
}

export class RangeCollection extends Collection<AreasTarget, Range> {
  protected readonly _className = "RangeCollection";
  protected _list(t: AreasTarget): unknown[] {
    return t.boxes.map((b) => ({ sheet: t.sheet, box: b }));
  }
  protected _item(v: unknown): Range {
    return new Range(this.context, { value: v as RangeTarget });
  }
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

export class NamedItemCollection extends Collection<WorkbookModel, NamedItem> {
  protected readonly _className = "NamedItemCollection";
  protected _list(m: WorkbookModel): unknown[] {
    return m.names;
  }
  protected _item(v: unknown): NamedItem {
    return new NamedItem(this.context, { value: v as NameModel });
  }
  /** reference: a Range, or "=Sheet1!$A$1:$B$2" / "Sheet1!A1:B2". */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    this._require(4, "NamedItemCollection.add");
    if (typeof reference !== "string") this._same(reference);
    return new NamedItem(this.context, {
      create: () => {
        const m = this._live();
        let sheet: SheetModel | undefined;
        let box: RangeBox | null;
        let relative = false;
        if (typeof reference === "string") {
          const ref = reference.replace(/^=/, "");
          const bang = ref.lastIndexOf("!");
          let sn = bang >= 0 ? ref.slice(0, bang) : "";
          if (sn.startsWith("'")) sn = sn.slice(1, -1).replace(/''/g, "'");
          sheet = sn ? m.sheet(sn) : undefined;
          box = parseBox(ref);
          // A reference without $ is relative to the active cell (see NameModel.anchor).
          relative = !ref.slice(bang + 1).includes("$");
        } else {
          const t = reference._live();
          sheet = t.sheet;
          box = t.box;
        }
        if (!sheet || !box) throw new ModelError("InvalidArgument", MESSAGES.InvalidArgument("reference"));
        return m.addName(name, sheet, box, comment ?? "", relative);
      },
    });
  }
  getItem(name: string): NamedItem {
    return new NamedItem(this.context, { create: () => this._live().name(name) ?? null });
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.context, { create: () => this._live().name(name) ?? null, nullable: true });
  }
}

export class NamedItem extends ClientObject<NameModel> {
  protected readonly _className = "NamedItem";
  protected override readonly _scalars = ["name", "type", "value", "formula", "visible", "comment"];
  private get model(): WorkbookModel {
    return this.context.host.model;
  }
  protected override _read(n: NameModel, prop: string): unknown {
    const f = this.model.nameFormula(n);
    switch (prop) {
      case "name":
        return n.name;
      case "type":
        return f.includes("#REF!") ? "Error" : "Range";
      case "value":
        return f.includes("#REF!") ? "#REF!" : f.slice(1);
      case "formula":
        return f;
      case "visible":
        return n.visible;
      case "comment":
        return n.comment;
    }
    return super._read(n, prop);
  }
  get name(): string {
    return this._get("name");
  }
  get type(): string {
    return this._get("type");
  }
  get value(): unknown {
    return this._get("value");
  }
  get formula(): string {
    return this._get("formula");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  /**
   * Setting `visible` in the same batch as the `names.add` that creates the name is reported to do
   * nothing (issue 13): the name stays visible in Name Manager. Set it in a later batch.
   */
  set visible(v: boolean) {
    this._set("visible", v, (n) => {
      if (n.addedIn === this.model.syncSeq && !this.model.departures.has("visible-in-add-batch")) return;
      n.visible = v;
    });
  }
  get comment(): string {
    return this._get("comment");
  }
  /**
   * Setting a name's comment is not undoable on Excel on the web (issue 13's report; an API without
   * undo support "clears the user's undo stack", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
   */
  set comment(v: string) {
    this._set("comment", v, (n) => {
      n.comment = v;
      if (this.context.host.platform === "OfficeOnline") this.model.clearUndo();
    });
  }
  delete(): void {
    this._do((n) => this.model.deleteName(n.name));
  }
  getRange(): Range {
    return new Range(this.context, { create: () => this.resolve(false) });
  }
  getRangeOrNullObject(): Range {
    this._require(4, "NamedItem.getRangeOrNullObject");
    return new Range(this.context, { create: () => this.resolve(true), nullable: true });
  }
  private resolve(nullable: boolean): RangeTarget | null {
    const n = nullable ? this._target() : this._live();
    const s = n?.sheetId ? this.model.sheetById(n.sheetId) : undefined;
    const box = n ? this.model.nameBox(n) : null;
    if (!n || !s || !box) {
      if (nullable) return null;
      throw new RichApiError("InvalidReference", "This reference isn't valid for the current operation.");
    }
    return { sheet: s, box };
  }
}

// ---------------------------------------------------------------------------------------------
// Settings (workbook.settings, ExcelApi 1.4)
// ---------------------------------------------------------------------------------------------

export class SettingCollection extends Collection<WorkbookModel, Setting> {
  protected readonly _className = "SettingCollection";
  protected _list(m: WorkbookModel): unknown[] {
    return [...m.settings.keys()].map((key) => ({ key }));
  }
  protected _item(v: unknown): Setting {
    return new Setting(this.context, { value: v as { key: string } });
  }
  add(key: string, value: unknown): Setting {
    const stored = clone(value);
    return new Setting(this.context, {
      create: () => {
        this._live().settings.set(key, stored);
        return { key };
      },
    });
  }
  getItem(key: string): Setting {
    return new Setting(this.context, { create: () => (this._live().settings.has(key) ? { key } : null) });
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, { create: () => (this._live().settings.has(key) ? { key } : null), nullable: true });
  }
}

export class Setting extends ClientObject<{ key: string }> {
  protected readonly _className = "Setting";
  protected override readonly _scalars = ["key", "value"];
  protected override _read(t: { key: string }, prop: string): unknown {
    if (prop === "key") return t.key;
    if (prop === "value") return this.context.host.model.settings.get(t.key);
    return super._read(t, prop);
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    const stored = clone(v);
    this._set("value", v, (t) => this.context.host.model.settings.set(t.key, stored));
  }
  delete(): void {
    this._do((t) => this.context.host.model.settings.delete(t.key));
  }
}

export { containsBox };
