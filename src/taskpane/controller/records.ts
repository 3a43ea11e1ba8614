/**
 * The mapping records saved in the workbook: the working ones as saveMappings wants them, and the
 * reserved record that carries the workbook's custom indicator library (LIBRARY_RECORD_ID).
 */
import type { MappingRecord } from "../../excel/port";
import type { PaneStore } from "./store";
import { isLibraryRecordData, LIBRARY_RECORD_ID } from "./types";

/** Every working mapping record (the library record included) as saveMappings wants them. */
export function okRecords(store: PaneStore): MappingRecord[] {
  return store.mappings.flatMap((m) => (m.status === "ok" ? [{ id: m.id, sheet: m.sheet, address: m.address, data: m.data }] : []));
}

/** Reads the custom library out of the loaded mapping records (a broken record keeps its data). */
export function takeLibraryRecord(store: PaneStore): void {
  const rec = store.mappings.find((m) => m.id === LIBRARY_RECORD_ID);
  const entries = rec && isLibraryRecordData(rec.data) ? rec.data.entries.filter((x) => !!x && typeof x.id === "string" && typeof x.name === "string") : [];
  if (rec && rec.status !== "ok") {
    // Its anchor cell is gone: keep the data, the next save points the name at a sheet again.
    store.mappings = store.mappings.map((m) => (m === rec ? { status: "ok" as const, id: m.id, sheet: m.sheet, address: "A1", data: m.data } : m));
  }
  if (entries.length !== store.customEntries.length || entries.some((x, i) => x !== store.customEntries[i])) {
    store.customEntries = entries;
    store.libraryRevision++;
  }
}
