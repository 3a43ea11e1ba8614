/**
 * The indicator library's entry (zod) and the helpers every part of the library shares: the value
 * form derived from a typical value, units, and (from categories.ts, re-exported) category
 * equivalence between the 88 and 101 forms, the searchable keys of an entry and stable ids.
 */
import { z } from "zod";
import { OperatorSchema } from "../value/types";
import { parseValue } from "../value/parse";
import { gradeScaleOf } from "../value/grades";
import { canonicalUnit } from "../value/units";

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
 * Source levels of an entry, most trusted first (docs/library.md "Sources"):
 * - `official`: published on a government site (a gov.cn address) — the label names the publishing
 *   body, the year and the kind of document; the address is shown;
 * - `standard`: follows a standard (the label names it: 依据 财预〔2021〕101号 …);
 * - `document`: a named document without public address (资料：…, e.g. the seed document);
 * - `reposted`: known only from a re-posting site or without address (转载，待核实：…); the address
 *   is kept for audit, never shown as a source;
 * - `common-practice`: standard wording no single public source was kept for (常见做法);
 * - `custom`: a bureau's own library (label = what the import called it).
 * The level is a function of the label and the address (provenanceOf), so that an export read back
 * gives the same level and no level can claim more than its address supports.
 */
export const PROVENANCE_KINDS = ["official", "standard", "document", "reposted", "common-practice", "custom"] as const;
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];

export const ProvenanceSchema = z.object({
  kind: z.enum(PROVENANCE_KINDS),
  /** The address the entry was taken from, kept for audit (shown only when official). */
  url: z.string().nullable(),
  /** The source in words, as a finance officer would cite it. */
  label: z.string(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const REPOSTED_PREFIX = "转载，待核实";
export const DOCUMENT_PREFIX = "资料：";
export const STANDARD_PREFIX = "依据";
export const COMMON_PRACTICE_PREFIX = "常见做法";

/** The host of an http(s) address, lower case, or null. */
export function urlHost(url: string | null | undefined): string | null {
  const m = /^https?:\/\/([^/:?#\s]+)/i.exec((url ?? "").trim());
  return m ? m[1].toLowerCase() : null;
}

/** Is the address on a government domain (gov.cn or a subdomain of it)? */
export function isGovernmentUrl(url: string | null | undefined): boolean {
  const host = urlHost(url);
  return host !== null && /(^|\.)gov\.cn$/.test(host);
}

/**
 * The provenance of a source label and address: official only for a government address; any other
 * address is a re-posting site (转载，待核实); without address the label's prefix gives the level
 * (依据 → standard, 资料： → document, 转载，待核实 → reposted, 常见做法 → common practice), else custom.
 * `fallback` labels a source written without words (an import's file name).
 */
export function provenanceOf(label: string | null | undefined, url: string | null | undefined, fallback = ""): Provenance {
  const l = (label ?? "").trim();
  const u = (url ?? "").trim() || null;
  const host = urlHost(u);
  if (u && isGovernmentUrl(u)) return { kind: "official", url: u, label: l || `政府网站公开资料（${host}）` };
  if (u || l.startsWith(REPOSTED_PREFIX))
    return { kind: "reposted", url: u, label: l.startsWith(REPOSTED_PREFIX) ? l : `${REPOSTED_PREFIX}：${l || host || u}` };
  if (l.startsWith(STANDARD_PREFIX)) return { kind: "standard", url: null, label: l };
  if (l.startsWith(DOCUMENT_PREFIX) && l.length > DOCUMENT_PREFIX.length) return { kind: "document", url: null, label: l };
  if (l.startsWith(COMMON_PRACTICE_PREFIX)) return { kind: "common-practice", url: null, label: l };
  return { kind: "custom", url: null, label: l || fallback };
}

/** What to show of a provenance: its level, the words, and the address only for an official source. */
export function provenanceView(p: Provenance): { kind: ProvenanceKind; label: string; url: string | null } {
  return { kind: p.kind, label: p.label, url: p.kind === "official" && isGovernmentUrl(p.url) ? p.url : null };
}

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
// Categories, keys and ids: in categories.ts (no zod), re-exported here.

export {
  level1OfLevel2,
  belongsEither,
  level2Class,
  sameLevel2,
  inLevel1,
  entryCategoryFor,
  resolveCategory,
  entryKeys,
  shortHash,
  identityKey,
  makeEntryId,
} from "./categories";
