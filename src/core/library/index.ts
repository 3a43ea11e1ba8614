/**
 * The indicator library (指标库): schema, built-in data, search, suggestions, custom libraries.
 *
 * Loading: this barrel includes pinyin.ts and so pinyin-pro (≈145 KB gzipped). The task pane should
 * load it lazily (`await import("../core/library")`) when the 指标库 tab opens. The
 * nonstandard-wording rule imports no library data: it gets its index from the run's options
 * (`libraryIndex`); builtin-index.ts builds the built-in one (builtin.ts + search.ts, ≈60 KB gzipped
 * with the data, no pinyin-pro), which the pane imports lazily after its first render.
 */
export * from "./schema";
export { BUILTIN_ENTRIES, ANTI_PATTERNS } from "./builtin";
export { builtinSearchIndex } from "./builtin-index";
export * from "./project-types";
export * from "./search";
export * from "./suggest";
export * from "./import";
export { parseCsv, toCsv } from "./csv";
export { pinyinOf, withPinyin } from "./pinyin";
export { reasonText, contextTypeText, contextGroupText } from "./reasons";
export * from "./context";
