import type { ParsedValue } from "./types";

/**
 * Units written as a word where a symbol is the standard form (the unit-wording rule): "≥95百分比" → "≥95%".
 * 百分点 is NOT a percent: "提高2个百分点" is a difference of rates, its unit stays 个百分点.
 */
export const WORD_UNITS: Readonly<Record<string, string>> = {
  百分比: "%",
  百分率: "%",
  百分之: "%",
  千分比: "‰",
  千分之: "‰",
};

/** Canonical units (as a 指标值 should write them), grouped by what they measure. */
export const UNIT_GROUPS = {
  percent: ["%", "‰", "个百分点"],
  money: ["元", "千元", "万元", "亿元"],
  people: ["人", "人次", "户", "户次", "名", "位", "人天", "人日"],
  count: [
    "个", "家", "次", "场", "场次", "期", "批", "份", "册", "本", "篇", "项", "件", "台", "台套", "套", "辆",
    "座", "处", "条", "所", "间", "张", "块", "株", "棵", "头", "只", "羽", "匹", "盏", "根", "部", "架", "艘",
    "门", "组", "队", "支", "片", "栋", "幢", "层", "眼", "口", "宗", "起", "例", "类", "种", "节", "课时",
    "学时", "轮", "届", "期次", "个次", "批次", "项次", "车次", "班次", "台班", "档", "卷", "幅", "集", "首",
  ],
  time: ["秒", "分钟", "小时", "天", "日", "工作日", "周", "月", "季度", "年"],
  length: ["毫米", "厘米", "米", "公里"],
  area: ["平方米", "平方公里", "亩", "公顷"],
  weight: ["克", "斤", "公斤", "吨"],
  volume: ["毫升", "升", "立方米"],
  energy: ["千瓦", "兆瓦", "千瓦时", "度"],
  score: ["分", "倍", "级", "星", "星级", "分贝"],
  temperature: ["℃"],
} as const satisfies Record<string, readonly string[]>;

/** Written form → canonical unit, for forms that differ from their canonical one. */
const ALIASES: Readonly<Record<string, string>> = {
  ...WORD_UNITS,
  百分点: "个百分点",
  "%点": "个百分点",
  万元人民币: "万元",
  元人民币: "元",
  "㎡": "平方米",
  "m²": "平方米",
  "m2": "平方米",
  "M2": "平方米",
  平米: "平方米",
  平方: "平方米",
  "km²": "平方公里",
  "km2": "平方公里",
  "㎢": "平方公里",
  "hm²": "公顷",
  "hm2": "公顷",
  "ha": "公顷",
  "km": "公里",
  "KM": "公里",
  "Km": "公里",
  千米: "公里",
  "m": "米",
  "M": "米",
  "M²": "平方米",
  "KM²": "平方公里",
  "KM2": "平方公里",
  "Km²": "平方公里",
  "M³": "立方米",
  "M3": "立方米",
  "cm": "厘米",
  "mm": "毫米",
  "kg": "公斤",
  "KG": "公斤",
  "Kg": "公斤",
  千克: "公斤",
  "t": "吨",
  "g": "克",
  "m³": "立方米",
  "m3": "立方米",
  方: "立方米",
  "L": "升",
  "l": "升",
  "ml": "毫升",
  "mL": "毫升",
  "kW": "千瓦",
  "KW": "千瓦",
  "kw": "千瓦",
  "MW": "兆瓦",
  "kWh": "千瓦时",
  "KWh": "千瓦时",
  "kwh": "千瓦时",
  "dB": "分贝",
  "°C": "℃",
  "°c": "℃",
  摄氏度: "℃",
  "db": "分贝",
  个工作日: "工作日",
  个月: "月",
  月份: "月",
  个小时: "小时",
  钟头: "小时",
  个季度: "季度",
  个星期: "周",
  星期: "周",
  个周: "周",
  周年: "年",
  "人/次": "人次",
  "户/次": "户次",
  次数: "次",
  人数: "人",
  场数: "场",
};

const CANONICAL = new Set<string>(Object.values(UNIT_GROUPS).flat());
const MONEY = new Set<string>(UNIT_GROUPS.money);
const MONEY_SCALE: Readonly<Record<string, number>> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };

/** Word units written before the number ("百分之九十五"), not after it. */
export const PREFIX_UNIT_WORDS: readonly string[] = ["百分之", "千分之"];

/** All unit forms written after a number (canonical and aliases), longest first: the parser's unit lexicon. */
export const UNIT_LEXICON: readonly string[] = [...new Set<string>([...CANONICAL, ...Object.keys(ALIASES)])]
  .filter((u) => !PREFIX_UNIT_WORDS.includes(u))
  .sort((a, b) => b.length - a.length);

function fold(u: string): string {
  return u
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, "")
    .replace(/[•・∙⋅*×]/g, "·");
}

/**
 * Words that stand only after "/" in a rate unit (元/生·年, 元/床·日, 万元/村): who or what the amount is
 * per. Known units (人, 户, 公里, 月 …) are denominators too.
 */
const DENOMINATORS = new Set(["生", "学生", "床", "床位", "村", "校", "班", "标段"]);

function canonicalSimple(u: string): string | null {
  if (CANONICAL.has(u)) return u;
  return Object.prototype.hasOwnProperty.call(ALIASES, u) ? ALIASES[u] : null;
}

/**
 * The canonical form of a unit: "百分比" → "%", "㎡" → "平方米", "km" → "公里", "千克" → "公斤",
 * "元/人.月" → "元/人·月". Compound units ("元/人", "吨/日", "元/人·月") are canonicalised part by part.
 * Returns null for an empty unit and for text that is not a known unit.
 */
export function canonicalUnit(u: string | null | undefined): string | null {
  if (u === null || u === undefined) return null;
  const quick = canonicalSimple(u);
  if (quick !== null) return quick;
  let t = fold(u).replace(/^[(]|[)]$/g, "");
  if (t === "") return null;
  const simple = canonicalSimple(t);
  if (simple !== null) return simple;
  t = t.replace(/每/g, "/");
  const slash = t.indexOf("/");
  if (slash > 0 && slash < t.length - 1) {
    const num = canonicalSimple(t.slice(0, slash));
    const denParts = t
      .slice(slash + 1)
      .replace(/^\(|\)$/g, "")
      .split(/[·./]/);
    if (num === null || denParts.some((p) => p === "")) return null;
    const den = denParts.map((p) => canonicalSimple(p) ?? (DENOMINATORS.has(p) ? p : null));
    if (den.some((d) => d === null)) return null;
    return `${num}/${den.join("·")}`;
  }
  return null;
}

/** True when the unit (written or canonical) is a known unit or a compound of known units. */
export function isKnownUnit(u: string | null | undefined): boolean {
  return canonicalUnit(u) !== null;
}

/**
 * True when the unit was written in Latin letters ("M", "KM", "m2", "kg") and has a Chinese name: the
 * value is read, and the name is the standard spelling in a 指标值 (unit-wording hints it).
 */
export function isLatinUnit(u: string | null | undefined): boolean {
  if (u === null || u === undefined) return false;
  const f = fold(u);
  return /^[A-Za-z°][A-Za-z0-9²³]*$/.test(f) && canonicalSimple(f) !== null && /[\u4e00-\u9fff]/.test(canonicalSimple(f) as string);
}

/**
 * Unit symbols written as the legal units list them (GB 3100: SI symbols, case significant), which a
 * 指标值 may use as they are: "2km", "500m", "20t", "500m²". A wrong case is another unit or none ("M"
 * is the prefix mega, "KM", "KG"), and an exponent typed on the line ("m2") is no symbol: both are hinted
 * (unit-wording latinUnit).
 */
const SI_SYMBOLS: ReadonlySet<string> = new Set([
  "m", "km", "cm", "mm", "m²", "m³", "km²", "hm²", "ha",
  "g", "kg", "t", "L", "l", "mL", "ml", "kW", "MW", "kWh", "dB",
]);

/** True for a unit symbol written exactly as the legal units write it ("km", "kg", "m²"). */
export function isSiSymbol(u: string | null | undefined): boolean {
  return u !== null && u !== undefined && SI_SYMBOLS.has(u.trim());
}

/** True when the written unit is a word for which a symbol is the standard (百分比 → %). */
export function isWordUnit(u: string | null | undefined): boolean {
  return u !== null && u !== undefined && Object.prototype.hasOwnProperty.call(WORD_UNITS, fold(u));
}

/** True for 元, 千元, 万元, 亿元 (written or canonical; "万元人民币" too). */
export function isMoneyUnit(unit: string | null | undefined): boolean {
  const c = canonicalUnit(unit);
  return c !== null && MONEY.has(c);
}

/** True for a percent value ("%", written 百分比 …); 个百分点 and ‰ are not percents. */
export function isPercent(v: ParsedValue): boolean {
  return v.kind === "quantitative" && v.unit === "%";
}

/** Money value in 元 (元/千元/万元/亿元 converted), null when the value is not an amount of money. */
export function toYuan(v: ParsedValue): number | null {
  if (v.kind !== "quantitative" || v.number === null) return null;
  const c = canonicalUnit(v.unit);
  if (c === null || !MONEY.has(c)) return null;
  return roundMoney(v.number * MONEY_SCALE[c]);
}

/** Upper bound of a money range in 元 (or the single amount), null when not money. */
export function toYuanUpper(v: ParsedValue): number | null {
  const lo = toYuan(v);
  if (lo === null) return null;
  if (v.upper === null) return lo;
  return roundMoney(v.upper * MONEY_SCALE[canonicalUnit(v.unit) as string]);
}

function roundMoney(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** The measure group of a canonical unit ("percent", "money", "people", "count", "time" …), null if unknown. */
export function unitGroup(unit: string | null | undefined): keyof typeof UNIT_GROUPS | "compound" | null {
  const c = canonicalUnit(unit);
  if (c === null) return null;
  if (c.includes("/")) return "compound";
  for (const [g, list] of Object.entries(UNIT_GROUPS) as [keyof typeof UNIT_GROUPS, readonly string[]][]) {
    if (list.includes(c)) return g;
  }
  return null;
}
