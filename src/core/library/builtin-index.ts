/**
 * The search index of the built-in library, built once on first use (≈30 ms).
 *
 * This is what the nonstandard-wording rule needs (`RunConfig.options.libraryIndex`): the CLI, the
 * bench and the tests pass it; the task pane imports this module lazily (`import()`) after its first
 * render, so that the library's data stays out of the pane's initial JavaScript. It imports the data,
 * the schema helpers and the search only — never the barrel (index.ts), which brings pinyin-pro.
 */
import { BUILTIN_ENTRIES } from "./builtin";
import { createSearchIndex, type SearchIndex } from "./search";

let builtinIndex: SearchIndex | null = null;

/** The index of the built-in library (the same object on every call). */
export function builtinSearchIndex(): SearchIndex {
  if (!builtinIndex) builtinIndex = createSearchIndex(BUILTIN_ENTRIES);
  return builtinIndex;
}
