import type { CellValue } from "../grid/cellgrid";
import type { MoneyUnit } from "../model/schema";

/** Full-width digits and punctuation to ASCII (０-９, ．, ，, ％, －, ＋). */
export function toHalfWidth(s: string): string {
  // Fast path: most texts hold no full-width form; return them as they are (no regex, no copy).
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : c === 0x3000 ? " " : s[i];
  }
  return out;
}

const NUM_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;

/** Reads "3,309,840.00", "200000", "１２３" as a number; null otherwise. */
export function parsePlainNumber(text: string): number | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  if (!NUM_RE.test(t)) return null;
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

export interface MoneyReading {
  /** Amount in `unit` (or as written when the unit is unknown). */
  amount: number | null;
  /** Unit written in the value itself ("250万", "20万元", "300元"), null when none. */
  unit: MoneyUnit | null;
}

/**
 * A money cell: a typed number, "3,309,840.00", "250万", "20万元", "1.5亿元" (as 万元); an amount
 * followed by its breakdown in brackets reads as the amount ("854万(建设400万元,示范295万元…)"); a
 * label word written before the amount in the same cell is dropped ("总额10606.7522万元", "合计：20万元").
 */
export function parseMoney(v: CellValue): MoneyReading {
  if (v === null || v === "" || typeof v === "boolean") return { amount: null, unit: null };
  if (typeof v === "number") return { amount: Number.isFinite(v) ? v : null, unit: null };
  const t = toHalfWidth(v)
    .replace(/\s+/g, "")
    .replace(/^(?:资金)?(?:总额|金额|合计|总计|共计|小计)[:：]?/, "")
    .replace(/^[≤<≦]=?|^不超过|^控制在/, "")
    .replace(/(?<=\d(?:亿元|亿|万元|万|元)?)\([^()]*\)$/, "");
  const m = /^([+-]?[\d,]*\.?\d+)(亿元|亿|万元|万|元)?$/.exec(t);
  if (!m) return { amount: null, unit: null };
  const n = parsePlainNumber(m[1]);
  if (n === null) return { amount: null, unit: null };
  switch (m[2]) {
    case "亿元":
    case "亿":
      return { amount: n * 10000, unit: "万元" };
    case "万元":
    case "万":
      return { amount: n, unit: "万元" };
    case "元":
      return { amount: n, unit: "元" };
    default:
      return { amount: n, unit: null };
  }
}

/** The money unit stated in a label such as "单位：元", "金额单位：万元", "（万元）". */
export function moneyUnitOfLabel(text: string): MoneyUnit | null {
  const t = text.replace(/\s+/g, "");
  const m = /单位[:：]?(万元|元)/.exec(t) ?? /[（(](万元|元)[)）]/.exec(t);
  return m ? (m[1] as MoneyUnit) : null;
}

/** Converts an amount between 元 and 万元. */
export function convertMoney(amount: number, from: MoneyUnit, to: MoneyUnit): number {
  if (from === to) return amount;
  return from === "万元" ? amount * 10000 : amount / 10000;
}

/**
 * A spending-plan cell as a percent number (50 for 50%): "50%", "50", "０.５" typed as 0.5 with a
 * percent format, or a fraction ≤ 1 typed in a "0%"-formatted cell. Null when blank or unreadable.
 */
export function parsePercentCell(v: CellValue, numberFormat: string | null): number | null {
  if (v === null || typeof v === "boolean") return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    if ((numberFormat ?? "").includes("%")) {
      const pct = round6(v * 100);
      return Number.isFinite(pct) ? pct : null;
    }
    return v;
  }
  const t = toHalfWidth(v).replace(/\s+/g, "");
  if (t === "") return null;
  const m = /^([+-]?\d*\.?\d+)(%|百分比)?$/.exec(t);
  if (!m) return null;
  return Number(m[1]);
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
