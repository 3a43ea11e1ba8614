/**
 * Reading and writing a cell's fill through Office.js. A read is queued in a batch (a FillProbe) and
 * read after the sync (fillSnapshot).
 *
 * What Excel reports (https://learn.microsoft.com/javascript/api/excel/excel.rangefill, issue 13):
 * No Fill reads color "#FFFFFF" like a white fill; its pattern is "None" but in reported cases the
 * pattern comes back null for real fills too, and tintAndShade is null only for No Fill. So with
 * ExcelApi 1.9 (`getCellProperties`) a cell is No Fill when its pattern is "None" or its tintAndShade
 * is null; a null pattern with a tint is a solid fill. Colour, pattern, pattern colour and both tints
 * are kept and written back exactly. Gradients cannot be written by the API ("LinearGradient and
 * RectangularGradient are not supported"), so a gradient cell is never painted over (isGradient).
 * Below 1.9 only `format.fill.color` exists: "#FFFFFF" is taken as No Fill (restoring No Fill as
 * white would hide the gridlines; an explicit white fill comes back as No Fill, which looks the same).
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

/** Does a cell with this fill show our mark colour (solid, untinted)? */
export function shows(fill: FillSnapshot, markColor: string): boolean {
  return !!fill && sameColor(fill.color, markColor) && fill.pattern === "Solid" && !fill.tintAndShade;
}

export function sameFill(a: FillSnapshot, b: FillSnapshot): boolean {
  if (!a || !b) return a === b;
  return (
    sameColor(a.color, b.color) &&
    a.pattern === b.pattern &&
    (a.patternColor ?? null)?.toUpperCase() === (b.patternColor ?? null)?.toUpperCase() &&
    (a.tintAndShade ?? 0) === (b.tintAndShade ?? 0) &&
    (a.patternTintAndShade ?? 0) === (b.patternTintAndShade ?? 0)
  );
}

/** A gradient fill: the API cannot write it back, so the cell is never painted over. */
export function isGradient(fill: FillSnapshot | undefined): boolean {
  return !!fill && /Gradient$/i.test(fill.pattern);
}

/** The fill snapshot in one cell of a getCellProperties result. */
function snapshotOfProps(props: Excel.CellProperties | undefined): FillSnapshot {
  const f = props?.format?.fill;
  if (!f) return null;
  // No Fill: pattern "None", or tintAndShade null (a real fill always has a number there).
  if (f.pattern === "None" || ("tintAndShade" in f && (f.tintAndShade === null || f.tintAndShade === undefined))) return null;
  if (!f.pattern && !("tintAndShade" in f)) return null;
  const out: NonNullable<FillSnapshot> = { color: String(f.color ?? "#FFFFFF").toUpperCase(), pattern: String(f.pattern ?? "Solid") };
  if (out.pattern !== "Solid" && f.patternColor) out.patternColor = String(f.patternColor).toUpperCase();
  if (f.tintAndShade) out.tintAndShade = f.tintAndShade;
  if (out.pattern !== "Solid" && f.patternTintAndShade) out.patternTintAndShade = f.patternTintAndShade;
  return out;
}

const FILL_PROPERTIES = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } } as const;

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

/**
 * Queues a fill write (null = No Fill). With ExcelApi 1.9 every part is written (pattern, pattern
 * colour, tints), so nothing of the previous fill survives; below, the colour only (solid).
 */
export function writeFill(r: Excel.Range, fill: FillSpec | FillSnapshot, cellProperties: boolean): void {
  if (!fill) {
    r.format.fill.clear();
    return;
  }
  if (!cellProperties) {
    r.format.fill.color = fill.color;
    return;
  }
  const f = fill as NonNullable<FillSnapshot>;
  const pattern = (f.pattern ?? "Solid") as Excel.FillPattern;
  const spec: Excel.CellPropertiesFill = { color: f.color, pattern, tintAndShade: f.tintAndShade ?? 0 };
  if (pattern !== "Solid") {
    if (f.patternColor) spec.patternColor = f.patternColor;
    spec.patternTintAndShade = f.patternTintAndShade ?? 0;
  }
  r.setCellProperties([[{ format: { fill: spec } }]]);
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
