/**
 * Fixes and undo: a fix previewed (the cells it would change, before and after), applied as ONE
 * applyEdits with its inverse kept for undo; every write of the add-in (fixes, plans, library rows)
 * goes through `write`, and the tables it touched are re-validated at once.
 */
import { parseA1, intersects, parseBox } from "../../core/grid/a1";
import type { Issue } from "../../core/model/schema";
import { ruleText } from "../../core/messages";

import type { Edit } from "../../excel/port";

import { detect } from "./detect";
import { revalidateNow } from "./live";
import { shiftForRowEdits } from "./rows";
import { isProtectedError, sameSheet, type PaneStore } from "./store";
import type { FixChange, FixPreview, PaneState, TrackedTable } from "./types";

const MAX_UNDO = 20;

/** The cells a fix would change (one issue, its group's issues, or every fixable issue of its rule in the workbook). */
export function previewFix(store: PaneStore, issue: Issue, scope: "one" | "rule" | "group"): FixPreview | null {
  const chosen =
    scope === "one"
      ? issue.fix ? [issue] : []
      : store.state.issues.filter(
          (i) => i.rule === issue.rule && i.fix && (scope === "rule" || (issue.group !== undefined && i.group === issue.group && i.table === issue.table)),
        );
  if (chosen.length === 0) return null;
  const seen = new Set<string>();
  const changes: FixChange[] = [];
  const edits: Edit[] = [];
  for (const is of chosen) {
    for (const ed of is.fix!.edits) {
      const k = `${ed.sheet.toLowerCase()}!${ed.cell}`;
      if (seen.has(k)) continue;
      seen.add(k);
      edits.push({ sheet: ed.sheet, cell: ed.cell, value: ed.value });
      changes.push({ sheet: ed.sheet, cell: ed.cell, before: cellText(store, ed.sheet, ed.cell), after: ed.value === null ? "" : String(ed.value) });
    }
  }
  const title = ruleText("zh-CN", issue.rule).title;
  return {
    rule: issue.rule,
    scope,
    issues: chosen.length,
    changes,
    edits,
    label: scope === "one" ? { key: "fixOne", data: { cell: issue.cell ?? "" } } : { key: "fixRule", data: { rule: issue.rule, title, n: chosen.length } },
  };
}

/** A cell's text in the tables' cached grids ("" when no table holds it). */
function cellText(store: PaneStore, sheet: string, cell: string): string {
  const p = parseA1(cell);
  if (!p) return "";
  for (const t of store.tracked) {
    if (!sameSheet(t.sheet, sheet) || !t.grid) continue;
    const g = t.grid;
    if (p.row >= g.firstRow && p.row <= g.lastRow && p.col >= g.firstCol && p.col <= g.lastCol) return g.text(p.row, p.col);
  }
  return "";
}

/** Applies a previewed fix as ONE applyEdits; keeps the inverse for undo. False when refused. */
export async function applyFix(store: PaneStore, preview: FixPreview): Promise<boolean> {
  // The preview must still describe the sheet (the user may have typed since).
  if (preview.changes.some((c) => cellText(store, c.sheet, c.cell) !== c.before)) {
    store.notify({ level: "warning", key: "fixStale" });
    return false;
  }
  return write(store, preview.edits, preview.label.key, preview.label.data);
}

/** Undoes the add-in's last change by applying its inverse edits. */
export async function undo(store: PaneStore): Promise<boolean> {
  const last = store.undoStack[store.undoStack.length - 1];
  if (!last) return false;
  store.set({ busy: true });
  try {
    await store.port.applyEdits(last.inverse);
    store.undoStack.pop();
    store.endFreshRows();
    store.notify({ level: "info", key: "undone", data: { n: last.cells } });
    await afterWrite(store, last.inverse, { undo: undoView(store) }, last.redetect);
    return true;
  } catch (e) {
    store.fail(e);
    store.set({ busy: false });
    return false;
  }
}

function undoView(store: PaneStore): PaneState["undo"] {
  const top = store.undoStack[store.undoStack.length - 1];
  return top ? { key: top.key, data: top.data, cells: top.cells } : null;
}

/**
 * Applies edits as ONE applyEdits, pushes the inverse onto the undo stack (labelled `key`/`data`),
 * tells the user (`notice`, or "fix applied") and re-validates the touched tables — or, with `redetect`
 * (a new table written), detects the tables again, after the write and after its undo. False when it failed.
 */
export async function write(
  store: PaneStore,
  edits: Edit[],
  key: string,
  data: Record<string, string | number>,
  notice: { key: string; data: Record<string, string | number> } | null = null,
  redetect = false,
): Promise<boolean> {
  store.set({ busy: true });
  try {
    const inverse = await store.port.applyEdits(edits);
    const cells = new Set(edits.map((e) => `${e.sheet}!${"cell" in e ? e.cell : ""}`)).size;
    store.undoStack.push({ inverse, key, data, cells, ...(redetect ? { redetect } : {}) });
    if (store.undoStack.length > MAX_UNDO) store.undoStack.shift();
    store.notify(notice ? { level: "info", ...notice } : { level: "info", key: "fixApplied", data: { n: cells } });
    await afterWrite(store, edits, { undo: undoView(store) }, redetect);
    return true;
  } catch (e) {
    if (isProtectedError(e)) store.addProtected(e.sheets);
    store.fail(e);
    store.set({ busy: false });
    return false;
  }
}

/**
 * Our own writes raise no change event (the port drops them): re-validate the touched tables now, or
 * detect them all again when a sheet was added or deleted (or the write asked for it).
 */
async function afterWrite(store: PaneStore, edits: readonly Edit[], extra: Partial<PaneState>, redetect = false): Promise<void> {
  if (redetect || edits.some((e) => e.kind === "addSheet" || e.kind === "deleteSheet")) {
    store.set({ ...extra, busy: false });
    await detect(store);
    return;
  }
  shiftForRowEdits(store, edits);
  const touched = new Set<TrackedTable>();
  for (const ed of edits) {
    const box = "cell" in ed ? parseBox(ed.cell) : "row" in ed ? { top: ed.row - 1, left: 0, bottom: 1048575, right: 16383 } : null;
    if (!box) continue;
    for (const t of store.tracked) if (sameSheet(t.sheet, ed.sheet) && intersects(t.block, box)) touched.add(t);
  }
  store.set({ ...extra, busy: false });
  if (touched.size) await revalidateNow(store, [...touched]);
}
