/**
 * What the adapter remembers between calls so that a highlight update costs what CHANGED, not what is
 * marked (docs/highlighting.md, "Cost"). Pure: no Office, no timers except the injected clock.
 *
 *  - `parseMarkNames`: our hidden mark names (`_JX_M_…`, comment = snapshot) from one load of the
 *    workbook's names, keyed by where each name points NOW.
 *  - `FillCache`: the last known fill of cells, seen by a read (readBlock and readUsedRanges capture
 *    every cell's fill in the same sync as its values) or written by the adapter itself. It is only a
 *    GUESS: setMarks checks every guess by a read queued before its write in the same batch, so a
 *    stale entry costs a correcting sync, never a wrong result. A read that was on its way while the
 *    adapter wrote a cell, or while rows moved, is not recorded for those cells ("flights").
 */
import type { Severity } from "../core/model/schema";
import { parseBox, type RangeBox } from "../core/grid/a1";
import { normCell, splitQualified } from "./address";

/**
 * A cell's own fill; null = No Fill (its own state, never "white"). Pattern colour and the tints are
 * kept so that a patterned or theme-tinted fill comes back exactly (ExcelApi 1.9; older notes lack them).
 */
export type FillSnapshot = {
  color: string;
  pattern: string;
  patternColor?: string | null;
  tintAndShade?: number;
  patternTintAndShade?: number;
} | null;

/** The snapshot saved in a mark name's comment. */
export interface MarkNote {
  v: 1;
  s: Severity;
  /** Colour we painted. */
  c: string;
  /** The cell's own fill before we painted it. */
  o: FillSnapshot;
}

export interface CachedMark {
  /** The hidden name's name. */
  name: string;
  sheet: string;
  /** Relative A1 of the single cell ("F11"). */
  cell: string;
  note: MarkNote;
}

export const MARK_NAME_PREFIX = "_JX_M_";

/** The key of a cell in both caches: lower-cased sheet name + "!" + upper-case A1. */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}!${normCell(cell)}`;
}

export function parseNote(comment: string): MarkNote | null {
  try {
    const n = JSON.parse(comment) as MarkNote;
    if (n && n.v === 1 && typeof n.c === "string" && (n.s === "error" || n.s === "warning" || n.s === "info")) return n;
  } catch {
    // not ours
  }
  return null;
}

/**
 * Our marks from the workbook's names (`name`, `formula`, `comment` loaded). Names whose cell or sheet
 * was deleted (`#REF!`), whose comment is not ours, or that point at a cell another mark already holds
 * are returned in `broken` (to be deleted).
 */
export function parseMarkNames(items: readonly { name: string; formula: string; comment: string }[]): { marks: Map<string, CachedMark>; broken: string[] } {
  const marks = new Map<string, CachedMark>();
  const broken: string[] = [];
  for (const n of items) {
    if (!n.name.startsWith(MARK_NAME_PREFIX)) continue;
    const note = parseNote(n.comment ?? "");
    const formula = String(n.formula ?? "");
    const q = formula.includes("#REF!") ? null : splitQualified(formula);
    const box = q?.sheet ? parseBox(q.address) : null;
    if (!note || !q?.sheet || !box) {
      broken.push(n.name);
      continue;
    }
    const cell = normCell(q.address.split(":")[0]);
    const key = cellKey(q.sheet, cell);
    if (marks.has(key)) {
      broken.push(n.name);
      continue;
    }
    marks.set(key, { name: n.name, sheet: q.sheet, cell, note });
  }
  return { marks, broken };
}

/** A read on its way to Excel: what happened meanwhile decides what of its result may be kept. */
export interface Flight {
  readonly sheet: string | null;
  readonly box: RangeBox | null;
  /** When the read was issued. */
  readonly at: number;
  /** Cells the adapter wrote while the read was on its way (their read fill may predate the write). */
  readonly written: Set<string>;
  /** The sheet's cells moved or changed while the read was on its way: keep none of its fills. */
  fillsStale: boolean;
  /** Mark names were added, changed or deleted meanwhile: its names list is out of date. */
  namesStale: boolean;
}

export class FillCache {
  private seen = new Map<string, { fill: FillSnapshot; at: number }>();
  private flights = new Set<Flight>();
  private clock = 0;

  /** At most this many cells are remembered (then everything is forgotten: guesses only). */
  constructor(readonly maxEntries = 200_000) {}

  /** A logical clock: orders reads and writes without depending on the wall clock's resolution. */
  private now(): number {
    return ++this.clock;
  }

  /** Call right before the sync of a read (no await in between). */
  begin(sheet: string | null = null, box: RangeBox | null = null): Flight {
    const f: Flight = { sheet, box, at: this.now(), written: new Set(), fillsStale: false, namesStale: false };
    this.flights.add(f);
    return f;
  }

  end(f: Flight): void {
    this.flights.delete(f);
  }

  /** Records a fill seen by a finished read, unless the adapter wrote the cell while the read was out. */
  record(f: Flight, key: string, fill: FillSnapshot): void {
    if (f.fillsStale || f.written.has(key)) return;
    const cur = this.seen.get(key);
    if (cur && cur.at > f.at) return; // something newer is known
    this.put(key, fill, f.at);
  }

  /** The last known fill of a cell; undefined when unknown. */
  get(key: string): FillSnapshot | undefined {
    return this.seen.get(key)?.fill;
  }

  private put(key: string, fill: FillSnapshot, at: number): void {
    if (this.seen.size >= this.maxEntries && !this.seen.has(key)) this.seen.clear();
    this.seen.set(key, { fill, at });
  }

  /** Call right before the sync that writes these cells' fills (and/or mark names). */
  writing(keys: Iterable<string>, names: boolean): void {
    const list = [...keys];
    for (const f of this.flights) {
      for (const k of list) f.written.add(k);
      if (names) f.namesStale = true;
    }
  }

  /** After a successful write: what the cell shows now. */
  wrote(key: string, fill: FillSnapshot): void {
    this.put(key, fill, this.now());
  }

  forget(keys: Iterable<string>): void {
    for (const k of keys) this.seen.delete(k);
  }

  /** Cells of `box` on `sheet` changed (a change event): forget them, and reads on their way there. */
  forgetBox(sheet: string, box: RangeBox): void {
    const s = sheet.toLowerCase();
    for (const k of [...this.seen.keys()]) {
      const i = k.lastIndexOf("!");
      if (k.slice(0, i) !== s) continue;
      const b = parseBox(k.slice(i + 1));
      if (b && b.top >= box.top && b.top <= box.bottom && b.left >= box.left && b.left <= box.right) this.seen.delete(k);
    }
    for (const f of this.flights) {
      if (f.sheet === null || f.box === null) continue;
      if (f.sheet.toLowerCase() !== s) continue;
      if (f.box.right < box.left || f.box.left > box.right || f.box.bottom < box.top || f.box.top > box.bottom) continue;
      f.fillsStale = true;
    }
  }

  /** Rows or columns moved somewhere: nothing seen so far (or on its way) is where it was. */
  clear(): void {
    this.seen.clear();
    for (const f of this.flights) {
      f.fillsStale = true;
      f.namesStale = true;
    }
  }

  get size(): number {
    return this.seen.size;
  }
}
