/**
 * The indicator library (指标库): schema, built-in data, search, suggestions, custom libraries.
 *
 * Loading: this barrel includes pinyin.ts and so pinyin-pro (≈145 KB gzipped). The task pane should
 * load it lazily (`await import("../core/library")`) when the 指标库 tab opens; what the rules need
 * (builtin.ts + search.ts + suggest.ts, ≈60 KB gzipped with the data) is imported by the
 * nonstandard-wording rule directly and never pulls pinyin-pro.
 */
export * from "./schema";
export { BUILTIN_ENTRIES, ANTI_PATTERNS } from "./builtin";
export * from "./project-types";
export * from "./search";
export * from "./suggest";
export * from "./import";
export { parseCsv, toCsv } from "./csv";
export { pinyinOf, withPinyin } from "./pinyin";
export { reasonText } from "./reasons";
