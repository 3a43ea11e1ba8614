import type { Operator, ParsedValue } from "./types";
import { OPERATOR_FORMS, canonicalOperator, matchPrefixOperator, matchSuffixOperator, type OperatorForm } from "./operators";
import { canonicalUnit, PREFIX_UNIT_WORDS, UNIT_GROUPS, UNIT_LEXICON, WORD_UNITS } from "./units";
import { matchGrade } from "./grades";
import { CN_NUMERAL_RE, cnToNumber } from "./cn-numbers";

export { OPERATOR_FORMS, canonicalOperator, isStandardOperator } from "./operators";
export { WORD_UNITS, canonicalUnit, isKnownUnit, isWordUnit, isMoneyUnit, isPercent, toYuan, toYuanUpper } from "./units";
export { GRADE_SCALES, isWeakQualitative, matchGrade } from "./grades";

type DatePart = NonNullable<ParsedValue["date"]>;

function emptyValue(raw: string): ParsedValue {
  return {
    kind: "unparsed",
    raw,
    op: null,
    opRaw: null,
    number: null,
    upper: null,
    unit: null,
    unitRaw: null,
    magnitude: null,
    grade: null,
    date: null,
    dateEnd: null,
    deadline: false,
    normalized: null,
  };
}

/**
 * Parses one 指标值 text: operator, number(s), unit, qualitative grade, date or period.
 * Never throws; anything it cannot read is kind "unparsed" with `raw` kept.
 */
export function parseValue(raw: string): ParsedValue {
  const text = typeof raw === "string" ? raw.trim() : raw === null || raw === undefined ? "" : String(raw).trim();
  try {
    return parseText(text);
  } catch {
    return emptyValue(text);
  }
}

/** Folds full-width forms, dashes and spaces so the grammar below sees one spelling. */
export function cleanValueText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x2060 || (c >= 0x200b && c <= 0x200d)) continue;
    else if (c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f) continue;
    else if (c === 0x2014 || c === 0x2013 || c === 0x2212 || c === 0x2012 || c === 0x2015 || c === 0xfe63) out += "-";
    else if (c === 0x301c || c === 0x223c) out += "~";
    else if (c === 0xfe6a) out += "%";
    else if (c === 0xfe59) out += "(";
    else if (c === 0xfe5a) out += ")";
    else out += text[i];
  }
  // a closing full stop, comma or semicolon: "≥95%。"
  return out.replace(/[。;,.]$/, "");
}

/** A cell that says "none": dashes, a slash, 没有, 暂无 (after cleanValueText folded dashes to "-"); 无 and 零 are grades. */
const NONE_RE = /^(?:-+|\/|\\|没有|暂无)$/;

/** Words that may lead a value without changing it: "每年不少于4次", "累计≥100人". Kept in `normalized`. */
const LEADING_WORDS = /^(每年|每月|每季度|每季|每周|每天|每日|每次|每期|每批|年均|月均|日均|人均|户均|累计|共计|合计|总计|全年|年度|约)/;

function parseText(text: string): ParsedValue {
  const base = emptyValue(text);
  if (text === "") return { ...base, kind: "empty" };
  const s = cleanValueText(text);
  if (s === "") return { ...base, kind: "empty" };

  // "-", "/", "—", "暂无": nothing of this kind, i.e. zero (a social cost of none), never an unreadable amount
  if (NONE_RE.test(s)) return { ...base, kind: "qualitative", number: 0, grade: "无", normalized: "无" };
  const whole = matchGrade(s);
  if (whole) {
    // 无 and 零 say "none" too: zero, kept as the grade written
    const number = whole.grade === "无" || whole.grade === "零" ? 0 : null;
    return { ...base, kind: "qualitative", number, grade: whole.grade, normalized: whole.normalized };
  }

  let lead = "";
  let rest = s;
  const lw = LEADING_WORDS.exec(s);
  if (lw && s.length > lw[0].length && /^[\d≥≤=<>±+\-.不至最达超高低大小控等正零〇一二两三四五六七八九十百]/.test(s.slice(lw[0].length))) {
    lead = lw[0];
    rest = s.slice(lead.length);
  }
  return parseOperated(base, lead, rest) ?? base;
}

/** Tries operator + body (+ suffix operator) as a date, a quantity or a qualitative grade. */
function parseOperated(base: ParsedValue, lead: string, s: string): ParsedValue | null {
  let prefix: OperatorForm | null = null;
  let body = s;
  const p = matchPrefixOperator(s);
  if (p) {
    prefix = p;
    body = s.slice(p.form.length);
  }
  // 1. a date or period, with its own "前/以前" and "内"
  const d = parseDate(body);
  if (d) {
    return {
      ...base,
      kind: "quantitative",
      op: prefix?.op ?? null,
      opRaw: prefix?.form ?? null,
      date: d.date,
      dateEnd: d.dateEnd,
      deadline: d.deadline,
      normalized: `${lead}${prefix?.op ?? ""}${body}`,
    };
  }
  // 2. a quantity, as written or with a suffix operator removed; a trailing remark "(抽查)" is kept aside
  let remark = "";
  const rm = /^(.*\d.*?)(\([^()]{1,12}\))$/.exec(body);
  if (rm && rm[2] !== "(含)" && /[\u3400-\u9fff]/.test(rm[2])) {
    remark = rm[2];
    body = rm[1];
  }
  const suffix = matchSuffixOperator(body);
  const candidates: { body: string; suffix: OperatorForm | null }[] = [{ body, suffix: null }];
  if (suffix) candidates.unshift({ body: body.slice(0, -suffix.form.length), suffix });
  for (const c of candidates) {
    const q = parseQuantity(c.body);
    if (!q) continue;
    const { op, opRaw } = combineOperators(prefix, c.suffix);
    const normNumber =
      q.upper === null
        ? `${q.numberText}${q.unitText}`
        : q.unit === "%"
          ? `${q.numberText}${q.unitText}-${q.upperText}${q.unitText}`
          : `${q.numberText}-${q.upperText}${q.unitText}`;
    return {
      ...base,
      kind: "quantitative",
      op,
      opRaw,
      number: q.number,
      upper: q.upper,
      unit: q.unit,
      unitRaw: q.unitRaw,
      magnitude: q.magnitude,
      normalized: `${lead}${op ?? ""}${normNumber}${remark}`,
    };
  }
  // 3. a qualitative grade behind an operator: "=提高", "≥良好", "良好以上"
  for (const c of candidates) {
    if (prefix === null && c.suffix === null) continue;
    const g = matchGrade(c.body);
    if (!g) continue;
    const { op, opRaw } = combineOperators(prefix, c.suffix);
    return { ...base, kind: "qualitative", op, opRaw, grade: g.grade, normalized: g.normalized };
  }
  // 4. a date with a suffix operator: "2022年12月以内"
  if (suffix) {
    const d2 = parseDate(body.slice(0, -suffix.form.length));
    if (d2) {
      const { op, opRaw } = combineOperators(prefix, suffix);
      return {
        ...base,
        kind: "quantitative",
        op,
        opRaw,
        date: d2.date,
        dateEnd: d2.dateEnd,
        deadline: d2.deadline,
        normalized: `${lead}${op ?? ""}${body.slice(0, -suffix.form.length)}`,
      };
    }
  }
  return null;
}

function combineOperators(prefix: OperatorForm | null, suffix: OperatorForm | null): { op: Operator | null; opRaw: string | null } {
  if (prefix && suffix) {
    // "±3%以内": 以内 only restates the tolerance.
    if (prefix.op === "±") return { op: "±", opRaw: prefix.form };
    // "控制在5%以内", "达到95%以上": the suffix says which way.
    const op = prefix.form === "控制在" || prefix.form === "达到" ? suffix.op : prefix.op;
    return { op, opRaw: `${prefix.form}…${suffix.form}` };
  }
  if (prefix) return { op: prefix.op, opRaw: prefix.form };
  if (suffix) return { op: suffix.op, opRaw: suffix.form };
  return { op: null, opRaw: null };
}

// ---------------------------------------------------------------------------------------------
// Quantities

interface Quantity {
  number: number;
  numberText: string;
  upper: number | null;
  upperText: string | null;
  unit: string | null;
  unitRaw: string | null;
  /** The unit part of the standard form (scale + canonical unit + trailing noun): "万人次", "%", "个村". */
  unitText: string;
  /** A magnitude written without a unit ("250万"). */
  magnitude: string | null;
}

const ARABIC_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|^[+-]?\.\d+/;
const RANGE_SEP_RE = /^(?:-|~|至|到)/;
const COUNT_LIKE = new Set<string>([...UNIT_GROUPS.people, ...UNIT_GROUPS.count, ...UNIT_GROUPS.time]);
const CJK_RE = /^[\u3400-\u9fff]+$/;

interface NumToken {
  value: number;
  text: string;
  len: number;
  arabic: boolean;
}

/** A number at the start of `s`: Arabic ("1,000.5", "-3", ".5") or a Chinese numeral ("三", "九十五"). */
function readNumber(s: string): NumToken | null {
  const a = ARABIC_RE.exec(s);
  if (a) {
    const text = cleanNumberText(a[0]);
    const value = Number(text);
    if (!Number.isFinite(value)) return null;
    return { value: value === 0 ? 0 : value, text, len: a[0].length, arabic: true };
  }
  const c = CN_NUMERAL_RE.exec(s);
  if (c) {
    // "两万" is a numeral, "万" alone is not; try the longest numeral prefix that converts.
    for (let len = c[0].length; len > 0; len--) {
      const v = cnToNumber(c[0].slice(0, len));
      if (v !== null) return { value: v, text: String(v), len, arabic: false };
    }
  }
  return null;
}

/** "1,000.50" → "1000.5", "+007" → "7", ".5" → "0.5", "-0" → "0": the digits of the standard form. */
function cleanNumberText(t: string): string {
  if (/^[1-9]\d*$/.test(t)) return t;
  let s = t.replace(/,/g, "");
  let sign = "";
  if (s.startsWith("+")) s = s.slice(1);
  else if (s.startsWith("-")) {
    sign = "-";
    s = s.slice(1);
  }
  let [int, frac = ""] = s.split(".");
  int = int.replace(/^0+(?=\d)/, "");
  if (int === "") int = "0";
  frac = frac.replace(/0+$/, "");
  const out = frac === "" ? int : `${int}.${frac}`;
  return out === "0" ? "0" : sign + out;
}

interface UnitReading {
  unit: string | null;
  unitRaw: string | null;
  unitText: string;
  scale: number;
  magnitude?: string;
}

const SCALES: Readonly<Record<string, number>> = { 千: 1000, 万: 10000, 亿: 100000000 };

/** The unit after a number: "%", "百分比", "万元", "元/人·月", "万人次", "个村" …; null when unreadable. */
function readUnit(rem: string, arabic: boolean): UnitReading | null {
  if (rem === "") return { unit: null, unitRaw: null, unitText: "", scale: 1 };
  if (PREFIX_UNIT_WORDS.includes(rem)) return null;
  const direct = canonicalUnit(rem);
  if (direct !== null) {
    // "6个月" stays "6个月" ("6月" would read as June), a count of quarters is "2个季度" ("2季度" reads
    // as the second quarter); "10个工作日" keeps its 个 too.
    const keep个 = rem.startsWith("个") && !direct.startsWith("个") && canonicalUnit(rem.slice(1)) === direct;
    const text = keep个 || direct === "月" || direct === "季度" ? `个${direct}` : direct;
    return { unit: direct, unitRaw: rem === direct ? null : rem, unitText: text, scale: 1 };
  }
  // 千/万/亿 scale before a non-money unit: "1.5万人次" → 15000 人次 (千元/万元/亿元 are units themselves)
  const sc = /^(千|万|亿)(.*)$/.exec(rem);
  if (sc) {
    const scale = SCALES[sc[1]];
    if (sc[2] === "") return { unit: null, unitRaw: null, unitText: sc[1], scale, magnitude: sc[1] };
    // "50万/月", "3千/人": a magnitude per something is money per something (万元/月, 千元/人)
    if (sc[2].startsWith("/") || sc[2].startsWith("每")) {
      const money = canonicalUnit(`${sc[1]}元${sc[2]}`);
      if (money !== null) return { unit: money, unitRaw: rem, unitText: money, scale: 1 };
    }
    const inner = readUnit(sc[2], arabic);
    if (inner && inner.unit !== null && inner.scale === 1) {
      return { ...inner, unitText: sc[1] + inner.unitText, scale };
    }
    return null;
  }
  // measure word + noun: "5个村", "3家企业", "2次培训"
  for (const form of UNIT_LEXICON) {
    if (form.length < rem.length && rem.startsWith(form)) {
      const c = canonicalUnit(form);
      const noun = rem.slice(form.length);
      if (c !== null && COUNT_LIKE.has(c) && CJK_RE.test(noun) && noun.length <= 6 && !(form in WORD_UNITS)) {
        return { unit: c, unitRaw: rem, unitText: c + noun, scale: 1 };
      }
    }
  }
  // an unknown short unit after Arabic digits ("50株" is known; "3枚" is not): keep as written
  if (arabic && CJK_RE.test(rem) && rem.length <= 2 && !/^[十百千万亿]|[内上下以及之含前后]/.test(rem) && matchGrade(rem) === null) {
    return { unit: rem, unitRaw: null, unitText: rem, scale: 1 };
  }
  return null;
}

function scaled(n: number, scale: number): number {
  if (scale === 1) return n;
  const v = n * scale;
  return Math.round(v * 1e6) / 1e6;
}

/** "95%", "100百分比", "≥"-less "20万元", "80%-90%", "80~90%", "1.5万人次", "百分之九十五", "3次". */
function parseQuantity(s0: string): Quantity | null {
  let s = s0;
  let percentWord: string | null = null;
  const pw = /^(百分之|千分之)/.exec(s);
  if (pw) {
    percentWord = pw[1];
    s = s.slice(pw[1].length);
  }
  const n1 = readNumber(s);
  if (!n1) return null;
  let rem = s.slice(n1.len);
  let upper: NumToken | null = null;
  let firstUnit = "";
  // a range: "80%-90%", "80-90%", "80~90", "1至2次"
  const unitBeforeSep = /^(%|百分比)?(-|~|至|到)/.exec(rem);
  if (unitBeforeSep && rem.length > unitBeforeSep[0].length) {
    const after = rem.slice(unitBeforeSep[0].length);
    const n2 = readNumber(after);
    if (n2 && n2.arabic === n1.arabic) {
      upper = n2;
      firstUnit = unitBeforeSep[1] ?? "";
      rem = after.slice(n2.len);
    }
  }
  if (RANGE_SEP_RE.test(rem)) return null;
  let u: UnitReading | null;
  if (percentWord !== null) {
    if (rem !== "") return null;
    const unit = WORD_UNITS[percentWord];
    u = { unit, unitRaw: percentWord, unitText: unit, scale: 1 };
  } else {
    u = readUnit(rem, n1.arabic);
  }
  if (!u) return null;
  if (firstUnit !== "" && canonicalUnit(firstUnit) !== u.unit) return null;
  // Chinese numerals only with a unit ("三次"), never bare ("一" is too often a word).
  if (!n1.arabic && u.unit === null) return null;
  const number = scaled(n1.value, u.scale);
  const up = upper ? scaled(upper.value, u.scale) : null;
  if (!Number.isFinite(number) || (up !== null && !Number.isFinite(up))) return null;
  return {
    number,
    numberText: n1.text,
    upper: up,
    upperText: upper ? upper.text : null,
    unit: u.unit,
    unitRaw: u.unitRaw ?? (firstUnit !== "" && firstUnit !== u.unit ? firstUnit : null),
    unitText: u.unitText,
    magnitude: u.magnitude ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Dates and periods

interface DateReading {
  date: DatePart;
  dateEnd: DatePart | null;
  deadline: boolean;
}

interface Point {
  start: DatePart;
  end: DatePart | null;
}

const QUARTERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

function part(year: number | null, month: number | null, day: number | null): DatePart {
  return { year, month, day };
}

function validYear(y: number): boolean {
  return y >= 1900 && y <= 2100;
}
function validMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}
function validDay(d: number): boolean {
  return d >= 1 && d <= 31;
}

/** A period word standing alone or after a year: 上半年, 第四季度, 年底, Q4. */
function periodOf(word: string, year: number | null): Point | null {
  if (word === "" || word === "度" || word === "全年" || word === "度内" || word === "内" || word === "年度") {
    return null;
  }
  if (word === "底" || word === "末" || word === "年底" || word === "年末") return { start: part(year, 12, null), end: null };
  if (word === "中" || word === "年中") return { start: part(year, 6, null), end: null };
  if (word === "初" || word === "年初") return { start: part(year, 1, null), end: null };
  if (word === "上半年") return { start: part(year, 1, null), end: part(year, 6, null) };
  if (word === "下半年") return { start: part(year, 7, null), end: part(year, 12, null) };
  const q = /^(?:第)?([一二三四1-4])季度(末|底)?$|^Q([1-4])$/i.exec(word);
  if (q) {
    const n = QUARTERS[q[1] ?? q[3]];
    if (q[2]) return { start: part(year, n * 3, null), end: null };
    return { start: part(year, n * 3 - 2, null), end: part(year, n * 3, null) };
  }
  return null;
}

const DAY_WORDS = "(?:底|末|初|中旬|上旬|下旬|中)?";
const YEAR_MONTH_RE = new RegExp(`^(\\d{4})(?:年(\\d{1,2})月份?${DAY_WORDS}|[-/](\\d{1,2})|\\.(\\d{2}))$`);
const MONTH_RE = new RegExp(`^(\\d{1,2})月份?(?:(\\d{1,2})[日号]|${DAY_WORDS})$`);

/** One calendar point or named period (no range separator inside, except a quarter/half-year span). */
function parsePoint(s: string, inheritYear: number | null, range = false): Point | null {
  let m: RegExpExecArray | null;
  // 2022年12月31日, 2022-12-31, 2022/12/31, 2022.12.31
  m = /^(\d{4})(?:年(\d{1,2})月(\d{1,2})[日号]?|([-./])(\d{1,2})\4(\d{1,2}))$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2] ?? m[5]);
    const d = Number(m[3] ?? m[6]);
    return validYear(y) && validMonth(mo) && validDay(d) ? { start: part(y, mo, d), end: null } : null;
  }
  // 2022年12月(底), 2022年12月份, 2022.12, 2022-12, 2022/12
  m = YEAR_MONTH_RE.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2] ?? m[3] ?? m[4]);
    return validYear(y) && validMonth(mo) ? { start: part(y, mo, null), end: null } : null;
  }
  // "2022.1" reads as a month only inside a range ("2022.1-2022.12"); alone it is a number
  m = range ? /^(\d{4})\.(\d)$/.exec(s) : null;
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return validYear(y) && validMonth(mo) ? { start: part(y, mo, null), end: null } : null;
  }
  // 2022年, 2022年度, 2022年底, 2022年年底, 2022年第四季度, 2022年上半年, 2022年全年
  m = /^(\d{4})年(度|度内|内|全年|底|末|初|中|年底|年末|年初|年中|上半年|下半年|第?[一二三四1-4]季度(?:末|底)?)?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    if (!validYear(y)) return null;
    return periodOf(m[2] ?? "", y) ?? { start: part(y, null, null), end: null };
  }
  // 12月, 12月份, 12月底, 12月31日
  m = MONTH_RE.exec(s);
  if (m) {
    const mo = Number(m[1]);
    const d = m[2] !== undefined ? Number(m[2]) : null;
    if (!validMonth(mo) || (d !== null && !validDay(d))) return null;
    return { start: part(inheritYear, mo, d), end: null };
  }
  // 底/末/中/初 name a month only after a year ("2022年底"); alone "中" is a grade.
  return s.length > 1 ? periodOf(s, inheritYear) : null;
}

/** Every date or period form holds one of these characters. */
const DATE_HINT = /[年月季底末初半Qq.\-/]/;

/** Trailing verbs a deadline may carry: "2022年12月31日前完成". */
const DONE_VERBS = /(完成|完工|竣工|建成|投入使用|交付使用|交付|办结|结束|启动|开工|实施|到位)$/;

/**
 * A date or period: "2022年12月31日前", "2022年12月底前", "12月", "≤12月份" (the operator is outside),
 * "2023.07-2024.01", "2022年6月-2022年12月", "2022年6-12月", "2022年度", "第四季度", "年底前".
 */
export function parseDate(s0: string): DateReading | null {
  if (!DATE_HINT.test(s0)) return null;
  // a doubled dash between two dates is one ("2024年1月--2024年11月", "2024年1月——2024年11月")
  let s = s0.replace(/(?<=[月日号底末年])(?:-{2,}|~{2,})(?=\d)/g, (m) => m[0]);
  let deadline = false;
  const lead = /^(截至|截止到|截止至|截止|于|在)/.exec(s);
  if (lead && s.length > lead[0].length) {
    s = s.slice(lead[0].length);
    if (lead[1].startsWith("截")) deadline = true;
  }
  // "当年12月", "本年度第四季度": the budget year, not written
  const thisYear = /^(当年|本年度|本年|今年|年度)(?=\d|第|[一二三四]季度|上半年|下半年)/.exec(s);
  if (thisYear) s = s.slice(thisYear[0].length);
  if (DONE_VERBS.test(s) && s.replace(DONE_VERBS, "") !== "") s = s.replace(DONE_VERBS, "");
  const dl = /(之前|以前|前)$/.exec(s);
  if (dl && s.length > dl[0].length) {
    s = s.slice(0, -dl[0].length);
    deadline = true;
  }
  if (s === "") return null;
  const single = parsePoint(s, null);
  if (single) return { date: single.start, dateEnd: single.end, deadline };
  // 2022年6-12月
  const short = /^(\d{4})年(\d{1,2})(?:月)?(?:-|~|至|到)(\d{1,2})月(?:份|底|末)?$/.exec(s);
  if (short) {
    const y = Number(short[1]);
    const a = Number(short[2]);
    const b = Number(short[3]);
    if (validYear(y) && validMonth(a) && validMonth(b)) return { date: part(y, a, null), dateEnd: part(y, b, null), deadline };
  }
  // a range: left and right points around a separator
  const seps = [...s.matchAll(/-|~|至|到/g)];
  for (const sep of seps) {
    const i = sep.index ?? -1;
    if (i <= 0) continue;
    const left = parsePoint(s.slice(0, i), null, true);
    if (!left) continue;
    const right = parsePoint(s.slice(i + sep[0].length), left.start.year, true);
    if (!right) continue;
    return { date: left.start, dateEnd: right.end ?? right.start, deadline };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Split layouts (101 template: 指标性质/运算符号 | 指标值 | 度量单位)

/** Formats a typed number without exponent notation: 1e21 → "1000000000000000000000". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (Object.is(n, -0)) return "0";
  const s = String(n);
  if (!/e/i.test(s)) return s;
  if (Number.isInteger(n)) return BigInt(n).toString();
  return n.toFixed(20).replace(/\.?0+$/, "");
}

/** Words an operator column uses to say "no operator here" (是/否: the value is a yes/no answer). */
const KIND_WORDS = /^(定性|定量|定性指标|定量指标|无|\/|-|是\/否|是否|是或否|有\/无)$/;

/**
 * Joins separate operator, value and unit cells into one 指标值 text for parseValue:
 * ("≥", 95, "%") → "≥95%"; ("大于等于", "90", "%") → "大于等于90%" (kept as written so the
 * operator-nonstandard rule sees it; parseValue reads op "≥"); ("以上", 5, "次") → "5次以上";
 * ("正向", 90, "%") → "≥90%"; ("定性", "好", null) → "好"; ("=", "100%", "%") → "=100%" (a unit
 * or operator already written in the value is not repeated).
 * An empty value gives "" whatever the other cells hold. Never throws.
 */
export function joinSplitValue(op: string | null, value: string | number | null, unit: string | null): string {
  try {
    const v =
      value === null || value === undefined
        ? ""
        : typeof value === "number"
          ? formatNumber(value)
          : String(value).trim();
    if (v === "") return "";
    const opText = typeof op === "string" ? op.trim() : "";
    const unitText = typeof unit === "string" ? unit.trim() : "";
    let opOut = "";
    let opAfter = "";
    if (opText !== "" && !KIND_WORDS.test(opText)) {
      const folded = cleanValueText(v);
      const own = matchPrefixOperator(folded) ?? matchSuffixOperator(folded);
      const form = OPERATOR_FORMS.find((f) => f.form === cleanValueText(opText));
      if (own !== null) {
        // the value carries its own operator ("≥95"): keep it
      } else if (form?.position === "suffix") {
        opAfter = opText; // an op column holding "以上" reads "95%以上"
      } else if (form === undefined && canonicalOperator(opText) !== null) {
        opOut = canonicalOperator(opText) as string; // 正向 / 反向
      } else {
        opOut = opText; // written forms stay as written, so operator-nonstandard can see them
      }
    }
    let unitOut = "";
    if (unitText !== "" && !KIND_WORDS.test(unitText)) {
      const folded = cleanValueText(v);
      const endsWithUnit = folded.endsWith(cleanValueText(unitText));
      const hasOwnUnit = /[^\d.,\s]$/.test(folded) && !/^\D*[\d.,]+$/.test(folded);
      if (!endsWithUnit && !hasOwnUnit) unitOut = unitText;
    }
    return `${opOut}${v}${unitOut}${opAfter}`;
  } catch {
    return "";
  }
}
