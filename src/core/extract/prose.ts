/**
 * Prose → indicator rows. A department's 分项绩效目标 are often written as sentences:
 *   （一）党务、政务服务方面 绩效目标：… 绩效指标：上报信息80条，上传下达工作任务完成率100%；…
 * Every measure becomes one row: its name, its value (operator + number + unit, read by parseValue),
 * the period when one is written (每年), a suggested 一级 / 二级 with the reason, and the clause it
 * came from. One measure per row: "A、B、C完成率 100%" gives three rows with the same value.
 * Pure: the caller passes the library index (builtinSearchIndex() or the user's merged library).
 */
import { search, type Reason, type SearchIndex } from "../library/search";
import { measuresOf } from "../rules/multi-measure";
import { parseValue } from "../value/parse";
import type { Operator } from "../value/types";

export interface ProseValue {
  /** The value as it stands in the sentence ("不少于5次", "80条", "100%"). */
  raw: string;
  op: Operator | null;
  number: number | null;
  unit: string | null;
  /** The standard form ("≥5次"), or raw when it cannot be normalised. */
  text: string;
}

/** Why a 一级 / 二级 was suggested: a library entry (with the search reasons) or the kind of value. */
export type CategoryReason =
  | { code: "library"; entry: string; reasons: Reason[] }
  | { code: "count"; unit: string }
  | { code: "timely" }
  | { code: "rate" }
  | { code: "floor" }
  | { code: "none" };

export interface ProseRow {
  /** The 分项 block the row comes from ("党务、政务服务方面"), null when the text has no headings. */
  block: string | null;
  /** The clause as written. */
  source: string;
  name: string;
  value: ProseValue;
  /** A period written before the value ("每年", "每季度"), null when none. */
  period: string | null;
  level1: string | null;
  level2: string | null;
  reason: CategoryReason;
}

export interface ProseBlock {
  /** The heading without its number ("党务、政务服务方面"), null for text without headings. */
  name: string | null;
  /** The block's 绩效目标 sentence, when written. */
  goal: string | null;
  rows: ProseRow[];
}

/** （一） / (二） / 一、 at the start of a line or after a full stop: a 分项 heading. */
const HEADING = /(?:^|\n|(?<=[。；;]))\s*(?:[（(]([一二三四五六七八九十]{1,3})[)）]|([一二三四五六七八九十]{1,3})、)\s*/g;
const GOAL_MARK = /绩效目标[:：]/;
const INDICATOR_MARK = /绩效指标[:：]/;

/** Operators written before the number, longest first. */
const OP_WORDS = "不少于|不低于|不多于|不超过|不高于|不大于|不小于|大于等于|小于等于|达到|高于|低于|超过|大于|小于|≥|≤|>=|<=|＞=|＜=|＞|＜|>|<|=";
/** A value at the end of a clause: [period] [operator] number [unit] [以上/以内]. */
const VALUE_TAIL = new RegExp(
  `(每年|每季度|每季|每月|每周|全年|年均|年度)?\\s*((?:${OP_WORDS})?\\s*\\d+(?:\\.\\d+)?\\s*(?:%|％|[^\\d\\s，,；;。、%％]{0,3}?)(?:以上|以内|以下)?)\\s*$`,
);
/** Count units a name is completed with ("上报信息" + 条 → "上报信息条数"). */
const COUNT_UNITS = new Set(["条", "次", "个", "人", "件", "项", "场", "篇", "家", "户", "期", "份", "批"]);
/** Compliance floors written as a target ("不存在挪用、挤占、截留等现象"). */
const FLOOR = /不存在|无(?:违规|违纪|挪用)|杜绝|未发生|零(?:违规|事故)/;

/** Library matches below this text score are not trusted for the category. */
const MIN_LIBRARY_SCORE = 0.6;

/** The 分项 blocks of a text and their rows. Text without 分项 headings is one block without a name. */
export function extractProse(text: string, index: SearchIndex): ProseBlock[] {
  const norm = text.replace(/\r\n?/g, "\n");
  const heads = [...norm.matchAll(HEADING)];
  const parts: { name: string | null; body: string }[] = [];
  if (heads.length === 0) parts.push({ name: null, body: norm });
  else {
    const before = norm.slice(0, heads[0].index).trim();
    if (before !== "" && INDICATOR_MARK.test(before)) parts.push({ name: null, body: before });
    heads.forEach((h, i) => {
      const start = (h.index ?? 0) + h[0].length;
      const end = i + 1 < heads.length ? heads[i + 1].index : norm.length;
      const body = norm.slice(start, end);
      const mark = body.search(/绩效(目标|指标)[:：]/);
      const name = (mark >= 0 ? body.slice(0, mark) : body.split(/[\n。；;]/)[0]).trim();
      parts.push({ name: name === "" ? null : name, body: mark >= 0 ? body.slice(mark) : body.slice(name.length) });
    });
  }
  return parts
    .map((p) => {
      const goalAt = p.body.search(GOAL_MARK);
      const indAt = p.body.search(INDICATOR_MARK);
      const goal = goalAt >= 0 ? p.body.slice(goalAt, indAt > goalAt ? indAt : undefined).replace(GOAL_MARK, "").trim() : null;
      const indicators = indAt >= 0 ? p.body.slice(indAt).replace(INDICATOR_MARK, "") : goalAt >= 0 ? "" : p.body;
      return { name: p.name, goal: goal === "" ? null : goal, rows: extractRows(indicators, p.name, index) };
    })
    .filter((b) => b.rows.length > 0 || b.goal !== null);
}

/** One clause of an indicator text as written: its name, its value text, and a period (每年) if any. */
export interface ProseClause {
  source: string;
  name: string;
  value: ProseValue;
  period: string | null;
}

/**
 * The clauses of an indicator text, one per figure, names as written ("A、B、C完成率" stays packed).
 * A clause without a figure is split at its first "，": the words before are the name, the rest the
 * value ("资金使用规范合理" / "不存在挪用、挤占、截留等现象").
 */
export function extractClauses(text: string): ProseClause[] {
  return clauses(text).map((clause) => {
    const tail = VALUE_TAIL.exec(clause);
    if (!tail) {
      const cut = clause.search(/[，,]/);
      const name = cut > 0 ? clause.slice(0, cut) : clause;
      const rest = cut > 0 ? clause.slice(cut + 1).trim() : "";
      return { source: clause, name, value: { ...emptyValue(), raw: rest, text: rest }, period: null };
    }
    const rawValue = tail[2].trim();
    let name = clause.slice(0, tail.index).trim().replace(/[，,:：]+$/, "");
    const parsed = parseValue(rawValue);
    if (parsed.unit && COUNT_UNITS.has(parsed.unit) && !/(数|量|次数|人次|率)$/.test(name)) name = `${name}${parsed.unit}数`;
    return {
      source: clause,
      name,
      value: { raw: rawValue, op: parsed.op, number: parsed.number, unit: parsed.unit, text: parsed.normalized ?? rawValue },
      period: tail[1] ?? null,
    };
  });
}

/** The rows of one indicator text (no headings): one per measure. */
export function extractRows(text: string, block: string | null, index: SearchIndex): ProseRow[] {
  return extractClauses(text).flatMap((c) => splitMeasures(c.name).map((m) => row(block, c.source, m, c.value, c.period, index)));
}

function emptyValue(): ProseValue {
  return { raw: "", op: null, number: null, unit: null, text: "" };
}

/**
 * Clauses: split at "；" "。" and line ends, and at "，" when the parts on both sides carry a figure
 * ("上报信息80条，上传下达工作任务完成率100%"); "资金使用规范合理，不存在挪用…" stays whole.
 */
function clauses(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.split(/[；;。\n]/)) {
    const parts = sentence.split(/[，,]/).map((p) => p.trim());
    let current = "";
    for (const p of parts) {
      if (p === "") continue;
      if (current !== "" && VALUE_TAIL.test(current) && VALUE_TAIL.test(p)) {
        out.push(current);
        current = p;
      } else current = current === "" ? p : `${current}，${p}`;
    }
    if (current.trim() !== "") out.push(current.trim());
  }
  return out;
}

/**
 * One name per measure: "账目入账工作完成率、报表报送及时率、预决算工作完成率" → three names;
 * "群众纠纷协调率、处理率、调解率" → 群众纠纷协调率, 群众纠纷处理率, 群众纠纷调解率 (the object of the
 * first name is carried to the bare rates after it).
 */
export function splitMeasures(name: string): string[] {
  const ms = measuresOf(name);
  if (ms.length < 2) return [name];
  const first = ms[0];
  return ms.map((m, i) => {
    if (i === 0 || m.length > 4 || first.length <= m.length) return m;
    return first.slice(0, first.length - m.length) + m;
  });
}

function row(block: string | null, source: string, name: string, value: ProseValue, period: string | null, index: SearchIndex): ProseRow {
  const { level1, level2, reason } = category(name, value, source, index);
  return { block, source, name, value, period, level1, level2, reason };
}

/** The suggested 一级 / 二级: a close library entry first, else the kind of value. */
function category(
  name: string,
  value: ProseValue,
  source: string,
  index: SearchIndex,
): { level1: string | null; level2: string | null; reason: CategoryReason } {
  if (FLOOR.test(source) && value.number === null) return { level1: "产出指标", level2: "质量指标", reason: { code: "floor" } };
  const hit = search(index, name, { limit: 1 })[0];
  if (hit && hit.textScore >= MIN_LIBRARY_SCORE) {
    return { level1: hit.entry.level1, level2: hit.entry.level2, reason: { code: "library", entry: hit.entry.name, reasons: hit.reasons } };
  }
  if (value.unit && COUNT_UNITS.has(value.unit)) return { level1: "产出指标", level2: "数量指标", reason: { code: "count", unit: value.unit } };
  if (/及时/.test(name)) return { level1: "产出指标", level2: "时效指标", reason: { code: "timely" } };
  if (value.unit === "%" || /率$/.test(name)) return { level1: "产出指标", level2: "质量指标", reason: { code: "rate" } };
  return { level1: null, level2: null, reason: { code: "none" } };
}
