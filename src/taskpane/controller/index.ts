/**
 * The task pane's controller: everything the pane does, without React and without Office. It talks
 * to the workbook only through a WorkbookPort and to the engine through src/core.
 *
 * PaneController is the one object the components and tests use; each job lives in its own module,
 * as functions over the shared PaneStore (store.ts):
 *  - detect.ts: mappings + every sheet's used range → the tracked tables;
 *  - recompute.ts: a grid parsed and checked, the blocks re-read on a change, the views rebuilt;
 *  - live.ts: a change → the touched tables re-read after a short wait, stale reads dropped;
 *  - marks.ts: the issues' cells marked (serialised, coalesced), highlight on/off, remove all;
 *  - fixes.ts: fix previews, every write of the add-in as one applyEdits, undo;
 *  - rows.ts: the tables and mappings moved over the add-in's own row inserts/deletes;
 *  - plan-actions.ts: the spending plan previewed and written;
 *  - convert.ts: prose (a 分项 block) → the standard indicator table, previewed and inserted;
 *  - library-actions.ts: rows from the library, replacements, the custom library imported/saved;
 *  - rule-library.ts: the library of the nonstandard-wording rule, custom entries merged in;
 *  - mappings.ts: user mappings (drafts, save, remove);
 *  - records.ts: the saved mapping records and the custom library record.
 *
 * State is an immutable snapshot (`getState()`), announced to `subscribe()` listeners after every
 * change, so React can read it with useSyncExternalStore.
 */
import type { Issue, ProjectTable } from "../../core/model/schema";
import type { InsertValueMode } from "../../core/library/insert";
import type { LibraryField } from "../../core/library/import";
import type { LibraryEntry } from "../../core/library/schema";
import type { Locale } from "../../core/messages";
import type { PlanCellWrite, PlanValues } from "../../core/plan";
import { createDirtyCollector } from "../../excel/dirty";
import type { DirtyRange, WorkbookPort } from "../../excel/port";
import type { PlanInput, PlanPreview } from "../plan-controller";
import { draftConversion, insertConversion, type ConvertDraft, type ConvertOutcome, type ConvertRow, type ConvertTarget } from "./convert";
import { detect } from "./detect";
import { applyFix, previewFix, undo } from "./fixes";
import * as library from "./library-actions";
import { flushDirty, handleChanges } from "./live";
import { draftFromSelection, removeMapping, saveMapping } from "./mappings";
import { clearMarks, setHighlight } from "./marks";
import { previewPlan, tableModel, writePlan } from "./plan-actions";
import { loadLibrary, setLibraryIndex } from "./rule-library";
import { errorText, PaneStore } from "./store";
import type { ControllerOptions, FixPreview, LibraryImportOutcome, LibraryWriteOutcome, MappingDraft, PaneState, PlanWriteOutcome, Timing } from "./types";

export * from "./types";
export type { ConvertDraft, ConvertOutcome, ConvertRow, ConvertTarget } from "./convert";
export { makeDraft, withHeaderRow, withRole } from "./mappings";

type ColumnMapping = Partial<Record<LibraryField, number | string>>;

export class PaneController {
  private readonly store: PaneStore;

  constructor(port: WorkbookPort, opts: ControllerOptions = {}) {
    const store = new PaneStore(port, opts);
    store.collector = createDirtyCollector(() => flushDirty(store), store.debounceMs);
    this.store = store;
  }

  // ── store ──────────────────────────────────────────────────────────────────────────────────

  getState = (): PaneState => this.store.state;

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  dismissNotice(id: number): void {
    this.store.set({ notices: this.store.state.notices.filter((n) => n.id !== id) });
  }

  /** Bumped when the workbook's custom library changes (the library tab rebuilds its index). */
  get libraryRevision(): number {
    return this.store.libraryRevision;
  }

  /** The last re-validations, newest last (at most 50). */
  get timings(): readonly Timing[] {
    return this.store.timings;
  }

  /** readBlock calls made by live re-validation (for tests and the bench). */
  get readCount(): number {
    return this.store.readCount;
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────────────────────

  /** Loads the saved mappings, detects the tables, marks their issues and starts listening to changes. */
  async start(): Promise<void> {
    const s = this.store;
    await this.detect();
    if (s.disposed || s.subscription) return;
    if (s.loadLibraryIndex && !s.state.library) void s.track(loadLibrary(s));
    try {
      s.subscription = await s.port.subscribe((ranges) => this.handleChanges(ranges));
    } catch (e) {
      s.notify({ level: "warning", key: "noLive", text: errorText(e) });
    }
    if (s.disposed) await s.subscription?.dispose();
  }

  async dispose(): Promise<void> {
    const s = this.store;
    s.disposed = true;
    s.collector.dispose();
    const sub = s.subscription;
    s.subscription = null;
    await sub?.dispose();
  }

  /** Resolves when no change is waiting and no re-validation or mark write is running. */
  async whenIdle(): Promise<void> {
    const s = this.store;
    for (let i = 0; i < 200; i++) {
      if (s.collector.pending > 0) {
        await new Promise((r) => setTimeout(r, s.debounceMs + 1));
        continue;
      }
      if (s.running.size > 0) {
        await Promise.allSettled([...s.running]);
        continue;
      }
      await s.marksChain;
      if (s.collector.pending === 0 && s.running.size === 0 && !s.marksQueued) return;
    }
  }

  // ── detection, live re-validation, marks ───────────────────────────────────────────────────

  /** Reads every sheet and the saved mappings, and builds the table list from scratch. */
  detect(): Promise<void> {
    return this.store.track(detect(this.store));
  }

  /** What the change subscription calls: marks the touched tables dirty and starts the wait. */
  handleChanges(ranges: readonly DirtyRange[]): void {
    handleChanges(this.store, ranges);
  }

  /**
   * Sets the indicator library the nonstandard-wording rule uses (a SearchIndex, e.g. the built-in
   * one); the workbook's custom entries are merged over it. The cached tables are checked again —
   * table rules, workbook rules, marks — without reading the workbook.
   */
  setLibraryIndex(index: unknown): Promise<void> {
    return setLibraryIndex(this.store, index);
  }

  /** Highlight on: marks every issue's cell; off: gives every marked cell back its own format. */
  setHighlight(on: boolean): Promise<void> {
    return setHighlight(this.store, on);
  }

  /** "Remove all marks": every mark the add-in made goes away and highlighting is switched off. */
  clearMarks(): Promise<void> {
    return clearMarks(this.store);
  }

  async select(target: { sheet: string; cell: string | null }): Promise<void> {
    if (!target.cell) return;
    try {
      await this.store.port.select(target.sheet, target.cell);
    } catch (e) {
      this.store.fail(e);
    }
  }

  // ── fixes and undo ─────────────────────────────────────────────────────────────────────────

  /** The cells a fix would change (one issue, its group's issues, or every fixable issue of its rule in the workbook). */
  previewFix(issue: Issue, scope: "one" | "rule" | "group"): FixPreview | null {
    return previewFix(this.store, issue, scope);
  }

  /** Applies a previewed fix as ONE applyEdits; keeps the inverse for undo. False when refused. */
  applyFix(preview: FixPreview): Promise<boolean> {
    return applyFix(this.store, preview);
  }

  /** Undoes the add-in's last change (fix, plan, library rows) by applying its inverse edits. */
  undo(): Promise<boolean> {
    return undo(this.store);
  }

  // ── spending plan (支出计划) ───────────────────────────────────────────────────────────────

  /** The parsed model of a table (null when unknown or lost). */
  tableModel(tableId: string): ProjectTable | null {
    return tableModel(this.store, tableId);
  }

  /**
   * The plan a profile gives for a table, before anything is written: values, money in the table's
   * unit, the 12-month series, the plan checks on the table, and the cells a write would change
   * (from the table's cached grid). Null when the table is unknown or lost.
   */
  previewPlan(tableId: string, input: PlanInput, locale: Locale = "zh-CN"): PlanPreview | null {
    return previewPlan(this.store, tableId, input, locale);
  }

  /**
   * Writes a plan into the table's four plan cells: reads the table's block again (readBlock), plans
   * the write with planWrite (each cell keeps its kind and number format), applies the cells that
   * change as ONE applyEdits and pushes the inverse onto the undo stack. When a non-empty cell would
   * be overwritten and `confirmed` (the cells the user confirmed) is not given, nothing is written and
   * the outcome is "confirm"; when the cells changed since the confirmation, "confirm" again.
   */
  writePlan(tableId: string, values: PlanValues, confirmed?: readonly PlanCellWrite[]): Promise<PlanWriteOutcome> {
    return writePlan(this.store, tableId, values, confirmed);
  }

  // ── indicator library (指标库) ────────────────────────────────────────────────────────────

  /** The workbook's custom entries (merged over the built-in library by the library tab and the rules). */
  customLibrary(): readonly LibraryEntry[] {
    return this.store.customEntries;
  }

  /** The built-in library merged with the workbook's custom entries (loads the library lazily). */
  libraryEntries(): Promise<LibraryEntry[]> {
    return library.libraryEntries(this.store);
  }

  /**
   * Inserts library entries as rows of a table, each at the end of its 一级/二级 block
   * (planInsertRows): ONE applyEdits (insert rows + write cells), undoable as one change; the table
   * is read again afterwards. Refused (with a notice) on a protected sheet, for an unknown or lost
   * table, or when the insert would break a merged region.
   */
  insertFromLibrary(tableId: string, entryIds: readonly string[], opts: { value?: InsertValueMode } = {}): Promise<LibraryWriteOutcome> {
    return library.insertFromLibrary(this.store, tableId, entryIds, opts);
  }

  /**
   * Replaces an indicator row's 三级/描述 (and, when it does not fit, 指标值) with a library entry
   * (replacementEdits) as one undoable change. `row` is the row's 0-based sheet row.
   */
  replaceWithEntry(tableId: string, row: number, entryId: string): Promise<LibraryWriteOutcome> {
    return library.replaceWithEntry(this.store, tableId, row, entryId);
  }

  /** The indicator row under the selection (table id and 0-based row), or null. */
  selectedIndicator(): Promise<{ tableId: string; row: number } | null> {
    return library.selectedIndicator(this.store);
  }

  /**
   * Imports a custom library (rows of a sheet, a CSV or a JSON file; `mapping` fixes columns) and saves
   * it in the workbook merged over the custom entries already there; the tables are checked again with
   * it. Rows that cannot be read are skipped and reported; when the columns are missing, or the save
   * fails, nothing changes.
   */
  importLibrary(
    rows: readonly (readonly unknown[])[] | readonly Record<string, unknown>[],
    mapping: ColumnMapping = {},
    opts: { source?: string; strict?: boolean } = {},
  ): Promise<LibraryImportOutcome> {
    return library.importLibrary(this.store, rows, mapping, opts);
  }

  /** Imports the custom library from a block of the open workbook ("Sheet2", "A1:H200"). */
  importLibraryFromRange(sheet: string, address: string, mapping: ColumnMapping = {}): Promise<LibraryImportOutcome> {
    return library.importLibraryFromRange(this.store, sheet, address, mapping);
  }

  /** Imports the custom library from the block selected in the workbook. */
  importLibraryFromSelection(mapping: ColumnMapping = {}): Promise<LibraryImportOutcome> {
    return library.importLibraryFromSelection(this.store, mapping);
  }

  /** Removes the workbook's custom library (the built-in one stays). */
  clearCustomLibrary(): Promise<boolean> {
    return library.clearCustomLibrary(this.store);
  }

  /** The merged library (built-in + custom) as CSV text (header + one row per entry), for a download. */
  exportLibraryCsv(): Promise<string> {
    return library.exportLibraryCsv(this.store);
  }

  // ── prose → indicator table (转换为指标表) ────────────────────────────────────────────────

  /**
   * Reads the selected cells (a 分项 block, or one cell of prose) and converts their text: one row per
   * measure with its suggested 一级 / 二级, the reason and the source clause. Null (with a notice)
   * when the selection holds no indicator.
   */
  draftConversion(): Promise<ConvertDraft | null> {
    return draftConversion(this.store);
  }

  /**
   * Writes the standard table of the (edited) rows on a new sheet named after `sheetName` (made
   * unique), or in new rows below the block: ONE applyEdits, undone as one change; the tables are
   * detected again, so the new table is checked at once.
   */
  insertConversion(draft: ConvertDraft, rows: readonly ConvertRow[], target: ConvertTarget, sheetName: string): Promise<ConvertOutcome> {
    return insertConversion(this.store, draft, rows, target, sheetName);
  }

  // ── self-test (settings → 自检) ──────────────────────────────────────────────────────────────

  /** How many cases the self-test runs; 0 when the pane's entry handed none over. */
  get selfTestCases(): number {
    return this.store.selfTest?.caseCount ?? 0;
  }

  /**
   * Runs the port contract suite in this workbook's Excel. Live checking is paused meanwhile (the
   * test's scratch sheet and marks are not the pane's business) and the tables are detected again
   * afterwards; the runner itself removes everything it added.
   */
  async runSelfTest(): Promise<void> {
    const s = this.store;
    const run = s.selfTest;
    if (!run || s.state.selfTest?.status === "running") return;
    s.set({ selfTest: { status: "running", done: 0, total: 0, report: null } });
    await this.whenIdle();
    const sub = s.subscription;
    s.subscription = null;
    await sub?.dispose().catch(() => undefined);
    try {
      const report = await run((done, total) => s.set({ selfTest: { status: "running", done, total, report: null } }));
      s.set({ selfTest: { status: "done", done: report.results.length, total: report.results.length, report } });
    } catch (e) {
      s.set({ selfTest: { status: "failed", done: 0, total: 0, report: null, error: errorText(e) } });
    } finally {
      if (!s.disposed) {
        await this.detect();
        if (sub) s.subscription = await s.port.subscribe((ranges) => this.handleChanges(ranges)).catch(() => null);
      }
    }
  }

  // ── mappings ───────────────────────────────────────────────────────────────────────────────

  /** Reads the current selection and proposes a role for every column. Null (with a notice) when unusable. */
  draftFromSelection(): Promise<MappingDraft | null> {
    return draftFromSelection(this.store);
  }

  /** Saves a mapping (replacing mappings that overlap it) and checks the mapped table at once. */
  saveMapping(draft: MappingDraft): Promise<boolean> {
    return saveMapping(this.store, draft);
  }

  /** Removes a saved mapping (a working or a broken one) and detects the tables again. */
  removeMapping(id: string): Promise<void> {
    return removeMapping(this.store, id);
  }
}
