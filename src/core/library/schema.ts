/**
 * The indicator library's entry (zod) and the helpers every part of the library shares: the value
 * form derived from a typical value, units, category equivalence between the 88 and 101 forms,
 * the searchable keys of an entry and stable ids.
 */
import { z } from "zod";
import { OperatorSchema } from "../value/types";
import { parseValue } from "../value/parse";
import { gradeScaleOf } from "../value/grades";
import { canonicalUnit } from "../value/units";
import { canonicalLevel1, canonicalLevel2, FORMS } from "../forms/categories";
import type { Form } from "../model/schema";
import { normText } from "../rules/utils/text";
import { keyText } from "./text";

export const DirectionSchema = z.enum(["正向", "反向"]);
export type Direction = z.infer<typeof DirectionSchema>;

/**
 * How a value of the indicator is written: a quantitative value (operator, unit, an optional typical
 * range of the number), a date or period (时效), or qualitative grades (合格 / 优/良/中/差 …).
 */
export const ValueFormSchema = z.object({
  kind: z.enum(["quantitative", "date", "qualitative"]),
  op: OperatorSchema.nullable(),
  /** Typical range of the number, when known ([85, 98] for a satisfaction rate). */
  range: z.tuple([z.number(), z.number()]).nullable(),
  /** Qualitative grades a value may take (qualitative kind only). */
  grades: z.array(z.string()),
});
export type ValueForm = z.infer<typeof ValueFormSchema>;

/**
 * Where an entry comes from: a published table (`published`, from indicators.tsv: its URL, or with
 * url null a source without one, e.g. the seed document; the label says which),
 * common practice (`common-practice`, 常见做法: standard wording no single public source was kept
 * for), or a bureau's own library (`custom`, label = what the import called it).
 */
export const ProvenanceSchema = z.object({
  kind: z.enum(["published", "common-practice", "custom"]),
  url: z.string().nullable(),
  label: z.string(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const LibraryEntrySchema = z.object({
  /** Namespaced and stable: "b:…" built-in, "c:…" custom. */
  id: z.string().regex(/^[a-z]+:[^\s]+$/),
  /** Canonical 一级 (src/core/forms/categories.ts, either form). */
  level1: z.string(),
  /** Canonical 二级, belonging to level1 in the 88 or the 101 form. */
  level2: z.string(),
  /** The standard 三级 wording. "（…）" marks an optional part: 项目（工程）验收合格率. */
  name: z.string().min(1),
  /** What the indicator measures and how it is computed. */
  definition: z.string(),
  /** Canonical unit ("%", "人次", "万元", "元/人·月"), null for qualitative and date values. */
  unit: z.string().nullable(),
  valueForm: ValueFormSchema,
  /**
   * A typical 指标值 as written in a table ("≥90%", "=100%", "合格", "2022年12月31日前", "≥X公里").
   * Every built-in entry has one; a custom entry may leave it empty.
   */
  typical: z.string(),
  direction: DirectionSchema,
  /** Project types (PROJECT_TYPES ids; custom libraries may add their own); 通用 = any project. */
  types: z.array(z.string().min(1)).min(1),
  /** Other wordings people write for the same indicator; searched, and suggested away from. */
  aliases: z.array(z.string()),
  provenance: ProvenanceSchema,
  /**
   * Precomputed pinyin of entryKeys(entry), aligned with it: syllables separated by spaces. Built-in
   * entries carry it (so the pane never needs pinyin-pro for them); custom entries get it at import.
   */
  pinyin: z.array(z.string()).optional(),
});
export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;

/** An anti-pattern (indicators.tsv 反例 rows): process measures that are not output/effect indicators. */
export interface AntiPattern {
  name: string;
  definition: string;
  note: string;
  url: string | null;
  /** The source as indicators.tsv gives it (a URL or a description), or null. */
  source: string | null;
}

// ---------------------------------------------------------------------------------------------
// Units

/** Units accepted in the library beyond the value parser's lexicon (compound counts of visits). */
export const EXTRA_UNITS: readonly string[] = ["家次", "剂次", "人月", "万人次", "吨标准煤", "标准箱", "亩次", "千瓦时/年"];

/** Written units meaning "no unit": the value is qualitative or a date. */
const NO_UNIT = new Set(["定性", "日期", "日期区间", "时间", "-", "—", "无", "/"]);

/**
 * The library's reading of a unit cell: { unit } with the canonical unit (null for qualitative or
 * date rows), or { odd: true } when the text is not a unit we know.
 */
export function libraryUnit(text: string | null | undefined): { unit: string | null; odd: false } | { odd: true } {
  const t = (text ?? "").trim();
  if (t === "" || NO_UNIT.has(t)) return { unit: null, odd: false };
  const c = canonicalUnit(t);
  if (c !== null) return { unit: c, odd: false };
  if (EXTRA_UNITS.includes(t)) return { unit: t, odd: false };
  return { odd: true };
}

// ---------------------------------------------------------------------------------------------
// Value form and direction

/** A project-specific quantity left as a template: "≥X公里", "X月X日前", "≤X元/人". */
export const PLACEHOLDER_RE = /X/;

/** Splits "优/良/中/差" or "建立/健全" into grades; a single word gives one grade. */
function gradesOf(typical: string): string[] {
  return typical
    .split(/[/／、]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The value form of a typical value and unit. Deterministic, so imports rebuild it from the exported
 * columns (typical value, unit, range).
 */
export function deriveValueForm(typical: string, unit: string | null, range: [number, number] | null = null): ValueForm {
  const v = parseValue(typical);
  const opMatch = /^\s*(≥|≤|=|>|<|±)/.exec(typical);
  const op = v.op ?? (opMatch ? (opMatch[1] as ValueForm["op"]) : null);
  if (v.date !== null || /X月X日|日前|日期|年底|月底/.test(typical)) return { kind: "date", op: null, range: null, grades: [] };
  if (v.kind === "quantitative" || (unit !== null && PLACEHOLDER_RE.test(typical))) {
    const r = range ?? (v.number !== null && v.upper !== null ? ([v.number, v.upper] as [number, number]) : null);
    return { kind: "quantitative", op, range: r, grades: [] };
  }
  if (unit !== null) return { kind: "quantitative", op, range, grades: [] };
  // A grade of a known scale brings the scale (优 → 优/良/中/低/差); other words stand alone.
  const scale = v.kind === "qualitative" ? gradeScaleOf(v.grade) : null;
  if (scale && !scale.weak && !scale.id.startsWith("improve-") && scale.id !== "compliance" && scale.id !== "effect")
    return { kind: "qualitative", op: null, range: null, grades: [...scale.levels] };
  return { kind: "qualitative", op: null, range: null, grades: gradesOf(typical.replace(/^[=＝]/, "")) };
}

const NEGATIVE_NAME_RE = /事故|投诉|故障|超支|误差|差错|违规|违法|负面|污染物排放|超标|发生率|死亡率|发病率|流失|损失|扰民|拆迁|伤亡|中断|延误|返工|空置|闲置/;

/**
 * 正向/反向: 反向 for ≤/< values, zero targets (=0), the 101 社会/生态环境成本 kinds, and names that
 * count bad events (事故, 投诉, 超标 …) unless the name measures their reduction (下降, 减少).
 */
export function inferDirection(level2: string, name: string, typical: string): "正向" | "反向" {
  if (level2 === "社会成本指标" || level2 === "生态环境成本指标") return "反向";
  const t = typical.trim();
  if (/^[≤<]/.test(t) || /不超过|以内|以下/.test(t)) return "反向";
  if (/^=?\s*0(?:\D|$)/.test(t)) return "反向";
  if (/下降率|减少率|降低率|下降幅度|削减/.test(name)) return "正向";
  if (NEGATIVE_NAME_RE.test(name) && !/^[≥>]/.test(t)) return "反向";
  return "正向";
}

// ---------------------------------------------------------------------------------------------
// Categories

/** The 一级 a 二级 belongs to (either form); 成本指标 as a 二级 is the 88 form's 产出/成本. */
export function level1OfLevel2(level2: string): string | null {
  for (const form of ["88", "101"] as const)
    for (const [l1, l2s] of Object.entries(FORMS[form])) if (l2s.includes(level2)) return l1;
  return null;
}

/** Does a 二级 belong to a 一级 in either form? */
export function belongsEither(level1: string, level2: string): boolean {
  return (["88", "101"] as const).some((f) => (FORMS[f][level1] ?? []).includes(level2));
}

/** 二级 that mean the same in the two forms: 88's 产出/成本指标 is 101's 成本/经济成本指标. */
export function level2Class(level2: string | null | undefined): string | null {
  if (!level2) return null;
  return level2 === "经济成本指标" ? "成本指标" : level2;
}

/** Is an entry's 二级 the same category as a (row's or filter's) 二级, across the forms? */
export function sameLevel2(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && level2Class(a) === level2Class(b);
}

/** Is an entry's category inside a 一级, across the forms (成本指标 covers 88's 产出/成本)? */
export function inLevel1(entry: Pick<LibraryEntry, "level1" | "level2">, level1: string): boolean {
  if (entry.level1 === level1) return true;
  if (level1 === "成本指标") return entry.level2 === "成本指标";
  if (level1 === "产出指标") return entry.level2 === "经济成本指标";
  return false;
}

/**
 * The 一级/二级 an entry takes in a table of the given form: 88's 产出/成本 becomes 101's
 * 成本/经济成本 and back. 社会成本/生态环境成本 have no place in the 88 form: null.
 */
export function entryCategoryFor(entry: Pick<LibraryEntry, "level1" | "level2">, form: Form): { level1: string; level2: string } | null {
  const { level1, level2 } = entry;
  if (form === "101" && level1 === "产出指标" && level2 === "成本指标") return { level1: "成本指标", level2: "经济成本指标" };
  if (form === "88" && level1 === "成本指标") return level2 === "经济成本指标" ? { level1: "产出指标", level2: "成本指标" } : null;
  return (FORMS[form][level1] ?? []).includes(level2) ? { level1, level2 } : null;
}

/** Canonical 一级/二级 for written ones (either may be missing: the 一级 follows from the 二级). */
export function resolveCategory(level1Text: string | null, level2Text: string | null): { level1: string; level2: string } | { error: "badLevel2" | "badLevel1" | "levelMismatch" } {
  const l2 = canonicalLevel2(level2Text);
  if (l2 === null) return { error: "badLevel2" };
  const l1Written = level1Text && level1Text.trim() ? canonicalLevel1(level1Text) : null;
  if (level1Text && level1Text.trim() && l1Written === null) return { error: "badLevel1" };
  if (l1Written === null) {
    const l1 = level1OfLevel2(l2);
    return l1 ? { level1: l1, level2: l2 } : { error: "badLevel2" };
  }
  if (belongsEither(l1Written, l2)) return { level1: l1Written, level2: l2 };
  // 一级 成本指标 with 二级 成本指标 (101 table with an 88 二级): the 101 economic cost.
  if (l1Written === "成本指标" && l2 === "成本指标") return { level1: "成本指标", level2: "经济成本指标" };
  return { error: "levelMismatch" };
}

// ---------------------------------------------------------------------------------------------
// Keys and ids

/**
 * The names of an entry, normalised (normText), standard wordings first: the name with its optional
 * "（…）" parts kept and dropped ("项目工程验收合格率", "项目验收合格率"), then the aliases. Pinyin
 * is precomputed for exactly these keys, in this order.
 */
export function entryKeys(entry: Pick<LibraryEntry, "name" | "aliases">): { keys: string[]; standard: number } {
  const out: string[] = [];
  const add = (s: string) => {
    const k = keyText(s);
    if (k && !out.includes(k)) out.push(k);
  };
  add(entry.name);
  add(entry.name.replace(/[（(][^）)]*[）)]/g, ""));
  // "路灯（照明设施）安装数量": the bracketed word may replace the one before it.
  const m = /^(.*?)([\u4e00-\u9fff]{2})[（(]([^）)]+)[）)](.*)$/.exec(entry.name);
  if (m && !/[、/]/.test(m[3])) add(m[1] + m[3] + m[4]);
  const standard = out.length;
  for (const a of entry.aliases) add(a);
  return { keys: out, standard };
}

/** FNV-1a 32-bit hash in base 36: short stable ids from an entry's identity. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0");
}

/** The identity of an entry for duplicates and merging: normalised name + 二级 class. */
export function identityKey(entry: Pick<LibraryEntry, "name" | "level2">): string {
  return `${level2Class(entry.level2)}|${normText(entry.name)}`;
}

/** A stable id from the entry's identity and its first type, in a namespace ("b" built-in, "c" custom). */
export function makeEntryId(ns: string, entry: Pick<LibraryEntry, "name" | "level2" | "types">): string {
  return `${ns}:${shortHash(`${identityKey(entry)}|${entry.types[0] ?? ""}`)}`;
}
