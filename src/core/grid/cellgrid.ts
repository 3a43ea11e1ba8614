import { RangeBox, boxContains, toA1 } from "./a1";
import type { CellGridData } from "./cellgrid-schema";

/** What one cell holds, as Office.js `range.values` returns it (dates as serial numbers, errors as "#REF!" text). */
export type CellValue = string | number | boolean | null;

export type { CellGridData } from "./cellgrid-schema";

/**
 * A rectangular block of one worksheet: values, number formats and merged areas, addressed by
 * absolute 0-based sheet coordinates. A merged block's value belongs to its top-left cell; the other
 * cells of the block read empty, as Office.js returns them. Sources (ExcelJS, Office.js, the
 * in-memory workbook) build the data; everything in src/core reads only this.
 */
export class CellGrid {
  readonly sheet: string;
  readonly originRow: number;
  readonly originCol: number;
  readonly rowCount: number;
  readonly colCount: number;
  readonly merges: readonly RangeBox[];
  /** The sheet's whole used range when this grid holds only its top-left part (see CellGridData). */
  readonly clippedFrom?: RangeBox;
  private readonly values: CellValue[][];
  private readonly formats: (string | null)[][] | undefined;
  /**
   * Merge lookup, built on first use: for cells inside the block, `mergeCell[i]` is 1 + the index in
   * `merges` of the area covering cell i (row-major), 0 for none; areas reaching outside the block
   * are also kept in `mergeOutside` by absolute key. A later area wins where two overlap.
   */
  private mergeCell: Int32Array | null = null;
  private mergeOutside: Map<number, RangeBox> | null = null;

  constructor(data: CellGridData) {
    this.sheet = data.sheet;
    this.originRow = data.originRow;
    this.originCol = data.originCol;
    this.values = data.values;
    this.formats = data.formats;
    this.rowCount = data.values.length;
    this.colCount = data.values.reduce((m, r) => Math.max(m, r.length), 0);
    this.merges = data.merges ?? [];
    if (data.clippedFrom) this.clippedFrom = data.clippedFrom;
  }

  get firstRow(): number {
    return this.originRow;
  }
  get lastRow(): number {
    return this.originRow + this.rowCount - 1;
  }
  get firstCol(): number {
    return this.originCol;
  }
  get lastCol(): number {
    return this.originCol + this.colCount - 1;
  }

  /** Raw value at absolute (row, col); null outside the block. Non-anchor cells of a merge read null. */
  value(row: number, col: number): CellValue {
    const r = this.values[row - this.originRow];
    if (!r) return null;
    const v = r[col - this.originCol];
    if (v === undefined || v === null) return null;
    if (this.merges.length === 0) return v;
    const m = this.mergeAt(row, col);
    if (m && (m.top !== row || m.left !== col)) return null;
    return v;
  }

  format(row: number, col: number): string | null {
    const r = this.formats?.[row - this.originRow];
    return r?.[col - this.originCol] ?? null;
  }

  /** The value as display text, trimmed: numbers rendered through a percent format become "50%". */
  text(row: number, col: number): string {
    const v = this.value(row, col);
    if (v === null) return "";
    if (typeof v === "string") return v.trim();
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return formatNumber(v, this.format(row, col));
  }

  isEmpty(row: number, col: number): boolean {
    return this.text(row, col) === "";
  }

  /** The merged area that contains (row, col), if any. */
  mergeAt(row: number, col: number): RangeBox | null {
    if (this.merges.length === 0) return null;
    const index = this.mergeCell ?? this.buildMergeIndex();
    const r = row - this.originRow;
    const c = col - this.originCol;
    if (r >= 0 && r < this.rowCount && c >= 0 && c < this.colCount) {
      const k = index[r * this.colCount + c];
      return k === 0 ? null : this.merges[k - 1];
    }
    return this.mergeOutside?.get(row * 16384 + col) ?? null;
  }

  private buildMergeIndex(): Int32Array {
    const { rowCount, colCount, originRow, originCol } = this;
    const index = new Int32Array(rowCount * colCount);
    this.merges.forEach((m, i) => {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          const rr = r - originRow;
          const cc = c - originCol;
          if (rr >= 0 && rr < rowCount && cc >= 0 && cc < colCount) index[rr * colCount + cc] = i + 1;
          else (this.mergeOutside ??= new Map()).set(r * 16384 + c, m);
        }
      }
    });
    this.mergeCell = index;
    return index;
  }

  /** True when (row, col) is a merged cell other than the anchor of its block. */
  isMergedTail(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }

  /** Last column covered by the cell at (row, col): its merge's right edge, or col itself. */
  spanRight(row: number, col: number): number {
    const m = this.mergeAt(row, col);
    return m && boxContains(m, row, col) ? m.right : col;
  }

  address(row: number, col: number): string {
    return toA1(row, col);
  }

  /** The raw data, e.g. to send across a worker boundary or to snapshot in tests. */
  toData(): CellGridData {
    return {
      sheet: this.sheet,
      originRow: this.originRow,
      originCol: this.originCol,
      values: this.values,
      formats: this.formats,
      merges: [...this.merges],
      ...(this.clippedFrom ? { clippedFrom: this.clippedFrom } : {}),
    };
  }
}

/**
 * True for a date format ("yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "m/d/yyyy", "[$-804]yyyy年m月"): a y or d
 * token outside quotes and brackets. Time-only formats (h:mm) and number formats are not dates.
 */
export function isDateFormat(fmt: string | null): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[yd]/i.test(bare) && !/[0#?]/.test(bare);
}

/** An Excel serial date (1900 system) as "2024年12月31日", or "2024年12月" when the format shows no day. */
export function formatSerialDate(serial: number, fmt: string): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  return /d/i.test(bare) ? `${y}年${m}月${d.getUTCDate()}日` : `${y}年${m}月`;
}

/** Renders a number as Excel would show it for the few formats that matter to us. */
export function formatNumber(v: number, fmt: string | null): string {
  if (!Number.isFinite(v)) return String(v);
  const f = (fmt ?? "").trim();
  if (isDateFormat(f)) {
    const date = formatSerialDate(v, f);
    if (date !== null) return date;
  }
  if (f.includes("%")) {
    const decimals = /\.(0+)%/.exec(f)?.[1].length ?? 0;
    return trimZeros((v * 100).toFixed(decimals)) + "%";
  }
  // Plain numbers: no thousands separators, no trailing float noise.
  return String(Math.round(v * 1e9) / 1e9);
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}
