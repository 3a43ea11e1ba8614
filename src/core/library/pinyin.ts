/**
 * Pinyin of library keys with pinyin-pro (≈145 KB gzipped: load this module lazily in the pane).
 * The built-in library carries its pinyin precomputed (builtin.json), so only custom entries need
 * this, once, at import. Output: syllables without tones separated by spaces, ü written "v"
 * ("lv"), digits and Latin letters kept as their own lower-case syllables ("pm2.5" → "pm25").
 */
import { pinyin } from "pinyin-pro";
import type { LibraryEntry } from "./schema";
import { entryKeys } from "./schema";

/** Syllables of a (normalised) key, space-separated: "项目验收合格率" → "xiang mu yan shou he ge lv". */
export function pinyinOf(text: string): string {
  const parts = pinyin(text, { toneType: "none", type: "array", v: true, nonZh: "consecutive" });
  return parts
    .map((p) => p.toLowerCase().replace(/[^a-z0-9]/g, ""))
    .filter(Boolean)
    .join(" ");
}

/** A pinyin provider for createSearchIndex / withPinyin. */
export type PinyinProvider = (text: string) => string;

/** The entry with `pinyin` computed for its keys (entryKeys order), unless it already fits. */
export function withPinyin(entry: LibraryEntry, provider: PinyinProvider = pinyinOf): LibraryEntry {
  const { keys } = entryKeys(entry);
  if (entry.pinyin && entry.pinyin.length === keys.length) return entry;
  return { ...entry, pinyin: keys.map(provider) };
}
