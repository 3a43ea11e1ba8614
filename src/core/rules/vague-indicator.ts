import { toHalfWidth } from "../value/numbers";
import { findPlaceholders, stripMarker, withoutPlaceholders } from "../value/placeholders";
import { PREFIX_OPERATORS } from "../value/operators";
import { UNIT_LEXICON, isPercent } from "../value/units";
import { GRADE_SCALES, isWeakQualitative, matchGrade } from "../value/grades";
import type { IndicatorRow } from "../model/schema";
import type { Rule } from "./types";
import { clean, isSatisfactionRow, memoText, normText } from "./utils/text";
import { canonicalLevel2 } from "../forms/categories";
import { processKind } from "./process-indicator";

/**
 * Indicator names that cannot be measured (domain §b5, §b1; seed §f15–17, §f26):
 * - placeholder: template text left in ("**", "★", "指标1:", "XX"/"××", "…", a bare number);
 * - question: a yes/no question ("是否吸引更多的外商投资者", "…吗", "…？");
 * - goalSentence: a goal sentence ("保障项目顺利完成打造好招商环境"): long, with a goal verb and no
 *   measurable noun (率, 数, 量, 度, 次, 面积, 时间, 成本 …);
 * - methodPhrase: a way of working instead of a measured object ("按合同价格", "根据实际需要安排");
 * - embeddedValue: the name holds its own target ("培训合格率达到95%", "上报信息80条");
 * - abstractRate: an abstract effect (影响, 作用, 反响 …) given a percentage although the description
 *   defines no ratio ("持续影响作用率 ≥95%", "对未来的影响 ≥90%").
 * - sloganRate: a slogan scored as a percentage ("促进社会和谐 ≥95%", "推动经济发展 ≥90%"): a goal verb
 *   and no measurable noun, given a percentage.
 * One issue per name, the first that applies in that order. On the value cell, when the name was not
 * reported, an empty grade (emptyGrade): a value that names no subject and no scale to judge by ("长期",
 * "持续", "效果明显", "成效显著"). A placeholder in the 指标值 is placeholder-left's; a core-indicator
 * marker before a name (★, ※, *) is not a placeholder.
 */

const ESC = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

const PLACEHOLDER_RE = /\*|＊|★|☆|…|\.{3}|。{3}|[XxＸｘ]{2,}|×{2,}|○{2,}|某某/;
const TEMPLATE_NAME_RE = /^(?:三级)?指标\s*[0-9一二三四五六七八九十]+\s*(?:[:：、.．]|$)/;
const BARE_NUMBER_RE = /^[+-]?\d+(?:\.\d+)?\s*%?$/;

const QUESTION_RE = /是否|能否|可否|是不是|有没有|会不会|与否|[?？]|[吗么呢]$/;

const GOAL_VERBS =
  "保障|确保|保证|打造|促进|提升|提高|推动|推进|加强|增强|改善|实现|助力|营造|优化|加快|完善|落实|力争|争取|带动|扩大|服务于|激发|维护|弘扬|树立|巩固|凝聚|调动|激励|办好";
const GOAL_VERB_G = new RegExp(GOAL_VERBS, "g");
/** A goal verb at the start, after a purpose or adverb lead-in ("为民众办好事", "进一步提高…"). */
const STARTS_WITH_VERB_RE = new RegExp(`^(?:为[^,，]{0,3}?|通过|以|进一步|持续|不断|切实|全面|努力)?(?:${GOAL_VERBS})`);
/** Work-style set phrases that measure nothing ("齐抓共管", "办实事", "落到实处"). */
const SLOGAN_PHRASE_RE = /齐抓共管|常抓不懈|落到实处|扎实推进|有序推进|稳步推进|深入推进|全面推进|办好事|办实事|取得实效|见到实效|务求实效/;
/** Reputation words a goal verb is aimed at (提升…知名度和美誉度): not a measure inside a sentence. */
const REPUTATION_RE = /知名度|美誉度|影响力|认知度|认可度|关注度|幸福感|获得感|安全感|荣誉感|归属感/g;
/** No measurable noun once the reputation words a goal aims at are set aside. */
const measureless = (key: string): boolean => !MEASURE_RE.test(key.replace(REPUTATION_RE, ""));
/** Goal-sentence wording: "顺利完成", "更好地", "进一步". */
const GOAL_WORDING_RE = /顺利|更好|更多|进一步|良好的|打造好/;
const MEASURE_RE =
  /率|数|量|度|次|面积|长度|里程|时间|时限|日期|期限|成本|金额|费用|比例|占比|比重|指数|得分|分值|规模|收入|产值|情况|程度|水平|状况|效果|标准/;
export const GOAL_SENTENCE_MIN_LENGTH = 8;

const OPS = [...PREFIX_OPERATORS.map((f) => f.form), "达", "为"].sort((a, b) => b.length - a.length).map(ESC);
const UNITS = UNIT_LEXICON.filter((u) => /[\u4e00-\u9fff%‰]/.test(u)).map(ESC);
const UNIT_ALT = `(?:%|百分比|${UNITS.join("|")})`;
const OP_NUMBER_RE = new RegExp(`(?:${OPS.join("|")})\\s*\\d+(?:\\.\\d+)?\\s*${UNIT_ALT}`);
const TRAILING_VALUE_RE = new RegExp(`\\d+(?:\\.\\d+)?\\s*${UNIT_ALT}(?:以上|以内|以下|及以上|及以下|左右)?$`);

const ABSTRACT_RE = /(?:影响|作用|反响|效果|意义|氛围|口碑|形象|知名度|影响力)(?:作用|程度)?(?:率|度|程度|情况|水平)?$/;
const NEGATIVE_RE = /负面|不良|负作用|污染|损害/;
const RATIO_RE = /比例|占比|比率|比重|除以|之比|\/|／/;

/**
 * A goal sentence used as a name: at least 8 characters, no measurable noun, and either two goal verbs
 * ("保障…打造…") or one at the start with goal wording or length ("确保活动顺利开展"). A subject followed
 * by one verb ("群众出行条件改善", "参训人员业务能力提升") is a qualitative indicator, not a sentence.
 */
function isGoalSentence(key: string): boolean {
  if (key.length < GOAL_SENTENCE_MIN_LENGTH || !measureless(key)) return false;
  const verbs = key.match(GOAL_VERB_G)?.length ?? 0;
  if (verbs >= 2) return true;
  return STARTS_WITH_VERB_RE.test(key) && (key.length >= 10 || GOAL_WORDING_RE.test(key));
}

/** Names that describe a way of working: 按合同…, 按政策…, 按照…, 依据…, 根据…, 严格执行…. */
const METHOD_RE = /^(?:按(?:合同|政策|规定|要求|标准|程序|流程)|按照|依据|根据|遵照|严格按|严格执行|严格遵守)/;
/** Names that state a requirement instead of an object: "控制在预算成本内", "不超过预算". */
const REQUIREMENT_RE = /^(?:控制在|不超过|不超出|不突破)/;
/**
 * Clauses of a name ("院区建成后,可持续为周边群众提供医疗服务"): a sentence when every clause has at
 * least 4 Chinese characters, the whole at least 10, and nothing in it is measured. A stray comma in a
 * garbled name ("提供就业LJUI,冈位") leaves a short clause and is no sentence.
 */
const CLAUSE_RE = /[,，;；]/;
export const CLAUSE_SENTENCE_MIN_LENGTH = 10;
const MIN_CLAUSE_CHARS = 4;
function isClauseSentence(half: string, key: string): boolean {
  if (!CLAUSE_RE.test(half) || key.length < CLAUSE_SENTENCE_MIN_LENGTH || !measureless(key)) return false;
  return half.split(CLAUSE_RE).every((c) => (c.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= MIN_CLAUSE_CHARS);
}

export type VagueKind =
  | "placeholder"
  | "question"
  | "goalSentence"
  | "methodPhrase"
  | "embeddedValue"
  | "abstractRate"
  | "sloganRate"
  | "sloganBlank";

/** The first vagueness of an indicator row's name, or null. Exported for the task pane's live hints. */
export function vagueKind(row: Pick<IndicatorRow, "name" | "description" | "value">): VagueKind | null {
  const name = row.name.value;
  if (!name) return null;
  const kind = nameVagueness(name);
  if (kind === "abstract") return isPercent(row.value) && !RATIO_RE.test(row.description.value ?? "") ? "abstractRate" : null;
  if (kind !== null) return kind;
  if (isPercent(row.value)) {
    if (isSlogan(name)) return "sloganRate";
    if (QUANTITY_IN_NAME_RE.test(toHalfWidth(name).replace(/\s+/g, ""))) return "embeddedValue";
  }
  if (row.value.kind === "empty" && isSlogan(name)) return "sloganBlank";
  return null;
}

/** A quantity written in the name ("5000吨稻谷储备到位率") while the value is a percentage. */
const NOT_QUANTITY = new Set(
  "年 月 日 天 周 秒 分 度 倍 级 星 类 种 期 届 档 节 轮 卷 集 首 分钟 小时 个小时 钟头 季度 个季度 星期 个星期 个周 周年 个月 月份 工作日 个工作日 星级 % ‰ %点 百分比 百分率 千分比 百分点 个百分点 摄氏度".split(" "),
);
const QUANTITY_UNITS = UNIT_LEXICON.filter((u) => /[\u4e00-\u9fff]/.test(u) && !NOT_QUANTITY.has(u)).map(ESC);
const QUANTITY_IN_NAME_RE = new RegExp(
  `(?<![第\\d.])\\d+(?:\\.\\d+)?(?:${QUANTITY_UNITS.join("|")})(?!个?(?:工作日|小时|月|季度|星期|周|年|日|天))`,
);

/**
 * A slogan: starts with a goal verb, or holds a work-style set phrase (齐抓共管, 办实事), and names
 * nothing measurable ("促进社会和谐", "推动经济发展", "激发为民办事的热情", "提升城市知名度").
 */
const isSlogan = memoText((name: string): boolean => {
  const key = normText(name);
  return key.length >= 4 && (STARTS_WITH_VERB_RE.test(key) || SLOGAN_PHRASE_RE.test(key)) && measureless(key);
});

/**
 * Grades of the visible-effect scale that name only "the effect" ("效果明显", "成效显著"): nothing says
 * what improved. A bare degree word ("明显") after a name that says what ("宣传效果") is left alone.
 */
const BARE_EFFECT = new Set((GRADE_SCALES.find((g) => g.id === "effect")?.levels ?? []).filter((l) => /效果|成效|作用/.test(l)));

/** A 时效 row: its vague values are time-weak's. */
function isTimeRow(row: IndicatorRow): boolean {
  return (row.level2.canonical ?? canonicalLevel2(row.level2.raw)) === "时效指标";
}

/** A qualitative value that can be judged by nothing: a weak grade or a bare effect word. */
function isEmptyGrade(v: IndicatorRow["value"]): boolean {
  if (v.kind !== "qualitative") return false;
  const text = v.normalized ?? v.raw;
  if (BARE_EFFECT.has(text)) return true;
  // The budget scale ("控制在预算内") is a cost row without an amount, not a grade.
  return isWeakQualitative(v) && matchGrade(text)?.scale.id === "weak";
}

/**
 * The part of vagueKind that reads the name alone, memoised per name text: "abstract" when the name
 * is an abstract effect (abstractRate then depends on the value and the description).
 */
const nameVagueness = memoText((name: string): Exclude<VagueKind, "abstractRate"> | "abstract" | null => {
  // A core-indicator marker (★培训人数) and a template hint kept beside a real name (培训人数(≥**人),
  // placeholder-left's) are not the name.
  const marked = stripMarker(clean(name));
  const raw = findPlaceholders(marked, "name").length > 0 && withoutPlaceholders(marked) !== "" ? withoutPlaceholders(marked) : marked;
  if (!raw) return null;
  const half = toHalfWidth(raw);
  const key = normText(raw);
  if (key === "" || PLACEHOLDER_RE.test(half) || TEMPLATE_NAME_RE.test(half) || BARE_NUMBER_RE.test(half))
    return "placeholder";
  if (QUESTION_RE.test(half)) return "question";
  if (isGoalSentence(key)) return "goalSentence";
  if ((METHOD_RE.test(key) && !MEASURE_RE.test(key)) || REQUIREMENT_RE.test(key)) return "methodPhrase";
  if (isClauseSentence(half, key)) return "goalSentence";
  const compact = half.replace(/\s+/g, "");
  if (OP_NUMBER_RE.test(compact) || TRAILING_VALUE_RE.test(compact)) return "embeddedValue";
  if (ABSTRACT_RE.test(key) && !NEGATIVE_RE.test(key)) return "abstract";
  return null;
});


export const rule: Rule = {
  meta: {
    id: "vague-indicator",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["placeholder", "question", "goalSentence", "methodPhrase", "embeddedValue", "abstractRate", "sloganRate", "sloganBlank", "emptyGrade"],
    sources: ["domain §b5", "domain §b1", "domain §f15", "domain §f16", "domain §f17", "domain §f25", "domain §f26", "domain §b7", "88号 指向明确/细化量化 [R]"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标不够细化、量化",
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
      // A fund-management name ("保证…专款专用") is process-indicator's: one cause, one finding.
      if (processKind(row.name.value) !== null) continue;
      const kind = vagueKind(row);
      if (kind !== null) {
        ctx.report({
          messageId: kind,
          cell: row.name.cell,
          data: { name: clean(row.name.value), value: row.value.raw },
        });
      }
      if (kind === null && isEmptyGrade(row.value) && !isSatisfactionRow(row) && !isTimeRow(row)) {
        ctx.report({
          messageId: "emptyGrade",
          cell: row.value.cell ?? row.name.cell,
          data: { name: clean(row.name.value), value: row.value.raw },
        });
      }
    }
  },
};
