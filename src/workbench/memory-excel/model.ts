/**
 * The in-memory workbook behind the simulated Excel: sheets of cells (value, formula, number format,
 * fill, font), merged areas, workbook-scoped named items that follow row insertion and deletion,
 * add-in settings, sheet protection, the selection — with export to and import from a plain JSON
 * snapshot ("save and reopen"). Every mutation reports a change record; the API layer turns those
 * into Excel's `onChanged` events. Pure TS: runs in node (jest) and in the browser.
 */
import { RangeBox, colToLetters } from "../../core/grid/a1";
import { LAST_COL, LAST_ROW, boxToA1, intersects, parseBox } from "../../core/grid/a1";
import { containsBox, intersection, qualified } from "./address";

export type Scalar = string | number | boolean | null;

export interface FillData {
  /** "#RRGGBB"; null when the pattern is None. */
  color: string | null;
  /** Excel.FillPattern: "None", "Solid", "Gray50", … ("LinearGradient" for a gradient made in Excel's UI). */
  pattern: string;
  /** The pattern's own colour (patterns other than Solid). */
  patternColor?: string | null;
  /** Lightens (+) or darkens (−) the colour: a theme colour with a tint. 0 when omitted. */
  tintAndShade?: number;
  patternTintAndShade?: number;
}

/**
 * Ways the in-memory Excel can be made to DEPART from Excel's documented behaviour, one at a time:
 * the contract suite's flip test (test/excel/contract.test.ts) turns one on and expects the cases
 * that cover it to fail — proof that those cases can fail.
 */
export type Departure =
  /** Every cell of a merged area reads the area's value (Excel: only the top-left cell has it). */
  | "merged-value-everywhere"
  /** Every name, even one written with $, resolves relative to the active cell. */
  | "names-float"
  /** `visible = false` works in the batch that adds the name (reported not to, see NamedItem.visible). */
  | "visible-in-add-batch"
  /** No Fill reads back with its pattern "Solid" and tintAndShade 0, like a white fill. */
  | "no-fill-as-white"
  /** Payload and cell-count limits are not enforced. */
  | "no-limits";

export interface FontData {
  bold?: boolean;
  color?: string;
}

export interface CellData {
  /** Value as Excel returns it in `values` (formula cells: their cached result). */
  v: Scalar;
  /** Formula text ("=SUM(A1:A3)") when the cell holds one. Not evaluated by the simulator. */
  f?: string;
  nf?: string;
  fill?: FillData;
  font?: FontData;
  /** Format → Protection → Locked unticked (cells are locked by default). */
  unlocked?: true;
}

export interface SheetModel {
  id: string;
  name: string;
  cells: Map<number, CellData>;
  merges: RangeBox[];
  protected: boolean;
  /** Protection options (Excel.WorksheetProtectionOptions) in effect while protected. */
  allowFormatCells?: boolean;
  allowInsertRows?: boolean;
}

export interface NameModel {
  name: string;
  /** Where the name points; sheetId null = the sheet was deleted; box null = its cells were deleted. */
  sheetId: string | null;
  box: RangeBox | null;
  /** Last known sheet name and box (for "#REF!" rendering). */
  lastBox: RangeBox | null;
  comment: string;
  visible: boolean;
  /**
   * A name written without $ is relative: Excel stores it against the active cell at the time it was
   * defined and resolves it against the active cell at the time it is read (Excel's Name Manager
   * semantics; the issue 13 report of mappings saved with "='Sheet'!A3:G40" reloading moved).
   */
  anchor?: { row: number; col: number };
  /** The sync in which the name was added (NamedItem.visible set in that same batch is ignored). */
  addedIn?: number;
}

export type ChangeType =
  | "RangeEdited"
  | "RowInserted"
  | "RowDeleted"
  | "ColumnInserted"
  | "ColumnDeleted"
  | "CellInserted"
  | "CellDeleted"
  | "Unknown";

/** One data change, as the API layer will report it. `origin` says who made it. */
export interface ChangeRecord {
  sheetId: string;
  address: string;
  changeType: ChangeType;
  origin: "addin" | "user";
  /** Only for single-cell RangeEdited changes (Excel gives no details for multi-cell edits). */
  details?: { valueBefore: Scalar; valueAfter: Scalar };
}

const KEY = 16384;
const key = (row: number, col: number): number => row * KEY + col;

export const NO_FILL: FillData = { color: null, pattern: "None" };

// ---------------------------------------------------------------------------------------------
// Snapshot
// ---------------------------------------------------------------------------------------------

export interface CellSnapshot {
  v?: Scalar;
  f?: string;
  nf?: string;
  /** "#RRGGBB" for a solid fill, or the full data for other patterns. */
  fill?: string | FillData;
  font?: FontData;
  unlocked?: true;
}

export interface WorkbookSnapshot {
  version: 1;
  sheets: { name: string; id?: string; protected?: boolean; allowFormatCells?: boolean; allowInsertRows?: boolean; cells: Record<string, CellSnapshot>; merges?: string[] }[];
  /** ref: "Sheet1!$A$1:$G$38", or "#REF!…" when broken. */
  names?: { name: string; ref: string; comment?: string; visible?: boolean; anchor?: { row: number; col: number } }[];
  settings?: Record<string, unknown>;
  activeSheet?: string;
  selection?: { sheet: string; address: string };
}

/** Error raised by model operations; the API layer wraps it into Excel's RichApi.Error. */
export class ModelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const MESSAGES = {
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource already exists.",
  AccessDenied: "The cell or chart you're trying to change is protected and therefore read-only.",
  InvalidArgument: (arg: string) => `The argument '${arg}' doesn't work for this situation, is missing, or isn't in the right format.`,
  InvalidOperation: "This operation is not permitted for the current object.",
  MergeConflict: "Cannot change part of a merged cell.",
};

export class WorkbookModel {
  sheets: SheetModel[] = [];
  names: NameModel[] = [];
  settings = new Map<string, unknown>();
  activeSheetId: string | null = null;
  selection: { sheetId: string; box: RangeBox } | null = null;
  /** Departures from Excel's behaviour switched on (none normally). */
  readonly departures = new Set<Departure>();
  /** Bumped at every sync that carries actions and at every user action. */
  syncSeq = 0;
  /** Excel's undo stack: one step per add-in sync that changed cells, one per user action. */
  private undoStack: UndoStep[] = [];
  private step: UndoStep | null = null;
  /** The user is typing in a cell (cell-edit mode). */
  private editing: (() => void)[] | null = null;
  private nextSheet = 1;
  private listeners = new Set<(changes: ChangeRecord[]) => void>();
  private renderListeners = new Set<() => void>();
  private addedListeners = new Set<(s: SheetModel) => void>();

  /** Sheet-added listener (worksheets.onAdded). */
  onSheetAdded(fn: (s: SheetModel) => void): () => void {
    this.addedListeners.add(fn);
    return () => this.addedListeners.delete(fn);
  }

  // --- listeners -------------------------------------------------------------------------------

  /** Data-change listener (the API layer's event source). */
  onChange(fn: (changes: ChangeRecord[]) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Any-mutation listener (values, formats, names, selection): for a grid that re-renders. */
  onRender(fn: () => void): () => void {
    this.renderListeners.add(fn);
    return () => this.renderListeners.delete(fn);
  }

  emit(changes: ChangeRecord[]): void {
    if (changes.length) for (const fn of this.listeners) fn(changes);
    this.touched();
  }

  touched(): void {
    for (const fn of this.renderListeners) fn();
  }

  // --- undo (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities) ---
  // Excel.RunOptions.mergeUndoGroup (ExcelApi 1.20): "When false, each context.sync() call creates an
  // undo record". A call to an API that does not support undo clears the user's undo stack.

  /** Starts an undo step (an add-in sync or a user action). */
  beginStep(): void {
    this.syncSeq++;
    this.step = { cells: new Map(), sheets: new Map() };
  }

  endStep(): void {
    const st = this.step;
    this.step = null;
    if (st && (st.cells.size > 0 || st.sheets.size > 0)) this.undoStack.push(st);
  }

  /** A call that cannot be undone clears the undo stack. */
  clearUndo(): void {
    this.undoStack = [];
  }

  get undoDepth(): number {
    return this.undoStack.length;
  }

  /** Ctrl+Z: reverts the last step. Returns the sheets and boxes whose values it changed (for events). */
  undo(): { sheet: SheetModel; box: RangeBox; structural: boolean }[] {
    const st = this.undoStack.pop();
    if (!st) return [];
    const out: { sheet: SheetModel; box: RangeBox; structural: boolean }[] = [];
    for (const [s, snap] of st.sheets) {
      s.cells = snap.cells;
      s.merges = snap.merges;
      for (const [n, b] of snap.names) {
        n.box = b;
        if (b) n.lastBox = b;
      }
      out.push({ sheet: s, box: { top: 0, left: 0, bottom: LAST_ROW, right: LAST_COL }, structural: true });
    }
    for (const [s, cells] of st.cells) {
      let box: RangeBox | null = null;
      for (const [k, c] of cells) {
        if (c) s.cells.set(k, c);
        else s.cells.delete(k);
        const r = Math.floor(k / KEY);
        const col = k % KEY;
        box = box ? { top: Math.min(box.top, r), left: Math.min(box.left, col), bottom: Math.max(box.bottom, r), right: Math.max(box.right, col) } : { top: r, left: col, bottom: r, right: col };
      }
      if (box && !st.sheets.has(s)) out.push({ sheet: s, box, structural: false });
    }
    this.touched();
    return out;
  }

  /** Records a cell's state before it changes (inside a step). */
  private journal(s: SheetModel, row: number, col: number): void {
    const st = this.step;
    if (!st || st.sheets.has(s)) return;
    let m = st.cells.get(s);
    if (!m) st.cells.set(s, (m = new Map()));
    const k = key(row, col);
    if (m.has(k)) return;
    const c = s.cells.get(k);
    m.set(k, c ? cloneCell(c) : undefined);
  }

  /** Records a whole sheet before rows move (inside a step). */
  private journalSheet(s: SheetModel): void {
    const st = this.step;
    if (!st || st.sheets.has(s)) return;
    st.sheets.set(s, {
      cells: new Map([...s.cells].map(([k, c]) => [k, cloneCell(c)])),
      merges: s.merges.map((m) => ({ ...m })),
      names: new Map(this.names.filter((n) => n.sheetId === s.id).map((n) => [n, n.box ? { ...n.box } : null])),
    });
  }

  /** A format change made outside the model's own methods (fonts): journal it first. */
  formatCell(s: SheetModel, row: number, col: number, patch: (c: CellData) => void): void {
    this.journal(s, row, col);
    const c = this.ensure(s, row, col);
    patch(c);
    this.prune(s, row, col);
  }

  // --- cell-edit mode (https://learn.microsoft.com/javascript/api/excel/excel.runoptions) -----------
  // "When false, if the user is in cell edit when the batch request is processed by the host, the
  // batch automatically fails. When true, … the batch request is delayed until the user exits cell
  // edit mode."

  get cellEditing(): boolean {
    return this.editing !== null;
  }

  beginCellEdit(): void {
    this.editing ??= [];
  }

  endCellEdit(): void {
    const waiting = this.editing ?? [];
    this.editing = null;
    for (const w of waiting) w();
  }

  /** Resolves when the user leaves cell-edit mode. */
  cellEditEnded(): Promise<void> {
    if (!this.editing) return Promise.resolve();
    const list = this.editing;
    return new Promise((r) => list.push(r));
  }

  // --- sheets ----------------------------------------------------------------------------------

  sheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  requireSheet(name: string): SheetModel {
    const s = this.sheet(name);
    if (!s) throw new ModelError("ItemNotFound", MESSAGES.ItemNotFound);
    return s;
  }

  addSheet(name?: string, id?: string): SheetModel {
    let n = name;
    if (!n) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    if (this.sheet(n)) throw new ModelError("ItemAlreadyExists", MESSAGES.ItemAlreadyExists);
    if (n.length > 31 || /[\\/?*[\]:]/.test(n)) throw new ModelError("InvalidArgument", MESSAGES.InvalidArgument("name"));
    const sid = id ?? `{00000000-000${(this.nextSheet++).toString(16).padStart(1, "0")}-0000-0000-000000000000}`;
    const s: SheetModel = { id: sid, name: n, cells: new Map(), merges: [], protected: false };
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    for (const fn of this.addedListeners) fn(s);
    this.touched();
    return s;
  }

  deleteSheet(name: string): void {
    const s = this.requireSheet(name);
    if (this.sheets.length === 1) throw new ModelError("InvalidOperation", MESSAGES.InvalidOperation);
    this.sheets = this.sheets.filter((x) => x !== s);
    for (const n of this.names) if (n.sheetId === s.id) n.sheetId = null;
    if (this.activeSheetId === s.id) this.activeSheetId = this.sheets[0].id;
    if (this.selection?.sheetId === s.id) this.selection = null;
    this.touched();
  }

  renameSheet(oldName: string, newName: string): void {
    const s = this.requireSheet(oldName);
    if (this.sheet(newName) && this.sheet(newName) !== s) throw new ModelError("ItemAlreadyExists", MESSAGES.ItemAlreadyExists);
    s.name = newName;
    this.touched();
  }

  // --- cells -----------------------------------------------------------------------------------

  cell(s: SheetModel, row: number, col: number): CellData | undefined {
    return s.cells.get(key(row, col));
  }

  private ensure(s: SheetModel, row: number, col: number): CellData {
    let c = s.cells.get(key(row, col));
    if (!c) {
      c = { v: null };
      s.cells.set(key(row, col), c);
    }
    return c;
  }

  private prune(s: SheetModel, row: number, col: number): void {
    const c = s.cells.get(key(row, col));
    if (c && c.v === null && !c.f && !c.nf && !c.fill && !c.font && !c.unlocked) s.cells.delete(key(row, col));
  }

  /** The value Excel reports for a cell: "" when empty or a merged tail. */
  valueAt(s: SheetModel, row: number, col: number): string | number | boolean {
    const m = this.mergeAt(s, row, col);
    if (m && (m.top !== row || m.left !== col)) {
      // Excel: the value of a merged area is in its top-left cell only; the others read "".
      if (!this.departures.has("merged-value-everywhere")) return "";
      const top = this.cell(s, m.top, m.left)?.v;
      return top === null || top === undefined ? "" : top;
    }
    const v = this.cell(s, row, col)?.v;
    return v === null || v === undefined ? "" : v;
  }

  formulaAt(s: SheetModel, row: number, col: number): string | number | boolean {
    const c = this.cell(s, row, col);
    if (c?.f) return c.f;
    return this.valueAt(s, row, col);
  }

  numberFormatAt(s: SheetModel, row: number, col: number): string {
    return this.cell(s, row, col)?.nf ?? "General";
  }

  fillAt(s: SheetModel, row: number, col: number): FillData {
    return this.cell(s, row, col)?.fill ?? NO_FILL;
  }

  mergeAt(s: SheetModel, row: number, col: number): RangeBox | null {
    for (const m of s.merges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    return null;
  }

  /**
   * Sheet protection (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions):
   * a protected sheet refuses changes to LOCKED cells only (cells are locked by default; unlocked ones
   * stay editable), formats unless "format cells" (allowFormatCells) is allowed, row inserts unless
   * allowInsertRows. The refusal is an AccessDenied error.
   */
  assertWritable(s: SheetModel, b?: RangeBox): void {
    if (!s.protected) return;
    if (b && !unbounded(b)) {
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (!this.cell(s, r, c)?.unlocked) throw new ModelError("AccessDenied", MESSAGES.AccessDenied);
      return;
    }
    throw new ModelError("AccessDenied", MESSAGES.AccessDenied);
  }

  assertFormattable(s: SheetModel): void {
    if (s.protected && !s.allowFormatCells) throw new ModelError("AccessDenied", MESSAGES.AccessDenied);
  }

  setLocked(s: SheetModel, b: RangeBox, locked: boolean): void {
    this.assertFormattable(s);
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) {
        this.journal(s, r, c);
        const cell = this.ensure(s, r, c);
        if (locked) delete cell.unlocked;
        else cell.unlocked = true;
        this.prune(s, r, c);
      }
  }

  /**
   * Writes a block of raw inputs as Excel's `range.values` / `formulas` setter does: a null entry
   * leaves its cell unchanged, "" clears it, strings are parsed in the en-US sense ("12.5" → 12.5,
   * "50%" → 0.5 with a percent format, "'001" → text "001", "=…" → formula). Returns the change record.
   */
  writeValues(s: SheetModel, b: RangeBox, input: Scalar[][], origin: "addin" | "user"): ChangeRecord {
    this.assertWritable(s, b);
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    if (input.length !== rows || input.some((r) => r.length !== cols)) {
      throw new ModelError("InvalidArgument", MESSAGES.InvalidArgument("values"));
    }
    let before: Scalar = null;
    let after: Scalar = null;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const raw = input[r][c];
        if (raw === null || raw === undefined) continue;
        const row = b.top + r;
        const col = b.left + c;
        const m = this.mergeAt(s, row, col);
        if (m && (m.top !== row || m.left !== col)) {
          // Excel ignores writes to the hidden cells of a merge unless they are empty.
          if (raw !== "") continue;
        }
        this.journal(s, row, col);
        const cell = this.ensure(s, row, col);
        before = cell.v;
        const parsed = parseInput(raw);
        cell.v = parsed.v;
        if (parsed.f) cell.f = parsed.f;
        else delete cell.f;
        if (parsed.nf && (!cell.nf || cell.nf === "General")) cell.nf = parsed.nf;
        after = cell.v;
        this.prune(s, row, col);
      }
    }
    const rec: ChangeRecord = { sheetId: s.id, address: boxToA1(b), changeType: "RangeEdited", origin };
    if (rows === 1 && cols === 1) rec.details = { valueBefore: before, valueAfter: after };
    return rec;
  }

  setNumberFormat(s: SheetModel, b: RangeBox, formats: string[][]): void {
    this.assertFormattable(s);
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) {
        const f = formats[r - b.top]?.[c - b.left];
        if (f === null || f === undefined) continue;
        this.journal(s, r, c);
        const cell = this.ensure(s, r, c);
        if (f === "General") delete cell.nf;
        else cell.nf = f;
        this.prune(s, r, c);
      }
  }

  setFill(s: SheetModel, b: RangeBox, fill: FillData | null): void {
    this.assertFormattable(s);
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) {
        this.journal(s, r, c);
        const cell = this.ensure(s, r, c);
        if (!fill || fill.pattern === "None") delete cell.fill;
        else cell.fill = normFill(fill);
        this.prune(s, r, c);
      }
  }

  merge(s: SheetModel, b: RangeBox, across = false): void {
    this.assertFormattable(s);
    this.journalSheet(s);
    const areas: RangeBox[] = [];
    if (across) for (let r = b.top; r <= b.bottom; r++) areas.push({ top: r, left: b.left, bottom: r, right: b.right });
    else areas.push({ ...b });
    for (const a of areas) {
      if (a.top === a.bottom && a.left === a.right) continue;
      // Merging over existing merges absorbs them; only the top-left value survives.
      s.merges = s.merges.filter((m) => !intersects(m, a));
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) {
          if (r === a.top && c === a.left) continue;
          const cell = this.cell(s, r, c);
          if (cell) {
            cell.v = null;
            delete cell.f;
            this.prune(s, r, c);
          }
        }
      s.merges.push(a);
    }
  }

  unmerge(s: SheetModel, b: RangeBox): void {
    this.assertFormattable(s);
    this.journalSheet(s);
    s.merges = s.merges.filter((m) => !intersects(m, b));
  }

  /** Merged areas intersecting b. */
  mergesIn(s: SheetModel, b: RangeBox): RangeBox[] {
    return s.merges.filter((m) => intersects(m, b));
  }

  usedBox(s: SheetModel, valuesOnly = false): RangeBox | null {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    for (const [k, c] of s.cells) {
      if (valuesOnly ? c.v === null && !c.f : false) continue;
      const r = Math.floor(k / KEY);
      const col = k % KEY;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    if (!valuesOnly)
      for (const m of s.merges) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
    if (bottom < 0) return null;
    return { top, left, bottom, right };
  }

  // --- structure: rows -------------------------------------------------------------------------

  /**
   * Inserts `count` rows before 0-based row `at` across columns [left, right] (whole rows when the
   * span is the full width). Cells, merges, names and the selection below shift down; the new cells
   * take the number format, fill and font of the row above (Excel's "format same as above"; merges
   * are not copied into the new rows, as in Excel).
   */
  insertRows(s: SheetModel, at: number, count: number, origin: "addin" | "user", left = 0, right = LAST_COL): ChangeRecord {
    if (s.protected && !s.allowInsertRows) throw new ModelError("AccessDenied", MESSAGES.AccessDenied);
    this.journalSheet(s);
    const whole = left === 0 && right === LAST_COL;
    for (const m of s.merges) {
      if (m.right < left || m.left > right) continue;
      if (m.top < at && m.bottom >= at && !(m.left >= left && m.right <= right)) {
        throw new ModelError("InvalidOperation", MESSAGES.MergeConflict);
      }
    }
    const moved = new Map<number, CellData>();
    for (const [k, c] of s.cells) {
      const r = Math.floor(k / KEY);
      const col = k % KEY;
      if (r >= at && col >= left && col <= right) moved.set(key(r + count, col), c);
      else moved.set(k, c);
    }
    // Format same as above.
    if (at > 0) {
      for (let col = left; col <= Math.min(right, this.maxCol(s)); col++) {
        const above = moved.get(key(at - 1, col));
        if (!above || (!above.nf && !above.fill && !above.font)) continue;
        for (let r = at; r < at + count; r++) {
          const nc: CellData = { v: null };
          if (above.nf) nc.nf = above.nf;
          if (above.fill) nc.fill = { ...above.fill };
          if (above.font) nc.font = { ...above.font };
          moved.set(key(r, col), nc);
        }
      }
    }
    s.cells = moved;
    for (const m of s.merges) {
      if (m.right < left || m.left > right) continue;
      if (m.top >= at) {
        m.top += count;
        m.bottom += count;
      } else if (m.bottom >= at) m.bottom += count;
    }
    for (const n of this.names) {
      if (n.sheetId !== s.id || !n.box) continue;
      const b = n.box;
      if (!whole && (b.left < left || b.right > right)) continue;
      if (b.top >= at) n.box = { ...b, top: b.top + count, bottom: b.bottom + count };
      else if (b.bottom >= at) n.box = { ...b, bottom: b.bottom + count };
      n.lastBox = n.box;
    }
    if (this.selection?.sheetId === s.id && this.selection.box.top >= at) {
      const b = this.selection.box;
      this.selection = { sheetId: s.id, box: { ...b, top: b.top + count, bottom: b.bottom + count } };
    }
    const box: RangeBox = { top: at, left, bottom: at + count - 1, right };
    return { sheetId: s.id, address: boxToA1(box), changeType: whole ? "RowInserted" : "CellInserted", origin };
  }

  /** Deletes rows [at, at+count) across [left, right]; what lies below shifts up. */
  deleteRows(s: SheetModel, at: number, count: number, origin: "addin" | "user", left = 0, right = LAST_COL): ChangeRecord {
    this.assertWritable(s);
    this.journalSheet(s);
    const whole = left === 0 && right === LAST_COL;
    const gone: RangeBox = { top: at, left, bottom: at + count - 1, right };
    for (const m of s.merges) {
      if (m.right < left || m.left > right) continue;
      const inside = m.left >= left && m.right <= right;
      if (!inside && intersects(m, { ...gone, top: Math.min(at, m.top), bottom: LAST_ROW })) {
        throw new ModelError("InvalidOperation", MESSAGES.MergeConflict);
      }
    }
    const moved = new Map<number, CellData>();
    for (const [k, c] of s.cells) {
      const r = Math.floor(k / KEY);
      const col = k % KEY;
      if (col < left || col > right || r < at) moved.set(k, c);
      else if (r >= at + count) moved.set(key(r - count, col), c);
    }
    s.cells = moved;
    s.merges = s.merges.flatMap((m) => {
      if (m.right < left || m.left > right) return [m];
      const nb = shrinkRows(m, at, count);
      return nb && !(nb.top === nb.bottom && nb.left === nb.right) ? [nb] : [];
    });
    for (const n of this.names) {
      if (n.sheetId !== s.id || !n.box) continue;
      if (!whole && (n.box.left < left || n.box.right > right)) continue;
      n.box = shrinkRows(n.box, at, count);
      if (n.box) n.lastBox = n.box;
    }
    const box: RangeBox = gone;
    return { sheetId: s.id, address: boxToA1(box), changeType: whole ? "RowDeleted" : "CellDeleted", origin };
  }

  private maxCol(s: SheetModel): number {
    let m = 0;
    for (const k of s.cells.keys()) m = Math.max(m, k % KEY);
    return m;
  }

  // --- names -----------------------------------------------------------------------------------

  name(n: string): NameModel | undefined {
    const lower = n.toLowerCase();
    return this.names.find((x) => x.name.toLowerCase() === lower);
  }

  addName(name: string, sheet: SheetModel, b: RangeBox, comment = "", relative = false): NameModel {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) {
      throw new ModelError("InvalidArgument", MESSAGES.InvalidArgument("name"));
    }
    if (this.name(name)) throw new ModelError("ItemAlreadyExists", MESSAGES.ItemAlreadyExists);
    const n: NameModel = { name, sheetId: sheet.id, box: { ...b }, lastBox: { ...b }, comment, visible: true, addedIn: this.syncSeq };
    if (relative) n.anchor = this.activeCell();
    this.names.push(n);
    return n;
  }

  /** The active cell (top-left of the selection; A1 when nothing is selected). */
  activeCell(): { row: number; col: number } {
    const b = this.selection?.box;
    return b ? { row: b.top, col: b.left } : { row: 0, col: 0 };
  }

  /** Where a name points now: a relative name follows the active cell (null when off the sheet). */
  nameBox(n: NameModel): RangeBox | null {
    if (!n.box) return null;
    const anchor = n.anchor ?? (this.departures.has("names-float") ? { row: 0, col: 0 } : undefined);
    if (!anchor) return n.box;
    const a = this.activeCell();
    const dr = a.row - anchor.row;
    const dc = a.col - anchor.col;
    const b = { top: n.box.top + dr, bottom: n.box.bottom + dr, left: n.box.left + dc, right: n.box.right + dc };
    return b.top < 0 || b.left < 0 || b.bottom > LAST_ROW || b.right > LAST_COL ? null : b;
  }

  deleteName(name: string): void {
    this.names = this.names.filter((n) => n.name.toLowerCase() !== name.toLowerCase());
  }

  /** "=Sheet1!$A$1:$G$38"; "=#REF!$A$1:$G$38" when the sheet was deleted; "=Sheet1!#REF!" when the cells were. */
  nameFormula(n: NameModel): string {
    const s = n.sheetId ? this.sheetById(n.sheetId) : undefined;
    if (!s) return `=#REF!${n.lastBox ? boxToA1(n.lastBox, true) : ""}`;
    const box = this.nameBox(n);
    if (!box) return `=${qualified(s.name, { top: 0, left: 0, bottom: 0, right: 0 }).split("!")[0]}!#REF!`;
    return `=${qualified(s.name, box, !n.anchor)}`;
  }

  // --- snapshot --------------------------------------------------------------------------------

  toSnapshot(): WorkbookSnapshot {
    return {
      version: 1,
      sheets: this.sheets.map((s) => {
        const cells: Record<string, CellSnapshot> = {};
        const keys = [...s.cells.keys()].sort((a, b) => a - b);
        for (const k of keys) {
          const c = s.cells.get(k)!;
          const out: CellSnapshot = {};
          if (c.v !== null) out.v = c.v;
          if (c.f) out.f = c.f;
          if (c.nf) out.nf = c.nf;
          if (c.fill) out.fill = c.fill.pattern === "Solid" && c.fill.color ? c.fill.color : { ...c.fill };
          if (c.font) out.font = { ...c.font };
          if (c.unlocked) out.unlocked = true;
          cells[colToLetters(k % KEY) + (Math.floor(k / KEY) + 1)] = out;
        }
        return {
          name: s.name,
          id: s.id,
          protected: s.protected || undefined,
          allowFormatCells: s.allowFormatCells || undefined,
          allowInsertRows: s.allowInsertRows || undefined,
          cells,
          merges: s.merges.map((m) => boxToA1(m)),
        };
      }),
      names: this.names.map((n) => ({
        name: n.name,
        ref: n.anchor && n.sheetId && n.box ? `${qualified(this.sheetById(n.sheetId)?.name ?? "", n.box)}` : this.nameFormula(n).slice(1),
        comment: n.comment || undefined,
        visible: n.visible,
        ...(n.anchor ? { anchor: { ...n.anchor } } : {}),
      })),
      settings: Object.fromEntries([...this.settings].map(([k, v]) => [k, clone(v)])),
      activeSheet: this.activeSheetId ? this.sheetById(this.activeSheetId)?.name : undefined,
      selection:
        this.selection && this.sheetById(this.selection.sheetId)
          ? { sheet: this.sheetById(this.selection.sheetId)!.name, address: boxToA1(this.selection.box) }
          : undefined,
    };
  }

  static fromSnapshot(snap: WorkbookSnapshot): WorkbookModel {
    const wb = new WorkbookModel();
    // JSON round trip: a snapshot is what a file holds; nothing is shared with the source.
    const data = JSON.parse(JSON.stringify(snap)) as WorkbookSnapshot;
    for (const sh of data.sheets) {
      const s = wb.addSheet(sh.name, sh.id);
      s.protected = !!sh.protected;
      if (sh.allowFormatCells) s.allowFormatCells = true;
      if (sh.allowInsertRows) s.allowInsertRows = true;
      for (const [a1, c] of Object.entries(sh.cells)) {
        const b = parseBox(a1);
        if (!b) continue;
        const cell: CellData = { v: c.v ?? null };
        if (c.f) cell.f = c.f;
        if (c.nf) cell.nf = c.nf;
        if (c.fill) cell.fill = typeof c.fill === "string" ? { color: normColor(c.fill), pattern: "Solid" } : c.fill;
        if (c.font) cell.font = c.font;
        if (c.unlocked) cell.unlocked = true;
        s.cells.set(key(b.top, b.left), cell);
      }
      s.merges = (sh.merges ?? []).map((m) => parseBox(m)).filter((m): m is RangeBox => !!m);
    }
    const maxId = wb.sheets.length;
    wb.nextSheet = maxId + 1;
    for (const n of data.names ?? []) {
      const { sheetName, box } = splitRef(n.ref);
      const s = sheetName ? wb.sheet(sheetName) : undefined;
      wb.names.push({
        name: n.name,
        sheetId: s ? s.id : null,
        box: s ? box : null,
        lastBox: box,
        comment: n.comment ?? "",
        visible: n.visible ?? true,
        ...(n.anchor ? { anchor: n.anchor } : {}),
      });
    }
    for (const [k, v] of Object.entries(data.settings ?? {})) wb.settings.set(k, v);
    if (data.activeSheet) wb.activeSheetId = wb.sheet(data.activeSheet)?.id ?? wb.activeSheetId;
    if (data.selection) {
      const s = wb.sheet(data.selection.sheet);
      const b = parseBox(data.selection.address);
      if (s && b) wb.selection = { sheetId: s.id, box: b };
    }
    return wb;
  }
}

function splitRef(ref: string): { sheetName: string | null; box: RangeBox | null } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return { sheetName: null, box: null };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  if (sheet.startsWith("#REF!")) return { sheetName: null, box: parseBox(ref.slice(bang + 1)) };
  return { sheetName: sheet, box: parseBox(ref.slice(bang + 1)) };
}

function shrinkRows(b: RangeBox, at: number, count: number): RangeBox | null {
  const end = at + count - 1;
  if (b.bottom < at) return b;
  if (b.top > end) return { ...b, top: b.top - count, bottom: b.bottom - count };
  if (b.top >= at && b.bottom <= end) return null;
  const top = b.top < at ? b.top : at;
  const removed = Math.min(b.bottom, end) - Math.max(b.top, at) + 1;
  return { ...b, top, bottom: b.bottom - removed };
}

/** Parses one input as Excel's values setter does (en-US). */
export function parseInput(raw: Scalar): { v: Scalar; f?: string; nf?: string } {
  if (typeof raw !== "string") return { v: raw };
  if (raw === "") return { v: null };
  if (raw.startsWith("'")) return { v: raw.slice(1) };
  if (raw.startsWith("=") && raw.length > 1) return { v: 0, f: raw };
  const t = raw.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { v: Number(t) };
  const pm = /^([+-]?(\d+\.?\d*|\.\d+))%$/.exec(t);
  if (pm) {
    const decimals = pm[1].includes(".") ? pm[1].split(".")[1].length : 0;
    return { v: Number(pm[1]) / 100, nf: decimals ? `0.${"0".repeat(decimals)}%` : "0%" };
  }
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === "true" };
  return { v: raw };
}

export function normColor(c: string): string {
  const t = c.trim();
  const named: Record<string, string> = { red: "#FF0000", yellow: "#FFFF00", white: "#FFFFFF", black: "#000000", green: "#008000", blue: "#0000FF" };
  if (named[t.toLowerCase()]) return named[t.toLowerCase()];
  const m = /^#?([0-9a-fA-F]{6})$/.exec(t);
  if (!m) throw new ModelError("InvalidArgument", MESSAGES.InvalidArgument("color"));
  return `#${m[1].toUpperCase()}`;
}

function unbounded(b: RangeBox): boolean {
  return (b.left === 0 && b.right === LAST_COL) || (b.top === 0 && b.bottom === LAST_ROW);
}

function cloneCell(c: CellData): CellData {
  const out: CellData = { ...c };
  if (c.fill) out.fill = { ...c.fill };
  if (c.font) out.font = { ...c.font };
  return out;
}

interface UndoStep {
  /** Cells as they were before the step (undefined: the cell was empty). */
  cells: Map<SheetModel, Map<number, CellData | undefined>>;
  /** Whole sheets as they were before rows moved or merges changed. */
  sheets: Map<SheetModel, { cells: Map<number, CellData>; merges: RangeBox[]; names: Map<NameModel, RangeBox | null> }>;
}

/** A fill as stored: colours normalised, tint 0 and missing pattern colour left out. */
export function normFill(f: FillData): FillData {
  const out: FillData = { color: f.color ? normColor(f.color) : null, pattern: f.pattern };
  // Black is a pattern's automatic colour: stored as no pattern colour.
  if (f.patternColor && normColor(f.patternColor) !== "#000000") out.patternColor = normColor(f.patternColor);
  if (f.tintAndShade) out.tintAndShade = f.tintAndShade;
  if (f.patternTintAndShade) out.patternTintAndShade = f.patternTintAndShade;
  return out;
}

export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export { containsBox, intersection };
