/** String helpers of the library search: a fast key normaliser and a bounded edit distance. */
import { normText } from "../rules/utils/text";

/**
 * normText (half-width, lower-case, no whitespace/punctuation/symbols) with a fast path: a text of
 * CJK ideographs, digits and lower-case letters only is already normal and is returned as is.
 */
export function keyText(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) continue;
    return normText(s);
  }
  return s;
}

const ROW_A: number[] = [];
const ROW_B: number[] = [];

/** Levenshtein distance between two short strings (UTF-16 units; CJK is one unit per character). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = ROW_A;
  let cur = ROW_B;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const sub = prev[j - 1] + cost;
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}
