/**
 * The indicator library of the rules (the nonstandard-wording rule's option `libraryIndex`): the
 * base library (the built-in one, loaded lazily through ControllerOptions.loadLibraryIndex, or one
 * given to setLibraryIndex) with the workbook's custom entries merged over it, rebuilt whenever the
 * custom entries change; the cached tables are then checked again without reading the workbook.
 */
import type { LibraryEntry } from "../../core/library/schema";
import type { SearchIndex } from "../../core/library/search";
import { scheduleMarks } from "./marks";
import { recheckCached } from "./recompute";
import type { PaneStore } from "./store";

export function isSearchIndex(v: unknown): v is SearchIndex {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "library-index" && Array.isArray((v as { entries?: unknown }).entries);
}

/** The base index with the custom entries merged over it (mergeLibraries); the base itself without any. */
async function mergedIndex(base: unknown, custom: readonly LibraryEntry[]): Promise<unknown> {
  if (custom.length === 0 || !isSearchIndex(base)) return base;
  const [{ createSearchIndex }, { mergeLibraries }] = await Promise.all([import("../../core/library/search"), import("../../core/library/import")]);
  return createSearchIndex(mergeLibraries(base.entries, custom));
}

/**
 * Builds the rules' index again when the custom entries changed since it was built (and a base
 * library is loaded). True when the rules' options changed: the caller checks the tables again.
 */
export async function updateRuleIndex(store: PaneStore): Promise<boolean> {
  if (store.baseIndex === null || store.ruleIndexRevision === store.libraryRevision) return false;
  const revision = store.libraryRevision;
  const index = await mergedIndex(store.baseIndex, store.customEntries);
  store.runConfig = { ...store.runConfig, options: { ...store.runConfig.options, libraryIndex: index } };
  store.ruleIndexRevision = revision;
  return true;
}

/** Sets the base library, merges the custom entries over it and checks the cached tables again — table rules, workbook rules, marks. */
export async function setLibraryIndex(store: PaneStore, index: unknown): Promise<void> {
  if (store.disposed) return;
  store.baseIndex = index;
  store.ruleIndexRevision = -1;
  await updateRuleIndex(store);
  if (store.disposed) return;
  recheckCached(store, { library: "ready" });
  await scheduleMarks(store);
}

/** After the custom entries changed: the rules' index rebuilt and the cached tables checked again. */
export async function customLibraryChanged(store: PaneStore): Promise<void> {
  try {
    if (!(await updateRuleIndex(store)) || store.disposed) return;
  } catch (e) {
    // The library's code could not be loaded: the rules keep the index they had.
    store.fail(e);
    return;
  }
  recheckCached(store);
  await scheduleMarks(store);
}

/** Loads the base library (ControllerOptions.loadLibraryIndex) once; a failure leaves the rule silent, with a notice. */
export async function loadLibrary(store: PaneStore): Promise<void> {
  store.set({ library: "loading" });
  try {
    const index = await store.loadLibraryIndex!();
    await setLibraryIndex(store, index);
  } catch (e) {
    if (store.disposed) return;
    const msg = e instanceof Error ? e.message : String(e);
    store.set({ library: "failed" });
    store.notify({
      level: "warning",
      text: {
        zh: `指标库未能加载，指标名称未与标准表述比对：${msg}`,
        en: `The indicator library could not be loaded; indicator names were not compared with standard wording: ${msg}`,
      },
    });
  }
}
