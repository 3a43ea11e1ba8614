/**
 * The indicator library (指标库) actions of the pane: the library (built-in + the workbook's custom
 * entries), rows inserted from it, an indicator row replaced with a standard wording, and the custom
 * library imported, cleared, saved with the workbook and exported. The library's code is imported
 * lazily, so that none of it is in the pane's initial bundle.
 */
import { boxToA1, parseBox } from "../../core/grid/a1";
import type { InsertedRow, InsertPlan, InsertValueMode } from "../../core/library/insert";
import type { LibraryField } from "../../core/library/import";
import type { LibraryEntry } from "../../core/library/schema";

import type { Edit, MappingRecord } from "../../excel/port";
import { write } from "./fixes";
import { freshModel } from "./recompute";
import { okRecords } from "./records";
import { growMapping } from "./rows";
import { customLibraryChanged } from "./rule-library";
import { sameSheet, type PaneStore } from "./store";
import { LIBRARY_RECORD_ID, type LibraryImportOutcome, type LibraryRecordData, type LibraryWriteOutcome } from "./types";

type Refusal = Extract<LibraryWriteOutcome, { status: "refused" }>["reason"];
type ColumnMapping = Partial<Record<LibraryField, number | string>>;

const FAILED: LibraryWriteOutcome = { status: "refused", reason: "failed", detail: {} };

/** The built-in library merged with the workbook's custom entries (loads the library lazily). */
export async function libraryEntries(store: PaneStore): Promise<LibraryEntry[]> {
  const [{ BUILTIN_ENTRIES }, { mergeLibraries }] = await Promise.all([import("../../core/library/builtin"), import("../../core/library/import")]);
  return mergeLibraries(BUILTIN_ENTRIES, store.customEntries);
}

async function findEntries(store: PaneStore, ids: readonly string[]): Promise<{ found: LibraryEntry[]; missing: string[] }> {
  const byId = new Map((await libraryEntries(store)).map((e) => [e.id, e]));
  const found: LibraryEntry[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const e = byId.get(id);
    if (e) found.push(e);
    else missing.push(id);
  }
  return { found, missing };
}

function refuse(store: PaneStore, reason: Refusal, detail: Record<string, string> = {}): LibraryWriteOutcome {
  store.notify({ level: "warning", key: `libraryRefused.${reason}`, data: detail });
  return { status: "refused", reason, detail };
}

/** Inserts library entries as rows of a table (see PaneController.insertFromLibrary). */
export async function insertFromLibrary(store: PaneStore, tableId: string, entryIds: readonly string[], opts: { value?: InsertValueMode }): Promise<LibraryWriteOutcome> {
  const t = store.okTable(tableId);
  if (!t) return refuse(store, "noTable");
  store.set({ busy: true });
  let plan: InsertPlan;
  let valueColumn: string | null = null;
  let inserted: LibraryEntry[] = [];
  try {
    const [{ planInsertRows }, { found, missing }, sheets] = await Promise.all([import("../../core/library/insert"), findEntries(store, entryIds), store.port.listSheets()]);
    if (missing.length || found.length === 0) {
      store.set({ busy: false });
      return refuse(store, "unknownEntry", { ids: missing.join(", ") });
    }
    const fresh = await freshModel(store, t);
    if (!fresh) {
      store.set({ busy: false });
      return refuse(store, "noTable");
    }
    const prot = sheets.find((x) => sameSheet(x.name, t.sheet))?.protected ?? false;
    plan = planInsertRows(fresh.model, fresh.grid, found, {
      value: opts.value ?? "empty",
      protectedSheet: prot,
      rangeBottom: t.source === "mapped" ? t.block.bottom : null,
    });
    if (!plan.ok && plan.reason === "protected") store.addProtected([t.sheet]);
    valueColumn = /^[A-Z]+/.exec(fresh.model.indicators.find((r) => r.value.cell)?.value.cell ?? "")?.[0] ?? null;
    inserted = found;
  } catch (err) {
    store.fail(err);
    store.set({ busy: false });
    return FAILED;
  }
  if (!plan.ok) {
    store.set({ busy: false });
    return refuse(store, plan.reason, plan.detail);
  }
  const name = t.model.projectName.value ?? boxToA1(t.block);
  const data = { n: plan.count, name };
  // The new rows' values are left for the user: not reported missing before they move on.
  const previous = store.freshRows;
  store.freshRows = { sheet: t.sheet, rows: new Set(plan.rows.map((r) => r.row)) };
  const ok = await write(store, plan.edits as Edit[], "libraryInserted", data, { key: "libraryInserted", data });
  if (!ok) {
    store.freshRows = previous;
    return FAILED;
  }
  await growMapping(store, t, plan.rows.map((r) => r.row));
  const top = plan.rows[0];
  await selectValueCell(store, t.sheet, valueColumn, top, inserted.find((e) => e.id === top?.entryId));
  return { status: "inserted", rows: plan.rows };
}

/** Selects the first new row's 指标值 cell for typing and tells the pane what to enter there. */
async function selectValueCell(store: PaneStore, sheet: string, column: string | null, row: InsertedRow | undefined, entry: LibraryEntry | undefined): Promise<void> {
  if (!column || !row || !entry) return;
  const cell = `${column}${row.row + 1}`;
  try {
    await store.port.select(sheet, cell);
  } catch (e) {
    store.fail(e);
    return;
  }
  store.set({ valueHint: { sheet, cell, name: entry.name, typical: entry.typical, unit: entry.unit } });
}

/** Replaces an indicator row's 三级/描述 (and 指标值 when it does not fit) with a library entry, as one undoable change. */
export async function replaceWithEntry(store: PaneStore, tableId: string, row: number, entryId: string): Promise<LibraryWriteOutcome> {
  const t = store.okTable(tableId);
  if (!t) return refuse(store, "noTable");
  store.set({ busy: true });
  let edits: Edit[];
  let label: string;
  try {
    const [{ replacementEdits }, { found }] = await Promise.all([import("../../core/library/suggest"), findEntries(store, [entryId])]);
    const fresh = await freshModel(store, t);
    const ind = fresh?.model.indicators.find((r) => r.row === row);
    if (!found[0] || !fresh || !ind) {
      store.set({ busy: false });
      return refuse(store, !found[0] ? "unknownEntry" : "noRow", { ids: entryId });
    }
    if (store.isProtectedSheet(t.sheet)) {
      store.set({ busy: false });
      return refuse(store, "protected", { sheet: t.sheet });
    }
    edits = replacementEdits(fresh.model, ind, found[0]).map((x) => ({ sheet: x.sheet, cell: x.cell, value: x.value }));
    label = found[0].name;
  } catch (err) {
    store.fail(err);
    store.set({ busy: false });
    return FAILED;
  }
  if (edits.length === 0) {
    store.set({ busy: false });
    return refuse(store, "unchanged", { name: label });
  }
  const data = { name: label, n: edits.length };
  const ok = await write(store, edits, "libraryReplaced", data, { key: "libraryReplaced", data });
  return ok ? { status: "replaced", cells: edits.length } : FAILED;
}

/** The indicator row under the selection (table id and 0-based row), or null. */
export async function selectedIndicator(store: PaneStore): Promise<{ tableId: string; row: number } | null> {
  try {
    const sel = await store.port.getSelection();
    const box = parseBox(sel.address);
    if (!box) return null;
    for (const t of store.tracked) {
      if (!sameSheet(t.sheet, sel.sheet) || !t.model) continue;
      const ind = t.model.indicators.find((r) => r.row === box.top);
      if (ind) return { tableId: t.id, row: ind.row };
    }
  } catch {
    // no selection (e.g. a chart is selected)
  }
  return null;
}

function importFailed(store: PaneStore, error: LibraryImportOutcome["error"], skipped: LibraryImportOutcome["skipped"] = []): LibraryImportOutcome {
  return { status: "failed", imported: 0, skipped, error, custom: store.customEntries.length };
}

/** Imports a custom library and saves it in the workbook merged over the custom entries already there. */
export async function importLibrary(
  store: PaneStore,
  rows: readonly (readonly unknown[])[] | readonly Record<string, unknown>[],
  mapping: ColumnMapping,
  opts: { source?: string; strict?: boolean },
): Promise<LibraryImportOutcome> {
  const [{ parseLibraryRows, mergeLibraries }, { pinyinOf }] = await Promise.all([import("../../core/library/import"), import("../../core/library/pinyin")]);
  const res = parseLibraryRows(rows, mapping, { source: opts.source, strict: opts.strict, pinyin: pinyinOf });
  if (res.error || res.entries.length === 0) {
    store.notify({ level: "warning", key: "libraryImportFailed", data: { skipped: res.skipped.length } });
    return importFailed(store, res.error, res.skipped);
  }
  const custom = mergeLibraries(store.customEntries, res.entries);
  if (!(await saveLibrary(store, custom))) return importFailed(store, { code: "saveFailed" }, res.skipped);
  store.notify({ level: "info", key: "libraryImported", data: { n: res.entries.length, skipped: res.skipped.length } });
  return { status: "imported", imported: res.entries.length, skipped: res.skipped, error: null, custom: custom.length };
}

/** Imports the custom library from a block of the open workbook ("Sheet2", "A1:H200"). */
export async function importLibraryFromRange(store: PaneStore, sheet: string, address: string, mapping: ColumnMapping): Promise<LibraryImportOutcome> {
  let values: unknown[][];
  try {
    const grid = await store.port.readBlock(sheet, address);
    values = [];
    for (let r = grid.firstRow; r <= grid.lastRow; r++) {
      const line: unknown[] = [];
      for (let c = grid.firstCol; c <= grid.lastCol; c++) line.push(grid.isMergedTail(r, c) ? null : grid.value(r, c));
      values.push(line);
    }
  } catch (e) {
    store.fail(e);
    return importFailed(store, { code: "saveFailed" });
  }
  return importLibrary(store, values, mapping, { source: sheet });
}

/** Imports the custom library from the block selected in the workbook. */
export async function importLibraryFromSelection(store: PaneStore, mapping: ColumnMapping): Promise<LibraryImportOutcome> {
  let sel: { sheet: string; address: string };
  try {
    sel = await store.port.getSelection();
  } catch (e) {
    store.fail(e);
    return importFailed(store, { code: "noHeader" });
  }
  return importLibraryFromRange(store, sel.sheet, sel.address, mapping);
}

/** Removes the workbook's custom library (the built-in one stays). */
export async function clearCustomLibrary(store: PaneStore): Promise<boolean> {
  const ok = await saveLibrary(store, []);
  if (ok) store.notify({ level: "info", key: "libraryCleared" });
  return ok;
}

/**
 * Saves the custom entries with the workbook (the reserved mapping record) and checks the tables
 * again with them; false when the save failed.
 */
async function saveLibrary(store: PaneStore, custom: LibraryEntry[]): Promise<boolean> {
  store.set({ busy: true });
  try {
    const sheets = await store.port.listSheets();
    const anchor = [...sheets].sort((a, b) => a.position - b.position)[0];
    const others = okRecords(store).filter((r) => r.id !== LIBRARY_RECORD_ID);
    const records: MappingRecord[] =
      custom.length && anchor ? [...others, { id: LIBRARY_RECORD_ID, sheet: anchor.name, address: "A1", data: { kind: "library", v: 1, entries: custom } satisfies LibraryRecordData }] : others;
    await store.port.saveMappings(records);
    store.mappings = [...store.mappings.filter((m) => m.id !== LIBRARY_RECORD_ID && m.status !== "ok"), ...records.map((r) => ({ status: "ok" as const, ...r }))];
    store.customEntries = custom;
    store.libraryRevision++;
    store.set({ busy: false });
  } catch (e) {
    store.fail(e);
    store.set({ busy: false });
    return false;
  }
  await customLibraryChanged(store);
  return true;
}

/** The merged library (built-in + custom) as CSV text (header + one row per entry), for a download. */
export async function exportLibraryCsv(store: PaneStore): Promise<string> {
  const [{ libraryToRows }, { toCsv }] = await Promise.all([import("../../core/library/import"), import("../../core/library/csv")]);
  return toCsv(libraryToRows(await libraryEntries(store)));
}
