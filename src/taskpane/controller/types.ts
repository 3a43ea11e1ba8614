import type { ContractReport, SelfTestRunner } from "../../excel/contract/runner";
/**
 * The task pane controller's types: the state snapshot the components read (PaneState and its
 * views), the outcomes of its actions, its options, and the record that carries the workbook's
 * custom indicator library. TrackedTable is the controller's own record of one table.
 */
import type { RangeBox } from "../../core/grid/a1";
import type { CellGrid } from "../../core/grid/cellgrid";
import type { ColumnRole, Form, Issue, ProjectTable, TableKind } from "../../core/model/schema";
import type { RunConfig } from "../../core/rules/engine";
import type { LibraryEntry } from "../../core/library/schema";
import type { InsertedRow, InsertRefusal } from "../../core/library/insert";
import type { ImportError, SkippedRow } from "../../core/library/import";
import type { PlanCellWrite, PlanError } from "../../core/plan";
import type { BrokenReason, Edit } from "../../excel/port";
import type { DraftColumn, MappingData } from "../mapping";

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
  /** A project table, or a department's 部门整体支出绩效目标表 (titled by its 部门（单位）名称). */
  kind: TableKind;
  projectName: string | null;
  unitName: string | null;
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
  /**
   * After rows were inserted from the library: the first new row's 指标值 cell (selected for typing)
   * and what to enter there (the entry's typical value and unit). Cleared once the user has moved on
   * from the new rows (FreshRows). Absent = none.
   */
  valueHint?: ValueHint | null;
  /** The self-test (settings → 自检): not run yet when absent. */
  selfTest?: SelfTestState;
}

/** The self-test's progress and its report (ControllerOptions.selfTest). */
export interface SelfTestState {
  status: "running" | "done" | "failed";
  done: number;
  total: number;
  report: ContractReport | null;
  /** Why the run itself failed (the report then is null). */
  error?: { zh: string; en: string };
}

export interface ValueHint {
  sheet: string;
  cell: string;
  name: string;
  typical: string;
  unit: string | null;
}

/**
 * Rows just inserted from the library (0-based sheet rows): their empty 指标值 is not reported as
 * missing (value-missing) until the user has moved on — a change is made while the selection is
 * outside these rows (live.ts), rows are inserted or deleted, or the add-in's change is undone.
 */
export interface FreshRows {
  sheet: string;
  rows: ReadonlySet<number>;
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
   * checked again with the index (setLibraryIndex). The workbook's custom library is merged over it
   * (rule-library.ts), again whenever it changes. Without it the rule reports nothing.
   */
  loadLibraryIndex?: () => Promise<unknown>;
  /**
   * Runs the port contract suite in the workbook's Excel (src/excel/contract, handed over by the
   * pane's entry): settings → 自检 / Self-test. Without it the settings offer no self-test.
   */
  selfTest?: SelfTestRunner;
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

/** A table the controller keeps track of: where it is, its last read grid and model, its issues. */
export interface TrackedTable {
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
  /** Bumped on every change that makes a read on its way stale. */
  gen: number;
}
