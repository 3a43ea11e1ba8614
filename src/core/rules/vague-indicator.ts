import { toHalfWidth } from "../value/numbers";
import { findPlaceholders, stripMarker, withoutPlaceholders } from "../value/placeholders";
import { PREFIX_OPERATORS } from "../value/operators";
import { UNIT_LEXICON, isPercent } from "../value/units";
import { GRADE_SCALES, isWeakQualitative, matchGrade } from "../value/grades";
import type { IndicatorRow } from "../model/schema";
import type { Rule } from "./types";
import { clean, isSatisfactionRow, memoText, normText } from "./utils/text";
import { canonicalLevel2 } from "../forms/categories";

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

const QUESTION_RE = /是否|能否|可否|是不是|有没有|会不会|[?？]|[吗么呢]$/;

const GOAL_VERBS = "保障|确保|保证|打造|促进|提升|提高|推动|推进|加强|增强|改善|实现|助力|营造|优化|加快|完善|落实|力争|争取|带动|扩大|服务于";
const GOAL_VERB_G = new RegExp(GOAL_VERBS, "g");
const STARTS_WITH_VERB_RE = new RegExp(`^(?:为|通过|以)?(?:${GOAL_VERBS})`);
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
  if (key.length < GOAL_SENTENCE_MIN_LENGTH || MEASURE_RE.test(key)) return false;
  const verbs = key.match(GOAL_VERB_G)?.length ?? 0;
  if (verbs >= 2) return true;
  return STARTS_WITH_VERB_RE.test(key) && (key.length >= 10 || GOAL_WORDING_RE.test(key));
}

/** Names that describe a way of working: 按合同…, 按照…, 依据…, 根据…, 严格执行…. */
const METHOD_RE = /^(?:按合同|按照|依据|根据|遵照|严格按|严格执行|严格遵守)/;

export type VagueKind = "placeholder" | "question" | "goalSentence" | "methodPhrase" | "embeddedValue" | "abstractRate" | "sloganRate";

/** The first vagueness of an indicator row's name, or null. Exported for the task pane's live hints. */
export function vagueKind(row: Pick<IndicatorRow, "name" | "description" | "value">): VagueKind | null {
  const name = row.name.value;
  if (!name) return null;
  const kind = nameVagueness(name);
  if (kind === "abstract") return isPercent(row.value) && !RATIO_RE.test(row.description.value ?? "") ? "abstractRate" : null;
  if (kind === null && isPercent(row.value) && isSlogan(name)) return "sloganRate";
  return kind;
}

/** A slogan: starts with a goal verb and names nothing measurable ("促进社会和谐", "推动经济发展"). */
const isSlogan = memoText((name: string): boolean => {
  const key = normText(name);
  return key.length >= 4 && STARTS_WITH_VERB_RE.test(key) && !MEASURE_RE.test(key);
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
  if (METHOD_RE.test(key) && !MEASURE_RE.test(key)) return "methodPhrase";
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
    messageIds: ["placeholder", "question", "goalSentence", "methodPhrase", "embeddedValue", "abstractRate", "sloganRate", "emptyGrade"],
    sources: ["domain §b5", "domain §b1", "domain §f15", "domain §f16", "domain §f17", "domain §f25", "domain §f26", "domain §b7", "88号 指向明确/细化量化 [R]"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标不够细化、量化",
  },
  check(ctx) {
    for (const row of ctx.table.indicators) {
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
