/**
 * Text normalisation shared by the content rules (duplicates, vague names, goals, 依据 …).
 * Pure functions on strings; no knowledge of the table model except the small row helpers at the end.
 */
import { toHalfWidth } from "../../value/numbers";
import type { IndicatorRow, ProjectTable } from "../../model/schema";

/** Every punctuation or symbol character we ignore when comparing texts (CJK and ASCII). */
const PUNCT_RE = /[\s\p{P}\p{S}\u3000]/gu;

/**
 * The comparison key of a text: half-width, lower-case, no whitespace, no punctuation or symbols.
 * "项目验收合格率。" and "项目 验收合格率" both give "项目验收合格率".
 */
export function normText(s: string | null | undefined): string {
  if (!s) return "";
  const hit = NORM_CACHE.get(s);
  if (hit !== undefined) return hit;
  const key = toHalfWidth(s).toLowerCase().replace(PUNCT_RE, "");
  if (NORM_CACHE.size >= NORM_CACHE_MAX) NORM_CACHE.clear();
  NORM_CACHE.set(s, key);
  return key;
}

/**
 * A bounded memo of a pure function of one text: names, values, 依据 and goal lines recur across
 * rules, tables and runs. Results must be immutable values (strings, enums, null) or copied by the caller.
 */
export function memoText<T>(fn: (s: string) => T, max = 50000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const v = fn(s);
    if (cache.size >= max) cache.clear();
    cache.set(s, v);
    return v;
  };
}

/** Memo of normText: the same names, values and 依据 recur across rules and tables. */
const NORM_CACHE = new Map<string, string>();
const NORM_CACHE_MAX = 100000;

/** Trimmed text, or "" for null. */
export function clean(s: string | null | undefined): string {
  if (!s) return "";
  // Fast path: a text without any whitespace is already clean (no regex replace, no copy).
  if (!HAS_SPACE_RE.test(s)) return s;
  return s.replace(/\s+/g, " ").trim();
}
const HAS_SPACE_RE = /\s/;

/** Shortens a quoted text for messages ("…" after `max` characters). */
export function excerpt(s: string | null | undefined, max = 30): string {
  const t = clean(s);
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/**
 * Leading numbering of a goal line: "1." "2、" "3）" "(1)" "（一）" "一、" "①" "第一，" "（1）、".
 * Applied repeatedly, so "一、1." is removed too.
 */
const NUMBERING_RE =
  /^\s*(?:[（(]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）][、.．,，:：]?|[0-9]{1,3}\s*[、.．,，:：)）]|[一二三四五六七八九十]{1,3}\s*[、.．,，:：]|第[一二三四五六七八九十0-9]{1,3}[、.．,，:：]?|[\u2460-\u2473\u2776-\u277f])\s*/;

export const stripNumbering: (line: string) => string = memoText(stripNumberingOnce);

function stripNumberingOnce(line: string): string {
  let s = toHalfWidth(line).trim();
  for (let i = 0; i < 3; i++) {
    const next = s.replace(NUMBERING_RE, "");
    if (next === s) break;
    s = next;
  }
  return s;
}

/**
 * Boilerplate openings of goal lines that carry no content; removed before comparing lines.
 * Longest first so that "开展本项目主要是" wins over "开展本项目".
 */
const GOAL_PREFIXES = [
  "开展本项目主要是",
  "开展该项目主要是",
  "实施本项目主要是",
  "通过实施本项目",
  "通过开展本项目",
  "本项目主要是",
  "该项目主要是",
  "项目实施后",
  "开展本项目",
  "实施本项目",
  "通过本项目",
  "本项目",
  "该项目",
].sort((a, b) => b.length - a.length);

/** A goal line's comparison key: numbering, boilerplate prefixes, whitespace and punctuation removed. */
export const goalKey: (line: string) => string = memoText(goalKeyOnce);

/**
 * A goal line's own label: 实施期绩效目标：, 年度目标:, 中期绩效目标, 2024年度绩效目标：, 总体目标 ….
 * The qualifier or 绩效 is required, so a line that merely starts with 目标 keeps its text.
 */
const GOAL_LABEL_RE =
  /^(?:项目)?(?:(?:实施期|中期|长期|年度|本年度|当年度|当年|总体|整体|(?:19|20)\d{2}年度?)(?:绩效)?|绩效)目标\s*[:：]?\s*/;

function goalKeyOnce(line: string): string {
  let s = normText(stripNumbering(stripNumbering(line).replace(GOAL_LABEL_RE, "")));
  for (let again = true; again; ) {
    again = false;
    for (const p of GOAL_PREFIXES) {
      if (s.startsWith(p) && s.length > p.length) {
        s = s.slice(p.length);
        again = true;
        break;
      }
    }
  }
  return s;
}

/**
 * The core of a project name or goal line: without the year, the trailing "项目资金"/"经费"/"项目" and
 * the opening work or payment verbs ("实施", "按时发放").
 */
export const projectCore: (s: string) => string = memoText(projectCoreOnce);

function projectCoreOnce(s: string): string {
  let t = goalKey(s).replace(/^(?:19|20)\d{2}年(?:度)?/, "");
  for (let again = true; again; ) {
    const next = t
      .replace(/(?:项目资金|项目经费|专项资金|专项经费|资金|经费|项目|工作|费用|费)$/, "")
      .replace(/^(?:实施|开展|完成|做好|推进|保障|组织|落实|按时|及时|足额|按月|发放|支付|兑付|兑现)/, "");
    again = next !== t && next.length > 0;
    if (again) t = next;
  }
  return t;
}

/** A 文号: 财预〔2021〕101号, 文小请字【2022】2号, XX发[2022]3号, 冀财预(2020)5号. */
export const DOC_NUMBER_RE = /[〔【\[（(［]\s*(?:19|20)\d{2}\s*[〕】\]）)］]\s*(?:第\s*)?\d{1,5}\s*号/;

/** A citation of a named document: 《…》. */
export const DOC_TITLE_RE = /《[^》]{2,}》/;

/** True when the text contains a 文号 or a 《document title》. */
export function citesDocument(s: string): boolean {
  const t = toHalfWidth(s);
  return DOC_NUMBER_RE.test(t) || DOC_TITLE_RE.test(t);
}

/** Words that mark a satisfaction indicator. */
export const SATISFACTION_RE = /满意度|满意率/;

/** Is this row a satisfaction indicator (满意度 一级, a satisfaction 二级, or a name with 满意度/满意率)? */
export function isSatisfactionRow(row: IndicatorRow): boolean {
  return (
    row.level1.canonical === "满意度指标" ||
    row.level2.canonical === "服务对象满意度指标" ||
    SATISFACTION_RE.test(row.name.value ?? "")
  );
}

/** Is this row a cost indicator (成本 under 产出 in the 88 form, or the 成本 一级 / its 二级 in 101)? */
export function isCostRow(row: IndicatorRow): boolean {
  const l1 = row.level1.canonical;
  const l2 = row.level2.canonical;
  return (
    l1 === "成本指标" ||
    l2 === "成本指标" ||
    l2 === "经济成本指标" ||
    l2 === "社会成本指标" ||
    l2 === "生态环境成本指标"
  );
}

/** The project name of a table for messages ("（未填项目名称）" when empty). */
export function projectLabel(table: ProjectTable): string {
  return clean(table.projectName.value) || "（未填项目名称）";
}

/** Text made only of template marks: XX, ××, **, ＿＿, …, ○○. */
const MARKS_ONLY_RE = /^[\sXx×*_…·.。○□△、\-—]*$/;
/** A numbered template name: 指标1, 三级指标2：. */
const TEMPLATE_NAME_RE = /^(?:三级)?指标\s*[0-9一二三四五六七八九十]+\s*[:：、.]?$/;

/** A 三级 name that is blank or only what the template printed ("……", "XX", "指标1："). */
export function isTemplateName(name: string | null): boolean {
  const s = toHalfWidth(name ?? "").trim();
  return MARKS_ONLY_RE.test(s) || TEMPLATE_NAME_RE.test(s);
}
