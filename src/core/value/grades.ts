import type { ParsedValue } from "./types";

/**
 * A graded qualitative vocabulary (domain.md §b4). `levels` run from best to worst. `weak` scales are
 * recognised as qualitative but say nothing measurable ("长期", "持续保障", "全年"); rules may flag them.
 */
export interface GradeScale {
  id: string;
  /** Short description (English) of the scale. */
  label: string;
  levels: readonly string[];
  weak: boolean;
}

const IMPROVE_VERBS = ["提升", "提高", "改善", "增强", "加强", "优化", "改进", "增加", "扩大", "好转", "降低", "减少", "下降", "减轻", "缩短", "促进"] as const;
/** Degree modifiers written before an improvement verb, strongest first ("" = plain verb). */
const IMPROVE_DEGREES = ["显著", "明显", "大幅", "较大", "有效", "进一步", "稳步", "逐步", "持续", "一定程度", "有所", ""] as const;

function improveScale(verb: string): GradeScale {
  return {
    id: `improve-${verb}`,
    label: `degree of change: ${verb}`,
    levels: IMPROVE_DEGREES.map((d) => d + verb),
    weak: false,
  };
}

/** The recognised qualitative grade vocabularies. */
export const GRADE_SCALES: readonly GradeScale[] = [
  { id: "good", label: "good / fair / poor", levels: ["好", "较好", "一般", "较差", "差"], weak: false },
  { id: "excellent", label: "excellent / good / medium / low / poor", levels: ["优", "良", "中", "低", "差"], weak: false },
  { id: "excellent-words", label: "excellent / good (words)", levels: ["优秀", "优良", "良好", "中等", "较差"], weak: false },
  { id: "high", label: "high / low", levels: ["很高", "高", "较高", "一般", "较低", "低"], weak: false },
  // 高 / 中 / 低 as a form lists them (each word keeps its reading above: 高 high, 中 and 低 excellent).
  { id: "high-medium-low", label: "high / medium / low", levels: ["高", "中", "低"], weak: false },
  { id: "pass", label: "pass / fail", levels: ["合格", "基本合格", "不合格"], weak: false },
  { id: "standard", label: "meets the standard", levels: ["达标", "基本达标", "不达标"], weak: false },
  { id: "reach", label: "reached (10号 bands)", levels: ["达到", "基本达到", "部分达到", "未达到"], weak: false },
  { id: "achieve", label: "achieved (10号 bands)", levels: ["达成", "基本达成", "部分达成", "未达成"], weak: false },
  { id: "complete", label: "completed", levels: ["全部完成", "完成", "基本完成", "部分完成", "未完成"], weak: false },
  { id: "satisfy", label: "satisfaction", levels: ["非常满意", "满意", "较满意", "基本满意", "不满意"], weak: false },
  {
    id: "effect",
    label: "visible effect",
    levels: ["成效显著", "效果显著", "效果明显", "成效明显", "作用明显", "效果良好", "有效", "显著", "明显"],
    weak: false,
  },
  {
    id: "compliance",
    label: "on time / compliant / running",
    levels: [
      "及时", "按时", "准时", "如期", "按期", "按计划完成", "按计划实施", "按计划推进", "按计划进行", "按时完成",
      "按期完成", "如期完成", "顺利完成", "按要求完成", "合规", "规范", "依法合规", "符合", "符合要求",
      "符合标准", "符合规定", "专款专用", "正常", "正常运行", "正常使用", "正常运转", "稳定运行", "安全运行", "运行良好",
      "稳定", "安全", "完善", "健全", "到位", "落实", "全覆盖", "实现",
    ],
    weak: false,
  },
  {
    // The 决策 indicators of the 江苏 form (立项依据充分性, 绩效目标明确性, 资金分配合理性) are graded so.
    id: "sound",
    label: "sound / clear / reasonable (decision indicators)",
    levels: ["充分", "明确", "合理", "科学", "完整"],
    weak: false,
  },
  { id: "occurrence", label: "no incident", levels: ["无", "未发生", "零发生", "杜绝", "零"], weak: false },
  ...IMPROVE_VERBS.map(improveScale),
  {
    id: "budget",
    label: "cost kept within the budget, with no amount",
    levels: ["不超预算", "不超过预算", "不超出预算", "控制在预算内", "控制在预算范围内", "预算范围内", "预算以内", "在预算范围内"],
    weak: true,
  },
  {
    id: "weak",
    label: "durations and vague words that say nothing measurable",
    levels: [
      "长期", "持续", "长效", "持续保障", "持续发挥", "持续有效", "长期有效", "长期发挥", "长期保持", "长期稳定",
      "持续推进", "常态化", "全年", "当年", "本年", "本年度", "年内", "年度内", "全年度",
      "是", "有", "否",
    ],
    weak: true,
  },
];

/** Objects that may follow a level word: "达到预期", "完成目标", "符合要求". */
const OBJECTS = ["预期目标", "预期效果", "预期要求", "预期", "目标", "要求", "标准", "规定", "计划", "任务", "效果", "水平"];
/** Nouns that end a subject before a one-character level ("质量好", "满意度高"). */
const SUBJECT_END = /[度率性量果平况境态感力]$/;
/** Text made of CJK characters only (the only shape a qualitative value takes). */
const CJK_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
const MAX_QUALITATIVE_LENGTH = 20;

interface TermInfo {
  scale: GradeScale;
  level: number;
}

const TERMS = new Map<string, TermInfo>();
for (const scale of GRADE_SCALES) {
  scale.levels.forEach((term, level) => {
    const prev = TERMS.get(term);
    // A word in two scales (差, 一般) keeps its first, non-weak reading.
    if (prev === undefined) TERMS.set(term, { scale, level });
  });
}
/** Endings a subject may be followed by: every term, and every term + object ("达到标准"). */
const ENDINGS = new Map<string, { term: string; grade: string }>();
for (const term of TERMS.keys()) ENDINGS.set(term, { term, grade: term });
for (const term of TERMS.keys()) {
  for (const obj of OBJECTS) if (!ENDINGS.has(term + obj)) ENDINGS.set(term + obj, { term, grade: term + obj });
}
const MAX_ENDING = Math.max(...[...ENDINGS.keys()].map((k) => k.length));
const IMPROVE_TERMS = new Set([...TERMS.keys()].filter((t) => TERMS.get(t)?.scale.id.startsWith("improve-")));
const MAX_IMPROVE = Math.max(...[...IMPROVE_TERMS].map((k) => k.length));

export interface GradeMatch {
  /** The recognised grade ("好", "达到预期", "明显改善"). */
  grade: string;
  /** The value as it should be written (the grade, or the subject + grade, "环境质量明显改善"). */
  normalized: string;
  scale: GradeScale;
  /** Index in `scale.levels` (0 = best). */
  level: number;
  weak: boolean;
}

function info(term: string, grade: string, normalized: string): GradeMatch | null {
  const t = TERMS.get(term);
  if (t === undefined) return null;
  return { grade, normalized, scale: t.scale, level: t.level, weak: t.scale.weak };
}

function withObject(text: string): GradeMatch | null {
  for (const obj of OBJECTS) {
    if (text.length > obj.length && text.endsWith(obj)) {
      const head = text.slice(0, -obj.length).replace(/[的了]$/, "");
      const m = info(head, text, text);
      if (m) return m;
    }
  }
  return null;
}

/** Strips "很/非常/较为/比较/十分" before a one-character level: "非常好" → 好. */
function intensified(text: string): GradeMatch | null {
  const m = /^(很|非常|十分|比较|较为|更加|更)(.)$/.exec(text);
  if (!m) return null;
  return info(m[2], text, text);
}

/**
 * Recognises a qualitative grade: a grade word ("好", "合格", "达到"), a level with an object ("达到预期"),
 * a full-coverage phrase ("应保尽保", read as 全覆盖),
 * a subject followed by a grade ("环境质量明显改善", "群众满意"), or an improvement verb with its object
 * ("显著提升群众获得感"). Text is expected half-width without spaces and without an operator.
 * Returns null for anything else (digits, punctuation, questions "是否…", long sentences).
 */
export function matchGrade(text: string): GradeMatch | null {
  if (text.length === 0 || text.length > MAX_QUALITATIVE_LENGTH || !CJK_ONLY.test(text)) return null;
  if (text.startsWith("是否")) return null;
  // 合格或不合格, 达到或基本达到: the form's options, not a grade (the last one would read as one).
  if (text.includes("或") && gradeOptions(text) !== null) return null;
  const exact = info(text, text, text) ?? withObject(text) ?? intensified(text);
  if (exact) return exact;
  // 应保尽保, 应发尽发, 应收尽收 ("whoever should be covered is"): full coverage, as 全覆盖; with a
  // subject too ("困难群众应保尽保").
  const all = /^([\u3400-\u9fff]{0,12})应(.)尽\2$/.exec(text);
  if (all) return info("全覆盖", text.slice(all[1].length), text);
  // subject + grade (+ object): "项目按计划完成", "环境质量明显改善", "服务质量达到标准"
  for (let len = Math.min(text.length - 1, MAX_ENDING); len > 0; len--) {
    const ending = ENDINGS.get(text.slice(text.length - len));
    if (ending === undefined) continue;
    const subject = text.slice(0, text.length - len);
    if (subject.length > 12) break;
    if (ending.term.length === 1 && !SUBJECT_END.test(subject.replace(/(很|非常|十分|比较|较为|较)$/, ""))) continue;
    return info(ending.term, ending.grade, text);
  }
  // verb + object + standard: "符合国家标准", "达到国家二级标准", "满足设计要求"
  const vo = /^(符合|达到|满足|实现|完成|基本达到|基本符合|基本完成|全面完成)([\u3400-\u9fff]{0,8})(标准|要求|规定|目标|预期|计划|任务|规范)$/.exec(text);
  if (vo) {
    const verb = TERMS.has(vo[1]) ? vo[1] : vo[1] === "满足" ? "符合" : null;
    if (verb !== null) return info(verb, vo[1], text);
  }
  // improvement verb + object: "显著提升群众获得感", "提高工作效率"
  for (let len = Math.min(text.length - 1, MAX_IMPROVE); len >= 2; len--) {
    const head = text.slice(0, len);
    if (IMPROVE_TERMS.has(head) && text.length - len <= 10) return info(head, head, text);
  }
  return null;
}

/** The grade scale a grade word belongs to, null when unrecognised. */
export function gradeScaleOf(grade: string | null | undefined): GradeScale | null {
  if (!grade) return null;
  return matchGrade(grade)?.scale ?? null;
}

/** True for a recognised qualitative value that says nothing measurable ("长期", "持续保障", "全年", "是"). */
export function isWeakQualitative(v: ParsedValue): boolean {
  if (v.kind !== "qualitative") return false;
  const m = matchGrade(v.grade ?? "") ?? matchGrade(v.normalized ?? "");
  return m !== null && m.weak;
}

/** Separators between listed options: 高/中/低, 优、良、中、差, 是或否. */
const OPTION_SEP = /[/／、,，|｜;；]|或/;

/** `text` cut into levels of `scale`, longest level first at each place; null when something else is left. */
function segment(text: string, scale: GradeScale): string[] | null {
  const levels = [...scale.levels].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const level = levels.find((l) => text.startsWith(l, i));
    if (!level) return null;
    out.push(level);
    i += level.length;
  }
  return out;
}

/**
 * The grades of one scale listed together with none chosen — "高中低", "好/较好/一般", "优、良、中、差",
 * "是/否": a form's list of options copied as the value. The levels as listed (all different; two or
 * more when separated, three or more when run together), or null.
 */
export function gradeOptions(text: string): string[] | null {
  const t = text.replace(/[\s\u3000]+/g, "");
  if (t.length < 2 || t.length > MAX_QUALITATIVE_LENGTH * 2) return null;
  const parts = OPTION_SEP.test(t) ? t.split(OPTION_SEP).filter((p) => p !== "") : null;
  for (const scale of GRADE_SCALES) {
    const levels = parts ?? segment(t, scale);
    // Run together, two levels may be one grade ("中高"): three at least ("高中低"); separated, two.
    if (!levels || levels.length < (parts ? 2 : 3) || new Set(levels).size !== levels.length) continue;
    if (levels.every((l) => scale.levels.includes(l))) return levels;
  }
  return null;
}
