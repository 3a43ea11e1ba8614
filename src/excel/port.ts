/**
 * WorkbookPort: the narrow seam between the task pane and a workbook. Pure types — no Office import —
 * so the pane, the engine and tests depend on this file only. `OfficeWorkbook` (office-workbook.ts)
 * implements it with Excel.run; the very same class runs against the in-memory Excel in jest and
 * in the browser workbench.
 *
 * Addresses: `sheet` is the worksheet name; `cell` is a relative A1 address ("F11"); a block
 * `address` is an A1 range without a sheet part ("A3:G40"). Rows in edits are 1-based row numbers,
 * as the user sees them.
 */
import type { CellGrid } from "../core/grid/cellgrid";
import type { CellEdit, Severity } from "../core/model/schema";

export interface SheetInfo {
  name: string;
  /** Excel's worksheet id (stable within a session). */
  id: string;
  position: number;
  protected: boolean;
  /** Protected with "format cells" allowed (marks may still be painted). */
  allowFormatCells?: boolean;
}

/** Feature flags from `Office.context.requirements.isSetSupported("ExcelApi", "1.x")`. */
export interface Capabilities {
  /** Highest ExcelApi 1.x minor version supported (7 = the manifest floor). */
  apiVersion: number;
  /** 1.9: one `worksheets.onChanged` for all sheets (else one handler per sheet + onAdded). */
  collectionEvents: boolean;
  /** 1.9: `details` on single-cell changes; `getCellProperties` (exact fill snapshot incl. pattern). */
  cellProperties: boolean;
  /** 1.13: `getMergedAreasOrNullObject` (else merged areas are not reported). */
  mergedAreas: boolean;
  /** 1.14: `triggerSource` tells the add-in's own writes apart (else a guard window is used). */
  triggerSource: boolean;
}

/** Write a value. A string is stored as text exactly (never re-parsed as a number or date). */
export type ValueEdit = CellEdit & {
  kind?: "value";
  /** When set, the cell gets this formula ("=SUM(C5:C7)"); `value` is then informational. */
  formula?: string;
};

export interface NumberFormatEdit {
  kind: "numberFormat";
  sheet: string;
  cell: string;
  numberFormat: string;
}

export interface FillSpec {
  /** "#RRGGBB" */
  color: string;
  /** Excel.FillPattern; "Solid" when omitted. */
  pattern?: string;
  /** The pattern's colour (patterns other than Solid; ExcelApi 1.9). */
  patternColor?: string | null;
  /** A theme colour's tint (−1 … 1; ExcelApi 1.9). 0 when omitted. */
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface FillEdit {
  kind: "fill";
  sheet: string;
  cell: string;
  /** null = No Fill. */
  fill: FillSpec | null;
}

/** Insert `count` whole rows before 1-based row `row` (cells, merges and names below move down). */
export interface InsertRowsEdit {
  kind: "insertRows";
  sheet: string;
  row: number;
  count: number;
}

/** Delete `count` whole rows starting at 1-based row `row`. */
export interface DeleteRowsEdit {
  kind: "deleteRows";
  sheet: string;
  row: number;
  count: number;
}

/** Merge a block ("A2:A5"); the inverse unmerges it and gives back any value the merge dropped. */
export interface MergeEdit {
  kind: "merge";
  sheet: string;
  cell: string;
}

/** Unmerge every merged area in a block; the inverse merges the block again. */
export interface UnmergeEdit {
  kind: "unmerge";
  sheet: string;
  cell: string;
}

/** Bold on or off for a cell. */
export interface BoldEdit {
  kind: "bold";
  sheet: string;
  cell: string;
  bold: boolean;
}

/** Add a worksheet named `sheet` after the others; the inverse deletes it. */
export interface AddSheetEdit {
  kind: "addSheet";
  sheet: string;
}

/**
 * Delete a worksheet. The inverse adds it back (after the others) with its values/formulas, number
 * formats and (ExcelApi 1.13) merged areas — not its fills, fonts or position.
 */
export interface DeleteSheetEdit {
  kind: "deleteSheet";
  sheet: string;
}

export type SheetEdit = AddSheetEdit | DeleteSheetEdit;

export type Edit = ValueEdit | NumberFormatEdit | FillEdit | InsertRowsEdit | DeleteRowsEdit | MergeEdit | UnmergeEdit | BoldEdit | SheetEdit;

export interface Mark {
  sheet: string;
  cell: string;
  severity: Severity;
}

export interface MarkResult {
  /** Cells newly marked or re-coloured in this call. */
  marked: number;
  /** Cells given back their own format. */
  restored: number;
  /** Marks dropped without touching the cell because the user had changed its fill meanwhile. */
  released: number;
  /** Marks that could not be written or removed because their sheet is protected. */
  protectedSheets: string[];
  /** Cells left unmarked because their fill (a gradient) could not be given back afterwards. */
  skipped?: number;
}

/** What the pane saves for one mapped table; `data` is the pane's own JSON (column roles …). */
export interface MappingRecord<D = unknown> {
  id: string;
  sheet: string;
  /** The table's block, "A3:G40". */
  address: string;
  data: D;
}

export type BrokenReason = "sheet-deleted" | "range-deleted" | "name-missing";

export type LoadedMapping<D = unknown> =
  | ({ status: "ok" } & MappingRecord<D>)
  | {
      status: "broken";
      id: string;
      /** Where the table was when the mapping was saved. */
      sheet: string;
      address: string;
      data: D;
      reason: BrokenReason;
      message: { zh: string; en: string };
    };

export interface DirtyRange {
  sheet: string;
  /** Relative A1 address as Excel reported it ("F11", "B3:D9", "12:13"). */
  address: string;
  changeType: string;
}

export interface ChangeSubscription {
  dispose(): Promise<void>;
}

export interface WorkbookPort {
  readonly capabilities: Capabilities;
  listSheets(): Promise<SheetInfo[]>;
  /** Every sheet's used range with values, number formats and merged areas (for detection). */
  readUsedRanges(): Promise<CellGrid[]>;
  /** One block: values, number formats, merged areas (and, for setMarks, the cells' fills) — one Excel.run, one sync. */
  readBlock(sheet: string, address: string): Promise<CellGrid>;
  /** Applies every edit in one Excel.run with one sync; resolves to the inverse edits (for undo). */
  applyEdits(edits: readonly Edit[]): Promise<Edit[]>;
  select(sheet: string, cell: string): Promise<void>;
  getSelection(): Promise<{ sheet: string; address: string }>;
  /**
   * Makes exactly these cells marked (diffed against what is marked now; only changed cells are
   * written). One sync when the cells' fills were captured by a recent readBlock, 0 when nothing changes.
   */
  setMarks(marks: readonly Mark[]): Promise<MarkResult>;
  /** Removes every mark the add-in ever made in this workbook, restoring each cell's own fill. */
  clearMarks(): Promise<MarkResult>;
  saveMappings(mappings: readonly MappingRecord[]): Promise<void>;
  loadMappings(): Promise<LoadedMapping[]>;
  /** One change subscription; the add-in's own writes are not reported. */
  subscribe(onDirty: (ranges: DirtyRange[]) => void): Promise<ChangeSubscription>;
}
