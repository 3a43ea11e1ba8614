/**
 * Used ranges read in row blocks (OfficeWorkbook.readUsedRanges). Excel on the web caps a request and
 * its response at 5 MB, and a read of more than 5 million cells may return `values: null` (issue 13):
 * the cells are read in blocks of at most `cells` cells per sync; a payload-limit error halves the
 * limit (kept for later reads) and retries, a block read as null is split in two.
 */
import { boxToA1 } from "../core/grid/a1";
import type { RangeBox } from "../core/grid/a1";
import { WorkbookError, excelErrorCode } from "./errors";
import { probeRangeFills, type FillProbe } from "./fill-probe";

/** Excel on the web's 5 MB request/response limit, as its errors name it. */
const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/** Cells of one used-range read (`sheet` indexes the sheet list), and the fills probed with them. */
export interface Chunk {
  sheet: number;
  box: RangeBox;
  range?: Excel.Range;
  fills?: FillProbe | null;
}

/** A chunk as read: its values and number formats. */
export interface ChunkRead {
  chunk: Chunk;
  values: unknown[][];
  formats: unknown[][];
}

/** One sheet's used range (asked its size only: null on an empty sheet) and merged areas. */
export interface UsedSize {
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
}

/**
 * Queues every sheet's used-range size and, with ExcelApi 1.13, merged areas; read after the next
 * sync. No method is called on a null object: the used range is only asked its size (an empty sheet's
 * getUsedRangeOrNullObject is null), merged areas come from getUsedRange (A1 on an empty sheet).
 */
export function probeUsedSizes(sheets: Excel.Worksheet[], mergedAreas: boolean): UsedSize[] {
  return sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject();
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = mergedAreas ? sheet.getUsedRange().getMergedAreasOrNullObject() : null;
    merged?.load("address");
    return { used, merged };
  });
}

/**
 * The most cells, and columns, the pane reads of one sheet's used range. A used range is larger only
 * when something sits far from the tables (a value typed at XFD1048576 makes it 17 billion cells,
 * which Excel would be asked for block by block): the pane then reads the range's top-left part and
 * says so (controller/detect.ts, notice sheetClipped).
 */
export const MAX_READ_CELLS = 1_000_000;
export const MAX_READ_COLUMNS = 256;

/** The part of a used range the pane reads: all of it, or its top-left part when it is over the caps. */
export function readWindow(box: RangeBox): RangeBox {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  if (cols <= MAX_READ_COLUMNS && rows * cols <= MAX_READ_CELLS) return box;
  const c = Math.min(cols, MAX_READ_COLUMNS);
  const r = Math.min(rows, Math.floor(MAX_READ_CELLS / c));
  return { top: box.top, left: box.left, bottom: box.top + r - 1, right: box.left + c - 1 };
}

/** A probed (synced, not null) used range as a box. */
export function usedBox(sz: UsedSize): RangeBox {
  const u = sz.used;
  return { top: u.rowIndex, left: u.columnIndex, bottom: u.rowIndex + u.rowCount - 1, right: u.columnIndex + u.columnCount - 1 };
}

export class ChunkedReader {
  constructor(private cells: number) {}

  /** The row blocks of the probed (synced) used ranges, and how many cells they hold. */
  plan(sizes: readonly UsedSize[]): { chunks: Chunk[]; cells: number } {
    const chunks: Chunk[] = [];
    let cells = 0;
    sizes.forEach((sz, i) => {
      if (sz.used.isNullObject) return;
      const box = readWindow(usedBox(sz));
      cells += (box.bottom - box.top + 1) * (box.right - box.left + 1);
      chunks.push(...this.split({ sheet: i, box }));
    });
    return { chunks, cells };
  }

  /** Reads the chunks (fills too when `withFills`), at most `cells` cells per sync. */
  async read(context: Excel.RequestContext, sheets: Excel.Worksheet[], chunks: Chunk[], withFills: boolean): Promise<ChunkRead[]> {
    const done: ChunkRead[] = [];
    await this.readChunks(context, sheets, chunks, withFills, done);
    return done;
  }

  /** Row blocks of a used range, each at most `cells` cells (at least one row). */
  private split(c: Chunk): Chunk[] {
    const cols = c.box.right - c.box.left + 1;
    const rows = Math.max(1, Math.floor(this.cells / cols));
    const out: Chunk[] = [];
    for (let top = c.box.top; top <= c.box.bottom; top += rows) out.push({ sheet: c.sheet, box: { ...c.box, top, bottom: Math.min(c.box.bottom, top + rows - 1) } });
    return out;
  }

  /** Reads the chunks, at most `cells` cells per sync; smaller on a payload error, split when null. */
  private async readChunks(context: Excel.RequestContext, sheets: Excel.Worksheet[], todo: Chunk[], withFills: boolean, done: ChunkRead[]): Promise<void> {
    if (todo.length === 0) return;
    const batch: Chunk[] = [];
    let n = 0;
    for (const c of todo) {
      const size = (c.box.bottom - c.box.top + 1) * (c.box.right - c.box.left + 1);
      if (batch.length > 0 && n + size > this.cells) break;
      batch.push(c);
      n += size;
    }
    for (const c of batch) {
      c.range = sheets[c.sheet].getRange(boxToA1(c.box));
      c.range.load("values,numberFormat");
      c.fills = withFills ? probeRangeFills(c.range) : null;
    }
    let again: Chunk[] = [];
    try {
      await context.sync();
      for (const c of batch) {
        const r = c.range as Excel.Range;
        if (r.values === null || r.values === undefined || r.numberFormat === null || r.numberFormat === undefined) {
          // Too many cells for one read: split it.
          if (c.box.bottom === c.box.top) throw new WorkbookError("excel-error", "工作表的一行太大，无法读取。", "A row of the sheet is too large to read.");
          const mid = Math.floor((c.box.top + c.box.bottom) / 2);
          again.push({ sheet: c.sheet, box: { ...c.box, bottom: mid } }, { sheet: c.sheet, box: { ...c.box, top: mid + 1 } });
        } else done.push({ chunk: c, values: r.values, formats: r.numberFormat });
      }
    } catch (e) {
      if (!PAYLOAD_CODES.has(excelErrorCode(e) ?? "") || batch.every((c) => c.box.top === c.box.bottom)) throw e;
      this.cells = Math.max(1, Math.floor(this.cells / 2));
      again = batch.flatMap((c) => this.split({ sheet: c.sheet, box: c.box }));
    }
    await this.readChunks(context, sheets, [...again, ...todo.slice(batch.length)], withFills, done);
  }
}
