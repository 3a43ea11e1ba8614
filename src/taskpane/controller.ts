/**
 * The task pane's controller: everything the pane does, without React and without Office. It talks
 * to the workbook only through a WorkbookPort and to the engine through src/core.
 *
 *  - detect(): mappings (loadMappings) + every sheet's used range (readUsedRanges) → tables;
 *  - live re-validation: a change marks the tables it touches dirty; after a short wait (debounce)
 *    only those tables' blocks are read again (one readBlock per sheet), parsed, and checked by the
 *    table rules; workbook rules (copied-indicators) run over the cached models of all tables; then
 *    setMarks gets the full mark list (the port diffs). A generation counter per table makes a
 *    stale read give way to a fresher one;
 *  - user mappings (map the selection, saved in the workbook), fixes with a preview applied as one
 *    applyEdits, undo of the add-in's last change, highlight on/off and "remove all marks".
 *
 * State is an immutable snapshot (`getState()`), announced to `subscribe()` listeners after every
 * change, so React can read it with useSyncExternalStore.
 */
import type { RangeBox } from "../core/grid/a1";
import { parseA1 } from "../core/grid/a1";
import type { CellGrid } from "../core/grid/cellgrid";
import { detectTables } from "../core/layout/detect";
import { parseTable } from "../core/layout/parse-table";
import type { TableLayout } from "../core/layout/types";
import type { ColumnRole, Form, Issue, ProjectTable, Severity } from "../core/model/schema";
import { ruleText } from "../core/messages";
import { runRules, sortIssues, type RunConfig } from "../core/rules/engine";
import { ALL_RULES } from "../core/rules/registry";
import type { Rule } from "../core/rules/types";
import { boxA1, parseBoxA1 } from "../excel/address";
import { createDirtyCollector, type DirtyCollector } from "../excel/dirty";
import type {
  BrokenReason,
  ChangeSubscription,
  DirtyRange,
  Edit,
  LoadedMapping,
  Mark,
  MappingRecord,
  WorkbookPort,
} from "../excel/port";
import { intersects, rows, shiftBox, sliceGrid, union } from "./grid-utils";
import type { LibraryEntry } from "../core/library/schema";
import type { InsertedRow, InsertRefusal, InsertValueMode } from "../core/library/insert";
import type { ImportError, LibraryField, SkippedRow } from "../core/library/import";
import { PlanError, planWrite, type PlanCellWrite, type PlanValues } from "../core/plan";
import type { Locale } from "../core/messages";
import { changingCells, overwrittenCells, planPreview, type PlanInput, type PlanPreview } from "./plan-controller";
import {
  draftColumns,
  duplicateRoles,
  guessHeaderRow,
  isMappingData,
  layoutFromMapping,
  mappingDataOf,
  missingRoles,
  type DraftColumn,
  type MappingData,
} from "./mapping";

// ── public types ──────────────────────────────────────────────────────────────────────────────

export type TableStatus = "ok" | "lost";

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface TableView {
  id: string;
  source: "detected" | "mapped";
  mappingId: string | null;
  sheet: string;
  /** Where the table is now ("A1:G20"). */
  range: string;
  projectName: string | null;
  form: Form | null;
  indicators: number;
  status: TableStatus;
  counts: SeverityCounts;
}

/** A message for the user: a catalog key under ui.pane.notice (with data) or a text in both languages. */
export interface Notice {
  id: number;
  level: "info" | "warning" | "error";
  key?: string;
  data?: Record<string, string | number>;
  text?: { zh: string; en: string };
}

export interface BrokenMappingView {
  id: string;
  sheet: string;
  address: string;
  reason: BrokenReason;
  message: { zh: string; en: string };
}

export interface PaneState {
  phase: "idle" | "detecting" | "ready" | "error";
  tables: TableView[];
  /** Issues of every table; `Issue.table` indexes `tables`. */
  issues: Issue[];
  totals: SeverityCounts;
  brokenMappings: BrokenMappingView[];
  /** Sheets on which no table was found. */
  emptySheets: string[];
  highlight: boolean;
  /** Sheets that are protected: their cells cannot be marked or fixed (issues are still listed). */
  protectedSheets: string[];
  notices: Notice[];
  /** A write (fix, undo, mapping) is in progress. */
  busy: boolean;
  /** What "undo the add-in's last change" would undo, or null. */
  undo: { key: string; data: Record<string, string | number>; cells: number } | null;
  /** Bumped on every state change. */
  revision: number;
  /**
   * The indicator library of the nonstandard-wording rule (ControllerOptions.loadLibraryIndex):
   * not asked for, loading, in use, or failed to load. Absent = "none".
   */
  library?: "none" | "loading" | "ready" | "failed";
}

export interface FixChange {
  sheet: string;
  cell: string;
  before: string;
  after: string;
}

export interface FixPreview {
  rule: string;
  scope: "one" | "rule" | "group";
  /** How many issues the fix resolves. */
  issues: number;
  changes: FixChange[];
  edits: Edit[];
  label: { key: string; data: Record<string, string | number> };
}

/** What writePlan did: wrote, nothing to change, needs the user's confirmation (overwrite), or failed. */
export type PlanWriteOutcome =
  | { status: "written"; cells: PlanCellWrite[] }
  | { status: "unchanged"; cells: PlanCellWrite[] }
  | { status: "confirm"; cells: PlanCellWrite[] }
  | { status: "failed"; error?: PlanError };

export interface MappingDraft {
  sheet: string;
  /** The selected block ("B3:H20"). */
  address: string;
  block: RangeBox;
  grid: CellGrid;
  /** Absolute 0-based header row. */
  headerRow: number;
  /** Rows the user may choose as header row (absolute 0-based) with a short text of each. */
  rowChoices: { row: number; text: string }[];
  columns: DraftColumn[];
  missing: ColumnRole[];
  duplicates: ColumnRole[];
}

/** One live re-validation, measured (for the bench and the pane's diagnostics). */
export interface Timing {
  /** Tables re-read. */
  tables: number;
  /** readBlock calls. */
  reads: number;
  readMs: number;
  /** Parse + rules. */
  validateMs: number;
  marksMs: number;
  /** From the end of the wait (debounce) to marks applied: the cost of one edit. */
  workMs: number;
  /** From the first change event to marks applied (includes the wait). */
  sinceEventMs: number | null;
}

export interface ControllerOptions {
  /** Wait after the last change before re-reading (ms). Default 300; 0 in tests. */
  debounceMs?: number;
  /** Rule configuration passed to the engine (severity overrides, options such as the year). */
  runConfig?: Pick<RunConfig, "severity" | "options">;
  /** At most this many cells are marked (the most severe first). Default 1500. */
  maxMarks?: number;
  /** Rows below a detected table that are re-read with it (so typing just under it is seen). Default 5. */
  extraRows?: number;
  /** Selections larger than this many rows are refused for mapping. Default 5000. */
  maxMappingRows?: number;
  now?: () => number;
  onTiming?: (t: Timing) => void;
  /**
   * Loads the indicator library's search index for the nonstandard-wording rule (its option
   * `libraryIndex`). The pane passes a dynamic import, so that the library's data is not part of its
   * initial JavaScript: it is called once, after the first detection, and the cached tables are then
   * checked again with the index (setLibraryIndex). Without it the rule reports nothing.
   */
  loadLibraryIndex?: () => Promise<unknown>;
}

/** The reserved mapping record that carries the workbook's custom indicator library (data: LibraryRecordData). */
export const LIBRARY_RECORD_ID = "_library";

export interface LibraryRecordData {
  kind: "library";
  v: 1;
  entries: LibraryEntry[];
}

export function isLibraryRecordData(d: unknown): d is LibraryRecordData {
  const x = d as Partial<LibraryRecordData> | null;
  return !!x && x.kind === "library" && x.v === 1 && Array.isArray(x.entries);
}

/** What insertFromLibrary / replaceWithEntry did. */
export type LibraryWriteOutcome =
  | { status: "inserted"; rows: InsertedRow[] }
  | { status: "replaced"; cells: number }
  | { status: "refused"; reason: InsertRefusal | "noTable" | "unknownEntry" | "noRow" | "unchanged" | "failed"; detail: Record<string, string> };

/** What importLibrary did: the entries kept, the rows skipped (and why), or why nothing was imported. */
export interface LibraryImportOutcome {
  status: "imported" | "failed";
  imported: number;
  skipped: SkippedRow[];
  error: ImportError | { code: "saveFailed" } | null;
  /** Custom entries in the workbook after the import. */
  custom: number;
}

// ── internals ────────────────────────────────────────────────────────────────────────────────

interface Entry {
  id: string;
  source: "detected" | "mapped";
  mappingId: string | null;
  mapping: MappingData | null;
  sheet: string;
  /** The block read again on a change (a detected table's range plus a few rows below). */
  block: RangeBox;
  grid: CellGrid | null;
  model: ProjectTable | null;
  /** Table-rule issues of this table (table index 0). */
  tableIssues: Issue[];
  status: TableStatus;
  gen: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const TABLE_RULES = ALL_RULES.filter((r) => r.meta.scope !== "workbook");
const WORKBOOK_RULES = ALL_RULES.filter((r) => r.meta.scope === "workbook");
const STRUCTURAL = /^(Row|Column|Cell)(Inserted|Deleted)$/;
const BIG_SHEET_ROWS = 3000;

function errorText(e: unknown): { zh: string; en: string } {
  if (e && typeof e === "object" && "zh" in e && "en" in e) {
    const w = e as { zh: unknown; en: unknown };
    if (typeof w.zh === "string" && typeof w.en === "string") return { zh: w.zh, en: w.en };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { zh: `操作失败：${msg}`, en: `The operation failed: ${msg}` };
}

function isProtectedError(e: unknown): e is { sheets: string[] } & Error {
  return !!e && typeof e === "object" && (e as { code?: unknown }).code === "sheet-protected" && Array.isArray((e as { sheets?: unknown }).sheets);
}

function isSheetNotFound(e: unknown): boolean {
  return !!e && typeof e === "object" && (e as { code?: unknown }).code === "sheet-not-found";
}

const sameSheet = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export class PaneController {
  private readonly port: WorkbookPort;
  private readonly debounceMs: number;
  private readonly maxMarks: number;
  private readonly extraRows: number;
  private readonly maxMappingRows: number;
  private readonly now: () => number;
  private runConfig: Pick<RunConfig, "severity" | "options">;
  private readonly loadLibraryIndex?: () => Promise<unknown>;
  private readonly onTiming?: (t: Timing) => void;

  private entries: Entry[] = [];
  private sheetOrder = new Map<string, number>();
  private mappings: LoadedMapping[] = [];
  private workbookIssues: Issue[] = [];
  private dirty = new Set<Entry>();
  private collector: DirtyCollector;
  private subscription: ChangeSubscription | null = null;
  private running = new Set<Promise<unknown>>();
  private marksChain: Promise<void> = Promise.resolve();
  private marksQueued = false;
  /** The mark list last written successfully (writing the same list again is skipped). */
  private lastMarks: string | null = null;
  private firstEventAt: number | null = null;
  private undoStack: { inverse: Edit[]; key: string; data: Record<string, string | number>; cells: number }[] = [];
  private seq = 0;
  private noticeSeq = 0;
  /** The workbook's custom indicator library (saved in the reserved mapping record). */
  private customEntries: LibraryEntry[] = [];
  /** Bumped when customEntries change (the library tab rebuilds its index). */
  libraryRevision = 0;
  private disposed = false;
  private state: PaneState;
  private listeners = new Set<() => void>();
  /** The last re-validations, newest last (at most 50). */
  readonly timings: Timing[] = [];
  /** readBlock calls made by live re-validation (for tests and the bench). */
  readCount = 0;

  constructor(port: WorkbookPort, opts: ControllerOptions = {}) {
    this.port = port;
    this.debounceMs = opts.debounceMs ?? 300;
    this.maxMarks = opts.maxMarks ?? 1500;
    this.extraRows = opts.extraRows ?? 5;
    this.maxMappingRows = opts.maxMappingRows ?? 5000;
    this.now = opts.now ?? (() => (typeof performance !== "undefined" ? performance.now() : Date.now()));
    this.runConfig = opts.runConfig ?? {};
    this.onTiming = opts.onTiming;
    this.loadLibraryIndex = opts.loadLibraryIndex;
    this.collector = createDirtyCollector(() => this.flushDirty(), this.debounceMs);
    this.state = {
      phase: "idle",
      tables: [],
      issues: [],
      totals: { error: 0, warning: 0, info: 0 },
      brokenMappings: [],
      emptySheets: [],
      highlight: true,
      protectedSheets: [],
      notices: [],
      busy: false,
      undo: null,
      revision: 0,
    };
  }

  // ── store ──────────────────────────────────────────────────────────────────────────────────

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch, revision: this.state.revision + 1 };
    for (const l of [...this.listeners]) l();
  }

  private notify(n: Omit<Notice, "id">): void {
    const notices = [...this.state.notices, { ...n, id: ++this.noticeSeq }].slice(-6);
    this.set({ notices });
  }

  dismissNotice(id: number): void {
    this.set({ notices: this.state.notices.filter((n) => n.id !== id) });
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────────────────────

  /** Loads the saved mappings, detects the tables, marks their issues and starts listening to changes. */
  async start(): Promise<void> {
    await this.detect();
    if (this.disposed || this.subscription) return;
    if (this.loadLibraryIndex && !this.state.library) void this.track(this.loadLibrary());
    try {
      this.subscription = await this.port.subscribe((ranges) => this.handleChanges(ranges));
    } catch (e) {
      this.notify({ level: "warning", key: "noLive", text: errorText(e) });
    }
    if (this.disposed) await this.subscription?.dispose();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.collector.dispose();
    const sub = this.subscription;
    this.subscription = null;
    await sub?.dispose();
  }

  /** Resolves when no change is waiting and no re-validation or mark write is running. */
  async whenIdle(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (this.collector.pending > 0) {
        await new Promise((r) => setTimeout(r, this.debounceMs + 1));
        continue;
      }
      if (this.running.size > 0) {
        await Promise.allSettled([...this.running]);
        continue;
      }
      await this.marksChain;
      if (this.collector.pending === 0 && this.running.size === 0 && !this.marksQueued) return;
    }
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    const done = (): void => {
      this.running.delete(p);
    };
    p.then(done, done);
    return p;
  }

  // ── the indicator library of the rules ───────────────────────────────────────────────────────

  /**
   * Sets the indicator library the nonstandard-wording rule uses (the rule option `libraryIndex`: a
   * SearchIndex, e.g. the built-in library merged with the workbook's custom entries) and checks the
   * cached tables again — table rules, workbook rules, marks — without reading the workbook.
   */
  async setLibraryIndex(index: unknown): Promise<void> {
    if (this.disposed) return;
    this.runConfig = { ...this.runConfig, options: { ...this.runConfig.options, libraryIndex: index } };
    for (const e of this.entries) if (e.status === "ok" && e.model) e.tableIssues = runRules([e.model], this.config(TABLE_RULES));
    this.recompute({ library: "ready" });
    await this.scheduleMarks();
  }

  private async loadLibrary(): Promise<void> {
    this.set({ library: "loading" });
    try {
      const index = await this.loadLibraryIndex!();
      await this.setLibraryIndex(index);
    } catch (e) {
      if (this.disposed) return;
      const msg = e instanceof Error ? e.message : String(e);
      this.set({ library: "failed" });
      this.notify({
        level: "warning",
        text: {
          zh: `指标库未能加载，指标名称未与标准表述比对：${msg}`,
          en: `The indicator library could not be loaded; indicator names were not compared with standard wording: ${msg}`,
        },
      });
    }
  }

  // ── detection ──────────────────────────────────────────────────────────────────────────────

  /** Reads every sheet and the saved mappings, and builds the table list from scratch. */
  async detect(): Promise<void> {
    return this.track(this.detectNow());
  }

  private async detectNow(): Promise<void> {
    this.set({ phase: "detecting" });
    let grids: CellGrid[];
    try {
      this.mappings = await this.port.loadMappings().catch((e: unknown) => {
        this.notify({ level: "warning", text: errorText(e) });
        return [] as LoadedMapping[];
      });
      this.takeLibraryRecord();
      grids = await this.port.readUsedRanges();
      const sheets = await this.port.listSheets();
      this.sheetOrder = new Map(sheets.map((s) => [s.name.toLowerCase(), s.position]));
      this.set({ protectedSheets: sheets.filter((s) => s.protected).map((s) => s.name) });
      const entries: Entry[] = [];
      const mappedBoxes: { sheet: string; box: RangeBox }[] = [];
      for (const m of this.mappings) {
        if (m.status !== "ok") continue;
        const box = parseBoxA1(m.address);
        if (!box || !isMappingData(m.data)) continue;
        const sheetGrid = grids.find((g) => sameSheet(g.sheet, m.sheet));
        const grid = sheetGrid ? sliceGrid(sheetGrid, box) : await this.port.readBlock(m.sheet, m.address);
        const entry = this.newEntry("mapped", m.sheet, box, m.id, m.data);
        this.applyGrid(entry, grid, layoutFromMapping(grid, m.data));
        entries.push(entry);
        mappedBoxes.push({ sheet: m.sheet, box });
      }
      for (const grid of grids) {
        if (grid.rowCount > BIG_SHEET_ROWS) this.notify({ level: "info", key: "bigSheet", data: { sheet: grid.sheet, rows: grid.rowCount } });
        for (const layout of detectTables(grid)) {
          const r = layout.range;
          if (mappedBoxes.some((m) => sameSheet(m.sheet, grid.sheet) && intersects(m.box, r))) continue;
          const entry = this.newEntry("detected", grid.sheet, { ...r }, null, null);
          this.applyGrid(entry, sliceGrid(grid, r), layout);
          entries.push(entry);
        }
      }
      entries.sort((a, b) => this.order(a) - this.order(b) || a.block.top - b.block.top || a.block.left - b.block.left);
      this.entries = entries;
      this.refreshBlocks();
      // Detected tables keep the grid of their (extended) block for fix previews.
      for (const e of entries) {
        if (e.source !== "detected") continue;
        const g = grids.find((x) => sameSheet(x.sheet, e.sheet));
        if (g) e.grid = sliceGrid(g, e.block);
      }
      const withTables = new Set(entries.map((e) => e.sheet.toLowerCase()));
      const emptySheets = sheets.map((s) => s.name).filter((n) => !withTables.has(n.toLowerCase()));
      this.dirty.clear();
      this.recompute({
        phase: "ready",
        emptySheets,
        brokenMappings: this.brokenViews(),
      });
    } catch (e) {
      this.set({ phase: "error" });
      this.notify({ level: "error", text: errorText(e) });
      return;
    }
    await this.scheduleMarks();
  }

  private order(e: Entry): number {
    return this.sheetOrder.get(e.sheet.toLowerCase()) ?? 1e6;
  }

  private newEntry(source: Entry["source"], sheet: string, block: RangeBox, mappingId: string | null, mapping: MappingData | null): Entry {
    return {
      id: `${source === "mapped" ? "m" : "t"}${++this.seq}`,
      source,
      mappingId,
      mapping,
      sheet,
      block,
      grid: null,
      model: null,
      tableIssues: [],
      status: "ok",
      gen: 0,
    };
  }

  /** Parses a layout of a freshly read grid into the entry (or marks the entry lost). */
  private applyGrid(entry: Entry, grid: CellGrid, layout: TableLayout | null): void {
    entry.grid = grid;
    if (!layout) {
      if (entry.status === "ok") {
        entry.status = "lost";
        this.notify({
          level: "warning",
          key: "tableLost",
          data: { name: entry.model?.projectName.value ?? "", range: `${entry.sheet}!${entry.model?.range ?? boxA1(entry.block)}` },
        });
      }
      entry.model = null;
      entry.tableIssues = [];
      return;
    }
    const model = parseTable(grid, layout);
    entry.model = model;
    entry.status = "ok";
    entry.tableIssues = runRules([model], this.config(TABLE_RULES));
  }

  private config(rules: readonly Rule[]): RunConfig {
    const ids = new Set(rules.map((r) => r.meta.id));
    const severity = Object.fromEntries(Object.entries(this.runConfig.severity ?? {}).filter(([id]) => ids.has(id)));
    return { rules, severity, options: this.runConfig.options, locale: "zh-CN" };
  }

  /** A detected table's block: its range plus a few rows below, never reaching the next table. */
  private refreshBlocks(): void {
    const bySheet = new Map<string, { e: Entry; r: RangeBox }[]>();
    for (const e of this.entries) {
      const r = (e.model && parseBoxA1(e.model.range)) || e.block;
      const k = e.sheet.toLowerCase();
      let list = bySheet.get(k);
      if (!list) bySheet.set(k, (list = []));
      list.push({ e, r });
    }
    for (const list of bySheet.values()) {
      list.sort((a, b) => a.r.top - b.r.top);
      list.forEach(({ e, r }, i) => {
        if (e.source !== "detected" || !e.model) return;
        let bottom = r.bottom + this.extraRows;
        // The first table starting below this one in overlapping columns caps the block.
        for (let j = i + 1; j < list.length && list[j].r.top <= bottom; j++) {
          const o = list[j].r;
          if (o.top > r.bottom && o.left <= r.right && r.left <= o.right) bottom = Math.min(bottom, o.top - 1);
        }
        e.block = { ...r, bottom: Math.max(r.bottom, bottom) };
      });
    }
  }

  private brokenViews(): BrokenMappingView[] {
    return this.mappings.flatMap((m) =>
      m.status === "broken" && m.id !== LIBRARY_RECORD_ID ? [{ id: m.id, sheet: m.sheet, address: m.address, reason: m.reason, message: m.message }] : [],
    );
  }

  /** Runs the workbook rules over the cached models and rebuilds the views. */
  private recompute(extra: Partial<PaneState> = {}): void {
    const ok = this.entries.filter((e) => e.status === "ok" && e.model);
    const models = ok.map((e) => e.model!);
    this.workbookIssues = WORKBOOK_RULES.length && models.length ? runRules(models, this.config(WORKBOOK_RULES)) : [];
    const indexOf = new Map(this.entries.map((e, i) => [e, i]));
    const issues: Issue[] = [];
    for (const e of this.entries) {
      const i = indexOf.get(e)!;
      for (const is of e.tableIssues) issues.push({ ...is, table: i });
    }
    for (const is of this.workbookIssues) {
      const e = is.table === null ? undefined : ok[is.table];
      issues.push({ ...is, table: e ? indexOf.get(e)! : null });
    }
    const sorted = sortIssues(issues);
    const totals: SeverityCounts = { error: 0, warning: 0, info: 0 };
    const per = this.entries.map((): SeverityCounts => ({ error: 0, warning: 0, info: 0 }));
    for (const is of sorted) {
      totals[is.severity]++;
      if (is.table !== null) per[is.table][is.severity]++;
    }
    const tables: TableView[] = this.entries.map((e, i) => ({
      id: e.id,
      source: e.source,
      mappingId: e.mappingId,
      sheet: e.sheet,
      range: e.model?.range ?? boxA1(e.block),
      projectName: e.model?.projectName.value ?? null,
      form: e.model?.form ?? null,
      indicators: e.model?.indicators.length ?? 0,
      status: e.status,
      counts: per[i],
    }));
    this.set({ tables, issues: sorted, totals, ...extra });
  }

  // ── live re-validation ─────────────────────────────────────────────────────────────────────

  /** What the change subscription calls: marks the touched tables dirty and starts the wait. */
  handleChanges(ranges: readonly DirtyRange[]): void {
    if (this.disposed) return;
    let any = false;
    for (const r of ranges) {
      const box = parseBoxA1(r.address);
      if (!box) continue;
      const m = STRUCTURAL.exec(r.changeType);
      if (m) {
        // Rows/columns inserted or deleted: move every table below/right, as Excel moves the names.
        const axis = m[1] === "Column" ? "col" : "row";
        const at = axis === "row" ? box.top : box.left;
        const count = axis === "row" ? rows(box) : box.right - box.left + 1;
        for (const e of this.entries) {
          if (!sameSheet(e.sheet, r.sheet)) continue;
          // Cell (not whole row) insertions only move what lies in their columns.
          if (m[1] === "Cell" && (e.block.right < box.left || e.block.left > box.right)) continue;
          const s = shiftBox(e.block, axis, at, count, m[2] === "Inserted");
          if (!s.changed) continue;
          if (s.box === null) {
            if (e.status === "ok") {
              e.status = "lost";
              this.notify({ level: "warning", key: "tableLost", data: { name: e.model?.projectName.value ?? "", range: `${e.sheet}!${e.model?.range ?? boxA1(e.block)}` } });
            }
            e.model = null;
            e.tableIssues = [];
            e.gen++;
            any = true;
            this.dirty.delete(e);
            continue;
          }
          e.block = s.box;
          this.markDirty(e);
          any = true;
        }
        continue;
      }
      for (const e of this.entries) {
        if (sameSheet(e.sheet, r.sheet) && intersects(e.block, box)) {
          this.markDirty(e);
          any = true;
        }
      }
    }
    if (!any) return;
    if (this.collector.pending === 0 && this.firstEventAt === null) this.firstEventAt = this.now();
    this.collector.push(ranges);
  }

  private markDirty(e: Entry): void {
    e.gen++;
    this.dirty.add(e);
  }

  private flushDirty(): void {
    const list = [...this.dirty].filter((e) => this.entries.includes(e));
    this.dirty.clear();
    const since = this.firstEventAt;
    this.firstEventAt = null;
    if (list.length === 0) {
      this.recompute();
      return;
    }
    void this.track(this.revalidate(list, since));
  }

  /** Re-reads the given tables (one readBlock per sheet, or per table when they lie far apart). */
  private async revalidate(list: Entry[], since: number | null): Promise<void> {
    const started = this.now();
    const gens = new Map(list.map((e) => [e, e.gen]));
    const groups = new Map<string, Entry[]>();
    for (const e of list) {
      const k = e.sheet.toLowerCase();
      groups.set(k, [...(groups.get(k) ?? []), e]);
    }
    const reads: { entries: Entry[]; box: RangeBox; sheet: string }[] = [];
    for (const g of groups.values()) {
      const box = g.map((e) => e.block).reduce(union);
      const sum = g.reduce((n, e) => n + rows(e.block), 0);
      if (g.length === 1 || rows(box) <= 3 * sum + 50) reads.push({ entries: g, box, sheet: g[0].sheet });
      else for (const e of g) reads.push({ entries: [e], box: e.block, sheet: e.sheet });
    }
    this.readCount += reads.length;
    const results = await Promise.all(
      reads.map((r) =>
        this.port.readBlock(r.sheet, boxA1(r.box)).then(
          (grid) => ({ r, grid, error: null as unknown }),
          (error: unknown) => ({ r, grid: null, error }),
        ),
      ),
    );
    const read = this.now();
    let changed = false;
    for (const { r, grid, error } of results) {
      for (const e of r.entries) {
        // Stale: a newer change came in while this read was on its way, or the table list was rebuilt.
        if (e.gen !== gens.get(e) || !this.entries.includes(e)) continue;
        changed = true;
        if (!grid) {
          if (e.status === "ok") {
            e.status = "lost";
            this.notify(isSheetNotFound(error) ? { level: "warning", key: "tableLost", data: { name: e.model?.projectName.value ?? "", range: `${e.sheet}!${e.model?.range ?? ""}` } } : { level: "error", text: errorText(error) });
          }
          e.model = null;
          e.tableIssues = [];
          continue;
        }
        const g = r.entries.length === 1 && r.box === e.block ? grid : sliceGrid(grid, e.block);
        this.applyGrid(e, g, this.layoutOf(e, g));
      }
    }
    if (!changed) return;
    this.refreshBlocks();
    this.recompute();
    const validated = this.now();
    await this.scheduleMarks();
    const done = this.now();
    const t: Timing = {
      tables: list.length,
      reads: reads.length,
      readMs: read - started,
      validateMs: validated - read,
      marksMs: done - validated,
      workMs: done - started,
      sinceEventMs: since === null ? null : done - since,
    };
    this.timings.push(t);
    if (this.timings.length > 50) this.timings.shift();
    this.onTiming?.(t);
  }

  /** The layout of an entry in a fresh grid of its block. */
  private layoutOf(e: Entry, grid: CellGrid): TableLayout | null {
    if (e.source === "mapped") return e.mapping ? layoutFromMapping(grid, e.mapping) : null;
    const found = detectTables(grid);
    if (found.length === 0) return null;
    const prev = e.model?.indicatorHeader.row ?? grid.firstRow;
    return found.reduce((best, l) => (Math.abs(l.indicatorHeader.row - prev) < Math.abs(best.indicatorHeader.row - prev) ? l : best));
  }

  // ── marks ──────────────────────────────────────────────────────────────────────────────────

  /** Writes the current marks; calls are serialised and coalesced, each writes the newest list. */
  private scheduleMarks(): Promise<void> {
    if (this.marksQueued) return this.marksChain;
    this.marksQueued = true;
    this.marksChain = this.marksChain.then(async () => {
      this.marksQueued = false;
      if (!this.state.highlight || this.disposed) return;
      await this.writeMarks(this.currentMarks());
    });
    return this.marksChain;
  }

  private currentMarks(): Mark[] {
    const marks: Mark[] = [];
    for (const is of this.state.issues) if (is.cell) marks.push({ sheet: is.sheet, cell: is.cell, severity: is.severity });
    if (marks.length <= this.maxMarks) return marks;
    marks.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    if (!this.state.notices.some((n) => n.key === "marksCapped")) this.notify({ level: "info", key: "marksCapped", data: { n: this.maxMarks } });
    return marks.slice(0, this.maxMarks);
  }

  private async writeMarks(marks: Mark[]): Promise<void> {
    const key = marks.map((m) => `${m.sheet}!${m.cell}:${m.severity}`).join("\n");
    if (key === this.lastMarks) return;
    this.lastMarks = null;
    try {
      const res = await this.port.setMarks(marks);
      this.lastMarks = key;
      if (this.state.protectedSheets.length && res.protectedSheets.length === 0) this.set({ protectedSheets: this.unprotectedFilter(marks) });
    } catch (e) {
      if (isProtectedError(e)) {
        const sheets = [...new Set([...this.state.protectedSheets, ...e.sheets])];
        if (sheets.join("\n") !== this.state.protectedSheets.join("\n")) this.set({ protectedSheets: sheets });
        return;
      }
      this.notify({ level: "error", text: errorText(e) });
    }
  }

  /** After a successful setMarks, sheets we just marked are evidently no longer protected. */
  private unprotectedFilter(marks: Mark[]): string[] {
    const marked = new Set(marks.map((m) => m.sheet.toLowerCase()));
    return this.state.protectedSheets.filter((s) => !marked.has(s.toLowerCase()));
  }

  /** Highlight on: marks every issue's cell; off: gives every marked cell back its own format. */
  async setHighlight(on: boolean): Promise<void> {
    this.set({ highlight: on });
    if (on) await this.scheduleMarks();
    else {
      this.marksChain = this.marksChain.then(() => this.writeMarks([]));
      await this.marksChain;
    }
  }

  /** "Remove all marks": every mark the add-in made goes away and highlighting is switched off. */
  async clearMarks(): Promise<void> {
    this.set({ highlight: false });
    this.marksChain = this.marksChain.then(async () => {
      this.lastMarks = null;
      try {
        await this.port.clearMarks();
        this.lastMarks = "";
      } catch (e) {
        if (isProtectedError(e)) this.set({ protectedSheets: [...new Set([...this.state.protectedSheets, ...e.sheets])] });
        else this.notify({ level: "error", text: errorText(e) });
      }
    });
    await this.marksChain;
  }

  // ── navigation ─────────────────────────────────────────────────────────────────────────────

  async select(target: { sheet: string; cell: string | null }): Promise<void> {
    if (!target.cell) return;
    try {
      await this.port.select(target.sheet, target.cell);
    } catch (e) {
      this.notify({ level: "error", text: errorText(e) });
    }
  }

  // ── fixes and undo ─────────────────────────────────────────────────────────────────────────

  /** The cells a fix would change (one issue, its group's issues, or every fixable issue of its rule in the workbook). */
  previewFix(issue: Issue, scope: "one" | "rule" | "group"): FixPreview | null {
    const chosen =
      scope === "one"
        ? issue.fix ? [issue] : []
        : this.state.issues.filter((i) => i.rule === issue.rule && i.fix && (scope === "rule" || (issue.group !== undefined && i.group === issue.group && i.table === issue.table)));
    if (chosen.length === 0) return null;
    const seen = new Set<string>();
    const changes: FixChange[] = [];
    const edits: Edit[] = [];
    for (const is of chosen) {
      for (const ed of is.fix!.edits) {
        const k = `${ed.sheet.toLowerCase()}!${ed.cell}`;
        if (seen.has(k)) continue;
        seen.add(k);
        edits.push({ sheet: ed.sheet, cell: ed.cell, value: ed.value });
        changes.push({ sheet: ed.sheet, cell: ed.cell, before: this.cellText(ed.sheet, ed.cell), after: ed.value === null ? "" : String(ed.value) });
      }
    }
    const title = ruleText("zh-CN", issue.rule).title;
    return {
      rule: issue.rule,
      scope,
      issues: chosen.length,
      changes,
      edits,
      label: scope === "one" ? { key: "fixOne", data: { cell: issue.cell ?? "" } } : { key: "fixRule", data: { rule: issue.rule, title, n: chosen.length } },
    };
  }

  private cellText(sheet: string, cell: string): string {
    const p = parseA1(cell);
    if (!p) return "";
    for (const e of this.entries) {
      if (!sameSheet(e.sheet, sheet) || !e.grid) continue;
      const g = e.grid;
      if (p.row >= g.firstRow && p.row <= g.lastRow && p.col >= g.firstCol && p.col <= g.lastCol) return g.text(p.row, p.col);
    }
    return "";
  }

  /** Applies a previewed fix as ONE applyEdits; keeps the inverse for undo. False when refused. */
  async applyFix(preview: FixPreview): Promise<boolean> {
    // The preview must still describe the sheet (the user may have typed since).
    if (preview.changes.some((c) => this.cellText(c.sheet, c.cell) !== c.before)) {
      this.notify({ level: "warning", key: "fixStale" });
      return false;
    }
    return this.write(preview.edits, preview.label.key, preview.label.data);
  }

  /** Undoes the add-in's last change (fix) by applying its inverse edits. */
  async undo(): Promise<boolean> {
    const last = this.undoStack[this.undoStack.length - 1];
    if (!last) return false;
    this.set({ busy: true });
    try {
      await this.port.applyEdits(last.inverse);
      this.undoStack.pop();
      this.notify({ level: "info", key: "undone", data: { n: last.cells } });
      await this.afterWrite(last.inverse, { undo: this.undoView() });
      return true;
    } catch (e) {
      this.notify({ level: "error", text: errorText(e) });
      this.set({ busy: false });
      return false;
    }
  }

  private undoView(): PaneState["undo"] {
    const top = this.undoStack[this.undoStack.length - 1];
    return top ? { key: top.key, data: top.data, cells: top.cells } : null;
  }

  private async write(
    edits: Edit[],
    key: string,
    data: Record<string, string | number>,
    notice: { key: string; data: Record<string, string | number> } | null = null,
  ): Promise<boolean> {
    this.set({ busy: true });
    try {
      const inverse = await this.port.applyEdits(edits);
      const cells = new Set(edits.map((e) => `${e.sheet}!${"cell" in e ? e.cell : ""}`)).size;
      this.undoStack.push({ inverse, key, data, cells });
      if (this.undoStack.length > 20) this.undoStack.shift();
      this.notify(notice ? { level: "info", ...notice } : { level: "info", key: "fixApplied", data: { n: cells } });
      await this.afterWrite(edits, { undo: this.undoView() });
      return true;
    } catch (e) {
      if (isProtectedError(e)) this.set({ protectedSheets: [...new Set([...this.state.protectedSheets, ...e.sheets])] });
      this.notify({ level: "error", text: errorText(e) });
      this.set({ busy: false });
      return false;
    }
  }

  /** Our own writes raise no change event (the port drops them): re-validate the touched tables now. */
  private async afterWrite(edits: readonly Edit[], extra: Partial<PaneState>): Promise<void> {
    this.shiftForRowEdits(edits);
    const touched = new Set<Entry>();
    for (const ed of edits) {
      const box = "cell" in ed ? parseBoxA1(ed.cell) : { top: ed.row - 1, left: 0, bottom: 1048575, right: 16383 };
      if (!box) continue;
      for (const e of this.entries) if (sameSheet(e.sheet, ed.sheet) && intersects(e.block, box)) touched.add(e);
    }
    for (const e of touched) this.markDirty(e);
    for (const e of touched) this.dirty.delete(e);
    this.set({ ...extra, busy: false });
    if (touched.size) await this.track(this.revalidate([...touched], null));
  }

  // ── spending plan (支出计划) ───────────────────────────────────────────────────────────────

  /** The parsed model of a table (null when unknown or lost). */
  tableModel(tableId: string): ProjectTable | null {
    return this.entries.find((e) => e.id === tableId)?.model ?? null;
  }

  /**
   * The plan a profile gives for a table, before anything is written: values, money in the table's
   * unit, the 12-month series, the plan checks on the table, and the cells a write would change
   * (from the table's cached grid). Null when the table is unknown or lost.
   */
  previewPlan(tableId: string, input: PlanInput, locale: Locale = "zh-CN"): PlanPreview | null {
    const i = this.entries.findIndex((e) => e.id === tableId);
    const e = this.entries[i];
    if (!e || !e.model || e.status !== "ok") return null;
    return planPreview(tableId, e.model, e.grid, input, locale, i);
  }

  /**
   * Writes a plan into the table's four plan cells: reads the table's block again (readBlock), plans
   * the write with planWrite (each cell keeps its kind and number format), applies the cells that
   * change as ONE applyEdits and pushes the inverse onto the undo stack. When a non-empty cell would
   * be overwritten and `confirmed` (the cells the user confirmed) is not given, nothing is written and
   * the outcome is "confirm"; when the cells changed since the confirmation, "confirm" again.
   */
  async writePlan(tableId: string, values: PlanValues, confirmed?: readonly PlanCellWrite[]): Promise<PlanWriteOutcome> {
    const e = this.entries.find((x) => x.id === tableId);
    if (!e || !e.model || e.status !== "ok") return { status: "failed" };
    this.set({ busy: true });
    let cells: PlanCellWrite[];
    let edits: Edit[];
    let name: string;
    try {
      const grid = await this.port.readBlock(e.sheet, boxA1(e.block));
      const layout = this.layoutOf(e, grid);
      if (!layout) throw new PlanError("noPlan");
      const model = parseTable(grid, layout);
      const w = planWrite(model, grid, values);
      cells = w.cells;
      const change = new Set(changingCells(cells).map((c) => c.key));
      edits = w.edits.filter((_, k) => change.has(cells[k].key));
      // A blank cell among percent-formatted numbers gets their format with its fraction.
      for (const c of cells)
        if (c.numberFormat !== undefined && change.has(c.key))
          edits.push({ kind: "numberFormat", sheet: model.sheet, cell: c.cell, numberFormat: c.numberFormat });
      name = model.projectName.value ?? boxA1(e.block);
    } catch (err) {
      this.set({ busy: false });
      if (err instanceof PlanError) return { status: "failed", error: err };
      this.notify({ level: "error", text: errorText(err) });
      return { status: "failed" };
    }
    const before = (c: PlanCellWrite) => `${c.key}:${c.cell}:${typeof c.before}:${String(c.before)}`;
    const stale = confirmed !== undefined && cells.map(before).join("\n") !== confirmed.map(before).join("\n");
    if (stale) this.notify({ level: "warning", key: "planStale" });
    if (stale || (confirmed === undefined && overwrittenCells(cells).length > 0)) {
      this.set({ busy: false });
      return { status: "confirm", cells };
    }
    if (edits.length === 0) {
      this.set({ busy: false });
      this.notify({ level: "info", key: "planUnchanged" });
      return { status: "unchanged", cells };
    }
    const ok = await this.write(edits, "planWritten", { name });
    return ok ? { status: "written", cells } : { status: "failed" };
  }

  // ── indicator library (指标库) ────────────────────────────────────────────────────────────

  /**
   * Our own row inserts/deletes raise no change event: move the tables' blocks (and the saved
   * mappings' addresses) as Excel moved the cells and names.
   */
  private shiftForRowEdits(edits: readonly Edit[]): void {
    for (const ed of edits) {
      if (ed.kind !== "insertRows" && ed.kind !== "deleteRows") continue;
      for (const e of this.entries) {
        if (!sameSheet(e.sheet, ed.sheet)) continue;
        const sh = shiftBox(e.block, "row", ed.row - 1, ed.count, ed.kind === "insertRows");
        if (sh.changed && sh.box) e.block = sh.box;
      }
      this.mappings = this.mappings.map((m) => {
        if (m.status !== "ok" || m.id === LIBRARY_RECORD_ID || !sameSheet(m.sheet, ed.sheet)) return m;
        const b = parseBoxA1(m.address);
        const sh = b ? shiftBox(b, "row", ed.row - 1, ed.count, ed.kind === "insertRows") : null;
        return sh?.changed && sh.box ? { ...m, address: boxA1(sh.box) } : m;
      });
    }
  }

  /** Reads the custom library out of the loaded mapping records (a broken record keeps its data). */
  private takeLibraryRecord(): void {
    const rec = this.mappings.find((m) => m.id === LIBRARY_RECORD_ID);
    const entries = rec && isLibraryRecordData(rec.data) ? rec.data.entries.filter((x) => !!x && typeof x.id === "string" && typeof x.name === "string") : [];
    if (rec && rec.status !== "ok") {
      // Its anchor cell is gone: keep the data, the next save points the name at a sheet again.
      this.mappings = this.mappings.map((m) => (m === rec ? { status: "ok" as const, id: m.id, sheet: m.sheet, address: "A1", data: m.data } : m));
    }
    if (entries.length !== this.customEntries.length || entries.some((x, i) => x !== this.customEntries[i])) {
      this.customEntries = entries;
      this.libraryRevision++;
    }
  }

  /** The workbook's custom entries (merged over the built-in library by the library tab). */
  customLibrary(): readonly LibraryEntry[] {
    return this.customEntries;
  }

  /** The built-in library merged with the workbook's custom entries (loads the library lazily). */
  async libraryEntries(): Promise<LibraryEntry[]> {
    const [{ BUILTIN_ENTRIES }, { mergeLibraries }] = await Promise.all([import("../core/library/builtin"), import("../core/library/import")]);
    return mergeLibraries(BUILTIN_ENTRIES, this.customEntries);
  }

  private async findEntries(ids: readonly string[]): Promise<{ found: LibraryEntry[]; missing: string[] }> {
    const all = await this.libraryEntries();
    const byId = new Map(all.map((e) => [e.id, e]));
    const found: LibraryEntry[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const e = byId.get(id);
      if (e) found.push(e);
      else missing.push(id);
    }
    return { found, missing };
  }

  /** The table's block read again and parsed (the model the edits are planned on). */
  private async freshModel(e: Entry): Promise<{ grid: CellGrid; model: ProjectTable } | null> {
    const grid = await this.port.readBlock(e.sheet, boxA1(e.block));
    const layout = this.layoutOf(e, grid);
    return layout ? { grid, model: parseTable(grid, layout) } : null;
  }

  private refuse(reason: Extract<LibraryWriteOutcome, { status: "refused" }>["reason"], detail: Record<string, string> = {}): LibraryWriteOutcome {
    this.notify({ level: "warning", key: `libraryRefused.${reason}`, data: detail });
    return { status: "refused", reason, detail };
  }

  /**
   * Inserts library entries as rows of a table, each at the end of its 一级/二级 block
   * (planInsertRows): ONE applyEdits (insert rows + write cells), undoable as one change; the table
   * is read again afterwards. Refused (with a notice) on a protected sheet, for an unknown or lost
   * table, or when the insert would break a merged region.
   */
  async insertFromLibrary(tableId: string, entryIds: readonly string[], opts: { value?: InsertValueMode } = {}): Promise<LibraryWriteOutcome> {
    const e = this.entries.find((x) => x.id === tableId);
    if (!e || !e.model || e.status !== "ok") return this.refuse("noTable");
    this.set({ busy: true });
    let plan: import("../core/library/insert").InsertPlan;
    try {
      const [{ planInsertRows }, { found, missing }, sheets] = await Promise.all([import("../core/library/insert"), this.findEntries(entryIds), this.port.listSheets()]);
      if (missing.length || found.length === 0) {
        this.set({ busy: false });
        return this.refuse("unknownEntry", { ids: missing.join(", ") });
      }
      const fresh = await this.freshModel(e);
      if (!fresh) {
        this.set({ busy: false });
        return this.refuse("noTable");
      }
      const prot = sheets.find((x) => sameSheet(x.name, e.sheet))?.protected ?? false;
      plan = planInsertRows(fresh.model, fresh.grid, found, {
        value: opts.value ?? "empty",
        protectedSheet: prot,
        rangeBottom: e.source === "mapped" ? e.block.bottom : null,
      });
      if (!plan.ok && plan.reason === "protected") this.set({ protectedSheets: [...new Set([...this.state.protectedSheets, e.sheet])] });
    } catch (err) {
      this.notify({ level: "error", text: errorText(err) });
      this.set({ busy: false });
      return { status: "refused", reason: "failed", detail: {} };
    }
    if (!plan.ok) {
      this.set({ busy: false });
      return this.refuse(plan.reason, plan.detail);
    }
    const name = e.model.projectName.value ?? boxA1(e.block);
    const data = { n: plan.count, name };
    const ok = await this.write(plan.edits as Edit[], "libraryInserted", data, { key: "libraryInserted", data });
    if (!ok) return { status: "refused", reason: "failed", detail: {} };
    await this.growMapping(e, plan.rows.map((r) => r.row));
    return { status: "inserted", rows: plan.rows };
  }

  /** A mapped table whose name did not grow over rows inserted right below it: save the grown block. */
  private async growMapping(e: Entry, newRows: number[]): Promise<void> {
    if (e.source !== "mapped" || newRows.length === 0) return;
    const bottom = Math.max(...newRows);
    if (bottom <= e.block.bottom) return;
    e.block = { ...e.block, bottom };
    this.mappings = this.mappings.map((m) => (m.id === e.mappingId && m.status === "ok" ? { ...m, address: boxA1(e.block) } : m));
    try {
      await this.port.saveMappings(this.okRecords());
    } catch (err) {
      this.notify({ level: "error", text: errorText(err) });
    }
    this.markDirty(e);
    this.dirty.delete(e);
    await this.track(this.revalidate([e], null));
  }

  /** Every working mapping record (the library record included) as saveMappings wants them. */
  private okRecords(): MappingRecord[] {
    return this.mappings.flatMap((m) => (m.status === "ok" ? [{ id: m.id, sheet: m.sheet, address: m.address, data: m.data }] : []));
  }

  /**
   * Replaces an indicator row's 三级/描述 (and, when it does not fit, 指标值) with a library entry
   * (replacementEdits) as one undoable change. `row` is the row's 0-based sheet row.
   */
  async replaceWithEntry(tableId: string, row: number, entryId: string): Promise<LibraryWriteOutcome> {
    const e = this.entries.find((x) => x.id === tableId);
    if (!e || !e.model || e.status !== "ok") return this.refuse("noTable");
    this.set({ busy: true });
    let edits: Edit[];
    let label: string;
    try {
      const [{ replacementEdits }, { found }] = await Promise.all([import("../core/library/suggest"), this.findEntries([entryId])]);
      const fresh = await this.freshModel(e);
      const ind = fresh?.model.indicators.find((r) => r.row === row);
      if (!found[0] || !fresh || !ind) {
        this.set({ busy: false });
        return this.refuse(!found[0] ? "unknownEntry" : "noRow", { ids: entryId });
      }
      if (this.state.protectedSheets.some((p) => sameSheet(p, e.sheet))) {
        this.set({ busy: false });
        return this.refuse("protected", { sheet: e.sheet });
      }
      edits = replacementEdits(fresh.model, ind, found[0]).map((x) => ({ sheet: x.sheet, cell: x.cell, value: x.value }));
      label = found[0].name;
    } catch (err) {
      this.notify({ level: "error", text: errorText(err) });
      this.set({ busy: false });
      return { status: "refused", reason: "failed", detail: {} };
    }
    if (edits.length === 0) {
      this.set({ busy: false });
      return this.refuse("unchanged", { name: label });
    }
    const data = { name: label, n: edits.length };
    const ok = await this.write(edits, "libraryReplaced", data, { key: "libraryReplaced", data });
    return ok ? { status: "replaced", cells: edits.length } : { status: "refused", reason: "failed", detail: {} };
  }

  /** The indicator row under the selection (table id and 0-based row), or null. */
  async selectedIndicator(): Promise<{ tableId: string; row: number } | null> {
    try {
      const sel = await this.port.getSelection();
      const box = parseBoxA1(sel.address);
      if (!box) return null;
      for (const e of this.entries) {
        if (!sameSheet(e.sheet, sel.sheet) || !e.model) continue;
        const ind = e.model.indicators.find((r) => r.row === box.top);
        if (ind) return { tableId: e.id, row: ind.row };
      }
    } catch {
      // no selection (e.g. a chart is selected)
    }
    return null;
  }

  /**
   * Imports a custom library (rows of a sheet, a CSV or a JSON file; `mapping` fixes columns) and saves
   * it in the workbook merged over the custom entries already there. Rows that cannot be read are
   * skipped and reported; when the columns are missing, or the save fails, nothing changes.
   */
  async importLibrary(
    rows: readonly (readonly unknown[])[] | readonly Record<string, unknown>[],
    mapping: Partial<Record<LibraryField, number | string>> = {},
    opts: { source?: string; strict?: boolean } = {},
  ): Promise<LibraryImportOutcome> {
    const [{ parseLibraryRows }, { pinyinOf }] = await Promise.all([import("../core/library/import"), import("../core/library/pinyin")]);
    const res = parseLibraryRows(rows, mapping, { source: opts.source, strict: opts.strict, pinyin: pinyinOf });
    if (res.error || res.entries.length === 0) {
      this.notify({ level: "warning", key: "libraryImportFailed", data: { skipped: res.skipped.length } });
      return { status: "failed", imported: 0, skipped: res.skipped, error: res.error, custom: this.customEntries.length };
    }
    const { mergeLibraries } = await import("../core/library/import");
    const custom = mergeLibraries(this.customEntries, res.entries);
    if (!(await this.saveLibrary(custom))) {
      return { status: "failed", imported: 0, skipped: res.skipped, error: { code: "saveFailed" }, custom: this.customEntries.length };
    }
    this.notify({ level: "info", key: "libraryImported", data: { n: res.entries.length, skipped: res.skipped.length } });
    return { status: "imported", imported: res.entries.length, skipped: res.skipped, error: null, custom: custom.length };
  }

  /** Imports the custom library from a block of the open workbook ("Sheet2", "A1:H200"). */
  async importLibraryFromRange(sheet: string, address: string, mapping: Partial<Record<LibraryField, number | string>> = {}): Promise<LibraryImportOutcome> {
    let values: unknown[][];
    try {
      const grid = await this.port.readBlock(sheet, address);
      values = [];
      for (let r = grid.firstRow; r <= grid.lastRow; r++) {
        const line: unknown[] = [];
        for (let c = grid.firstCol; c <= grid.lastCol; c++) line.push(grid.isMergedTail(r, c) ? null : grid.value(r, c));
        values.push(line);
      }
    } catch (e) {
      this.notify({ level: "error", text: errorText(e) });
      return { status: "failed", imported: 0, skipped: [], error: { code: "saveFailed" }, custom: this.customEntries.length };
    }
    return this.importLibrary(values, mapping, { source: sheet });
  }

  /** Imports the custom library from the block selected in the workbook. */
  async importLibraryFromSelection(mapping: Partial<Record<LibraryField, number | string>> = {}): Promise<LibraryImportOutcome> {
    let sel: { sheet: string; address: string };
    try {
      sel = await this.port.getSelection();
    } catch (e) {
      this.notify({ level: "error", text: errorText(e) });
      return { status: "failed", imported: 0, skipped: [], error: { code: "noHeader" }, custom: this.customEntries.length };
    }
    return this.importLibraryFromRange(sel.sheet, sel.address, mapping);
  }

  /** Removes the workbook's custom library (the built-in one stays). */
  async clearCustomLibrary(): Promise<boolean> {
    const ok = await this.saveLibrary([]);
    if (ok) this.notify({ level: "info", key: "libraryCleared" });
    return ok;
  }

  /** Saves the custom entries with the workbook (the reserved mapping record); false when the save failed. */
  private async saveLibrary(custom: LibraryEntry[]): Promise<boolean> {
    this.set({ busy: true });
    try {
      const sheets = await this.port.listSheets();
      const anchor = [...sheets].sort((a, b) => a.position - b.position)[0];
      const others = this.okRecords().filter((r) => r.id !== LIBRARY_RECORD_ID);
      const records: MappingRecord[] =
        custom.length && anchor ? [...others, { id: LIBRARY_RECORD_ID, sheet: anchor.name, address: "A1", data: { kind: "library", v: 1, entries: custom } satisfies LibraryRecordData }] : others;
      await this.port.saveMappings(records);
      this.mappings = [...this.mappings.filter((m) => m.id !== LIBRARY_RECORD_ID && m.status !== "ok"), ...records.map((r) => ({ status: "ok" as const, ...r }))];
      this.customEntries = custom;
      this.libraryRevision++;
      this.set({ busy: false });
      return true;
    } catch (e) {
      this.notify({ level: "error", text: errorText(e) });
      this.set({ busy: false });
      return false;
    }
  }

  /** The merged library (built-in + custom) as CSV text (header + one row per entry), for a download. */
  async exportLibraryCsv(): Promise<string> {
    const [{ libraryToRows }, { toCsv }] = await Promise.all([import("../core/library/import"), import("../core/library/csv")]);
    return toCsv(libraryToRows(await this.libraryEntries()));
  }

  // ── mappings ───────────────────────────────────────────────────────────────────────────────

  /** Reads the current selection and proposes a role for every column. Null (with a notice) when unusable. */
  async draftFromSelection(): Promise<MappingDraft | null> {
    try {
      const sel = await this.port.getSelection();
      const box = parseBoxA1(sel.address);
      if (!box || !sel.sheet) return null;
      if (box.top === box.bottom || box.left === box.right) {
        this.notify({ level: "warning", key: "selectTable" });
        return null;
      }
      if (rows(box) > this.maxMappingRows || box.right - box.left > 100) {
        this.notify({ level: "warning", key: "selectionTooLarge", data: { rows: rows(box) } });
        return null;
      }
      const grid = await this.port.readBlock(sel.sheet, boxA1(box));
      return makeDraft(sel.sheet, box, grid, guessHeaderRow(grid));
    } catch (e) {
      this.notify({ level: "error", text: errorText(e) });
      return null;
    }
  }

  /** Saves a mapping (replacing mappings that overlap it) and checks the mapped table at once. */
  async saveMapping(draft: MappingDraft): Promise<boolean> {
    if (draft.missing.length > 0 || draft.duplicates.length > 0) return false;
    const data = mappingDataOf(draft.block, draft.headerRow, draft.columns);
    const layout = layoutFromMapping(draft.grid, data);
    if (!layout) {
      this.notify({ level: "warning", key: "mappingNoTable" });
      return false;
    }
    const id = `m${Date.now().toString(36)}${(++this.seq).toString(36)}`;
    const address = boxA1(draft.block);
    const keep = this.mappings.filter(
      (m): m is Extract<LoadedMapping, { status: "ok" }> =>
        m.status === "ok" && (m.id === LIBRARY_RECORD_ID || !(sameSheet(m.sheet, draft.sheet) && intersectsA1(m.address, draft.block))),
    );
    const records: MappingRecord[] = [...keep.map(({ id: i, sheet, address: a, data: d }) => ({ id: i, sheet, address: a, data: d })), { id, sheet: draft.sheet, address, data }];
    this.set({ busy: true });
    try {
      await this.port.saveMappings(records);
    } catch (e) {
      this.notify({ level: "error", text: errorText(e) });
      this.set({ busy: false });
      return false;
    }
    const droppedBroken = this.mappings.filter((m) => m.status === "broken").length;
    this.mappings = records.map((r) => ({ status: "ok" as const, ...r }));
    const entry = this.newEntry("mapped", draft.sheet, draft.block, id, data);
    this.applyGrid(entry, draft.grid, layout);
    this.entries = this.entries.filter((e) => !(sameSheet(e.sheet, draft.sheet) && intersects(e.block, draft.block)));
    this.entries.push(entry);
    this.entries.sort((a, b) => this.order(a) - this.order(b) || a.block.top - b.block.top || a.block.left - b.block.left);
    this.refreshBlocks();
    this.notify({ level: "info", key: "mappingSaved", data: { range: `${draft.sheet}!${address}` } });
    if (droppedBroken) this.notify({ level: "info", key: "brokenDropped", data: { n: droppedBroken } });
    this.recompute({ busy: false, brokenMappings: [], emptySheets: this.state.emptySheets.filter((s) => !sameSheet(s, draft.sheet)) });
    await this.scheduleMarks();
    return true;
  }

  /** Removes a saved mapping (a working or a broken one) and detects the tables again. */
  async removeMapping(id: string): Promise<void> {
    const records: MappingRecord[] = this.mappings.flatMap((m) =>
      m.status === "ok" && (m.id !== id || m.id === LIBRARY_RECORD_ID) ? [{ id: m.id, sheet: m.sheet, address: m.address, data: m.data }] : [],
    );
    this.set({ busy: true });
    try {
      await this.port.saveMappings(records);
    } catch (e) {
      this.notify({ level: "error", text: errorText(e) });
      this.set({ busy: false });
      return;
    }
    this.set({ busy: false });
    await this.detect();
  }
}

function intersectsA1(address: string, box: RangeBox): boolean {
  const b = parseBoxA1(address);
  return !!b && intersects(b, box);
}

// ── mapping drafts (pure) ─────────────────────────────────────────────────────────────────────

export function makeDraft(sheet: string, block: RangeBox, grid: CellGrid, headerRow: number): MappingDraft {
  const rowChoices: { row: number; text: string }[] = [];
  const last = Math.min(grid.lastRow, grid.firstRow + 60);
  for (let r = grid.firstRow; r <= last; r++) {
    const texts: string[] = [];
    for (let c = grid.firstCol; c <= grid.lastCol && texts.join(" ").length < 30; c++) {
      const t = grid.text(r, c);
      if (t) texts.push(t);
    }
    if (texts.length > 0 || r === headerRow) rowChoices.push({ row: r, text: truncate(texts.join(" | "), 30) });
  }
  const columns = draftColumns(grid, headerRow);
  return {
    sheet,
    address: boxA1(block),
    block,
    grid,
    headerRow,
    rowChoices,
    columns,
    missing: missingRoles(columns),
    duplicates: duplicateRoles(columns),
  };
}

/** The draft with another header row (roles proposed again from that row's labels). */
export function withHeaderRow(d: MappingDraft, row: number): MappingDraft {
  return makeDraft(d.sheet, d.block, d.grid, row);
}

/** The draft with one column's role changed. */
export function withRole(d: MappingDraft, col: number, role: ColumnRole): MappingDraft {
  const columns = d.columns.map((c) => (c.col === col ? { ...c, role } : c));
  return { ...d, columns, missing: missingRoles(columns), duplicates: duplicateRoles(columns) };
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
