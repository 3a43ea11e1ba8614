/**
 * Reading and writing a cell's fill through Office.js. A read is queued in a batch (a FillProbe) and
 * read after the sync (fillSnapshot): ExcelApi 1.9 `getCellProperties` gives colour AND pattern,
 * exactly; below, `format.fill.color`, where Excel reports No Fill as "#FFFFFF" (an explicit white
 * fill is then given back as No Fill — docs/highlighting.md).
 */
import { colToLetters, type RangeBox } from "../core/grid/a1";
import type { FillSnapshot } from "./mark-cache";
import type { FillSpec } from "./port";

/** A queued fill read: what the sync fills in, read by fillSnapshot(). */
export type FillProbe =
  | { kind: "cellProperties"; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }
  | {
      kind: "format";
      fill: Excel.RangeFill;
      /** `pattern` was loaded too (ExcelApi 1.9); below, No Fill reads as "#FFFFFF". */
      withPattern: boolean;
      /** Set when the range may be a null object (then the snapshot is null). */
      range?: Excel.Range;
    };

function sameColor(a: string | null | undefined, b: string): boolean {
  return !!a && a.toUpperCase() === b.toUpperCase();
}

/** Does a cell with this fill show our mark colour? */
export function shows(fill: FillSnapshot, markColor: string): boolean {
  return !!fill && sameColor(fill.color, markColor);
}

export function sameFill(a: FillSnapshot, b: FillSnapshot): boolean {
  if (!a || !b) return a === b;
  return sameColor(a.color, b.color) && a.pattern === b.pattern;
}

/** The fill snapshot in one cell of a getCellProperties result. */
function snapshotOfProps(props: Excel.CellProperties | undefined): FillSnapshot {
  const f = props?.format?.fill;
  if (!f || !f.pattern || f.pattern === "None") return null;
  return { color: String(f.color ?? "#FFFFFF").toUpperCase(), pattern: String(f.pattern) };
}

const FILL_PROPERTIES = { format: { fill: { color: true, pattern: true } } } as const;

/** Queues a read of the fills of a whole range (ExcelApi 1.9). */
export function probeRangeFills(r: Excel.Range): FillProbe {
  return { kind: "cellProperties", result: r.getCellProperties(FILL_PROPERTIES) };
}

/** Queues a read of a cell's fill; fillSnapshot() gives the snapshot after the sync. */
export function probeFill(r: Excel.Range, cellProperties: boolean): FillProbe {
  if (cellProperties) return probeRangeFills(r);
  const fill = r.format.fill;
  fill.load("color");
  return { kind: "format", fill, withPattern: false };
}

/** The snapshot of a probed fill; call only after the sync that followed probeFill(). */
export function fillSnapshot(p: FillProbe): FillSnapshot {
  if (p.kind === "cellProperties") return snapshotOfProps(p.result.value[0]?.[0]);
  if (p.range?.isNullObject) return null;
  const c = p.fill.color;
  const pattern = p.withPattern ? p.fill.pattern : "Solid";
  // Below 1.9 Excel reports No Fill as "#FFFFFF": an explicit white fill comes back as No Fill.
  if (!c || pattern === "None" || (!p.withPattern && c.toUpperCase() === "#FFFFFF")) return null;
  return { color: c.toUpperCase(), pattern: String(pattern) };
}

/** Queues a fill write (null = No Fill); a pattern other than Solid needs ExcelApi 1.9. */
export function writeFill(r: Excel.Range, fill: FillSpec | FillSnapshot, cellProperties: boolean): void {
  if (!fill) {
    r.format.fill.clear();
    return;
  }
  const pattern = fill.pattern ?? "Solid";
  if (pattern !== "Solid" && cellProperties) {
    r.setCellProperties([[{ format: { fill: { color: fill.color, pattern: pattern as Excel.FillPattern } } }]]);
  } else {
    r.format.fill.color = fill.color;
  }
}

/** Queues the fill of every cell of a block (or nothing when the block has more than maxCells cells). */
export function probeBlockFills(range: Excel.Range, box: RangeBox, cellProperties: boolean, maxCells: number): FillProbe[][] | FillProbe | null {
  const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
  if (cells > maxCells) return null;
  if (cellProperties) return probeRangeFills(range);
  const rows: FillProbe[][] = [];
  for (let r = 0; r <= box.bottom - box.top; r++) {
    const row: FillProbe[] = [];
    for (let c = 0; c <= box.right - box.left; c++) {
      const fill = range.getCell(r, c).format.fill;
      fill.load("color");
      row.push({ kind: "format", fill, withPattern: false });
    }
    rows.push(row);
  }
  return rows;
}

/** Every cell's fill of a probed block (after the sync), as `record(cell A1, fill)`. */
export function eachBlockFill(fills: FillProbe[][] | FillProbe, box: RangeBox, record: (cell: string, fill: FillSnapshot) => void): void {
  const cols: string[] = [];
  for (let c = box.left; c <= box.right; c++) cols.push(colToLetters(c));
  const props = !Array.isArray(fills) && fills.kind === "cellProperties" ? fills.result.value : null;
  for (let r = 0; r <= box.bottom - box.top; r++)
    for (let c = 0; c <= box.right - box.left; c++) {
      const fill = props ? snapshotOfProps(props[r]?.[c]) : fillSnapshot(Array.isArray(fills) ? fills[r][c] : fills);
      record(`${cols[c]}${box.top + r + 1}`, fill);
    }
}
