/** Chinese numerals ("三", "十五", "九十五", "一百二十", "两千", "1.5万" excluded) to numbers. */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The longest run of Chinese numeral characters at the start of `s`. */
export const CN_NUMERAL_RE = /^[零〇一二两三四五六七八九十百千万]+/;

/**
 * Converts a Chinese numeral written in the usual way ("三", "十二", "九十五", "一百零五", "三千", "两万")
 * to a number; null when the characters do not form a well-formed numeral.
 */
export function cnToNumber(text: string): number | null {
  if (text.length === 0) return null;
  const wan = text.split("万");
  if (wan.length > 2) return null;
  if (wan.length === 2) {
    const hi = wan[0] === "" ? null : below10000(wan[0]);
    const lo = wan[1] === "" ? 0 : below10000(wan[1]);
    if (hi === null || lo === null || hi === 0) return null;
    return hi * 10000 + lo;
  }
  return below10000(text);
}

function below10000(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 10000;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0) return null; // "三四" is not a numeral
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      const u = SMALL_UNITS[ch];
      if (u >= lastUnit) return null;
      if (digit === null) {
        if (u !== 10 || total !== 0) return null; // only "十…" may omit its leading 一
        digit = 1;
      }
      if (digit === 0) return null;
      total += digit * u;
      digit = null;
      lastUnit = u;
    } else {
      return null;
    }
  }
  if (digit !== null) total += digit;
  return total;
}
