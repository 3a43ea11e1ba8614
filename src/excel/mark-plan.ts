/**
 * The first step of a highlight update, pure: from the marks wanted, the marks the workbook holds and
 * a GUESS of what each cell shows (mark-cache.ts FillCache), decide what to write — marks to remove
 * (giving the cell back its own fill when it still shows our colour), cells of inserted rows that
 * inherited a mark's colour, marks whose severity or snapshot changes, marks to add. The writer
 * (mark-writer.ts) queues the plan and checks every guess against the fill read in the same batch.
 */

import { boxToA1, parseBox, type RangeBox } from "../core/grid/a1";
import { MARK_COLORS } from "../core/model/severity";
export { MARK_COLORS };
import { isGradient, sameFill, shows } from "./fill-probe";
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

/** A block the user pasted, filled or sorted into (its cells may show a copy of a mark's colour). */
export interface CopiedBox {
  sheet: string;
  box: RangeBox;
}

/** One decision of the plan, each resting on a guess of what the cell shows. */
export type PlannedStep =
  /** A mark that goes; `restore`: the cell shows our colour, so its own fill is written back. */
  | { kind: "remove"; key: string; cur: CachedMark; restore: boolean }
  /**
   * A cell showing a copy of a mark's colour without being marked — an inserted row under a mark, or
   * a paste / fill-down / sort that carried the colour; `write`: it shows the mark's colour, so gets
   * the mark's original fill.
   */
  | { kind: "inherit"; key: string; sheet: string; cell: string; above: CachedMark; write: boolean }
  /**
   * A mark whose severity changes, whose cell the user re-coloured (`o`: the new snapshot), or whose
   * colour disappeared because the user's Ctrl+Z undid our write (the cell shows its own fill again:
   * repainted, no event tells the add-in). `rename`: the saved note changes (a new hidden name).
   */
  | { kind: "update"; key: string; cur: CachedMark; m: Mark; o: FillSnapshot; rename: boolean }
  /** A new mark (`o`: the cell's own fill to keep). */
  | { kind: "add"; key: string; m: Mark; o: FillSnapshot };

export interface MarkPlan {
  steps: PlannedStep[];
  /** Cells not marked because their fill is a gradient (the API cannot write it back). */
  skipped: number;
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

/**
 * Cells of pasted / filled / sorted blocks that show a mark's colour but hold no mark: copies of a
 * mark. Recognised by the add-in's own record, not by colour alone: the cell lies in a block the user
 * changed since, its fill is known (read), and one of OUR marks carries that colour — the one in the
 * same column nearest to it, else the nearest — whose original fill is the copy's own.
 */
export function copiedCells(
  marks: ReadonlyMap<string, CachedMark>,
  boxes: readonly CopiedBox[],
  guess: (key: string) => FillSnapshot | undefined,
): { key: string; sheet: string; cell: string; above: CachedMark }[] {
  const out: { key: string; sheet: string; cell: string; above: CachedMark }[] = [];
  if (boxes.length === 0 || marks.size === 0) return out;
  const list = [...marks.values()];
  for (const { sheet, box } of boxes) {
    if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > 20_000) continue;
    const own = list.filter((m) => m.sheet.toLowerCase() === sheet.toLowerCase());
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const cell = boxToA1({ top: r, left: c, bottom: r, right: c });
        const key = cellKey(sheet, cell);
        if (marks.has(key)) continue;
        const g = guess(key);
        if (!g) continue;
        let best: CachedMark | null = null;
        let bestScore = Infinity;
        for (const m of own) {
          if (!shows(g, m.note.c)) continue;
          const b = parseBox(m.cell);
          if (!b) continue;
          const score = (b.left === c ? 0 : 1_000_000) + Math.abs(b.top - r) + Math.abs(b.left - c);
          if (score < bestScore) {
            best = m;
            bestScore = score;
          }
        }
        if (best) out.push({ key, sheet, cell, above: best });
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
  copied: readonly CopiedBox[] = [],
): MarkPlan {
  const inheritedAbove = new Map<string, CachedMark>();
  for (const c of [...inheritedCells(current, inserted), ...copiedCells(current, copied, guess)]) if (!inheritedAbove.has(c.key)) inheritedAbove.set(c.key, c.above);
  const steps: PlannedStep[] = [];
  let skipped = 0;
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
      // Unchanged, unless a read showed the user re-coloured it (hers is the new snapshot), or that
      // our colour is gone and the cell shows its own fill again (an undo: repaint).
      const gone = g !== undefined && !shows(g, cur.note.c);
      const undone = gone && sameFill(g ?? null, cur.note.o);
      const userChanged = gone && !undone;
      if (!gone && cur.note.s === m.severity) continue;
      if (isProtected(m.sheet)) {
        protectedHit.add(m.sheet);
        continue;
      }
      if (userChanged && isGradient(g)) {
        // Re-coloured with a gradient: ours no more, and never painted over.
        steps.push({ kind: "remove", key, cur, restore: false });
        skipped++;
        continue;
      }
      const o = userChanged ? (g as FillSnapshot) : cur.note.o;
      steps.push({ kind: "update", key, cur, m, o, rename: userChanged || cur.note.s !== m.severity });
      continue;
    }
    if (isProtected(m.sheet)) {
      protectedHit.add(m.sheet);
      continue;
    }
    if (isGradient(g)) {
      skipped++;
      continue;
    }
    steps.push({ kind: "add", key, m, o: originalFill(inheritedAbove, key, g ?? null) });
  }
  return { steps, skipped, protectedHit: [...protectedHit], inheritedAbove };
}
