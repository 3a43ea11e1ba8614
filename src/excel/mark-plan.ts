/**
 * The first step of a highlight update, pure: from the marks wanted, the marks the workbook holds and
 * a GUESS of what each cell shows (mark-cache.ts FillCache), decide what to write — marks to remove
 * (giving the cell back its own fill when it still shows our colour), cells of inserted rows that
 * inherited a mark's colour, marks whose severity or snapshot changes, marks to add. The writer
 * (mark-writer.ts) queues the plan and checks every guess against the fill read in the same batch.
 */

import { boxToA1, parseBox } from "../core/grid/a1";
import { MARK_COLORS } from "../core/model/severity";
export { MARK_COLORS };
import { shows } from "./fill-probe";
import { cellKey, type CachedMark, type FillSnapshot, type MarkNote } from "./mark-cache";
import type { Severity } from "../core/model/schema";
import type { Mark } from "./port";


export function markNote(s: Severity, o: FillSnapshot): MarkNote {
  return { v: 1, s, c: MARK_COLORS[s], o };
}

/** Rows inserted in a sheet (0-based top row and count). */
export interface InsertedRows {
  sheet: string;
  top: number;
  count: number;
}

/** One decision of the plan, each resting on a guess of what the cell shows. */
export type PlannedStep =
  /** A mark that goes; `restore`: the cell shows our colour, so its own fill is written back. */
  | { kind: "remove"; key: string; cur: CachedMark; restore: boolean }
  /** A cell of an inserted row under a mark; `write`: it shows the mark's colour, so gets the mark's original fill. */
  | { kind: "inherit"; key: string; sheet: string; cell: string; above: CachedMark; write: boolean }
  /** A mark whose severity changes, or whose cell the user re-coloured (`o`: the new snapshot). */
  | { kind: "update"; key: string; cur: CachedMark; m: Mark; o: FillSnapshot }
  /** A new mark (`o`: the cell's own fill to keep). */
  | { kind: "add"; key: string; m: Mark; o: FillSnapshot };

export interface MarkPlan {
  steps: PlannedStep[];
  /** Protected sheets whose marks would have changed (left alone). */
  protectedHit: string[];
  /** Cells of inserted rows → the mark right above them (see originalFill). */
  inheritedAbove: Map<string, CachedMark>;
}

/**
 * Cells of inserted rows right under a mark (Excel copied that marked cell's format into them), with
 * the mark above: their fill is compared with the mark's colour.
 */
export function inheritedCells(marks: ReadonlyMap<string, CachedMark>, inserted: readonly InsertedRows[]): { key: string; sheet: string; cell: string; above: CachedMark }[] {
  const out: { key: string; sheet: string; cell: string; above: CachedMark }[] = [];
  if (inserted.length === 0) return out;
  for (const ins of inserted) {
    const sheet = ins.sheet.toLowerCase();
    for (const m of marks.values()) {
      if (m.sheet.toLowerCase() !== sheet) continue;
      const b = parseBox(m.cell);
      if (!b || b.top !== ins.top - 1) continue;
      for (let row = ins.top; row < ins.top + ins.count; row++) {
        const cell = boxToA1({ top: row, left: b.left, bottom: row, right: b.left });
        out.push({ key: cellKey(ins.sheet, cell), sheet: ins.sheet, cell, above: m });
      }
    }
  }
  return out;
}

/** The original fill to keep for a cell about to be marked that shows `now` (an inherited mark colour is not hers). */
export function originalFill(inheritedAbove: Map<string, CachedMark>, key: string, now: FillSnapshot): FillSnapshot {
  const above = inheritedAbove.get(key);
  return above && shows(now, above.note.c) ? above.note.o : now;
}

/**
 * What to write to go from the marks held (`current`) to the marks wanted (`want`, by cellKey), in the
 * order the writes are queued: removals, inherited cells, then updates and additions.
 */
export function planMarks(
  want: ReadonlyMap<string, Mark>,
  current: ReadonlyMap<string, CachedMark>,
  inserted: readonly InsertedRows[],
  guess: (key: string) => FillSnapshot | undefined,
  isProtected: (sheet: string) => boolean,
): MarkPlan {
  const inheritedAbove = new Map<string, CachedMark>();
  for (const c of inheritedCells(current, inserted)) if (!inheritedAbove.has(c.key)) inheritedAbove.set(c.key, c.above);
  const steps: PlannedStep[] = [];
  const protectedHit = new Set<string>();
  for (const [key, cur] of current) {
    if (want.has(key)) continue;
    if (isProtected(cur.sheet)) {
      protectedHit.add(cur.sheet);
      continue;
    }
    steps.push({ kind: "remove", key, cur, restore: shows(guess(key) ?? { color: cur.note.c, pattern: "Solid" }, cur.note.c) });
  }
  for (const [key, above] of inheritedAbove) {
    if (want.has(key) || current.has(key) || isProtected(above.sheet)) continue;
    const cell = key.slice(key.lastIndexOf("!") + 1);
    steps.push({ kind: "inherit", key, sheet: above.sheet, cell, above, write: shows(guess(key) ?? { color: above.note.c, pattern: "Solid" }, above.note.c) });
  }
  for (const [key, m] of want) {
    const cur = current.get(key);
    const g = guess(key);
    if (cur) {
      // Unchanged, unless a read showed the user re-coloured it: then hers is the new snapshot.
      const userChanged = g !== undefined && !shows(g, cur.note.c);
      if (!userChanged && cur.note.s === m.severity) continue;
      if (isProtected(m.sheet)) {
        protectedHit.add(m.sheet);
        continue;
      }
      steps.push({ kind: "update", key, cur, m, o: userChanged ? (g as FillSnapshot) : cur.note.o });
      continue;
    }
    if (isProtected(m.sheet)) {
      protectedHit.add(m.sheet);
      continue;
    }
    steps.push({ kind: "add", key, m, o: originalFill(inheritedAbove, key, g ?? null) });
  }
  return { steps, protectedHit: [...protectedHit], inheritedAbove };
}
