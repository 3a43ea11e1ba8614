import type { Operator } from "./types";

/** Where a written operator stands relative to the number: "≥95%" (prefix) or "95%以上" (suffix). */
export type OperatorPosition = "prefix" | "suffix";

export interface OperatorForm {
  /** The operator as written, after full-width → half-width folding (">=", "不少于", "以上" …). */
  form: string;
  /** The canonical operator it stands for. */
  op: Operator;
  /** True for the six forms a 指标值 should be written with: ≥ ≤ = > < ±. */
  standard: boolean;
  position: OperatorPosition;
}

function pre(form: string, op: Operator, standard = false): OperatorForm {
  return { form, op, standard, position: "prefix" };
}
function suf(form: string, op: Operator): OperatorForm {
  return { form, op, standard: false, position: "suffix" };
}

/**
 * Every written form of a comparison operator that a 指标值 may carry, with its canonical operator.
 * Chinese usage: "X以上" and "X以下" include X (≥ / ≤); "高于/超过/大于 X" exclude it (>).
 * Forms are matched after toHalfWidth, so "＞＝" arrives as ">=" and "＜" as "<".
 */
export const OPERATOR_FORMS: readonly OperatorForm[] = [
  pre("≥", "≥", true),
  pre("≤", "≤", true),
  pre("=", "=", true),
  pre(">", ">", true),
  pre("<", "<", true),
  pre("±", "±", true),
  pre(">=", "≥"),
  pre("=>", "≥"),
  pre("<=", "≤"),
  pre("=<", "≤"),
  pre("≥=", "≥"),
  pre("≤=", "≤"),
  pre("≧", "≥"),
  pre("≦", "≤"),
  pre("⩾", "≥"),
  pre("⩽", "≤"),
  pre("═", "="), // box-drawing double line, typed for = in some provincial systems
  pre("+-", "±"),
  pre("+/-", "±"),
  pre("﹥", ">"),
  pre("﹤", "<"),
  pre("大于等于", "≥"),
  pre("大于或等于", "≥"),
  pre("小于等于", "≤"),
  pre("小于或等于", "≤"),
  pre("不少于", "≥"),
  pre("不低于", "≥"),
  pre("不小于", "≥"),
  pre("不短于", "≥"),
  pre("不得少于", "≥"),
  pre("不得低于", "≥"),
  pre("至少", "≥"),
  pre("最少", "≥"),
  pre("达到", "≥"),
  pre("超过", ">"),
  pre("高于", ">"),
  pre("大于", ">"),
  pre("多于", ">"),
  pre("不超过", "≤"),
  pre("不超出", "≤"),
  pre("不高于", "≤"),
  pre("不大于", "≤"),
  pre("不多于", "≤"),
  pre("不得超过", "≤"),
  pre("不得高于", "≤"),
  pre("不晚于", "≤"),
  pre("不迟于", "≤"),
  pre("最多", "≤"),
  pre("至多", "≤"),
  pre("控制在", "≤"),
  pre("低于", "<"),
  pre("小于", "<"),
  pre("少于", "<"),
  pre("早于", "<"),
  pre("等于", "="),
  pre("正负", "±"),
  suf("及以上", "≥"),
  suf("(含)以上", "≥"),
  suf("以上", "≥"),
  suf("之上", "≥"),
  suf("+", "≥"),
  suf("及以下", "≤"),
  suf("(含)以下", "≤"),
  suf("以下", "≤"),
  suf("以内", "≤"),
  suf("之内", "≤"),
  suf("内", "≤"),
];

/** Prefix forms, longest first (so ">=" wins over ">", "不超过" over nothing). */
export const PREFIX_OPERATORS: readonly OperatorForm[] = OPERATOR_FORMS.filter((f) => f.position === "prefix").sort(
  (a, b) => b.form.length - a.form.length,
);
/** Suffix forms, longest first ("及以上" before "以上", "以内" before "内"). */
export const SUFFIX_OPERATORS: readonly OperatorForm[] = OPERATOR_FORMS.filter((f) => f.position === "suffix").sort(
  (a, b) => b.form.length - a.form.length,
);

const BY_FORM = new Map<string, OperatorForm>(OPERATOR_FORMS.map((f) => [f.form, f]));

/** Words that may stand in a 指标性质 column next to (or instead of) an operator (101 template). */
const DIRECTION_WORDS: Readonly<Record<string, Operator>> = {
  正向: "≥",
  正向指标: "≥",
  反向: "≤",
  反向指标: "≤",
};

function fold(form: string): string {
  return form
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "");
}

/** The canonical operator of a written form ("大于等于" → "≥", "＞＝" → "≥"), or null when unknown. */
export function canonicalOperator(form: string | null | undefined): Operator | null {
  if (form === null || form === undefined) return null;
  const f = fold(form);
  return BY_FORM.get(f)?.op ?? (Object.prototype.hasOwnProperty.call(DIRECTION_WORDS, f) ? DIRECTION_WORDS[f] : null);
}

/** True when a written operator is one of the six standard ones (≥ ≤ = > < ±). */
export function isStandardOperator(form: string | null | undefined): boolean {
  if (form === null || form === undefined) return false;
  return BY_FORM.get(form)?.standard === true;
}

function indexBy(forms: readonly OperatorForm[], key: (f: OperatorForm) => string): Map<string, OperatorForm[]> {
  const m = new Map<string, OperatorForm[]>();
  for (const f of forms) {
    const k = key(f);
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  }
  return m;
}
const PREFIX_BY_FIRST = indexBy(PREFIX_OPERATORS, (f) => f.form[0]);
const SUFFIX_BY_LAST = indexBy(SUFFIX_OPERATORS, (f) => f.form[f.form.length - 1]);

/** The longest prefix operator at the start of `s` (s already half-width, no spaces), or null. */
export function matchPrefixOperator(s: string): OperatorForm | null {
  const list = PREFIX_BY_FIRST.get(s[0]);
  if (list) for (const f of list) if (s.startsWith(f.form) && s.length > f.form.length) return f;
  return null;
}

/** The longest suffix operator at the end of `s`, or null. */
export function matchSuffixOperator(s: string): OperatorForm | null {
  const list = SUFFIX_BY_LAST.get(s[s.length - 1]);
  if (list) for (const f of list) if (s.endsWith(f.form) && s.length > f.form.length) return f;
  return null;
}
